"""Date expressions in Arabic news: find them, then place them on the calendar.

Two steps, kept apart so that the extractor can find expressions once and
resolve them against the publication date and the running context:

* :func:`find_dates` reads the text and returns :class:`DateMention` values:
  what was written, parsed but not yet resolved (``"الجمعة الماضية"`` is
  "the Friday strictly before publication", not a date yet).
* :func:`resolve` turns one mention into a :class:`~sitegen.model.DateRef`.

The first law: never invent a date. What the text cannot place on the
calendar resolves to an undated ``DateRef`` that keeps its phrase and says why
in ``note``; vague spans become ranges, never a single made-up day.

All language knowledge (month, weekday and number words, relative phrases)
lives in ``sitegen/data/{months,weekdays,numbers,relative}.yaml``. This module
compiles it once into two regexes (Arabic and Latin-script dates) over the
folded text (see ``normalize.fold``) and reports spans in the original text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, Literal

from hijridate import Hijri

from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import CLITICS, WB_AFTER, WB_BEFORE, Folded, fold, fold_word
from sitegen.extract.numbers import (
    ARTICLE,
    dual_nouns,
    first_words,
    match_at,
    number_pattern,
    parse_number,
    positions,
    with_clitics,
    word_alternation,
    word_starts,
    words_of,
)
from sitegen.model import Basis, DateEvidence, DateRef, Precision, Published

WEEK_START_SUNDAY = 6  # Python weekday(): Monday=0 … Saturday=5, Sunday=6
# Years a news timeline can hold. A date outside them is a misreading or a typo
# ("عام 0200", "9999"), and far-apart years would stretch every chart and index.
TIMELINE_YEARS = (1800, 2200)

Kind = Literal[
    "date",  # a day: year (or None), month, day; Gregorian or Hijri
    "month",  # a month name: year or None, a direction, a part of the month
    "year",  # a year, Gregorian or Hijri
    "period",  # this/last/next week, month or year
    "day",  # a day relative to publication: today, yesterday, tomorrow…
    "weekday",  # a weekday name
    "ago",  # "منذ ثلاثة أيام": a point in the past
    "span",  # "خلال الأيام الماضية": a span up to (or from) publication
    "anaphora",  # "في اليوم التالي": relative to the previous date in the article
    "unanchored",  # "غداة الهجوم": relative to an event with no date
]
# "coming": a bare weekday a verb of what is to come governs ("تعقد … الخميس"):
# that day on or after publication.
Direction = Literal["", "past", "next", "this", "before_last", "coming"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets in the ORIGINAL text passed to find_dates
    end: int
    text: str  # the expression exactly as written
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    weekday: int | None = None  # a weekday named with the expression (0 = Monday)
    offset: int = 0  # days (day), periods (period), months (date "من الشهر الماضي")
    direction: Direction = ""
    unit: str = ""  # hour | day | week | month | year (period, ago, span)
    amount: int | None = None  # ago/span count; None = a vague plural ("أيام")
    part: str = ""  # early | mid | late | end (of a month or a year)
    since: bool = False  # "منذ X": from X to publication
    shift: int = 0  # days added after resolving (غداة +1, عشية −1, anaphora)
    approximate: bool = False  # "منذ نحو أسبوعين"
    eve: bool = False  # "ليلة الجمعة": that day or the night before it
    midnight: str = ""  # "بعد منتصف ليل الجمعة": at, after or before its midnight
    # "من 1 إلى 10 مارس", "بين 3 مارس و5 أبريل": the day the range runs to
    # (this mention is its first day)
    until: DateMention | None = None
    # "9 يناير من العام الماضي": the year, counted from publication's
    year_offset: int | None = None
    gloss: str = ""  # English gloss for notes ("Friday morning")
    note: str = ""  # what the parser noticed (weekday disagreement, reading)


# --------------------------------------------------------------------------
# Compiling the data


@dataclass(frozen=True, slots=True)
class _Grammar:
    arabic: re.Pattern[str]
    latin: re.Pattern[str]
    arabic_firsts: frozenset[str]  # folded words an Arabic expression can start with
    weekday_glued: re.Pattern[str]  # "الخميس22": a weekday a count is typed onto
    latin_firsts: frozenset[str]  # lower-case month and weekday names
    months: dict[str, int]  # folded Arabic month name → 1..12
    guarded: frozenset[str]
    hijri: dict[str, int]
    hijri_era: frozenset[str]
    latin_months: dict[str, int]  # lower-case
    latin_weekdays: dict[str, int]
    weekdays: dict[str, int]
    weekday_en: dict[int, str]
    ordinals: dict[str, int]
    ordinals_before_month: dict[str, int]
    days: dict[str, tuple[int, str, str]]  # phrase → (offset, gloss, guard)
    day_parts: dict[str, str]  # phrase → English
    midnight: dict[str, str]  # phrase → at | after | before (midnight)
    eve_parts: frozenset[str]
    anchors: dict[str, tuple[int, str]]
    # phrase → (shift, gloss, only after "منذ", unit: "month" for the month of the date before)
    anaphora: dict[str, tuple[int, str, bool, str]]
    month_parts: dict[str, str]  # phrase → early|mid|late|end
    part_days: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    week_parts: dict[str, tuple[int, int]]
    weekend: tuple[int, int]  # its first weekday (date.weekday) and how many days
    periods: dict[str, str]  # phrase → week|month|year
    directions: dict[str, str]  # phrase → past|next|this|recent
    units: dict[str, tuple[str, str]]  # phrase → (unit, singular|plural|dual)
    unit_days: dict[str, int]
    unit_months: dict[str, int]
    vague_days: dict[str, int]
    no_vague_span: frozenset[str]  # units whose uncounted span dates nothing
    running_units: dict[str, str]  # "يوم" → day, "أسبوع" → week ("لليوم الثالث على التوالي")
    running_own: dict[str, str]  # "أسبوعها" → week ("دخلت الحملة أسبوعها الرابع")
    bare_followed_by: frozenset[str]
    unambiguous: frozenset[str]  # weekday names that are no other word
    bare_blocked_by: frozenset[str]
    bare_blocked_after: frozenset[str]  # "بين الاثنين" is "between the two"
    bare_names_after: frozenset[str]  # "سوق الخميس" is a market town
    bare_after_suffix: tuple[str, ...]  # "هاتفه الأحد": a pronoun-suffixed word before
    bare_not_after: frozenset[str]  # "الله الأحد"
    bare_after_verbs: frozenset[str]  # "استهدف الجمعة" (folded, with and without و)
    bare_after_nouns: frozenset[str]  # "احتجاجات الاثنين": events of that day
    bare_verb_reach: int  # "استعادت قوات النظام الجمعة": words from the verb
    coming_verbs: frozenset[str]  # "تعقد … الخميس": the coming Thursday
    coming_reach: int
    future_reach: int  # … for a verb with the future's "س"
    coming_stops: frozenset[str]  # a verb of saying nearer: "كرر القول الأربعاء"
    coming_not_after: frozenset[str]  # "قبل أن تبدأ", "كان يعقد": the past
    bare_verb_stops: frozenset[str]  # "… أن الجمعة": another clause between
    today_not_after: frozenset[str]  # "حتى اليوم", "روسيا اليوم"
    tonight_not_after: frozenset[str]  # "تلك الليلة": a night told of, not tonight
    month_part_words: frozenset[str]  # "النصف الثاني من الشهر" is no day
    event_names_before: frozenset[str]  # "ثورة 25 يناير"
    not_year_after: frozenset[str]  # "الأمين العام الحالي"
    bare_year_after: frozenset[str]  # "في 2016"
    compared_after: frozenset[str]  # "مقارنة بالعام الماضي": a baseline, no date
    compared_joins: frozenset[str]  # "مقارنة مع …": the word between
    prep_before: re.Pattern[str]  # "في"/"خلال" right before a span or anaphora


def _distances(data: dict[str, Any]) -> Iterator[tuple[str, tuple[int, str, bool, str]]]:
    """ "بعده بعشرة أيام", "قبلها بيوم": days from the date before, as anaphora."""
    for side, sign in (("after", 1), ("before", -1)):
        for head in data[side]:
            for count, days in data["days"].items():
                en = f"the day {side}" if days == 1 else f"{days} days {side}"
                yield f"{head} {count}", (sign * int(days), en, False, "")


def _folded_map(pairs: Iterable[tuple[object, Any]]) -> dict[str, Any]:
    return {fold_word(str(k)): v for k, v in pairs}


def _lookup(table: dict[str, Any], matched: str) -> Any:
    """The entry for a matched phrase, forgiving the ل-clitic article ("لشهر")."""
    key = re.sub(r"\s+", " ", matched)
    if key in table:
        return table[key]
    return table.get("ا" + key)


def _unit(units: dict[str, tuple[str, str]], word: str) -> tuple[str, str] | None:
    """A unit word's (unit, form), its article taken off: "السنوات", and "لسنوات"
    where the preposition ل has swallowed the article's alef ("للسنوات")."""
    for bare in (word, word.removeprefix("ال"), word.removeprefix("ل")):
        if bare in units:
            return units[bare]
    return None


def _ordinals(data: dict[str, Any]) -> dict[str, int]:
    """Day-of-month ordinals 1–31 composed from the data's parts."""
    units = _folded_map(data["ordinal_units"].items())
    tens = _folded_map(data["ordinal_tens"].items())
    teen = [fold_word(w) for w in data["ordinal_teen"]]
    out = {w: v for w, v in units.items()}
    out.update(tens)
    for w, v in units.items():
        for t in teen:
            if v < 10:
                out[f"{w} {t}"] = v + 10
        for tw, tv in tens.items():
            if v < 10 and v + tv <= 31:
                out[f"{w} و{tw}"] = v + tv
    return out


@cache
def _grammar() -> _Grammar:
    months, weekdays, numbers, rel = (
        load_yaml(f) for f in ("months.yaml", "weekdays.yaml", "numbers.yaml", "relative.yaml")
    )
    g = _Tables(months, weekdays, numbers, rel)
    return _Grammar(
        arabic=re.compile(g.arabic_regex()),
        latin=re.compile(g.latin_regex(), re.IGNORECASE),
        arabic_firsts=g.arabic_firsts(),
        weekday_glued=re.compile(rf"[وف]?(?:{word_alternation(g.tables['weekdays'])})[0-9]+$"),
        latin_firsts=frozenset(
            w.lower() for w in [*g.tables["latin_months"], *g.tables["latin_weekdays"]]
        ),
        **g.tables,
    )


