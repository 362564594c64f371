"""What happens in a clause: event triggers and the clause's event type.

The vocabulary lives in ``data/events.yaml``: types with their labels and
ACLED mapping, and trigger groups with a type and a tier. Every word is
compiled into one regex, once per process; ``find_triggers`` makes one pass
over the folded clause.

Some groups also set a *mood* for the triggers after them (within a few
words of the same sentence): ``irrealis`` (threatened, intended, demanded,
denied: "مستعدة لشن هجوم"), ``background`` (support, reference: "بدعم من
المدفعية التركية", "بموجب اتفاق سوتشي"), ``cause`` (what the clause's event
responds to: "ردا على مقتل جنوده") or ``spoken`` (what a condemnation or an
accusation speaks of: "أدانت الهجوم على دوما"). A clause where nothing else
happens makes its cause or the event it speaks of its event (``Reading.cause``).

``classify`` picks the winner among the triggers that count (see
``_counts``) by tier, then type priority, then position; a clause with only
speech verbs or unreal events is a statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from sitegen.extract.actors import CLITIC_GROUP, alternation, matched_name, original_span
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, Folded, fold, fold_word, quotations
from sitegen.extract.numbers import find_numbers, word_alternation
from sitegen.extract.temporal import anchors, running, said_from
from sitegen.extract.victims import civilian_only


@dataclass(frozen=True, slots=True)
class EventType:
    key: str
    en: str
    en_plural: str
    ar: str
    ar_plural: str
    violent: bool
    acled_event_type: str
    acled_sub_event_type: str
    # trigger group → ((side, ACLED sub-type), …); side "default" for any side
    sub_events: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    counts_when_planned: bool = False
    # False for a meeting or an accord: the dead its sentence counts are
    # another event's ("اتصل … بعد الحادث … وقتل ثلاثة")
    tolls: bool = True
    note: str = ""

    def acled(self, group: str = "", side: str = "") -> tuple[str, str]:
        """ACLED (event_type, sub_event_type) for a trigger group and actor side."""
        by_side = dict(dict(self.sub_events).get(group, ()))
        sub = by_side.get(side) or by_side.get("default") or self.acled_sub_event_type
        return self.acled_event_type, sub


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int  # offsets in the ORIGINAL text, proclitics excluded
    end: int
    text: str
    type: str  # the group's type; classify() may refine it (civilian victims)
    violent: bool
    group: str
    tier: str = ""
    mood: str = ""  # "" (it happened) | "irrealis" | "background" | "cause" | "spoken"
    reporting: bool = False  # a speech verb: a statement only if nothing else


# How far (in words) a verb of use or holding reaches a weak trigger: "عقد اجتماع",
# "شنت طائرات سو 24 غارات", not "مستعدة لشن هجوم" a clause away from "المفاوضات".
SUPPORT_WINDOW = 5


@dataclass(frozen=True, slots=True)
class _Group:
    key: str
    type: str  # "" for a group that only sets a scope or swallows a phrase
    tier: str
    civilian_type: str
    mood: str  # the scope this group sets on what follows, or ""
    window: int
    weak: bool = False  # names a weapon, meeting or accord: needs support to be an event
    # ... and only a verb of holding will do, not a day: "قال ليبرمان خلال مؤتمر
    # بالقدس الاثنين" is a speech's setting, "تحتضن بروكسل … مؤتمرا" one held.
    held_only: bool = False
    supports: bool = False  # verbs that make weak triggers count ("أطلقت", "عقد")
    # How many words from such a verb to the weak trigger it makes count.
    reach: int = SUPPORT_WINDOW
    # Words that make the group's words a verbal attack ("هاجمت … على حسابها"),
    # and the mood they give them (talk, or mere background).
    verbal: re.Pattern[str] | None = None
    verbal_mood: str = "irrealis"
    # Titles of people that, right after the verb, make it a verbal attack too:
    # a president or a minister attacks with words ("هاجم نائب الرئيس الأميركي
    # … شقيقة زعيم كوريا الشمالية").
    verbal_subject: re.Pattern[str] | None = None
    # Types its scope leaves alone: a court's "قضية" makes a killing background,
    # not the arrest it reports ("بقضية توقيف القضاء ... أمس الرئيس الأسبق").
    spares: frozenset[str] = frozenset()
    # How many words before it the scope reaches too: "قصفت إسرائيل مرارا".
    back: int = 0
    # The scope ends at a comma: "لن تتسامح مع وجود عسكري إيراني، في سوريا،
    # وشنت ضربات" (what will not be, then what was done).
    to_comma: bool = False
    # Its words that, right before a definite noun, are another verb's past:
    # "تواصلَ القصف" (the shelling went on), against "تُواصل القوات القصف".
    past_before_noun: frozenset[str] = frozenset()
    # A flood, a fire, a crash: deaths and flight it causes are no incident.
    hazard: bool = False
    # Words one of which must stand within `needs_window` words of the group's
    # words for them to be triggers: after them ("ضرب … عشرات الأهداف", not
    # "ضربه بالحزام"), before them ("أعلن … التوصل إلى اتفاق") or on either
    # side ("حققت قوات الجيش تقدما", "تقدمت القوات نحو"): `needs_side`.
    needs: re.Pattern[str] | None = None
    needs_window: int = 0
    needs_side: str = "after"
    # A word of the group written without the article is a verb, done: it
    # needs nothing ("كما توصل لاتفاق مبدئي", against "بهدف التوصل إلى اتفاق").
    needs_bare_verb: bool = False
    # A count must stand before the `needs` word too ("القضاء على 13 من
    # العناصر", not "القضاء على العناصر الإرهابية", an aim).
    needs_count: bool = False
    # The group whose words they are when the `needs` words are absent ("بهدف
    # التوصل إلى اتفاق": an accord named, weak), instead of no trigger at all.
    otherwise: str = ""
    # Words that, within `instead_window` words after the group's words, make
    # them words of the group `instead`: "خروج الآلاف إلى الشوارع" is a protest,
    # not flight.
    instead: re.Pattern[str] | None = None
    instead_window: int = 0
    instead_group: str = ""
    # ... unless one of these stands anywhere in the clause: "خرجوا إلى الشارع
    # … للتعبير عن فرحتهم" celebrate.
    instead_unless: re.Pattern[str] | None = None
    # Its words are verbs: "التقى" opens with its own ال, not the article.
    verbs: bool = False
    # Told as what the clause's event follows ("في أعقاب توقيع اتفاق هدنة"),
    # it is an event of its own, as violence told so is.
    as_cause: bool = False
    # Verbs of agreeing whose object its words are, after "على" and maybe a
    # verbal noun of holding ("اتفقت الكوريتان على عقد قمة"): no meeting held,
    # an agreement reached (events.yaml: agreed_on).
    agreed_on: re.Pattern[str] | None = None


class _Hit(NamedTuple):  # a tuple: a scan makes many of them
    start: int  # folded coordinates, after proclitics
    end: int
    group: _Group
    outer: int  # where the match starts, proclitics included


@dataclass(frozen=True, slots=True)
class _Lexicon:
    types: dict[str, EventType]
    groups: dict[str, _Group]
    by_name: dict[str, _Group]  # regex group name → trigger group
    regex: re.Pattern[str]
    tier_rank: dict[str, int]
    type_rank: dict[str, int]


def _sub_events(raw: dict[str, Any]) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    def sides(value: str | dict[str, str]) -> tuple[tuple[str, str], ...]:
        return (("default", value),) if isinstance(value, str) else tuple(value.items())

    return tuple((group, sides(value)) for group, value in raw.items())


def _event_type(key: str, row: dict[str, Any]) -> EventType:
    return EventType(
        key=key,
        en=row["en"],
        en_plural=row["en_plural"],
        ar=row["ar"],
        ar_plural=row["ar_plural"],
        violent=bool(row["violent"]),
        acled_event_type=row["acled"]["event_type"],
        acled_sub_event_type=row["acled"]["sub_event_type"],
        sub_events=_sub_events(row.get("sub_events") or {}),
        counts_when_planned=bool(row.get("counts_when_planned", False)),
        tolls=bool(row.get("tolls", True)),
        note=row.get("note", ""),
    )


def _group(key: str, row: dict[str, Any]) -> _Group:
    scope = row.get("scope") or {}
    needs = row.get("needs") or {}
    instead = row.get("instead") or {}
    if needs.get("side", "after") not in _SIDES:
        raise ValueError(f"events.yaml, {key}: needs side must be one of {', '.join(_SIDES)}")
    return _Group(
        key=key,
        type=row.get("type", ""),
        tier=row.get("tier", ""),
        civilian_type=row.get("civilian_type", ""),
        mood=scope.get("mood", ""),
        window=int(scope.get("window", 0)),
        weak=bool(row.get("weak", False)),
        held_only=bool(row.get("held_only", False)),
        supports=bool(row.get("supports", False)),
        reach=int(row.get("reach", SUPPORT_WINDOW)),
        verbal=_word_regex(row["verbal_when"]) if row.get("verbal_when") else None,
        verbal_mood=row.get("verbal_mood", "irrealis"),
        verbal_subject=_word_regex(row["verbal_subjects"]) if row.get("verbal_subjects") else None,
        spares=frozenset(scope.get("spares", ())),
        back=int(scope.get("back", 0)),
        to_comma=bool(scope.get("to_comma", False)),
        past_before_noun=frozenset(fold(w).text for w in scope.get("past_before_noun", ())),
        hazard=bool(row.get("hazard", False)),
        needs=_word_regex(row["needs"]["words"]) if row.get("needs") else None,
        needs_window=int(needs.get("window", 0)),
        needs_side=needs.get("side", "after"),
        needs_bare_verb=bool(needs.get("bare_verb", False)),
        needs_count=bool(needs.get("count", False)),
        otherwise=needs.get("otherwise", ""),
        instead=_word_regex(instead["words"]) if instead else None,
        instead_window=int(instead.get("window", 0)),
        instead_group=instead.get("group", ""),
        instead_unless=_word_regex(instead["unless"]) if instead.get("unless") else None,
        verbs=bool(row.get("verbs", False)),
        as_cause=bool(row.get("as_cause", False)),
        agreed_on=_word_regex(row["agreed_on"]) if row.get("agreed_on") else None,
    )


_SIDES = ("after", "before", "either")


def _word_regex(words: list[str]) -> re.Pattern[str]:
    named = [(f"v{i}", word) for i, word in enumerate(words)]
    return re.compile(
        WB_BEFORE + CLITIC_GROUP + alternation(named, article=True, suffix=True) + WB_AFTER
    )


def _check_otherwise(g: _Group, groups: dict[str, _Group]) -> None:
    """A group's `otherwise` names a group, and the chain of them ends."""
    seen = {g.key}
    while g.otherwise:
        if g.otherwise not in groups:
            raise ValueError(f"events.yaml, {g.key}: needs otherwise names no group")
        if g.otherwise in seen:
            raise ValueError(f"events.yaml, {g.key}: needs otherwise loops back to itself")
        g = groups[g.otherwise]
        seen.add(g.key)


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("events.yaml")
    types = {key: _event_type(key, row) for key, row in data["types"].items()}
    groups = {key: _group(key, row) for key, row in data["groups"].items()}
    for g in groups.values():
        _check_otherwise(g, groups)
        if g.instead_group and g.instead_group not in groups:
            raise ValueError(f"events.yaml, {g.key}: instead names no group")
    named: list[tuple[str, str]] = []
    by_name: dict[str, _Group] = {}
    for key, row in data["groups"].items():
        extra = _anonymous(data["anonymous"]) if key == "not-a-trigger" else []
        for word in [*row["words"], *extra]:
            name = f"t{len(named)}"
            named.append((name, word))
            by_name[name] = groups[key]
    source = WB_BEFORE + CLITIC_GROUP + alternation(named, article=True, suffix=True) + WB_AFTER
    return _Lexicon(
        types=types,
        groups=groups,
        by_name=by_name,
        regex=re.compile(source),
        tier_rank={t: i for i, t in enumerate(data["tiers"])},
        type_rank={t: i for i, t in enumerate(data["priority"])},
    )


