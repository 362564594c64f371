"""Casualty figures: which count belongs to which casualty word.

A count is bound to the nearest casualty word, looking after the word first
and then before it, never across punctuation or another casualty word. Vague
quantities ("العشرات") make the figure approximate without inventing a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, fold, fold_word
from sitegen.extract.numbers import NumberMention, find_numbers
from sitegen.model import Casualties

KINDS = ("killed", "wounded", "displaced")
_BARRIER = re.compile(r"[،,.;:؛!?؟()\"“”]")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    kind: str
    after: int
    before: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: re.Pattern[str]
    kind_of: dict[str, str]
    windows: dict[str, tuple[int, int]]
    tally: re.Pattern[str]
    tally_kind: dict[str, str]
    tally_window: int
    not_people: re.Pattern[str]
    singular: frozenset[str]
    singular_window: int


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_yaml("casualties.yaml")
    kind_of = {fold_word(w): k for k in KINDS for w in data[k]["words"]}
    windows = {k: (data[k]["after"], data[k]["before"]) for k in KINDS}
    tally_kind = {fold_word(w): k for k, ws in data["tally"].items() if k != "window" for w in ws}
    return _Lexicon(
        words=_alternation(kind_of),
        kind_of=kind_of,
        windows=windows,
        tally=_alternation(tally_kind),
        tally_kind=tally_kind,
        tally_window=int(data["tally"]["window"]),
        singular=frozenset(fold_word(w) for w in data["singular"]["nouns"]),
        singular_window=int(data["singular"]["window"]),
        not_people=re.compile(
            r"^\s*(?:" + "|".join(re.escape(fold_word(w)) for w in data["not_people"]) + ")"
        ),
    )


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{WB_BEFORE}[وف]?[بل]?(?P<w>{alts}){WB_AFTER}")


def casualty_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every casualty word in ``text`` (original offsets)."""
    lex = _lexicon()
    folded = fold(text)
    out = []
    for m in lex.words.finditer(folded.text):
        a, b = folded.span(m.start("w"), m.end("w"))
        out.append((a, b, lex.kind_of[m.group("w")]))
    return out


def find_casualties(text: str) -> Casualties:
    """The killed / wounded / displaced figures reported in one clause."""
    lex = _lexicon()
    numbers = [n for n in find_numbers(text) if not _counts_things(text, n, lex)]
    words = [_Word(a, b, k, *lex.windows[k]) for a, b, k in casualty_words(text)]
    figures: dict[str, int | None] = {}
    approximate = False
    used: set[int] = set()
    for word in words:
        n = _bind(text, word, numbers, words, used)
        if n is None:
            if word.kind != "displaced" and _one_person(text, word, lex):
                _keep(figures, word.kind, 1)
            continue
        used.add(n.start)
        approximate |= n.approximate
        _keep(figures, word.kind, n.value)
    for kind, n in _tallies(text, numbers, used, lex):
        used.add(n.start)
        approximate |= n.approximate
        _keep(figures, kind, n.value)
    return Casualties(
        killed=figures.get("killed"),
        wounded=figures.get("wounded"),
        displaced=figures.get("displaced"),
        approximate=approximate or any(v is None for v in figures.values()),
    )


def _keep(figures: dict[str, int | None], kind: str, value: int | None) -> None:
    """The first definite figure of a kind wins; a vague one ("العشرات") only
    holds the place until a number comes."""
    if figures.get(kind) is None:
        figures[kind] = value


def _one_person(text: str, word: _Word, lex: _Lexicon) -> bool:
    """A singular victim noun right before or after the word, nothing between."""
    before = _BARRIER.split(text[: word.start])[-1].split()[-lex.singular_window :]
    after = _BARRIER.split(text[word.end :])[0].split()[:1]
    return any(fold_word(w) in lex.singular for w in before + after)


def _counts_things(text: str, n: NumberMention, lex: _Lexicon) -> bool:
    """ "4 شاحنات", "50 آلية": a count of vehicles or places, not people."""
    return bool(lex.not_people.match(fold(text[n.end : n.end + 20]).text))


def _bind(
    text: str,
    word: _Word,
    numbers: list[NumberMention],
    words: list[_Word],
    used: set[int],
) -> NumberMention | None:
    after = [n for n in numbers if n.start >= word.end and n.start not in used]
    for n in after:
        if _distance(text, word.end, n.start) <= word.after and _clear(
            text, word.end, n.start, words
        ):
            return n
        break
    before = [n for n in numbers if n.end <= word.start and n.start not in used]
    for n in reversed(before):
        if _distance(text, n.end, word.start) <= word.before and _clear(
            text, n.end, word.start, words
        ):
            return n
        break
    return None


def _tallies(
    text: str, numbers: list[NumberMention], used: set[int], lex: _Lexicon
) -> list[tuple[str, NumberMention]]:
    folded = fold(text)
    out = []
    for m in lex.tally.finditer(folded.text):
        end = folded.span(m.start("w"), m.end("w"))[1]
        for n in numbers:
            if n.start >= end and n.start not in used:
                if _distance(text, end, n.start) <= lex.tally_window:
                    out.append((lex.tally_kind[m.group("w")], n))
                break
    return out


def _distance(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _clear(text: str, a: int, b: int, words: list[_Word]) -> bool:
    """No punctuation and no other casualty word between a and b."""
    if _BARRIER.search(text[a:b]):
        return False
    return not any(a <= w.start and w.end <= b for w in words)
