"""Numbers in Arabic news text: digits, number words, vague quantities, duals.

Casualty extraction and the temporal durations ("منذ ثلاثة أيام") both need
to read counts. The words live in ``sitegen/data/numbers.yaml``; this module
compiles them once into one regex over the folded text (see ``normalize``)
and reports spans in the original text.

Duals: a counted noun in the dual ("جنديين", "عنصرين", "بطاريتي") is a count
of two. They are returned by :func:`find_numbers` like any other number, with
``value=2`` and ``noun`` set to the singular; :func:`find_duals` returns only
those. "عنصرين اثنين" (a dual confirmed by the number word) is ONE mention.

A vague quantity ("العشرات", "مئات", "عشرات الآلاف") has ``value=None``: never
invent a number the text does not give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import (
    CLITICS,
    MEMO_SHORT,
    WB_AFTER,
    WB_BEFORE,
    fold,
    fold_word,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int  # offsets in the text passed in
    end: int
    text: str
    value: int | None  # None for a vague quantity ("العشرات", "مئات")
    approximate: bool  # "أكثر من", "قرابة", "نحو"… and vague plurals
    noun: str = ""  # for a dual ("جنديين"): the singular noun counted, else ""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    values: dict[str, int]  # folded word → value (units, tens, hundreds, atoms)
    scales: dict[str, int]  # folded word → multiplier
    after_count: dict[str, int]  # "28 ألفا": a scale only after a count
    fractions: dict[str, Fraction]  # "نصف مليون": a part of the scale after it
    teen_units: dict[str, int]  # first word of 11–19 → its unit
    teen_suffix: frozenset[str]
    dual_nouns: dict[str, str]  # folded dual form → singular noun as written in the data
    pattern: re.Pattern[str]  # find_numbers' regex
    firsts: frozenset[str]  # words a number can start with
    number_source: str  # a whole number (words or digits), no groups


def word_alternation(words: Iterable[object]) -> str:
    """A regex for any of the folded phrases, compiled as a trie.

    Python's ``re`` tries the branches of ``a|b|c`` one by one; a trie shares
    prefixes so a failing position is rejected after a character or two. At a
    node that ends one phrase and continues others, the longer phrase is tried
    first. A phrase starting with the article also matches after the clitic
    ل, which swallows the article's alef: "للأسبوعين" = ل + الأسبوعين.
    """
    trie: dict[str, Any] = {}
    for w in {fold_word(str(w)) for w in words}:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie, at_start=True) + ")"


def _trie_regex(node: dict[str, Any], at_start: bool = False) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if at_start and ch == "ا" and "ل" in child:
            # the article: "ال…", or "ل…" right after a clitic ل
            rest = {k: v for k, v in child.items() if k != "ل"}
            branches.append("(?:ا|(?<=ل))ل" + _tail(child["ل"]))
            if rest:
                branches.append("ا" + _tail(rest))
            continue
        branches.append((r"\s+" if ch == " " else re.escape(ch)) + _tail(child))
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return body


def _tail(node: dict[str, Any]) -> str:
    """The regex after one character: nothing, a subtree, or an optional one."""
    children = {k: v for k, v in node.items() if k}
    if not children:
        return ""
    sub = _trie_regex(children)
    if "" in node:
        return "(?:" + sub + ")?"
    return sub


def first_words(words: Iterable[object]) -> set[str]:
    """The folded first word of each phrase: where a match can begin."""
    return {fold_word(str(w)).split(" ")[0] for w in words if fold_word(str(w))}


_TOKEN = re.compile(r"\w+")
_CLITIC_PAIRS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# ... or after a preposition of time typed onto it: "في17 حزيران" (a date's start)
_DIGIT_LEAD = re.compile(r"(?:[وفبلك]{0,2}(?:ال|ل)?|و?في|يوم)\d")


def with_clitics(firsts: Iterable[str]) -> frozenset[str]:
    """``firsts`` plus each word with a clitic in front (و، ف، ب، ل، ك and pairs),
    and the article's alef dropped after ل ("للاسبوعين"), for one set lookup."""
    out = set()
    for w in firsts:
        for c in _CLITIC_PAIRS:
            out.add(c + w)
            if c.endswith("ل") and w.startswith("ال"):
                out.add(c + w[1:])
    return frozenset(out)