def _anonymous(rule: dict[str, list[str]]) -> list[str]:
    """ "طلب عدم الكشف", "شريطة عدم ذكر": a source's wish not to be named."""
    return [f"{asked} {withheld}" for asked in rule["asked"] for withheld in rule["withheld"]]


@cache
def _past_verb() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    rule = load_yaml("events.yaml")["past_verb"]
    return tuple(rule["endings"]), tuple(rule["not_endings"]), frozenset(rule["not_after"])


def _past_ending(word: str) -> bool:
    """The word ends as a past verb does ("قصفت", "شنوا"; not a plural "ات")."""
    endings, not_endings, _ = _past_verb()
    return word.endswith(endings) and not word.endswith(not_endings)


@cache
def _whole_past() -> re.Pattern[str]:
    """A past verb known whole, after "و" or "ف" or none (events.yaml past_verb)."""
    words = load_yaml("events.yaml")["past_verb"]["whole"]
    return re.compile(rf"[وف]?(?:{word_alternation(words)})")


@cache
def _whole_violence() -> re.Pattern[str]:
    """A past of violence known whole (events.yaml past_verb: whole_violence)."""
    words = load_yaml("events.yaml")["past_verb"]["whole_violence"]
    return re.compile(rf"[وف]?(?:{word_alternation(words)})")


def pointed_back(text: str, at: int) -> bool:
    """The noun at offset ``at`` follows a demonstrative ("وتأتي هذه الغارات",
    "هذا الهجوم الإرهابي"): it points back at an event told before."""
    words = _WORDS.findall(fold(text[max(0, at - 20) : at]).text)
    return bool(words) and _one_of("demonstratives").fullmatch(words[-1]) is not None


def told_as_done(
    text: str, after: int = 0, kind: str = "arrest", violence_whole: bool = False
) -> bool:
    """Is a violent event or one of ``kind`` (an arrest) of ``text`` (from
    offset ``after``) told by a verb in the past, outside a relative clause and
    a quotation ("أن مقاتلاته استهدفت", "أن الأجهزة الأمنية اعتقلت")? With
    ``violence_whole``, a past of violence with no ending is one too ("هاجم")."""
    quoted = quotations(text)
    for t in find_triggers(text):
        if t.start < after or t.mood or t.reporting or not (t.violent or t.type == kind):
            continue
        if any(a < t.start < b for a, b in quoted):
            continue  # words quoted are the speaker's, figures of speech among them
        word = t.text.strip(".,،؛:!؟\"'()")
        before = _past_batch(text[max(0, t.start - 50) : t.start].split())
        past = _past_ending(word) or _whole_past().fullmatch(fold(word).text) is not None
        past = past or (violence_whole and _whole_violence().fullmatch(fold(word).text) is not None)
        if not word.startswith("ال") and past and not (before and _relative(before[-1])):
            return True
        # A noun done by a verb of doing in the past: "أن المقاتلات الروسية
        # شنت غارات جوية", "نفذوا هجوما" (not "والذين أطلقوا صواريخ").
        if before and _done_by(before[-1]) and not (len(before) > 1 and _relative(before[-2])):
            return True
        if len(before) > 1 and _a_count(before[-1]) and _done_by(before[-2]):
            return True  # "أنها أطلقت عشرات الصواريخ"
        if t.violent and _managed(before):
            return True
        # ... or said to have taken place: "قتلوا في معركة وقعت مؤخرا"
        after_words = fold(text[t.end : t.end + 40]).text.split()[:2]
        if any(_one_of("took_place").fullmatch(w.strip(".,،؛:!؟\"'()")) for w in after_words):
            return True
        # ... or done, the noun its subject: "إن أربع قذائف أطلقت من غزة"
        if not word.startswith("ال") and any(_done_by(w) for w in after_words):
            return True
    return False


