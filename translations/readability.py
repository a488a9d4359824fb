"""Readability of each language version, with only the metrics validated for that language.

A formula is fitted to one language's words and syllables: Flesch-Kincaid applied to Polish
or Arabic gives a confident, wrong number. So each language gets its own metric, and
languages without a validated syllable-based metric (Polish, Arabic, Urdu, Farsi, Hebrew,
Chinese, and any not listed) get "no validated metric" instead of a score.

| Language | Metric | Target (readers of about 9 to 11) |
|---|---|---|
| English | Flesch-Kincaid grade (reading age = grade + 5); SMOG from 30 sentences | reading age 9 to 11 |
| Spanish | Szigriszt-Pazos (INFLESZ scale); Fernández-Huerta | 65+ ("bastante fácil"); 80+ ("fácil") |
| German | Wiener Sachtextformel (1st), a school year | 5 or lower |
| French | Kandel-Moles | 80+ |
| Italian | Gulpease | 80+ (easy for readers with primary education) |
| Dutch | Flesch-Douma | 80+ |
| Russian | Flesch-Oborneva | 80+ |

Scores come from textstat 0.7.8, pinned: it ships its dictionaries (CMUdict, Pyphen) and
works offline. Later versions download a dictionary at run time and fail without network.
Texts of fewer than ``MIN_WORDS`` words are not scored: the formulas are meaningless there.

A model may leave fields that are not prose out of its score (a list of sources, an author's
name and credentials) with ``readability_exclude_fields``; they are still translated.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .languages import babel_locale
from .qa.base import qa_setting
from .qa.text import strip_placeholders

MIN_WORDS = 100
SMOG_MIN_SENTENCES = 30
DEFAULT_READING_AGE = (9, 11)
GRADE_TO_AGE = 5  # US school grade + 5 = reading age

_SENTENCE_END = re.compile(r"[.!?…。！？:;]['\"”’)\]]*$")


@dataclass(frozen=True)
class Metric:
    key: str
    name: str
    textstat_lang: str
    higher_is_easier: bool
    target: float  # the easiest acceptable score (a minimum if higher is easier, else a maximum)
    gives_grade: bool = False
    min_sentences: int = 0


METRICS = {
    "en": [
        Metric("flesch_kincaid_grade", gettext_lazy("Flesch-Kincaid grade"), "en_US", False, 6, gives_grade=True),
        Metric("smog_index", gettext_lazy("SMOG grade"), "en_US", False, 6, gives_grade=True, min_sentences=30),
    ],
    "es": [
        Metric("szigriszt_pazos", gettext_lazy("Szigriszt-Pazos (INFLESZ)"), "es", True, 65),
        Metric("fernandez_huerta", gettext_lazy("Fernández-Huerta"), "es", True, 80),
    ],
    "de": [Metric("wiener_sachtextformel", gettext_lazy("Wiener Sachtextformel"), "de", False, 5)],
    "fr": [Metric("flesch_reading_ease", gettext_lazy("Kandel-Moles"), "fr", True, 80)],
    "it": [Metric("gulpease_index", gettext_lazy("Gulpease"), "it", True, 80)],
    "nl": [Metric("flesch_reading_ease", gettext_lazy("Flesch-Douma"), "nl", True, 80)],
    "ru": [Metric("flesch_reading_ease", gettext_lazy("Flesch-Oborneva"), "ru", True, 80)],
}


@dataclass(frozen=True)
class Score:
    metric: Metric
    value: float
    reading_age: float | None
    meets_target: bool

    @property
    def name(self):
        return str(self.metric.name)

    @property
    def target(self):
        """The target in words, e.g. "reading age 9 to 11" or "65 or higher"."""
        return metric_target(self.metric)


def metric_target(metric):
    """A metric's target in words, e.g. "reading age 9 to 11" or "65 or higher"."""
    if metric.gives_grade:
        low, high = qa_setting("READING_AGE", DEFAULT_READING_AGE)
        return _("reading age %(low)s to %(high)s") % {"low": low, "high": high}
    if metric.higher_is_easier:
        return _("%(target)s or higher") % {"target": metric.target}
    return _("%(target)s or lower") % {"target": metric.target}


def _metric_and_target(metric, target):
    # Translators: a readability metric and its target, e.g. “Szigriszt-Pazos (INFLESZ): 65 or higher”
    return _("%(metric)s: %(target)s") % {"metric": metric.name, "target": target}