def words_of(folded: str) -> frozenset[str]:
    """The distinct words (``\\w`` runs) of ``folded``.

    Remembered for the last few texts: the dates and then the numbers of a
    clause both start from its words.
    """
    return _words_memo(folded) if len(folded) <= MEMO_SHORT else _words(folded)


def _words(folded: str) -> frozenset[str]:
    # ``str.split`` is several times faster than a ``\w+`` scan; only the rare
    # token with punctuation attached is split again by the regex.
    out: set[str] = set()
    for tok in set(folded.split()):
        if tok.isalnum():
            out.add(tok)
        else:
            out.update(_TOKEN.findall(tok))
    return frozenset(out)


_words_memo = lru_cache(maxsize=256)(_words)


def positions(folded: str, words: Iterable[str]) -> list[int]:
    """Sorted offsets where one of ``words`` occurs as a whole word."""
    out = []
    n = len(folded)
    for w in words:
        i = folded.find(w)
        while i >= 0:
            j = i + len(w)
            before = folded[i - 1] if i else " "
            after = folded[j] if j < n else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                out.append(i)
            i = folded.find(w, j)
    return sorted(out)


def word_starts(
    folded: str, firsts: frozenset[str], words: AbstractSet[str] | None = None
) -> list[int]:
    """Offsets of the words of ``folded`` that may begin a match.

    A big regex is slow to try at every character; one set lookup per
    distinct word is cheap. ``firsts`` comes from :func:`with_clitics`. A word
    starting with digits, after clitics or the article ("و20", "ال24"),
    always counts. ``words`` is :func:`words_of` ``folded``, if already known.
    """
    words = words_of(folded) if words is None else words
    if isinstance(words, frozenset) and len(words) <= _MEMO_WORDS:
        # One set operation in C; the digit-led words once per text, for dates and numbers.
        return positions(folded, (words & firsts) | _digit_led_memo(words))
    return positions(folded, {w for w in words if w in firsts} | _digit_led(words))


def _digit_led(words: AbstractSet[str]) -> frozenset[str]:
    """The words starting with digits, maybe after clitics or the article."""
    return frozenset(w for w in words if not w.isalpha() and _DIGIT_LEAD.match(w))


_MEMO_WORDS = 1 << 9
_digit_led_memo = lru_cache(maxsize=256)(_digit_led)


def match_at_words(
    pattern: re.Pattern[str],
    folded: str,
    firsts: frozenset[str],
    words: AbstractSet[str] | None = None,
) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(folded)`` for a pattern that starts at a word,
    but tried only where :func:`word_starts` allows."""
    return match_at(pattern, folded, word_starts(folded, firsts, words))


def match_at(pattern: re.Pattern[str], folded: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` tried only at ``starts`` (sorted)."""
    last_end = 0
    for pos in starts:
        if pos < last_end:
            continue
        m = pattern.match(folded, pos)
        if m and m.end() > pos:
            last_end = m.end()
            yield m


# An optional article that also works after the clitic ل ("للأسبوعين").
ARTICLE = "(?:(?:ا|(?<=ل))ل)?"

# Western digits (Arabic-Indic and Persian are folded to them), with a thousands
# separator (",", or U+066C; "." between three or more groups, "1.392.928") or
# a decimal point (".", or U+066B).
# Larger figures are not counts of anything an article reports (a serial number, a
# run of digits); reading them would only overflow a date or a total later.
MAX_COUNT = 10**12

