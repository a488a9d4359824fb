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
meaning as text: placeholder numbers skip the numbers it uses. Angle brackets are text
too (``Type <your name> in the box``): only placeholders are markup, and a translation is
refused only for what looks like an HTML element (``<b>``, ``<img src=x``) that its source
does not have. An inline tag that does not pair up (an unclosed ``<b>``, a stray ``</i>``)
stays in the template, splitting the text around it, so no translation can move it.

``check_characters`` refuses control characters and the bidirectional overrides and
isolates that can make a text read differently from how it is stored.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr"
    " li main nav ol p pre section summary table tbody td tfoot th thead tr ul caption".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())

# The elements of HTML (with obsolete ones browsers still know, and SVG and MathML roots).
HTML_ELEMENTS = frozenset(
    "a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote"
    " body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div"
    " dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header"
    " hgroup hr html i iframe image img input ins isindex kbd keygen label legend li link listing main map mark"
    " marquee math menu menuitem meta meter nav nobr noembed noframes noscript object ol optgroup option output p"
    " param picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small"
    " source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time"
    " title tr track tt u ul var video wbr xmp".split()
)

PLACEHOLDER_RE = re.compile(r"<(?:(\d+)|/(\d+)|(\d+)/)>")
# Something tag-shaped: a comment, a declaration, or a tag name after "<" or "</", closed or not.
MARKUP_RE = re.compile(r"<!--[^<>]*>?|<[!?][A-Za-z][^<>]*>?|</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)[^<>]*>?")
# A placeholder with spaces or an attribute added inside its brackets: "< 1 >", "<1 />", '<1 href="x">'.
ALTERED_PLACEHOLDER_RE = re.compile(r"<\s*(/?)\s*(\d+)\s*(/?)\s*>|<(/?)(\d+)\s+[A-Za-z_:][\w:.-]*\s*=[^<>]*?(/?)>")
# Characters that are refused in translations unless the source has them: control
# characters other than tab and line breaks, and the bidirectional embeddings, overrides
# and isolates (U+202A–U+202E, U+2066–U+2069) that can reorder what a reader sees.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ALLOWED_CONTROLS = frozenset("\t\n\r")

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


