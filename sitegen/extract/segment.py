"""Paragraphs → sentences → clauses, and the lines that are not news text.

Headlines, bylines, section headings, "related news" blocks, widget debris
and quoted posts in other languages are kept (they show on the article page)
but marked, so they never become incidents of their own: a Turkish post that
repeats an Arabic sentence's figures must not count twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import INVISIBLE, fold, fold_word
from sitegen.extract.numbers import find_numbers

Kind = Literal["text", "headline", "heading", "byline", "related", "debris", "foreign"]

_ARABIC = re.compile(r"[\u0621-\u064A]")
_FOREIGN = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]")
# (Marks of direction may follow the stop: "… غربي محافظة تعز.\u200f" is a
# sentence, no headline.)
_SPACE = rf"[\s{INVISIBLE}]*"  # spaces and marks of direction
_SENTENCE_END = re.compile(rf"[.!?؟:]{_SPACE}[\"”»]?{_SPACE}$")
# Sentence boundary: . ! ? ؟ (not ".."; a decimal point has no space after it),
# optional closing quote. A number ends a sentence ("في مارس 2011. وتأتي") unless
# it opens its line (a list marker, "1. ").
_SENT_SPLIT = re.compile(r"(?<!\.)(?:[!?؟]+|\.(?!\.))[\"”»’]?(?=\s+\S)")
HEADLINE_MAX_WORDS = 20
# A line this short with no sentence-final punctuation, inside the text, is a
# subheading or the headline of a linked story ("أكثر من 200 قتيل في سلسلة
# هجمات تفجيرية جنوبي سوريا", "للمزيد: ضربات جوية تستهدف مطار التيفور"):
# shown with the article, never an incident of its own.
HEADING_MAX_WORDS = 15
OPENING_WORDS = 6


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # offsets in the article body
    end: int
    text: str
    kind: Kind
    paragraph: int
    sentence: int = 0
    clause: int = 0


@dataclass(frozen=True, slots=True)
class _Rules:
    related: tuple[str, ...]
    debris: tuple[str, ...]
    bylines: tuple[re.Pattern[str], ...]
    openers: re.Pattern[str]
    reply: re.Pattern[str]
    lede: re.Pattern[str]
    continuation: re.Pattern[str]
    back_reference: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = load_yaml("segmentation.yaml")
    openers = sorted((fold_word(w) for w in data["clause_openers"]), key=len, reverse=True)
    # (a reply names what it answered with within four words: segmentation.yaml)
    replies = "|".join(re.escape(fold(w).text) for w in data["replies"])
    reply = rf"(?:{replies})(?=\s)(?!\s+في\s)(?=(?:\s+\S+){{0,3}}\s+ب\S)"
    others = "|".join(fold_word(w) for w in data["elliptic_others"])
    news = "|".join(fold_word(w) for w in data["comma_and_events"])
    not_before = "|".join(fold_word(w) for w in data["opener_not_before"])
    whiles = {fold_word(w) for w in data["while_openers"]}
    toll = "|".join(fold_word(w) for w in data["while_not_before"])
    opener_re = (
        r"(?:(?<=\s)|(?<=^)|(?<=,))\s*(?:"
        + "|".join(re.escape(w) for w in openers if w not in whiles)
        + rf")(?=\s)(?!\s+(?:{not_before})(?:\s|$))"
        + r"|(?:(?<=\s)|(?<=^)|(?<=,))\s*(?:"
        + "|".join(re.escape(w) for w in sorted(whiles, key=len, reverse=True))
        + rf")(?=\s)(?!\s+(?:{not_before}|{toll})(?:\s|$))"
        + rf"|(?<=\s)و\s?(?P<count>\d+|[\u0621-\u064A]+)\s+(?:{others})(?=\s|$)"
        + rf"|(?<=,)\s*و(?=(?:{news})(?:\s|$))"
        + rf"|(?:(?<=\s)|(?<=^)|(?<=,))\s*{reply}"
    )
    cont = "|".join(re.escape(fold_word(w)) for w in data["continuations"])
    back = "|".join(re.escape(fold(w).text) for w in data["back_references"])
    return _Rules(
        related=tuple(fold_word(w) for w in data["related_markers"]),
        debris=tuple(w.lower() for w in data["debris"]),
        # Matched against folded lines, so folded too: "إعداد" in the data must
        # match the folded "اعداد" (fold changes letters only, not regex syntax).
        bylines=tuple(re.compile(fold(p).text) for p in data["bylines"]),
        openers=re.compile(opener_re),
        reply=re.compile(rf"^\s*{reply}"),
        lede=_lede(data["lede_days"]),
        continuation=re.compile(rf"^\s*(?:{cont})(?=\s)"),
        back_reference=re.compile(rf"^\s*(?:{back})(?=[\s,])"),
    )


def _lede(days: list[str]) -> re.Pattern[str]:
    """A first line that tells its day or runs on past a comma is the lede."""
    weekdays = load_yaml("weekdays.yaml")["arabic"].values()
    words = [*(fold_word(n) for w in weekdays for n in w["names"]), *map(fold_word, days)]
    return re.compile(rf"(?:^|\s)و?(?:{'|'.join(words)})(?=[\s،,.]|$)|[،,]\s*$")


def opens_a_reply(text: str) -> bool:
    """True when a clause opens with the other side's reply ("وردت إسرائيل
    بغارات"), cut from the event it answers in the same sentence."""
    return bool(rules().reply.match(fold(text).text))