def _managed(before: list[str]) -> bool:
    """The words before a noun end with a past verb of managing and its
    preposition: "تمكنت من", "ونجحوا في"."""
    if len(before) < 2 or before[-1] not in ("من", "في"):
        return False
    managed = _managing_verbs()
    bare = fold_word(before[-2])
    return bare in managed or (bare[:1] in "وف" and bare[1:] in managed)


@cache
def _managing_verbs() -> frozenset[str]:
    return frozenset(fold_word(w) for w in load_yaml("events.yaml")["past_verb"]["managed"])


def _relative(word: str) -> bool:
    """A word that opens a relative clause, after "و" or "ف" or none (events.yaml
    past_verb: not_after)."""
    not_after = _past_verb()[2]
    return word in not_after or (word[:1] in "وف" and word[1:] in not_after)


def _past_batch(before: list[str]) -> list[str]:
    """The words before a noun, less a batch of it ("شنت بعدها سلسلة من الغارات":
    "شنت بعدها"), so that the verb that carried it out stands last."""
    folded = [fold_word(w) for w in before]
    batch = _one_of("partitive")
    if len(folded) >= 2 and folded[-1] == "من":
        for k in (2, 3):
            if len(folded) >= k and batch.fullmatch(folded[-k]):
                before, folded = before[:-k], folded[:-k]
                break
    if folded and _one_of("adverbs").fullmatch(folded[-1]):
        return before[:-1]
    return before


def _done_by(word: str) -> bool:
    """Is ``word`` a verb of doing (a `supports` group's) in the past: "شنت",
    "ونفذوا"?"""
    verbs = _past_doing()
    bare = fold_word(word.strip(".,،؛:!؟\"'()"))
    return bare in verbs or (bare[:1] in "وف" and bare[1:] in verbs)


def _a_count(word: str) -> bool:
    """A number or a word of quantity (events.yaml past_verb: counts_between)."""
    bare = fold_word(word.strip(".,،؛:!؟\"'()"))
    return bare.isdigit() or bare in _counts_between()


@cache
def _counts_between() -> frozenset[str]:
    return frozenset(fold_word(w) for w in load_yaml("events.yaml")["past_verb"]["counts_between"])


@cache
def _past_doing() -> frozenset[str]:
    groups = load_yaml("events.yaml")["groups"]
    words = (
        w for k, g in groups.items() if _ends_in_support(k) for w in g["words"] if " " not in w
    )
    return frozenset(fold_word(w) for w in words if _past_ending(w))


def told_as_happened(text: str, trigger_at: int, date_at: int) -> bool:
    """Is the event at ``trigger_at`` told as having happened (events.yaml:
    took_place, within three words after it) before its date at ``date_at``?"""
    if not 0 <= trigger_at < date_at:
        return False
    words = fold(text[trigger_at:date_at]).text.split()[1:5]
    return any(_one_of("took_place").fullmatch(w) for w in words)


def told_by_its_party(text: str, trigger_at: int) -> bool:
    """Is the verb at ``trigger_at`` a verb of meeting right after the
    speaker's own pronoun ("وذكر غريفيث أنه التقى")?"""
    before = fold(text[max(0, trigger_at - 12) : trigger_at]).text.split()
    if not (before and _one_of("own_party").fullmatch(before[-1])):
        return False
    hits = [t for t in find_triggers(text[trigger_at:]) if t.start == 0]
    return bool(hits) and hits[0].group == "met" and not hits[0].mood


def names_fire(text: str, key: str) -> bool:
    """Does ``text`` name fire from the ground or the air (events.yaml:
    ``ground_fire``, ``air_fire``)?"""
    pattern = _one_of(key)
    return any(pattern.fullmatch(w) for w in fold(text).text.split())


def asked_before(text: str, at: int) -> bool:
    """Does a word of asking (events.yaml group ``request``: "دعا", "طالبت")
    come in ``text`` before ``at``?"""
    pattern = _words_of("request")
    return any(pattern.fullmatch(w) for w in fold(text[:at]).text.split())


@cache
def _words_of(group: str) -> re.Pattern[str]:
    """A one-word entry of the events.yaml group ``group``, after "و" or "ف" or none."""
    words = [w for w in load_yaml("events.yaml")["groups"][group]["words"] if " " not in w]
    return re.compile(rf"[وف]?(?:{word_alternation(words)})")


@cache
def _one_of(key: str) -> re.Pattern[str]:
    """A word of the events.yaml list ``key``, after "و" or "ف" or none."""
    return re.compile(rf"[وف]?(?:{word_alternation(load_yaml('events.yaml')[key])})")


@cache
def history_years() -> int:
    """How long ago an event is history the article recalls, not news."""
    return int(load_yaml("events.yaml")["history_years"])


@cache
def _types() -> tuple[dict[str, EventType], dict[str, int]]:
    """The types alone, without compiling the trigger regex: rendering needs
    labels, not triggers, and a warm build should not pay for the regex."""
    data = load_yaml("events.yaml")
    types = {key: _event_type(key, row) for key, row in data["types"].items()}
    return types, {t: i for i, t in enumerate(data["priority"])}


def event_type(key: str) -> EventType:
    """Labels and ACLED mapping of a type (KeyError if unknown)."""
    return _types()[0][key]


def all_event_types() -> tuple[EventType, ...]:
    """All types, in priority order."""
    types, rank = _types()
    return tuple(sorted(types.values(), key=lambda t: rank[t.key]))


# ---------------------------------------------------------------------------
# Finding triggers

_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?;:]")


def _scan(folded: Folded) -> list[_Hit]:
    lex = _lexicon()
    hits = [
        _Hit(m.end("cl"), m.end(), lex.by_name[matched_name(m, "t")], m.start())
        for m in lex.regex.finditer(folded.text)
    ]
    # A verb takes no preposition or article: "للبحث والتدقيق" is research.
    return [
        h
        for h in hits
        if not (h.group.verbs and _NOUN_PREFIX.search(folded.text, h.outer, h.start))
    ]


_NOUN_PREFIX = re.compile(r"[بلك]|ال")


def _in_scope(folded: Folded, scope: _Hit, hit: _Hit) -> bool:
    """Does ``scope``'s mood reach ``hit`` (after it, close, same sentence; or
    just before it, for a scope that reaches back)?"""
    if hit.outer < scope.end:
        return _reaches_back(folded, scope, hit)
    between = folded.text[scope.end : hit.outer]
    if _past_before_noun(folded, scope, hit, between):
        return False
    # After "غداة", "عشية", "بعد ساعات من" comes another event, placed by its
    # distance from this clause's own: no scope reaches it ("ندد الائتلاف الأحد
    # غداة مقتل 20 مدنياً").
    if _SENTENCE_END.search(between) or anchors().search(between):
        return False
    if scope.group.mood == "irrealis" and _past_markers().search(between):
        return False
    if scope.group.to_comma and _COMMA.search(between):
        return False
    return len(_WORDS.findall(between)) <= scope.group.window


