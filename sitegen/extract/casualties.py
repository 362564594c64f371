"""Casualty figures: which count belongs to which casualty word.

A count is bound to the nearest casualty word, looking after the word first
and then before it, never across punctuation or another casualty word. Vague
quantities ("العشرات") make the figure approximate without inventing a number.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, fold, fold_word
from sitegen.extract.numbers import NumberMention, find_numbers, people_nouns, word_alternation
from sitegen.extract.temporal import find_dates
from sitegen.extract.victims import find_victims
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
    bodies: frozenset[str]  # "جثة": the dead, when no toll is told
    windows: dict[str, tuple[int, int]]
    tally: re.Pattern[str]
    tally_kind: dict[str, str]
    tally_window: int
    not_people: re.Pattern[str]
    time_before: frozenset[str]  # "خلال الأيام الستة": a count of days
    one_thing: frozenset[str]  # "عائلة": "واحدة" after it counts the family
    singular: frozenset[str]
    singular_words: frozenset[str]  # casualty words of one person: "مصرعه"
    dual_words: frozenset[str]  # ... and of two: "قتلا", "مصرعهما"
    dual_also_noun: frozenset[str]  # ... those also nouns: "كفى قتلا"
    dual_pronouns: frozenset[str]
    dual_window: int
    singular_window: int
    one_between: frozenset[str]  # "واحدا", "على الأقل": between one person and the word
    singular_after: frozenset[str]  # only right after the word: "وجرح آخر"
    where_words: frozenset[str]  # "قُتل فيها جندي": passed over before the noun
    singular_definite: frozenset[str]  # … and these: "مقتل الجندي"
    subject_openers: frozenset[str]  # "أن": a singular noun after it is the subject …
    subject_past_openers: frozenset[str]  # … "وكان … قد": so too, when one follows
    subject_past_not_after: frozenset[str]  # "ما إذا كان …": a question, no subject
    subject_one_verbs: frozenset[str]  # … of a singular verb: "أن قائد التنظيم … قتل"
    subject_one_reach: int
    one_of: frozenset[str]  # "أحد" …
    one_of_people: frozenset[str]  # … of a group of people: "مقتل أحد عناصر الأمن"
    one_of_them: frozenset[str]  # "قتل أحدهم": one of those counted before
    list_stops: frozenset[str]  # words that end a list of people: "في", "بينهم"
    kin: frozenset[str]  # one's kin by a pronoun: "وطفلتها"
    titles: frozenset[str]  # after a name and a comma: "مقتل صالح الصماد، رئيس…"
    plain_titles: frozenset[str]  # … with no comma: "مقتل صالح الصماد القيادي"
    title_openers: frozenset[str]  # … or before a title: "وهو مسؤول", "أكبر مسؤول"
    name_words: int
    aged_name_words: int  # a name with its age: "وقُتلت رزان النجار، 21 عاما"
    not_names: frozenset[str]  # words no name is made of: "قبل", "منذ"
    part_before: re.Pattern[str]  # "من بين", "بينهم": a part of a toll follows
    attempt_before: re.Pattern[str]  # "محاولة": a death attempted, not suffered
    whole_after: re.Pattern[str]  # "من بين", "من أصل": the whole toll follows
    leaving: re.Pattern[str]  # "خرج", "غادر": the displaced, in a displacement
    met_verb: re.Pattern[str]  # "لقي … مصرعهم": the dead are the subject between
    met_objects: frozenset[str]
    met_reach: int
    met_window: int
    subject_verbs: frozenset[str]  # "… قد قتلوا": the count opening the subject
    subject_window: int
    passive_verbs: frozenset[str]  # "وقتل ليلاً في … أكثر من 50 شخصا"
    passive_window: int
    not_counts: re.Pattern[str]  # "75 في المئة", "من العمر": a share or an age
    attackers: re.Pattern[str]  # "من المهاجمين": the attackers' own dead
    attackers_reach: int
    age_before: re.Pattern[str]  # "البالغ": an age follows
    names_number: re.Pattern[str]  # "اللواء": the number after it names a unit
    with_one: frozenset[str]  # "قتل", "مصرعه": one person's death …
    with_others: re.Pattern[str]  # … "مع" the count of those killed with him
    and_others: re.Pattern[str]  # … a named person "و" the count of the others
    uncounted_others: re.Pattern[str]  # … "وعدد من مرافقيه": more, not counted
    other_harm: frozenset[str]  # … but "وعدد من الجرحى" is another harm
    counted_only: frozenset[str]  # "القضاء على": harm only with its count
    inflicted: re.Pattern[str]  # "موقعا": the dead counted right after it
    count_before: frozenset[str]  # "قتيلاً": its count stands right before it
    others_after: frozenset[str]  # "ومقتل آخرين": others than those counted before
    one_alone: frozenset[str]  # "قتيلاً وخمسة جرحى": one, the count after is another's
    one_alone_after: frozenset[str]  # "سقوط قتيل": one, with no count after it
    one_alone_reach: int
    one_alone_not_after: frozenset[str]  # "دون سقوط أي قتيل": none
    one_alone_not_reach: int
    and_reach: int
    other_fates: re.Pattern[str]  # "وتم أسر 17": a count of the captured
    rate: re.Pattern[str]  # "200 شخص يومياً": a rate, no toll


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_yaml("casualties.yaml")
    kind_of = {fold_word(w): k for k in KINDS for w in data[k]["words"]}
    bodies = frozenset(fold_word(w) for w in data["killed"]["bodies"])
    kind_of |= dict.fromkeys(bodies, "killed")
    windows = {k: (data[k]["after"], data[k]["before"]) for k in KINDS}
    tally_kind = {fold_word(w): k for k, ws in data["tally"].items() if k != "window" for w in ws}
    return _Lexicon(
        words=_alternation(kind_of),
        kind_of=kind_of,
        bodies=bodies,
        windows=windows,
        tally=_alternation(tally_kind),
        tally_kind=tally_kind,
        tally_window=int(data["tally"]["window"]),
        singular=_with_accusative(fold_word(w) for w in data["singular"]["nouns"]),
        singular_words=frozenset(fold_word(w) for w in data["singular"].get("words", ())),
        dual_words=frozenset(fold_word(w) for w in data["singular"]["dual_words"]),
        dual_also_noun=frozenset(fold_word(w) for w in data["singular"]["dual_also_noun"]),
        dual_pronouns=frozenset(fold_word(w) for w in data["singular"]["dual_pronouns"]),
        dual_window=int(data["singular"]["dual_window"]),
        singular_window=int(data["singular"]["window"]),
        one_between=frozenset(fold_word(w) for w in data["singular"]["one_between"]),
        counted_only=frozenset(fold_word(w) for w in data["counted_only"]),
        inflicted=_alternation({fold_word(w): "killed" for w in data["inflicted"]}),
        count_before=frozenset(fold_word(w) for w in data["count_before"]),
        others_after=frozenset(fold_word(w) for w in data["others_after"]),
        one_alone=frozenset(fold_word(w) for w in data["one_alone"]),
        one_alone_after=frozenset(fold_word(w) for w in data["one_alone_after"]),
        one_alone_reach=int(data["one_alone_reach"]),
        one_alone_not_after=frozenset(fold_word(w) for w in data["one_alone_not_after"]),
        one_alone_not_reach=int(data["one_alone_not_reach"]),
        singular_after=frozenset(fold_word(w) for w in data["singular"]["after_only"]),
        where_words=frozenset(fold_word(w) for w in data["singular"]["where_words"]),
        singular_definite=frozenset(
            fold_word("ال" + w)
            for w in [*data["singular"]["nouns"], *data["singular"]["definite_only"]]
            if not w.startswith("ال")
        ),
        subject_openers=frozenset(fold_word(w) for w in data["singular"]["subject"]["openers"]),
        subject_past_openers=frozenset(
            fold_word(w) for w in data["singular"]["subject"]["past_openers"]
        ),
        subject_past_not_after=frozenset(
            fold_word(w) for w in data["singular"]["subject"]["past_not_after"]
        ),
        subject_one_verbs=frozenset(fold_word(w) for w in data["singular"]["subject"]["verbs"]),
        subject_one_reach=int(data["singular"]["subject"]["reach"]),
        one_of=frozenset(fold_word(w) for w in data["singular"]["one_of"]["words"]),
        one_of_people=frozenset(fold_word(w) for w in data["singular"]["one_of"]["people"]),
        one_of_them=frozenset(fold_word(w) for w in data["singular"]["one_of_them"]),
        list_stops=frozenset(fold_word(w) for w in data["singular"]["list_stops"]),
        kin=frozenset(fold_word(w) for w in data["singular"]["kin"]),
        titles=frozenset(fold_word(w) for w in data["singular"]["titles"]),
        plain_titles=frozenset(fold_word(w) for w in data["singular"]["plain_titles"]),
        title_openers=frozenset(fold_word(w) for w in data["singular"]["title_openers"]),
        name_words=int(data["singular"]["name_words"]),
        aged_name_words=int(data["singular"]["aged_name_words"]),
        not_names=frozenset(
            fold_word(w) for w in (*data["singular"]["not_names"], *data["singular"]["list_stops"])
        ),
        not_people=re.compile(
            r"^\s*(?:ال)?(?:"
            + "|".join(re.escape(fold_word(w)) for w in data["not_people"])
            + "|(?:"
            + "|".join(re.escape(fold_word(w)) for w in data["not_people_whole"])
            + r")(?!\w))"
        ),
        one_thing=frozenset(fold_word(w) for w in data["one_thing"]),
        time_before=frozenset(fold_word(w) for w in data["time_before"]),
        part_before=_phrases(data["parts"]["before_word"], end=True),
        attempt_before=_phrases(data["attempts"], end=True),
        whole_after=_phrases(data["parts"]["whole_after"], end=False),
        leaving=_alternation({fold_word(w): "displaced" for w in data["leaving"]}),
        met_verb=_alternation({fold_word(w): "" for w in data["met"]["verbs"]}),
        met_objects=frozenset(fold_word(w) for w in data["met"]["objects"]),
        met_reach=int(data["met"]["reach"]),
        met_window=int(data["met"]["window"]),
        subject_verbs=frozenset(fold_word(w) for w in data["subject"]["verbs"]),
        subject_window=int(data["subject"]["window"]),
        passive_verbs=frozenset(fold_word(w) for w in data["passive"]["verbs"]),
        passive_window=int(data["passive"]["window"]),
        age_before=re.compile(
            rf"{WB_BEFORE}(?:{word_alternation(data['not_counts_before'])})"
            rf"(?:\s+(?!عدد)[\u0621-\u064a]+){{0,2}}\s+و?$"
        ),
        names_number=re.compile(rf"{WB_BEFORE}(?:{word_alternation(data['names_number'])})\s*$"),
        not_counts=re.compile(
            r"^\s*(?:"
            + "|".join(re.escape(fold_word(w)) for w in data["not_counts_after"])
            + ")"
            + rf"|^(?:\s*[^\s،,.]+){{1,{int(data['both_fates']['reach'])}}}[\s،,]*(?:ما\s+)?"
            + rf"(?:{word_alternation(data['both_fates']['words'])}){WB_AFTER}"
        ),
        attackers=re.compile(
            rf"{WB_BEFORE}(?:{word_alternation(data['attackers']['words'])}){WB_AFTER}"
        ),
        attackers_reach=int(data["attackers"]["reach"]),
        with_one=frozenset(fold_word(w) for w in data["with_others"]["one"]),
        with_others=_with_others_regex(data["with_others"]),
        and_others=_and_others_regex(data["with_others"]),
        uncounted_others=_uncounted_others_regex(data["with_others"]),
        other_harm=frozenset(fold_word(w) for w in data["with_others"]["other_harm"]),
        and_reach=int(data["with_others"]["and_reach"]),
        other_fates=_alternation({fold_word(w): "" for w in data["other_fates"]}),
        rate=_rate(data["rates"]),
    )


def _rate(data: dict[str, Any]) -> re.Pattern[str]:
    """A count's next words, up to ``window`` of them, then a word of rate."""
    words = "|".join(re.escape(fold(w).text) for w in data["words"])
    return re.compile(rf"^(?:\s+\S+){{0,{int(data['window'])}}}?\s+(?:{words})(?!\w)")


