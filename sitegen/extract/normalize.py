"""Arabic orthographic folding with a map back to the original text.

News text spells the same word many ways (إدلب/ادلب, أيار/ايار, شباط/شبـاط,
diacritics or none, Arabic-Indic or Western digits). Every matcher works on the
folded text, and reports spans in the original text through ``Folded.span`` so
that quotes and highlights always show the words exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Removed entirely: harakat, superscript alef, tatweel, bidi marks, zero-width
# joiners. None of them changes which word is meant.
_DROP = set(
    [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

# One character for another: alef forms, alef maqsura, ta marbuta, digits,
# typographic quotes and spaces.
_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "„": '"',
    "’": "'",
    "‘": "'",
    "،": ",",
    "؛": ";",
    "؟": "?",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits


# One table for str.translate: a dropped character maps to None.
_TABLE: dict[int, str | None] = {ord(c): None for c in _DROP}
_TABLE.update({ord(k): v for k, v in _MAP.items()})


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded index, the index in the original.

    ``offsets`` is None when nothing was dropped (the usual case: most news
    text carries no diacritics), and the two texts line up one to one.
    """

    text: str
    offsets: tuple[int, ...] | None  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text to the original text."""
        if self.offsets is None:
            return start, max(start, end)
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def index(self, i: int) -> int:
        """The original index of folded index ``i`` (``len(text)`` maps to the end)."""
        return i if self.offsets is None else self.offsets[i]


def fold(text: str) -> Folded:
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return Folded(folded, None)
    offsets = [i for i, ch in enumerate(text) if ch not in _DROP]
    offsets.append(len(text))
    return Folded(folded, tuple(offsets))


@lru_cache(maxsize=4096)
def fold_word(word: str) -> str:
    """Fold a lexicon entry the same way as the text it will be matched in."""
    return re.sub(r"\s+", " ", fold(word).text.strip())


# Arabic proclitics that attach to the word that follows: و، ف، ب، ل، ك and
# the article ال with its assimilated forms (بال، وال، لل، وبال…). Matchers put
# this in front of a lexicon entry so "بإدلب", "وسراقب", "لإدلب" are found.
CLITICS = r"(?:[وف]?(?:[بلك])?)"
ARABIC_LETTER = r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]"
# A word boundary that works for Arabic: not preceded/followed by a letter.
WB_BEFORE = r"(?<![\w\u0621-\u064A])"
WB_AFTER = r"(?![\w\u0621-\u064A])"