_COMMA = re.compile(r"[،,]")


def _past_before_noun(folded: Folded, scope: _Hit, hit: _Hit, between: str) -> bool:
    """ "تواصل القصف الجوي": the verb is the shelling's own past, not the present
    of a setting that goes on."""
    word = folded.text[scope.start : scope.end]
    if word not in scope.group.past_before_noun or between.strip():
        return False
    before = folded.text[max(0, scope.outer - 40) : scope.end].split()
    return folded.text.startswith("ال", hit.start) and _went_on(before)


def _reaches_back(folded: Folded, scope: _Hit, hit: _Hit) -> bool:
    if not scope.group.back or hit.end > scope.outer:
        return False
    between = folded.text[hit.end : scope.outer]
    return not _SENTENCE_END.search(between) and len(_WORDS.findall(between)) <= scope.group.back


def _names_a_time(folded: Folded, scope: _Hit) -> bool:
    """A deadline the article counts from ("قبل أيام من المهلة", events.yaml:
    time_points) sets no mood on what follows."""
    if scope.group.key != "threat" or not folded.text.startswith("ال", scope.start):
        return False
    before = folded.text[max(0, scope.outer - 40) : scope.outer].split()[-3:]
    return any(_one_of("time_points").fullmatch(w) for w in before)


@cache
def _past_markers() -> re.Pattern[str]:
    words = word_alternation(load_yaml("events.yaml")["past_markers"])
    return re.compile(rf"{WB_BEFORE}[وف]?(?:{words}){WB_AFTER}")


def _mood(folded: Folded, hit: _Hit, scopes: Iterable[_Hit], verbs: list[int]) -> str:
    reaching = [
        s
        for s in scopes
        if hit.group.type not in s.group.spares
        and _in_scope(folded, s, hit)
        and not (s.group.mood == "cause" and _ends_cause(folded, s, hit, verbs))
        and not _spoken_in(folded, s, hit)
        and not (s.group.mood == "irrealis" and _past_anchor(folded, hit))
        and not (s.group.mood == "irrealis" and _which_happened(folded, hit))
    ]
    moods = {s.group.mood for s in reaching}
    # "دعت إلى تحقيق في تقارير حول هجوم": the demand is for an inquiry; the
    # attack is what the reports speak of (the scope nearest the hit), as what a
    # response answers happened ("إذا تعرضت سوريا لضربة ردا على هجوم"). Not so
    # a threat ("هددت تركيا بشأن عملية عسكرية") or a denial ("نفت … ما تداولته
    # وسائل إعلام حول استهداف مطار دبي").
    nearest = max(reaching, key=lambda s: s.end, default=None)
    # (a denial of one's part, "نفى … أي مسؤولية له في انفجار", denies no event)
    threatened = any(s.group.key in ("threat", "denial") for s in reaching)
    threatened = threatened and not (nearest is not None and nearest.group.key == "denied_role")
    if nearest is not None and nearest.group.mood in ("spoken", "cause") and not threatened:
        moods.discard("irrealis")
    for mood in ("irrealis", "background", "spoken", "cause"):
        if mood in moods:
            return mood
    return ""


def _past_anchor(folded: Folded, hit: _Hit) -> bool:
    """A definite event of violence right after a word of time (events.yaml:
    time_points) is what the plan is counted from, done already: "الإجراء الذي
    يجب اعتماده بعد الهجوم الكيمياوي المفترض في دوما"."""
    if not (hit.group.type in _violent_types() and folded.text.startswith("ال", hit.start)):
        return False
    before = folded.text[max(0, hit.outer - 16) : hit.outer].split()
    return bool(before) and _one_of("time_points").fullmatch(before[-1]) is not None


def _which_happened(folded: Folded, hit: _Hit) -> bool:
    """A definite event of violence a relative clause tells as having happened
    (events.yaml: took_place): "تدحض الادعاءات بوقوف الحكومة وراء الهجوم
    الكيماوي الذي وقع في دوما", "من المحتمل أن يكون التفجير الذي وقع في كلية
    بوليتيكنيك عملا إرهابيا" -- what is claimed or doubted is who did it."""
    if not (hit.group.type in _violent_types() and folded.text.startswith("ال", hit.start)):
        return False
    after = folded.text[hit.end : hit.end + 40].split()[:3]
    for i, word in enumerate(after[:-1]):
        if word in _RELATIVES and _one_of("took_place").fullmatch(after[i + 1]):
            return True
    return False


_RELATIVES = frozenset({"الذي", "التي", "الذين"})


@cache
def _violent_types() -> frozenset[str]:
    return frozenset(k for k, t in _lexicon().types.items() if t.violent)


def _spoken_in(folded: Folded, scope: _Hit, hit: _Hit) -> bool:
    """A request, threat or denial made during a meeting, the speaker (and the
    day) between, was made in it: the meeting was held ("ودعا نيبينزيا خلال الجلسة الطارئة
    للمجلس إلى التوصل إلى حل"); not a visit told further on, in another clause
    ("وطلبت الإنتربول من بكين معلومات عن رئيسها، الذي اختفت آثاره أثناء زيارة")."""
    if hit.group.key != "during" or scope.group.key not in _SPOKEN_IN or scope.end > hit.outer:
        return False
    return not _RELATIVE.search(folded.text, scope.end, hit.outer)


_SPOKEN_IN = frozenset({"request", "threat", "denial"})
_RELATIVE = re.compile(r"(?:^|\s)و?(?:الذي|التي|الذين)(?:\s|$)")


def _ends_cause(folded: Folded, cause: _Hit, hit: _Hit, verbs: list[int]) -> bool:
    """A verb of doing ends what a fronted cause names: another verb before the
    hit ("وردا على الهجوم شنت … غارات"), or the hit's own right after the
    comma that closes the cause ("وردا على المتفجرات والاحتجاجات، ضربت دبابات
    …"). Without the comma a verb may still describe the cause ("في أعقاب
    موجة من العنف أودت بحياة أربعة")."""
    if any(cause.end <= v < hit.start for v in verbs):
        return True
    if not folded.text[cause.end : hit.outer].rstrip().endswith((",", "،")):
        return False
    word = folded.text[hit.start : hit.end].split()[0]
    return not word.startswith("ال") and _past_ending(word)


def _found(folded: Folded, hits: list[_Hit] | None = None) -> list[tuple[_Hit, str]]:
    """The hits of groups that have a type, in order, each with its mood."""
    hits = _scan(folded) if hits is None else hits
    hits = [k for k in (_unless_needed(folded, h) for h in hits) if k is not None]
    scopes = [h for h in hits if h.group.mood and not _names_a_time(folded, h)]
    if any(h.group.key == "ongoing" for h in scopes) and running(folded.text):
        # "تواصل القصف … لليوم الخامس على التوالي": going on for days told, news
        scopes = [h for h in scopes if h.group.key != "ongoing"]
    if any(h.group.key == "under_fire" for h in scopes) and running(folded.text, since=True):
        # "وتتعرض الغوطة الشرقية لقصف عنيف منذ أيام": the bombardment, news
        scopes = [h for h in scopes if h.group.key != "under_fire"]
    # A verb of doing ends what a fronted cause names (_ends_cause).
    verbs = [h.start for h in hits if h.group.supports]
    found = [
        (
            h,
            "irrealis"
            if _to_come(folded, h) or _negated(folded, h)
            else _mood(folded, h, scopes, verbs)
            if scopes
            else "",
        )
        for h in hits
        if h.group.type
    ]
    return _follow_consequences(folded, found)