def _with_accusative(nouns: Iterable[str]) -> frozenset[str]:
    """The nouns and their indefinite accusatives: "أن طفلا قتل", "فلسطينياً"."""
    out = set()
    for noun in nouns:
        out.add(noun)
        if not noun.startswith("ال") and not noun.endswith(("ه", "ا", "ى")):
            out.add(noun + "ا")
    return frozenset(out)


def _with_others_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """What may stand between one person's death and the count of the others."""
    words = "|".join(re.escape(fold_word(w)) for w in data["with"])
    reach = int(data["reach"])
    return re.compile(rf"^\s*[,،]?\s*(?:\S+\s+){{0,{reach}}}?(?:{words})\s+$")


def _and_others_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """The words naming one person, then "و" glued to the count of the others."""
    words = "|".join(re.escape(fold_word(w)) for w in data["and"])
    reach = int(data["and_reach"])
    return re.compile(rf"^\s*(?:[^\s,،.]+\s+){{1,{reach}}}(?:{words})\s*$")


def _uncounted_others_regex(data: dict[str, Any]) -> re.Pattern[str]:
    """The words naming one person, then others not counted ("وعدد من")."""
    words = "|".join(re.escape(fold_word(w)) for w in data["uncounted"])
    reach = int(data["and_reach"])
    return re.compile(rf"^\s*[,،]?\s*(?:[^\s,،.]+\s+){{0,{reach}}}?(?:{words})(?![^\s,،.])")


def _phrases(words: list[str], *, end: bool) -> re.Pattern[str]:
    alts = "|".join(re.escape(fold_word(w)) for w in sorted(words, key=len, reverse=True))
    if end:  # at the end of the words before a casualty word
        return re.compile(rf"(?:^|\s)[وف]?(?:{alts})\s*$")
    return re.compile(rf"^\s*[,،]?\s*\S*\s*(?:{alts})(?=\s)")


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # A figure may be glued to the word in the news: "وقبل أيام قتل45  مسلحا".
    return re.compile(rf"{WB_BEFORE}[وف]?[بل]?(?P<w>{alts})(?:{WB_AFTER}|(?=\d))")


def war_toll(c: Casualties) -> bool:
    """A figure no single event reaches: the toll of a whole war (casualties.yaml)."""
    limit = _war_limits()
    return (c.killed or 0) >= limit["killed"] or (c.displaced or 0) >= limit["displaced"]


@lru_cache(maxsize=1)
def _war_limits() -> dict[str, int]:
    return {k: int(v) for k, v in load_yaml("casualties.yaml")["war_toll"].items()}


