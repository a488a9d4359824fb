"""Mask what a machine translation service must not touch: placeholders and glossary terms.

Before a request, each inline placeholder of a segment (``<1>``, ``</1>``, ``<2/>``) and
each glossary term becomes a mask the service keeps as it is; after the answer, the masks
become the placeholders again, and each term its approved rendering. An answer that drops,
repeats or invents a mask raises ``MaskError`` with a reason: the suggestion is rejected,
never stored broken.

Two mask styles, chosen by the backend:

``XML``
    ``<x1>…</x1>``, ``<x2/>`` and terms ``<t1/>``; the text around them is XML-escaped.
    For services that keep markup: DeepL with ``tag_handling=xml``, LibreTranslate with
    HTML.
``BRACKETS``
    ``[[1]]…[[/1]]``, ``[[2/]]`` and terms ``[[T1]]``, for services that strip markup.

Terms are a plain list (``["Spravato"]``: kept as written) or a mapping from a term to
its approved rendering in the target language (``{"Spravato": "سبرافاتو"}``), so this
module needs no glossary model. Terms match whole words, ignoring case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape, unescape

from django.utils.translation import gettext as _

from ..richtext import PLACEHOLDER_RE

XML = "xml"
BRACKETS = "brackets"


class MaskError(ValueError):
    """A service's answer whose masks do not match what was sent; ``str(e)`` says why."""


@dataclass(frozen=True)
class Style:
    opening: str
    closing: str
    void: str
    term: str
    find: re.Pattern  # groups: closing slash, kind, number, void slash
    escaped: bool

    def canonical(self, match: re.Match) -> str:
        closing, kind, number, void = match.groups()
        if kind.lower() == "t":
            return self.term.format(number)
        return (self.closing if closing else self.void if void else self.opening).format(number)


STYLES = {
    XML: Style(
        "<x{}>", "</x{}>", "<x{}/>", "<t{}/>", re.compile(r"<\s*(/?)\s*([xtXT])\s*(\d+)\s*(/?)\s*>"), escaped=True
    ),
    BRACKETS: Style(
        "[[{}]]", "[[/{}]]", "[[{}/]]", "[[T{}]]", re.compile(r"\[\[\s*(/?)\s*([tT]?)\s*(\d+)\s*(/?)\s*\]\]"), False
    ),
}
# Some services write an empty element <t1/> as <t1></t1>: that is the same mask.
EMPTY_PAIR_RE = re.compile(r"<\s*([xtXT]\s*\d+)\s*>\s*<\s*/\s*\1\s*>")


@dataclass(frozen=True)
class Masked:
    """A segment as sent to a service: ``text``, and each mask with what it stands for."""

    text: str
    style: str
    masks: tuple[tuple[str, str], ...]  # (mask, original), in order


def term_renderings(terms: Iterable[str] | Mapping[str, str] | None) -> dict[str, str | None]:
    """Terms keyed by their lower-case form; the value is the approved rendering, or None to keep the text."""
    if not terms:
        return {}
    if isinstance(terms, Mapping):
        return {term.lower(): rendering or None for term, rendering in terms.items() if term.strip()}
    return {term.lower(): None for term in terms if term.strip()}


def _pattern(renderings: Mapping[str, str | None]) -> re.Pattern:
    alternatives = [PLACEHOLDER_RE.pattern]
    if renderings:
        words = "|".join(re.escape(term) for term in sorted(renderings, key=len, reverse=True))
        alternatives.append(rf"(?<!\w)(?P<term>{words})(?!\w)")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def mask(text: str, terms: Iterable[str] | Mapping[str, str] | None = None, style: str = XML) -> Masked:
    """The text to send, with placeholders and terms masked."""
    spec, renderings = STYLES[style], term_renderings(terms)
    quote = (lambda s: escape(s, quote=False)) if spec.escaped else str
    pieces, masks, terms_seen = [], [], 0
    position = 0
    for match in _pattern(renderings).finditer(text):
        pieces.append(quote(text[position : match.start()]))
        position = match.end()
        if match.groupdict().get("term"):
            terms_seen += 1
            token = spec.term.format(terms_seen)
            masks.append((token, renderings[match.group().lower()] or match.group()))
        else:
            opening, closing, void = match.group(1), match.group(2), match.group(3)
            token = spec.opening.format(opening) if opening else spec.closing.format(closing) if closing else None
            masks.append((token or spec.void.format(void), match.group()))
        pieces.append(masks[-1][0])
    pieces.append(quote(text[position:]))
    return Masked("".join(pieces), style, tuple(masks))


def unmask(masked: Masked, answer: str) -> str:
    """The service's answer with the placeholders and terms back; ``MaskError`` if a mask was mangled."""
    spec = STYLES[masked.style]
    originals = dict(masked.masks)
    if spec.escaped:
        voids = {token for token in originals if token.endswith("/>")}
        answer = EMPTY_PAIR_RE.sub(lambda m: _void_if_known(m, voids), answer)
    found = [(match, spec.canonical(match)) for match in spec.find.finditer(answer)]
    _compare(Counter(token for _match, token in found), Counter(token for token, _original in masked.masks), originals)
    pieces, position = [], 0
    for match, _token in found:
        pieces.append(answer[position : match.start()])
        pieces.append(None)  # a mask: filled below, never unescaped
        position = match.end()
    pieces.append(answer[position:])
    replacements = iter(originals[token] for _match, token in found)
    return "".join(next(replacements) if piece is None else _text(piece, spec) for piece in pieces)


def _void_if_known(match: re.Match, voids: set[str]) -> str:
    name = "".join(match.group(1).split()).lower()
    token = f"<{name}/>"
    return token if token in voids else match.group()


def _text(piece: str, spec: Style) -> str:
    return unescape(piece) if spec.escaped else piece


def _compare(found: Counter, wanted: Counter, originals: Mapping[str, str]) -> None:
    for token, count in wanted.items():
        if found[token] < count:
            raise MaskError(_("The service dropped %(what)s.") % {"what": _describe(token, originals)})
        if found[token] > count:
            raise MaskError(_("The service repeated %(what)s.") % {"what": _describe(token, originals)})
    invented = [token for token in found if token not in wanted]
    if invented:
        raise MaskError(_("The service added a mask that was not in the text: %(mask)s.") % {"mask": invented[0]})


def _describe(token: str, originals: Mapping[str, str]) -> str:
    original = originals[token]
    if PLACEHOLDER_RE.fullmatch(original):
        # Translators: completes “The service dropped …”, e.g. “the placeholder <2/>”
        return _("the placeholder %(placeholder)s") % {"placeholder": original}
    # Translators: completes “The service dropped …”, e.g. “the term “Spravato””
    return _("the term “%(term)s”") % {"term": original}