@dataclass(frozen=True)
class Readability:
    language_code: str
    validated: bool
    scores: tuple[Score, ...]
    words: int
    sentences: int
    message: str

    @property
    def meets_target(self):
        return bool(self.scores) and all(score.meets_target for score in self.scores)

    @property
    def target(self):
        """The language's target in words, scored or not: "reading age 9 to 11", "Szigriszt-Pazos
        (INFLESZ): 65 or higher; Fernández-Huerta: 80 or higher", or "no validated metric"."""
        metrics = metrics_for(self.language_code)
        targets = [metric_target(metric) for metric in metrics]
        if not targets:
            return _("no validated metric")
        if len(set(targets)) == 1:
            return targets[0]
        return "; ".join(_metric_and_target(m, t) for m, t in zip(metrics, targets, strict=True))

    def lines(self):
        """The result as (text, meets target) lines, each score with its target; a text that is
        not scored says why and what the target is (None: nothing to meet)."""
        if not self.validated:
            return [(self.message, None)]
        if not self.scores:
            # Translators: e.g. “Too short to score: 27 words; the formulas need 100 or more. (target: 65 or higher)”
            return [(_("%(message)s (target: %(target)s)") % {"message": self.message, "target": self.target}, None)]
        lines = []
        for score in self.scores:
            value = score.value
            if score.reading_age is not None:
                value = _("reading age %(age)s") % {"age": score.reading_age}
            # Translators: a readability score, e.g. “Szigriszt-Pazos (INFLESZ): 71.6 (target: 65 or higher)”
            text = _("%(metric)s: %(value)s (target: %(target)s)") % {
                "metric": score.name,
                "value": value,
                "target": score.target,
            }
            lines.append((text, score.meets_target))
        return lines


def metrics_for(language_code: str) -> list[Metric]:
    """The validated metrics of a language; empty when there is none (never another's formula)."""
    return METRICS.get(language_code.lower().split("-")[0].split("_")[0], [])


def _as_prose(texts: Iterable[str]) -> str:
    """Segments joined as sentences: a heading or list item without a full stop still ends one."""
    sentences = []
    for text in texts:
        text = " ".join(strip_placeholders(text).split())
        if text:
            sentences.append(text if _SENTENCE_END.search(text) else f"{text}.")
    return " ".join(sentences)


def _score(metric, text):
    from textstat.backend import metrics as textstat_metrics

    function = getattr(textstat_metrics, metric.key)
    if metric.key == "gulpease_index":
        return function(text)
    if metric.key == "wiener_sachtextformel":
        return function(text, 1, metric.textstat_lang)
    return function(text, metric.textstat_lang)


def readability(texts: str | Iterable[str], language_code: str) -> Readability:
    """The readability of a text (or of segments, read in order) written in a language."""
    from textstat.backend.counts import count_sentences, count_words

    text = _as_prose([texts] if isinstance(texts, str) else texts)
    language = babel_locale(language_code).get_display_name(babel_locale(_active_language()))
    words, sentences = count_words(text), count_sentences(text) if text else 0
    metrics = metrics_for(language_code)
    if not metrics:
        message = _("No validated readability metric for %(language)s.") % {"language": language}
        return Readability(language_code, False, (), words, sentences, message)
    if words < MIN_WORDS:
        message = _("Too short to score: %(words)d words; the formulas need %(min)d or more.")
        return Readability(language_code, True, (), words, sentences, message % {"words": words, "min": MIN_WORDS})
    scores = tuple(_measure(metric, text) for metric in metrics if sentences >= metric.min_sentences)
    return Readability(language_code, True, scores, words, sentences, _summary(scores))


def _measure(metric, text):
    value = round(_score(metric, text), 1)
    low, high = qa_setting("READING_AGE", DEFAULT_READING_AGE)
    if metric.gives_grade:
        reading_age = round(value + GRADE_TO_AGE, 1)
        return Score(metric, value, reading_age, reading_age <= high)
    meets = value >= metric.target if metric.higher_is_easier else value <= metric.target
    return Score(metric, value, None, meets)


def _summary(scores):
    parts = []
    for score in scores:
        if score.reading_age is not None:
            parts.append(_("%(metric)s: reading age %(age)s") % {"metric": score.name, "age": score.reading_age})
        else:
            parts.append(_("%(metric)s: %(value)s") % {"metric": score.name, "value": score.value})
    return "; ".join(parts)


def _active_language():
    from django.utils.translation import get_language

    return get_language() or "en"


def _is_prose(context, model):
    """Whether a text at this content path counts towards the score (see ``readability_exclude_fields``)."""
    return context.split(".", 1)[0] not in getattr(model, "readability_exclude_fields", ())


def readability_for_catalog(catalog) -> Readability:
    """The readability of a translation: its current segments' translations, in reading order."""
    segments = catalog.segments.filter(obsolete=False).exclude(translation="").order_by("position")
    rows = segments.values_list("context", "translation")
    texts = [text for context, text in rows if _is_prose(context, catalog.model)]
    return readability(texts, catalog.target_locale.language_code)


def readability_for_page(page) -> Readability:
    """The readability of a page in its own language (for example the English source)."""
    from .extract import extract

    texts = [unit.source for unit in extract(page) if _is_prose(unit.context, type(page))]
    return readability(texts, page.locale.language_code)