_DIGITS = (
    r"(?:\d{1,3}(?:[,\u066c]\d{3})+(?![\d])"
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d])"
    r"|\d+(?:[.\u066b]\d+)?)"
)


def _word_forms(table: dict[str, int], min_article: int) -> list[str]:
    """Forms of the words in ``table``, with the article where it is allowed."""
    forms = list(table)
    forms += ["ال" + fold_word(w) for w, v in table.items() if v >= min_article]
    return forms


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("numbers.yaml")
    art = int(data["article_min_value"])
    units = {fold_word(k): int(v) for k, v in data["units"].items()}
    tens = {fold_word(k): int(v) for k, v in data["tens"].items()}
    hundreds = {fold_word(w): int(v) for v, ws in data["hundreds"].items() for w in ws}
    atoms = {fold_word(k): int(v) for k, v in data["atoms"].items()}
    scales = {fold_word(k): int(v) for k, v in data["scales"].items()}
    after_count = {fold_word(k): int(v) for k, v in data["scales_after_count"].items()}
    fractions = {fold_word(k): Fraction(str(v)) for k, v in data["fractions"].items()}
    teen_units = {fold_word(k): int(v) for k, v in data["teen_units"].items()}
    teen_units.update({w: v for w, v in units.items() if 3 <= v <= 9})
    teen_suffix = frozenset(fold_word(w) for w in data["teen_suffix"])
    duals = {fold_word(f): noun for noun, forms in dual_nouns().items() for f in forms}

    unit, ten = word_alternation(_word_forms(units, art)), word_alternation(_word_forms(tens, art))
    hun, atom = word_alternation(hundreds), word_alternation(atoms)
    scale = word_alternation([*scales, *after_count])
    part = word_alternation(fractions)
    teen = word_alternation(_word_forms(teen_units, art)) + r"\s+" + word_alternation(teen_suffix)
    small = rf"(?:{teen}|{unit}(?:\s+و\s*{ten})?|{ten})"
    below_k = rf"(?:{hun}(?:\s+و\s*{small})?|{small})"
    below_k_any = rf"(?:{below_k}|{ARTICLE}{_DIGITS})"
    # Digits never join with "و" ("3 و5" is two numbers); words do, in
    # descending magnitude, with units before tens ("خمسة وعشرين").
    group = rf"(?:(?:{below_k_any}\s+|{part}\s+)?{scale}|{atom})"
    # After a scale, digits join too: "65 ألف و900" is 65900.
    rest = rf"(?:{below_k}|\d{{1,3}}(?![\d.,\u066b\u066c]))"
    number = rf"(?:{group}(?:\s+و\s*{group})*(?:\s+و\s*{rest})?|{below_k_any})"

    two = word_alternation(w for w, v in units.items() if v == 2)
    rx = (
        rf"(?:{WB_BEFORE}|(?<=[\u0621-\u064a])(?=\d))"  # a word, or digits glued to one
        + CLITICS
        + rf"(?P<body>(?:(?P<approx>{word_alternation(data['approximate'])})\s*)?"
        + rf"(?:(?P<vague>{word_alternation(data['vague'])})"
        + rf"|(?P<dual>{ARTICLE}{word_alternation(duals)})(?:\s+{two})?"
        + rf"|(?P<num>{number}))"
        + rf"(?:\s+(?P<after>{word_alternation(data['approximate_after'])}))?)"
        + WB_AFTER
    )
    values = {**units, **tens, **hundreds, **atoms}
    starters = [*_word_forms(units, art), *_word_forms(tens, art), *_word_forms(teen_units, art)]
    starters += [*hundreds, *atoms, *scales, *fractions, *data["vague"], *data["approximate"]]
    starters += [*duals, *("ال" + d for d in duals)]
    firsts = with_clitics(first_words(starters))
    return _Lexicon(
        values,
        scales,
        after_count,
        fractions,
        teen_units,
        teen_suffix,
        duals,
        re.compile(rx),
        firsts,
        number,
    )