def _follow_consequences(folded: Folded, found: list[tuple[_Hit, str]]) -> list[tuple[_Hit, str]]:
    """An event an unreal one would lead to is unreal too, and so is what
    something "may" lead to (events.yaml: consequences): "الهجوم الوشيك سيعني
    موجة نزوح", "قد يؤديان إلى عمليات نزوح"."""
    if "قد" not in folded.text and all(mood != "irrealis" for _, mood in found):
        return found  # most clauses: nothing unreal to follow, no "may"
    out = list(found)
    for i, (hit, mood) in enumerate(found):
        if mood:
            continue
        unreal = i > 0 and out[i - 1][1] == "irrealis"
        # the verb may open the cause too: "أن يتسبب هجوم حكومي عليها في نزوح"
        start = out[i - 1][0].outer - 12 if i > 0 else hit.outer - 60
        led = _consequence().search(folded.text, max(0, start), hit.outer)
        ends = led and _SENTENCE_END.search(folded.text, led.end(), hit.outer)
        if led and not ends and (unreal or led.group("may")):
            out[i] = (hit, "irrealis")
    return out


@cache
def _consequence() -> re.Pattern[str]:
    words = word_alternation(load_yaml("events.yaml")["consequences"])
    return re.compile(rf"{WB_BEFORE}(?P<may>قد\s+)?(?:{words}){WB_AFTER}")


def _negated(folded: Folded, hit: _Hit) -> bool:
    """ "جمال لم يُقتل", "لن نشن هجوما": the verb right after "لم" or "لن"; an
    event of a kind ("مثل هكذا هجوم"); and what "may" be done, "قد" before a
    verb in the present ("وقد تستهدف ضربة أكثر قوة قاعدة حميميم", "قد يقتل";
    not "قد تعرضت", done)."""
    if _NEGATION.search(folded.text, max(0, hit.outer - 8), hit.outer) is not None:
        return True
    if _of_a_kind().search(folded.text, max(0, hit.outer - 16), hit.outer) is not None:
        return True
    may = _MAY.search(folded.text, max(0, hit.outer - 40), hit.outer)
    if may is not None and _present(may.group(1) or folded.text[hit.start : hit.end].split()[0]):
        return True
    # the event the subject of what "may" be: "إن الضربات قد تدمر الأدلة"
    after = _MAY_AFTER.match(folded.text, hit.end)
    return after is not None and _present(after.group(1))


def _present(word: str) -> bool:
    """A verb in the present: "يقتل", "نشن", "تستهدف", "تتعرض". Not a perfect
    ("تعرضت", "قتلا", "تم"); a form V perfect ("تعرض", "توصل") is written like
    some presents ("تنفذ"), so those stay done."""
    if word.endswith(("ت", "وا", "ا")):
        return False
    return word.startswith(("ي", "ن", "تت", "تست"))


_NEGATION = re.compile(r"(?:^|\s)[وف]?(?:لم|لن)\s+$")


@cache
def _of_a_kind() -> re.Pattern[str]:
    """Words right before a trigger that name an event of its kind, not one that
    happened (events.yaml such): "ما من أدلة على حصول مثل هكذا هجوم"."""
    words = word_alternation(load_yaml("events.yaml")["such"])
    return re.compile(rf"{WB_BEFORE}(?:{words})\s+$")


# "قد", then the hit or the verb before it, and up to two words (its
# subject) between: "قد يقتل", "وقد يشن الجيش هجوما"
_MAY = re.compile(r"(?:^|\s)[وف]?قد\s+(?:(\S+)\s+(?:\S+\s+){0,2})?$")
# ... or right after the hit, its subject: "إن الضربات قد تدمر الأدلة"
_MAY_AFTER = re.compile(r"\s+قد\s+(\S+)")


def _to_come(folded: Folded, hit: _Hit) -> bool:
    """ "هجوم مرتقب", "العملية العسكرية الوشيكة": told as to come (events.yaml)."""
    if _to_come_regex().match(folded.text, hit.end):
        return True
    # (no other event between: "قصفت الطائرات إدلب وسط أنباء عن هجوم وشيك")
    near = _imminent().match(folded.text, hit.end)
    return near is not None and not find_triggers(folded.text[hit.end : near.end()])


@cache
def _imminent() -> re.Pattern[str]:
    data = load_yaml("events.yaml")
    words = "|".join(re.escape(fold_word(w)) for w in data["imminent"])
    window = int(data["imminent_window"])
    # words of the clause only: no comma or stop between
    return re.compile(rf"(?:\s+[^\s,.،؛:]+){{0,{window}}}\s+(?:{words})" + WB_AFTER)


@cache
def _to_come_regex() -> re.Pattern[str]:
    data = load_yaml("events.yaml")
    words = "|".join(re.escape(fold_word(w)) for w in data["to_come_after"])
    window = int(data["to_come_window"])
    # ... or the two definite words of whose it is ("هجوم القوات الحكومية المتوقع")
    between = rf"(?:(?:\s+[^\W\d_]+){{0,{window}}}|(?:\s+ال[^\W\d_]+){{2}})"
    # "الصواريخ القادمة من غزة" came from somewhere: no future.
    return re.compile(rf"{between}\s+(?:{words})" + WB_AFTER + r"(?!\s*من\s)")


def _unless_needed(folded: Folded, hit: _Hit) -> _Hit | None:
    """The hit, unless its group needs words the clause lacks: then it is a
    hit of the group named `otherwise`, or none. Either way, words its group
    reads `instead` right after it make it a hit of that group."""
    if _instead(folded, hit):
        return hit._replace(group=_lexicon().groups[hit.group.instead_group])
    if _agreed_on(folded, hit):
        return None
    if hit.group.needs is None or _needed(folded, hit):
        return hit
    if hit.group.otherwise:
        # (which may need words of its own: load refuses a chain that loops)
        return _unless_needed(folded, hit._replace(group=_lexicon().groups[hit.group.otherwise]))
    return None


def _agreed_on(folded: Folded, hit: _Hit) -> bool:
    """The hit is what a verb of agreeing before it in its sentence agreed on:
    "اتفقت موسكو وواشنطن على عقد قمة"."""
    verbs = hit.group.agreed_on
    if verbs is None or not _ON_HOLDING.search(folded.text, 0, hit.outer):
        return False
    before = folded.text[: hit.outer]
    stop = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    return verbs.search(before, stop) is not None


# "على" and maybe a verbal noun of holding, right before the hit.
_ON_HOLDING = re.compile(r"(?:^|\s)علي(?:\s+(?:عقد|اجراء|تنظيم))?\s*$")


def _instead(folded: Folded, hit: _Hit) -> bool:
    """One of the group's `instead` words follows the hit in its sentence,
    within the window, and none of its `unless` words is in the clause."""
    group = hit.group
    if group.instead is None:
        return False
    after = _rest_of_sentence(folded, hit)
    found = group.instead.search(after)
    if found is None or len(_WORDS.findall(after[: found.start()])) > group.instead_window:
        return False
    return group.instead_unless is None or group.instead_unless.search(folded.text) is None