class _Tables:
    """Builds the lookup tables and the regex sources from the four data files."""

    def __init__(self, months: Any, weekdays: Any, numbers: Any, rel: Any) -> None:
        self.m, self.w, self.n, self.r = months, weekdays, numbers, rel
        t: dict[str, Any] = {}
        t["months"] = _folded_map((n, int(k)) for k, ns in months["arabic"].items() for n in ns)
        t["guarded"] = frozenset(fold_word(n) for n in months["guarded"])
        t["hijri"] = _folded_map((n, int(k)) for k, ns in months["hijri"].items() for n in ns)
        t["hijri_era"] = frozenset(fold_word(e) for e in months["hijri_era"])
        t["latin_months"] = {n.lower(): int(k) for k, ns in months["latin"].items() for n in ns}
        t["latin_weekdays"] = {n.lower(): int(k) for k, ns in weekdays["latin"].items() for n in ns}
        t["weekdays"] = _folded_map(
            (n, int(k)) for k, v in weekdays["arabic"].items() for n in v["names"]
        )
        t["weekday_en"] = {int(k): v["en"] for k, v in weekdays["arabic"].items()}
        t["ordinals"] = _ordinals(numbers)
        t["ordinals_before_month"] = _folded_map(numbers["ordinals_before_month"].items())
        t["days"] = _folded_map(
            (w, (int(d["offset"]), d["en"], d.get("guard", "")))
            for d in rel["days"]
            for w in d["words"]
        )
        t["day_parts"] = _folded_map(rel["day_parts"].items())
        t["midnight"] = _folded_map(rel["midnight_parts"].items())
        t["eve_parts"] = frozenset(fold_word(w) for w in weekdays["eve_parts"])
        t["anchors"] = _folded_map(
            (k, (int(v["shift"]), v["en"])) for k, v in rel["anchors"].items()
        )
        t["anaphora"] = _folded_map(
            (w, (int(a["shift"]), a["en"], bool(a.get("since_only")), a.get("unit", "")))
            for a in rel["anaphora"]
            for w in a["words"]
        ) | _folded_map(_distances(rel["distance"]))
        t["month_parts"] = _folded_map(
            (w, part) for part, v in rel["month_parts"].items() for w in v["words"]
        )
        t["part_days"] = {
            p: (int(v["days"][0]), int(v["days"][1]))
            for p, v in rel["month_parts"].items()
            if "days" in v
        }
        t["year_parts"] = {p: (int(a), int(b)) for p, (a, b) in rel["year_parts"].items()}
        t["week_parts"] = {p: (int(a), int(b)) for p, (a, b) in rel["week_parts"].items()}
        t["weekend"] = (int(rel["weekend"]["first"]), int(rel["weekend"]["days"]))
        t["periods"] = _folded_map((w, u) for u, ws in rel["periods"].items() for w in ws)
        t["directions"] = _folded_map(
            [(w, d) for d, ws in rel["directions"].items() for w in ws]
            + [(w, "recent") for w in rel["recent"]]
        )
        t["units"] = self._units()
        running = rel["running"]
        t["running_units"] = _folded_map(
            (w, unit)
            for key in ("units", "possessed")
            for unit, ws in running[key].items()
            for w in ws
        )
        t["running_own"] = _folded_map(
            (w, unit) for unit, ws in running["possessed"].items() for w in ws
        )
        t["unit_days"] = {u: int(v.get("days", 0)) for u, v in rel["units"].items()}
        t["unit_months"] = {u: int(v.get("months", 0)) for u, v in rel["units"].items()}
        t["vague_days"] = {u: int(v["vague_days"]) for u, v in rel["units"].items()}
        t["no_vague_span"] = frozenset(
            u for u, v in rel["units"].items() if not v.get("vague_span", True)
        )
        t["bare_followed_by"] = frozenset(fold_word(w) for w in weekdays["bare_followed_by"])
        t["unambiguous"] = frozenset(fold_word(w) for w in weekdays["unambiguous"])
        t["bare_blocked_by"] = frozenset(fold_word(w) for w in weekdays["bare_blocked_by"])
        t["bare_blocked_after"] = frozenset(fold_word(w) for w in weekdays["bare_blocked_after"])
        t["bare_names_after"] = frozenset(fold_word(w) for w in weekdays["bare_names_after"])
        t["bare_after_suffix"] = tuple(weekdays["bare_after_suffix"])
        t["bare_not_after"] = frozenset(weekdays["bare_not_after"])
        verbs = [fold_word(w) for w in weekdays["bare_after_verbs"]]
        t["bare_after_verbs"] = frozenset(verbs) | frozenset("و" + w for w in verbs)
        nouns = [fold_word(w) for w in weekdays["bare_after_nouns"]]
        t["bare_after_nouns"] = frozenset(p + w for w in nouns for p in ("", "و", "ب", "وب", "ل"))
        t["bare_verb_reach"] = int(weekdays["bare_verb_reach"])
        coming = [fold_word(w) for w in weekdays["coming_verbs"]]
        t["coming_verbs"] = frozenset(p + w for w in coming for p in ("", "و", "ف", "س", "وس"))
        t["coming_reach"] = int(weekdays["coming_reach"])
        t["future_reach"] = int(weekdays["future_reach"])
        t["coming_stops"] = frozenset(fold_word(w) for w in weekdays["coming_stops"])
        t["coming_not_after"] = frozenset(fold_word(w) for w in weekdays["coming_not_after"])
        t["bare_verb_stops"] = frozenset(fold_word(w) for w in weekdays["bare_verb_stops"])
        t["today_not_after"] = frozenset(fold_word(w) for w in rel["today_not_after"])
        t["tonight_not_after"] = frozenset(fold_word(w) for w in rel["tonight_not_after"])
        t["month_part_words"] = frozenset(fold_word(w) for w in rel["month_part_words"])
        t["event_names_before"] = frozenset(fold_word(w) for w in months["event_names_before"])
        t["not_year_after"] = frozenset(fold_word(w) for w in rel["not_year_after"])
        t["bare_year_after"] = frozenset(fold_word(w) for w in rel["bare_year_after"])
        t["compared_after"] = frozenset(fold_word(w) for w in rel["compared_after"])
        t["compared_joins"] = frozenset(fold_word(w) for w in rel["compared_joins"])
        t["prep_before"] = re.compile(
            WB_BEFORE + CLITICS + word_alternation(rel["span_preps"]) + r"\s+$"
        )
        self.tables = t

    def _units(self) -> dict[str, tuple[str, str]]:
        duals = dual_nouns()
        out: dict[str, tuple[str, str]] = {}
        for unit, v in self.r["units"].items():
            nouns = [v["dual"], *self.r.get("extra_duals", {}).get(unit, [])]
            for noun in nouns:
                out.update({fold_word(f): (unit, "dual") for f in duals[noun]})
            out.update({fold_word(f): (unit, "singular") for f in v["singular"]})
            out.update({fold_word(f): (unit, "plural") for f in v["plural"]})
        return out

    def _forms(self, kind: str, article: bool = False) -> str:
        words = [w for w, (_, k) in self.tables["units"].items() if k == kind]
        return word_alternation(["ال" + w if article else w for w in words])

    def arabic_firsts(self) -> frozenset[str]:
        """Words that can begin an Arabic expression: the prefixes and the cores."""
        t, r = self.tables, self.r
        lists: list[Iterable[object]] = [
            t["anchors"], r["since"], r["deadline_before"], t["month_parts"], t["day_parts"],
            r["day_word"], r["month_word"], ["اليوم"], t["anaphora"], t["weekdays"],
            t["months"], t["ordinals"], r["year_words"], r["this_before"], t["periods"],
            t["days"], r["ago"], r["duration_preps"], t["running_units"], r["lasted_after"],
            ["ال" + w for w in t["running_units"]],
            ["ال" + w for w, (_, k) in t["units"].items() if k != "singular"],
            # a span's count before its noun: "خلال الستة الأيام الماضية"
            ["ال" + w for w, v in self.n["units"].items() if v >= 3],
        ]  # fmt: skip
        out: set[str] = set()
        for words in lists:
            out |= first_words(words)
        return with_clitics(out)

    def arabic_regex(self) -> str:
        t, r, alt = self.tables, self.r, word_alternation
        wd = alt(t["weekdays"])
        month = alt(t["months"])
        hijri = alt(t["hijri"])
        of = alt(r["of_words"])
        mword = alt(r["month_word"])
        yword = alt(r["year_words"])
        era = alt([*self.m["gregorian_era"], *self.m["hijri_era"]])
        d = t["directions"]
        past_next_this = alt(w for w, v in d.items() if v in ("past", "next", "this"))
        span_dir = alt(w for w, v in d.items() if v != "before_last")
        past_next = alt(w for w, v in d.items() if v in ("past", "next", "before_last"))
        period_dir = alt(w for w, v in d.items() if v != "recent")
        num = number_pattern()
        ordinal = alt(t["ordinals"])
        # "النصف الثاني من الشهر": an ordinal of a part of the month, not a day.
        not_part = "".join(rf"(?<!{w}\s)" for w in sorted(t["month_part_words"]))
        year = rf"(?:\s*,?\s*(?:{of}\s+)?(?:{yword}\s+)?(?P<yr>\d{{4}})(?:\s*(?P<era>{era}))?)?"
        day_lead = (
            rf"(?:(?:(?P<dwd>{wd})\s*,?\s*)?{ARTICLE}(?P<dnum>\d{{1,2}})\s*(?:{of}\s+)?(?:{mword}\s+)?"
            rf"|(?:(?P<dwd2>{wd})\s*,?\s*)?(?P<dord>{ordinal})\s+{of}\s+(?:{mword}\s+)?"
            rf"|(?:(?P<dwd3>{wd})\s*,?\s*)?(?P<dbare>{alt(t['ordinals_before_month'])})\s+)?"
        )
        # Blocked phrases occupy their span so nothing shorter matches inside.
        # Words BEFORE a core that block it are checked by the builders.
        blocks = (
            rf"{alt(['اليوم'])}\s+{alt(r['today_not_before'])}"
            rf"|{alt(['الليلة'])}\s+{alt(r['tonight_not_before'])}"
        )
        cores = [
            # (before the block: "اليوم الثاني" is no today, but "لليوم الثاني
            # على التوالي" is a date)
            rf"(?P<run>{ARTICLE}(?P<runit>{alt(t['running_units'])})\s+"
            rf"(?:(?P<rord>{ordinal})|(?:الـ?)?(?P<rnum>\d{{1,3}}))\s+{alt(r['running']['words'])}"
            rf"|(?P<runown>{alt(t['running_own'])})\s+(?P<rordown>{ordinal}))",
            rf"(?P<block>{blocks})",
            rf"(?P<ana>{alt(t['anaphora'])})",
            rf"(?P<hijri>(?:(?P<hwd>{wd})\s*,?\s*)?{ARTICLE}(?P<hd>\d{{1,2}})\s*(?:{of}\s+)?(?:{mword}\s+)?"
            rf"(?P<hmon>{hijri})(?:\s*,?\s*(?:{yword}\s+)?(?P<hy>\d{{3,4}}))?(?:\s*(?P<hera>{alt(t['hijri_era'])}))?)",
            rf"(?P<numdate>(?:(?P<nwd>{wd})\s*,?\s*)?(?:(?P<nd>\d{{1,2}})(?P<ns>[/.\-])(?P<nm>\d{{1,2}})(?P=ns)(?P<ny>\d{{4}})"
            rf"|(?P<nY>\d{{4}})(?P<nS>[/.\-])(?P<nM>\d{{1,2}})(?P=nS)(?P<nD>\d{{1,2}}))(?:\s*{era})?)",
            rf"(?P<dm>{day_lead}(?P<mon>{month})(?:\s*(?:[/\-]|\()\s*(?P<mon2>{month})\s*\)?)?{year}"
            rf"(?:\s+(?P<mdir>{past_next_this}))?)",
            rf"(?P<dper>(?:{ARTICLE}(?P<pdnum>\d{{1,2}})|{not_part}(?P<pdord>{ordinal}))\s*{of}\s+"
            rf"(?P<pdper>{alt(['الشهر'])})\s+(?P<pddir>{past_next_this}))",
            rf"(?P<year>(?P<yw>{yword})\s+(?P<yy>\d{{4}})(?:\s*(?P<yera>{era}))?)",
            rf"(?P<period>(?:(?P<pthis>{alt(r['this_before'])})\s+)?(?P<per>{alt(t['periods'])})(?:\s+(?P<pdir>{period_dir}))?)",
            # ("أمس (الأربعاء)": the weekday may stand in brackets)
            rf"(?P<dayw>(?P<dw>{alt(t['days'])})"
            rf"(?:\s*,?\s*(?P<dwpar>\(\s*)?(?P<dwwd>{wd})(?(dwpar)\s*\)))?)",
            rf"(?P<wdc>(?P<wd>{wd})(?:\s+(?P<wddir>{past_next}))?)",
            rf"(?P<lasted>{alt(r['lasted_after'])}\s+(?:(?P<lq>{alt(self.n['approximate'])})\s+)?"
            rf"(?:(?P<ln>{num})\s+(?P<lu>{self._forms('singular')}|{self._forms('plural')})"
            rf"|(?P<ld>{self._forms('dual')})|(?P<ls>{self._forms('singular')}))"
            rf"\s+{alt(r['lasted_of'])}(?=\s+{alt(r['lasted'])}{WB_AFTER}))",
            rf"(?P<ago>(?P<agow>{alt(r['ago'])})\s+(?:(?P<agoq>{alt(self.n['approximate'])})\s+)?"
            rf"(?:(?P<agon>{num})\s+(?P<agonu>{self._forms('singular')}|{self._forms('plural')})"
            rf"|(?P<agod>{self._forms('dual')})|(?P<agop>{self._forms('plural')})"
            rf"|(?P<agos>{self._forms('singular')})))",
            rf"(?P<span>(?:(?P<sdual>{self._forms('dual', True)})"
            rf"|(?P<spl>{self._forms('plural', True)})"
            rf"(?:\s+(?:(?P<sfew>{alt(r['few'])})|(?P<sn>{num})))?"
            rf"|(?P<sn2>{num})\s+(?P<su2>{self._forms('singular')}|{self._forms('plural')})"
            # (the count before its noun, both with the article: "خلال الستة
            # الأيام الماضية")
            rf"|(?P<sn3>{num})\s+(?P<su3>{self._forms('plural', True)}))"
            rf"\s+(?P<sdir>{span_dir}))",
            rf"(?P<dur>(?P<durp>{alt(r['duration_preps'])})\s+{ARTICLE}(?:(?P<dun>{num})\s+"
            rf"(?P<duu>{self._forms('singular')}|{self._forms('plural')})|(?P<dud>{self._forms('dual')}))"
            rf"(?!\s+(?:{span_dir})))",
            r"(?P<bareyear>\d{4})",
            rf"(?P<unanch>(?P<uanchor>{alt(t['anchors'])})\s+[^\s,.;:]+)",
        ]
        pre = (
            rf"(?:(?P<anchor>{alt(t['anchors'])})\s+)?"
            # (the article may stand apart before a day: "منذ الـ 30 مارس")
            rf"(?:(?P<since>{alt(r['since'])})\s+(?:ال\s+(?=\d))?)?"
            # "منتصف ليل الأحد" is midnight, not mid-month: no month part before a day part
            rf"(?:(?:(?P<deadline>{alt(r['deadline_before'])})\s+)?(?P<mpart>{alt(t['month_parts'])})"
            rf"(?!\s+(?:{alt(t['day_parts'])})\s)\s+(?:{of}\s+)?)?"
            rf"(?:(?P<dpart>{alt(t['day_parts'])})\s+)?"
            rf"(?:(?P<yawm>{alt(r['day_word'])})\s+)?"
            rf"(?:(?P<shahr>{mword})\s+)?"
        )
        # "في17 حزيران": a preposition of a point in time typed onto the day
        glued = r"(?:و?في|يوم)(?=[0-9٠-٩])"
        start = rf"{WB_BEFORE}(?:{CLITICS}{pre}|{glued})"
        # "قتل الخميس22 مقاتلا": a weekday with the count typed onto it
        count_glued = "|".join(f"(?<={w})" for w in t["weekdays"])
        end = rf"(?:{WB_AFTER}|(?:{count_glued})(?=[0-9٠-٩]))"
        return start + "(?:" + "|".join(cores) + ")" + end

    def latin_regex(self) -> str:
        def alt(ws: Iterable[str]) -> str:
            return "(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + ")"

        mon, wd = alt(self.tables["latin_months"]), alt(self.tables["latin_weekdays"])
        suffix = alt(self.m["latin_year_suffix"])
        body = (
            rf"(?P<lm1>{mon})\.?\s+(?P<ld1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ly1>\d{{4}})"
            rf"|(?P<ld2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<lm2>{mon})\.?,?\s+(?P<ly2>\d{{4}})"
            rf"|(?P<lm3>{mon})\s+(?P<ly3>\d{{4}})"
        )
        return (
            rf"(?<![\w])(?:(?P<lwd>{wd}),?\s+)?(?:{body})(?:\s*{suffix}(?!\w))?"
            rf"(?:,?\s+(?P<lwd2>{wd}))?(?![\w])"
        )


# --------------------------------------------------------------------------
# Finding


@dataclass(frozen=True, slots=True)
class _Ctx:
    """One match with what a builder needs: the folded and the original text."""

    m: re.Match[str]
    folded: Folded
    text: str
    g: _Grammar

    def group(self, name: str) -> str:
        return self.m.group(name) or ""

    def mention(self, kind: Kind, *, with_prep: bool = False, **fields: Any) -> DateMention:
        fstart = self.m.start()
        if with_prep:  # "في الأيام الماضية": the preposition belongs to the phrase
            prep = self.g.prep_before.search(self.folded.text, max(0, fstart - 24), fstart)
            fstart = prep.start() if prep else fstart
        start, end = self.folded.span(fstart, self.m.end())
        while end < len(self.text) and self.text[end] in _MARKS:
            end += 1  # "غداً", "هـ": the marks fold() dropped belong to the last letter
        return DateMention(start, end, self.text[start:end], kind, **fields)


# Harakat, superscript alef and tatweel: dropped by fold(), written after a letter.
_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"])


def find_dates(text: str) -> list[DateMention]:
    """All date expressions in ``text``, non-overlapping, in text order."""
    g = _grammar()
    folded = fold(text)
    words = words_of(folded.text)  # one tokenisation for both scripts
    found: list[tuple[int, int, DateMention | None]] = []
    starts = word_starts(folded.text, g.arabic_firsts, words)
    glued = [w for w in words if w[-1:].isdigit() and g.weekday_glued.match(w)]
    if glued:  # "الخميس22 مقاتلا" is one word: the weekday starts it
        starts = sorted({*starts, *positions(folded.text, glued)})
    for m in match_at(g.arabic, folded.text, starts):
        found.append((m.start(), m.end(), _build_arabic(_Ctx(m, folded, text, g))))
    if _LATIN_LETTER.search(folded.text):
        for m in match_at(g.latin, folded.text, _latin_starts(g, folded.text, words)):
            found.append((m.start(), m.end(), _build_latin(_Ctx(m, folded, text, g))))
    mentions = [
        m
        for m in _non_overlapping(found)
        if m is not None and not _compares(folded, m) and not _in_a_name(text, m)
    ]
    mentions = _series_fridays(text, folded, mentions)
    if not mentions:
        return mentions
    mentions = _named_days(text, _space_paired(text, mentions))
    return _day_ranges(
        text, folded, _of_the_year(text, folded, _nights(text, folded, mentions, g), g)
    )


def _series_fridays(text: str, folded: Folded, mentions: list[DateMention]) -> list[DateMention]:
    """ "في الجمعة السابعة لمسيرات العودة": the Nth Friday of a protest series the
    news counts by its Fridays (series.yaml) is a day, its first Friday plus
    N−1 weeks; it takes the place of the bare weekday read there."""
    if "جمعه" not in folded.text:
        return mentions  # most clauses: no Friday to read again
    series = _series()
    for m in series.regex.finditer(folded.text):
        n = _series_ordinal(series, m.group("ord"))
        first = _named_series(series, folded.text, m.end())
        if n is None or first is None:
            continue
        start, end = folded.span(m.start("day"), m.end())
        day = first + timedelta(weeks=n - 1)
        mention = DateMention(
            start,
            end,
            text[start:end],
            "date",
            year=day.year,
            month=day.month,
            day=day.day,
            weekday=day.weekday(),
            gloss=f"Friday {n} of a series that began on {first.isoformat()}",
        )
        mentions = [x for x in mentions if x.end <= start or x.start >= end] + [mention]
    return sorted(mentions, key=lambda x: x.start)