def number_first_words() -> frozenset[str]:
    """Folded words a number can start with, clitics included (:func:`word_starts`)."""
    return _lexicon().firsts


def number_pattern() -> str:
    """Regex source for one number (words or digits) in folded text; no groups.

    For other matchers (temporal durations) to embed; read its value with
    :func:`parse_number`.
    """
    return _lexicon().number_source


@cache
def dual_nouns() -> dict[str, list[str]]:
    """Every counted noun of numbers.yaml with its dual spellings, people and things."""
    data = load_yaml("numbers.yaml")
    return {**data["duals"], **data["duals_of_things"]}


@cache
def people_nouns() -> frozenset[str]:
    """The counted nouns whose duals count people ("جنديين"), not things or time."""
    return frozenset(load_yaml("numbers.yaml")["duals"])


def dual_forms(noun: str) -> tuple[str, ...]:
    """The folded dual spellings of ``noun`` (a key of numbers.yaml duals)."""
    return tuple(sorted(f for f, n in _lexicon().dual_nouns.items() if n == noun))


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text``, in order, duals included (see module doc)."""
    lex = _lexicon()
    folded = fold(text)
    out = []
    starts = word_starts(folded.text, lex.firsts)
    glued = _glued(folded.text)
    if glued:
        starts = sorted(set(starts).union(glued))
    for m in match_at(lex.pattern, folded.text, starts):
        start, end = folded.span(*m.span("body"))
        approx = bool(m.group("approx") or m.group("after"))
        if m.group("vague"):
            out.append(NumberMention(start, end, text[start:end], None, True))
        elif m.group("dual"):
            noun = lex.dual_nouns[_strip_article(m.group("dual"), lex.dual_nouns)]
            out.append(NumberMention(start, end, text[start:end], 2, approx, noun))
        else:
            value = parse_number(m.group("num"))
            if value is not None:  # fractions ("2.5") are not counts
                out.append(NumberMention(start, end, text[start:end], value, approx))
    return out


_GLUED = re.compile(r"([\u0621-\u064a]+)(?=\d)")


def _glued(folded: str) -> list[int]:
    """Where digits begin right after the letters of a word ("ان26"): a figure
    whose space was lost, unless the word names a weapon model ("اف16")."""
    if not any(c.isdigit() for c in folded):
        return []
    skip = _glued_not_after()
    return [m.end() for m in _GLUED.finditer(folded) if m.group(1) not in skip]


@cache
def _glued_not_after() -> frozenset[str]:
    return frozenset(fold_word(w) for w in load_yaml("numbers.yaml")["glued_not_after"])


def find_duals(text: str) -> list[NumberMention]:
    """Only the duals of counted nouns ("جنديين" → 2 soldiers)."""
    return [m for m in find_numbers(text) if m.noun]


def _strip_article(word: str, table: Mapping[str, object]) -> str:
    """``word`` without a leading article ("ال", or "ل" after a clitic ل)."""
    word = re.sub(r"\s+", " ", word)
    if word in table:
        return word
    for prefix in ("ال", "ل"):
        if word.startswith(prefix) and word[len(prefix) :] in table:
            return word[len(prefix) :]
    return word


def _token_value(tok: str, lex: _Lexicon) -> tuple[str, Fraction] | None:
    """("value" | "scale", number) for one token, or None if not a number.

    Exact arithmetic: a float turns a long run of digits into infinity or rounds it.
    """
    if re.fullmatch(_DIGITS, tok):
        return "value", _digits_value(tok)
    for cand in (tok, tok[1:] if tok.startswith("و") else ""):
        if not cand:
            continue
        for word in (cand, cand[2:] if cand.startswith("ال") else ""):
            if word in lex.values:
                return "value", Fraction(lex.values[word])
            if word in lex.scales:
                return "scale", Fraction(lex.scales[word])
            if word and re.fullmatch(_DIGITS, word):
                return "value", _digits_value(word)
    return None


def _in_context(tok: str, current: Fraction, lex: _Lexicon) -> tuple[str, Fraction] | None:
    """The words whose reading depends on what stands before them: "ألفا" is a
    scale after a count ("28 ألفا"), else the dual (2000); "نصف" a part."""
    if tok in lex.fractions:
        return "value", lex.fractions[tok]
    if tok in lex.after_count and current:
        return "scale", Fraction(lex.after_count[tok])
    return None


def _digits_value(tok: str) -> Fraction:
    """ "1,250" → 1250, "2.5" → 5/2; a run of digits longer than any count is just
    "too big" (Python refuses to read an int of more than 4300 digits anyway)."""
    plain = re.sub(r"[,\u066c]", "", tok).replace("\u066b", ".")
    if plain.count(".") > 1:  # "1.392.928": points between thousands
        plain = plain.replace(".", "")
    if len(plain.split(".")[0]) > len(str(MAX_COUNT)):
        return Fraction(MAX_COUNT + 1)
    return Fraction(plain)


def _tokens(folded: str, lex: _Lexicon) -> list[str]:
    """Split on spaces, joining the two-word hundreds ("ثلاث مئه") and teens."""
    raw = folded.split()
    out: list[str] = []
    i = 0
    while i < len(raw):
        pair = " ".join(raw[i : i + 2])
        if len(raw) > i + 1 and pair in lex.values:
            out.append(pair)
            i += 2
            continue
        if len(raw) > i + 1 and raw[i + 1] in lex.teen_suffix:
            unit = _teen_unit(raw[i], lex)
            if unit is not None:
                out.append(str(unit + 10))
                i += 2
                continue
        out.append(raw[i])
        i += 1
    return out


def _teen_unit(tok: str, lex: _Lexicon) -> int | None:
    for cand in (tok, tok[2:] if tok.startswith("ال") else ""):
        if cand in lex.teen_units:
            return lex.teen_units[cand]
    return None


def parse_number(words: str) -> int | None:
    """The value of a number written in digits and/or words, or None.

    "خمسة وعشرين" → 25, "400 ألف" → 400000, "ثلاثة آلاف وخمسمئة" → 3500,
    "عشرات" → None (vague), "2.5" → None (not a count), "10.000" → 10000.
    """
    if words.isascii() and words.isdigit():  # the usual case, without Fractions
        n = int(words) if len(words) <= len(str(MAX_COUNT)) else MAX_COUNT + 1
        return n if n <= MAX_COUNT else None
    if _DOT_THOUSANDS.fullmatch(words):
        return int(words.replace(".", ""))
    lex = _lexicon()
    folded = re.sub(r"\bو\s+", "و", fold_word(words))
    toks = _tokens(folded, lex)
    if not toks:
        return None
    total, current = Fraction(0), Fraction(0)
    last_scale: Fraction | None = None
    for tok in toks:
        got = _in_context(tok, current, lex) or _token_value(tok, lex)
        if got is None:
            return None
        kind, value = got
        if kind == "scale":
            if last_scale is not None and value >= last_scale:
                return _count(total)  # "بين 270 ألفا و330 ألف": a range, its low end
            total += (current or 1) * value
            current = Fraction(0)
            last_scale = value
        elif value >= 1000 and not tok[:1].isdigit():
            total += current + value  # "مليونان": a scale's dual, a group of its own
            current, last_scale = Fraction(0), value / 2
        else:
            current += value
    return _count(total + current)


# "أكثر من 10.000 شخص", "200.000 لاجئ": a count of people or things is never a
# fraction, so a point before three digits, with no scale word after ("2.750
# مليار" is two and three quarters), separates thousands as some outlets write
# them. (The Arabic decimal separator U+066B is never read so.)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _count(result: Fraction) -> int | None:
    if result.denominator != 1 or result > MAX_COUNT:
        return None  # "2.5" is not a count; nor is a run of thirty digits
    return int(result)
