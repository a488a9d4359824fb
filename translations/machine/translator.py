"""The adapter between segment texts and a machine translation backend.

``MachineTranslator`` translates segment texts with one backend from one language into
another. It masks placeholders and glossary terms (``protect``), cuts the texts into
requests within the service's limits (the one place that batches), restores the masks, and
checks each suggestion's placeholders against its source. A suggestion that fails comes back
with the reason instead of a text; a service that fails (after the backend's retries) raises
``ServiceError``, and a job that stops can run again later and fill only what is still missing.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..validation import text_problems
from . import protect
from .backends import ServiceError, get_backend


@dataclass(frozen=True)
class Suggestion:
    """A machine translation of one segment, or the reason there is none."""

    text: str = ""
    problem: str = ""


class MachineTranslator:
    def __init__(self, backend, source, target, terms=None):
        self.backend = backend
        self.source, self.target = source, target
        self.terms = terms
        self.codes = None
        self.requests = 0

    @classmethod
    def create(cls, source, target, backend=None, terms=None, **numbers):
        """A translator for the named backend (the default if None); ConfigurationError if it cannot exist.
        ``numbers`` (timeout, retries, backoff) override the settings."""
        return cls(get_backend(backend, **numbers), source, target, terms)

    def prepare(self):
        """Ask the service whether it can do this language pair; ConfigurationError with what to change if not."""
        self.codes = self.backend.prepare(self.source, self.target)
        return self

    def translate(self, texts):
        """One Suggestion per text, in order. Raises ServiceError if the service fails for good."""
        if self.codes is None:
            self.prepare()
        masked = [protect.mask(text, self.terms, self.backend.mask_style) for text in texts]
        suggestions = [None] * len(texts)
        for index, item in enumerate(masked):
            if len(item.text) > self.backend.max_chars:
                message = _("Too long for %(service)s (%(length)d characters; it takes %(limit)d).")
                limits = {"service": self.backend.label, "length": len(item.text), "limit": self.backend.max_chars}
                suggestions[index] = Suggestion(problem=message % limits)
        for indices in self._requests(masked, suggestions):
            answers = self._send([masked[i].text for i in indices])
            for index, answer in zip(indices, answers, strict=True):
                suggestions[index] = self._restore(texts[index], masked[index], answer)
        return suggestions

    def _requests(self, masked, suggestions):
        """Runs of indices, each run one request within the service's limits."""
        run, size = [], 0
        for index, item in enumerate(masked):
            if suggestions[index] is not None:
                continue
            if run and (len(run) == self.backend.max_texts or size + len(item.text) > self.backend.max_chars):
                yield run
                run, size = [], 0
            run.append(index)
            size += len(item.text)
        if run:
            yield run

    def _send(self, texts):
        self.requests += 1
        answers = self.backend.translate(texts, *self.codes)
        if not isinstance(answers, list) or len(answers) != len(texts):
            got = len(answers) if isinstance(answers, list) else 0
            message = _("%(service)s gave an answer that could not be used: %(got)d translations for %(sent)d texts.")
            raise ServiceError(message % {"service": self.backend.label, "got": got, "sent": len(texts)})
        return answers

    def _restore(self, source, masked, answer):
        if not isinstance(answer, str):
            return Suggestion(problem=_("The service returned something that is not text."))
        try:
            text = protect.unmask(masked, answer).strip()
        except protect.MaskError as error:
            return Suggestion(problem=str(error))
        if not text:
            return Suggestion(problem=_("The service returned an empty translation."))
        problems = text_problems(source, text)
        return Suggestion(problem=problems[0]) if problems else Suggestion(text=text)