@dataclass(frozen=True, slots=True)
class _Series:
    regex: re.Pattern[str]
    units: dict[str, int]
    teen: frozenset[str]
    tens: dict[str, int]
    names: tuple[tuple[str, date], ...]  # folded name, the series' first Friday
    window: int


@cache
def _series() -> _Series:
    data = load_yaml("series.yaml")
    units = _folded_map(data["ordinal_units"].items())
    teen = frozenset(fold_word(w) for w in data["teen"])
    tens = _folded_map(data["tens"].items())
    unit = "|".join(sorted(units, key=len, reverse=True))
    ten = "|".join(sorted(tens, key=len, reverse=True))
    teens = "|".join(sorted(teen, key=len, reverse=True))
    ordinal = rf"(?:{unit})(?:\s+(?:{teens})|\s+و(?:{ten}))?|(?:{ten})"
    regex = re.compile(rf"(?<!\S)(?P<day>[وف]?(?:[بل]?ال|لل)جمعه)\s+(?P<ord>{ordinal})(?!\S)")
    names = tuple(
        (fold(name).text, date.fromisoformat(str(row["first_friday"])))
        for row in data["series"]
        for name in row["names"]
    )
    return _Series(regex, units, teen, tens, names, int(data["window"]))


def _series_ordinal(series: _Series, words: str) -> int | None:
    """ "السابعة" 7, "السابعة عشرة" 17, "الحادية والعشرين" 21, "العشرين" 20."""
    first, *rest = words.split()
    if not rest:
        return series.tens.get(first) or series.units.get(first)
    unit = series.units.get(first)
    if unit is None or unit == 10:
        return None
    if rest[0] in series.teen:
        return unit + 10
    ten = series.tens.get(rest[0].removeprefix("و"))
    return unit + ten if ten else None


def _named_series(series: _Series, folded: str, at: int) -> date | None:
    """The first Friday of the series named within the window after ``at``, in
    the same sentence."""
    after = re.split(r"[.!?؟\n]", folded[at : at + 200], maxsplit=1)[0]
    words = after.split()[: series.window + 4]
    near = " ".join(w.strip('"«»()') for w in words)
    for name, first in series.names:
        i = near.find(name)
        if i >= 0 and len(near[:i].split()) <= series.window:
            return first
    return None


def _space_paired(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "في السابع من سبتمبر أيلول", "في 7 آذار مارس 2018": two names of one
    month side by side, with no "/" between (months.yaml). The second is the
    first's, with its year, not a month of its own that would date the event
    by the month alone."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.kind == "month"
            and prev.kind in ("date", "month")
            and prev.month == m.month
            and prev.year is None
            and _SPACE.fullmatch(text, prev.end, m.start) is not None
        ):
            year, direction = m.year, prev.direction or m.direction
            out[-1] = replace(
                prev, end=m.end, text=text[prev.start : m.end], year=year, direction=direction
            )
            continue
        out.append(m)
    return out


_SPACE = re.compile(r"\s+")


_APPOSED = re.compile(r"[\s,،]*(?:الموافق\s*)?")


def _named_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "اكملت انسحابها اليوم 15 يوليو 2018": the date the text gives a day
    word right after it names that day; the day word is not read apart from
    it (against a publication date a day off, it would date the event twice)."""
    out = []
    for i, m in enumerate(mentions):
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        named = (
            m.kind == "day"
            and after is not None
            and after.kind == "date"
            and after.day is not None
            and after.month is not None
            and _APPOSED.fullmatch(text, m.end, after.start) is not None
        )
        if not named:
            out.append(m)
    return out


def _in_a_name(text: str, m: DateMention) -> bool:
    """ "منطقة الرمادة-البارحة": a word of a place's name joined to the one before
    by a hyphen is no "yesterday". (A weekday after a hyphen is read with the
    one before it: "ليل الاثنين-الثلاثاء".)"""
    return (
        m.kind == "day" and m.start > 1 and text[m.start - 1] == "-" and text[m.start - 2].isalpha()
    )


@cache
def _superlative() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rel = load_yaml("relative.yaml")
    words = word_alternation(rel["superlatives"])
    first = word_alternation(rel["first_time"])
    # the word, with or without the article, then at most two words before "منذ"
    near = re.compile(rf"{WB_BEFORE}[وف]?(?:ال)?(?:{words}){WB_AFTER}(?:\s+\S+){{0,2}}\s*$")
    # "the first time" anywhere before it in the sentence
    anywhere = re.compile(rf"{WB_BEFORE}[وف]?(?:{first}){WB_AFTER}[^.!?؟]*$")
    # the word a little further, when the date comes later in the since-phrase:
    # "أعنف غارات جوية لها في سوريا منذ بدء الحرب الأهلية السورية عام 2011"
    wide = re.compile(
        rf"{WB_BEFORE}[وف]?(?:ال)?(?:{words}){WB_AFTER}[\"']?(?:\s+[^\s،,.]+){{0,5}}\s*$"
    )
    return near, anywhere, wide


def _compares(folded: Folded, m: DateMention) -> bool:
    """ "أعنف هجوم منذ شهر", "المرة الأولى … منذ 2011": a superlative's "since"
    compares; it dates nothing. So does a counted span after a count of
    times: "ثالث حادث تسقط فيه طائرة خلال يومين"."""
    if m.kind == "span" and not m.direction:
        before = folded.text[: folded.folded_index(m.start)]
        return _times().search(before[-100:]) is not None
    if "منذ" not in folded.text:
        return False
    near, anywhere, wide = _superlative()
    before = folded.text[: folded.folded_index(m.start)]
    if not fold_word(m.text).startswith(("منذ", "مذ")):
        # "… منذ بدء النزاع هناك في عام 2011": the "since" opens before the date
        since = before.rfind("منذ")
        if since < 0:
            return False
        # (not once the since-phrase has ended: "وهي الأولى من نوعها منذ أكثر
        # من عقد، وجرت …، بعد قمة بين الكوريتين في أبريل" dates the summit)
        phrase = before[since:]
        ended = _PHRASE_END.search(phrase) is not None
        if not ended and anywhere.search(before[:since]) is not None:
            return True
        # "منذ بدء الحرب … عام 2011": the date of the start the superlative
        # counts from, not "منذ أسابيع على البلدة في 3 مارس" (a span, then the
        # event's own date).
        opens = _since_start().match(phrase) is not None and not ended
        if opens and wide.search(before[:since][-80:]) is not None:
            return True
        # "تصعيد هو الأسوأ منذ حرب غزة العام 2014": since an event the date
        # belongs to, right after the superlative (not "أعنف هجوم منذ أسابيع على
        # البلدة في 3 مارس": a span first, then the event's own date).
        return _since_event(phrase) and near.search(before[:since][-40:]) is not None
    return bool(
        near.search(before[-40:])
        or anywhere.search(before)
        or (_far_superlative().search(before[-120:]) and not _goes_on_before(before[-24:]))
    )


def _goes_on_before(before: str) -> bool:
    """ "في أكبر معركة في الحرب المستمرة منذ نحو ثلاث سنوات": the "since" right
    after a participle of going on (relative.yaml: durative_words) belongs to
    what goes on, not to the superlative."""
    words = before.split()
    return bool(words) and words[-1] in _durative_words()


@cache
def _durative_words() -> frozenset[str]:
    return frozenset(fold_word(w) for w in load_yaml("relative.yaml")["durative_words"])


@cache
def _far_superlative() -> re.Pattern[str]:
    """A superlative (not "أكثر من", a quantity; "الأكثر" is one) up to seven
    words before "منذ", nothing between to end its phrase: "في أعنف موجة هجمات
    للتنظيم الإرهابي في سوريا منذ شهور طويلة"."""
    comparing = word_alternation(_comparing())
    every = word_alternation(load_yaml("relative.yaml")["superlatives"])
    # with the article, "الأكثر دموية" is a superlative too
    word = rf"(?:ال(?:{every})|(?:ال)?(?:{comparing}))"
    return re.compile(rf"{WB_BEFORE}[وف]?{word}{WB_AFTER}(?:\s+[^\s،,.]+){{0,7}}\s*$")


def _comparing() -> list[str]:
    """The superlatives, without "أكثر" ("أكثر من" is a quantity)."""
    return [w for w in load_yaml("relative.yaml")["superlatives"] if w != "أكثر"]


@cache
def _times() -> re.Pattern[str]:
    """A count of times or a superlative (not "أكثر من", a quantity) up to
    eight words before: "ثالث حادث تسقط فيه طائرة عسكرية أميركية خلال يومين"."""
    words = word_alternation([*load_yaml("relative.yaml")["times"], *_comparing()])
    return re.compile(rf"{WB_BEFORE}[وف]?(?:ال)?(?:{words}){WB_AFTER}(?:\s+[^\s،,.]+){{0,8}}\s*$")


# A comma or a full stop ends the since-phrase before a date.
_PHRASE_END = re.compile(r"[،,.!?؟]")


def _since_event(phrase: str) -> bool:
    """The folded since-phrase names an event ("منذ حرب غزة "), not a span of
    time ("منذ أسابيع", "منذ 3 أيام", "منذ بضعة أشهر"), and nothing ends it
    before the date."""
    words = phrase.split()
    if _PHRASE_END.search(phrase) or len(words) < 2:
        return False
    after = words[1]
    return not (after[0].isdigit() or after in _FEW or _unit(_grammar().units, after))


_FEW = frozenset({"بضع", "بضعه", "عده"})  # folded: "بضعة أشهر", "عدة أيام"


@cache
def _since_start() -> re.Pattern[str]:
    """ "منذ بدء", "منذ اندلاع" … at the start of a folded text."""
    return re.compile(
        rf"(?:{word_alternation(load_yaml('relative.yaml')['since_start'])}){WB_AFTER}"
    )


# Between the two days of a night: "ليل الجمعة السبت", "ليلة الأربعاء-الخميس",
# "ليلة الجمعة إلى السبت", "ليلة التاسع والعاشر من مايو".
_NIGHT_LINK = re.compile(r"\s*(?:[-–—/]|و|الي|حتي)?\s*")
_NIGHT_BEFORE = re.compile(r"(?:ليل|ليله)\s+(\S+)\s*$")


def _nights(
    text: str, folded: Folded, mentions: list[DateMention], g: _Grammar
) -> list[DateMention]:
    """A night named by the two days it joins is those two days (a range)."""
    out: list[DateMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # the second day of a night already joined to the first
        if m.kind == "weekday" and (m.eve or m.midnight):
            m = _night_pair(text, folded, m, g) or m
        elif m.kind == "date" and m.day and not m.eve:
            m = _night_of_days(text, folded, m, g) or m
        out.append(m)
    return out


def _night_pair(text: str, folded: Folded, m: DateMention, g: _Grammar) -> DateMention | None:
    """ "ليل الجمعة السبت": the night of Friday to Saturday, read as that Saturday's
    eve; so is its midnight ("منتصف ليل الجمعة السبت"). After that midnight
    ("بعد منتصف ليل الجمعة السبت") is the Saturday, just before it the Friday."""
    end = folded.folded_index(m.end)
    link = _NIGHT_LINK.match(folded.text, end)
    assert link is not None  # the pattern matches the empty string
    word = re.match(r"[\u0621-\u064a]+", folded.text[link.end() :])
    if word is None or word.group() not in g.weekdays:
        return None
    second = int(g.weekdays[word.group()])
    if second != ((m.weekday or 0) + 1) % 7:
        return None  # not the next day: two days named, not a night
    stop = folded.span(link.end(), link.end() + len(word.group()))[1]
    first_en, second_en = g.weekday_en[m.weekday or 0], g.weekday_en[second]
    night = f"the night of {first_en} to {second_en}"
    if m.midnight in ("after", "before"):
        # "بعد منتصف ليل الأربعاء الخميس": after its midnight, the second day
        day = second if m.midnight == "after" else m.weekday
        return replace(m, end=stop, text=text[m.start : stop], weekday=day, gloss=night)
    return replace(m, end=stop, text=text[m.start : stop], weekday=second, eve=True, gloss=night)


def _night_of_days(text: str, folded: Folded, m: DateMention, g: _Grammar) -> DateMention | None:
    """ "ليلة التاسع والعاشر من مايو": the mention found is "والعاشر من مايو"."""
    start = folded.folded_index(m.start)
    if not folded.text.startswith("و", start):
        return None
    before = _NIGHT_BEFORE.search(folded.text, 0, start)
    if before is None or before.group(1) not in g.ordinals:
        return None
    if g.ordinals[before.group(1)] != (m.day or 0) - 1:
        return None
    begin = folded.span(before.start(), before.end())[0]
    return replace(m, start=begin, text=text[begin : m.end], eve=True)


# "9 يناير من العام الماضي", "في مارس من العام الجاري": a day or a month of
# the year named after it (a month alone, "مارس", is a verb too: it counts
# here, where the year follows).
_OF_YEAR_LINK = re.compile(r"\s*(?:من|في)\s*$")
_MONTH_BEFORE = re.compile(r"(?:^|\s)(?:شهر\s+)?([\u0621-\u064a]+)\s+(?:من|في)\s+$")


def _of_the_year(
    text: str, folded: Folded, mentions: list[DateMention], g: _Grammar
) -> list[DateMention]:
    out: list[DateMention] = []
    for m in mentions:
        if m.kind != "period" or m.unit != "year" or m.offset not in (-1, 0, 1) or m.since:
            out.append(m)
            continue
        at = folded.folded_index(m.start)
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("date", "month")
            and prev.year is None
            and prev.calendar == "gregorian"
            and _OF_YEAR_LINK.fullmatch(folded.text[folded.folded_index(prev.end) : at])
        ):
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end], year_offset=m.offset)
            continue
        named = _MONTH_BEFORE.search(folded.text, max(0, at - 30), at)
        if named is not None and named.group(1) in g.months:
            begin = folded.span(named.start(1), named.end(1))[0]
            month = g.months[named.group(1)]
            mention = DateMention(
                begin, m.end, text[begin : m.end], "month", month=month, year_offset=m.offset
            )
            out.append(mention)
            continue
        out.append(m)
    return out


# A range of days: "من 1 إلى 10 مارس", "بين 3 و5 مارس", "18-27 فبراير",
# "بين 18 فبراير و18 مارس", "منذ بدء التصعيد في 18 فبراير، وحتى 18 مارس".
# The words that open it (من، منذ، بين), at most three words before its
# first day; a hyphen needs none.
_RANGE_OPEN = re.compile(r"(?:^|\s)[وف]?(?:من|منذ|بين)\s+(?:\S+\s+){0,3}$")
_RANGE_TO = re.compile(r"\s*[،,]?\s*(?:و\s*)?(?:الي|حتي|لغايه)\s*$")
_RANGE_AND = re.compile(r"\s*و\s*$")
_RANGE_DASH = re.compile(r"\s*[-–]\s*$")
_FIRST_DAY = re.compile(r"(?:^|\s)(\d{1,2})(\s*(?:[-–]|و|الي|حتي|لغايه)?\s*)$")


