"""Arabic orthographic folding with a map back to the original text.

News text spells the same word many ways (إدلب/ادلب, أيار/ايار, شباط/شبـاط,
diacritics or none, Arabic-Indic or Western digits). Every matcher works on the
folded text, and reports spans in the original text through ``Folded.span`` so
that quotes and highlights always show the words exactly as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Marks of direction and zero-width joiners: unseen, and a right-to-left mark may
# follow a stop or split a name ("جبل \u200fالحصن"). As a character-class body.
INVISIBLE = "".join(
    ["\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
# Removed entirely: harakat, superscript alef, tatweel and the invisible marks.
# None of them changes which word is meant.
_DROP = set([chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"] + list(INVISIBLE))

# One character for another: alef forms, alef maqsura, ta marbuta, digits,
# typographic quotes and spaces.
_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    # Persian yeh and kaf, typed on Persian keyboards ("الإثنین"): the Arabic letters.
    "ی": "ي",
    "ک": "ك",
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
    # Hashtags ("#دوما", "#هجوم_كيمياوي_للنظام_السوري") are words of the sentence.
    "#": " ",
    "_": " ",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits


# Folding is str.replace per character that occurs (each a pass in C; a
# translate() table is a dict lookup per character, several times slower on
# Arabic text), and the offset map is built from the dropped characters alone.
_PAIRS = tuple([(c, "") for c in sorted(_DROP)] + sorted(_MAP.items()))
_DROPPED = re.compile("[" + "".join(sorted(_DROP)) + "]")


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text, and where the dropped characters were, to map spans back.

    ``gaps`` holds, for each dropped character, the folded index it sat before;
    it is empty when nothing was dropped (the usual case: most news text
    carries no diacritics), and the two texts line up one to one.
    """

    text: str
    gaps: tuple[int, ...] = ()

    def index(self, i: int) -> int:
        """The original index of folded index ``i`` (``len(text)`` maps to the end)."""
        return i + bisect_right(self.gaps, i) if self.gaps else i

    def folded_index(self, i: int) -> int:
        """The folded index of original index ``i``: the characters kept before it."""
        if not self.gaps:
            return i
        # The j-th dropped character sits at original index gaps[j] + j.
        gaps = self.gaps
        return i - bisect_left(range(len(gaps)), i, key=lambda j: gaps[j] + j)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text to the original text."""
        if end <= start:
            at = self.index(start)
            return at, at
        if not self.gaps:
            return start, end
        return self.index(start), self.index(end - 1) + 1


# Every stage folds the clause it reads (classify, places, actors, casualties…),
# and a few fold the whole article: the same texts, folded again and again.
# Folded is immutable, so one result serves them all. Short texts (clauses,
# sentences, lines) are remembered by the thousand, long ones (an article's
# body) only the last few: what is kept stays small whatever the input.
MEMO_SHORT = 1 << 11  # characters


def fold(text: str) -> Folded:
    """``text`` folded (see the module doc), with the map back to it."""
    return _fold_short(text) if len(text) <= MEMO_SHORT else _fold_long(text)


def _fold(text: str) -> Folded:
    folded = text
    for old, new in _PAIRS:
        if old in folded:
            folded = folded.replace(old, new)
    if len(folded) == len(text):
        return Folded(folded)
    return Folded(folded, tuple(m.start() - j for j, m in enumerate(_DROPPED.finditer(text))))


_fold_short = lru_cache(maxsize=1024)(_fold)
_fold_long = lru_cache(maxsize=4)(_fold)


_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def unmarked(text: str) -> str:
    """The text as written, without marks of direction and zero-width joiners:
    a name taken from the text ("جبل \u200fالحصن") shows and transliterates as
    the name, not as two pieces."""
    return _INVISIBLE.sub("", text)


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
# The Arabic range comes first: the regex engine tests a class's items in
# order, a range costs less than \w's Unicode lookup, and most characters
# here are Arabic letters (the matchers test these at every character).
WB_BEFORE = r"(?<![\u0621-\u064A\w])"
WB_AFTER = r"(?![\u0621-\u064A\w])"


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech: five words or more between quote marks ("تفاهم
    أولي" in quotes is a term, not what someone said)."""
    return [m.span() for m in _QUOTED.finditer(text) if len(m.group(0).split()) >= 5]


_QUOTED = re.compile(r'"[^"]*"|«[^»]*»')
