"""Pseudo-localization: an offline "translation" for development and the demo.

``Take <x1>56mg</x1> twice a week.`` becomes ``[Ţåķé <x1>56mg</x1> ţŵîçé å ŵééķ. ~~~~~~]``:
every letter accented (so untranslated interface text and hard-coded strings stand out),
about a third longer (so layouts are tried with the longer text most languages need),
bracketed (so a cut-off text shows). Tags, entities and masks are kept as they are, and
so are words with digits and units (``56mg``, ``2``, ``ml``), which the numbers check compares.
It needs no network and no key, and it is the default backend in development.
"""

import math
import re

from .backends import BaseBackend

PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ACCENTED = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
ACCENTS = str.maketrans(PLAIN, ACCENTED)
KEEP = re.compile(r"(<[^<>]*>|\[\[[^\[\]]*\]\]|&#?\w+;)")  # tags, bracket masks, entities
WORD = re.compile(r"\w+")
UNITS = frozenset({"mg", "g", "kg", "ml", "l", "mcg", "microgram", "micrograms", "mmhg", "iv"})
LENGTHEN = 0.35


def pseudo_localize(text):
    """The pseudo-localized form of a (masked) text."""
    parts = KEEP.split(text)
    letters = sum(len(part.strip()) for part in parts[::2])
    out = "".join(part if index % 2 else WORD.sub(_accent, part) for index, part in enumerate(parts))
    padding = "~" * max(1, math.ceil(letters * LENGTHEN))
    return f"[{out} {padding}]"


def _accent(match):
    word = match.group()
    if any(char.isdigit() for char in word) or word.lower() in UNITS:
        return word
    return word.translate(ACCENTS)


class PseudoBackend(BaseBackend):
    """Accented, lengthened text that keeps every placeholder. Offline; any language pair."""

    label = "Pseudo-localization"
    max_texts = 500
    max_chars = 1_000_000

    def translate(self, texts, source, target):
        return [pseudo_localize(text) for text in texts]