def _day_ranges(text: str, folded: Folded, mentions: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _next_weekday(text, prev, m):
            # "الاثنين والثلاثاء الماضيين": two days running, one range
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end], until=m)
            continue
        joined = _two_months(text, folded, prev, m) if prev is not None else None
        if joined is not None:
            out[-1] = joined
            continue
        if prev is not None and _year_shared(text, prev, m):
            out[-1] = _with_year_of(prev, m)  # "في يونيو وأكتوبر 2017"
        if m.kind == "date" and m.day and not m.eve:
            if prev is not None and prev.kind == "date" and prev.day and not prev.eve:
                joined = _two_dates(text, folded, prev, m)
                if joined is not None:
                    out[-1] = joined
                    continue
            m = _first_day(text, folded, m) or m
        out.append(m)
    return out


def _two_months(
    text: str, folded: Folded, first: DateMention, last: DateMention
) -> DateMention | None:
    """ "من يونيو إلى أكتوبر من العام الماضي", "منذ يونيو وحتى أكتوبر 2017": two
    months as the ends of one range (not a deadline: "بنهاية فبراير")."""
    ends = (first, last)
    if any(m.kind != "month" or m.calendar != "gregorian" or m.part == "end" for m in ends):
        return None
    if last.since or first.until is not None:
        return None
    if not first.since:
        return _two_dates(text, folded, first, last)
    # "منذ" is the first end's own word; "حتى" closes the span it opens
    between = folded.text[folded.folded_index(first.end) : folded.folded_index(last.start)]
    if _RANGE_TO.fullmatch(between) is None:
        return None
    return replace(first, end=last.end, text=text[first.start : last.end], since=False, until=last)


def _year_shared(text: str, first: DateMention, last: DateMention) -> bool:
    """Two months joined by "و" alone, a year told with the last one only."""
    if first.kind != "month" or last.kind != "month" or first.calendar != last.calendar:
        return False
    if first.year is not None or first.year_offset is not None or first.until is not None:
        return False
    told = last.year is not None or last.year_offset is not None
    return told and _and_alone(text, first, last)


def _with_year_of(first: DateMention, last: DateMention) -> DateMention:
    """The first month in the year told with the last (the year before, when
    it comes later in the calendar: "في ديسمبر ويناير 2018")."""
    back = int(first.month is not None and last.month is not None and first.month > last.month)
    year = None if last.year is None else last.year - back
    offset = None if last.year_offset is None else last.year_offset - back
    return replace(first, year=year, year_offset=offset)


def _next_weekday(text: str, first: DateMention, last: DateMention) -> bool:
    """ "الاثنين والثلاثاء", "يومي الأحد والاثنين": a weekday and the next one,
    joined by "و" alone."""
    if first.kind != "weekday" or last.kind != "weekday" or first.eve or last.eve:
        return False
    if first.weekday is None or last.weekday is None or first.until is not None:
        return False
    return _and_alone(text, first, last) and (first.weekday + 1) % 7 == last.weekday


def _and_alone(text: str, first: DateMention, last: DateMention) -> bool:
    """Nothing but "و" between two mentions (on its own or on the second)."""
    between = text[first.end : last.start].strip()
    return between == "و" or (not between and last.text.startswith("و"))


def _two_dates(
    text: str, folded: Folded, first: DateMention, last: DateMention
) -> DateMention | None:
    """ "بين 3 مارس و5 أبريل": two days joined as the ends of one range."""
    a, b = folded.folded_index(first.end), folded.folded_index(last.start)
    between = folded.text[a:b] + ("و" if folded.text.startswith("و", b) else "")
    opened = _RANGE_OPEN.search(
        folded.text, max(0, folded.folded_index(first.start) - 40), folded.folded_index(first.start)
    )
    if opened is None or _range_link(between) is None:
        return None
    return replace(first, end=last.end, text=text[first.start : last.end], until=last)


def _first_day(text: str, folded: Folded, m: DateMention) -> DateMention | None:
    """ "من 1 إلى 10 مارس": the mention found is "10 مارس"; its range opens at 1."""
    start = folded.folded_index(m.start)
    glued = folded.text.startswith("و", start)  # "بين 3 و5 مارس"
    head = _FIRST_DAY.search(folded.text, max(0, start - 16), start)
    if head is None or not 0 < int(head.group(1)) < (m.day or 0):
        return None
    link = _range_link(head.group(2) + ("و" if glued else ""))
    opened = _RANGE_OPEN.search(folded.text, max(0, head.start(1) - 40), head.start(1))
    if link is None or (link == "word" and opened is None):
        return None
    begin = folded.span(head.start(1), head.end(1))[0]
    return replace(m, start=begin, text=text[begin : m.end], day=int(head.group(1)), until=m)


def _range_link(between: str) -> str | None:
    """What joins a range's two days: "dash" (needs no opening word), "word"
    ("إلى", "حتى", "لغاية", "و"), or None."""
    if _RANGE_DASH.fullmatch(between):
        return "dash"
    if _RANGE_TO.fullmatch(between) or _RANGE_AND.fullmatch(between):
        return "word"
    return None


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")


def _latin_starts(g: _Grammar, folded: str, words: AbstractSet[str]) -> list[int]:
    """Latin-script dates start with a digit, a month or a weekday name."""
    hits = [
        w
        for w in words
        if w.isdigit() or (w[0] < "\u0600" and w.lower() in g.latin_firsts)  # skip Arabic words
    ]
    return positions(folded, hits)


