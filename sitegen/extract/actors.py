"""Who a clause names, and who reports it.

The parties, institutions, media and people live in ``data/actors.yaml``; this
module compiles their Arabic surface forms into one regex, once per process,
and matches it over folded text (``normalize.fold``), mapping spans back to
the original text.

It also holds the small compiler shared by the other lexicon matchers
(``events``, ``victims``): a data-file phrase becomes a regex that tolerates
proclitics, the article, attached pronouns and quote marks between words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any, NamedTuple

from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import (
    MEMO_SHORT,
    WB_AFTER,
    WB_BEFORE,
    Folded,
    fold,
    fold_word,
)

# Harakat, tatweel and the like that fold() drops: a span that ends on a
# letter is extended over them so a quote keeps "هجوماً" whole.
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]*")


def original_span(text: str, folded: Folded, start: int, end: int) -> tuple[int, int]:
    """``Folded.span``, keeping the marks that follow the last letter."""
    start, end = folded.span(start, end)
    mark = _MARKS.match(text, end)
    return start, mark.end() if mark else end


# ---------------------------------------------------------------------------
# Compiling lexicon phrases

# Proclitics before the first word: و/ف, then ب/ل/ك. Kept in their own group
# so that a mention's span starts at the word itself, not at "و" or "ل".
# Lazy: a whole lexicon word is tried before a proclitic reading, so a data
# file can list "وزارة" to keep it from being read as "و" + "زارة".
CLITIC_GROUP = r"(?P<cl>[وف]??[بلك]??)"
# Like CLITIC_GROUP, but also a detached "لـ"/"بـ" before a quoted name
# ('لـ “الحزب التركستاني”' folds to 'ل "الحزب التركستاني"').
CLITIC_GROUP_DETACHED = r"(?P<cl>[وف]??(?:[بل](?: ?[\"'] ?| )|[بلك])??)"
# Between the words of a phrase: spaces, and the quotes writers put around
# names ('طائرات “سو 24” الروسية').
SEP = r"[\s\"']+"
# Attached pronouns and the accusative alef ("هجماتها", "هجوماً", "جنوده").
_PRONOUN = r"(?:ا|ه|ها|هم|هما|هن|نا|كم)"
# A folded word ending in ه may end in ta marbuta, which turns into ت before
# a pronoun or a dual ending ("غارة" → "غارتها", "غارتين").
_TA_FORMS = r"(?:ه|ت(?:ه|ها|هم|هما|هن|نا|كم|ين|ان))"
_ARTICLE_AFTER_LAM = r"(?:ال|(?<=ل)ل)"  # "للقوات": ل + the article without its alef


def _has_article(folded: str, written: str) -> bool:
    """Whether a word opens with the article. Folding turns a hamza'd alef into
    a bare one, so "ألغام" folds to "الغام": the written word tells it apart."""
    return folded.startswith("ال") and len(folded) > 3 and not written.startswith(("أ", "إ", "آ"))


def _tokens(phrase: str, *, article: bool, suffix: bool) -> list[str]:
    """One lexicon entry as a list of regex pieces (a letter, SEP, an ending…)."""
    words = fold_word(phrase).split(" ")
    written = phrase.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        first, last = i == 0, i == len(words) - 1
        out += [] if first else [SEP]
        has_article = _has_article(word, written[i] if len(written) == len(words) else word)
        stem = word[2:] if has_article else word
        if article:  # "ال" written or not, the entry matches both
            out.append(_ARTICLE_AFTER_LAM + "?" if first else "(?:ال)?")
        elif has_article:
            out.append(_ARTICLE_AFTER_LAM if first else "ال")
        if suffix and last and stem.endswith("ه"):
            out += [re.escape(c) for c in stem[:-1]] + [_TA_FORMS]
        elif suffix and not last and not stem.endswith(("ه", "ا")):
            # an indefinite accusative inside a phrase: "شن هجوما صاروخيا"
            out += [re.escape(c) for c in stem] + ["ا?"]
        else:
            out += [re.escape(c) for c in stem] + ([_PRONOUN + "?"] if suffix and last else [])
    return out


def phrase_regex(phrase: str, *, article: bool = False, suffix: bool = False) -> str:
    """Regex source for one lexicon entry, to follow a clitic group.

    ``article``: every word may take the article ("غارة جوية" → "الغارة الجوية").
    ``suffix``: the last word may take a pronoun or accusative alef, the
    others the accusative alef ("هجوما صاروخيا").
    """
    return "".join(_tokens(phrase, article=article, suffix=suffix))


@dataclass(slots=True)
class _Node:
    """A trie node of token lists (mutable: it only lives while compiling)."""

    children: dict[str, _Node] = field(default_factory=dict)
    name: str = ""  # the regex group name of the entry that ends here
    depth: int = 0  # tokens in the longest entry below


def _emit(node: _Node) -> str:
    """Regex source for a trie: longer continuations first, then the end."""
    children = sorted(node.children.items(), key=lambda kc: -kc[1].depth)
    branches = [token + _emit(child) for token, child in children]
    if node.name:
        branches.append(f"(?P<{node.name}>)")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def alternation(
    named: Iterable[tuple[str, str]], *, article: bool = False, suffix: bool = False
) -> str:
    """One regex for many entries; an empty group ``(?P<name>)`` marks each end.

    Entries are merged into a trie so that the regex engine tests a shared
    beginning once: a flat alternation of 400 entries costs ~10 ms per
    sentence, the trie a fraction of that. At each branch the longer
    continuation is tried first, so the longest entry at a place wins.
    The first of two entries that compile to the same regex wins.
    """
    root = _Node()
    for name, phrase in named:
        tokens = _tokens(phrase, article=article, suffix=suffix)
        node = root
        for i, token in enumerate(tokens):
            node.depth = max(node.depth, len(tokens) - i)
            node = node.children.setdefault(token, _Node())
        node.name = node.name or name
    return _emit(root) if root.children else "(?!)"


def matched_name(m: re.Match[str], prefix: str) -> str:
    """The name of the alternative (``prefix`` + index) that matched."""
    if m.lastgroup and m.lastgroup.startswith(prefix):
        return m.lastgroup
    return next(k for k, v in m.groupdict().items() if v is not None and k.startswith(prefix))


# ---------------------------------------------------------------------------
# The actor lexicon


@dataclass(frozen=True, slots=True)
class Actor:
    key: str  # "" for a speaker that is not in the lexicon
    en: str
    ar: str
    side: str
    kind: str  # party | org | media | person ("" when not in the lexicon)
    affiliation: str = ""  # key of the actor it belongs to or speaks for
    state: bool = False


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # offsets in the ORIGINAL text, proclitics excluded
    end: int
    text: str
    actor: Actor


class _Hit(NamedTuple):
    """A mention in folded coordinates (a tuple: a scan makes many of them)."""

    start: int  # where the name starts (after proclitics)
    end: int
    actor: Actor
    outer: int  # where the match starts (proclitics included)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    actors: dict[str, Actor]
    by_name: dict[str, Actor]  # regex group name → actor
    regex: re.Pattern[str]
    cues: re.Pattern[str]
    cue_kind: dict[str, str]  # group name → "prep" | "verb"
    ends: re.Pattern[str]
    max_words: int
    reach: int  # see _split_before


def _actor(key: str, row: dict[str, Any]) -> Actor:
    return Actor(
        key=key,
        en=row["en"],
        ar=row["ar"],
        side=row["side"],
        kind=row["kind"],
        affiliation=row.get("affiliation", ""),
        state=bool(row.get("state", False)),
    )


def _cue_regex(spec: dict[str, Any]) -> tuple[re.Pattern[str], dict[str, str]]:
    named: list[tuple[str, str]] = []
    kind: dict[str, str] = {}
    for group, words in (("prep", spec["prepositions"]), ("verb", spec["verbs"])):
        for word in words:
            name = f"c{len(named)}"
            named.append((name, word))
            kind[name] = group
    source = WB_BEFORE + CLITIC_GROUP + alternation(named) + WB_AFTER
    return re.compile(source), kind


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("actors.yaml")
    actors = {key: _actor(key, row) for key, row in data["actors"].items()}
    named: list[tuple[str, str]] = []
    by_name: dict[str, Actor] = {}
    for key, row in data["actors"].items():
        for pattern in row["patterns"]:
            name = f"a{len(named)}"
            named.append((name, pattern))
            by_name[name] = actors[key]
    regex = re.compile(WB_BEFORE + CLITIC_GROUP_DETACHED + alternation(named) + WB_AFTER)
    # How far an attempt of ``regex`` can read past where it starts, counting
    # only characters that are not spaces or quotes (SEP runs are free): two
    # proclitic letters, the letters of the longest entry, one character of
    # look-ahead (WB_AFTER) or of a failed test. Four to spare.
    reach = 2 + max(len(fold_word(p).replace(" ", "")) for _, p in named) + 1 + 4
    spec = data["attribution"]
    cues, cue_kind = _cue_regex(spec)
    # A weekday ends a speaker too: "قال الجيش الإسرائيلي الثلاثاء إن".
    weekdays = [w for day in load_yaml("weekdays.yaml")["arabic"].values() for w in day["names"]]
    ends = "|".join(re.escape(fold_word(w)) for w in [*spec["speaker_ends"], *weekdays])
    return _Lexicon(
        actors=actors,
        by_name=by_name,
        regex=regex,
        cues=cues,
        cue_kind=cue_kind,
        ends=re.compile(rf"^(?:{ends})$"),
        max_words=int(spec["speaker_words"]),
        reach=reach,
    )


@cache
def _actors() -> dict[str, Actor]:
    """The actors alone, without compiling the patterns (for rendering)."""
    data = load_yaml("actors.yaml")
    return {key: _actor(key, row) for key, row in data["actors"].items()}


def actor(key: str) -> Actor:
    """The actor with this key (KeyError if unknown)."""
    return _actors()[key]


def all_actors() -> tuple[Actor, ...]:
    return tuple(_actors().values())


def affiliations(a: Actor) -> tuple[str, ...]:
    """The chain of keys an actor belongs to, nearest first."""
    chain: list[str] = []
    key = a.affiliation
    while key and key not in chain:
        chain.append(key)
        key = _lexicon().actors[key].affiliation
    return tuple(chain)


# ---------------------------------------------------------------------------
# Finding mentions


def scan(folded: Folded) -> tuple[_Hit, ...]:
    """Actor mentions in folded coordinates (for the other matchers).

    Remembered: a clause is scanned for speakers, then for actors, then for
    victims' parties, and an article for anaphora and quoted organisations
    (``fold`` hands out the same ``Folded`` for the same text).
    """
    return (_scan_short if len(folded.text) <= MEMO_SHORT else _scan_long)(folded)


def _scan(folded: Folded, pos: int = 0, endpos: int | None = None) -> tuple[_Hit, ...]:
    """The mentions from ``pos`` on, as if the folded text ended at ``endpos``."""
    lex = _lexicon()
    end = len(folded.text) if endpos is None else endpos
    return tuple(
        _Hit(m.end("cl"), m.end(), lex.by_name[matched_name(m, "a")], m.start())
        for m in lex.regex.finditer(folded.text, pos, end)
    )


_scan_short = lru_cache(maxsize=256)(_scan)
_scan_long = lru_cache(maxsize=4)(_scan)


_NOT_SEP = re.compile(r"[^\s\"']")


def _hits_before(folded: Folded, end: int) -> tuple[_Hit, ...]:
    """The mentions a scan of ``folded.text[:end]`` finds (an article's opening,
    for anaphora), mostly taken from the remembered scan of the whole text."""
    hits = scan(folded)
    k, tail = _split_before(folded, hits, end)
    return hits[:k] + tail


def _split_before(folded: Folded, hits: Sequence[_Hit], end: int) -> tuple[int, tuple[_Hit, ...]]:
    """The mentions in ``folded.text[:end]``, as a scan of that shorter text finds
    them: ``hits[:k]`` of the whole text's scan ``hits``, then ``tail``, found
    afresh. Returns ``(k, tail)``.

    An attempt of the regex reads at most ``reach`` characters other than spaces
    and quotes from where it starts (see ``_lexicon``). So the whole text's scan,
    up to the end ``q`` of a hit followed by more than ``reach`` such characters
    before ``end``, made every attempt on exactly the characters the shorter
    text's scan sees, with the same results; both then search on from ``q``.
    """
    reach = _lexicon().reach
    k = bisect_right(hits, end, key=lambda h: h.end)  # the hits that end by ``end``
    while k and len(_NOT_SEP.findall(folded.text, hits[k - 1].end, end)) <= reach:
        k -= 1
    return k, _scan(folded, hits[k - 1].end if k else 0, end)


def _mention(text: str, folded: Folded, hit: _Hit, a: Actor | None = None) -> ActorMention:
    start, end = original_span(text, folded, hit.start, hit.end)
    return ActorMention(start, end, text[start:end], a or hit.actor)


def find_actors(text: str) -> list[ActorMention]:
    """Every actor named in ``text``, in order, longest form at each place."""
    folded = fold(text)
    return [_mention(text, folded, h) for h in scan(folded)]


# ---------------------------------------------------------------------------
# Attribution: who reports or claims what a clause says.
#
# A cue is a preposition ("وفقا لـ", "بحسب", "نقلا عن") or a speech verb
# ("قال", "أفادت", "ذكرت", "أعلنت"). The speaker is, in order of trust:
#   1. a known actor within a few words after the cue, before the reported
#      content starts ("ذكرت وزارة الدفاع التركية أن …");
#   2. a known actor right before a verb cue, when it opens the clause or a
#      complement ("يذكر أن وزارة الدفاع الروسية أعلنت …");
#   3. the words after the cue, when they end where a speaker ends (a
#      complementizer, "الذي", a colon or a comma; always after a
#      preposition) – an ad-hoc speaker: Actor(key="", en="", ar=<the words>,
#      side="", kind="").
# With ``context`` (the article), an ad-hoc speaker that is a definite head
# noun ("المركز", "الوزارة") is resolved to the last actor before the clause
# whose name starts with that noun, and a state ("أعلنت روسيا") to the
# state's organisation that the article quotes ("الدفاع الروسية").

_WORD = re.compile(r"[^\s,.:;!?\"'()\[\]]+")
_STOP = re.compile(r"[.;:!?]")
# A dash standing alone closes an aside, as a comma does: "كانوا - بحسب تقارير -
# يحضرون حفل زفاف" names "تقارير", not "تقارير - يحضرون حفل".
_DASHES = frozenset("-–—")
_ADHOC_END = re.compile(r"^(?:ان|بان|انه|بانه|الذي|التي)$")
_SVO_BEFORE = re.compile(r"(?:^|(?:^|\s)(?:ان|بان|و)\s*)[\s\"',]*$")
_GAP = re.compile(r"^[\s\"',]*$")


class _Hits:
    """A scan's hits (in text order, never overlapping: starts and ends both
    increase) with lookups by position, so that a cue costs a few bisections
    and not a pass over every actor an article names."""

    def __init__(self, hits: Sequence[_Hit]) -> None:
        self.items = hits
        self.starts = [h.start for h in hits]
        self.ends = [h.end for h in hits]
        self.start_set = frozenset(self.starts)

    def starting_in(self, a: int, b: int) -> Sequence[_Hit]:
        """The hits with ``a <= start < b``, in order."""
        return self.items[bisect_left(self.starts, a) : bisect_left(self.starts, b)]

    def last_ending_by(self, pos: int) -> _Hit | None:
        """The last hit with ``end <= pos``."""
        i = bisect_right(self.ends, pos)
        return self.items[i - 1] if i else None


def _after(folded: Folded, cue: re.Match[str], hits: _Hits) -> _Hit | None:
    """A known speaker in the words right after the cue.

    The window stops at a speaker-ending word, at punctuation, and at an
    opening quote unless the quote surrounds a name ('وثقت “الدفاع المدني”').
    A person beats an institution in the same window ("رئيس دائرة الاتصال
    بالرئاسة التركية فخر الدين ألطون" is Altun).
    """
    lex = _lexicon()
    limit = cue.end()
    for n, w in enumerate(_WORD.finditer(folded.text, cue.end())):
        between = folded.text[limit : w.start()]
        quoted = '"' in between and w.start() not in hits.start_set
        stop = _STOP.search(between) or w.group() in _DASHES
        if n >= lex.max_words or stop or quoted or lex.ends.match(w.group()):
            break
        limit = w.end()
    window = hits.starting_in(cue.end(), limit)
    return next((h for h in window if h.actor.kind == "person"), window[0] if window else None)


def _before(folded: Folded, cue: re.Match[str], hits: _Hits) -> _Hit | None:
    """A known speaker right before a verb cue, opening a clause (SVO).

    Only the last hit ending before the cue can be adjacent to it: the gap
    from any earlier one holds that hit's name, which is not all spaces.
    """
    h = hits.last_ending_by(cue.start())
    if h is None or not _GAP.match(folded.text[h.end : cue.start()]):
        return None
    return h if _SVO_BEFORE.search(folded.text[: h.start]) else None


def _adhoc(folded: Folded, cue: re.Match[str], prep: bool) -> tuple[int, int] | None:
    """The span of an unknown speaker's words after the cue, if it looks like one.

    After a verb, the words count as a speaker only when what follows them
    shows a speaker ended there: a complementizer ("وأضاف المركز أيضا أن"),
    or punctuation right after them ("وقالت الرسالة:"). "نقلت موقفها إلى
    روسيا" has no speaker.
    """
    lex = _lexicon()
    words: list[re.Match[str]] = []
    collecting, prev, ok = True, cue.end(), prep
    for n, w in enumerate(_WORD.finditer(folded.text, cue.end())):
        between, prev = folded.text[prev : w.start()], w.end()
        ends_here = _STOP.search(between) or "," in between or '"' in between
        if _ADHOC_END.match(w.group()) or (collecting and (ends_here or w.group() in _DASHES)):
            ok = True
            break
        if n >= 8 or _STOP.search(between):
            break
        if lex.ends.match(w.group()):
            collecting = False
        elif collecting:
            words.append(w)
    words = words[:4] if ok else []
    return (words[0].start(), words[-1].end()) if words else None


def _cues(folded: Folded) -> Iterator[tuple[re.Match[str], bool, _Hit | None]]:
    """Each cue in order: whether it is a preposition, and the known speaker it names."""
    lex = _lexicon()
    hits: _Hits | None = None  # scanned at the first cue: many clauses have none
    for cue in lex.cues.finditer(folded.text):
        if hits is None:
            hits = _Hits(scan(folded))
        prep = lex.cue_kind[matched_name(cue, "c")] == "prep"
        hit = _after(folded, cue, hits) or (None if prep else _before(folded, cue, hits))
        yield cue, prep, hit


def _speakers(text: str, folded: Folded) -> Iterator[ActorMention]:
    """Every speaker in ``text``, in order of their cues."""
    for cue, prep, hit in _cues(folded):
        if hit:
            yield _mention(text, folded, hit)
            continue
        span = _adhoc(folded, cue, prep)
        if span:
            start, end = original_span(text, folded, *span)
            yield ActorMention(start, end, text[start:end], Actor("", "", text[start:end], "", ""))


@lru_cache(maxsize=4096)
def _head(phrase: str) -> str:
    """The first folded word of a phrase without proclitics or article."""
    word = fold_word(phrase).split(" ")[0]
    return re.sub(r"^[وف]?[بلك]?(?:ال|(?<=ل)ل)", "", word)


def _resolve_anaphor(speaker: ActorMention, context: str, cut: int) -> ActorMention:
    """Resolve "المركز" to the last centre named before the clause (``context[:cut]``):
    the last actor there whose name, as written or as the lexicon writes it,
    starts with the speaker's head noun."""
    head = _head(speaker.text)
    folded = fold(context)  # the article's: remembered, like its scan
    before = context[:cut]
    for hit in reversed(_hits_before(folded, folded.folded_index(cut))):
        if head == _head(hit.actor.ar) or head == _written_head(folded, hit, before):
            return replace(speaker, actor=hit.actor)
    return speaker


# The marks after a letter that fold() keeps (it drops harakat, superscript
# alef and tatweel): the rest of the _MARKS range.
_KEPT_MARKS = frozenset(chr(c) for c in range(0x0653, 0x0660))


def _written_head(folded: Folded, hit: _Hit, before: str) -> str:
    """``_head`` of the hit's words as ``find_actors(before)`` quotes them.

    The quote folds back to the folded text of the hit (``_head`` folds what
    it reads), unless marks that fold() keeps follow the name: the quote takes
    them in too, as far as ``before`` goes.
    """
    if folded.text[hit.end : hit.end + 1] in _KEPT_MARKS:
        return _head(_mention(before, folded, hit).text)
    return _head(folded.text[hit.start : hit.end])


@lru_cache(maxsize=4)
def _quoted_orgs(context: str) -> tuple[Actor, ...]:
    """The organisations an article quotes, in order of their cues (once per
    article: every "أعلنت روسيا" in it asks). Unknown speakers are never
    organisations, so only the known ones are looked for."""
    return tuple(h.actor for _, _, h in _cues(fold(context)) if h and h.actor.kind == "org")


def _refine_state(speaker: ActorMention, context: str) -> ActorMention:
    """Refine "أعلنت روسيا" to the Russian organisation the article quotes."""
    for org in _quoted_orgs(context):
        if speaker.actor.key in affiliations(org):
            return replace(speaker, actor=org)
    return speaker


def find_attribution(text: str, context: str = "") -> ActorMention | None:
    """Who reports or claims what ``text`` says; None if no one is named.

    ``context`` is the article the clause comes from (optional); see above.
    The span is always in ``text``; only the actor may come from context.
    """
    speaker = next(_speakers(text, fold(text)), None)
    if speaker is None or not context:
        return speaker
    if not speaker.actor.key:
        at = context.find(text)
        cut = at + speaker.start if at >= 0 else len(context)
        return _resolve_anaphor(speaker, context, cut)
    if speaker.actor.state:
        return _refine_state(speaker, context)
    return speaker