def casualty_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every casualty word in ``text`` (original offsets)."""
    lex = _lexicon()
    folded = fold(text)
    out = []
    for m in lex.words.finditer(folded.text):
        a, b = folded.span(m.start("w"), m.end("w"))
        out.append((a, b, lex.kind_of[m.group("w")]))
    return out


def _leaving_words(text: str) -> list[tuple[int, int, str]]:
    folded = fold(text)
    out = []
    for m in _lexicon().leaving.finditer(folded.text):
        a, b = folded.span(m.start("w"), m.end("w"))
        out.append((a, b, "displaced"))
    return out


def find_casualties(text: str, leaving: bool = False) -> Casualties:
    """The killed / wounded / displaced figures reported in one clause; with
    ``leaving`` (a clause that reports a displacement), those counted leaving
    too ("خرج حوالى أربعة آلاف من مقاتليه وأفراد عائلاتهم")."""
    lex = _lexicon()
    text = _BRACKETED_COUNT.sub(
        lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)),
        text.translate(_QUOTES),
    )
    numbers = _Numbers([n for n in find_numbers(text) if not _counts_things(text, n, lex)])
    found = casualty_words(text) + (_leaving_words(text) if leaving else [])
    found = [w for w in found if not _attempted(text, w[0], lex)]
    words = _Words([_Word(a, b, k, *lex.windows[k]) for a, b, k in sorted(found)])
    figures: dict[str, int | None] = {}
    approximate = False
    used: set[int] = set()
    uncounted: list[_Word] = []  # "القضاء على الفساد": no harm told
    last_toll: dict[str, int] = {}  # where each kind's last count ends
    for word in words.items:
        if _a_part(text, word, lex):
            continue  # "من بين القتلى 18 عنصراً": some of a toll, not a toll
        if word.kind != "displaced" and (
            _one_of_those(text, word, lex) or _one_then_another(text, word, numbers, lex)
        ):
            _add_toll(figures, last_toll, text, word.kind, word, None, 1)
            continue
        n = (
            _own_dual(word, numbers, used)
            or _met_count(text, word, numbers, used, lex)
            or _bind(text, word, numbers, words, used, lex)
            or _subject_count(text, word, numbers, words, used, lex)
            or _passive_subject(text, word, numbers, words, used, lex)
        )
        if n is None and fold_word(text[word.start : word.end]) in lex.counted_only:
            uncounted.append(word)
            continue
        if n is None and word.kind != "displaced" and _two_people(text, word, lex):
            # (one of the two: "لقي أحدهما مصرعهما", a slip for "مصرعه")
            of_two = any(fold_word(w) in lex.one_of_them for w in _said_before(text, word))
            _add_toll(figures, last_toll, text, word.kind, word, None, 1 if of_two else 2)
            continue
        if n is None:
            if word.kind != "displaced" and _one_person(text, word, lex):
                if _uncounted_others(text, word, lex):
                    # "لقي مصرعه، وعدد من مرافقيه": more than one, at least two
                    _add_toll(figures, last_toll, text, word.kind, word, None, 2)
                    approximate = True
                    continue
                others = _others(text, word, numbers, words, used, lex)
                if others is not None:
                    used.add(others.start)
                    approximate |= others.approximate
                one = _listed(text, word, lex)  # "ضابط صف وجندي": 2
                count = one + (others.value or 0 if others else 0)
                if one > 1 and _with_his_own(text, word, lex):
                    # "اغتيل … وأدى إلى مقتله وسائقه": the one told before, and
                    # those with him, not another toll
                    figures[word.kind] = max(figures.get(word.kind) or 0, count)
                    continue
                _add_toll(figures, last_toll, text, word.kind, word, None, count)
            continue
        used.add(n.start)
        # "سبعة إيرانيين من بين 14 شخصاً", "76 شخصا بينهم 49 طفلا غادروا"
        n = _whole(text, n, numbers, used, lex) or _whole_before(text, n, numbers, used, lex) or n
        used.add(n.start)
        approximate |= n.approximate or _aside(text, n, word) or _bounded(text, n)
        value = n.value
        for more in _joined(text, n, numbers, words, used, lex):  # "15 طفلا وامرأتان": 17
            used.add(more.start)
            approximate |= more.approximate
            value = None if value is None or more.value is None else value + more.value
        if value is not None and _with_others(text, word, n, lex):
            value += 1  # "قُتل الصماد مع 6 من مرافقيه": 7
        _add_toll(figures, last_toll, text, _body_kind(text, word, lex), word, n, value)
    raised = _raised_to(text, numbers, used, lex)
    for kind, n in _tallies(text, numbers, used, lex) + _inflicted(text, numbers, used, lex):
        used.add(n.start)
        approximate |= n.approximate
        _keep(figures, kind, n.value)
    # "فلسطينيا آخر توفي متأثرا بجروحه، ما يرفع إلى تسعة عدد القتلى": the
    # total the death raises is the toll, not the one death.
    for kind, n in raised:
        figures[kind] = n.value
    bodies = figures.pop("bodies", None)
    if bodies is not None and figures.get("killed") is None:
        figures["killed"] = bodies
    harmed = any(w.kind != "displaced" and w not in uncounted for w in words.items)
    unnumbered = harmed and figures.get("killed") is None and figures.get("wounded") is None
    return Casualties(
        killed=figures.get("killed"),
        wounded=figures.get("wounded"),
        displaced=figures.get("displaced"),
        approximate=approximate or any(v is None for v in figures.values()),
        unnumbered=unnumbered,
    )


def unharmed(text: str) -> Casualties | None:
    """No one killed or wounded, as the text says it ("دون وقوع إصابات"):
    a count of 0 for the kinds it names, or None when it says nothing so."""
    pattern, kinds = _no_harm()
    m = pattern.search(fold(text).text)
    if m is None:
        return None
    kind = kinds[re.sub(r"\s+", " ", m.group("harm"))]
    return Casualties(
        killed=0 if kind in ("both", "killed") else None,
        wounded=0 if kind in ("both", "wounded") else None,
    )


@lru_cache(maxsize=1)
def _no_harm() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_yaml("casualties.yaml")["no_harm"]
    kinds = {fold_word(w): kind for kind, words in data["harm"].items() for w in words}
    pattern = re.compile(
        rf"{WB_BEFORE}(?:من\s+)?(?:{word_alternation(data['leads'])})"
        rf"(?:\s+(?!(?:{word_alternation(data['not_between'])}){WB_AFTER})\S+)"
        rf"{{0,{int(data['window'])}}}?\s+(?:ا?ي\s+)?"
        rf"(?P<harm>{word_alternation(kinds)}){WB_AFTER}"
        rf"(?!\s+(?:{word_alternation(data['not_after'])}){WB_AFTER})"
    )
    return pattern, kinds


# "15 طفلا وامرأتان", "5 مدنيين و3 عناصر", "370 مقاتلا كرديا ونحو 340 عنصرا",
# "12 عنصرا من قوات النظام و7 من الفصائل": counts of victims joined by "و",
# after the first count's noun phrase (up to four words, none that places or
# times the count: "5 مدنيين في إدلب و3 في حلب" are two tolls).
_JOINED = re.compile(r"^\s*(?:[\u0621-\u064a]+\s+){0,3}[\u0621-\u064a]+\s+و\s*")
# "عشرة قتلى في صفوف الفصائل المسلحة، مقابل سبعة في صفوف قوات النظام": the
# other side's dead of the same fight, its noun left out.
_VERSUS = re.compile(r"^(?:\s*[\u0621-\u064a]+){1,6}\s*[،,]?\s+مقابل\s+")
_NOT_IN_JOIN = frozenset({"في", "على", "الى", "خلال", "منذ", "بعد", "قبل", "حتى", "بين", "يوم"})


# Quotation marks are no words: "معلنا مقتل "52 تكفيريا"" counts 52 (blanked,
# so offsets stay those of the text).
_QUOTES = str.maketrans({q: " " for q in '"«»“”„'})
# ... nor are the brackets of a count in an army statement: "ومقتل عدد (6)
# عنصر تكفيري" counts 6.
_BRACKETED_COUNT = re.compile(r"(\(\s*)(\d+)(\s*\))")


def _joined(
    text: str,
    n: NumberMention,
    numbers: _Numbers,
    words: _Words,
    used: set[int],
    lex: _Lexicon,
) -> list[NumberMention]:
    """Counts joined to ``n`` by "و" (after its noun): more victims of the same toll
    — unless a casualty word of its own follows ("12 شخصا و3 قتلوا"), or the noun
    was the casualty word ("60 قتيلا وما يربو على مئة مصاب": the next count is
    of something else)."""
    out: list[NumberMention] = []
    while True:
        after = fold(text[n.end : n.end + 80])
        link = _JOINED.match(after.text)
        if link is not None and fold_word(link.group().split()[0]) in lex.count_before:
            return out
        if link is None or _NOT_IN_JOIN.intersection(link.group().split()):
            link = _VERSUS.match(after.text)
        if link is None:
            return out
        nxt = numbers.first_after(text, n.end, 8, used)
        # (offsets of the folded text: "طفلاً" folds shorter, "طفلا")
        if (
            nxt is None
            or nxt.start != n.end + after.span(link.end(), link.end())[0]
            or words.any_within(nxt.end, nxt.end + 16)
        ):
            return out
        out.append(nxt)
        n = nxt


def _body_kind(text: str, word: _Word, lex: _Lexicon) -> str:
    """Bodies are counted apart: they are the toll only where no other is told."""
    last = text[word.start : word.end].split()[-1]
    return "bodies" if fold_word(last) in lex.bodies else word.kind


def _own_dual(word: _Word, numbers: _Numbers, used: set[int]) -> NumberMention | None:
    """The casualty word is itself a dual, its own count: "وسقط قتيلان" (two
    killed), "مقتولتين" (two women found dead)."""
    i = bisect_left(numbers.starts, word.start)
    for n in numbers.items[i : i + 2]:  # (a clitic "و" may open the word)
        if n.noun and n.end == word.end and n.start not in used:
            return n
    return None


def _met_count(
    text: str, word: _Word, numbers: _Numbers, used: set[int], lex: _Lexicon
) -> NumberMention | None:
    """ "لقي ما لا يقل عن 13 عنصراً من ميليشيات الحوثي مصرعهم", "لقي خمسة أشخاص،
    من بينهم ثلاثة أطفال، مصرعهم": the count that opens the subject of "لقي" is
    the toll of the "مصرعهم" that closes it, across commas and a part told
    between."""
    if fold_word(text[word.start : word.end]) not in lex.met_objects:
        return None
    lo = max(0, word.start - 200)
    folded = fold(text[lo : word.start])
    # the last verb before the word opens its frame
    verb = next(reversed(list(lex.met_verb.finditer(folded.text))), None)
    if verb is None:
        return None
    at = lo + folded.span(verb.start("w"), verb.end("w"))[1]
    if (
        _distance(text, at, word.start, lex.met_window) > lex.met_window
        or "." in text[at : word.start]
    ):
        return None
    n = numbers.first_after(text, at, lex.met_reach, used)
    # the count is in the frame, not after its object: "لقي شخص مصرعه وأصيب آخران"
    return n if n is not None and n.start < word.start else None


def _subject_count(
    text: str, word: _Word, numbers: _Numbers, words: _Words, used: set[int], lex: _Lexicon
) -> NumberMention | None:
    """ "وكان 70 عنصرا من الميليشيات الموالية لإيران قد قتلوا": a plural verb
    closing its subject counts the nearest number before it, far or across
    commas."""
    if fold_word(text[word.start : word.end]) not in lex.subject_verbs:
        return None
    n = numbers.last_before(text, word.start, lex.subject_window, used)
    if n is None or words.any_within(n.end, word.start):
        return None
    between = text[n.end : word.start]
    if "." in between or "؟" in between:
        return None
    return None if _not_a_count(text, n) else n


def _passive_subject(
    text: str, word: _Word, numbers: _Numbers, words: _Words, used: set[int], lex: _Lexicon
) -> NumberMention | None:
    """ "وقتل ليلاً في مدينتي زملكا وعربين أكثر من 50 شخصا": a passive verb
    opening the clause counts its subject, far after it past a time and a
    place, when the number names victims."""
    # (a clitic "و" may open the word; "وقد قتل فيما يشتبه بأنه هجوم كيمياوي
    # …، 60 شخصا على الأقل")
    opens = text[: word.start].strip() in ("", "و", "ف", "قد", "وقد", "فقد")
    if not opens or fold_word(text[word.start : word.end]) not in lex.passive_verbs:
        return None
    n = numbers.first_after(text, word.end, lex.passive_window, used)
    # past the day a span began: "وقتل في محافظة الحديدة منذ بدء الهجوم … في 13
    # حزيران/يونيو، 483 شخصا"
    while n is not None and _not_a_count(text, n):
        n = numbers.first_after(text, n.end, lex.passive_window, used)
    if n is None or _distance(text, word.end, n.start, lex.passive_window) > lex.passive_window:
        return None
    if not (
        _clear(text, word.end, n.start, words)
        or _clear(text, word.end, _before_comma(text, n.start), words)
    ):
        return None
    named = find_victims(text[n.end : n.end + 40])
    return n if named and not text[n.end : n.end + named[0].start].strip() else None


def _before_comma(text: str, at: int) -> int:
    """Where the words before ``at`` end, less one comma that sets the count
    off from the time and place before it ("… يوم السبت، 60 شخصا")."""
    before = text[:at].rstrip()
    return len(before) - 1 if before.endswith(("،", ",")) else at


def _not_a_count(text: str, n: NumberMention) -> bool:
    """What a count of people is not: a year ("في 2014"), a day of a month ("منذ
    13 حزيران"), a model ("كا-29"), a share ("75 في المئة") or an age ("في
    العشرين من العمر")."""
    written = text[n.start : n.end]
    if written.isdigit() and len(written) == 4 and 1900 <= (n.value or 0) <= 2100:
        return True
    if n.start > 0 and (
        text[n.start - 1] == "-" or (text[n.start - 1].isascii() and text[n.start - 1].isalpha())
    ):
        return True
    if _lexicon().age_before.search(fold(text[max(0, n.start - 24) : n.start]).text):
        return True  # "المهاجم البالغ السادسة والعشرين"
    if _lexicon().names_number.search(fold(text[max(0, n.start - 16) : n.start]).text):
        return True  # "قائد اللواء 405"
    after = fold(text[n.end : n.end + 48]).text
    # the first of a list of ages: "أعمار الرجال الثلاثة … هي 18 و20 و29 عاما"
    listed = _MORE_NUMBERS.match(after)
    after = after[listed.end() :] if listed else after
    return bool(_lexicon().not_counts.match(after) or _month_after().match(after))


_MORE_NUMBERS = re.compile(r"(?:\s*[،,]?\s*و\s*[0-9٠-٩]+)*")


@lru_cache(maxsize=1)
def _month_after() -> re.Pattern[str]:
    """ "13 حزيران", "13 من يونيو", "25 من الشهر الجاري": a day of a month
    (months.yaml), not a count."""
    names = [fold_word(n) for ns in load_yaml("months.yaml")["arabic"].values() for n in ns]
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"^\s*(?:من\s+)?(?:{alts}|(?:من\s+)الشهر){WB_AFTER}")