def _rest_of_sentence(folded: Folded, hit: _Hit) -> str:
    """The folded text after the hit, up to the end of its sentence."""
    after = folded.text[hit.end :]
    stop = _SENTENCE_END.search(after)
    return after[: stop.start()] if stop else after


def _needed(folded: Folded, hit: _Hit) -> bool:
    """One of the group's `needs` words stands within its window, on its side,
    in the sentence."""
    group = hit.group
    assert group.needs is not None
    if group.needs_bare_verb and not _has_article(folded, hit):
        return True
    if group.needs_side in ("before", "either"):
        before = _SENTENCE_END.split(folded.text[: hit.outer])[-1]
        last = max(group.needs.finditer(before), key=lambda m: m.start(), default=None)
        if last is not None and len(_WORDS.findall(before[last.end() :])) <= group.needs_window:
            return True
    if group.needs_side in ("after", "either"):
        after = _rest_of_sentence(folded, hit)
        found = group.needs.search(after)
        if found is not None and len(_WORDS.findall(after[: found.start()])) <= group.needs_window:
            return not group.needs_count or bool(find_numbers(after[: found.start()]))
    return False


def cause_at(text: str, after: int = 0) -> int:
    """Where the first words of a cause ("ردا على", "على خلفية") start in ``text``
    at or after offset ``after``, or -1: what follows is what the clause's
    event responds to."""
    folded = fold(text)
    for hit in _scan(folded):
        if hit.group.mood == "cause" and _unless_needed(folded, hit):
            start, _ = original_span(text, folded, hit.outer, hit.end)
            if start >= after:
                return start
    return -1


def _trigger(text: str, folded: Folded, hit: _Hit, mood: str) -> Trigger:
    start, end = original_span(text, folded, hit.start, hit.end)
    return Trigger(
        start=start,
        end=end,
        text=text[start:end],
        type=hit.group.type,
        violent=_lexicon().types[hit.group.type].violent,
        group=hit.group.key,
        tier=hit.group.tier,
        mood=mood,
        reporting=hit.group.tier == "reporting",
    )


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger in ``text``, in order, with its mood."""
    folded = fold(text)
    return [_trigger(text, folded, hit, mood) for hit, mood in _found(folded)]


# ---------------------------------------------------------------------------
# Classifying a clause
#
# On the hits themselves: only the trigger that decides is made a Trigger.


def _counts(hit: _Hit, mood: str) -> bool:
    """Can this trigger make the clause's event on its own?"""
    if hit.group.tier == "reporting" or mood in ("background", "cause", "spoken"):
        return False
    return mood == "" or event_type(hit.group.type).counts_when_planned


def _rank(found: tuple[_Hit, str]) -> tuple[int, int, int]:
    # Folded and original positions are in the same order.
    lex, hit = _lexicon(), found[0]
    return lex.tier_rank[hit.group.tier], lex.type_rank[hit.group.type], hit.start


def _resolve(hit: _Hit, folded: Folded) -> str:
    """The winner's type, with casualty words read by who the victims are."""
    civilian_type = hit.group.civilian_type
    if civilian_type and civilian_only(folded):
        return civilian_type
    return hit.group.type


class Reading(NamedTuple):
    """What a clause says happened, and how firmly."""

    type: str  # "" when nothing happens in it; "statement" for speech or unreal events
    trigger: Trigger | None
    # The winner names a weapon, a meeting or an accord with nothing in the clause
    # that uses, holds or signs it: an event only if the clause dates it itself.
    weak: bool = False
    # The winner is a definite noun ("الهجوم", "القصف"): with nothing of its own
    # (date, place, figure) it refers to an event told elsewhere.
    definite: bool = False
    # The winner comes after a verb of saying ("أكد مقاتلون أن ... كبدت"): a claim
    # is an event report only with something of its own (date, place, figure).
    hearsay: bool = False
    # Nothing happens in the clause but what it responds to ("ردا على هجوم ...
    # استهدف مدينة دوما"): that event, an incident of its own if it has a place.
    cause: bool = False
    # Deaths or wounds a disaster or an accident caused ("انقلب قطار"): no event.
    accident: bool = False


def classify(text: str) -> tuple[str, Trigger | None]:
    """The event type of a clause and the trigger that decided it.

    ("", None) when nothing happens in it; ("statement", trigger) when it
    only reports speech, or threatens/intends/denies an event.
    """
    reading = read(text)
    return reading.type, reading.trigger


def read(text: str) -> Reading:
    """``classify``, with what the pipeline needs to weigh the clause."""
    folded = fold(text)
    hits = _scan(folded)
    found = [_spoken(folded, f) for f in _found(folded, hits)]
    counted = [f for f in found if _counts(*f)]
    counted = [f for f in counted if not f[0].group.held_only or _held(folded, f[0], hits)]
    events = _outside_quotes(folded.text, counted)
    if events:
        hit, mood = min(events, key=_rank)
        # (so does a quote that tells the same kind of event: 'أن الطائرات
        # الحربية "استهدفت بأكثر من 22 غارة مناطق في بلدة طفس"')
        quoted = [f for f in counted if f not in events and f[0].group.type == hit.group.type]
        weak = hit.group.weak and not _supported(folded, hit, hits, events + quoted)
        if weak:  # a firmer trigger of the clause decides, if there is one
            firm = [f for f in events if not f[0].group.weak]
            hit, mood = min(firm, key=_rank) if firm else (hit, mood)
            weak = hit.group.weak
        if _by_hazard(hit, hits):
            return Reading("", None, accident=_only_hazard(hits))
        # (a truce a party itself announced, the party between, is declared
        # by announcing it: "أعلنت حركة طالبان وقفا لإطلاق النار")
        said = _said(hit, hits) and not (
            hit.group.weak
            and hit.group.type == "agreement"
            and any(_announces(folded, h, hit) for h in hits)
        )
        if _definite(folded, hit) and (then := _after_the_named(folded, hit, events)):
            hit, mood = then  # "وعقب الغارات، أطلقت فصائل … القذائف": the rockets
            weak = hit.group.weak and not _supported(folded, hit, hits, events + quoted)
        definite = _definite(folded, hit) and not _told_afresh(folded, hit, hits, events)
        definite = definite and not _how_of_a_told_event(folded, hit, events)
        setting = [f for f in events if f[1] == "" and f[0].end < hit.start and _sets(folded, f[0])]
        if definite and said and setting:
            # "أكد في جلسة طارئة لمجلس الأمن أن المعارضة هي من نفذت الهجوم", "بحث
            # مع نظيره في مكالمة هاتفية الهجوم": the attack is told elsewhere;
            # the session or the call it was spoken of was held.
            (hit, mood), weak, definite, said = setting[0], False, False, False
        trigger = _trigger(text, folded, hit, mood)
        return Reading(_resolve(hit, folded), trigger, weak, definite, said)
    causes = [
        f
        for f in found
        if (f[1] == "spoken" and _lexicon().types[f[0].group.type].violent)
        or (f[1] == "cause" and (_lexicon().types[f[0].group.type].violent or f[0].group.as_cause))
    ]
    if causes and not any(f[1] == "" and f[0].group.tier != "reporting" for f in found):
        hit, mood = min(causes, key=_rank)
        trigger = _trigger(text, folded, hit, mood)
        return Reading(_resolve(hit, folded), trigger, hit.group.weak, False, False, True)
    talk = [f for f in found if f[0].group.tier == "reporting" or f[1] == "irrealis"]
    return Reading("statement", _trigger(text, folded, *talk[0])) if talk else Reading("", None)


_SESSION_OR_CALL = re.compile(r"جلس|مجلس|مكالم|اتصال|محادث")


