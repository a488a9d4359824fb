"""What every check shares: the finding it returns, the context it reads, the registry.

A check is a plain function::

    def check(source: str, target: str, locale: str, context: CheckContext) -> list[Finding]

``locale`` is the target language code (``es``, ``zh-hans``). Checks do no database work:
what they need from the database (the glossary, the allowed phone numbers) is loaded once
into the ``CheckContext`` by ``CheckContext.for_language``.

Sites choose the checks in settings::

    CARELINGUA_QA = {
        "CHECKS": [*translations.qa.DEFAULT_CHECKS, "mysite.qa.check_house_style"],
        "PHONE_NUMBERS": "cms.regions.all_phone_numbers",  # a callable, or a list of numbers
        "LENGTH_RATIOS": {"de": (0.9, 2.2)},  # target length / source length, per language
        "UNITS": {"hour": ["Stunden", "Std"]},  # more unit words
    }
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.utils.module_loading import import_string

ERROR = "error"
WARNING = "warning"

DEFAULT_CHECKS = [
    "translations.qa.checks.check_markup",
    "translations.qa.checks.check_characters",
    "translations.qa.checks.check_numbers",
    "translations.qa.checks.check_unit_abbreviations",
    "translations.qa.checks.check_phone_numbers",
    "translations.qa.checks.check_glossary",
    "translations.qa.checks.check_untranslated",
    "translations.qa.checks.check_whitespace",
    "translations.qa.checks.check_entities",
    "translations.qa.checks.check_length",
]


@dataclass(frozen=True)
class Finding:
    """One problem with one translation.

    ``key`` is what the finding is about in words that do not depend on the interface
    language ("84 mg", "Spravato"), so that an acknowledgement made in one language still
    matches the same finding shown in another.
    """

    severity: str
    code: str
    message: str
    key: str = ""

    @property
    def is_error(self):
        return self.severity == ERROR

    def identifier(self, segment_context: str, source: str = "", target: str = "") -> str:
        """A stable name for this finding on one segment's text: context, code, key and a digest
        of the texts, so that an acknowledgement lapses when the source or translation changes."""
        digest = hashlib.sha256(f"{source}\x00{target}".encode()).hexdigest()[:12]
        return f"{segment_context}|{self.code}|{self.key}|{digest}"


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary term as the check sees it: plain strings, no database row."""

    term: str
    approved: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class CheckContext:
    source_language: str = "en"
    glossary: tuple[GlossaryEntry, ...] = ()
    phone_numbers: frozenset[str] = frozenset()
    length_ratios: dict = field(default_factory=dict)
    extra_units: tuple = ()
    segment_context: str = ""

    @classmethod
    def for_language(cls, language_code, source_language="en"):
        """The context for checking translations into one language: two queries at most."""
        from ..glossary import entries_for_language

        return cls(
            source_language=source_language,
            glossary=tuple(entries_for_language(language_code)),
            phone_numbers=frozenset(allowed_phone_numbers()),
            length_ratios=dict(qa_setting("LENGTH_RATIOS", {})),
            extra_units=tuple((unit, tuple(words)) for unit, words in qa_setting("UNITS", {}).items()),
        )

    def for_segment(self, context):
        return replace(self, segment_context=context)


Check = Callable[[str, str, str, CheckContext], list[Finding]]


def qa_setting(name, default=None):
    return getattr(settings, "CARELINGUA_QA", {}).get(name, default)


def allowed_phone_numbers() -> Iterable[str]:
    """The phone numbers a translation may contain although its source does not (region data)."""
    value = qa_setting("PHONE_NUMBERS", ())
    if isinstance(value, str):
        value = import_string(value)
    return [str(number) for number in (value() if callable(value) else value)]


_loaded: dict[tuple, list[Check]] = {}


def get_checks() -> list[Check]:
    """The configured checks, imported once per distinct setting."""
    paths = tuple(qa_setting("CHECKS", DEFAULT_CHECKS))
    if paths not in _loaded:
        _loaded[paths] = [import_string(path) if isinstance(path, str) else path for path in paths]
    return _loaded[paths]


def check_settings(app_configs=None, **kwargs):
    """System check: ``CARELINGUA_QA`` names checks and a phone number source that import."""
    from django.core.checks import Error

    problems = []
    for path in qa_setting("CHECKS", DEFAULT_CHECKS):
        try:
            check = import_string(path) if isinstance(path, str) else path
        except ImportError as error:
            check = None
            problems.append(Error(f"CARELINGUA_QA['CHECKS']: cannot import {path!r}: {error}", id="carelingua.E101"))
        if check is not None and not callable(check):
            problems.append(Error(f"CARELINGUA_QA['CHECKS']: {path!r} is not a function.", id="carelingua.E102"))
    phones = qa_setting("PHONE_NUMBERS", ())
    if isinstance(phones, str):
        try:
            import_string(phones)
        except ImportError as error:
            problems.append(
                Error(f"CARELINGUA_QA['PHONE_NUMBERS']: cannot import {phones!r}: {error}", id="carelingua.E103")
            )
    for language, bounds in qa_setting("LENGTH_RATIOS", {}).items():
        if not (isinstance(bounds, list | tuple) and len(bounds) == 2 and 0 < bounds[0] < bounds[1]):
            message = f"CARELINGUA_QA['LENGTH_RATIOS'][{language!r}] must be (low, high) with 0 < low < high."
            problems.append(Error(message, id="carelingua.E104"))
    return problems


def run_checks(source: str, target: str, locale: str, context: CheckContext | None = None, checks=None):
    """Every configured check on one translation; errors first. An empty translation is one warning."""
    from .checks import check_empty

    context = context or CheckContext()
    if not target.strip():
        return check_empty(source, target, locale, context)
    findings = [finding for check in (checks or get_checks()) for finding in check(source, target, locale, context)]
    return sorted(findings, key=lambda finding: finding.severity != ERROR)