def _attempted(text: str, start: int, lex: _Lexicon) -> bool:
    """The casualty word follows "محاولة": a death attempted ("تعرض لمحاولة
    قتل", "نجا من محاولة اغتيال"), no casualty."""
    return bool(lex.attempt_before.search(fold(" ".join(_words_before(text, start, 1))).text))


def _a_part(text: str, word: _Word, lex: _Lexicon) -> bool:
    """The casualty word follows "من بين", "بينهم", "منهم": what is counted there
    is a part of a toll already given ("من بين القتلى 18 عنصراً")."""
    before = " ".join(_words_before(text, word.start, 2))
    return bool(lex.part_before.search(fold(before).text))


def _whole(
    text: str, n: NumberMention, numbers: _Numbers, used: set[int], lex: _Lexicon
) -> NumberMention | None:
    """ "قتل سبعة إيرانيين من بين 14 شخصاً": the count after "من بين" is the
    toll, the first its part (of one nationality, one side…)."""
    after = text[n.end : n.end + 60]
    found = lex.whole_after.search(fold(after).text)
    if found is None:
        return None
    m = numbers.first_after(text, n.end + found.end(), 2, used)
    return m if m is not None and (m.value or 0) > (n.value or 0) else None


def _whole_before(
    text: str, n: NumberMention, numbers: _Numbers, used: set[int], lex: _Lexicon
) -> NumberMention | None:
    """ "إن 76 شخصا بينهم 49 طفلا غادروا": a count after "بينهم" is a part of
    the larger count before it, which is the toll."""
    lo = max(0, n.start - 20)
    window = fold(text[lo : n.start])
    found = lex.part_before.search(window.text)
    if found is None:
        return None
    part = lo + window.span(found.start(), found.end())[0]
    # "لقي 26 مدنيا على الأقل، بينهم 11 طفلا مصرعهم": the bound is the toll's
    bound = _BOUND_BEFORE.search(text, max(0, part - 30), part)
    # "12 مدنيا على الأقل من عائلة واحدة بينهم 4 أطفال": the toll's noun
    # phrase may run a few words, within the sentence.
    m = numbers.last_before(text, bound.start() if bound else part, 6, used, n.value or 0)
    if m is None or re.search(r"[.:؛;!?؟]", text[m.end : part]):
        return None
    # "أكثر من مئة مقدوني في سوريا قُتل منهم نحو عشرين": the dead of a group
    # ("of them"), not a part of its toll
    of_them = fold_word(found.group().split()[-1]) == "منهم"
    return None if of_them and casualty_words(text[m.end : part]) else m


def _add_toll(
    figures: dict[str, int | None],
    last_toll: dict[str, int],
    text: str,
    kind: str,
    word: _Word,
    n: NumberMention | None,
    value: int | None,
) -> None:
    """Keep a toll of ``kind`` ("مقتل 52"), or add it to the one before it when
    it is another ("… واستشهاد ضابط وجندي"); ``last_toll`` is where each kind's
    last toll ended."""
    before = last_toll.get(kind)
    if before is not None and _another_toll(text, before, word, n):
        figures[kind] = _sum(figures.get(kind), value)
    else:
        _keep(figures, kind, value)
    last_toll[kind] = n.end if n is not None else word.end