def _after_the_named(
    folded: Folded, hit: _Hit, events: list[tuple[_Hit, str]]
) -> tuple[_Hit, str] | None:
    """A clause that opens "after" an event named by a definite noun, then a
    comma ("وعقب الغارات، أطلقت فصائل فلسطينية عددا من القذائف"), tells the
    event after the comma: the one named is what came before it."""
    if not _OPENS_AFTER.match(folded.text[: hit.start]):
        return None
    comma = folded.text.find(",", hit.end)
    later = [f for f in events if comma > 0 and f[0].start > comma]
    return min(later, key=_rank) if later else None


# (folded text: "،" is ",")
_OPENS_AFTER = re.compile(r"^\s*[وف]?(?:عقب|بعد|اثر)\s+$")


def _sets(folded: Folded, hit: _Hit) -> bool:
    """A meeting or a call held, in which an event was spoken of. Said during a
    meeting, only a session or a call: not a party's or a staff meeting
    ("خلال لقاء لحزبه", "خلال اجتماع مع قادة عسكريين")."""
    if hit.group.key == "during":
        return _SESSION_OR_CALL.search(folded.text, hit.start, hit.end) is not None
    return hit.group.key in ("met", "discussed_with")


def _said(hit: _Hit, hits: list[_Hit]) -> bool:
    """The event is told after a verb of saying (hearsay); never one a meeting
    sets ("خلال لقائه"), for the speech is made in it."""
    return hit.group.key != "during" and any(
        h.group.tier == "reporting" and h.end <= hit.start for h in hits
    )


def _only_hazard(hits: list[_Hit]) -> bool:
    """Nothing in the clause but a disaster or an accident and its toll: no
    weapon or fight named anywhere in it ("حريق ناجم عن إسقاط الصاروخين" is a
    missile's)."""
    types = _lexicon().types
    return not any(
        h.group.type and types[h.group.type].violent and h.group.tier not in ("generic", "")
        for h in hits
    )


def _by_hazard(hit: _Hit, hits: list[_Hit]) -> bool:
    """Deaths, wounds or flight a flood, a fire or a crash caused ("قتل 49 شخصا
    جراء الأمطار الغزيرة", "نزح السكان بعد فوران البركان"): ACLED codes no
    disaster or accident. A weapon or a clash named in the clause still
    decides ("حريق جراء القصف" is shelling)."""
    told_how = hit.group.tier != "generic" and hit.group.type != "displacement"
    return not told_how and any(h.group.hazard for h in hits)


def _outside_quotes(text: str, events: list[tuple[_Hit, str]]) -> list[tuple[_Hit, str]]:
    """What the article tells itself before what it quotes: 'قوله في جلسة لمجلس
    الأمن، الخميس: "مشروع القرار الذي تقدمت به الكويت …"' is the session, not
    an advance."""
    spans = quotations(text)
    if not spans:
        return events
    outside = [f for f in events if not any(a < f[0].start < b for a, b in spans)]
    return outside or events


_SPACES = re.compile(r"\s+")


def _after_spaces(text: str, at: int) -> int:
    spaces = _SPACES.match(text, at)
    return spaces.end() if spaces else at


def _spoken(folded: Folded, found: tuple[_Hit, str]) -> tuple[_Hit, str]:
    """An attack in words ("هاجم نتنياهو الرئيس التركي بعد انتقاده") is talk."""
    hit = found[0]
    verbal, subject = hit.group.verbal, hit.group.verbal_subject
    if verbal is not None and _unquoted(verbal, folded.text, hit):
        return hit, hit.group.verbal_mood
    if subject is not None and subject.match(folded.text, _after_spaces(folded.text, hit.end)):
        return hit, hit.group.verbal_mood
    return found


def _unquoted(verbal: re.Pattern[str], text: str, hit: _Hit) -> bool:
    """Does ``verbal`` match in the text? A word that sets the clause to come
    (background) counts only on the trigger's side of a quotation or a "that": "وقال
    الصفدي … عقب لقائه وزير الخارجية اللبناني … "وأنه سيتم إعادة فتح الحدود""
    tells a meeting held, whatever he said would be done; a meeting quoted
    with it ("سيصر خلال اجتماعه") is to come."""
    if hit.group.verbal_mood != "background":
        return verbal.search(text) is not None
    quoted = quotations(text)

    def quote_of(at: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in quoted if a < at < b), None)

    # Nor what was reported after "أن": "أعلن غريفيث أمام مجلس الأمن الخميس، أن
    # المنظمة الدولية تعتزم دعوة الأطراف" spoke at a session held.
    said = said_from(text)
    reported = said >= 0 and hit.start < said
    side = quote_of(hit.start)
    return any(
        quote_of(m.start()) == side and not (reported and m.start() >= said)
        for m in verbal.finditer(text)
    )


def _held(folded: Folded, hit: _Hit, hits: list[_Hit]) -> bool:
    """A verb of holding reaches the weak trigger (`held_only` groups)."""
    return any(_of_use(h) and _near(folded, h, hit, _reach(folded, h, hit)) for h in hits)


def _supported(folded: Folded, hit: _Hit, hits: list[_Hit], events: list[tuple[_Hit, str]]) -> bool:
    """A weak trigger counts with a verb of use or holding near it, or, for a
    weapon, with another trigger of violence in the clause ("قتل ... بصواريخ")."""
    kin = [h for h in hits if h.group.type == hit.group.type and h.group.weak]
    if any(_of_use(h) and _near(folded, h, k, _reach(folded, h, k)) for h in hits for k in kin):
        return True
    if any(_announces(folded, h, hit) for h in hits):
        return True
    violent = _lexicon().types[hit.group.type].violent
    return violent and any(
        not h.group.weak and _lexicon().types[h.group.type].violent for h, _ in events
    )


def _announces(folded: Folded, verb: _Hit, weak: _Hit) -> bool:
    """ "وأكدت وسائل إعلام حكومية سورية خروج مسلحين": the weak event is what a
    party announced or confirmed, only the party between (events.yaml
    `announced`)."""
    words, reach, stops = _announcing()
    if verb.end > weak.outer or folded.text[verb.start : verb.end] not in words:
        return False
    between = _WORDS.findall(folded.text[verb.end : weak.outer])
    if len(between) > reach or _SENTENCE_END.search(folded.text, verb.end, weak.outer):
        return False
    words_between = {w.removeprefix("و").removeprefix("ف") for w in between} | set(between)
    return not words_between & stops


@cache
def _announcing() -> tuple[frozenset[str], int, frozenset[str]]:
    data = load_yaml("events.yaml")
    return (
        frozenset(fold_word(w) for w in data["announced"]),
        int(data["announced_reach"]),
        frozenset(fold_word(w) for w in (*data["stances"], *data["announced_stops"])),
    )


def _reach(folded: Folded, verb: _Hit, weak: _Hit) -> int:
    """How far a verb of use reaches: further forward when it opens its clause,
    the subject between ("كما أطلقت المليشيا الحوثية المتركزة في جبل البرقة
    عددا من القذائف")."""
    reach, openers, not_opening = _opening()
    before = folded.text[: verb.outer].strip(" ,،.\"'").removeprefix("و")
    word = folded.text[verb.start : verb.end]
    opens = verb.start < weak.start and (not before or before in openers)
    return reach if opens and word not in not_opening else verb.group.reach