def refers_back(text: str) -> bool:
    """True when a clause opens by pointing at what was just told ("يأتي ذلك
    غداة …": "this comes the day after …")."""
    return bool(rules().back_reference.match(fold(text).text))


def starts_with_own_waw(word: str) -> bool:
    """Whether a word's first "و" is its own ("وقفة", "وزير"), not "and"."""
    return fold_word(word) in _root_waw()


@lru_cache(maxsize=1)
def _root_waw() -> frozenset[str]:
    return frozenset(fold_word(w) for w in load_yaml("segmentation.yaml")["root_waw"])


def is_continuation(text: str) -> bool:
    """True when a clause carries on the scene before it ("وأضاف البيان…")."""
    return bool(rules().continuation.match(fold(text).text))


def segment(body: str, is_event: Callable[[str], bool] = lambda _: False) -> tuple[Segment, ...]:
    """Cut a body into marked segments; text paragraphs are cut down to clauses.

    ``is_event`` tells whether a stretch of text reports an event; a sentence
    is split into clauses only where both sides do.
    """
    out: list[Segment] = []
    for number, (start, end, kind) in enumerate(_paragraphs(body)):
        text = body[start:end]
        if kind != "text":
            out.append(Segment(start, end, text, kind, number))
            continue
        for s_no, (s_start, s_end) in enumerate(_sentences(text)):
            for c_no, (c_start, c_end) in enumerate(_clauses(text[s_start:s_end], is_event)):
                a, b = start + s_start + c_start, start + s_start + c_end
                out.append(Segment(a, b, body[a:b], "text", number, s_no, c_no))
    return tuple(out)


def _paragraphs(body: str) -> Iterator[tuple[int, int, Kind]]:
    """Each non-empty line is a paragraph (collected news text has no wrapping)."""
    r = rules()
    first = True
    skipping = False
    pos = 0
    for line in body.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        kind = _line_kind(stripped, first, body, r)
        first = False
        if kind == "related":
            skipping = True
        elif skipping and kind in ("text", "heading") and not _SENTENCE_END.search(stripped):
            kind = "related"  # headlines listed under "related news"
        else:
            skipping = False
        yield start, end, kind


def _line_kind(line: str, first: bool, body: str, r: _Rules) -> Kind:
    folded = fold(line).text.strip()
    low = line.lower()
    if any(folded.startswith(m) for m in r.related):
        return "related"
    if any(d.lower() in low for d in r.debris):
        return "debris"
    # Counting every Arabic letter is the costly half: only lines with some
    # Latin or Cyrillic need it.
    if _FOREIGN.search(line) and len(_FOREIGN.findall(line)) > len(_ARABIC.findall(line)):
        return "foreign"
    words = line.split()
    if first and len(words) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line):
        lede = r.lede.search(folded) is not None
        return "headline" if body.strip().count("\n") and not lede else "text"
    if any(p.search(folded) for p in r.bylines):
        return "byline"
    if _is_heading(line, words):
        return "heading"
    return "text"


def _is_heading(line: str, words: list[str]) -> bool:
    if len(words) <= 3 and line.rstrip().endswith(":"):
        return True
    return len(words) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(line)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENT_SPLIT.finditer(text):
        if _list_marker(text, m.start()):
            continue
        yield start, m.end()
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        yield start, len(text)


def _list_marker(text: str, at: int) -> bool:
    """The period at ``at`` follows a number that opens its line ("1. ")."""
    j = at
    while j > 0 and text[j - 1].isdigit():
        j -= 1
    if j == at:
        return False
    line_start = text.rfind("\n", 0, j) + 1
    return not text[line_start:j].strip()


def _opening(text: str) -> str:
    """The first words after a clause opener: a new clause names its event at
    once ("إضافة إلى هجوم ثالث"), a continued list does not ("إضافةً إلى مناطق…")."""
    return " ".join(text.split()[:OPENING_WORDS])


def _clauses(sentence: str, is_event: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    folded = fold(sentence)
    cuts = []
    last = 0
    for m in rules().openers.finditer(folded.text):
        if m.group("count") and not find_numbers(m.group("count")):
            continue  # "وقتل 14 شخصا وجرح آخرون": a verb, not a count of others
        at = folded.span(m.start(), m.end())[0]
        while at < len(sentence) and sentence[at].isspace():
            at += 1
        if at - last < 8:
            continue
        if is_event(sentence[last:at]) and is_event(_opening(sentence[at:])):
            cuts.append(at)
            last = at
    bounds = [0, *cuts, len(sentence)]
    for a, b in pairwise(bounds):
        b_trim = b
        while b_trim > a and sentence[b_trim - 1] in " ,،\t":
            b_trim -= 1
        yield a, b_trim