def _another_toll(text: str, after: int, word: _Word, n: NumberMention | None) -> bool:
    """A second toll of the same kind joined to the first by "و" ("معلنا مقتل
    52 تكفيريا واستشهاد 3 جنود", "مقتل 20 مدنيا ومقتل 5 مسلحين"): more dead,
    not the same ones again, unless it counts some of them ("ومقتل 4 أطفال
    منهم")."""
    if _attackers_killed(text, word, n) and not _of_attackers(text[:after], None):
        return True  # the attackers' dead, besides those they killed
    between = text[after : word.start]
    if len(between) > ANOTHER_TOLL_REACH or _BARRIER.search(between):
        return False
    if not _AND_END.search(between):
        return False
    return not _PART_AFTER.match(text, max(n.end if n else 0, word.end))


def _attackers_killed(text: str, word: _Word, n: NumberMention | None) -> bool:
    """ "قتل 43 مسلحا من المهاجمين": the attackers' dead, counted right after
    the word of killing (not "مصاب واحد جرح بعصا كان يحملها واحد من المهاجمين",
    where one of them wounded)."""
    if n is None or word.kind != "killed" or n.start < word.end:
        return False
    return len(text[word.end : n.start].split()) == 0 and _of_attackers(text, n)


def _of_attackers(text: str, at: NumberMention | None) -> bool:
    """The count at ``at`` is of the attackers (casualties.yaml: attackers), or,
    with no count, the text names them."""
    lex = _lexicon()
    if at is None:
        return lex.attackers.search(fold(text).text) is not None
    # (the words within reach only: folding the whole rest of the text for
    # each count made one long line of tolls quadratic)
    reach = _words_ahead(lex.attackers_reach).match(text, at.end)
    words = fold(reach.group() if reach else "").text.split()
    return lex.attackers.search(" ".join(words)) is not None


@cache
def _words_ahead(n: int) -> re.Pattern[str]:
    """The next ``n`` words (runs of non-space), as ``str.split`` counts them."""
    return re.compile(rf"(?:\s*\S+){{0,{n}}}")


_AND_END = re.compile(r"(?:^|\s)و\s*$")
ANOTHER_TOLL_REACH = 40  # characters from the first toll's count to the second's word
_PART_AFTER = re.compile(
    r"(?:\s+[^\s،,.]+){0,2}?\s*[\"”»]?\s*(?:منهم|منها|بينهم|من\s+بينهم|من\s+بينها)(?!\S)"
)