@cache
def _opening() -> tuple[int, frozenset[str], frozenset[str]]:
    data = load_yaml("events.yaml")
    return (
        int(data["opening_reach"]),
        frozenset(fold_word(w) for w in data["openers"]),
        frozenset(fold_word(w) for w in data["not_opening"]),
    )


def _of_use(hit: _Hit) -> bool:
    """A verb of use or holding, also one read so when the words it needs are
    absent ("أطلقت صواريخ": no "النار", so it launches what it names)."""
    return _ends_in_support(hit.group.key)


@cache
def _ends_in_support(key: str) -> bool:
    """The group supports, or the chain of its `otherwise` groups ends in one
    that does ("ووصلت إلى وسط الغوطة": no forces or team, so a verb of doing)."""
    groups = _lexicon().groups  # (which refuses a chain that loops)
    group = groups[key]
    while not group.supports and group.otherwise:
        group = groups[group.otherwise]
    return group.supports


def _near(folded: Folded, a: _Hit, b: _Hit, reach: int = SUPPORT_WINDOW) -> bool:
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = folded.text[first.end : second.outer]
    return len(_WORDS.findall(between)) <= reach


def _definite(folded: Folded, hit: _Hit) -> bool:
    """The trigger carries the article: "الهجوم", "بالقصف", "للغارة" (not fire
    exchanged, "تبادل للقصف", nor what went on: "تواصل القصف")."""
    if hit.group.verbs or not _has_article(folded, hit):
        return False
    before = folded.text[max(0, hit.outer - 16) : hit.outer].split()
    if before and (_one_of("exchange").fullmatch(before[-1]) or _went_on(before)):
        return False
    if _forced_to(folded.text[max(0, hit.outer - 120) : hit.outer].split()):
        return False
    # counted: "المئات من المتظاهرين", "عشرات من الغارات" are told here, and
    # so is a batch: "موجة ثانية من الهجمات"
    before_text = folded.text[max(0, hit.outer - 40) : hit.outer]
    return not (_counted_before(before_text) or _partitive_before(before_text))


def _forced_to(before: list[str]) -> bool:
    """The words before a noun end with "على" and a past verb of forcing a
    few words before it: "أجبر العنف آلاف الأشخاص على"."""
    if not before or before[-1] != fold_word("على"):
        return False
    reach = int(load_yaml("events.yaml")["forced_reach"])
    words = before[-reach - 2 : -1]
    # (not in a relative clause, which names those forced: "لأولئك الذين أجبروا
    # على الفرار", "العمليات التي أجبرت الآلاف على الفرار")
    return any(
        _one_of("forced_to").fullmatch(w) and not (i and _relative(words[i - 1]))
        for i, w in enumerate(words)
        if i or len(words) <= reach
    )


def _went_on(before: list[str]) -> bool:
    """The words before a definite noun end with a past verb of going on that
    opens its clause, the noun its subject ("وتواصل القصف"); not the present
    after a subject, nor the verb's noun ("مع تواصل الغارات")."""
    if not _one_of("went_on").fullmatch(before[-1]):
        return False
    if len(before) < 2 or before[-2][-1] in "،,:؛.":
        return True
    return bool(_one_of("went_on_after").fullmatch(before[-2]))


def _partitive_before(before: str) -> bool:
    """A noun of a batch (events.yaml: partitive), perhaps with its ordinal or
    adjective, and "من" right before a noun: "موجة ثانية من", "سلسلة من"."""
    words = before.split()
    if len(words) < 2 or words[-1] != "من":
        return False
    batch = _one_of("partitive")
    return any(batch.fullmatch(w) for w in words[-3:-1])


def _counted_before(before: str) -> bool:
    """A count and "من" right before a noun: "المئات من", "12 من"."""
    rest = before.rstrip()
    if not rest.endswith(" من"):
        return False
    rest = rest[:-3].rstrip()
    found = find_numbers(rest)
    return bool(found) and found[-1].end == len(rest)


def _told_afresh(
    folded: Folded, hit: _Hit, hits: list[_Hit], events: list[tuple[_Hit, str]]
) -> bool:
    """A definite winner beside an indefinite trigger of its kind that a verb
    carries out ("وشنت الطائرات الحربية الإسرائيلية غارات واسعة") is told here,
    not referred to. A count or a hope ("وصل 100 ألف غارة", "اجتماعات أخرى")
    carries no event out."""
    done = [h for h in hits if _of_use(h)]
    return any(
        h.group.type == hit.group.type
        and h.group.tier != "generic"
        and not _definite(folded, h)
        and any(v.start < h.start and _near(folded, v, h) for v in done)
        for h, _ in events
    )


def _how_of_a_told_event(folded: Folded, hit: _Hit, events: list[tuple[_Hit, str]]) -> bool:
    """A definite aircraft or weapon (a weak group of means: it says how) that
    is the subject of a past verb right before it, beside a trigger of means
    that is no definite noun, is told here: "وقصفت الطائرات الإسرائيلية الاثنين
    موقعين", "وشاركت الطائرات الروسية في قصف أحياء المعارضة"."""
    if not (hit.group.weak and hit.group.tier == "means"):
        return False
    before = folded.text[max(0, hit.outer - 16) : hit.outer].split()
    if not (before and _past_ending(before[-1])):
        return False
    return any(
        h.group is not hit.group
        and h.group.tier == "means"
        and not h.group.weak
        and not _definite(folded, h)
        for h, _ in events
    )


def _has_article(folded: Folded, hit: _Hit) -> bool:
    return bool(_ARTICLE.match(folded.text, hit.outer, hit.end))


_ARTICLE = re.compile(r"[وف]?[بك]?ال|[وف]?لل")


@cache
def other_things() -> frozenset[str]:
    """Words after which "أخرى" names other places or targets of the same
    event, not another event (events.yaml: other_things), folded, with "و" or
    "ف" before them too."""
    return _with_and_or_so("other_things")


@cache
def another_of() -> frozenset[str]:
    """Words of an event's occasion or means that "آخر", "جديد", "ثان" make
    another one of, though they name no event themselves (events.yaml:
    another_of), folded, with "و" or "ف" before them too."""
    return _with_and_or_so("another_of")


@cache
def not_another_after() -> frozenset[str]:
    """Words after which "آخر", "ثان", "جديد" name no new event (events.yaml:
    not_another_after), folded, with "و" or "ف" before them too."""
    return _with_and_or_so("not_another_after")


def _with_and_or_so(key: str) -> frozenset[str]:
    """events.yaml's word list ``key``, folded, each also with "و" or "ف" before it."""
    words = {fold_word(w) for w in load_yaml("events.yaml")[key]}
    return frozenset(words | {c + w for w in words for c in "وف"})


@cache
def last_of() -> tuple[frozenset[str], frozenset[str]]:
    """Words before which "آخر" is "the last of", and words that begin with
    "ال" and are no definite noun (events.yaml: last_of), folded."""
    data = load_yaml("events.yaml")["last_of"]
    return (
        frozenset(fold_word(w) for w in data["words"]),
        frozenset(fold_word(w) for w in data["not_nouns"]),
    )


@cache
def told_as_any() -> frozenset[str]:
    """Definite nouns that name any event of violence ("الهجوم", "الحادث"),
    folded (events.yaml: told_as_any)."""
    return frozenset(fold_word(w) for w in load_yaml("events.yaml")["told_as_any"])


@cache
def going_on() -> frozenset[str]:
    """Verbs of fighting going on as the text is written (events.yaml:
    going_on), folded, with "و" before them too."""
    words = {fold_word(w) for w in load_yaml("events.yaml")["going_on"]}
    return frozenset(words | {"و" + w for w in words})