def _non_overlapping(
    found: list[tuple[int, int, DateMention | None]],
) -> Iterator[DateMention | None]:
    """Longest first; a blocked phrase (None) still occupies its span."""
    taken: list[tuple[int, int]] = []
    keep: list[tuple[int, DateMention | None]] = []
    for s, e, mention in sorted(found, key=lambda x: (x[0] - x[1], x[0])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        keep.append((s, mention))
    for _, mention in sorted(keep, key=lambda x: x[0]):
        yield mention


_CORES = (
    "run", "ana", "hijri", "numdate", "dm", "dper", "year", "period", "dayw", "wdc", "lasted",
    "ago", "span", "dur",
)  # fmt: skip


def _build_arabic(c: _Ctx) -> DateMention | None:
    if c.m.group("block") or _compared(c):
        return None
    for name in _CORES:
        if c.m.group(name):
            return _BUILDERS[name](c)
    if c.m.group("bareyear"):
        return _bare_year(c)
    return _unanchored(c)


def _prefix(c: _Ctx, allowed: tuple[str, ...]) -> bool:
    """Whether every prefix the match used is one this core can take.

    A prefix the core cannot take ("منتصف" before a weekday) makes the whole
    match doubtful, so the match is dropped rather than half-read.
    """
    return all(not c.m.group(p) or p in allowed for p in _PREFIXES)


_PREFIXES = ("anchor", "since", "mpart", "dpart", "yawm", "shahr")


def _common(c: _Ctx) -> dict[str, Any]:
    """Fields every builder shares: since, anchor shift, day part gloss."""
    fields: dict[str, Any] = {}
    if c.group("since"):
        fields["since"] = True
    if c.group("anchor"):
        fields["shift"] = _lookup(c.g.anchors, c.group("anchor"))[0]
    return fields


def _part_gloss(c: _Ctx) -> str:
    dpart = c.group("dpart")
    return _lookup(c.g.day_parts, dpart) if dpart else ""


def _note_for_part(c: _Ctx) -> str:
    dpart = re.sub(r"\s+", " ", c.group("dpart"))
    if dpart in c.g.midnight:
        return "around midnight: the event may fall in the early hours of the next day"
    return ""


def _gloss(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _wd_of(c: _Ctx, *groups: str) -> int | None:
    for gname in groups:
        if c.group(gname):
            return int(_lookup(c.g.weekdays, c.group(gname)))
    return None


def _b_anaphora(c: _Ctx) -> DateMention | None:
    shift, en, since_only, unit = _lookup(c.g.anaphora, c.group("ana"))
    # (a month's part before the month: "وفي أواخر الشهر ذاته")
    if not _prefix(c, ("dpart", "since", "mpart") if unit == "month" else ("dpart", "since")):
        return None
    if since_only and not c.group("since"):  # "حتى ذلك الحين" is a deadline
        return None
    since = bool(c.group("since"))
    gloss = _gloss(en, _part_gloss(c))
    part = _month_part(c) if unit == "month" else ""
    return c.mention(
        "anaphora", with_prep=True, shift=shift, since=since, gloss=gloss, unit=unit, part=part
    )


def _b_hijri(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ("anchor", "since", "dpart", "yawm")):
        return None
    if not c.group("hy"):
        return None  # "24 رجب" with no year: which year is a guess
    return c.mention(
        "date",
        year=int(c.group("hy")),
        month=_lookup(c.g.hijri, c.group("hmon")),
        day=int(c.group("hd")),
        calendar="hijri",
        weekday=_wd_of(c, "hwd"),
        **_common(c),
    )


def _b_numdate(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ("anchor", "since", "dpart", "yawm")):
        return None
    if c.group("ny"):
        d, mo, y = int(c.group("nd")), int(c.group("nm")), int(c.group("ny"))
    else:
        d, mo, y = int(c.group("nD")), int(c.group("nM")), int(c.group("nY"))
    note = ""
    if mo > 12 and d <= 12 and c.group("ny"):  # 2/20/2020: only month-first is possible
        d, mo, note = mo, d, "read month-first: day-first is not a real date"
    return c.mention(
        "date", year=y, month=mo, day=d, weekday=_wd_of(c, "nwd"), note=note, **_common(c)
    )


def _b_dm(c: _Ctx) -> DateMention | None:
    """Arabic month names, with or without a day and a year."""
    has_day = bool(c.group("dnum") or c.group("dord") or c.group("dbare"))
    allowed = ("anchor", "since", "dpart", "yawm") if has_day else ("since", "mpart", "shahr")
    if not _prefix(c, allowed):
        return None
    if _prev_word(c) & c.g.event_names_before:
        return None  # "ثورة 25 يناير", "حرب أكتوبر": the name of an event
    month = _lookup(c.g.months, c.group("mon"))
    paired = c.group("mon2")
    if paired and _lookup(c.g.months, paired) != month:
        return None  # "شباط/مارس": the two names disagree
    year = int(c.group("yr")) if c.group("yr") else None
    if c.group("era") and fold_word(c.group("era")) in c.g.hijri_era:
        return None  # a Gregorian month with a Hijri year is a misreading
    direction = _direction(c, "mdir")
    guarded = re.sub(r"\s+", " ", c.group("mon")) in c.g.guarded
    framed = has_day or year or paired or direction or c.group("shahr") or c.group("mpart")
    if guarded and not framed:
        return None  # "آب" alone is "father"; "مارس" alone is "practised"
    if direction and year:
        direction = ""  # "20 فبراير 2020 الماضي" is still that date
    fields = _common(c)
    if has_day:
        day = _day_of_month(c)
        wd = _wd_of(c, "dwd", "dwd2", "dwd3")
        return c.mention(
            "date", year=year, month=month, day=day, weekday=wd, direction=direction, **fields
        )
    part = _month_part(c)
    return c.mention("month", year=year, month=month, direction=direction, part=part, **fields)


def _day_of_month(c: _Ctx) -> int | None:
    if c.group("dnum"):
        return int(c.group("dnum"))
    if c.group("dbare"):
        return _lookup(c.g.ordinals_before_month, c.group("dbare"))
    return _lookup(c.g.ordinals, c.group("dord"))


def _month_part(c: _Ctx) -> str:
    """The part of a month or year the match names. Its end is a deadline's
    last day only after a word of deadline ("حتى نهاية", "بحلول نهاية") or
    "ب" ("بنهاية فبراير"); an event "في نهاية نيسان" happened in its last
    days, a range: its last day would be a date the text never gives."""
    if not c.group("mpart"):
        return ""
    part = _lookup(c.g.month_parts, c.group("mpart"))
    at = c.m.start("mpart")
    if part == "end" and not c.group("deadline") and c.folded.text[max(0, at - 1) : at] != "ب":
        return "late"
    return part


def _b_dper(c: _Ctx) -> DateMention | None:
    """ "20 من الشهر الماضي", "التاسع من الشهر الحالي": a day of a month
    relative to publication."""
    if not _prefix(c, ("anchor", "since", "dpart", "yawm")):
        return None
    direction = _direction(c, "pddir")
    offset = {"past": -1, "next": 1}.get(direction, 0)
    number = c.group("pdnum")
    day = int(number) if number else _lookup(c.g.ordinals, c.group("pdord"))
    return c.mention("date", day=day, offset=offset, direction=direction, **_common(c))


def _b_year(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ("since", "mpart")):
        return None
    era = fold_word(c.group("yera")) if c.group("yera") else ""
    cal: Literal["gregorian", "hijri"] = "hijri" if era in c.g.hijri_era else "gregorian"
    part = _month_part(c)
    return c.mention("year", year=int(c.group("yy")), calendar=cal, part=part, **_common(c))


def _bare_year(c: _Ctx) -> DateMention | None:
    """A bare four-digit year counts only after "منذ", a part ("أواخر 2019")
    or "في" ("في 2016")."""
    framed = (c.group("since") or c.group("mpart")) and _prefix(c, ("since", "mpart"))
    if not framed and not (_prefix(c, ()) and _prev_word(c) & c.g.bare_year_after):
        return None
    part = _month_part(c)
    return c.mention("year", year=int(c.group("bareyear")), part=part, **_common(c))


def _b_period(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ("since", "mpart")):
        return None
    unit = _lookup(c.g.periods, c.group("per"))
    if unit == "year" and not c.group("pthis") and _prev_word(c) & c.g.not_year_after:
        return None  # "الأمين العام الحالي" is the current secretary-general
    direction = _direction(c, "pdir") or ("this" if c.group("pthis") else "")
    if not direction and not (c.group("mpart") or c.group("since")):
        return None  # "العام" alone is "general", "الشهر" alone is no date
    # (a week's end is its weekend, not its late days)
    part = (
        _lookup(c.g.month_parts, c.group("mpart"))
        if unit == "week" and c.group("mpart")
        else _month_part(c)
    )
    weekend = part == "end" and direction in ("past", "before_last")
    if part and unit == "week" and part not in c.g.week_parts and not weekend:
        return None  # "نهاية الأسبوع" alone: the weekend past or to come
    offset = {"before_last": -2, "past": -1, "next": 1}.get(direction, 0)
    gloss = _gloss({-2: "the one before last", -1: "last", 1: "next", 0: "this"}[offset], unit)
    return c.mention(
        "period", unit=unit, offset=offset, direction=direction or "this", part=part,
        gloss=gloss, **_common(c),
    )  # fmt: skip


def _b_dayword(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ("anchor", "since", "dpart", "yawm")):
        return None
    offset, en, guard = _lookup(c.g.days, c.group("dw"))
    framed = bool(c.group("dpart") or c.group("yawm"))
    if not framed and _prev_word(c) & c.g.today_not_after and _is_today_word(c.group("dw")):
        return None  # "حتى اليوم" is "until now"; "روسيا اليوم" is a channel
    wd = _wd_of(c, "dwwd")
    if guard == "tonight" and (_prev_word(c) & c.g.tonight_not_after or _after_will(c)):
        return None  # "تلك الليلة": a night the text tells of; "سيصدر الليلة": to come
    if guard == "part" and not framed:
        return None
    if guard == "edge" and not (framed or wd is not None or _tanween(c) or _at_edge(c, after=True)):
        return None  # "غدا" is also the verb "became"
    gloss = _gloss(c.g.weekday_en[wd] if wd is not None else en, _part_gloss(c))
    return c.mention(
        "day", offset=offset, weekday=wd, gloss=gloss, note=_note_for_part(c), **_common(c)
    )


def _b_weekday(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ("anchor", "since", "dpart", "yawm")):
        return None
    wd = int(_lookup(c.g.weekdays, c.group("wd")))
    direction = _direction(c, "wddir")
    after = _next_word(c)
    if after in c.g.bare_blocked_by:
        return None  # "الأحد عشر" is eleven
    framed = bool(c.group("dpart") or c.group("yawm") or direction or c.group("since"))
    if not framed and _prev_word(c) & c.g.bare_blocked_after and not after.startswith("و"):
        return None  # "بين الاثنين" is between the two
    if not framed and _prev_word(c) & c.g.bare_names_after:
        return None  # "باتجاه سوق الخميس": a place's name
    at_edge = _at_edge(c, after=False) or _at_edge(c, after=True)
    plain = fold_word(c.group("wd")) in c.g.unambiguous
    told = framed or at_edge or plain or after in c.g.bare_followed_by
    coming = not direction and not c.group("since") and _to_come_before(c)
    # ("تعقد منظمة حظر الأسلحة الكيميائية الاثنين اجتماعا": the day of what is
    # scheduled, told after its verb)
    if not (told or coming or _object_before(c) or _place_before(c)):
        return None  # "الجمعة" may be "the assembly"; be conservative
    dpart = re.sub(r"\s+", " ", c.group("dpart"))
    eve = dpart in c.g.eve_parts
    if coming:
        direction = "coming"  # "وتعقد الجامعة العربية بالقاهرة الخميس اجتماعا"
    gloss = _gloss(c.g.weekday_en[wd], _part_gloss(c))
    midnight = c.g.midnight.get(dpart, "")
    return c.mention(
        "weekday",
        weekday=wd,
        direction=direction,
        eve=eve,
        midnight=midnight,
        gloss=gloss,
        **_common(c),
    )


def _to_come_before(c: _Ctx) -> bool:
    """A verb of what is scheduled, in the imperfect, a few words before the
    weekday in its clause ("ويجتمع ترامب مع بوتن، الاثنين" is next Monday).
    An event verb in the past or a verb of saying nearer to the weekday is
    the one it belongs to ("كرر سالفيني القول الأربعاء")."""
    start = c.folded.span(c.m.start(), c.m.end())[0]
    raw = c.text[max(0, start - 160) : start].split()
    words = [fold_word(_HARAKAT.sub("", w).strip("،,")) for w in raw]
    if "كل" in words[-2:]:
        return False  # "تجري تظاهرات كل يوم جمعة": every Friday, no one day
    for i in range(len(words) - 1, max(-1, len(words) - 1 - c.g.future_reach), -1):
        near = len(words) - 1 - i < c.g.coming_reach
        if words[i] in c.g.coming_verbs and (near or _future_marked(words[i])):
            # "قبل أن تبدأ قصفا الخميس", "كان يعقد": told in the past
            return not (set(words[max(0, i - 2) : i]) & c.g.coming_not_after)
        if words[i] in c.g.bare_after_verbs or words[i] in c.g.coming_stops:
            return False
        if raw[i][-1] in ".؟?!:؛;" or raw[i][0] in '"«(':
            return False
    return False


def _after_will(c: _Ctx) -> bool:
    """Right after an imperfect verb with the future's "س" ("سيصدر الليلة",
    "سيكشف، الليلة"), not "سيطر"."""
    m = _WILL.search(c.folded.text, max(0, c.m.start() - 30), c.m.start())
    return m is not None and not m.group(1).startswith("سيطر")


_WILL = re.compile(r"(?:^|\s)و?(س[يتنا][\u0621-\u064a]{2,})\s*,?\s*$")


def _future_marked(word: str) -> bool:
    """ "سيصلون", "وستعقد": the verb says itself that it is to come."""
    return word.startswith(("س", "وس"))


def _b_ago(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ()):
        return None
    if _next_word(c) == "من" and fold_word(c.group("agow")) != "منذ":
        return None  # "قبل يومين من الهجوم": before an event, not before publication
    unit_word = c.group("agonu") or c.group("agod") or c.group("agop") or c.group("agos")
    unit, form = _lookup(c.g.units, unit_word)
    amount: int | None
    if c.group("agon"):
        amount = parse_number(c.group("agon"))
        if amount is None:
            return None
    else:
        amount = {"dual": 2, "singular": 1}.get(form)
    gloss = f"{amount if amount is not None else 'some'} {unit}(s) ago"
    # "قبل أيام" is before today; "منذ أيام" may run up to it
    direction: Direction = "past" if fold_word(c.group("agow")) == "قبل" else ""
    return c.mention(
        "ago",
        unit=unit,
        amount=amount,
        approximate=bool(c.group("agoq")),
        gloss=gloss,
        direction=direction,
    )


def _b_running(c: _Ctx) -> DateMention | None:
    """ "لليوم الخامس على التوالي": the span of those N days, up to the day of
    the report (a span of N − 1 days back)."""
    if not _prefix(c, ()):
        return None
    ordinal = c.group("rord") or c.group("rordown")
    n = int(c.group("rnum")) if c.group("rnum") else _lookup(c.g.ordinals, ordinal)
    if not n or n < 2:
        return None
    unit = _lookup(c.g.running_units, c.group("runit") or c.group("runown"))
    # "للأسبوع الثاني على التوالي" counts whole weeks; "دخلت أسبوعها الرابع"
    # has just entered its fourth (three weeks back)
    days = n - 1 if unit == "day" else 7 * (n - 1) if c.group("runown") else 7 * n - 1
    gloss = f"{unit} {n} running"
    return c.mention("span", unit="day", amount=days, direction="past", gloss=gloss)


def running(text: str, since: bool = False) -> bool:
    """Does ``text`` tell something going on for its Nth day or week running
    (or, with ``since``, since a recent day: "منذ أيام", "منذ يوم الأحد
    الماضي"; not "منذ سنوات" nor "منذ 2011", a situation of years)?"""
    return any(
        (m.kind == "span" and m.gloss.endswith(" running"))
        or (since and m.since and m.kind in ("weekday", "date", "day") and m.year is None)
        or (since and m.kind == "ago" and m.unit in ("hour", "day", "week") and "منذ" in m.text)
        for m in find_dates(text)
    )


def _b_span(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ()):
        return None
    direction = _lookup(c.g.directions, c.group("sdir"))
    if direction == "this":
        return None
    direction = "past" if direction == "recent" else direction
    found = _unit(c.g.units, c.group("sdual") or c.group("spl") or c.group("su2") or c.group("su3"))
    if found is None:
        return None
    unit, form = found
    amount: int | None = None
    if form == "dual":
        amount = 2
    elif c.group("sn") or c.group("sn2") or c.group("sn3"):
        amount = parse_number(c.group("sn") or c.group("sn2") or c.group("sn3"))
        if amount is None:
            return None
    gloss = f"the {'past' if direction == 'past' else 'coming'} {amount or 'few'} {unit}(s)"
    return c.mention(
        "span", with_prep=True, unit=unit, amount=amount, direction=direction, gloss=gloss
    )


def _b_lasted(c: _Ctx) -> DateMention | None:
    """ "بعد ثلاثة أسابيع من القتال": the fighting went on over the three weeks
    up to the clause's day, a span in the past."""
    if not _prefix(c, ()):
        return None
    found = _unit(c.g.units, c.group("lu") or c.group("ld") or c.group("ls"))
    if found is None:
        return None
    unit, form = found
    amount = (
        {"dual": 2, "singular": 1}.get(form) if not c.group("ln") else parse_number(c.group("ln"))
    )
    if not amount:
        return None
    gloss = f"over the {amount} {unit}(s) before"
    return c.mention(
        "span",
        unit=unit,
        amount=amount,
        direction="past",
        approximate=bool(c.group("lq")),
        gloss=gloss,
    )


def _b_duration(c: _Ctx) -> DateMention | None:
    """ "خلال خمسة أيام": a span of a count of units, with no direction."""
    if not _prefix(c, ()):
        return None
    found = _unit(c.g.units, c.group("duu") or c.group("dud"))
    if found is None:
        return None
    unit, form = found
    amount = 2 if form == "dual" else parse_number(c.group("dun"))
    if not amount:
        return None
    return c.mention("span", unit=unit, amount=amount, gloss=f"over {amount} {unit}(s)")


def _unanchored(c: _Ctx) -> DateMention | None:
    if not _prefix(c, ()):
        return None
    shift, en = _lookup(c.g.anchors, c.group("uanchor"))
    return c.mention("unanchored", shift=shift, gloss=en)


_BUILDERS = {
    "run": _b_running,
    "ana": _b_anaphora,
    "hijri": _b_hijri,
    "numdate": _b_numdate,
    "dm": _b_dm,
    "dper": _b_dper,
    "year": _b_year,
    "period": _b_period,
    "dayw": _b_dayword,
    "wdc": _b_weekday,
    "lasted": _b_lasted,
    "ago": _b_ago,
    "span": _b_span,
    "dur": _b_duration,
}


def _build_latin(c: _Ctx) -> DateMention | None:
    g = c.g
    mon = c.group("lm1") or c.group("lm2") or c.group("lm3")
    month = g.latin_months[mon.lower()]
    year = int(c.group("ly1") or c.group("ly2") or c.group("ly3"))
    wd_word = c.group("lwd") or c.group("lwd2")
    wd = g.latin_weekdays[wd_word.lower()] if wd_word else None
    day_s = c.group("ld1") or c.group("ld2")
    if not day_s:
        return c.mention("month", year=year, month=month)
    return c.mention("date", year=year, month=month, day=int(day_s), weekday=wd)


def _direction(c: _Ctx, group: str) -> Direction:
    word = c.group(group)
    if not word:
        return ""
    d = _lookup(c.g.directions, word)
    return d if d in ("past", "next", "this", "before_last") else ""


def _compared(c: _Ctx) -> bool:
    """ "مقارنة بالعام الماضي", "مقارنة مع الأسابيع الماضية": the time is a
    baseline compared with, not when anything happened."""
    head = c.folded.text[max(0, c.m.start() - 30) : c.m.start()]
    words = re.findall(r"[^\s,.;:!?\"'()]+", head)[-2:]
    if words and words[-1] in c.g.compared_joins:
        words = words[:-1]
    return bool(words) and words[-1] in c.g.compared_after


def _prev_word(c: _Ctx) -> set[str]:
    """The word before the match, as written and without one clitic letter."""
    m = re.search(r"([^\s,.;:!?\"'()]+)\s*$", c.folded.text[max(0, c.m.start() - 30) : c.m.start()])
    if not m:
        return set()
    word = m.group(1)
    return {word, word[1:]} if word[0] in "وفبلك" else {word}


def _is_today_word(word: str) -> bool:
    return re.sub(r"\s+", " ", word) in ("اليوم", "ليوم")


_HARAKAT = re.compile(r"[\u064b-\u0652]")


def _object_before(c: _Ctx) -> bool:
    """The word before is an event verb ("استهدف") or plural noun ("احتجاجات"),
    or ends in an object pronoun ("هاتفه", "بهما"). Read in the original text:
    folding writes ة as ه ("الجمعة والإثنين")."""
    start = c.folded.span(c.m.start(), c.m.end())[0]
    m = re.search(r"(\S+)\s+$", c.text[max(0, start - 40) : start])
    if not m:
        return False
    word = _HARAKAT.sub("", m.group(1))
    folded = fold_word(word)
    if folded in c.g.bare_after_verbs or folded in c.g.bare_after_nouns:
        return True
    if _verb_reaches(c, start):
        return True
    return (
        len(word) >= 3 and word not in c.g.bare_not_after and word.endswith(c.g.bare_after_suffix)
    )


def _place_before(c: _Ctx) -> bool:
    """Right after the place an event happened in ("حمّلت الحكومة … في اليمن
    الجمعة ميليشيات الحوثي", "في بلدة السماوة الأحد"): where, then when."""
    from sitegen.extract.places import find_places  # the gazetteer, loaded once

    start = c.folded.span(c.m.start(), c.m.end())[0]
    window = c.text[max(0, start - 60) : start]
    found = find_places(window)
    if not found or window[found[-1].end :].strip():
        return False
    return _IN_PLACE.search(window, 0, found[-1].start) is not None or found[-1].text.startswith(
        "ب"
    )


_IN_PLACE = re.compile(r"(?:^|\s)[وف]?(?:في|ب)\s*$")


def _verb_reaches(c: _Ctx, start: int) -> bool:
    """An event verb a few words before, its subject between ("قتل قناص
    إسرائيلي الجمعة"), and no punctuation: the day is the verb's."""
    words = c.text[max(0, start - 120) : start].split()
    for word in reversed(words[max(0, len(words) - c.g.bare_verb_reach) :]):
        if word[-1] in _EDGE or word[0] in _EDGE:
            return False
        folded = fold_word(_HARAKAT.sub("", word))
        if folded in c.g.bare_verb_stops:
            return False
        if folded in c.g.bare_after_verbs:
            return True
    return False


def _next_word(c: _Ctx) -> str:
    m = re.match(r"\s*([^\s,.;:!?\"'()]+)", c.folded.text[c.m.end() : c.m.end() + 40])
    return m.group(1) if m else ""


_EDGE = set(",.;:!?()[]\"'-–—\n")


def _at_edge(c: _Ctx, *, after: bool) -> bool:
    """Punctuation, a line break or the text's end right before/after the match."""
    t = c.folded.text
    if after:
        rest = t[c.m.end() :].lstrip(" \t")
        return not rest or rest[0] in _EDGE
    head = t[: c.m.start()].rstrip(" \t")
    return not head or head[-1] in _EDGE


def _tanween(c: _Ctx) -> bool:
    """The original spelling has fathatan (غداً): the adverb, not the verb."""
    start, end = c.folded.span(c.m.start(), c.m.end())
    return "\u064b" in c.text[start : end + 1]


# --------------------------------------------------------------------------
# Resolving


def resolve(
    m: DateMention,
    published: date | None,
    *,
    week_start: int = WEEK_START_SUNDAY,
    context: DateRef | None = None,
) -> DateRef:
    """Place ``m`` on the calendar; undated (with a note) when the text cannot."""
    if m.until is not None:
        return _range_of(m, published, week_start, context)
    try:
        ref = _RESOLVERS[m.kind](m, published, week_start, context)
        if ref.is_dated:  # "غداة 31 ديسمبر 9999": the day after can leave the calendar too
            ref = _apply_since_and_shift(m, ref, published)
    except ValueError as exc:  # a day that does not exist: 31 شباط
        return DateRef.undated(m.text, f"not a calendar date ({exc})")
    except OverflowError:  # "منذ 99999999999 يوم"
        return DateRef.undated(m.text, "not a calendar date (too far from any date)")
    if ref.is_dated and not _in_timeline_years(ref):
        first, last = TIMELINE_YEARS
        return DateRef.undated(
            m.text, f"not read as a date: outside the years {first}–{last} a timeline covers"
        )
    return replace(ref, note=_join(ref.note, m.note) if ref.is_dated else ref.note)


def _range_of(
    m: DateMention, published: date | None, week_start: int, context: DateRef | None
) -> DateRef:
    """A range told by its two ends: the first day to the last. Ends that do not
    follow each other make no range: the last end alone stands. Ends more than
    a year apart ("في الفترة بين 1 يناير 2017 و20 يناير 2018") date no event:
    undated, not the last day (nor a span the timeline would show as one)."""
    assert m.until is not None
    until = m.until
    if m.kind == "month" and m.year is not None and until.year is None and until.month:
        # "من يونيو 2017 إلى أكتوبر": the last end is in the first's year (or the next)
        until = replace(until, year=m.year + (until.month <= (m.month or 0)))
    last = resolve(until, published, week_start=week_start, context=context)
    # "من 1 يناير الى 31 ديسمبر 2017": a first end without its year is the
    # last such day on or before the range's last one, not before publication.
    opening = replace(m, until=None)
    unyeared = m.year is None and m.year_offset is None and m.month is not None
    if m.kind in ("date", "month") and unyeared and last.end is not None:
        opening, published = replace(opening, direction="past"), last.end
    first = resolve(opening, published, week_start=week_start, context=context)
    if first.start is not None and last.end is not None and (last.end - first.start).days > 366:
        return DateRef.undated(m.text, "a span of more than a year, from one day to another")
    if first.start is None or last.end is None or not 0 < (last.end - first.start).days <= 366:
        return replace(last, text=m.text)
    return DateRef(first.start, last.end, "range", m.text, last.basis, last.note)


def _in_timeline_years(ref: DateRef) -> bool:
    assert ref.start is not None and ref.end is not None
    first, last = TIMELINE_YEARS
    return first <= ref.start.year and ref.end.year <= last


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _undated_no_pub(m: DateMention, what: str = "") -> DateRef:
    label = m.gloss or what or "relative date"
    return DateRef.undated(m.text, f"{label} — article has no publication date")


def _day(m: DateMention, d: date, basis: Basis, note: str = "") -> DateRef:
    return DateRef(d, d, "day", m.text, basis, note)


def _span_ref(
    m: DateMention, s: date, e: date, precision: Precision, basis: Basis, note: str = ""
) -> DateRef:
    if s == e and precision in ("range", "approx") and not m.approximate:
        precision = "day" if precision == "range" else precision
    return DateRef(s, e, precision, m.text, basis, note)


def _month_end(y: int, mo: int) -> date:
    return date(y, mo, calendar.monthrange(y, mo)[1])


def _add_months(y: int, mo: int, k: int) -> tuple[int, int]:
    n = y * 12 + (mo - 1) + k
    return n // 12, n % 12 + 1


def _month_year(month: int, direction: Direction, published: date) -> int:
    """The year of a month named without one, relative to publication."""
    here = published.year * 12 + published.month - 1
    if direction == "past":  # strictly before the publication month
        back = (published.month - month) % 12 or 12
        return (here - back) // 12
    if direction == "next":
        ahead = (month - published.month) % 12 or 12
        return (here + ahead) // 12
    back = (published.month - month) % 12  # nearest; a tie (6 months) goes to the past
    return (here - back) // 12 if back <= 6 else (here + 12 - back) // 12


def _r_date(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    assert m.month is not None or m.offset is not None
    if m.calendar == "hijri":
        assert m.year is not None and m.month is not None and m.day is not None
        d = date(*Hijri(m.year, m.month, m.day).to_gregorian().datetuple())
        return _check_weekday(m, _day(m, d, "explicit"))
    if m.year is not None and m.month is not None and m.day is not None:
        return _check_weekday(m, _day(m, date(m.year, m.month, m.day), "explicit"))
    if pub is None:
        return _undated_no_pub(m, "a date with no year")
    if m.year_offset is not None and m.month is not None and m.day is not None:
        d = date(pub.year + m.year_offset, m.month, m.day)
        return _check_weekday(m, _day(m, d, "relative"))
    if m.month is None:  # "20 من الشهر الماضي"
        y, mo = _add_months(pub.year, pub.month, m.offset)
    else:
        mo, day = m.month, m.day or 1
        years = (pub.year - 1, pub.year, pub.year + 1)
        if m.direction == "past":  # "2 شباط الماضي": the latest one on or before publication
            y = max(yy for yy in years if _on_or_before(yy, mo, day, pub))
        elif m.direction == "next":
            y = min(yy for yy in years if not _on_or_before(yy, mo, day, pub))
        else:  # the occurrence of that day nearest publication
            y = min(years, key=lambda yy: _distance(yy, mo, day, pub))
    assert m.day is not None
    ref = _check_weekday(m, _day(m, date(y, mo, m.day), "relative"))
    if m.eve and ref.start is not None:  # "ليلة التاسع والعاشر من مايو"
        return replace(ref, start=ref.start - timedelta(days=1), precision="range")
    return ref


def _on_or_before(y: int, mo: int, d: int, pub: date) -> bool:
    return (y, mo, d) <= (pub.year, pub.month, pub.day)


def _distance(y: int, mo: int, d: int, pub: date) -> int:
    try:
        return abs((date(y, mo, d) - pub).days)
    except ValueError:
        return 10**6


def _check_weekday(m: DateMention, ref: DateRef) -> DateRef:
    if m.weekday is None or ref.start is None or ref.start.weekday() == m.weekday:
        return ref
    names = calendar.day_name
    note = f"the text says {names[m.weekday]}, but {ref.start} is a {names[ref.start.weekday()]}"
    return replace(ref, note=note)


def _r_month(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    assert m.month is not None
    basis: Basis = "explicit" if m.year is not None else "relative"
    if m.year is not None:
        y = m.year
    elif pub is None:
        return _undated_no_pub(m, "a month with no year")
    elif m.year_offset is not None:
        y = pub.year + m.year_offset
    else:
        y = _month_year(m.month, m.direction, pub)
    return _month_ref(m, y, m.month, basis)


def _month_ref(m: DateMention, y: int, mo: int, basis: Basis) -> DateRef:
    last = _month_end(y, mo)
    if m.part == "end":  # a deadline: "بنهاية فبراير" is its last day
        return _day(m, last, basis, "end of month: read as its last day")
    if m.part:
        a, b = _grammar().part_days[m.part]
        return DateRef(date(y, mo, a), date(y, mo, min(b, last.day)), "range", m.text, basis)
    return DateRef(date(y, mo, 1), last, "month", m.text, basis)


def _r_year(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    assert m.year is not None
    if m.calendar == "hijri":
        s = date(*Hijri(m.year, 1, 1).to_gregorian().datetuple())
        e = date(*Hijri(m.year + 1, 1, 1).to_gregorian().datetuple()) - timedelta(days=1)
        return DateRef(s, e, "range", m.text, "explicit", f"Hijri year {m.year}")
    return _year_ref(m, m.year, "explicit")


def _year_ref(m: DateMention, y: int, basis: Basis) -> DateRef:
    if m.part == "end":
        return _day(m, date(y, 12, 31), basis, "end of year: read as its last day")
    if m.part:
        a, b = _grammar().year_parts[m.part]
        return DateRef(date(y, a, 1), _month_end(y, b), "range", m.text, basis)
    return DateRef(date(y, 1, 1), date(y, 12, 31), "year", m.text, basis)


def _week_start(d: date, ws: int) -> date:
    return d - timedelta(days=(d.weekday() - ws) % 7)


def _r_period(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    if pub is None:
        return _undated_no_pub(m)
    if m.unit == "week":
        s = _week_start(pub, ws) + timedelta(weeks=m.offset)
        if m.part == "end":  # "نهاية الأسبوع الماضي": its weekend, Friday to Sunday
            friday, days = _grammar().weekend
            begins = s + timedelta(days=(friday - s.weekday()) % 7)
            ends = min(begins + timedelta(days=days - 1), pub)
            return DateRef(begins, ends, "range", m.text, "relative")
        if m.part:  # "أوائل الأسبوع": some days of it, cut at publication if it is on
            a, b = _grammar().week_parts[m.part]
            first, last = s + timedelta(days=a), s + timedelta(days=b)
            last = min(last, pub) if first <= pub else last
            return DateRef(first, last, "range", m.text, "relative")
        return DateRef(s, s + timedelta(days=6), "week", m.text, "relative")
    if m.unit == "month":
        y, mo = _add_months(pub.year, pub.month, m.offset)
        return _month_ref(m, y, mo, "relative")
    return _year_ref(m, pub.year + m.offset, "relative")


def _r_day(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    if pub is None:
        return _undated_no_pub(m)
    d = pub + timedelta(days=m.offset)
    behind = (d.weekday() - m.weekday) % 7 if m.weekday is not None else 0
    if m.weekday is not None and 0 < behind <= _WRITTEN_BEFORE:
        # "صباح اليوم (الخميس)" in Friday's news: written the day before its
        # date, as nearly every such contradiction in the news is (see
        # written_day_before, which shifts a whole article whose claims agree);
        # "غارة أخرى اليوم الخميس" in Saturday's, a wire story two days old.
        when = "the day" if behind == 1 else f"{behind} days"
        note = f"the text says {calendar.day_name[m.weekday]}: written {when} before {pub}"
        return _day(m, d - timedelta(days=behind), "relative", note)
    return _check_weekday(m, _day(m, d, "relative"))


# How many days before its date an article may have been written, when the
# weekday it gives to today (or yesterday) says so; further apart, the claim is
# a slip (sitegen check warns of it).
_WRITTEN_BEFORE = 2


def _r_weekday(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    assert m.weekday is not None
    if pub is None:
        return _undated_no_pub(m)
    back = (pub.weekday() - m.weekday) % 7
    if m.direction == "next":
        d = pub + timedelta(days=(m.weekday - pub.weekday()) % 7 or 7)
    elif m.direction == "coming":  # today, or the coming such day
        d = pub + timedelta(days=(m.weekday - pub.weekday()) % 7)
    elif m.direction == "past":
        d = pub - timedelta(days=back or 7)
    elif m.direction == "before_last":  # a week before the last such day
        d = pub - timedelta(days=(back or 7) + 7)
    else:  # the most recent such day on or before publication
        d = pub - timedelta(days=back)
    if m.eve:
        note = "night of or before that day (Arab usage: ليلة الجمعة is Thursday night)"
        return DateRef(d - timedelta(days=1), d, "range", m.text, "relative", note)
    return _day(m, d, "relative")


def _r_ago(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    if pub is None:
        return _undated_no_pub(m)
    g = _grammar()
    if m.amount is None or m.unit == "hour":
        if m.unit == "hour" and m.amount is not None and m.amount >= 24:
            back = timedelta(days=m.amount // 24)
            return _span_ref(m, pub - back - timedelta(days=1), pub - back, "approx", "relative")
        days = g.vague_days[m.unit]
        start = pub - timedelta(days=days)
        # "قبل أيام": some days (two or more) before publication, not on its day
        # nor the day before, which "أمس" would name
        end = pub - timedelta(days=2) if m.direction == "past" and m.unit == "day" else pub
        return _span_ref(m, start, end, "approx" if days <= 14 else "range", "relative")
    if m.unit == "day":
        d = pub - timedelta(days=m.amount)
        if m.approximate:
            return _span_ref(m, d - timedelta(days=1), d + timedelta(days=1), "approx", "relative")
        return _day(m, d, "relative")
    if m.unit == "week":
        d = pub - timedelta(weeks=m.amount)
        return _span_ref(
            m, d - timedelta(days=3), min(d + timedelta(days=3), pub), "approx", "relative"
        )
    months = g.unit_months[m.unit] * m.amount
    y, mo = _add_months(pub.year, pub.month, -months)
    if m.unit == "year":
        return DateRef(date(y, 1, 1), date(y, 12, 31), "year", m.text, "relative")
    return DateRef(date(y, mo, 1), _month_end(y, mo), "month", m.text, "relative")


@cache
def _more_than_words() -> re.Pattern[str]:
    words = load_yaml("relative.yaml")["ago_more_than"]
    return re.compile(rf"{WB_BEFORE}(?:{word_alternation(words)}){WB_AFTER}")


def _more_than(text: str) -> bool:
    return _more_than_words().search(fold(text).text) is not None


def _r_span(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    if pub is None:
        return _undated_no_pub(m)
    if not m.direction:  # "خلال 48 ساعة": a deadline as often as a past span
        return DateRef.undated(m.text, "a span with no direction: over when is not told")
    g = _grammar()
    if m.amount is None and m.unit in g.no_vague_span and m.direction != "next":
        # "خلال الأشهر الماضية": over months gone by, not counted
        return DateRef.undated(m.text, f"a span of {m.unit}s with no count: over when is not told")
    if m.amount is None:
        days, vague = g.vague_days[m.unit], True
    elif g.unit_months[m.unit]:
        y, mo = _add_months(pub.year, pub.month, -g.unit_months[m.unit] * m.amount)
        days, vague = (pub - date(y, mo, min(pub.day, calendar.monthrange(y, mo)[1]))).days, False
    else:
        days = max(g.unit_days[m.unit] * m.amount, 1)
        vague = m.unit == "hour"
    if m.direction == "next":
        s, e = pub, pub + timedelta(days=days)
    else:
        s, e = pub - timedelta(days=days), pub
    precision: Precision = "approx" if vague and days <= 14 else "range"
    return _span_ref(m, s, e, precision, "relative")


def _r_anaphora(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    if ctx is None or not ctx.is_dated:
        return DateRef.undated(
            m.text, f"{m.gloss or 'refers back'}: no earlier date in the article"
        )
    assert ctx.start is not None and ctx.end is not None
    if m.unit == "month":  # "في ذات الشهر": the month of the date before, whole
        if (ctx.start.year, ctx.start.month) != (ctx.end.year, ctx.end.month):
            return DateRef.undated(m.text, f"{m.gloss} '{ctx.text}', which spans months")
        first = ctx.start.replace(day=1)
        last = _month_end(first.year, first.month)
        note = f"the month of '{ctx.text}'"
        if m.part:  # "أواخر الشهر ذاته": its late days
            a, b = _grammar().part_days["late" if m.part == "end" else m.part]
            return DateRef(first.replace(day=a), first.replace(day=min(b, last.day)), "range",
                           m.text, "inherited", note)  # fmt: skip
        return DateRef(first, last, "month", m.text, "inherited", note)
    if m.shift == 0:
        return DateRef(
            ctx.start, ctx.end, ctx.precision, m.text, "inherited", f"same as '{ctx.text}'"
        )
    if ctx.precision != "day":
        return DateRef.undated(m.text, f"{m.gloss} a {ctx.precision}, not a day ('{ctx.text}')")
    d = ctx.start + timedelta(days=m.shift)
    return _day(m, d, "inherited", f"{m.gloss} '{ctx.text}'")


def _r_unanchored(m: DateMention, pub: date | None, ws: int, ctx: DateRef | None) -> DateRef:
    return DateRef.undated(m.text, f"{m.gloss} an event the text does not date")


_RESOLVERS = {
    "date": _r_date,
    "month": _r_month,
    "year": _r_year,
    "period": _r_period,
    "day": _r_day,
    "weekday": _r_weekday,
    "ago": _r_ago,
    "span": _r_span,
    "anaphora": _r_anaphora,
    "unanchored": _r_unanchored,
}


def _apply_since_and_shift(m: DateMention, ref: DateRef, pub: date | None) -> DateRef:
    """ "منذ X" stretches X to publication; "غداة X" moves a day by one."""
    start = ref.start
    assert start is not None
    if m.kind != "anaphora" and m.shift:
        if ref.precision != "day":
            return DateRef.undated(m.text, f"{m.gloss or 'shifted'} a {ref.precision}, not a day")
        start = start + timedelta(days=m.shift)
        ref = replace(ref, start=start, end=start)
    if not m.since:
        return ref
    if pub is None:
        return DateRef.undated(
            m.text, f"since {ref.start}: open-ended, article has no publication date"
        )
    if start > pub:
        return DateRef.undated(m.text, f"since {start}, which is after publication ({pub})")
    basis: Basis = "relative"
    if start == pub:
        return DateRef(pub, pub, "day", m.text, basis, ref.note)
    return DateRef(
        ref.start, pub, "range", m.text, basis, _join(ref.note, "from then to publication")
    )


# --------------------------------------------------------------------------
# Publication date and weekday checks


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _today_claims(mentions: list[DateMention]) -> list[DateMention]:
    """ "اليوم الأربعاء": the text names today's weekday."""
    return [m for m in mentions if m.kind == "day" and m.weekday is not None and not m.shift]


def infer_publication(text: str) -> Published | None:
    """The publication date from the text alone, or None when it is not reliable.

    Full calendar dates (day, month and year) are candidates; a claim like
    "اليوم الأربعاء" must agree with the chosen one. With several different
    dates, the latest agreeing one wins; with contradictory claims, none.
    """
    mentions = find_dates(text)
    dated: dict[date, list[DateMention]] = {}
    for m in mentions:
        if m.kind == "date" and m.year is not None and not m.shift and not m.since:
            ref = resolve(m, None)
            if ref.start is not None and ref.precision == "day":
                dated.setdefault(ref.start, []).append(m)
    if not dated:
        return None
    claims = [c for c in _today_claims(mentions) if c.offset == 0]
    claimed = {c.weekday for c in claims}
    if len(claimed) > 1:
        return None  # the text names two different weekdays as today
    candidates = sorted(dated, reverse=True)
    if claimed:
        candidates = [d for d in candidates if d.weekday() in claimed]
        if not candidates:
            return None
    best = candidates[0]
    ms = dated[best]
    lines = tuple(sorted({_line(text, m.start) for m in ms}))
    claim = claims[0] if claims else None
    proof = DateEvidence(
        ms[0].text,
        lines,
        claim.text if claim else "",
        _line(text, claim.start) if claim else 0,
        len(dated),
    )
    return Published(best, "text", _evidence(proof), _line(text, ms[0].start), proof)


def _evidence(p: DateEvidence) -> str:
    """The evidence in English, for `sitegen check` (pages say it in their language)."""
    lines = list(p.lines)
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {_and(lines)}"
    out = f"'{p.text}' ({where})"
    if p.claim:
        return out + f" agrees with '{p.claim}' (line {p.claim_line})"
    if p.dates == 1:
        return out + " is the only full date in the text"
    return out + f" is the latest of {p.dates} full dates; no weekday confirms it"


def _and(items: list[int]) -> str:
    return ", ".join(map(str, items[:-1])) + f" and {items[-1]}"


def written_day_before(text: str, published: date) -> bool:
    """Every weekday the text gives to today or yesterday ("اليوم الأحد", "أمس
    السبت") is one day behind the publication date: the article was written the
    day before it was dated (a Monday's date on Sunday's news; nearly every
    such contradiction in the corpus's news is one day behind)."""
    if not _contradicted(text, published.weekday()):
        return False  # the usual case, found without reading every date in the text
    mentions = find_dates(text)
    claims = _today_claims(mentions)
    day = published - timedelta(days=1)
    # A bare "الخميس" in Thursday's paper written on Wednesday may be the
    # coming day (a meeting called for it) or the last one: the day of
    # writing is then no safer a reference than the date.
    tomorrow = any(
        m.kind == "weekday" and not m.direction and m.weekday == published.weekday()
        for m in mentions
    )
    return (
        bool(claims)
        and not tomorrow
        and all((day + timedelta(days=m.offset)).weekday() == m.weekday for m in claims)
    )


def weekday_warnings(text: str, published: date) -> list[tuple[int, str]]:
    """(line, message) where the text names a weekday the publication date contradicts.

    "اليوم الجمعة" says today is Friday; "أمس الخميس" says yesterday was
    Thursday. One warning per claim, on its first line; later repeats are
    listed in the message.
    """
    if not _contradicted(text, published.weekday()):
        return []  # the usual case, found without reading every date in the text
    seen: dict[tuple[int, int], tuple[int, DateMention, list[int]]] = {}
    for m in _today_claims(find_dates(text)):
        assert m.weekday is not None
        actual = published + timedelta(days=m.offset)
        if actual.weekday() == m.weekday:
            continue
        key = (m.offset, m.weekday)
        line = _line(text, m.start)
        if key in seen:
            seen[key][2].append(line)
        else:
            seen[key] = (line, m, [])
    out = []
    names = calendar.day_name
    for (offset, wd), (line, m, more) in seen.items():
        day = published + timedelta(days=offset)
        which = "the publication date" if offset == 0 else "that day"
        msg = f"'{m.text}' names {names[wd]}, but {which} {day} is a {names[day.weekday()]}"
        if more:
            msg += (
                f" (also on line {more[0]})" if len(more) == 1 else f" (also on lines {_and(more)})"
            )
        out.append((line, msg))
    return out


@lru_cache(maxsize=4)
def _contradicted(text: str, weekday: int) -> bool:
    """Does ``text`` hold a weekday claim a publication on ``weekday`` contradicts?
    Asked twice of each article (written_day_before, weekday_warnings): one
    pass over its body."""
    return _contradictions()[weekday].search(fold(text).text) is not None


@cache
def _contradictions() -> tuple[re.Pattern[str], ...]:
    """For each weekday of publication, what a weekday claim contradicting it needs.

    A claim is a day word ("اليوم", "أمس") followed by a weekday name, as the
    grammar's ``dayw`` core reads them; the pattern for a publication weekday
    is each day word followed (the same way, brackets too) by the names of
    the weekdays that do not fall on that day. Where it finds nothing, no
    claim in the text can contradict the date.
    """
    g = _grammar()
    by_offset: dict[int, list[str]] = {}
    for word, (offset, _, _) in g.days.items():
        by_offset.setdefault(offset, []).append(word)
    out = []
    for weekday in range(7):
        alts = []
        for offset, words in sorted(by_offset.items()):
            wrong = [w for w, d in g.weekdays.items() if d != (weekday + offset) % 7]
            alts.append(word_alternation(words) + r"\s*,?\s*\(?\s*" + word_alternation(wrong))
        out.append(re.compile("|".join(alts)))
    return tuple(out)


@cache
def _earlier() -> re.Pattern[str]:
    rel = load_yaml("relative.yaml")
    words = word_alternation(rel["earlier"])
    opening = word_alternation(rel["earlier_opening"])
    was = word_alternation(rel["pluperfect"])
    at_end = word_alternation(rel["earlier_at_end"])
    then = word_alternation(rel["earlier_at_end_then"])
    source = rf"{WB_BEFORE}{CLITICS}(?:{words}){WB_AFTER}"
    source += rf"|{WB_BEFORE}{CLITICS}(?:{at_end})(?=\s*(?:[^\w\s]|$)|\s+(?:{then}){WB_AFTER})"
    source += rf"|^\W*(?:\S+\s+)?{CLITICS}(?:{opening}){WB_AFTER}"
    reach = int(rel["pluperfect_reach"])
    whether = "".join(rf"(?<!{fold_word(w)}\s)" for w in rel["not_pluperfect_after"])
    source += (
        rf"|{WB_BEFORE}{whether}[وف]?(?:{was}){WB_AFTER}(?:\s+\S+){{0,{reach}}}?\s+قد{WB_AFTER}"
    )
    return re.compile(source)


def wounded_earlier(text: str) -> int:
    """Where the clause's dead died of wounds taken earlier ("متأثرا بجروح أصيب
    بها"), the offset right after those words (a date told after them is the
    wounding's); else -1."""
    folded = fold(text)
    found = _wounded_earlier().search(folded.text)
    return folded.span(found.start(), found.end())[1] if found else -1


@cache
def _wounded_earlier() -> re.Pattern[str]:
    rule = load_yaml("relative.yaml")["wounded_earlier"]
    died, of, hurt, wound, after, wounded = (
        word_alternation(rule[k]) for k in ("died", "of", "hurt", "wound", "after", "wounded")
    )
    return re.compile(
        rf"{WB_BEFORE}(?:(?:{died})\s+(?:(?:{of})(?:\s+\S+){{0,2}}?\s+(?:{hurt})\s+بها|(?:{wound}))"
        rf"|(?:{after})\s+(?:{wounded})){WB_AFTER}"
    )


def named_by_its_date(text: str) -> str | None:
    """An event named by its date ("هجمات 11 سبتمبر", "ثورة 25 يناير", "حرب
    أكتوبر"): the date is its name, no day of the clause; or None."""
    folded = fold(text).text
    if not any(name in folded for name in _grammar().event_names_before):
        return None  # nearly every clause: no event name in it
    found = _named_by_date().search(folded)
    return found.group().strip() if found else None


@cache
def _named_by_date() -> re.Pattern[str]:
    g = _grammar()
    names = "|".join(sorted(map(re.escape, g.event_names_before), key=len, reverse=True))
    months = "|".join(sorted(map(re.escape, g.months), key=len, reverse=True))
    return re.compile(
        rf"{WB_BEFORE}[وف]?(?:ال)?(?:{names})\s+(?:\d{{1,2}}\s+)?(?:{months}){WB_AFTER}"
    )


def told_before_saying(text: str, at: int) -> tuple[str, int] | None:
    """The words after ``at`` (the day of a saying) that tell what was said as
    having happened before it ("إن القوات سيطرت مؤخرا على الجبل"), and where
    they start in ``text``; or None."""
    folded = fold(text[at:])
    found = _before_saying().search(folded.text)
    if found is None:
        return None
    return found.group().strip(), at + folded.index(found.start())


@cache
def _before_saying() -> re.Pattern[str]:
    rel = load_yaml("relative.yaml")
    words = word_alternation(rel["told_before_saying"])
    same = word_alternation(rel["earlier_same_period"])
    return re.compile(
        rf"{WB_BEFORE}{CLITICS}(?:{words}){WB_AFTER}(?!\s+{CLITICS}(?:{same}){WB_AFTER})"
    )


def told_as_earlier(text: str) -> str | None:
    """The words that tell a clause's event as an earlier one ("وكان … قد",
    "وسبق ذلك", "بعدما"), or None."""
    found = _earlier().search(fold(text).text)
    return found.group().strip() if found else None


@dataclass(frozen=True, slots=True)
class Anchored:
    """ "غداة مقتل …": an event named by its distance from the clause's own day."""

    start: int  # original offsets of the expression ("غداة", "قبل يومين من")
    end: int
    shift: int  # the clause's day minus the named event's


@cache
def _anchored() -> tuple[re.Pattern[str], dict[str, int]]:
    rel = load_yaml("relative.yaml")
    shifts = {fold_word(w): int(row["shift"]) for row in rel["anchored"] for w in row["words"]}
    # A span "من" an activity is how long it lasted: "بعد أسبوع من التظاهرات"
    spans = word_alternation([w for w in shifts if w.endswith(" من")])
    points = word_alternation([w for w in shifts if not w.endswith(" من")])
    lasted = word_alternation(rel["anchored_lasting"])
    return re.compile(
        rf"{WB_BEFORE}[وف]?(?P<w>{points}|(?:{spans})(?!\s+(?:{lasted}){WB_AFTER})){WB_AFTER}"
    ), shifts


def anchors() -> re.Pattern[str]:
    """The anchoring expressions ("غداة", "عشية", "بعد ساعات من"), on folded text."""
    return _anchored()[0]


_COMMA_BEFORE_MIN = re.compile(r"[،,](?=\s+من\b)")


def find_anchored(text: str) -> list[Anchored]:
    """Each expression that names an event by its distance from the clause's day."""
    regex, shifts = _anchored()
    folded = fold(text)
    # a comma the news puts before "من" ("بعد يوم، من انفجار مماثل") is read as
    # a space, which keeps every offset
    spaced = _COMMA_BEFORE_MIN.sub(" ", folded.text)
    out = []
    for m in regex.finditer(spaced):
        start, end = folded.span(m.start("w"), m.end("w"))
        out.append(Anchored(start, end, shifts[re.sub(r"\s+", " ", m.group("w"))]))
    return out


@cache
def _complementizer() -> re.Pattern[str]:
    rel = load_yaml("relative.yaml")
    words = word_alternation(rel["complementizers"])
    # a figure may be glued to it in the news: "أفاد المرصد أن26 مدنيا قتلوا"
    return re.compile(rf"{WB_BEFORE}(?:{words})(?=\d|{WB_AFTER})")


@cache
def _not_complementizer() -> re.Pattern[str]:
    """What makes the next "أن" a conjunction ("إلا أن": but), at a text's end."""
    but = word_alternation(load_yaml("relative.yaml")["not_complementizer_after"])
    return re.compile(rf"{WB_BEFORE}(?:{but})\s+$")


@cache
def _going_on() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rel = load_yaml("relative.yaml")
    since = word_alternation(rel["since_start"])
    verbs, nouns = word_alternation(rel["began"]), word_alternation(rel["operations"])
    began = rf"{verbs}(?:\s+\S+){{0,2}}?\s+{nouns}"
    start = re.compile(rf"{WB_BEFORE}[وف]?(?:{since}|{began}){WB_AFTER}")
    since_start = re.compile(rf"{WB_BEFORE}[وف]?(?:{since}){WB_AFTER}")
    # a present-tense verb right before "منذ"
    going = word_alternation(rel["durative_words"])
    # ... or one word of place between ("الحرب المستمرة هناك منذ 17 عاما"); or
    # the verb it began with ("عملية بدأت منذ نحو شهرين": going on since)
    verb = re.compile(
        rf"(?:^|\s)(?:{_present_verb()}|{going}|{verbs})(?:\s+(?:هناك|فيها|فيه|بها))?\s+$"
    )
    return start, verb, since_start


@cache
def _began_around() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """ "بدأت تركيا في 20 يناير عملية عسكرية": the verb before the date, the
    operation after it."""
    rel = load_yaml("relative.yaml")
    verbs, nouns = word_alternation(rel["began"]), word_alternation(rel["operations"])
    before = re.compile(rf"{WB_BEFORE}[وف]?{verbs}(?:\s+\S+){{0,5}}?\s+$")
    after = re.compile(rf"^[\s,]*(?:\S+\s+){{0,3}}?{nouns}{WB_AFTER}")
    # "قد أطلقوا عملية عسكرية قبل شهرين": the verb and the operation, then the
    # date; "هجوم واسع بدأه الجيش في 19 نيسان", "عملية عفرين ، التي أطلقتها يوم
    # 20 يناير": the operation, the verb, the date;
    # "عملية عسكرية واسعة النطاق بدأت في الـ 19 من حزيران", "القصف المكثف، الذي
    # بدأ الثلاثاء": the operation, then its verb.
    began_it = word_alternation(rel["began_it"])
    waged, campaigns = word_alternation(rel["waged"]), word_alternation(rel["campaigns"])
    both = re.compile(
        rf"{WB_BEFORE}[وف]?(?:{verbs}(?:\s+\S+){{0,3}}?\s+{nouns}"
        rf"|(?:ال)?{nouns}(?:\s*[،,]?\s+[^\s،,.]+){{0,6}}?\s*[،,]?"
        rf"(?:\s+و?(?:الذي|التي))?\s+(?:قد\s+)?(?:{verbs}|{began_it}))"
        rf"{WB_AFTER}(?:\s+[^\s،,.]+){{0,3}}?\s+$"
        rf"|{WB_BEFORE}[وف]?{waged}(?:\s+\S+){{0,2}}?\s+{campaigns}{WB_AFTER}"
        rf"(?:\s+[^\s،,.]+){{0,4}}?\s+$"
        # "وكانت العملية العسكرية، التي تشنها تركيا …، قد بدأت في 20 يناير"
        rf"|{WB_BEFORE}[وف]?كانت?\s+(?:ال)?{nouns}{WB_AFTER}[^.!?؟]{{0,200}}?\s+قد\s+{verbs}"
        rf"(?:\s+[^\s،,.]+)?\s+$"
    )
    # "وبدأ تحالف مدعوم من الولايات المتحدة … هجوما بريا لاستعادة منطقة هجين منذ
    # ثلاثة أسابيع": the clause opens with the verb, its operation comes later.
    opening = re.compile(
        rf"^\W*[وف]?(?:قد\s+)?{verbs}{WB_AFTER}[^.،,؛]*?\s(?:ال)?{nouns}{WB_AFTER}"
        rf"|{WB_BEFORE}[وف]?(?:{word_alternation(rel['since_began'])}){WB_AFTER}"
    )
    return before, after, both, opening


def _began(text: str, m: DateMention) -> bool:
    """The date is when an operation began: "منذ بدء الهجوم في 18 فبراير",
    "بدأت الأربعاء … هجوما واسعا"."""
    start_words, _, _ = _going_on()
    before = fold(text[: m.start]).text
    if start_words.search(before):
        return True
    verb_before, noun_after, both, opening = _began_around()
    if both.search(before) or opening.search(before):
        return True
    after = fold(text[m.end : m.end + 80]).text
    if _start_after().search(after):
        return True  # "في التاسع من فبراير بدء عملية شاملة"
    return bool(verb_before.search(before) and noun_after.search(after))


def launched(text: str, m: DateMention) -> bool:
    """The date is the day an offensive was launched, told as an event ("وشنت
    تركيا … في 20 كانون الثاني/يناير هجوما ضد منطقة عفرين"): not going on from
    it, but a start a later toll "منذ بدء الهجوم" counts from."""
    before, after = _launched_around()
    return bool(
        before.search(fold(text[: m.start]).text) and after.search(fold(text[m.end :]).text)
    )


@cache
def _launched_around() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rel = load_yaml("relative.yaml")
    verbs, nouns = word_alternation(rel["waged"]), word_alternation(rel["operations"])
    before = re.compile(rf"{WB_BEFORE}[وف]?{verbs}(?:\s+\S+){{0,5}}?\s+(?:في\s+)?$")
    after = re.compile(rf"^[\s,]*(?:\S+\s+){{0,2}}?{nouns}{WB_AFTER}")
    return before, after


@cache
def _start_after() -> re.Pattern[str]:
    """Right after the date, the noun of a start and the operation started."""
    rel = load_yaml("relative.yaml")
    starts, nouns = word_alternation(rel["start_nouns"]), word_alternation(rel["operations"])
    # (not "في بداية عملية": killed at its start, on that day)
    return re.compile(
        rf"^[\s,،]*(?:(?!في\s|مع\s|خلال\s)\S+\s+)?[وب]?{starts}\s+(?:\S+\s+)?(?:ال)?{nouns}"
        rf"{WB_AFTER}"
    )


def later_in(text: str, m: DateMention, ref: DateRef, published: date | None) -> DateRef:
    """ "في وقت لاحق هذا الشهر": the part of the period after publication."""
    if published is None or ref.start is None or ref.end is None:
        return ref
    if not ref.start <= published < ref.end:
        return ref
    if not _later_before().search(fold(text[max(0, m.start - 30) : m.start]).text):
        return ref
    return replace(ref, start=published + timedelta(days=1))


@lru_cache(maxsize=1)
def _later_before() -> re.Pattern[str]:
    words = "|".join(fold_word(w) for w in load_yaml("relative.yaml")["later_in_period"])
    return re.compile(rf"(?:^|\s)(?:{words})\s*$")


GOING_ON = "going on from then to publication"  # the note of a range read so


def going_on_since(text: str, m: DateMention, ref: DateRef, published: date | None) -> DateRef:
    """A date that starts something still going on at publication ("منذ بدء
    الهجوم في 18 فبراير", "يدور منذ أكثر من أسبوع") read as the range from it to
    publication. A point "more than" months or years ago ("قتلت قبل أكثر من
    عام") is only a bound: undated. Any other reading is returned as it is."""
    going = _going_on_range(text, m, ref, published)
    if going is not None:
        return going
    if m.kind == "ago" and m.unit in ("month", "year") and _more_than(m.text):
        return DateRef.undated(m.text, "more than that long ago: the text gives only a bound")
    return ref


def _going_on_range(
    text: str, m: DateMention, ref: DateRef, published: date | None
) -> DateRef | None:
    if published is None or not ref.is_dated or ref.start is None or ref.start >= published:
        return None
    _, verb, _ = _going_on()
    before = fold(text[: m.start]).text
    if m.kind == "ago" and m.text.lstrip("وف").startswith(("منذ", "مذ")):
        if not (
            verb.search(before)
            or _opens_durative(text, m)
            or _durative_after(text, m)
            or _going_close(before)
            or _began(text, m)
        ):
            return None
    elif m.since or m.kind not in ("date", "month", "weekday", "ago") or not _began(text, m):
        return None
    note = _join(ref.note, GOING_ON)
    start = _ago_start(m, published) if m.kind == "ago" else ref.start
    return DateRef(start or ref.start, published, "range", ref.text, ref.basis, note)


def _ago_start(m: DateMention, published: date) -> date | None:
    """ "منذ شهر" going on: from the same day a month before, not the month's
    first; "منذ ثلاثة أسابيع": 21 days before, not the week's first."""
    g = _grammar()
    if m.amount is not None and g.unit_days.get(m.unit) and not m.approximate:
        return published - timedelta(days=g.unit_days[m.unit] * m.amount)
    if m.amount is None or not g.unit_months.get(m.unit):
        return None
    y, mo = _add_months(published.year, published.month, -g.unit_months[m.unit] * m.amount)
    return date(y, mo, min(published.day, calendar.monthrange(y, mo)[1]))


@cache
def _present_opening() -> re.Pattern[str]:
    """A clause opening with a present-tense verb ("وتشن قوات سوريا الديمقراطية،
    وهي عبارة عن ائتلاف …، منذ شهر هجوما"): what it tells is going on."""
    return re.compile(rf"^\W*{_present_verb()}\s")


@cache
def _present_verb() -> str:
    """A present-tense verb: a `durative` prefix, a stem, no past ending (-ت)."""
    prefixes = "".join(fold_word(p) for p in load_yaml("relative.yaml")["durative"])
    return rf"[وف]?[{prefixes}][\u0621-\u064a]{{2,}}(?<!ت)"


def _going_close(before: str) -> bool:
    """A present verb, or one of beginning, a few words before "منذ", its
    object between and nothing said: "يشهد اشتباكات عنيفة منذ", "باشرت
    الفصائل سحب السلاح الثقيل منذ"."""
    words = before.split()[-GOING_REACH - 2 :]
    ends = [i for i, w in enumerate(words) if _CLAUSE_END.search(w)]
    if ends:
        words = words[ends[-1] + 1 :]
    present, began = _going_verbs()
    for i, w in enumerate(words):
        if i == 0 and len(words) > GOING_REACH:
            continue  # (the word before the reach: only a negation it may be)
        if present.fullmatch(w) or began.fullmatch(w):
            rest = words[i + 1 :]
            denied = i > 0 and words[i - 1] in _NOT  # "لم يرصد أي تواجد … منذ أكثر من عام"
            return bool(rest) and not denied and not any(x in _SAID_THAT for x in rest)
    return False


@cache
def _going_verbs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A present verb in ي (one in ت is as often a masdar: "تواجد", "تصعيد"), and
    a verb of beginning (relative.yaml: began)."""
    began = word_alternation(load_yaml("relative.yaml")["began"])
    return re.compile(r"[وف]?ي[\u0621-\u064a]{2,}"), re.compile(rf"[وف]?(?:{began})")


_CLAUSE_END = re.compile(r"[،,.:؛]$")
GOING_REACH = 4  # words from a verb of going on or beginning to its "منذ"
_SAID_THAT = frozenset({"ان", "انه", "انها", "بان"})
_NOT = frozenset({"لم", "لا", "لن", "ما", "ولم", "ولا"})


def _durative_after(text: str, m: DateMention) -> bool:
    """The clause opens with "منذ …" and a present verb follows it: "ومنذ ثلاثة
    أسابيع، يحتج المتظاهرون يوميا" (for three weeks)."""
    if not re.fullmatch(r"\W*", fold(text[: m.start]).text):
        return False
    return re.match(rf"[\s،,]*{_present_verb()}\s", fold(text[m.end :]).text) is not None


def _opens_durative(text: str, m: DateMention) -> bool:
    """The clause opens with a present verb and says nothing (أن/إن) in between."""
    if not _present_opening().match(fold(text).text):
        return False
    said = told_after(text)
    return said < 0 or said > m.start


def tallies_since_start(text: str) -> bool:
    """ "الذين قتلوا منذ بدء التصعيد": a running total since something began,
    not the telling of one event; not a superlative's "since" ("في حصيلة تعد
    الأكثر دموية منذ شن قوات النظام هجومها"), nor the first time's ("أُجلي
    مدنيون … للمرة الأولى منذ بدء ساعات التهدئة"), which compare."""
    folded = fold(text).text
    first_time = _superlative()[1]
    return any(
        not _far_superlative().search(folded[max(0, m.start() - 80) : m.start()])
        and not first_time.search(folded[: m.start()])
        for m in _going_on()[2].finditer(folded)
    )


def tallies_since_then(text: str) -> bool:
    """ "حيث قتل 30 فلسطينيا على الأقل، منذ ذلك الحين": a running total since a
    moment told before (relative.yaml: the anaphora read only after "منذ")."""
    return _since_then().search(fold(text).text) is not None


@cache
def _since_then() -> re.Pattern[str]:
    words = [
        w for a in load_yaml("relative.yaml")["anaphora"] if a.get("since_only") for w in a["words"]
    ]
    since = rf"منذ\s+(?:{word_alternation(words)})|مذاك"  # (مذاك: منذ ذاك, run together)
    return re.compile(rf"{WB_BEFORE}[وف]?(?:{since}){WB_AFTER}")


def tallies_so_far(text: str) -> bool:
    """A running total told by "حتى الآن" (so far), or with the campaign as what
    caused it: "ودفعت العملية العسكرية أكثر من 320 ألف مدني للنزوح"."""
    return _so_far().search(fold(text).text) is not None


@cache
def _so_far() -> re.Pattern[str]:
    """A total so far, or one the campaign caused (relative.yaml: so_far,
    campaign_tolls), the verb before its subject."""
    rel = load_yaml("relative.yaml")
    so_far = word_alternation(rel["so_far"])
    verbs = word_alternation(rel["campaign_tolls"]["verbs"])
    subjects = word_alternation(rel["campaign_tolls"]["subjects"])
    caused = rf"[وف]?(?:{verbs})\s+(?:{subjects})"
    return re.compile(rf"{WB_BEFORE}(?:{so_far}|{caused}){WB_AFTER}")


def going_on_at(text: str, m: DateMention) -> int:
    """Where the participle of going on right before ``m`` starts ("النزاع
    الدامي المستمر منذ 2001"), or -1."""
    lo = max(0, m.start - 40)  # one word back is enough
    found = re.search(r"(\S+)\s+$", text[lo : m.start])
    if found is None or fold_word(found.group(1)) not in _durative_words():
        return -1
    return lo + found.start(1)


def anniversary_at(text: str, m: DateMention) -> int:
    """Where the word of an anniversary (relative.yaml ``anniversary``) a few
    words before ``m`` starts, when ``m`` dates the remembered event ("ذكرى
    تأسيس الدولة العبرية قبل 70 عاما", "ذكرى الثورة التي اندلعت عام 2011"),
    or -1."""
    words, reach = _anniversary()
    lo = max(0, m.start - 120)
    before = list(re.finditer(r"\S+", text[lo : m.start]))[-reach:]
    for i in range(len(before) - 1, -1, -1):
        if _bare(fold_word(before[i].group())) in words:
            between = [_bare(fold_word(w.group())) for w in before[i + 1 :]]
            return lo + before[i].start() if _remembered_date(m, between) else -1
    return -1


def _bare(word: str) -> str:
    """A word without و/ف and ب/ل before it."""
    word = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    return word[1:] if word[:1] in "بل" and len(word) > 3 else word


def _remembered_date(m: DateMention, between: list[str]) -> bool:
    relatives, falls_on = _anniversary_clauses()
    if any(w in falls_on for w in between):
        return False
    return m.kind == "ago" or any(w in relatives for w in between)


@cache
def _anniversary() -> tuple[frozenset[str], int]:
    data = load_yaml("relative.yaml")
    return frozenset(fold_word(w) for w in data["anniversary"]), int(data["anniversary_reach"])


@cache
def _anniversary_clauses() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("relative.yaml")
    relatives = frozenset(_bare(fold_word(w)) for w in data["anniversary_relatives"])
    falls_on = frozenset(_bare(fold_word(w)) for w in data["anniversary_falls_on"])
    return relatives, falls_on


def overnight_at(text: str) -> int:
    """Where a bare "at night" (``overnight`` in relative.yaml) stands in
    ``text``, or -1."""
    folded = fold(text)
    found = _overnight().search(folded.text)
    return folded.span(found.start(), found.end())[0] if found else -1


@cache
def _overnight() -> re.Pattern[str]:
    words = word_alternation(load_yaml("relative.yaml")["overnight"])
    return re.compile(rf"{WB_BEFORE}(?:{words}){WB_AFTER}")


def deadline(text: str, m: DateMention) -> bool:
    """A word of deadline (``deadline_before``: حتى، بحلول، قبل) within a few
    words before the mention: "حتى نهاية ولايتها في نوفمبر 2019"."""
    before = fold(text[: m.start]).text.split()[-DEADLINE_REACH:]
    return any(w in _deadline_words() for w in before)


DEADLINE_REACH = 4  # words


def expiry(text: str, m: DateMention) -> bool:
    """The day an ultimatum runs out (relative.yaml expiry): "مهلة للانسحاب
    دون قتال تنتهي الأربعاء" dates no event."""
    verbs, ultimatums, reach = _expiry()
    before = fold(text[: m.start]).text.split()
    if not before or before[-1] not in verbs:
        return False
    return any(w in ultimatums for w in before[-reach - 1 : -1])


@cache
def _expiry() -> tuple[frozenset[str], frozenset[str], int]:
    rule = load_yaml("relative.yaml")["expiry"]
    verbs = frozenset(fold(w).text for w in rule["verbs"])
    return verbs, frozenset(fold(w).text for w in rule["of"]), int(rule["reach"])


@cache
def _deadline_words() -> frozenset[str]:
    return frozenset(fold(w).text for w in load_yaml("relative.yaml")["deadline_before"])


def told_after(text: str) -> int:
    """Where a reported event begins: the end of the first "أن"/"إن" (after a verb
    of saying), or -1 when the clause has none."""
    folded = fold(text)
    found = _first_complementizer(folded.text)
    # (the span's end: the marks after the word, "إنَّ", stay after it)
    return folded.span(found.start(), found.end())[1] if found else -1


def said_from(folded_text: str) -> int:
    """told_after on folded text, in its offsets."""
    found = _first_complementizer(folded_text)
    return found.end() if found else -1


def _first_complementizer(folded_text: str) -> re.Match[str] | None:
    for found in _complementizer().finditer(folded_text):
        if not _not_complementizer().search(folded_text, max(0, found.start() - 20), found.start()):
            return found
    return None