def _sum(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _keep(figures: dict[str, int | None], kind: str, value: int | None) -> None:
    """The first definite figure of a kind wins; a vague one ("العشرات") only
    holds the place until a number comes."""
    if figures.get(kind) is None:
        figures[kind] = value


def _uncounted_others(text: str, word: _Word, lex: _Lexicon) -> bool:
    """One person's death, then others not counted ("لقي مصرعه مع عدد من
    مرافقيه") -- not a toll of another harm ("وعدد من الجرحى")."""
    rest = fold(text[word.end :]).text
    m = lex.uncounted_others.match(rest)
    if m is None:
        return False
    after = rest[m.end() :].split()[:1]
    return not (after and after[0] in lex.other_harm)


def _with_others(text: str, word: _Word, n: NumberMention, lex: _Lexicon) -> bool:
    """One person's death, then "مع" and the count of those killed with him,
    or "و" and the count of the others after the words that name him."""
    if word.kind != "killed" or n.start < word.end:
        return False
    between = fold(text[word.end : n.start]).text
    if lex.and_others.match(between) and _one_person(text, word, lex):
        return True
    if fold_word(text[word.start : word.end].split()[-1]) not in lex.with_one:
        return False
    return bool(lex.with_others.match(between))


def _others(
    text: str, word: _Word, numbers: _Numbers, words: _Words, used: set[int], lex: _Lexicon
) -> NumberMention | None:
    """ "مقتل القيادي الحوثي أبو علي و3 من مرافقيه": after one person's death
    and the words that name him, "و" and the count of those killed with him
    (unless a casualty word of its own comes first: "قتل جندي وأصيب ثلاثة")."""
    if word.kind != "killed":
        return None
    reach = lex.and_reach + 1
    n = numbers.first_after(text, word.end, reach, used)
    if n is None or words.any_within(word.end, n.start):
        return None
    # "مقتل امرأة في الثانية والثلاثين من العمر": an age, not a count.
    if fold(n.text).text.startswith("ال"):
        return None
    return n if lex.and_others.match(fold(text[word.end : n.start]).text) else None


def _said_before(text: str, word: _Word) -> list[str]:
    """The casualty word's own words but its last, and the two words before it."""
    return text[word.start : word.end].split()[:-1] + _words_before(text, word.start, 2)


def _one_then_another(text: str, word: _Word, numbers: _Numbers, lex: _Lexicon) -> bool:
    """ "أوقع قتيلاً وخمسة جرحى", "الحصيلة قتيل و37 جريحا": a singular noun
    with no count before it is one; the count after "و" is the next noun's.
    Right after a word of a toll, so is one with no count after it ("أسفر عن
    سقوط قتيل", "سقوط قتيل وإصابة 5 آخرين": the five are the wounded)."""
    if fold_word(text[word.start : word.end]) not in lex.one_alone:
        return False
    if numbers.last_before(text, word.start, 0, set()) is not None:
        return False  # "23 قتيلا و40 جريحا"
    n = numbers.first_after(text, word.end, 2, set())
    if n is not None and _AND_ONLY.fullmatch(text, word.end, n.start) is not None:
        return True
    before = [fold_word(w) for w in _words_before(text, word.start, lex.one_alone_not_reach)]
    if any(w in lex.one_alone_not_after for w in before):
        return False  # "دون سقوط أي قتيل", "لم تسفر عن سقوط قتيل"
    toll = before[-lex.one_alone_reach :]
    if not any(w in lex.one_alone_after or w[1:] in lex.one_alone_after for w in toll):
        return False
    # (a count after another casualty word is that word's: "وإصابة 5")
    return n is None or bool(casualty_words(text[word.end : n.start]))


_AND_ONLY = re.compile(r"[\u064b-\u0652]*\s*و\s*")  # (after the tanween: "قتيلاً و")


def _two_people(text: str, word: _Word, lex: _Lexicon) -> bool:
    """The word's own ending says two: "قتلا", "لقيا مصرعهما". Not the wounds
    two died of: "متأثرين بجروح أصيبا بها"."""
    said = text[word.start : word.end].split()
    after = _words_after(text, word.end, 1)
    if not said or (after and fold_word(after[0]) in _OF_THEM):
        return False
    last = fold_word(said[-1])
    if last not in lex.dual_words:
        return False
    if last not in lex.dual_also_noun:
        return True
    # (across commas and quotes: "إن جنديا أميركيا وشخصا آخر من التحالف …
    # تنظيم "داعش"، قتلا")
    sentence = _SENTENCE_END.split(text[max(0, word.start - 300) : word.start])[-1]
    before = [fold_word(w.strip('،,"«»“”()')) for w in sentence.split()[-lex.dual_window :]]
    if any(w in lex.singular or w[1:] in lex.singular or w in lex.dual_pronouns for w in before):
        return True
    # "الطيارين قتلا": a definite noun of two right before the verb
    return bool(before) and before[-1].startswith("ال") and before[-1].endswith(("ين", "ان"))


_SENTENCE_END = re.compile(r"[.;:؛!?؟]")


_OF_THEM = frozenset({"بها", "به", "بهما"})


def _one_person(text: str, word: _Word, lex: _Lexicon) -> bool:
    """A singular victim noun right before or after the word, nothing between;
    or the word says one person itself ("لقي مصرعه": his death)."""
    said = text[word.start : word.end].split()
    if any(fold_word(" ".join(said[-n:])) in lex.singular_words for n in (1, 2, len(said))):
        return True  # "لقي مصرعه", "فأرداه قتيلا", "تعرض للطعن حتى الموت"
    aged = _AGED.search(text, max(0, word.start - 60), word.start)
    until = aged.start() if aged else word.start
    before = _without_one(_words_before(text, until, lex.singular_window + 4), lex)
    before = before[-(lex.singular_window + 1) :]
    # "وقتل 14 شخصا وجرح آخرون": a noun after its count is no single person;
    # "قتل جندي وأصيب آخرون": nor one after another casualty word (its victim).
    nouns = [
        w
        for i, w in enumerate(before[1:], 1)
        if fold_word(w) in lex.singular
        and not find_numbers(before[i - 1])
        and not casualty_words(before[i - 1])
    ]
    if len(before) <= lex.singular_window and before and fold_word(before[0]) in lex.singular:
        nouns.append(before[0])  # the clause starts right there
    start = _past_day(text, word.end)
    after = [fold_word(w) for w in _words_after(text, start, _ONE_OF_REACH + 2)]
    # "القاعدة التي قُتل فيها جندي أميركي": the noun after where it happened
    after = after[1:] if after[:1] and after[0] in lex.where_words else after
    one = bool(nouns) or any(w in lex.singular for w in after[:1])
    one = one or any(w in lex.singular_after or w in lex.singular_definite for w in after[:1])
    # (the doer may close with a comma: "أعدم تنظيم "الدولة الإسلامية"، أحد الرهائن")
    one = one or _one_of_them(_doer_then_one(text, start), lex)
    one = one or _doer_then_noun(text, start, lex)
    one = one or _one_of_them([fold_word(w) for w in before[-2:]], lex, 0)
    # "صالح الصماد، والذي قتل في غارة": the one the relative pronoun stands for
    # (not "الهجوم الذي قتل مدنيين", who killed; nor "التي قتل فيها", where)
    who = _ONE_WHO.search(text, max(0, word.start - 12), word.start) is not None
    one = one or (who and _PASSIVE_AFTER.match(text, word.end) is not None)
    one = one or _named_one(text, word, lex) or _named_aged(text, word, lex) > 0
    return one or _singular_subject(text, word, lex)


def _singular_subject(text: str, word: _Word, lex: _Lexicon) -> bool:
    """ "أكدت القوات الأمريكية أن قائد تنظيم داعش في البلاد قتل في هجوم": the
    singular noun right after "أن" is the subject its singular verb closes, with
    the words that describe him between (no comma, count or other casualty word);
    the verb stands alone ("قتل في", not "قتل 5 مسلحين", who killed)."""
    said = text[word.start : word.end].split()
    if len(said) != 1 or fold_word(said[0]) not in lex.subject_one_verbs:
        return False
    if _PASSIVE_AFTER.match(text, word.end) is None:
        return False
    before = [fold_word(w) for w in _words_before(text, word.start, lex.subject_one_reach + 2)]
    for i in range(len(before) - 1, -1, -1):
        past = before[i] in lex.subject_past_openers
        if past and i > 0 and before[i - 1] in lex.subject_past_not_after:
            return False
        if before[i] in lex.subject_openers or past:
            between = before[i + 1 :]
            one = (
                bool(between)
                and between[0] in lex.singular
                and not any(find_numbers(w) or casualty_words(w) for w in between)
            )
            # "أن عنصرا إيرانيا كان يقاتل … قتل": "كان" opens no subject there
            if one or before[i] not in lex.subject_past_openers:
                return one
    return False


_BEFORE_DAY = re.compile(r"\s*(?:(?:في|يوم)\s+)?")
_AFTER_DAY = re.compile(r"\s*[،,]?\s*")


def _past_day(text: str, pos: int) -> int:
    """Where the words after a casualty word start once the day it happened is
    passed: "كما قُتلت في 25 من الشهر الجاري، الناشطة العراقية" names one."""
    window = text[pos : pos + 80]
    first = next(iter(find_dates(window)), None)
    if first is None or _BEFORE_DAY.fullmatch(window, 0, first.start) is None:
        return pos
    after = _AFTER_DAY.match(window, first.end)
    return pos + (after.end() if after else first.end)


def _without_one(before: list[str], lex: _Lexicon) -> list[str]:
    """The words before a casualty word without "واحدا على الأقل" at their end
    (casualties.yaml one_between): "إن رجلا واحدا على الأقل قتل" names one man."""
    words = list(before)
    while words:
        if fold_word(words[-1]) in lex.one_between:
            words.pop()
        elif len(words) > 1 and fold_word(" ".join(words[-2:])) in lex.one_between:
            del words[-2:]
        else:
            break
    return words


# Years of age after a count ("21 عاما", "3 أعوام").
_YEARS_OLD = r"(?:عاما|عامًا|عاماً|سنة|أعوام|سنوات)"
# A person's age right before the word says nothing of how many: "إن فتى
# فلسطينيا في الخامسة عشرة من العمر قتل", "طفلة (3 أعوام) أصيبت".
_AGED = re.compile(
    r"\s*[(،,]?\s*(?:في\s+)?(?:[^\s،,.()]+\s+){0,2}?"
    rf"(?:من\s+(?:العمر|عمره|عمرها)|{_YEARS_OLD})\s*[)،,]?\s*$"
)
_ONE_WHO = re.compile(r"(?:^|\s)و?(?:الذي|التي)\s+$")
_PASSIVE_AFTER = re.compile(
    r"\s*(?:[.،,؛]|$|(?:في|على|خلال|جراء|إثر|اثر|عند|أثناء|اثناء|بعد|قبل)\s|ب(?!ها|ه\b))"
)


def _one_of_those(text: str, word: _Word, lex: _Lexicon) -> bool:
    """The word, then "one of them" ("خمسة أشخاص قتل أحدهم"): one, whatever
    number came before."""
    after = _words_after(text, word.end, 1)
    return bool(after) and fold_word(after[0].strip("،,.")) in lex.one_of_them


def _one_of_them(words: list[str], lex: _Lexicon, reach: int | None = None) -> bool:
    """ "مقتل أحد عناصر الأمن": one of a group of people (not "إصابة أحد
    مباني المركز", a building); the doer may stand between ("أعدم تنظيم
    الدولة أحد الرهائن"), not a preposition ("قتل في هجوم على أحد عناصر").
    Before the word, right before it: "أن أحد أعضائها قتل"."""
    reach = _ONE_OF_REACH if reach is None else reach
    for i, w in enumerate(words[: reach + 1]):
        if w in lex.list_stops or find_numbers(w):
            return False
        if w in lex.one_of and i + 1 < len(words) and words[i + 1] in lex.one_of_people:
            return True
    return False


_ONE_OF_REACH = 3  # words of a doer between the casualty word and "أحد"
_CLAUSE_BARRIER = re.compile(r"[.;:؛!?؟()]")  # a comma may close the doer


def _doer_then_one(text: str, start: int) -> list[str]:
    words = _words_after(text, start, _ONE_OF_REACH + 3, _CLAUSE_BARRIER)
    return [fold_word(w.strip("،,")) for w in words if w.strip("،,")][: _ONE_OF_REACH + 2]


def _doer_then_noun(text: str, start: int, lex: _Lexicon) -> bool:
    """ "قتلت ميليشيات الحوثي، امرأة بشظايا صاروخ": the doer closed by a
    comma, then a singular victim noun."""
    m = _DOER_COMMA.match(text, start)
    if m is None or fold_word(m.group(2)) not in lex.singular:
        return False
    return not any(
        fold_word(w) in lex.list_stops or find_numbers(w) or casualty_words(w)
        for w in m.group(1).split()
    )


# up to three words of a doer, a comma, the word after it
_DOER_COMMA = re.compile(
    r"\s*((?:[^\s،,.;:؛!?؟()]+\s+){0,2}[^\s،,.;:؛!?؟()]+)\s*[،,]\s*([^\s،,.]+)"
)


def _listed(text: str, word: _Word, lex: _Lexicon) -> int:
    """How many people a list of singular nouns right after the word names,
    joined by "و": "أصيب ضابط صف وجندي" is two, "قتل جندي تركي ومدني" two,
    "قتلت امرأة حامل وطفلتها" two.
    At most two words of their own between (a rank, a nationality); a
    preposition or another casualty word ends the list."""
    aged = _named_aged(text, word, lex)
    if aged > 1:
        return aged  # "قتل سالم صباح 17 عاماً، وعبد الله الرميلات، 15 عاماً"
    after = [fold_word(w) for w in _words_after(text, word.end, 8)]
    if _with_his_own(text, word, lex):
        after = ["", *after]  # "أدى إلى مقتله وسائقه": his, and his driver's
    elif not after or after[0] not in lex.singular:
        return 1
    n, gap = 1, 0
    rest = after[1:]
    for i, w in enumerate(rest):
        if w.startswith("و") and (w[1:] in lex.singular or w[1:] in lex.kin):
            n, gap = n + 1, 0
        elif w == "مع" and rest[i + 1 : i + 2] and rest[i + 1] in lex.kin:
            return n + 1  # "قتلت أم يمنية مع طفلها": she and her child
        elif w.startswith("و") or w in lex.list_stops or gap == 2 or casualty_words(w):
            break
        else:
            gap += 1
    return n


def _with_his_own(text: str, word: _Word, lex: _Lexicon) -> bool:
    """The word says his death itself and his kin or companions follow it
    ("مقتله وسائقه")."""
    after = [fold_word(w) for w in _words_after(text, word.end, 1)]
    return bool(after) and after[0].startswith("و") and after[0][1:] in lex.kin


def _named_one(text: str, word: _Word, lex: _Lexicon) -> bool:
    """ "مقتل صالح الصماد، رئيس المجلس السياسي": a name right after the word,
    then a comma and a title of one person; or a title with no comma between
    (``_titled_name``)."""
    if word.kind != "killed":
        return False
    m = _APPOSITION.match(text, word.end, min(len(text), word.end + 80))
    if m is not None and fold_word(m.group(2)) in lex.titles and _a_name(m.group(1).split(), lex):
        return True
    return _titled_name(text, word, lex)


def _titled_name(text: str, word: _Word, lex: _Lexicon) -> bool:
    """ "مقتل صالح الصماد القيادي في جماعة الحوثي", "قُتل في 24 أبريل منوّر
    المطيري المقاتل في تنظيم داعش", "مقتل "سيماك" وهو مسؤول": a name (past
    the day, if one comes first), then a title of one person."""
    start = _past_day(text, word.end)
    words = _words_after(text, start, lex.name_words + 2, _CLAUSE_BARRIER)  # a name may be quoted
    folded = [fold_word(w.strip(_NAME_QUOTES)) for w in words]
    for k in range(1, min(lex.name_words, len(folded) - 1) + 1):
        title, then = folded[k], folded[k + 1 :]
        opened = title in lex.title_openers and bool(then) and then[0] in lex.titles
        if title in lex.plain_titles or opened:
            return _a_name(words[:k], lex)
    return False


def _a_name(name: list[str], lex: _Lexicon) -> bool:
    """Up to ``name_words`` words, none a number, a casualty word or a word no
    name is made of ("منذ", "في")."""
    return 0 < len(name) <= lex.name_words and not any(
        find_numbers(w) or casualty_words(w) or (fold_word(w) in lex.not_names and w != _ALI)
        for w in name
    )


_ALI = "علي"  # the name, spelled with "ي"; folded, it is the preposition "على"


_NAME_QUOTES = "\"“”«»'"


def _named_aged(text: str, word: _Word, lex: _Lexicon) -> int:
    """How many names right after the word each give their age, joined by "و":
    "وقُتلت رزان النجار، 21 عاما" is one, "قتل سالم صباح 17 عاماً، وعبد الله
    الرميلات، 15 عاماً" two. An age names one person as a title does."""
    n, pos, pattern = 0, word.end, _NAME_AGED
    while m := pattern.match(text, pos, min(len(text), pos + 80)):
        name = m.group(1).split()
        if not 0 < len(name) <= lex.aged_name_words or any(
            find_numbers(w) or casualty_words(w) or fold_word(w) in lex.not_names for w in name
        ):
            break
        n, pos, pattern = n + 1, m.end(), _AND_NAME_AGED
    return n


# A name, then its age: "رزان النجار، 21 عاما"، "عبد النبي (19 عاماً)".
_AGE = rf"\s*[،,(]?\s*[\d٠-٩]+\s*{_YEARS_OLD}[\u064b-\u0652]*(?!\w)\s*\)?"
_NAME_AGED = re.compile(r"\s+([^\d٠-٩،,.;:؛!?؟()\"“”]+?)" + _AGE)
_AND_NAME_AGED = re.compile(r"\s*[،,]?\s*و([^\d٠-٩،,.;:؛!?؟()\"“”]+?)" + _AGE)


# The words after a casualty word up to a comma, and the word after the comma.
_APPOSITION = re.compile(r"\s+([^\d،,.;:؛!?؟()\"“”]+?)\s*[،,]\s*(\S+)")


# Clause text can be a whole unpunctuated line of a megabyte: the helpers below
# look at a window that grows only as far as they need, never at the whole text.
_WINDOW = 256


def _words_before(text: str, end: int, k: int) -> list[str]:
    """The last ``k`` words of ``text[:end]`` after its last barrier."""
    size = _WINDOW
    while True:
        start = max(0, end - size)
        chunk = text[start:end]
        parts = _BARRIER.split(chunk)
        words = parts[-1].split()
        if start == 0 or len(parts) > 1 or len(words) > k:
            return words[-k:]
        size *= 2


def _words_after(text: str, start: int, k: int, barrier: re.Pattern[str] = _BARRIER) -> list[str]:
    """The first ``k`` words of ``text[start:]`` before its first barrier."""
    size = _WINDOW
    while True:
        end = start + size
        chunk = text[start:end]
        parts = barrier.split(chunk, maxsplit=1)
        words = parts[0].split()
        if end >= len(text) or len(parts) > 1 or len(words) > k:
            return words[:k]
        size *= 2


def _counts_things(text: str, n: NumberMention, lex: _Lexicon) -> bool:
    """ "4 شاحنات", "50 آلية", "قبل أسبوعين": a count of vehicles, places or
    time, not people."""
    if lex.rate.match(fold(text[n.end : n.end + 60]).text):
        return True  # "أرواح 200 شخص يومياً": a rate
    if n.noun:
        return n.noun not in people_nouns()  # "جنديين" counts people; "أسبوعين" no one
    if _EACH.search(fold(text[max(0, n.start - 12) : n.start]).text):
        return True  # "واحد من كل 8 من سكان المنطقة": a ratio, no one counted
    before = fold(text[max(0, n.start - 20) : n.start]).text.split()
    if before and before[-1] in lex.time_before:
        return True  # "خلال الأيام الستة الماضية"
    if fold(n.text).text in _ONE and before and before[-1] in lex.one_thing:
        return True  # "أربعة أشخاص من عائلة واحدة قتلوا": one family, four dead
    return bool(lex.not_people.match(fold(text[n.end : n.end + 20]).text))


_EACH = re.compile(r"(?<![\w])كل\s*$")
_ONE = frozenset({"واحد", "واحده", "واحدا"})


class _Numbers:
    """The clause's numbers in text order, searchable by position (a clause can
    hold thousands: a scan per casualty word would be quadratic)."""

    def __init__(self, numbers: list[NumberMention]) -> None:
        self.items = numbers
        self.starts = [n.start for n in numbers]
        self.ends = [n.end for n in numbers]

    def first_after(self, text: str, pos: int, limit: int, used: set[int]) -> NumberMention | None:
        """The first unused number starting at or after ``pos``, if within ``limit`` words."""
        i = bisect_left(self.starts, pos)
        while i < len(self.items):
            n = self.items[i]
            if _distance(text, pos, n.start, limit) > limit:
                return None
            if n.start not in used:
                return n
            i += 1
        return None

    def last_before(
        self, text: str, pos: int, limit: int, used: set[int], above: int = -1
    ) -> NumberMention | None:
        """The last unused number ending at or before ``pos``, if within ``limit``
        words (and greater than ``above``)."""
        i = bisect_right(self.ends, pos) - 1
        while i >= 0:
            n = self.items[i]
            if _distance(text, n.end, pos, limit) > limit:
                return None
            if n.start not in used and (n.value or 0) > above:
                return n
            i -= 1
        return None


class _Words:
    def __init__(self, words: list[_Word]) -> None:
        self.items = words
        self.starts = [w.start for w in words]

    def any_within(self, a: int, b: int) -> bool:
        """Whether a casualty word lies wholly inside ``[a, b)`` (words never overlap)."""
        i = bisect_left(self.starts, a)
        return i < len(self.items) and self.items[i].end <= b


def _bind(
    text: str,
    word: _Word,
    numbers: _Numbers,
    words: _Words,
    used: set[int],
    lex: _Lexicon,
) -> NumberMention | None:
    if fold_word(text[word.start : word.end]) in lex.count_before:
        # (its count taken already, by the word before: "حصيلة القتلى بلغت 59
        # شهيدا و2271 مصابا" — the noun takes no count after it then)
        n = numbers.last_before(text, word.start, 0, set())
        if n is not None and not _not_a_count(text, n):
            return n
    n = numbers.first_after(text, word.end, word.after, used)
    if n is not None and _clear(text, word.end, n.start, words) and not _not_a_count(text, n):
        return n
    n = numbers.last_before(text, word.start, word.before, used)
    if n is not None and _clear(text, n.end, word.start, words) and not _not_a_count(text, n):
        # (the displaced are counted nouns: "ستة ملايين نازح آخرين")
        others = word.kind != "displaced" and _of_others(text, word, numbers, words, lex)
        return None if others else n
    return None


_NOT_A_NOUN = _NOT_IN_JOIN | {"مع", "من"}  # "قتلوا مع آخرين": with others, not others


def _of_others(text: str, word: _Word, numbers: _Numbers, words: _Words, lex: _Lexicon) -> bool:
    """ "ومقتل آخرين", "وقتل وجرح عناصر أخرى": the word's own object is others
    than those counted before it (a word joined to it and one noun between;
    no count: "3 شهداء وإصابة اثنين آخرين" counts the wounded apart)."""
    at, noun = word.end, False
    for token in _words_after(text, word.end, 3):
        at = text.find(token, at)
        if fold_word(token) in lex.others_after:
            counted = numbers.first_after(text, word.end, 3, set())
            return counted is None or counted.start >= at
        if not words.any_within(at, at + len(token)):
            if noun or fold_word(token) in _NOT_A_NOUN:
                return False
            noun = True
        at += len(token)
    return False


def _tallies(
    text: str, numbers: _Numbers, used: set[int], lex: _Lexicon
) -> list[tuple[str, NumberMention]]:
    """ "بلغ عدد القتلى … أكثر من 60 عنصراً": the count may stand far after
    (one raised to, "ما يرفع إلى تسعة عدد القتلى", is _raised_to's)."""
    # "عدد الذين قتلوا منذ … في 30 آذار/مارس الماضي إلى 36": a day is no count
    found = _counted_after(text, numbers, used | _days(text, numbers), lex.tally, lex.tally_window)
    return [(lex.tally_kind[word], n) for word, n in found]


def _raised_to(
    text: str, numbers: _Numbers, used: set[int], lex: _Lexicon
) -> list[tuple[str, NumberMention]]:
    """The count first, then the tally it raises: "ما يرفع إلى تسعة عدد القتلى"."""
    out = []
    for n in numbers.items:
        if n.start in used or not _TO_BEFORE.search(text, 0, n.start):
            continue
        after = fold(text[n.end : n.end + 40]).text
        m = lex.tally.match(after, len(after) - len(after.lstrip()))
        if m is not None:
            out.append((lex.tally_kind[m.group("w")], n))
    return out


_TO_BEFORE = re.compile(r"(?:^|\s)[إا]لى\s+$")


def _days(text: str, numbers: _Numbers) -> set[int]:
    """Where the clause's numbers that count no one start (years, days of months…)."""
    return {n.start for n in numbers.items if _not_a_count(text, n)}


def _inflicted(
    text: str, numbers: _Numbers, used: set[int], lex: _Lexicon
) -> list[tuple[str, NumberMention]]:
    """ "موقعا 14 مدنيا": the count right after the word (no word between)."""
    found = _counted_after(text, numbers, used, lex.inflicted, 0)
    return [("killed", n) for _, n in found if not _not_a_count(text, n)]


def _counted_after(
    text: str, numbers: _Numbers, used: set[int], words: re.Pattern[str], reach: int
) -> list[tuple[str, NumberMention]]:
    """Each of ``words`` (folded, as matched) with the first unused count within
    ``reach`` words after it."""
    folded = fold(text)
    out = []
    for m in words.finditer(folded.text):
        end = folded.span(m.start("w"), m.end("w"))[1]
        n = numbers.first_after(text, end, reach, used)
        if n is not None:
            out.append((m.group("w"), n))
    return out


_TOKEN = re.compile(r"\S+")


def _distance(text: str, a: int, b: int, limit: int) -> int:
    """Words between ``a`` and ``b`` (as ``len(text[a:b].split())``), counted up to
    ``limit + 1`` only: a count far from its word is far, however far."""
    n = 0
    for _ in _TOKEN.finditer(text, a, b):
        n += 1
        if n > limit:
            break
    return n


def _clear(text: str, a: int, b: int, words: _Words) -> bool:
    """No punctuation, no other casualty word and no other fate ("وتم أسر")
    between a and b (a bound set off by commas is no barrier: "لقي 4 مقاتلين
    روس، على الأقل، مصرعهم")."""
    # the bound as written (its list is unfolded), then a day or a source, folded
    between = _asides().sub(" ", fold(_ASIDE.sub(" ", text[a:b])).text)
    if _BARRIER.search(between) or _lexicon().other_fates.search(fold(between).text):
        return False
    return not words.any_within(a, b)


@lru_cache(maxsize=1)
def _asides() -> re.Pattern[str]:
    """A day or a source set off by commas ("، الخميس،", "، أيضا وفق المرصد،"):
    casualties.yaml's ``asides``, folded."""
    data = load_yaml("casualties.yaml")["asides"]
    days = [fold_word(n) for d in load_yaml("weekdays.yaml")["arabic"].values() for n in d["names"]]
    times = "|".join(fold_word(w) for w in data["times"])
    sources = "|".join(fold_word(w).replace(" ", r"\s*") for w in data["sources"])
    day = rf"(?:(?:{times})\s+)?(?:{'|'.join(days)})"
    source = rf"(?:ايضا\s+)?(?:{sources})\s*[^،,.:;؛!?؟()\"]{{1,40}}?"
    # (a day needs no comma after it: "غادر، الخميس نحو 12 ألف مدني")
    return re.compile(rf"\s*[،,]\s*(?:{day}\s*[،,]?|{source}\s*[،,])\s*")


def _aside(text: str, n: NumberMention, word: _Word) -> bool:
    """ "4 مقاتلين روس، على الأقل، مصرعهم": the bound makes the count a minimum."""
    a, b = sorted((n.end, word.start))
    return _ASIDE.search(text, a, b) is not None


_BOUNDS = r"(?:على الأقل|على الاقل|علي الأقل|تقريبا|تقريباً)"
_ASIDE = re.compile(r"\s*[،,]\s*" + _BOUNDS + r"\s*[،,]\s*")
_BOUND_BEFORE = re.compile(r"\s*" + _BOUNDS + r"\s*[،,]?\s*$")
# "خمسة مقاتلين على الأقل", "14 مدنيا من الأطفال على الأقل": after the counted noun.
_BOUND_AFTER = re.compile(r"(?:\s+[\u0621-\u064a]+){1,3}?\s*[،,]?\s*" + _BOUNDS)


def _bounded(text: str, n: NumberMention) -> bool:
    """The count's noun is followed by a bound: the count is a minimum."""
    return _BOUND_AFTER.match(text, n.end, n.end + 60) is not None


@dataclass(frozen=True, slots=True)
class RelativeToll:
    """A toll a relative clause tells of the event named just before it
    ("الهجوم الكيميائي المفترض الذي أوقع نحو 40 قتيلا")."""

    named: str  # the words before the pronoun, back to a comma (casualties.yaml: reach)
    at: int  # where the pronoun starts in the text
    casualties: Casualties
    span: tuple[int, int]  # the words naming the event and its toll


def relative_tolls(text: str) -> list[RelativeToll]:
    """Each toll told in a relative clause, with the words naming its event."""
    pattern, reach, campaign = _relative_toll()
    folded = fold(text)
    out = []
    for m in pattern.finditer(folded.text):
        at, verb_end = folded.span(m.start(), m.end())
        before = text[:at].rstrip().rstrip("،,")  # "الهجوم، الذي أسفر"
        words = _BARRIER.split(before)[-1].split()[-reach:]
        named = " ".join(words)
        end = verb_end + len(_BARRIER.split(text[verb_end:], maxsplit=1)[0])
        toll = find_casualties(text[at:end])
        told = toll.killed is not None or toll.wounded is not None
        if named and told and not campaign.search(fold(named).text):
            start = before.rfind(words[0]) if words else at
            out.append(RelativeToll(named, at, toll, (start, end)))
    return out


@lru_cache(maxsize=1)
def _relative_toll() -> tuple[re.Pattern[str], int, re.Pattern[str]]:
    data = load_yaml("casualties.yaml")["relative_toll"]
    pronouns = word_alternation(data["pronouns"])
    verbs = word_alternation(data["verbs"])
    campaign = word_alternation(data["not_named"])
    return (
        re.compile(rf"{WB_BEFORE}(?:{pronouns})\s+(?:{verbs}){WB_AFTER}"),
        int(data["reach"]),
        re.compile(rf"{WB_BEFORE}[وفبل]?(?:{campaign}){WB_AFTER}"),
    )