class _Tokenizer(HTMLParser):
    """Where each tag, comment and piece of text starts, as ``html.parser`` reads the HTML."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", source))]
        self.starts: list[tuple[int, str, str]] = []  # (offset, kind, tag)

    def _at(self, kind: str, tag: str = "") -> None:
        line, column = self.getpos()
        self.starts.append((self.line_starts[line - 1] + column, kind, tag))

    def handle_starttag(self, tag, attrs):
        self._at(_VOID if tag in VOID_TAGS else _START, tag)

    def handle_startendtag(self, tag, attrs):
        self._at(_VOID, tag)

    def handle_endtag(self, tag):
        self._at(_END, tag)

    def handle_data(self, data):
        self._at(_TEXT)

    def handle_entityref(self, name):
        self._at(_TEXT)

    def handle_charref(self, name):
        self._at(_TEXT)

    def handle_comment(self, data):
        self._at(_VOID)

    def handle_decl(self, decl):
        self._at(_VOID)

    def handle_pi(self, data):
        self._at(_VOID)

    def unknown_decl(self, data):
        self._at(_VOID)


def _tokenize(source: str) -> list[tuple[str, str, str]]:
    """Split HTML into (kind, tag, raw) tokens whose raw parts add up to the source.

    ``html.parser`` finds the tags (an attribute value may hold ``<`` or ``>``); each token
    runs from where the parser found it to where the next one starts, so no byte is lost.
    Adjacent pieces of text (words, entities) are one text token.
    """
    parser = _Tokenizer(source)
    parser.feed(source)
    parser.close()
    tokens: list[tuple[str, str, str]] = []
    starts = [start for start in parser.starts if start[0] < len(source)]
    if starts and starts[0][0] > 0:
        starts.insert(0, (0, _TEXT, ""))
    ends = [offset for offset, _kind, _tag in starts[1:]] + [len(source)]
    for (offset, kind, tag), end in zip(starts, ends[: len(starts)], strict=True):
        raw = source[offset:end]
        if not raw:
            continue
        if kind == _TEXT and tokens and tokens[-1][0] == _TEXT:
            tokens[-1] = (_TEXT, "", tokens[-1][2] + raw)
        else:
            tokens.append((kind, tag, raw))
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
    innermost open element shares that element's number. Void elements and comments
    become ``<N/>`` (``_flush`` has kept unpaired start and end tags out of the run).
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


def _unpaired(run: Sequence[tuple[str, str, str]]) -> list[int]:
    """The positions of the start and end tags of a run that do not pair up."""
    unclosed: list[tuple[int, str]] = []
    stray: list[int] = []
    for index, (kind, tag, _raw) in enumerate(run):
        if kind == _START:
            unclosed.append((index, tag))
        elif kind == _END and unclosed and unclosed[-1][1] == tag:
            unclosed.pop()
        elif kind == _END:
            stray.append(index)
    return sorted(stray + [index for index, _tag in unclosed])


def _flush(run: list[tuple[str, str, str]], parts: list[str | _Segment]) -> None:
    """Append a run of inline tokens to the template: a segment if it has text.

    A start or end tag that does not pair up stays in the template, and the text on each
    side of it is a segment of its own: as a placeholder a translator could move it, and
    so change which words it formats.
    """
    if not run:
        return
    unpaired = _unpaired(run)
    if unpaired:
        previous = 0
        for index in unpaired:
            _flush(run[previous:index], parts)
            parts.append(run[index][2])
            previous = index + 1
        _flush(run[previous:], parts)
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


def _is_html(match: re.Match) -> bool:
    name = match.group(1)
    return name is None or name.lower() in HTML_ELEMENTS or "-" in name


def _markup_problems(source: str, translation: str) -> list[str]:
    tags = dict.fromkeys(m.group() for m in MARKUP_RE.finditer(translation) if _is_html(m))
    return [
        # Translators: %(tag)s is what the translator typed, e.g. <b> or <img src=x
        _("HTML markup is not allowed: %(tag)s. Use the numbered placeholders of the source text.") % {"tag": tag}
        for tag in tags
        if tag not in source
    ]


def _altered_placeholders(translation: str, wanted: Counter, found: Counter) -> dict[str, str]:
    """{placeholder: what the translation has instead} for placeholders written with extras."""
    altered: dict[str, str] = {}
    for match in ALTERED_PLACEHOLDER_RE.finditer(translation):
        closing, number, void = match.group(1) or match.group(4), match.group(2) or match.group(5), match.group(3)
        void = void or match.group(6)
        placeholder = f"</{number}>" if closing else f"<{number}/>" if void else f"<{number}>"
        if match.group() != placeholder and found[placeholder] < wanted[placeholder]:
            altered.setdefault(placeholder, match.group())
    return altered


def check_markup(source: str, translation: str) -> list[str]:
    """Problems with a translation's placeholders compared with its source segment.

    Every placeholder of the source must be present exactly once, none extra, pairs
    nested properly (they may be reordered), void ones still void, each written exactly as
    in the source (an attribute or spaces added inside one is named as such); and no HTML
    element that the source does not contain. Text like ``<5 mg``, ``a < b`` or ``<your
    name>`` is not markup. Returns sentences in the active language, each naming the
    placeholder or tag; an empty list if all is well.
    """
    problems = _markup_problems(source, translation)
    wanted = Counter(m.group() for m in PLACEHOLDER_RE.finditer(source))
    found = Counter(m.group() for m in PLACEHOLDER_RE.finditer(translation))
    altered = _altered_placeholders(translation, wanted, found)
    count_problems = [
        # Translators: e.g. Placeholder <1> was changed to <1 href="x">. ...
        _(
            "Placeholder %(placeholder)s was changed to %(found)s. Write it exactly as in the source, "
            "with nothing added inside the angle brackets."
        )
        % {"placeholder": placeholder, "found": text}
        for placeholder, text in altered.items()
    ]
    for placeholder, count in wanted.items():
        if placeholder in altered:
            continue
        if found[placeholder] < count:
            count_problems.append(_("Placeholder %(placeholder)s is missing.") % {"placeholder": placeholder})
        elif found[placeholder] > count:
            count_problems.append(
                _("Placeholder %(placeholder)s appears more than once.") % {"placeholder": placeholder}
            )
    count_problems += [
        _("Placeholder %(placeholder)s is not in the source text.") % {"placeholder": p}
        for p in found
        if p not in wanted
    ]
    return problems + (count_problems or _nesting_problems(source, translation))


def check_characters(source: str, translation: str) -> list[str]:
    """Invisible characters a translation may not bring in, each named with its position.

    Control characters (other than tab and line breaks) and the bidirectional embeddings,
    overrides and isolates can make a text display differently from what it says, or
    break what it is shown in. One a source already has is the source's, and allowed.
    """
    problems = []
    for position, character in enumerate(translation, start=1):
        control = unicodedata.category(character) == "Cc" and character not in ALLOWED_CONTROLS
        if not (control or character in BIDI_CONTROLS) or character in source:
            continue
        values = {
            "position": position,
            "code": f"U+{ord(character):04X}",
            "name": unicodedata.name(character, "").title() or _("control character"),
        }
        problems.append(
            # Translators: e.g. Character 12 is an invisible U+202E (Right-To-Left Override). ...
            _(
                "Character %(position)d is an invisible %(code)s (%(name)s), which can change how the text "
                "reads or is shown. Delete it."
            )
            % values
        )
    return problems


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
            return [
                _("Placeholder %(closing)s closes before %(opening)s that opened inside it.")
                % {"closing": f"</{closing}>", "opening": f"<{stack[-1]}>"}
            ]
        else:
            return [
                _("Placeholder %(closing)s comes before %(opening)s.")
                % {"closing": f"</{closing}>", "opening": f"<{closing}>"}
            ]
    return []


def placeholder_ids(text: str) -> list[str]:
    """The placeholder numbers of a text in order of opening, e.g. ``['1', '2']``."""
    return [m.group(1) or m.group(3) for m in PLACEHOLDER_RE.finditer(text) if not m.group(2)]
