"""A corpus whose sentences do not repeat: python bench/make_varied_corpus.py N OUT [--seed S]

``make_corpus.py`` draws every article from the seeds' ~70 sentences, so across
1,000 articles each sentence comes back hundreds of times. That is fine for
rendering, but it flatters anything that remembers results across articles:
real news does not repeat itself that much. Here each drawn sentence is varied
before use — its figures redrawn, sometimes written in Arabic-Indic digits,
sometimes with harakat added, a filler word slipped in — so nearly every
sentence is new while the language, and what the extractor must find, stays
that of the seeds. Deterministic for a given N and seed.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import main, make_corpus

_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[\u0621-\u064A]")
_HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]
_FILLERS = ("أيضا", "مجددا", "حينها", "كذلك", "بدورها", "اليوم", "الماضي", "وقتها")
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _figure(rng: random.Random, m: re.Match[str]) -> str:
    digits = m.group(0)
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return str(rng.randrange(2015, 2025))  # a plausible year
    if len(digits) <= 2:
        return str(rng.randrange(1, 31 if len(digits) == 2 else 10))
    return str(rng.randrange(10 ** (len(digits) - 1), 10 ** len(digits)))


def vary(rng: random.Random, sentence: str) -> str:
    s = _DIGITS.sub(lambda m: _figure(rng, m), sentence)
    if rng.random() < 0.2:
        s = s.translate(_INDIC)
    if rng.random() < 0.5:
        words = s.split(" ")
        words.insert(rng.randrange(1, len(words)), rng.choice(_FILLERS))
        s = " ".join(words)
    if rng.random() < 0.3:
        s = _LETTER.sub(
            lambda m: m.group(0) + (rng.choice(_HARAKAT) if rng.random() < 0.08 else ""), s
        )
    return s


def fresh(rng: random.Random, sentence: str, seen: set[str]) -> str:
    """A variant of ``sentence`` not used before (tries a few, then takes what comes)."""
    for _ in range(20):
        s = vary(rng, sentence)
        if s not in seen:
            break
    seen.add(s)
    return s


def make_varied_corpus(n: int, out: Path, seed: int = 1) -> list[Path]:
    seen: set[str] = set()
    return make_corpus(n, out, seed, lambda rng, s: fresh(rng, s, seen))


if __name__ == "__main__":
    main(make_varied_corpus, __doc__ or "")
