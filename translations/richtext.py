"""Turn Wagtail rich text into translatable segments and put translations back.

Wagtail stores rich text as HTML (``<p data-block-key="a1">Take <b>56mg</b> now.</p>``).
Translators get one plain-text segment per block-level element, with the inline
markup replaced by numbered placeholders (``Take <1>56mg</1> now.``), so they can
neither break nor inject HTML, and links keep the targets of the source.

Byte-exact round trip: the template keeps every byte of the source that is not
segment text, and each segment keeps its own source HTML. A translation identical to
its source segment gives back that HTML unchanged, so ``restore(*segment(html))``
returns ``html`` exactly, whatever its entity spelling. Only a *changed* translation
is written in canonical form, the one Wagtail emits: text escapes ``&``, ``<`` and
``>`` (``escape(text, quote=False)``); tags are copied verbatim from the source,
attributes included.

Placeholder-shaped text that the source really contains (``&lt;1&gt;``) keeps its
meaning as text: placeholder numbers skip the numbers it uses.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape, unescape

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr"
    " li main nav ol p pre section summary table tbody td tfoot th thead tr ul caption".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())

PLACEHOLDER_RE = re.compile(r"<(?:(\d+)|/(\d+)|(\d+)/)>")
MARKUP_RE = re.compile(r"</?[A-Za-z][^<>]*>")
# Comment | declaration or processing instruction | end tag | start tag (quoted values may hold ">").
TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<[!?][^>]*>?|</([A-Za-z][^\s/<>]*)[^<>]*>"
    r"|<([A-Za-z][^\s/<>]*)[^<>\"']*(?:(?:\"[^<\"]*\"|'[^<']*')[^<>\"']*)*>",
    re.DOTALL,
)

_TEXT, _START, _END, _VOID = "text", "start", "end", "void"
_SPACE = " \t\n\r\f"


class MarkupError(ValueError):
    """A translation whose placeholders do not match its source.

    ``str(e)`` says what is wrong in one sentence, naming the placeholder,
    e.g. ``Placeholder <2> is missing.``
    """


@dataclass(frozen=True)
class _Segment:
    """One translatable block: its text for translators, its source HTML, its tags."""

    source: str
    raw: str
    tags: tuple[tuple[str, str], ...]  # (placeholder, source tag HTML)


@dataclass(frozen=True)
class RichTextTemplate:
    """Everything ``restore`` needs: raw HTML between segments, and the segments."""

    parts: tuple[str | _Segment, ...]

    @property
    def sources(self) -> list[str]:
        """The segment texts, in order (as returned by ``segment``)."""
        return [part.source for part in self.parts if isinstance(part, _Segment)]


def _tokenize(source: str) -> list[tuple[str, str, str]]:
    """Split HTML into (kind, tag, raw) tokens whose raw parts add up to the source.

    Tag boundaries are those ``html.parser`` finds in the HTML Wagtail stores; a plain
    regex loop is used because ``HTMLParser`` alone is too slow for the 5,000-paragraph
    budget. Anything that is not a tag, comment or declaration is text.
    """
    tokens: list[tuple[str, str, str]] = []
    position = 0
    for match in TOKEN_RE.finditer(source):
        if match.start() > position:
            tokens.append((_TEXT, "", source[position : match.start()]))
        raw, closing, opening = match.group(), match.group(1), match.group(2)
        if opening:
            tag = opening.lower()
            tokens.append((_VOID if tag in VOID_TAGS or raw.endswith("/>") else _START, tag, raw))
        else:
            tokens.append((_END, closing.lower(), raw) if closing else (_VOID, "", raw))
        position = match.end()
    if position < len(source):
        tokens.append((_TEXT, "", source[position:]))
    return tokens


def _split_edges(run: list[tuple[str, str, str]]) -> tuple[str, list[tuple[str, str, str]], str]:
    """Move leading and trailing whitespace of a run out of its segment text."""
    lead = trail = ""
    if run[0][0] == _TEXT:
        body = run[0][2].lstrip(_SPACE)
        lead = run[0][2][: len(run[0][2]) - len(body)]
        run[0] = (_TEXT, "", body)
    if run[-1][0] == _TEXT:
        body = run[-1][2].rstrip(_SPACE)
        trail = run[-1][2][len(body) :]
        run[-1] = (_TEXT, "", body)
    return lead, [token for token in run if token[2]], trail


def _build_segment(tokens: Sequence[tuple[str, str, str]]) -> _Segment:
    """Turn a run of text and inline tags into a segment with numbered placeholders.

    Each inline tag takes the next number where it appears; an end tag closing the
    innermost open element shares that element's number. Tags that do not pair up
    (void elements, comments, stray or unclosed tags) become ``<N/>``.
    """
    pieces = [unescape(raw) if kind == _TEXT else "" for kind, _tag, raw in tokens]
    taken = {int(m.group(m.lastindex)) for text in pieces if "<" in text for m in PLACEHOLDER_RE.finditer(text)}
    numbers = (n for n in itertools.count(1) if n not in taken)
    unclosed: list[tuple[int, str, int]] = []  # (index, tag, number)
    for index, (kind, tag, _raw) in enumerate(tokens):
        if kind == _START:
            unclosed.append((index, tag, next(numbers)))
        elif kind == _END and unclosed and unclosed[-1][1] == tag:
            start, _tag, number = unclosed.pop()
            pieces[start], pieces[index] = f"<{number}>", f"</{number}>"
        elif kind != _TEXT:
            pieces[index] = f"<{next(numbers)}/>"
    for start, _tag, number in unclosed:
        pieces[start] = f"<{number}/>"
    tags = tuple((pieces[i], raw) for i, (kind, _tag, raw) in enumerate(tokens) if kind != _TEXT)
    return _Segment("".join(pieces), "".join(raw for _kind, _tag, raw in tokens), tags)


def _has_text(run: Iterable[tuple[str, str, str]]) -> bool:
    """True if the run contains some non-whitespace text."""
    return any(kind == _TEXT and unescape(raw).strip() for kind, _tag, raw in run)


def _flush(run: list[tuple[str, str, str]], parts: list[str | _Segment]) -> None:
    """Append a run of inline tokens to the template: a segment if it has text."""
    if not run:
        return
    if not _has_text(run):
        parts.append("".join(raw for _kind, _tag, raw in run))
        return
    lead, body, trail = _split_edges(run)
    parts.extend((lead, _build_segment(body), trail))


def _merge_raw(parts: Iterable[str | _Segment]) -> tuple[str | _Segment, ...]:
    """Join adjacent raw strings and drop empty ones."""
    merged: list[str | _Segment] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    return tuple(merged)


def segment(html: str) -> tuple[RichTextTemplate, list[str]]:
    """Split stored rich text into (template, segment texts).

    One segment per block-level element (p, h1-h6, li, blockquote, and any other
    element directly holding text) that contains non-whitespace text. Inline elements
    become placeholders numbered from 1 within the segment: ``<N>...</N>`` for an
    element with content, ``<N/>`` for a void one. Text is plain text: entities are
    unescaped. A list item's own text before a nested list is one segment, and each
    nested item its own.
    """
    tokens = _tokenize(html)
    parts: list[str | _Segment] = []
    previous = 0
    for index in [i for i, token in enumerate(tokens) if token[1] in BLOCK_TAGS]:  # text has no tag
        _flush(tokens[previous:index], parts)
        parts.append(tokens[index][2])
        previous = index + 1
    _flush(tokens[previous:], parts)
    template = RichTextTemplate(_merge_raw(parts))
    return template, template.sources


def restore(template: RichTextTemplate, translations: Sequence[str]) -> str:
    """Rebuild the HTML with one translated text per segment, in the same order.

    Placeholders become the source's own tags, attributes included; plain text is
    HTML-escaped. A translation identical to its source segment gives back the source
    HTML byte for byte. Raises ``MarkupError`` if a translation's placeholders do not
    match (see ``check_markup``), ``ValueError`` if the number of translations differs
    from the number of segments.
    """
    count = len(template.sources)
    if len(translations) != count:
        raise ValueError(f"Expected {count} translations, got {len(translations)}.")
    remaining = iter(translations)
    out = [part if isinstance(part, str) else _render(part, next(remaining)) for part in template.parts]
    return "".join(out)


def _render(seg: _Segment, translation: str) -> str:
    """The HTML of one segment in translation."""
    if translation == seg.source:
        return seg.raw
    problems = check_markup(seg.source, translation)
    if problems:
        raise MarkupError(problems[0])
    tags = dict(seg.tags)
    out: list[str] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(translation):
        out.append(escape(translation[position : match.start()], quote=False))
        out.append(tags.get(match.group()) or escape(match.group(), quote=False))
        position = match.end()
    out.append(escape(translation[position:], quote=False))
    return "".join(out)


def check_markup(source: str, translation: str) -> list[str]:
    """Problems with a translation's placeholders compared with its source segment.

    Every placeholder of the source must be present exactly once, none extra, pairs
    nested properly (they may be reordered), void ones still void; and no HTML-looking
    tag that the source does not contain. Text like ``<5 mg`` or ``a < b`` is not
    markup. Returns human-readable sentences; an empty list if all is well.
    """
    problems = [
        f"HTML markup is not allowed: {tag}. Use the numbered placeholders of the source text."
        for tag in dict.fromkeys(MARKUP_RE.findall(translation))
        if tag not in source
    ]
    wanted = Counter(m.group() for m in PLACEHOLDER_RE.finditer(source))
    found = Counter(m.group() for m in PLACEHOLDER_RE.finditer(translation))
    count_problems = []
    for placeholder, count in wanted.items():
        if found[placeholder] < count:
            count_problems.append(f"Placeholder {placeholder} is missing.")
        elif found[placeholder] > count:
            count_problems.append(f"Placeholder {placeholder} appears more than once.")
    count_problems += [f"Placeholder {p} is not in the source text." for p in found if p not in wanted]
    return problems + (count_problems or _nesting_problems(source, translation))


def _nesting_problems(source: str, translation: str) -> list[str]:
    """The first nesting problem of the translation's placeholder pairs, if any."""
    matches = list(PLACEHOLDER_RE.finditer(source))
    paired = {m.group(1) for m in matches if m.group(1)} & {m.group(2) for m in matches if m.group(2)}
    stack: list[str] = []
    for match in PLACEHOLDER_RE.finditer(translation):
        opening, closing = match.group(1), match.group(2)
        if opening in paired:
            stack.append(opening)
        elif closing not in paired:
            continue
        elif stack and stack[-1] == closing:
            stack.pop()
        elif closing in stack:
            return [f"Placeholder </{closing}> closes before <{stack[-1]}> that opened inside it."]
        else:
            return [f"Placeholder </{closing}> comes before <{closing}>."]
    return []


def placeholder_ids(text: str) -> list[str]:
    """The placeholder numbers of a text in order of opening, e.g. ``['1', '2']``."""
    return [m.group(1) or m.group(3) for m in PLACEHOLDER_RE.finditer(text) if not m.group(2)]
