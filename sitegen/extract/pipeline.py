"""From one article to its incidents: an ordered list of small, pure stages.

    date the article → segment → date clauses → classify → locate
    → attribute → count → assemble

Each stage takes the article context and the clauses so far and returns new
clauses; none of them changes its input. The order is data (``STAGES``), so
a stage can be added, removed or tested alone.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise, takewhile
from typing import Any

from sitegen.extract import actors as actor_lex
from sitegen.extract import authorities, events, places, temporal
from sitegen.extract.authorities import authority_country
from sitegen.extract.casualties import (
    casualty_words,
    find_casualties,
    relative_tolls,
    unharmed,
    war_toll,
)
from sitegen.extract.domain import NEWS_DOMAIN as NEWS
from sitegen.extract.domain import Domain, article_domain
from sitegen.extract.normalize import fold, quotations
from sitegen.extract.numbers import find_numbers
from sitegen.extract.segment import (
    Segment,
    is_continuation,
    opens_a_reply,
    refers_back,
    segment,
    starts_with_own_waw,
)
from sitegen.extract.summary import summary_ar, summary_en
from sitegen.ids import incident_id
from sitegen.model import (
    PRECISION_RANK,
    Article,
    Casualties,
    DateRef,
    Diagnostic,
    Incident,
    Place,
    Source,
)


@dataclass(frozen=True, slots=True)
class Context:
    article: Article
    week_start: int = temporal.WEEK_START_SUNDAY
    domain: Domain = NEWS


_UNDATED = DateRef.undated()
_NONE = Casualties()


@dataclass(frozen=True, slots=True)
class Clause:
    segment: Segment
    date: DateRef = _UNDATED
    own_date: bool = False  # the date was written in this clause
    type: str = ""
    places: tuple[Place, ...] = ()
    actors: tuple[str, ...] = ()
    reported_by: str = ""
    casualties: Casualties = _NONE
    weak: bool = False  # see events.Reading
    definite: bool = False
    hearsay: bool = False
    cause: bool = False
    spoken: bool = False  # the cause is an event the clause speaks of (events.yaml: spoken_of)
    tier: str = ""  # of the trigger that decided the type (events.yaml tiers)
    trigger_at: int = -1  # where that trigger starts in the clause
    # The clause's only dates lie after publication: a plan or a deadline, not
    # something that happened ("إذا لم تنسحب بنهاية فبراير").
    future: bool = False
    # The clause's only date is the day it was said on ("قال لافروف الجمعة إن
    # الهجوم الأمريكي …"): it dates the event, but is not the event's own.
    said_day: bool = False
    anchored: tuple[temporal.Anchored, ...] = ()  # "غداة مقتل …" (see anchor_events)
    accident: bool = False  # deaths a disaster or an accident caused (events.Reading)
    # The year of its dates that give none: a chronology entry's (_list_years),
    # or that of the day the article told just before (_told_year).
    list_year: int | None = None
    # Later clauses that tell this clause's event again (fold_retellings).
    also: tuple[Clause, ...] = ()

    @property
    def text(self) -> str:
        return self.segment.text

    def copy_with(self, **changes: Any) -> Clause:
        """A copy with ``changes``: ``dataclasses.replace`` without its generic walk
        over the fields, which cost more than the stage's own work on a clause."""
        return Clause(*[changes[f] if f in changes else getattr(self, f) for f in _CLAUSE_FIELDS])


_CLAUSE_FIELDS = tuple(f.name for f in fields(Clause))

Stage = Callable[[Context, tuple[Clause, ...]], tuple[Clause, ...]]


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article  # with the publication date inferred from the text where needed
    incidents: tuple[Incident, ...]
    diagnostics: tuple[Diagnostic, ...]


def date_article(article: Article) -> Article:
    """Fill a missing publication date from the text, when the text allows it."""
    if article.published.date is not None:
        return article
    inferred = temporal.infer_publication(article.body)
    if inferred is None:
        return article
    line = article.file_line(0) + max(inferred.line - 1, 0)
    return replace(article, published=replace(inferred, line=line))


def extract(article: Article, week_start: int = temporal.WEEK_START_SUNDAY) -> Extraction:
    article = date_article(article)
    ctx = Context(_as_written(article), week_start, article_domain(article.body))
    *_, (_, clauses) = run_stages(ctx)  # the clauses after the last stage
    incidents = assemble(ctx, clauses)
    return Extraction(article, incidents, tuple(_diagnostics(ctx, incidents, article)))


def _as_written(article: Article) -> Article:
    """The article with the day it was written as its reference: "اليوم الأحد"
    in an article dated Monday was written on Sunday, and its "أمس" is Saturday.
    Only the reading of its dates changes; its publication date stays."""
    pub = article.published
    if pub.date is None or not temporal.written_day_before(article.body, pub.date):
        return article
    return replace(article, published=replace(pub, date=pub.date - _ONE_DAY))


def run_stages(ctx: Context) -> Iterator[tuple[Stage | None, tuple[Clause, ...]]]:
    """The article's clauses as segmented (stage None), then after each stage:
    what ``extract`` runs, and what ``tools/trace.py`` shows stage by stage."""
    clauses = tuple(Clause(s) for s in segment(ctx.article.body, _starts_event))
    yield None, clauses
    for stage in STAGES:
        clauses = stage(ctx, clauses)
        yield stage, clauses


def warm() -> None:
    """Load every lexicon and compile its regexes now, not at the first article.

    For a process pool: called in the parent before the workers start, the
    (forked) workers share the compiled lexicons instead of each spending
    ~0.5 s of CPU compiling its own.
    """
    from sitegen.extract import authorities, casualties, numbers, segment, victims

    for load in (
        authorities._compiled,
        temporal._grammar,
        temporal._contradictions,
        events._lexicon,
        actor_lex._lexicon,
        places._load,
        numbers._lexicon,
        casualties._lexicon,
        victims._lexicon,
        segment.rules,
    ):
        load()


def _starts_event(text: str) -> bool:
    """Whether a stretch reports an event of its own (used to cut clauses):
    violence, a protest, or people killed or wounded ("فيما فارق شخص الحياة…")."""
    kind, trigger = events.classify(text)
    if kind and trigger is not None and (trigger.violent or kind == "protest"):
        return True
    return any(k != "displaced" for _, _, k in casualty_words(text))


# --- stages -----------------------------------------------------------------


def split_days(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """One sentence, several events on several days ("ترمب الذي اتصل به ليل
    الخميس، والرئيس الإيراني الذي هاتفه الأحد، والرئيسان … اللذان اتصل بهما
    الإثنين"): cut before the "و" that opens each later day's event, so that
    each is an incident with its own day. Reported speech is left whole: there
    the first day is the saying's."""
    out: list[Clause] = []
    for c in clauses:
        if c.segment.kind == "text":
            out += [Clause(seg) for seg in _cut(c.segment, ctx, _CUT_DEPTH)]
        else:
            out.append(c)
    return tuple(out)


# How many times a piece cut off may be cut again ("وصل فريق … السبت، في اليوم
# ذاته التي وجهت فيه … ضربات …، رداً على هجوم كيماوي في 7 إبريل": the days
# cut off the strikes, then the cause cut off the attack).
_CUT_DEPTH = 2


def _cut(seg: Segment, ctx: Context, depth: int) -> list[Segment]:
    """The pieces of a sentence, each telling one event: the first kind of cut
    that applies, then each piece cut again, ``depth`` more times at most."""
    text = seg.text
    cuts = _day_cuts(text, ctx.article.published.date, ctx.week_start)
    cuts = cuts or _cause_cut(text) or _topic_cut(text) or _anchor_cut(text)
    cuts = cuts or _contrast_cut(text) or _latest_cut(text) or _plan_cut(text)
    if not cuts:
        return [seg]
    pieces = []
    for a, b in pairwise([0, *cuts, len(text)]):
        piece = text[a:b].rstrip(" ،,")
        pieces.append(replace(seg, start=seg.start + a, end=seg.start + a + len(piece), text=piece))
    if depth == 0:
        return pieces
    return [p for piece in pieces for p in _cut(piece, ctx, depth - 1)]


_DAY_KINDS = frozenset({"weekday", "day", "date"})
_CUT_KINDS = _DAY_KINDS | {"period"}


@lru_cache(maxsize=64)
def _dates_in(text: str) -> tuple[temporal.DateMention, ...]:
    """A clause's date expressions: split_days reads them, then date_clauses
    reads the same clause's again (most clauses are not cut). The day an
    ultimatum runs out is none of them."""
    return tuple(m for m in temporal.find_dates(text) if not temporal.expiry(text, m))


# What opens a later day's event: "و", or the cause a response answers
# ("ضربات … فجر السبت ردا على هجوم … وقع في السابع من نيسان").
_CONJ = re.compile(r"(?<=\s)(?:و(?=[\u0621-\u064a])|رد[اً\u064b]+\s+على\s)")
# In a report: a cause, or another "that" the source reported ("أن نحو 20 ألف
# مدني خرجوا … الخميس، وأن نحو ألفين خرجوا الجمعة").
_CAUSE_CONJ = re.compile(r"(?<=\s)(?:رد[اً\u064b]+\s+على|و[أإا]ن(?:ه|ها)?)\s")
# A definite event noun with the relative clause that tells it opens that
# event: "ويعقد مجلس الأمن الثلاثاء جلسة … للاطلاع على ما توصلت إليه القمة
# التي عقدت … في طهران الجمعة". Not one told as what another was done in
# ("مع جزار قتل في الهجوم الذي وقع … الأسبوع الماضي"), nor one told as
# planned or to come ("إلغاء القمة التي كانت مزمعة في سنغافورة").
_RELATIVE = re.compile(
    r"(?<=\s)ال[\u0621-\u064a]+"
    r"(?=\s+(?:التي|الذي)\s+(?!كان|كانت|كانوا|س[يت](?!طر))[\u0621-\u064a])"
)
_PREP_BEFORE = re.compile(r"(?:^|\s)(?:في|على|من|عن|خلال|جراء|إثر|اثر|بعد|قبل|منذ|مع)\s+$")


def _day_cuts(text: str, published: date | None, week_start: int) -> list[int]:
    # A day and a week or month past are two events too: "صباح اليوم السبت …
    # ردا على هجوم بالغاز السام … الأسبوع الماضي".
    # ... and so is a day counted from the one before: "اغتيلت … الخميس الماضي
    # …، وقبلها بيومين اغتيلت سعاد العلي … في البصرة".
    days = [m for m in _dates_in(text) if (m.kind in _CUT_KINDS and m.shift == 0) or _moved(m)]
    if published is None or len(days) < 2:
        return []
    told = temporal.told_after(text)
    if days[0].start < told:
        return []
    # In a report ("إن طائراته قصفت فجر الأربعاء … ردا على تسلل … صباح الثلاثاء")
    # only a cause, an anchor or another "وأن" opens another day's event: after
    # "و" a day is as often the next step's ("اعتقلت الأحد وصدر أمر باحتجازها
    # لحين تحديد جلسة إجرائية يوم الأربعاء").
    conj = _CAUSE_CONJ if told >= 0 else _CONJ
    anchored = [a.start for a in temporal.find_anchored(text)]
    refs = [temporal.resolve(m, published, week_start=week_start) for m in days]
    cuts: list[int] = []
    for (before, a), (m, b) in pairwise(zip(days, refs, strict=True)):
        if _moved(before):
            continue  # (its day is known only from the one before it)
        both_days = before.kind in _DAY_KINDS and (m.kind in _DAY_KINDS or _moved(m))
        if not (before.kind in _DAY_KINDS or m.kind in _DAY_KINDS):
            continue
        if not _moved(m) and (_overlap(a, b) if both_days else _meet(a, b)):
            continue  # "ليل الخميس" and "فجر الخميس": one night, one event
        openers = [
            w.start()
            for w in conj.finditer(text, before.end, m.start)
            if not _root_waw(text, w.start()) and _reports_event(text[w.start() : m.end])
        ]
        openers += [
            w.start()
            for w in _RELATIVE.finditer(text, before.end, m.start)
            # (the noun itself: not "المدينة التي")
            if _reports_event(w.group()) and not _PREP_BEFORE.search(text, 0, w.start())
        ]
        # A day counted from the one before opens its event with its "و":
        # "…، وقبلها بيومين اغتيلت سعاد العلي".
        if _moved(m) and text.startswith("و", m.start) and _reports_event(text[m.start :]):
            openers.append(m.start)
        # An anchor word opens the later day's event before any "و" inside it:
        # "… بجروح الجمعة، غداة مقتل أربعة مدنيين وإصابة 52 آخرين الخميس".
        anchors = [a for a in anchored if before.end <= a < m.start]
        openers = sorted(openers + [a for a in anchors if _starts_event(text[a : m.end])])
        if not openers:
            continue
        # Between a day and a week past, the opener nearest the week's: "ضربات …
        # فجر السبت مع بريطانيا وفرنسا، وذلك بعد تقارير عن هجوم … الأسبوع الماضي";
        # and so before a day counted from the one before: "هاجم مسلحان مقر مجلة
        # شارلي إيبدو وقتلا 17 شخصا، وقتل مسلح آخر شرطية في اليوم التالي".
        cuts.append(openers[0] if both_days and not _moved(m) else openers[-1])
    return cuts


def _moved(m: temporal.DateMention) -> bool:
    """A day counted from the date before it ("وقبلها بيومين", "في اليوم
    التالي"): another day than that one."""
    return m.kind == "anaphora" and m.shift != 0 and not m.unit


def _root_waw(text: str, at: int) -> bool:
    """Whether the word at ``at`` begins with a "و" of its own ("وقفة", "وزير"),
    not the conjunction."""
    word = _WORD.match(text, at)
    return word is not None and starts_with_own_waw(word.group())


_WORD = re.compile(r"\w+")


# What an event answers or follows, told with a date of its own: "وأتت الغارات
# بعد مقتل تسعة مقاتلين … ليل الثلاثاء الأربعاء". ("إثر" and "عقب" are left
# out: "قتل ثلاثة إثر قصف" is one event.)
_CAUSE = re.compile(r"(?<=\s)(?:رد[اً\u064b]*\s+على|بعد\s+مقتل|في\s+أعقاب|انتقام[اً\u064b]*\s+ل)\s")


def _cause_cut(text: str) -> list[int]:
    """The cause a clause's event answers is an event of its own when it is
    told with its own day (the clause's only days) or its own place: "وأتت
    الغارات بعد مقتل تسعة مقاتلين … ليل الثلاثاء الأربعاء", "ضربت … عشرات
    الأهداف … في سوريا رداً على إطلاق صواريخ … في هضبة الجولان"."""
    marker = _CAUSE.search(text)
    if marker is None:
        return []
    at = marker.start()
    dates = _dates_in(text)
    own_day = any(m.kind in _CUT_KINDS for m in dates) and not any(m.start < at for m in dates)
    cause_days = [m for m in dates if m.start >= at and not _ATTRIBUTION.search(text, at, m.start)]
    own_place = not cause_days and (
        (_places_apart(text, at) and _one_event(text[at:])) or _fired_at_apart(text, at)
    )
    if not (own_day or own_place):
        return []
    if not (_reports_event(text[:at]) and _starts_event(text[at:])):
        return []
    return [at]


# The topic of a meeting: "التقى أعضاء مجلس الأمن، الاثنين، … لمناقشة الهجوم".
_TOPIC = re.compile(r"(?<=\s)(?:لمناقشة|لبحث|للتحقيق\s+في)\s")


def _topic_cut(text: str) -> list[int]:
    """A meeting held to discuss an event told with its own day ("واجتمعت ماي
    مع كبار وزرائها لمناقشة هجوم وقع في دوما يوم السبت") tells two events:
    the meeting, and the event on its day (so that the day is not the
    meeting's)."""
    marker = _TOPIC.search(text)
    if marker is None:
        return []
    at = marker.start()
    if not any(m.start >= at and _a_day(m) for m in _dates_in(text)):
        return []
    if not (_reports_event(text[:at]) and _discussed(text[at:])):
        return []
    return [at]


def _a_day(m: temporal.DateMention) -> bool:
    """A day named, or counted back in days ("وقع قبل عشرة أيام")."""
    return m.kind in _DAY_KINDS or (m.kind == "ago" and m.unit == "day" and m.amount is not None)


def _discussed(text: str) -> bool:
    """The first act of violence after "لمناقشة" is what is discussed ("لمناقشة
    الهجوم الكيماوي المفترض الذي وقع، السبت"), not one beyond the topic
    ("لمناقشة الوضع في سوريا … للالتزام بوقف إطلاق النار")."""
    violent = [t for t in events.find_triggers(text) if t.violent and not t.reporting]
    # (spoken of, or what an inquiry is into: "للتحقيق في هجوم كيميائي")
    return bool(violent) and violent[0].mood in ("spoken", "background")


def _plan_cut(text: str) -> list[int]:
    """ "وصلت لجنة تقصي الحقائق إلى دمشق أمس السبت ومن المقرر أن تذهب الأحد
    إلى دوما": what is planned after an event told with its own day is a
    clause of its own, so that its day is not the event's (and the event's
    is not read as the day of a saying)."""
    plan = _PLAN.search(text)
    if plan is None:
        return []
    at = plan.start()
    if not any(m.end <= at for m in _dates_in(text)) or not _reports_event(text[:at]):
        return []
    return [at]


# "ومن المقرر أن", "ومن المنتظر أن": what follows is planned.
_PLAN = re.compile(r"(?<=\s)و(?:من\s+)?(?:المقرر|المنتظر|المزمع|المرتقب)\s+[أا]ن\s")


def _anchor_cut(text: str) -> list[int]:
    """ "شنت إسرائيل السبت غارات … غداة مواجهات على الحدود قتل فيها فلسطينيان":
    the event named after "غداة", "عشية", "قبل يومين من" is one of its own, on
    the day the anchor counts from the clause's day (anchor_events reads it).
    Only when the clause tells its own day before the anchor, for the named
    event to be counted from, and none after it ("غداة تفجير … يوم الجمعة"
    gives the named event's own day, which anchor_events would shift)."""
    anchor = next((a for a in temporal.find_anchored(text) if a.start > 0), None)
    if anchor is None:
        return []
    at = anchor.start - 1 if text[anchor.start - 1] in "وف" else anchor.start
    days = [m for m in _dates_in(text) if m.kind in _DAY_KINDS]
    if not any(m.end <= at for m in days) or any(m.start > at for m in days):
        return []
    if not (_reports_event(text[:at]) and _starts_event(text[at:])):
        return []
    return [at]


# "بينما" joins two sides of one event ("جنديين تركيين قتلا، بينما أصيب خمسة
# آخرون في غارة") or two events in two places.
_CONTRAST = re.compile(r"(?<=\s)بينما\s")


def _contrast_cut(text: str) -> list[int]:
    """ "20 مدنياً قتلوا بقصف على مدينة دوما، بينما قتل خمسة مدنيين في مدينة
    عربين": two events, each with its own town, are two incidents."""
    marker = _CONTRAST.search(text)
    if marker is None:
        return []
    at = marker.start()
    if not _places_apart(text, at, both=True):
        return []
    if not (_reports_event(text[:at]) and _starts_event(text[at:])):
        return []
    return [at]


def _latest_cut(text: str) -> list[int]:
    """ "لقي 110 فلسطينيين مصرعهم …، كان آخرها مقتل 62 فلسطينيًا … الاثنين": a
    running toll and the latest event counted in it are two incidents. (A
    series told with no toll keeps one, its latest date: "خلال الأسابيع
    الماضية … كان آخرها ليلة التاسع والعاشر من مايو".)"""
    marker = _LATEST.search(text)
    if marker is None:
        return []
    at = marker.start()
    counted = [find_casualties(part) for part in (text[:at], text[at:])]
    return [at] if all(not c.is_empty for c in counted) else []


# "كان آخرها", "وكان آخرهم": the latest of what was just told.
_LATEST = re.compile(r"(?:^|\s)و?(?:كان|كانت)\s+آخر(?:ها|هم)\s")


# "… بحسب ما أعلن متحدث باسم الجيش الإسرائيلي الخميس": the day of the saying.
_ATTRIBUTION = re.compile(r"(?:^|\s)(?:بحسب|حسب|حسبما|وفق|وفقا|وفقاً|نقلا|نقلاً)\s")


def _one_event(text: str) -> bool:
    """The cause tells one act of violence, not the response again ("ردا على
    مقتل العشرات من جنوده في غارة … حيث استهدفت الصواريخ مطاري كويرس")."""
    return sum(1 for t in events.find_triggers(text) if t.violent and not t.reporting) <= 1


def _places_apart(text: str, at: int, both: bool = False) -> bool:
    """The side after ``at`` names places below a country that the side before
    does not; with ``both``, the side before names some too."""
    before = {m.place for m in places.find_places(text[:at]) if m.place.kind != "country"}
    after = {m.place for m in places.find_places(text[at:]) if m.place.kind != "country"}
    return bool(after) and (bool(before) or not both) and not (after & before)


def _fired_at_apart(text: str, at: int) -> bool:
    """The cause after ``at`` is fire at a country the side before does not
    name: "ضرب 25 هدفا لحماس … في قطاع غزة ليلا ردا على إطلاق صواريخ وقذائف
    من القطاع باتجاه إسرائيل" is the strikes on Gaza and the rockets on
    Israel (a country, which _places_apart leaves out, named as the target).
    The cause's phrase ends at its comma ("…، في تصعيد عسكري غير مسبوق")."""
    phrase = _PHRASE.match(text, at)
    cause = phrase.group() if phrase else text[at:]
    # one kind of fire ("صواريخ وقذائف"), not the response told again
    if len({t.type for t in events.find_triggers(cause) if t.violent and not t.reporting}) > 1:
        return False
    before = {m.place for m in places.find_places(text[:at])}
    for m in places.find_places(cause):
        lead = text[max(0, at + m.start - 12) : at + m.start]
        if m.place.kind == "country" and m.place not in before and _TOWARD.search(lead):
            return True
    return False


_PHRASE = re.compile(r"[^،,.;]+")
# The word before a target: "باتجاه إسرائيل", "على إسرائيل", "صوب إسرائيل".
_TOWARD = re.compile(r"(?:^|\s)(?:باتجاه|صوب|نحو|على|ضد|إلى|الى)\s+$")


def _reports_event(text: str) -> bool:
    kind, _ = events.classify(text)
    return kind not in ("", "statement")


def date_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Each clause's own date: when the event happened, not when it was told.

    Of the clause's date expressions, the one in the reported event ("أن 44
    شخصاً قتلوا خلال الليلة الماضية") wins over the day of the saying ("أعلن
    المرصد، الجمعة،"), and the finest over a vague span; inside reported speech,
    "أمس" and "الليلة الماضية" count from the day of the saying. A date after
    publication is a plan or a deadline and dates nothing; "غداة مقتل …" names
    another event by its distance from this one (anchor_events).
    """
    published = ctx.article.published.date
    out = []
    previous: DateRef | None = None
    list_years = _list_years(clauses)
    for c in clauses:
        if c.segment.kind != "text":
            out.append(c)
            continue
        year = list_years.get(c.segment.paragraph) or _told_year(
            c.text, published, ctx.week_start, previous
        )
        c = c.copy_with(list_year=year) if year is not None else c
        refs = _resolved(c.text, published, ctx.week_start, previous, year)
        chosen, future = _event_date(refs, published, c.text)
        if chosen is not None and _told_to_come(c.text, refs, published) and not _done(c.text):
            chosen, future = None, True
        if future and published is not None and _done(c.text):
            chosen, future = _past_date(refs, published, ctx.week_start, previous), False
        chosen = _past_the_saying(c.text, refs, chosen)
        chosen = _not_the_cause_s(c.text, refs, chosen)
        chosen = _until_told(_when_wounded(c.text, refs, chosen), published)
        chosen = _before_the_saying(c.text, refs, chosen)
        anchored = tuple(temporal.find_anchored(c.text))
        if chosen is not None:
            previous = chosen if chosen.is_dated else previous
            said = chosen.is_dated and (
                not any(e and r == chosen for e, _, r in refs) or _said_by_speaker(c.text, chosen)
            )
            out.append(c.copy_with(date=chosen, own_date=True, said_day=said, anchored=anchored))
        else:
            out.append(c.copy_with(future=future, anchored=anchored))
    dated = _share_with_replies(inherit_dates(ctx, tuple(out)))
    return _since_the_start(tuple(dated), published)


def _share_with_replies(clauses: list[Clause]) -> list[Clause]:
    """An event and the reply cut from it ("أطلقت صواريخ من غزة الأسبوع الماضي،
    وردت إسرائيل بغارات") share the day one of them gives: the sentence's."""
    out = list(clauses)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not _reply_to(a, b):
            continue
        if a.own_date and a.date.is_dated and (not b.own_date or _day_of_the_next(b)):
            out[i] = _sharing(b, a)
        elif b.own_date and not a.own_date and b.date.is_dated:
            out[i - 1] = _sharing(a, b)
    return out


def _reply_to(a: Clause, b: Clause) -> bool:
    """Is ``b`` the reply cut from ``a``'s sentence ("…، وردت إسرائيل بغارات")?"""
    one = (a.segment.paragraph, a.segment.sentence) == (b.segment.paragraph, b.segment.sentence)
    return one and b.segment.kind == "text" and opens_a_reply(b.text)


def _day_of_the_next(c: Clause) -> bool:
    """The reply's day is told after "، و", where the next event begins ("وردت
    الولايات المتحدة بـ58 صاروخا …، والسبت الماضي قام نظام الأسد مجددا بشن هجوم")."""
    at = c.text.find(c.date.text) if c.date.text else -1
    return at > 0 and _AND_NEXT.search(c.text, 0, at + 1) is not None


_AND_NEXT = re.compile(r"[،,]\s*و")


def _sharing(c: Clause, dated: Clause) -> Clause:
    # The day is the sentence's own, told once for both events.
    date = replace(dated.date, basis="inherited")
    return c.copy_with(date=date, own_date=True, said_day=dated.said_day)


def _said_by_speaker(text: str, ref: DateRef) -> bool:
    """The event told first, then the verb of saying, its speaker and the day
    ("… على الهجوم الكيمياوي على مدينة دوما، بحسب ما أفاد قصر الإليزيه مساء
    الاثنين"): the day is the saying's, though no "أن" opens what was said.
    (Said first, "أعلنت دمشق الأحد التوصل إلى اتفاق", the day is the news's.)"""
    at = text.find(ref.text) if ref.text else -1
    if at <= 0:
        return False
    triggers = events.find_triggers(text[:at])
    if not _said_at(text, at, triggers):
        return False
    said = max((t.start for t in triggers if t.reporting), default=-1)
    # (violence only: an accord "أعلنت عنه دمشق الأحد" was reached when announced)
    return any(not t.reporting and t.violent and t.end <= said for t in triggers)


CAMPAIGN_DAYS = 365  # how long ago an operation a toll counts since may have begun


def _since_the_start(clauses: tuple[Clause, ...], published: date | None) -> tuple[Clause, ...]:
    """ "ذكر المرصد الأحد أن 1500 مقاتل لقوا حتفهم منذ بدء الهجوم التركي": a
    toll since an operation began that the clause does not date is since the
    start the article gives it elsewhere ("بدأت تركيا في 20 يناير هجوما"), to
    publication; only when the article dates one such start, within a year
    (a siege "منذ 2007" is no start of the protests it tells)."""
    text = "\n".join(c.text for c in clauses)
    if published is None or not (
        temporal.tallies_since_start(text) or temporal.tallies_so_far(text)
    ):
        return clauses  # (most articles count no running total: nothing to date)
    starts: set[date] = {
        c.date.start
        for c in clauses
        if c.own_date
        and c.date.start
        and c.date.precision == "range"
        and c.date.end == published
        and temporal.GOING_ON in c.date.note
    }
    starts = starts or _launch_days(clauses) or _starts_in_passing(clauses, published)
    start = starts.pop() if len(starts) == 1 else None
    if start is None or (published - start).days > CAMPAIGN_DAYS:
        return _since_an_untold_start(clauses)
    note = "since the operation began, on the day the article gives it elsewhere"
    ref = DateRef(start, published, "range", "", "relative", note)
    return tuple(
        c.copy_with(date=ref)
        if _a_tally(c) and (not c.own_date or c.said_day) and c.date.precision != "range"
        else c
        for c in clauses
    )


def _since_an_untold_start(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """ "منذ بدء قوات النظام هجومها، قتل أكثر من 150 مدنيا": a toll since a start
    the article does not date runs from a day nobody tells; it is not the day of
    publication (first law), nor the day it was told ("ذكر المرصد الأحد أن 1500
    مقاتل لقوا حتفهم منذ بدء الهجوم التركي")."""
    note = "a toll since the operation began; the article does not say when it began"
    return tuple(
        c.copy_with(date=DateRef.undated("", note))
        if (not c.own_date or (c.said_day and casualty_words(c.text)))
        and c.date.is_dated
        and c.date.precision != "range"
        and temporal.tallies_since_start(c.text)
        else c
        for c in clauses
    )


def _a_tally(c: Clause) -> bool:
    """A running total since the campaign began: "منذ بدء الهجوم", or a count
    told so far or as the campaign's doing ("نزوح حوالي 320 ألف شخص حتى الآن",
    "ودفعت العملية العسكرية أكثر من 320 ألف مدني للنزوح")."""
    if temporal.tallies_since_start(c.text):
        return True
    # (dated before it is counted: the words of harm say it is a toll; the
    # cheaper test first)
    return temporal.tallies_so_far(c.text) and bool(casualty_words(c.text))


def _starts_in_passing(clauses: tuple[Clause, ...], published: date) -> set[date]:
    """Starts of an operation going on, told beside a clause's own event ("وضغطت
    قوات النظام، عن طريق تنفيذ عملية عسكرية بدأت في الـ 19 من حزيران، على
    الفصائل … إلى أن وافقت الجمعة على تسوية")."""
    out: set[date] = set()
    for c in clauses:
        if c.segment.kind != "text":
            continue
        for m in _dates_in(c.text):
            ref = temporal.resolve(m, published)
            ref = temporal.going_on_since(c.text, m, ref, published)
            going = ref.precision == "range" and temporal.GOING_ON in ref.note
            if going and ref.start and ref.end == published:
                out.add(ref.start)
    return out


def _launch_days(clauses: tuple[Clause, ...]) -> set[date]:
    """The days an offensive was launched on, told as events ("وشنت تركيا …
    في 20 كانون الثاني/يناير هجوما"), when no start is told as going on."""
    return {
        c.date.start
        for c in clauses
        if c.own_date
        and c.date.precision == "day"
        and c.date.start is not None
        and any(m.text == c.date.text and temporal.launched(c.text, m) for m in _dates_in(c.text))
    }


def _until_told(ref: DateRef | None, published: date | None) -> DateRef | None:
    """A month or a year still going on when the article was published ("في
    وقت سابق هذا الشهر"): what it tells happened by then, so the span ends on
    the publication day. (A week is left whole: its days are few.)"""
    if ref is None or published is None or ref.precision not in ("month", "year"):
        return ref
    if ref.start is None or ref.end is None or not ref.start <= published < ref.end:
        return ref
    return replace(ref, end=published)


# Expressions that count from "now": inside reported speech, now is the saying's day.
_DEICTIC = frozenset({"day", "ago", "span"})


def _resolved(
    text: str,
    published: date | None,
    week_start: int,
    previous: DateRef | None,
    year: int | None = None,
) -> list[tuple[bool, temporal.DateMention, DateRef]]:
    """(in the reported event?, mention, its reading) for each date expression;
    ``year``, a chronology's, for those that give none (``_list_years``)."""
    mentions = _dates_in(text)
    told_at = temporal.told_after(text) if mentions else -1
    said: DateRef | None = None
    out = []
    for m in _durations_read(text, mentions):
        if year is not None:
            m = _in_year(m, year)
        event = told_at < 0 or m.start >= told_at
        now = published
        if event and said is not None and said.precision == "day" and m.kind in _DEICTIC:
            now = said.start
        ref = temporal.resolve(m, now, week_start=week_start, context=previous)
        ref = temporal.going_on_since(text, m, ref, published)
        if ref.is_dated and m.kind != "anaphora":
            previous = ref  # "في 30 مارس، ومنذ ذلك التاريخ": the clause's own date before
        if len(mentions) == 1 and _background_years(text, m, ref):
            continue
        if _remembered(text, m):
            continue
        ref = temporal.later_in(text, m, ref, published)
        if not event and ref.is_dated:
            said = ref
        out.append((event, m, ref))
    return out


# A chronology: paragraphs that open with their date and a colon ("18 يناير
# 2015: غارة إسرائيلية على هضبة الجولان …"). An entry without its year ("19
# ديسمبر: مقتل … سمير القنطار") is in the year of the entry before it, not the
# one nearest publication, when it follows that entry in the list's order; at
# most LIST_GAP paragraphs between them. A heading that is a year ("- 2013 -")
# gives its entries theirs; another heading ends the list.
_ENTRY_COLON = re.compile(r"\s*[:：]")
_YEAR_HEADING = re.compile(r"[\s\-–—]*((?:19|20)\d\d)[\s\-–—:]*")
LIST_GAP = 2
_YEARLESS = frozenset({"date", "month"})
_ENTRY_START = 3  # characters before an entry's date (a space, a dash)


def _list_years(clauses: tuple[Clause, ...]) -> dict[int, int]:
    """The year of each chronology entry that gives none, by its paragraph."""
    out: dict[int, int] = {}
    last: tuple[int, int, int, int] | None = None  # paragraph, year, month, day
    rising: bool | None = None  # the list's order, once two years tell it
    seen: set[int] = set()
    for c in clauses:
        p = c.segment.paragraph
        if p in seen:
            continue
        seen.add(p)
        if c.segment.kind == "heading":
            year = _YEAR_HEADING.fullmatch(c.text)
            last = (p, int(year.group(1)), 1, 1) if year else None
            rising = None
            continue
        m = _entry_date(c.text) if c.segment.kind == "text" else None
        if m is None or m.month is None:
            continue
        day = m.day or 1
        if m.year is not None:
            if last is not None and p - last[0] <= LIST_GAP and m.year != last[1]:
                rising = m.year > last[1]
            last = (p, m.year, m.month, day)
            continue
        if last is None or p - last[0] > LIST_GAP:
            continue
        later = (m.month, day) >= last[2:]
        if later if rising is not False else (m.month, day) <= last[2:]:
            out[p] = last[1]
            last = (p, last[1], m.month, day)
    return out


def _entry_date(text: str) -> temporal.DateMention | None:
    """The date a chronology entry opens with, right before its colon."""
    mentions = _dates_in(text)
    if not mentions or mentions[0].kind not in _YEARLESS or mentions[0].start > _ENTRY_START:
        return None
    return mentions[0] if _ENTRY_COLON.match(text, mentions[0].end) else None


def _in_year(m: temporal.DateMention, year: int) -> temporal.DateMention:
    """A day or month the text gives no year, placed in ``year``."""
    if m.kind not in _YEARLESS or m.year is not None or m.month is None:
        return m
    if m.year_offset is not None:
        return m  # "يناير العام الماضي": counted from publication
    until = _in_year(m.until, year) if m.until is not None else None  # "6-7 نيسان"
    return replace(m, year=year, until=until)


def _background_years(text: str, m: temporal.DateMention, ref: DateRef) -> bool:
    """ "انفجرت قنبلة … ما أسفر عن مقتل 11 شخصا، هم من المدنيين الذين لا يزالون
    يدفعون الثمن في النزاع الدامي المستمر منذ 2001": the years a war has gone
    on, named after the event the clause tells, are the war's, not the
    event's. Only as the clause's one date: the event then takes the day of
    the scene or the article (another date may be a report's: "كشفت تقرير
    لوكالة رويترز في أكتوبر عام 2017 أن … بعد أن سيطر التنظيم على منطقة …
    خلال الحرب الأهلية الدائرة منذ ست سنوات")."""
    if not (ref.precision == "range" and ref.start and ref.end):
        return False
    if (ref.end - ref.start).days <= _YEAR:
        return False
    at = temporal.going_on_at(text, m)
    if at < 0:
        return False
    # an act told afresh, not a toll ("وقتل أكثر من تسعة آلاف شخص … في الصراع
    # المستمر منذ ثلاث سنوات" is the war's, over its years), nor one recalled
    # ("وكان الهجوم على الغوطة واحدا من أعنف الهجمات في الحرب السورية
    # المستمرة منذ 7 سنوات", "بعدما استعاد النظام السوري مناطق واسعة")
    reading = events.read(text[:at])
    trigger = reading.trigger
    if trigger is None or not (
        (trigger.violent and trigger.tier in ("means", "action")) or trigger.tier == "civil"
    ):
        return False  # (a visit too: "وزارت جولي مخيم دوميز … الذي يضم 33 ألف لاجئ سوري
        # شردتهم الحرب الدائرة منذ سبع سنوات")
    after = _AFTER_THAT.search(text, 0, trigger.start)
    return not (reading.definite or reading.cause or reading.hearsay or after)


def _remembered(text: str, m: temporal.DateMention) -> bool:
    """ "لقي فلسطيني مصرعه … بمناسبة إحياء ذكرى … تأسيس الدولة العبرية قبل 70
    عاما": a date in an anniversary's phrase is the remembered event's, not
    that of the event the clause told before it (a clause that tells only the
    remembered event keeps it: "ذكرى مجزرة حماة عام 1982")."""
    at = temporal.anniversary_at(text, m)
    return at >= 0 and events.read(text[:at]).trigger is not None


# "بعدما استعاد", "بعد أن سيطر": an act told as what came before another.
_AFTER_THAT = re.compile(r"(?:^|\s)(?:بعدما|بعد\s+[أا]ن)\s")


def _durations_read(
    text: str, mentions: tuple[temporal.DateMention, ...]
) -> tuple[temporal.DateMention, ...]:
    """ "خلال خمسة أيام" has no direction: a deadline ("الانسحاب خلال 48 ساعة")
    dates nothing. In a clause that counts its dead or its displaced ("موقعا
    أكثر من 400 قتيل خلال خمسة أيام") it is the span up to publication."""
    if all(m.kind != "span" or m.direction for m in mentions):
        return mentions  # nearly every clause
    counted = _counts_harm(text)
    return tuple(
        replace(m, direction="past") if m.kind == "span" and not m.direction else m
        for m in mentions
        if counted or m.kind != "span" or m.direction
    )


def _told_to_come(
    text: str, refs: list[tuple[bool, temporal.DateMention, DateRef]], published: date | None
) -> bool:
    """What is reported is dated only after publication; the saying's own day
    is no date of it ("أعلنت الوكالة الاثنين أن الكوريتين اتفقتا على عقد قمة
    جديدة … في أيلول/سبتمبر المقبل", "قال الكرملين الخميس إن القمة ستكون في 16
    يوليو المقبل"). A deadline is no date of what is told ("في لقاء … الأحد،
    قائلا إنهم يعملون من أجل حكومة … حتى نهاية ولايتها في نوفمبر 2019")."""
    if published is None:
        return False
    told = [(m, r) for e, m, r in refs if e and r.start is not None]
    return bool(told) and all(
        r.start is not None and r.start > published and not temporal.deadline(text, m)
        for m, r in told
    )


def _past_date(
    refs: list[tuple[bool, temporal.DateMention, DateRef]],
    published: date,
    week_start: int,
    previous: DateRef | None,
) -> DateRef:
    """The date of a clause that counts its dead or tells violence done ("هاجم
    أفراد الجماعة في السادس والعشرين من أغسطس/ آب إحدى القرى", in May), when
    the only dates it gives lie after publication: the past reading, when the
    article's last date vouches for its year; else none (the year is not
    given)."""
    past, _ = _event_date(_in_the_past(refs, published, week_start), published)
    if past is not None and _told_near(past, previous):
        return past
    text = next((m.text for _, m, r in refs if r.is_dated), "")
    return DateRef.undated(
        text, "a day named without its year; the dead are past, the year is not given"
    )


def _done(text: str) -> bool:
    """The clause tells what has happened: dead counted, or violence by a past
    verb (asked only of clauses dated after publication: it scans them)."""
    return _tells_dead(text) or events.told_as_done(text, kind="", violence_whole=True)


def _tells_dead(text: str) -> bool:
    """The clause counts dead or wounded: what it tells has happened."""
    found = find_casualties(text)
    return found.killed is not None or found.wounded is not None


def _in_the_past(
    refs: list[tuple[bool, temporal.DateMention, DateRef]], published: date, week_start: int
) -> list[tuple[bool, temporal.DateMention, DateRef]]:
    """A day or month named without a year is the one nearest publication, but
    the dead are never planned: "وفي الأول من تشرين الثاني/نوفمبر قتل ثلاثة
    مدنيين", published in June, is last November (when the article's last
    date agrees, see _told_near)."""
    out = []
    for event, m, ref in refs:
        yearless = m.kind in ("date", "month") and m.year is None and not m.direction
        if yearless and ref.start is not None and ref.start > published:
            m = replace(m, direction="past")
            ref = temporal.resolve(m, published, week_start=week_start)
        out.append((event, m, ref))
    return out


# How soon after a date of an earlier year a year-less day must fall to be read
# in that year (_told_year).
TOLD_ON_DAYS = 31


def _told_year(
    text: str, published: date | None, week_start: int, previous: DateRef | None
) -> int | None:
    """ "في 24 آذار/مارس 2017 … وبعد أيام من ذلك، في 30 آذار/مارس": a day
    named without its year, after the article told a date of an earlier year,
    follows on in that year when it falls soon after that date (within
    TOLD_ON_DAYS), not in the year nearest publication."""
    if previous is None or previous.start is None or previous.precision != "day":
        return None  # (a year told, "قبل ست سنوات", is no day to follow on from)
    for m in _dates_in(text):
        if m.kind not in _YEARLESS or m.year is not None or m.year_offset is not None:
            continue
        if m.direction or m.month is None:
            continue
        ref = temporal.resolve(m, published, week_start=week_start)
        if ref.start is None or previous.start.year >= ref.start.year:
            continue
        told = temporal.resolve(_in_year(m, previous.start.year), None, week_start=week_start)
        if told.start is not None and 0 <= (told.start - previous.start).days <= TOLD_ON_DAYS:
            return previous.start.year
    return None


# How close the last date the article gave must lie to a year-less date read
# into the past, when it is not of the same year.
NARRATIVE_DAYS = 183


def _told_near(ref: DateRef, previous: DateRef | None) -> bool:
    """The article's last date is of the same year as ``ref``, or near it: "في
    التاسع من كانون الثاني/يناير 2017" before "وفي الأول من تشرين
    الثاني/نوفمبر قتل" vouches for November 2017; "ألغيت في أيار/مايو 2012"
    before "في 14 آب/أغسطس … قتل فيهما نحو 700" does not (that was 2013)."""
    if previous is None or previous.start is None or ref.start is None:
        return False
    same_year = previous.start.year == ref.start.year
    return same_year or abs((previous.start - ref.start).days) <= NARRATIVE_DAYS


def _when_wounded(
    text: str, refs: list[tuple[bool, temporal.DateMention, DateRef]], chosen: DateRef | None
) -> DateRef | None:
    """ "توفي فتى فلسطيني السبت متأثرا بجروح أصيب بها برصاص الجيش قبل يوم": the
    shooting, the day before, is the event; the death on Saturday updates its
    toll. With no date after those words, the clause keeps the one it has."""
    if chosen is None:
        return None
    after = temporal.wounded_earlier(text)
    if after < 0:
        return chosen  # nearly every clause
    later = [r for _, m, r in refs if m.start >= after and r.is_dated]
    return later[0] if later else chosen


def _not_the_cause_s(
    text: str, refs: list[tuple[bool, temporal.DateMention, DateRef]], chosen: DateRef | None
) -> DateRef | None:
    """ "تردد دوي انفجارات متتالية في العاصمة السورية … رداً على تقارير عن هجوم
    كيميائي في دوما قبل أسبوع": a date in what the clause's event responds to
    is that cause's, when the event is told before it: the event keeps no
    date of the cause's (the clause takes the article's day, as undated)."""
    if chosen is None:
        return None
    at = [m for _, m, r in refs if r == chosen]
    if not at or _IN_RESPONSE.search(text, 0, at[0].start) is None:
        return chosen
    cause = max(m.start() for m in _IN_RESPONSE.finditer(text, 0, at[0].start))
    if _BREAK.search(text, cause, at[0].start):
        return chosen  # ("ردا على الهجوم، شنت الطائرات الأحد غارات": its own)
    reading = events.read(text)
    told = reading.trigger
    if told is None or reading.cause or told.start >= cause:
        return chosen  # the clause tells the cause itself: its date
    others = [r for _, m, r in refs if r.is_dated and m.start < cause]
    return others[0] if others else None


# "ردا على" and its spellings: what a clause's event responds to.
_IN_RESPONSE = re.compile(r"(?:^|\s)[وف]?(?:ردا|رداً|ردًا|ردّا)\s+على\s")


def _past_the_saying(
    text: str, refs: list[tuple[bool, temporal.DateMention, DateRef]], chosen: DateRef | None
) -> DateRef | None:
    """ "وكانت السعودية قد أكدت الأربعاء شن التحالف غارة … أدت إلى مقتل الصماد
    … في التاسع من الشهر الحالي": the day right after a verb of saying is the
    saying's; an earlier day the clause gives is the event's."""
    if chosen is None or chosen.precision != "day" or chosen.start is None:
        return chosen
    days = [(m, r) for _, m, r in refs if r.is_dated and r.precision == "day" and r.start]
    earlier = [(m, r) for m, r in days if r.start < chosen.start]  # type: ignore[operator]
    if not earlier:
        return chosen  # most clauses: no need to look for verbs of saying
    triggers = events.find_triggers(text)
    said = [t.end for t in triggers if t.reporting]
    # ... and before the event's words: "قصفت فجر الأربعاء" is the strike's day.
    # (not one threatened: "توعد بالثأر لمقتل الصماد، الاثنين، إثر غارات")
    told = [t for t in triggers if not t.reporting and t.mood != "irrealis"]
    first_event = min((t.start for t in told), default=len(text))

    def told_day(m: temporal.DateMention, reach: int = SAID_DAY_REACH) -> bool:
        return m.end <= first_event and any(0 <= m.start - end <= reach for end in said)

    saying_days = [m for m, r in days if r == chosen]
    if any(told_day(m) for m in saying_days):
        own = [r for m, r in earlier if not told_day(m)]
    elif any(told_day(m, SAID_SPEAKER_REACH) for m in saying_days):
        # A speaker of many words ("أعلنت القيادة الافريقية بالجيش الأمريكي،
        # الأحد، عن تنفيذ غارة جوية ضد هدف في ليبيا، السبت"): the earlier day
        # is the event's only when it follows the first event told, no other
        # between ("إلقاء القبض على أربعة … في الحريق الذي دمر الأحد").
        first = [t for t in told if t.start == first_event]
        own = [r for m, r in earlier if first and _no_event_between(told, first[0].end, m.start)]
    else:
        return chosen
    return own[0] if own else chosen


def _no_event_between(told: list[events.Trigger], start: int, end: int) -> bool:
    return start <= end and not any(start <= t.start < end for t in told)


def _before_the_saying(
    text: str, refs: list[tuple[bool, temporal.DateMention, DateRef]], chosen: DateRef | None
) -> DateRef | None:
    """ "قال الجيش الأحد إن القوات سيطرت مؤخرا على الجبل": the only day is the
    saying's, and what was said is told as earlier than it. The text gives the
    event no day: it stays undated (never the saying's day)."""
    if chosen is None or not chosen.is_dated:
        return chosen
    dated = [(m, r) for _, m, r in refs if r.is_dated]
    if len(dated) != 1 or dated[0][1] != chosen:
        return chosen  # 'تعهدا في السابق … وضربات اليوم': the event's own day
    day = dated[0][0]
    # (the words first: few clauses have them, and finding a saying costs more)
    found = temporal.told_before_saying(text, day.end)
    if found is None or not _said_day(text, day):
        return chosen
    start = day.end
    if not _of_the_first_event(text[start:], found[1] - start):
        return chosen
    note = f"told as before the day it was said ('{found[0]}'); the text gives it no day"
    return DateRef.undated("", note)


def _of_the_first_event(said: str, at: int) -> bool:
    """Whether the word of time at ``at`` in what was said stands by the first
    event told ("إن بولتون اتصل مؤخرا بكامل", "دوما التي شهدت مؤخرا هجوما"),
    not by another ("أعدمت 19 سجينا اعتقلتهم مؤخرا") or a later saying ("وكان
    الجيش أعلن في وقت سابق")."""
    triggers = events.find_triggers(said)
    told = [t for t in triggers if not t.reporting]
    if not told or not -BEFORE_SAYING_REACH[0] <= at - told[0].start <= BEFORE_SAYING_REACH[1]:
        return False
    between = [t for t in triggers if t.start < at and t is not told[0]]
    return not any(t.reporting or t.start >= told[0].end for t in between)


# Characters from the start of the event's words back to "مؤخرا" ("شهدت مؤخرا
# هجوما") and on to it ("زار السعودية في وقت سابق").
BEFORE_SAYING_REACH = (10, 30)


def _event_date(
    refs: list[tuple[bool, temporal.DateMention, DateRef]],
    published: date | None,
    text: str = "",
) -> tuple[DateRef | None, bool]:
    """The clause's own date (or an undated reading that says why), and whether
    its only dates are in the future."""
    dated = [(e, m, r) for e, m, r in refs if r.is_dated]
    if dated and _scheduled(dated[0][1], dated[0][2], published):
        # "ويجتمع ترامب مع بوتن، الاثنين، … منذ تولي ترامب السلطة في يناير
        # 2017": a meeting to come; the dates after it are its background.
        return None, True
    # (what is told as next is to come, though "في الأشهر القادمة" opens on
    # the day of publication)
    past = [
        (e, m, r)
        for e, m, r in dated
        if (published is None or (r.start or published) <= published) and m.direction != "next"
    ]
    if past:
        # The reported event before the saying, then the first; a finer date inside
        # it wins ("خلال الأسابيع الماضية … كان آخرها ليلة التاسع والعاشر من مايو").
        told = _after_the_saying(
            text, [(m, r) for e, m, r in past if e] or [(m, r) for _, m, r in past]
        )
        first = told[0][1]
        over = _toll_over_span(text, told)
        if over is not None:
            return over, False
        # "بدأت الاحتجاجات في 30 مارس، ومنذ ذلك التاريخ قتل 33": what is told
        # since then runs from that day to publication.
        since_then = [r for m, r in told[1:] if m.kind == "anaphora" and m.since]
        if since_then and since_then[0].start == first.start:
            return since_then[0], False
        # ... not the day a toll over a range was told ("نزوح 120 ألفا منذ بدء
        # الهجوم في 19 يونيو، وفق ما أعلن المرصد الجمعة"); an event of the span
        # keeps its day ("بسطت القوات سيطرتها على عفرين في إطار عملية … منذ 20
        # كانون الثاني، وفق ما أعلن أردوغان الأحد").
        # (a vague span too: "نزح أكثر من 12 ألف شخص خلال الأيام الماضية …،
        # حسبما أعلن المرصد الخميس")
        span = first.precision == "range" or (
            first.precision == "approx" and first.start != first.end
        )
        # (a bare plural's span, "خلال الأسابيع الماضية", reaches back at
        # least so far: a day told in it may lie before its start; not one of
        # years, the background a year told in it belongs to: "تحاصرها
        # القوات منذ سنوات … منذ 2013")
        m0 = told[0][0]
        vague = m0.kind in ("span", "ago") and m0.amount is None and m0.unit != "year"
        inside = [
            r
            for m, r in told[1:]
            if _narrower(r, first, open_start=vague) and not (span and _toll_told(text, m))
        ]
        return (min(inside, key=lambda r: PRECISION_RANK[r.precision]) if inside else first), False
    if dated:
        return None, True
    undated = [r for _, m, r in refs if m.kind != "unanchored"]
    return (undated[0] if undated else None), False


def _after_the_saying(
    text: str, told: list[tuple[temporal.DateMention, DateRef]]
) -> list[tuple[temporal.DateMention, DateRef]]:
    """The day of a saying that opens the clause, then the event's own day
    with no "أن" between ("وأفادت سانا السبت عن …، وحيث استعادت القوات قبل
    أسبوع السيطرة على معبر نصيب"): the event's day first."""
    saying, said = told[0]
    if len(told) < 2 or not _said_day(text, saying) or _THAT.search(text, 0, saying.start):
        return told  # "أعلنت فارس أن الحرس الثوري شن، فجر الإثنين": the event's day
    if said.start is None:
        return told
    own = [
        (m, r)
        for m, r in told[1:]
        if r.precision in ("day", "approx")
        and m.kind in _OWN_AFTER_SAYING
        and r.end is not None
        and r.end <= said.start  # told before it was said
        and _next_to_event(text, m.start)
        and not _said_day(text, m)
    ]
    return own[:1] + told if own else told


def _next_to_event(text: str, at: int) -> bool:
    """An event's trigger stands a few words before ``at``, with no comma
    between: "استعادت القوات الحكومية قبل أسبوع", not "الانتخابات التي جرت في 12
    أيار"."""
    told = [t for t in events.find_triggers(text[:at]) if not t.reporting]
    if not told:
        return False
    between = text[told[-1].end : at]
    return len(between) <= OWN_DAY_REACH and not _BREAK.search(between)


OWN_DAY_REACH = 30  # characters from an event's trigger to its own day
_BREAK = re.compile(r"[،,.;:؛]")


_THAT = re.compile(r"(?:^|\s)[أإ]ن(?:ه|ها|هم)?\s")
# A date told as itself ("في 7 أبريل", "قبل أسبوع"), not a bare weekday: "خلال
# اجتماع تحضيري للقمة التي تحتضنها الظهران الأحد" names a summit to come.
_OWN_AFTER_SAYING = frozenset({"date", "ago"})


def _scheduled(m: temporal.DateMention, ref: DateRef, published: date | None) -> bool:
    """A weekday a verb of what is to come governs, after publication."""
    return (
        m.direction == "coming"
        and published is not None
        and ref.start is not None
        and ref.start > published
    )


def _toll_over_span(text: str, told: list[tuple[temporal.DateMention, DateRef]]) -> DateRef | None:
    """ "أعلن المتحدث العسكري، الخميس، عن مقتل 19 تكفيريا خلال الأيام القليلة
    الماضية": a toll told on the saying's day, over a past span that ends on
    it and follows the toll's words. The span dates the toll; the saying's day
    is only when it was told. (Not a span told apart from the event: "عن مقتل 19
    في اشتباكات بسيناء، ليرتفع عدد القتلى خلال الأيام الماضية".)"""
    (said, day), rest = told[0], told[1:]
    if day.precision != "day" or day.start is None:
        return None
    # (the cheap tests first: most clauses have no past span around the day)
    spans = [
        (m, r)
        for m, r in rest
        if m.kind == "span"
        and m.direction == "past"
        and r.start is not None
        and r.end is not None
        and r.start < day.start <= r.end
    ]
    if not spans or not _said_day(text, said) or _THAT.search(text, 0, said.start):
        return None
    spans = [(m, r) for m, r in spans if _right_after_first_event(text, said.end, m.start)]
    return spans[0][1] if spans and _counts_harm(text) else None


def _right_after_first_event(text: str, after: int, at: int) -> bool:
    """The first event told after ``after`` ends a few words before ``at``, no
    comma between."""
    told = [t for t in events.find_triggers(text[:at]) if not t.reporting and t.start >= after]
    if not told:
        return False
    between = text[told[0].end : at]
    return len(between) <= OWN_DAY_REACH and not _BREAK.search(between)


def _toll_told(text: str, m: temporal.DateMention) -> bool:
    """A clause counting its dead or displaced, ``m`` the day it was said."""
    return bool(text) and _said_day(text, m) and _counts_harm(text)


def _counts_harm(text: str) -> bool:
    """The clause counts its dead, wounded or displaced (a vague count too:
    "قتل مئات الأشخاص خلال 12 يوما")."""
    found = find_casualties(text)
    vague = found.unnumbered and found.approximate
    return vague or any(n is not None for n in (found.killed, found.wounded, found.displaced))


def _said_day(text: str, m: temporal.DateMention) -> bool:
    """The mention follows a verb of saying and its speaker, with no event
    between: the day of the saying ("وفق ما أعلن المرصد السوري لحقوق الإنسان
    الجمعة")."""
    return _said_at(text, m.start)


def _said_at(text: str, at: int, triggers: list[events.Trigger] | None = None) -> bool:
    """A verb of saying and its speaker right before ``at``, no event between
    (``triggers``: the text's before ``at``, when the caller has them)."""
    if triggers is None:
        triggers = events.find_triggers(text[:at])
    said = [t.end for t in triggers if t.reporting]
    last = max(said, default=-1)
    if last < 0 or at - last > SAID_SPEAKER_REACH:
        return False
    return not any(t.start >= last and not t.reporting for t in triggers)


SAID_SPEAKER_REACH = 50  # characters: a verb of saying, its speaker, then the day


def inherit_dates(ctx: Context, clauses: tuple[Clause, ...]) -> list[Clause]:
    """A clause with no date of its own takes the scene's day, or the publication date.

    The scene is set by a day-precise date earlier in the same paragraph, or in
    the paragraph before when this one continues it ("وأضاف البيان…").
    """
    published = ctx.article.published
    history = _tells_history(clauses, published.date)
    news_day = _news_day(clauses, published.date)
    out: list[Clause] = []
    scene: DateRef | None = None
    paragraph = -1
    for c in clauses:
        if c.segment.kind != "text":
            out.append(c)
            continue
        if c.segment.paragraph != paragraph:
            paragraph = c.segment.paragraph
            if not is_continuation(c.text):
                scene = None
        if c.own_date:
            scene = c.date if _sets_scene(c.date) else scene
            out.append(c)
        elif (earlier := temporal.told_as_earlier(c.text)) is not None:
            note = f"told as an earlier event ('{earlier}') and the text gives it no date"
            out.append(c.copy_with(date=DateRef.undated("", note)))
        elif (named := temporal.named_by_its_date(c.text)) is not None:
            note = f"'{named}' names an event by its date, in no year the text gives"
            out.append(c.copy_with(date=DateRef.undated("", note)))
        elif scene is not None:
            out.append(c.copy_with(date=replace(scene, basis="inherited")))
        elif history:
            note = "the article recalls history ('this day in history') and gives this no date"
            out.append(c.copy_with(date=DateRef.undated("", note)))
        elif published.date is not None:
            out.append(c.copy_with(date=_published_day(c, published.date, news_day)))
        else:
            note = "no date in the text and the article has no publication date"
            out.append(c.copy_with(date=DateRef.undated("", note)))
    return out


def _published_day(c: Clause, published: date, news_day: date | None) -> DateRef:
    """An undated clause's approximate day: the lede's day, or the day the
    article was published; "at night", bare ("وقتل ليلاً في مدينتي زملكا
    وعربين أكثر من 50 شخصا"), the night before it, into its morning."""
    if news_day:
        why = "no date in the text: from the day of the article's lede"
        return DateRef(news_day, news_day, "approx", "", "publication", why)
    if temporal.overnight_at(c.text) >= 0:
        why = "the night (ليلاً) before the morning the article was published"
        return DateRef(published - timedelta(days=1), published, "approx", "", "publication", why)
    return DateRef(published, published, "approx", "", "publication", "")


def _news_day(clauses: tuple[Clause, ...], published: date | None) -> date | None:
    """The day the lede tells, when it is a day or two before publication
    ("أفادت مصادر طبية بارتفاع عدد القتلى، السبت، إلى 35" in Sunday's paper):
    what the article tells undated is about that day, not the day it was
    printed (still approximate)."""
    if published is None:
        return None
    for c in clauses:
        if c.segment.kind != "text" or c.segment.paragraph > 0:
            break
        if c.own_date and c.date.precision == "day" and c.date.start is not None:
            lag = (published - c.date.start).days
            return c.date.start if 0 < lag <= NEWS_DAY_LAG else None
    return None


NEWS_DAY_LAG = 2  # days: a lede dated further back tells an older story


def _tells_history(clauses: tuple[Clause, ...], published: date | None) -> bool:
    """Most dates the article writes lie long before it was published ("في 1
    أكتوبر من عام 1918 …", "في 30 سبتمبر من عام 1980 …"): its undated lines
    are history too, not news of the day it was published."""
    if published is None:
        return False
    years = [
        m.year for c in clauses if c.segment.kind == "text" for m in _dates_in(c.text) if m.year
    ]
    old = sum(published.year - y >= events.history_years() for y in years)
    return old >= 2 and old * 2 > len(years)


def _sets_scene(ref: DateRef) -> bool:
    return ref.is_dated and ref.precision == "day" and ref.basis in ("explicit", "relative")


def classify_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    return tuple(_classified(c, ctx) if c.segment.kind == "text" else c for c in clauses)


def _classified(c: Clause, ctx: Context) -> Clause:
    reading = events.read(c.text)
    kind = reading.type
    # What someone said is not an incident: the speaker reports the events.
    # A football "هجوم" is not one either (the article's domain decides).
    # A question asks what happened ("الحرب السورية: من يقاتل من؟").
    if kind == "statement" or not ctx.domain.allows(kind) or _asks(c.text):
        kind = ""
    tier = reading.trigger.tier if reading.trigger else ""
    mood = reading.trigger.mood if reading.trigger else ""
    if kind and mood == "irrealis" and reading.trigger:
        c = _planned(c, ctx, reading.trigger.start)
    elif kind and reading.trigger:
        at = reading.trigger.start
        c = _overnight(_day_of_trigger(_unquoted(_framed(c, kind, at, ctx), at, ctx), at, ctx))
    return c.copy_with(
        type=kind,
        weak=reading.weak,
        definite=reading.definite,
        hearsay=reading.hearsay,
        cause=reading.cause,
        spoken=reading.cause and tier != "" and mood == "spoken",
        tier=tier,
        trigger_at=reading.trigger.start if reading.trigger else -1,
        accident=reading.accident,
    )


def _framed(c: Clause, kind: str, trigger_at: int, ctx: Context) -> Clause:
    """A meeting that frames what was said in it is not dated by what was said
    ("قال السفير خلال جلسة طارئة لمجلس الأمن إنه لم يقع هجوم كيميائي في دوما
    السبت" was no session on Saturday): the day told before the saying's "أن",
    else the day the article was published."""
    published = ctx.article.published.date
    told_at = temporal.told_after(c.text)
    if told_at < 0:
        told_at = _said_that(c.text)  # "مؤكدا إنه": "أن" with its pronoun
    at = c.text.find(c.date.text) if c.own_date and c.date.text else -1
    if kind != "diplomacy" or told_at < 0 or not trigger_at < told_at <= at:
        return c
    refs = _resolved(c.text, published, ctx.week_start, None, c.list_year)
    frame = [
        (abs(m.start - trigger_at), r)
        for _, m, r in refs
        if r.is_dated and m.start < told_at and not (published and r.start and r.start > published)
    ]
    nearest = min(frame, key=lambda d: d[0], default=None)
    if nearest is not None:
        return c.copy_with(date=nearest[1])
    if published is None:
        return c.copy_with(date=DateRef.undated("", "only what was said is dated"), own_date=False)
    return c.copy_with(date=_published_day(c, published, None), own_date=False, said_day=False)


def _said_that(text: str) -> int:
    """Where what was said begins after "أنه", "إنه", "بأنها" (the pronoun
    glued to "أن"), or -1."""
    folded = fold(text)
    m = _THAT_PRONOUN.search(folded.text)
    return folded.span(m.start(), m.end())[1] if m else -1


_THAT_PRONOUN = re.compile(r"(?:^|\s)[وف]?ب?ان(?:ه|ها|هم|هما)(?=\s|$)")


def _unquoted(c: Clause, trigger_at: int, ctx: Context) -> Clause:
    """The event told outside a quotation is not dated by the quotation's words:
    'وقال دي ميستورا في اجتماع مجلس الأمن، الأربعاء: "… تكريس هذا الشهر الحاسم
    …"' is Wednesday's meeting. The clause's date outside the quotation, the
    nearest to the trigger, dates it."""
    at = c.text.find(c.date.text) if c.own_date and c.date.text else -1
    if at < 0 or not _in_quote(c.text, at) or _in_quote(c.text, trigger_at):
        return c
    published = ctx.article.published.date
    refs = _resolved(c.text, published, ctx.week_start, None, c.list_year)
    outside = [
        (abs(m.start - trigger_at), r)
        for _, m, r in refs
        if r.is_dated
        and not _in_quote(c.text, m.start)
        and not (published and r.start and r.start > published)
    ]
    nearest = min(outside, key=lambda d: d[0], default=None)
    return c.copy_with(date=nearest[1]) if nearest else c


def _day_of_trigger(c: Clause, trigger_at: int, ctx: Context) -> Clause:
    """Days named on both sides of the event's trigger, or two before it: the
    day nearest the trigger is the event's ("فتح التحالف تحقيقا الجمعة بشأن
    القصف الجوي الذي استهدف حافلة … الخميس، والذي أسفر عن مقتل 51": Thursday)."""
    published = ctx.article.published.date
    if not (c.own_date and published and c.date.precision == "day" and c.date.text):
        return c
    at = c.text.find(c.date.text)
    if at < 0 or at > trigger_at:
        return c
    refs = _resolved(c.text, published, ctx.week_start, None, c.list_year)
    # (a day "، وذلك" parts from the trigger is farther than one in its phrase:
    # "للبحث داخل القنصلية … الاثنين، وذلك بعد ما يقرب من أسبوعين على اختفاء
    # الصحفي … لدى دخوله إلى القنصلية في 2 أكتوبر")
    days = [
        (_PARTED * _parted(c.text, m.start, trigger_at) + abs(m.start - trigger_at), r)
        for event, m, r in refs
        if event and r.is_dated and r.precision == "day" and r.start and r.start <= published
    ]
    nearest = min(days, key=lambda d: d[0], default=None)
    return c.copy_with(date=nearest[1]) if nearest and nearest[1] != c.date else c


_PARTED = 10_000  # more than any two offsets in a clause
_THAT_CLAUSE = re.compile(r"[،,]\s*وذلك")


def _parted(text: str, a: int, b: int) -> bool:
    return _THAT_CLAUSE.search(text, min(a, b), max(a, b)) is not None


def _overnight(c: Clause) -> Clause:
    """ "أعلن الجيش الإسرائيلي، الخميس، أنه ضرب ليلاً عشرات الأهداف": the day
    is that of the saying, the strikes the night before it. The clause's date
    is a day next to a verb of saying, and "ليلاً" stands apart from every day
    the clause names ("الخميس ليلاً" is Thursday night)."""
    if not (c.own_date and c.date.precision == "day"):
        return c
    night = temporal.overnight_at(c.text)
    if night < 0:
        return c  # most clauses: no need to read their dates again
    days = _dates_in(c.text)
    said_on = [m for m in days if m.text == c.date.text]
    if len(said_on) != 1:
        return c
    m = said_on[0]
    # "الخميس ليلاً", "فجر الجمعة … ليلا": a night named with a day is that day's.
    if any(night >= d.start and not c.text[d.end : night].strip(" ،,") for d in days):
        return c
    said = [t for t in events.find_triggers(c.text) if t.reporting]
    if not any(abs(m.start - t.end) <= SAID_DAY_REACH for t in said):
        return c
    return c.copy_with(date=_night_before(c.date))


SAID_DAY_REACH = 25  # characters between the verb of saying and its day


def _night_before(said: DateRef) -> DateRef:
    assert said.start is not None
    day = said.start - timedelta(days=1)
    note = "the night before the day it was said (ليلاً)"
    return replace(said, start=day, end=day, note=note)


def _asks(text: str) -> bool:
    return text.rstrip(" \"'»)").endswith(("؟", "?"))


def _planned(c: Clause, ctx: Context, trigger_at: int) -> Clause:
    """A meeting planned is held only on a day the clause gives it: one planned
    for a bare weekday ("من المقرر أن يعقد مجلس الأمن اجتماعا الجمعة") is planned
    for the coming one, not the one just past, and a day after publication
    dates nothing (only today's counts); one given no day is not held yet."""
    published = ctx.article.published.date
    if not c.own_date:
        # "سيجري محادثات مع نظيره الأميركي": planned, and no day given — not
        # held by the day it was told (a meeting convened "اليوم" is).
        note = "planned; the text gives it no day"
        return c.copy_with(date=DateRef.undated("", note), future=True)
    day_at = c.text.find(c.date.text) if c.date.text else -1
    if 0 <= day_at < trigger_at and events.asked_before(c.text, day_at):
        # "دعا الصدر، الخميس، إلى عقد جلسة": the day of the call, not of the session
        note = "asked for; the day the text gives is the asking's"
        return c.copy_with(date=DateRef.undated(c.date.text, note), own_date=False, future=True)
    if not (published and c.date.precision == "day" and c.date.start):
        return c
    bare = [
        m
        for m in _dates_in(c.text)
        if m.kind == "weekday"
        and not m.direction
        and m.text == c.date.text
        and m.weekday is not None
    ]
    if not bare or c.date.start >= published:
        return c
    ahead = (bare[0].weekday - published.weekday()) % 7  # type: ignore[operator]
    if ahead == 0:
        return c
    note = "planned for the coming day the text names; not held yet"
    return c.copy_with(date=DateRef.undated(c.date.text, note), own_date=False, future=True)


def anchor_events(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """An event named after "غداة", "عشية", "قبل يومين من" is placed by the
    clause's own day: in "تظاهر الآلاف الأحد غداة مقتل 20 مدنياً" the killing
    is on Saturday. Applies when the clause's event is the one named."""
    out = []
    told: DateRef | None = None  # the last day the text told
    for c in clauses:
        a = _anchoring(c)
        if c.own_date and c.date.precision == "day":
            told = c.date
        elif a and told and c.date.basis == "publication" and refers_back(c.text):
            # "يأتي ذلك غداة تحرير الجيش … جبال العقد" in a paragraph of its
            # own: counted from the day of what the text just told ("ذلك"),
            # not from the day of publication.
            c = c.copy_with(date=replace(told, basis="inherited"))
        # A day counted from a month is no day: "بعد يومين من الحادث" in February.
        if not (c.date.start and c.date.end) or c.date.precision not in ("day", "approx"):
            out.append(c)
            continue
        if a is None:
            counted, named = _counted_from_named(c, ctx.article.published.date)
            out += [*_named_event(ctx, c, named), counted]
            continue
        shift = timedelta(days=a.shift)
        published = ctx.article.published.date
        if published is not None and c.date.start - shift > published:
            out.append(_named_to_come(c, a))
            continue
        moved = replace(
            c.date,
            start=c.date.start - shift,
            end=c.date.end - shift,
            # "بعد أسبوع من" counts loosely: a week or more is approximate
            precision="approx" if abs(a.shift) >= 7 else c.date.precision,
            text=c.text[a.start : a.end],
            note=_anchor_note(a.shift, c.date),
        )
        out.append(c.copy_with(date=moved))
    return tuple(out)


def _named_to_come(c: Clause, a: temporal.Anchored) -> Clause:
    """The event named after "عشية" or "قبل يوم من" falls after publication
    ("عشية زيارة الدولة التي يقوم بها" in that day's news): it is still to
    come, no incident yet. A clause that tells its own event and points to
    the named one ("هذا الهجوم الذي وقع قبل ثلاثة أيام من لقاء") keeps its
    own event on its own day."""
    if not _in_phrase(c.text, a.end, c.trigger_at):
        return c
    note = f"{_anchor_note(a.shift, c.date)}: after publication, to come"
    return c.copy_with(date=DateRef.undated(c.text[a.start : a.end], note), future=True)


def _counted_from_named(c: Clause, published: date | None) -> tuple[Clause, tuple[int, int] | None]:
    """ "وبعد أسبوع من الهجوم، الذي وقع يوم 7 أبريل، شنت الولايات المتحدة …
    ضربة": the clause's event is not the one named, and the only day the
    clause gives is the named event's own: the clause's event is that day
    counted on (a week or more: approximate). Also returns where the named
    event is told, up to its day. Never past publication: "تأتي بعد يومين
    فقط من أداء بومبيو اليمين … للمشاركة الجمعة في اجتماع" in Saturday's
    news gives the meeting Friday, not Sunday."""
    if not (c.type and c.own_date and c.date.text and c.trigger_at >= 0) or c.definite:
        return c, None  # ("وتأتي هذه المعارك غداة مقتل 17 مدنياً الجمعة": the killing is told)
    for a in c.anchored:
        at = c.text.find(c.date.text, a.end)
        named = a.start <= c.trigger_at and (
            c.trigger_at < a.end or _in_phrase(c.text, a.end, c.trigger_at)
        )
        if at < 0 or not _in_named(c.text, a.end, at) or named:
            continue  # the day is not in the phrase, or the event is the one named
        assert c.date.start and c.date.end
        shift = timedelta(days=a.shift)
        if published is not None and c.date.end + shift > published:
            continue
        when = f"{abs(a.shift)} day(s) {'after' if a.shift > 0 else 'before'}"
        moved = replace(
            c.date,
            start=c.date.start + shift,
            end=c.date.end + shift,
            precision="approx" if abs(a.shift) >= 7 else c.date.precision,
            text=c.text[a.start : a.end],
            note=f"{when} the event it names ({c.date.text})",
        )
        return c.copy_with(date=moved), (a.end, at + len(c.date.text))
    return c, None


def _named_event(ctx: Context, c: Clause, span: tuple[int, int] | None) -> list[Clause]:
    """The event named with its own day after "بعد أسبوع من" ("الهجوم، الذي
    وقع يوم 7 أبريل") is an incident of its own on that day (folded into its
    earlier telling, if the article told it)."""
    if span is None:
        return []
    a, b = span
    text = c.text[a:b].strip(" ،,")
    a = c.text.index(text, a)
    seg = replace(
        c.segment, start=c.segment.start + a, end=c.segment.start + a + len(text), text=text
    )
    named = _classified(Clause(seg, date=c.date, own_date=True), ctx)
    # told with its day ("الذي وقع يوم 7 أبريل"), not only referred to
    return [named.copy_with(definite=False)] if named.type else []


def _in_named(text: str, end: int, at: int) -> bool:
    """Whether ``at`` lies in the phrase the anchor ending at ``end`` opens,
    with a relative clause set off by a comma ("من الهجوم، الذي وقع يوم 7
    أبريل")."""
    between = _RELATIVE_AFTER_COMMA.sub("  ", text[end:at])
    return at - end <= _PHRASE_REACH and not _PHRASE_END.search(between)


_RELATIVE_AFTER_COMMA = re.compile(r"[،,](?=\s*(?:الذي|التي)\s)")


# How far after an anchoring word ("غداة") the named event's word may start:
# anywhere in the phrase it opens, up to its comma ("غداة إطلاق حركتي حماس
# والجهاد الإسلامي عشرات الصواريخ …، يجتمع مجلس الأمن الأربعاء").
_PHRASE_REACH = 90


def _anchoring(c: Clause) -> temporal.Anchored | None:
    if not c.type or c.trigger_at < 0:
        return None
    a = next((a for a in c.anchored if _in_phrase(c.text, a.end, c.trigger_at)), None)
    if a is None and c.definite:
        # "ويأتي هذا الهجوم بعد ثلاثة أيام من هجوم واسع على مدينة غزنة": the
        # event told is the one named after the anchor; "this attack" was told.
        a = next((a for a in c.anchored if 0 < a.start - c.trigger_at <= _ANAPHOR_REACH), None)
    return None if a is None or _names_own_day(c, a) or _said_of_told(c.text, a) else a


_ANAPHOR_REACH = 30  # from "هذا الهجوم" to the anchor after it


def _said_of_told(text: str, a: temporal.Anchored) -> bool:
    """ "بتعرض مطار الضمير للقصف، الذي يأتي بعد 3 أيام على الغارات الأميركية":
    the anchor opens what is said of an event told before it, which is the
    clause's own and the later one; the event named after it is background."""
    found = _COMES_AFTER.search(text, 0, a.start)
    if found is None:
        return False
    return any(not t.reporting for t in events.find_triggers(text[: found.start()]))


# "الذي يأتي", "التي جاءت" right before the anchor
_COMES_AFTER = re.compile(r"(?:^|\s)(?:الذي|التي)\s+(?:يأتي|تأتي|جاء|جاءت)\s*$")


def _in_phrase(text: str, end: int, at: int) -> bool:
    gap = at - end
    if gap < 0:
        return False
    return gap <= _PHRASE_REACH and not _PHRASE_END.search(text, end, at)


# A comma closes the phrase; "أن" opens what was said in it ("غداة تأكيد ترامب
# أن عقد قمته مع بيونغ يانغ لا يزال ممكنا"), whose event is no longer the one
# named.
_PHRASE_END = re.compile(r"[،,.:؛;]|(?<!\S)[وف]?[أا]ن(?!\S)")


def _names_own_day(c: Clause, a: temporal.Anchored) -> bool:
    """ "غداة تفجير استهدف دورية … يوم الجمعة": the day told in the phrase the
    anchor opens is the named event's own, not one to count from. (In "وغداة
    الإعلان عن هذا الاتفاق، أعلنت الوحدات الثلاثاء" a comma closes the phrase
    and the day is the clause's.)"""
    at = c.text.find(c.date.text, a.end) if c.own_date and c.date.text else -1
    if at > 0 and _ELABORATION.search(c.text, a.end, at):
        return True  # "بعد يوم على موجة من التفجيرات …، إذ نفذت عائلة …، الأحد،"
    return at > 0 and "،" not in c.text[a.end : at] and "," not in c.text[a.end : at]


# A comma, then "إذ": what follows tells the event named before it.
_ELABORATION = re.compile(r"[،,]\s*إذ\s")


def _anchor_note(shift: int, ref: DateRef) -> str:
    when = f"{abs(shift)} day(s) {'before' if shift > 0 else 'after'}" if shift else "the day of"
    return f"{when} the clause's own day ({ref.text or ref.basis})"


def locate_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    return tuple(c.copy_with(places=_located(c)) if c.type else c for c in clauses)


def _located(c: Clause) -> tuple[Place, ...]:
    """The places of the clause's event. After "ردا على" or "على خلفية" comes
    what the event responds to ("شنت إسرائيل قصفا على أهداف في سوريا ردا على
    إطلاق صواريخ … في هضبة الجولان"): its places are the cause's, unless the
    event names none before it."""
    filed = _dateline_end(c.text)
    text = c.text[filed:]
    at = max(c.trigger_at - filed, 0)
    cut = -1 if c.cause else events.cause_at(text, at)
    if c.cause:
        # The event responded to or spoken of is named after its trigger: "أدان
        # الرئيس في باريس الهجوم على دوما" is Douma's. One spoken of names its
        # place there or has none ("وبشأن الوضع في عفرين، ندد هولاند ببيع السلاح
        # لتركيا التي تقصف … المدنيين" tells no event in Afrin).
        after = _places(text[at:], c.type)
        found = after if c.spoken else after or _places(text, c.type)
    elif cut > 0:
        found = _places(text[:cut], c.type) or _places(text, c.type)
    else:
        found = _places(text, c.type)
    country = _set_in(text, at) if found and c.type != "shelling" else None
    if country and all(places.abroad(country, p) for p in found):
        # "رجلين من غرب لندن، اعتُقلا في سوريا": the country the verb is set in
        # holds the event; a city of another country named with it does not.
        # (Fire is placed where it struck, not where it was fired from: "صواريخ
        # أطلقها الحوثيون في اليمن على الأراضي السعودية".)
        found = (country,)
    # "أعلنت السلطات الكندية مقتل 4 أشخاص في … فريدريكتون": a place the gazetteer
    # does not know, in the country of the authority that tells it.
    home = None if found else authority_country(text, max(c.trigger_at - filed, 0))
    return (home,) if home else found


def _set_in(text: str, at: int) -> Place | None:
    """A country named with "في" within a few words after the trigger ("قتل
    في سوريا", "بمهاجمة قواعد إيرانية في سوريا"), before any other place."""
    if at < 0:
        return None
    after = text[at : at + _SET_IN_CHARS]  # a window: this runs for every placed clause
    m = next((m for m in places.find_places(after) if m.start > 0), None)
    if m is None or m.place.kind != "country":
        return None
    gap = after[: m.start]
    if len(gap.split()) > _SET_IN_WORDS or not _IN_COUNTRY.search(gap):
        return None
    return m.place


_SET_IN_WORDS = 4
_SET_IN_CHARS = 80  # four words and a country's name, with room to spare
_IN_COUNTRY = re.compile(r"\s(?:في|فى)\s+#?$")


def _dateline_end(text: str) -> int:
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline else 0


# "دبي، الإمارات العربية المتحدة (CNN) -- …": where the story was filed, not
# where its events happened (CNN Arabic opens nearly every article so).
_DATELINE = re.compile(r"^[^.\n()]{0,80}\([^()\n]{1,25}\)\s*[-–—:]+\s*")


def _places(text: str, kind: str) -> tuple[Place, ...]:
    found: list[Place] = []
    struck: list[Place] = []  # countries named as where it happened ("على سوريا")
    within: list[Place] = []  # "في سوريا": the country, when nothing finer is named
    settled: list[Place] = []  # "في دمشق": a capital it happened in
    related = False
    origins: list[Place] = []  # "من سوريا": where fire came from
    quarters: dict[Place, Place] = {}  # "جنوب سوريا": the quarter named with a place
    targets: list[Place] = []  # "على هضبة الجولان": where it was aimed
    landmarks: list[Place] = []  # "على بعد 400 كيلومتر من طهران": only when nothing else
    topics: list[Place] = []  # "حول سوريا": what talks were about ...
    venues: list[Place] = []  # ... and "في القاهرة": where they were held
    fire = kind == "shelling"  # only fire is placed on its target (below)
    # "باتجاه الأراضي السعودية", "على بلدات إسرائيلية": a country's land that
    # fire was aimed at is where it happened (a land named otherwise, "قادرة
    # على بلوغ الأراضي الأميركية", "من الأجواء السورية", places nothing)
    # ... and so is one it happened in ("أسقطتها في أراض إسرائيلية").
    lands = [
        m
        for m in authorities.lands(text)
        if _aimed_at(text, m.start) or _IN.search(text[max(0, m.start - 12) : m.start])
    ]
    mentions = places.find_places(text)
    if kind != "agreement":
        # "في انتهاك لاتفاقية جنيف", "بموجب اتفاق سوتشي": the city names the
        # accord; the accord itself was signed there.
        mentions = [m for m in mentions if not places.names_accord(text, m)]
    recognised = _recognised(text, mentions)
    # A site ("سوق السمك") says where in the places the rest of the clause
    # names: it goes before them, and takes none away.
    sites = [m.place for m in mentions if m.place.kind == "site"]
    mentions = [m for m in mentions if m.place.kind != "site"]
    for m in sorted(mentions + lands, key=lambda m: m.start):
        # "التوتر بين أنقرة ودمشق": states named for their relations, not places.
        # (a hashtag's "#" is no word: "في #باريس" is "في باريس")
        lead = _lead(text, m)
        before = lead[-12:].replace("#", " ")
        state = m.place.kind in _STATES
        related = state and (
            _BETWEEN.search(before) is not None
            or (related and _AND.search(before) is not None)
            or (m.place.kind == "country" and _PARTY_PAIR.search(lead[-40:]) is not None)
        )
        if related:
            continue
        if any(a <= m.start < b for a, b in recognised):
            continue  # "اعتراف ترامب بالقدس عاصمة لإسرائيل": recognised, not where
        if kind == "diplomacy" and _ABOUT.search(lead[-30:]):
            topics.append(m.place)  # "اجتماعا طارئا لمناقشة الأوضاع في غزة"
        elif kind == "diplomacy" and _IN.search(before):
            venues.append(m.place)  # "بالقاهرة"
        if state and _BORDER_WITH.search(before):
            continue  # "لبلدة كردية على الحدود مع سوريا": in Syria's neighbour
        if state and _PATRON.search(lead[-40:]):
            continue  # "القوات الموالية لتركيا": whom a party serves, not where
        if state and _says(text, m.start):
            continue  # "وأعلنت أنقرة أن القوات التركية انتشرت": who said it
        if _OVERLOOKING.search(before):
            continue  # "طرابزون المطلة على البحر الأسود": where a place lies
        if places.open_water(m.place) and _ON.search(before):
            continue  # "المدينة الساحلية على البحر الأحمر": where a coast lies
        if _BORN_IN.search(lead[-20:]):
            continue  # "منفذ الهجوم … ولد في الشيشان": where someone was born
        if _DISTANCE_FROM.search(lead[-60:]):
            landmarks.append(m.place)  # "على بعد 12 كيلومترا من خورامشهر": measured from
            continue
        if fire and _FROM.search(lead[-24:]):
            origins.append(m.place)
        elif fire and _TOWARDS.search(lead[-30:]):
            targets.append(m.place)
        part = places.quarter(text, m)
        if m.place in found:
            # Named again, it may only now say where: "شنت قوات سوريا
            # الديموقراطية عملية برية في شرق سوريا".
            if state and m.place not in within and (part or _IN.search(before)):
                if part:
                    quarters.setdefault(m.place, part)
                within.append(m.place)
            continue
        found.append(m.place)
        if part:
            quarters[m.place] = part
        if (
            state
            and (
                (_AT.search(before) and not _AGENT_OF.match(text, m.end))
                or _near(before, found)
                or m in lands
                or _part_struck(text, m.start)
                or places.struck_with(text, m.start, m.end)  # "الفصائل إسرائيل بـ28 صاروخا"
                or _SCENE.search(lead[-24:])  # "شهدت دمشق"
                or (m.place.kind == "capital" and _QUARTERS_OF.search(lead[-50:]))
                or _FELL_IN.search(lead[-70:])
                or _PROJECTILE_AIMED.search(lead[-50:])
                or (m.place in targets and not _TO.search(before))  # fire "باتجاه السعودية"
            )
        ):
            struck.append(m.place)
        elif (
            state
            and (part or _IN.search(lead[-20:].replace("#", " ")))
            and not _speaks_there(text, m)
        ):
            # "براميل متفجرة على المناطق … جنوب غربي سوريا": a quarter of a
            # country says where, as "في" does
            within.append(m.place)
            if m.place.kind == "capital" and not _POSTED_IN.search(lead[-40:]):
                settled.append(m.place)  # "في دمشق", not "قال مسؤول في واشنطن"
    found = found or landmarks
    gone = set(origins) - set(targets)
    if gone and not targets and _PROJECTILE.search(text):
        # "أطلقت عدة صواريخ من غزة": no aim named, fire from Gaza falls in
        # Israel (fire_aimed.yaml); the Strip it came from stays beside it.
        # A town named there is where it fell ("سقوط قذيفة أطلقت من غزة على
        # منزل في مدينة سديروت").
        aimed = [a for a in map(places.aimed_from, origins) if a is not None]
        targets = [p for p in found if any(places.contains(a, p) for a in aimed if a != p)]
        if not targets:
            aimed = [a for a in aimed if a not in found]
            found = aimed + found
            struck += aimed
    if gone and targets and _PROJECTILE.search(text):
        # "إطلاق 20 مقذوفا من سوريا على هضبة الجولان": fire is placed where it
        # was aimed, not where it came from.
        found, struck, within = ([p for p in ps if p not in gone] for ps in (found, struck, within))
        struck += [p for p in targets if p.kind in _STATES and p not in struck]
    if kind and events.event_type(kind).violent:
        # In a report of fighting, "أنقرة" and "موسكو" stand for governments: the
        # places below a capital locate it (and a capital struck, "قصف على دمشق"),
        # else the country it hit ("ضربات جوية على سوريا").
        # A capital the event happened in ("في شارع بالعاصمة الألمانية") is
        # finer than a country the clause puts it in.
        # ... but "في دمشق" is where it happened, as a town is (not where the
        # one who tells it sits: "قال مسؤول في واشنطن").
        local = [p for p in found if p.kind not in _STATES or p in struck or p in settled]
        if any(p.kind in places.mission_kinds() for p in local) or (sites and not local):
            # "السفارة الأميركية في كوريا الجنوبية", "هاجم مسلحون في واغادوغو
            # السفارة الفرنسية", "في ساحة الميسات بدمشق": the country or capital
            # a mission or a site is in holds it (not one standing for a
            # government: "طهران تدين")
            local += [p for p in found if p.kind in _STATES and p in within and p not in local]
        if local and all(places.in_no_country(p) for p in local):
            # a sea names no country: "مدمرات في البحر الأحمر أطلقت صواريخ على
            # مواقع في سوريا" is set in Syria too
            local += [p for p in within if p not in local]
        inside = sorted(within, key=lambda p: p.kind == "country")
        chosen = local or [p for p in struck if p.kind == "country"] or inside[:1]
        owner = None if chosen else authorities.owned_target(text)  # "ضد مواقع سورية"
        chosen = [owner] if owner else chosen
    else:
        # A country is where something happened only when nothing finer is named.
        chosen = [p for p in found if p.kind != "country"] or found
        # Talks held somewhere are there, not in what they were about
        # ("تعقد جامعة الدول العربية بالقاهرة اجتماعا طارئا لمناقشة الأوضاع في
        # غزة"); with no venue told, the subject still says where.
        held = [p for p in chosen if p in venues and p not in topics]
        chosen = held if held and topics else chosen
    # The quarter follows its country: the country keeps the map's dot; a port
    # keeps its town beside it.
    out = [q for p in chosen for q in (p, quarters.get(p), places.served_town(p)) if q]
    return tuple(dict.fromkeys(sites + out))


def _lead(text: str, m: places.PlaceMention) -> str:
    """The text before a place, with "العاصمة السورية" right before a capital
    read as the capital itself: "استهدفت موقعا في العاصمة السورية دمشق" is "في
    دمشق", a place, where "دمشق" alone may be its government. Only as much text
    as the place's context is read in (LEAD_CHARS)."""
    lead = text[max(0, m.start - LEAD_CHARS - _APPOSED_CHARS) : m.start]
    apposed = _APPOSED.search(lead) if m.place.kind == "capital" else None
    return lead[: apposed.start("word")] if apposed else lead


LEAD_CHARS = 80  # the widest look back of _places (the rest are narrower)
_APPOSED_CHARS = 30  # "العاصمة السورية " and its proclitic


_APPOSED = re.compile(r"(?:^|\s)[وفبل]?(?P<word>(?:ال|لل)عاصمة(?:\s+[^\s،,.]+ية)?\s*،?\s*)$")


def _says(text: str, at: int) -> bool:
    """A verb of saying right before the state: its government speaks."""
    before = text[max(0, at - 24) : at]
    said = [t for t in events.find_triggers(before) if t.reporting]
    return bool(said) and not before[said[-1].end :].strip()


_GAP = re.compile(r"[\s،,]*")  # (a no-break space too: "وفي بروكسل،\xa0وصف")
# "وفي العاصمة الأمريكية واشنطن": a place that opens the clause
_FRONTED = re.compile(r"^\W*[وف]?في\s+(?:\S+\s+){0,2}$")


def _speaks_there(text: str, m: places.PlaceMention) -> bool:
    """A verb of saying right after the state that opens the clause: "وفي
    واشنطن، قال الرئيس" is where the one who speaks sits, not where the event
    was (but "مواقع في سوريا قالت إنها إيرانية" is where)."""
    if not _FRONTED.match(text[: m.start]):
        return False
    said = [t for t in events.find_triggers(text[m.end : m.end + 24]) if t.reporting]
    return bool(said) and _GAP.fullmatch(text, m.end, m.end + said[0].start) is not None


def _part_struck(text: str, at: int) -> bool:
    """A state hit by a counted part of what was fired ("واستهدف 3 منها الرياض")."""
    return places.counted_part_before(text[max(0, at - 24) : at])


def _aimed_at(text: str, at: int) -> bool:
    """Does a word of aim or target ("على", "باتجاه", "سقطت في") stand right
    before ``at``?"""
    before = text[max(0, at - 30) : at]
    return bool(_TOWARDS.search(before) or _AT.search(before))


def _near(before: str, found: list[Place]) -> bool:
    """ "مواقع بالقرب من دمشق": a capital the event was near (not "الغوطة الشرقية
    قرب دمشق", where the capital only tells where the finer place lies)."""
    return bool(_NEAR.search(before)) and all(p.kind in _STATES for p in found)


_STATES = frozenset({"country", "capital"})
# "على بعد 400 كيلومتر من العاصمة طهران", "على مسافة خمسة كيلومترات منها".
_DISTANCE_FROM = re.compile(
    r"(?:^|\s)على\s+(?:بعد|مسافة)\s+(?:[^\s،,.]+\s+){1,4}(?:من|عن)\s+(?:العاصمة\s+|مدينة\s+)?$"
)


def _recognised(text: str, mentions: list[places.PlaceMention]) -> list[tuple[int, int]]:
    """Where the text says a state recognised a place ("اعتراف الرئيس الأمريكي،
    دونالد ترامب، بمدينة القدس عاصمة لإسرائيل"): the state that recognised, the
    place recognised and the state it is the capital of are named in passing;
    whatever the clause tells did not happen there. Only a place right after
    the "ب" ("اعتراف مسؤولين في ولاية يوبي بأن" admits; "اعترف الجيش بقصف دمشق"
    confesses a strike, which happened in Damascus)."""
    at = {m.start: m for m in mentions}
    spans = []
    for r in _RECOGNISED.finditer(text):
        place = at.get(r.end())
        if place is None:
            continue
        end = place.end
        capital = _CAPITAL_OF.match(text, end)
        state = at.get(capital.end()) if capital else None
        spans.append((r.start(), state.end if state else end))
    return spans


_RECOGNISED = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:اعتراف|اعترف|يعترف|تعترف)\w*(?:\s+\S+){0,6}?\s+ب")
_CAPITAL_OF = re.compile(r"\s+عاصمة\s+ل")
_BORN_IN = re.compile(r"(?:^|\s)(?:ولد|ولدت|المولود|المولودة|مواليد|مولود|مولودة)\s+(?:في\s*|ب)$")
_ON = re.compile(r"(?:^|\s)على\s*$")
_OVERLOOKING = re.compile(r"(?:^|\s)(?:ال)?مطل(?:ة|ين|تين|ان|تان)?\s+على\s*$")
# "الفصائل الموالية لتركيا", "الميليشيات التابعة لإيران", "المدعومة من روسيا":
# the state a party serves or is backed by (with a hedge between: "الموالية في
# غالبيتها لطهران", "الموالي هو الآخر لإيران").
_PATRON = re.compile(
    r"(?:^|\s)(?:ال)?(?:موال(?:ية|ي|ين|ون)(?:\s+(?:في\s+(?:غالبيت|معظم|أغلب)(?:ها|هم)"
    r"|هو\s+الآخر|هي\s+الأخرى|بشكل\s+تقليدي|تقليديا|أيضا))?"
    r"|(?:مدعوم|مقرب)(?:ة|ين|ون)?\s+من"
    r"|(?:تابع|حليف)(?:ة|ين|ون)?\s+ل|متحالف(?:ة|ين|ون)?\s+مع)\s*ل?$"
)
# "على الحدود مع سوريا", "المنطقة الحدودية مع تركيا": the other side's state.
_BORDER_WITH = re.compile(r"(?:^|\s)(?:[وف]?[بل]?ال)?حدود(?:ية|ها|ه|ي)?\s+مع\s+$")
# A capital something happened near is a place, not a government: "مواقع
# بالقرب من دمشق وحمص", "منشآت قرب دمشق".
_NEAR = re.compile(r"(?:^|\s)(?:[وف]?(?:ب?القرب\s+من|قرب|محيط|ضواحي|أطراف))\s+(?:العاصمة\s+)?$")
# A state that saw the event is where it happened: "شهدت دمشق وحمص موجات من
# الصواريخ" (the subject of a verb of witnessing, not a government).
_SCENE = re.compile(r"(?:^|\s)[وف]?(?:شهدت|شهد)\s+(?:العاصمة\s+)?$")
# A capital whose quarters were hit is where it happened: "استهدف مجموعات مسلحة
# أحياء سكنية متفرقة من دمشق وريفها".
_QUARTERS_OF = re.compile(
    r"(?:^|\s)[وفبل]?(?:ال)?(?:أحياء|احياء|حي|شوارع|ضواحي)(?:\s+[^\s،,.]+){0,2}\s+(?:من|في)\s+"
    r"(?:العاصمة\s+)?$"
)
# A state something fell in or crept into is where it happened: "طائرة دون طيار
# إيرانية سقطت في إسرائيل", "ردا على تسلل من سمتهم "إرهابيين فلسطينيين" صباح
# الثلاثاء إلى إسرائيل" (not an attempt: "كانا يحاولان التسلل إلى إسرائيل").
_FELL_IN = re.compile(
    r"(?:^|\s)[وف]?(?:(?:سقطت?|سقطا|[تي]سقط)\s+(?:في|داخل)"
    r"|(?:تسلل(?:ت|وا)?|[تي]تسلل(?:ون)?)(?:\s+[^\s.]+){0,6}?\s+(?:[إا]لى|داخل))\s+$"
)
# What fire is of: projectiles ("صواريخ", "قذائف هاون").
_PROJECTILE = re.compile(r"صاروخ|صواريخ|قذيف|قذائف|مقذوف|هاون")
# ... the subject of a verb of aiming, its relative clause unmarked after an
# indefinite noun: "اعترضت صاروخا استهدف الرياض", "صاروخين باليستيين استهدفا
# جازان" (the state after it is what was struck, not who struck).
_PROJECTILE_AIMED = re.compile(
    rf"(?:^|\s)(?:{_PROJECTILE.pattern})\S*(?:\s+[^\s،,.]+){{0,2}}?\s+استهدف(?:ت|ا|تا)?\s+$"
)
_FROM = re.compile(r"(?:^|\s)(?:[وف]?من|انطلاقا\s+من|من\s+مواقع(?:ها|ه|هم)?\s+(?:في\s*|ب))\s*$")
# Where fire was aimed or fell: "على إسرائيل", "على هضبة الجولان", "على شرق
# سوريا", "سقطت جنوبي إسرائيل".
_TOWARDS = re.compile(
    r"(?:^|\s)(?:على|[إا]لى|تجاه|باتجاه|في\s+اتجاه|نحو|صوب|فوق|[وف]?(?:سقطت?|سقطا|[تي]سقط)(?:\s+(?:في|على|داخل))?)\s+"
    r"(?:(?:هضبة|مستوطنات|مستوطنة|(?:جنوب|شمال|شرق|غرب)ي?)\s+)?$"
)
# "إلى" aims fire as often as it sends arms or blame: "صواريخ نسبتها إلى إيران".
_TO = re.compile(r"(?:^|\s)[إا]لى\s+$")
_BETWEEN = re.compile(r"(?:^|\s)و?بين\s*$")
# The subject of talks, not where they were held: "جلسة طارئة حول سوريا".
# "بحث الرئيسان الوضع في سوريا", "بشأن الأوضاع في الغوطة الشرقية" too.
_ABOUT = re.compile(
    r"(?:^|\s)(?:(?:حول|بشأن|بخصوص|حيال)(?:\s+(?:ال)?(?:وضع|أوضاع|أزمة|تطورات|ملف)\s+في)?"
    r"|[وفل]?(?:ال)?(?:وضع|أوضاع|أزمة|تطورات)\s+في)\s*$"
)
_AND = re.compile(r"[\u0621-\u064a]\s+و\s*$")
# Where those who speak of it sit or rule: "قال مسؤول في واشنطن", "مصادر
# دبلوماسية في باريس", "الحكومة في بغداد", "وقال، في أنقرة بخطاب" (not "مناطق
# النظام في دمشق", a place).
_POSTED_IN = re.compile(
    r"(?:^|\s)[وف]?[بل]?(?:(?:ال)?(?:مسؤول|مسؤولون|مسؤولين|مسؤولة|مصدر|مصادر|متحدث|متحدثة|مراسل|مراسلة"
    r"|دبلوماسي|دبلوماسيون|دبلوماسيين|سفير|سفيرة|سفراء|سفارة|مكتب|محلل|محللون|خبير|خبراء"
    r"|حكومة|سلطات|جيش)(?:\s+[^\s،,.]+){0,2}"
    r"|(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|صرح|صرحت|أضاف|أضافت)،?)\s+(?:في\s*|[وف]?ب)$"
)
# "المفاوضات بين جيش الإسلام وروسيا": the second party of a pair is no place.
_PARTY_PAIR = re.compile(r"(?:^|\s)بين\s+(?:[^\s،,.]+\s+){1,3}و$")
# Where an event struck or fell: "على", "فوق العاصمة، الرياض", "باستهداف دمشق",
# "الهجمات التي استهدفت المملكة" (a verb opening the clause is followed by its
# subject: "قصفت إسرائيل موقعا").
_AT = re.compile(
    r"(?:^|\s)(?:على|ضد|داخل|نحو|فوق|[وف]?ب?استهداف|(?:التي|الذي)\s+استهدف(?:ت|ه|ها)?)\s*$"
)
# A state with the struck right after it did the striking: "عقب استهداف إسرائيل
# مواقع في سوريا" is Israel's strike in Syria.
_AGENT_OF = re.compile(
    r"\s+(?:ال)?(?:مواقع|أهداف|اهداف|منشآت|منشات|قواعد|مراكز|مخازن|قوات|مقرات)(?:\s|$)"
)
# "في سوريا", "وفي دمشق", "بدمشق", "بالعاصمة الألمانية", "في جنوبي دمشق", "بجنوب غربي
# سوريا".
_IN = re.compile(
    r"(?:^|\s)(?:(?:و?في\s*|[وف]?ب)"
    r"(?:(?:(?:جنوب|شمال)ي?\s+)?(?:جنوب|شمال|شرق|غرب|وسط)ي?\s+)?"
    r"|وسط\s+)$"  # "اغتيلت … في سيارتها الفارهة وسط بغداد": in its centre
)


def attribute_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Actors named in the clause; who reports it, carried through a paragraph."""
    out = []
    speaker = ""
    paragraph = -1
    for c in clauses:
        if c.segment.kind != "text":
            out.append(c)
            continue
        if c.segment.paragraph != paragraph:
            paragraph = c.segment.paragraph
            speaker = speaker if is_continuation(c.text) else ""
        said = actor_lex.find_attribution(c.text, ctx.article.body)
        if said is not None:
            speaker = _speaker(said.actor, speaker)
        if not c.type:
            out.append(c)
            continue
        keys = tuple(
            dict.fromkeys(
                m.actor.key
                for m in actor_lex.find_actors(c.text)
                if _party(m.actor) and m.actor.key != speaker
            )
        )
        out.append(c.copy_with(actors=keys, reported_by=speaker))
    return tuple(out)


def _party(a: actor_lex.Actor) -> bool:
    """A party to events: not an agency, a newspaper or a monitor, which report them."""
    return bool(a.key) and a.kind != "media" and a.side != "monitor"


def _speaker(found: actor_lex.Actor, before: str) -> str:
    """A known actor; or, for "البيان"/"الرسالة" (the statement, the message),
    whoever was speaking before — a one-word speaker is a reference back."""
    if found.key:
        return found.key
    if before and len(found.ar.split()) <= 1:
        return before
    return found.ar


def count_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    out: list[Clause] = []
    for c in clauses:
        if not (c.type and events.event_type(c.type).tolls):
            out.append(c)
            continue
        own = _own_toll_text(c)
        found = find_casualties(own, leaving=c.type == "displacement")
        if found.is_empty and c.segment.clause > 0 and out and out[-1].type:
            found = _elliptic(c.text, out[-1].casualties)
        if found.is_empty and not found.unnumbered and events.event_type(c.type).violent:
            found = unharmed(own) or found  # "دون وقوع إصابات": 0 and 0
        out.append(c.copy_with(casualties=found))
    return tuple(out)


def _own_toll_text(c: Clause) -> str:
    """The clause without the cause its event responds to: in "شن الحرس الثوري
    هجوما صاروخيا … ردا على هجوم الأحواز، الذي أسفر عن مقتل 25 شخصا" the 25
    are the cause's dead, and "غارات ردا على إصابة أربعة جنود" wounded none.
    The cause's phrase runs to its comma, or on through a relative clause that
    tells more of it ("، الذي أسفر عن …"); what follows is the clause's own
    again ("ردا على إطلاق صواريخ، ما أسفر عن مقتل 3")."""
    if c.cause or c.trigger_at < 0:
        return c.text
    cut = events.cause_at(c.text, c.trigger_at + 1)
    if cut < 0:
        return c.text
    end = next((m.start() for m in _CAUSE_END.finditer(c.text, cut)), len(c.text))
    # Dated inside the cause's phrase, the clause tells the cause: "وعرقل هجوم
    # … التعاون بين أنقرة وموسكو بعد مقتل 13 جنديا تركيا في الأسبوعين الماضيين".
    at = c.text.find(c.date.text, cut) if c.own_date and c.date.text else -1
    if cut <= at < end:
        return c.text
    return c.text[:cut] + " " * (end - cut) + c.text[end:]


# A comma or a full stop ends a cause's phrase, unless a relative pronoun goes
# on telling of it.
_CAUSE_END = re.compile(r"[،,.؛;](?!\s*و?(?:الذي|التي|الذين|اللذين|اللتين)(?!\S))")


def _elliptic(text: str, before: Casualties) -> Casualties:
    """ "وثلاثة آخرون": a count that repeats the previous clause's kind of casualty."""
    numbers = find_numbers(text[:40])
    if not numbers or "اخر" not in fold(text[:60]).text:  # آخرون, folded
        return Casualties()
    n = numbers[0]
    if before.killed is not None:
        return Casualties(killed=n.value, approximate=n.approximate)
    if before.wounded is not None:
        return Casualties(wounded=n.value, approximate=n.approximate)
    return Casualties()


def weigh_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Keep as an incident only what the clause itself makes one.

    A weapon, meeting or accord only named ("الصواريخ الذكية", "موعد الزيارة")
    is an event when the clause dates it; a definite noun ("الهجوم", "القصف")
    with no date, place or figure of its own refers to an event told elsewhere;
    a claim ("أكد مقاتلون أن ... كبدت الروس خسائر") with none is not a report.
    """
    out: list[Clause] = []
    accident = False
    for c in clauses:
        # After an accident or a disaster, a toll told with no weapon or fight
        # is the accident's ("انقلب قطار …", then "أفاد بمقتل 6 أشخاص"), until
        # the article tells of violence by its means.
        accident = (accident or c.accident) and not (c.type and c.tier != "generic")
        kept = (_stands(c) or _first_named(c, out)) and not (
            (accident and c.tier == "generic")
            or _history(c, ctx)
            or _years_long(c)
            or _recalled(c, ctx)
            or war_toll(c.casualties)
        )
        out.append(_referred(_caused(c, ctx)) if kept else c.copy_with(type=""))
    return tuple(out)


def _referred(c: Clause) -> Clause:
    """A definite noun kept for the town it names, dated only by the day it was
    spoken of ("قالت نويرت، الثلاثاء، إن المفتشين لم يدخلوا موقع الهجوم
    الكيماوي المفترض في دوما"): the event referred to came before the saying,
    on a day this clause does not tell."""
    if not (c.type and c.definite and c.said_day and c.own_date):
        return c
    if not events.event_type(c.type).violent:
        return c  # a session, a conference, an accord named is held on the day told
    if not c.casualties.is_empty or c.casualties.unnumbered:
        return c  # "قال، الأحد، إن القصف أدى إلى مقتل 42 مدنيا": the report of it
    return c.copy_with(date=DateRef.undated("", _REFERRED), own_date=False, said_day=False)


_REFERRED = "an event referred to; the day in the sentence is the day it was spoken of"


def _history(c: Clause, ctx: Context) -> bool:
    """Dated by the text long before publication: recalled, not reported. (A
    year before 1800, "عام 1492", is no date of the timeline, but history too.)"""
    published = ctx.article.published.date
    if not (c.type and published):
        return False
    if c.own_date and c.date.end:
        return published.year - c.date.end.year >= events.history_years()
    # "عام 0200" is more likely a slip of the keyboard than history: left undated.
    years = [m.year for m in _dates_in(c.text) if m.year]
    old = [y for y in years if 1000 <= y <= published.year - events.history_years()]
    return bool(years) and old == years


def _recalled(c: Clause, ctx: Context) -> bool:
    """An event responded to or spoken of that the clause dates more than a year
    back ("مطلوب في تركيا بشأن تفجير في أنقرة عام 2013"), or with years long
    past only ("اعتداءات 11 سبتمبر 2001"), is recalled, not news."""
    published = ctx.article.published.date
    if not (c.cause and published) or _heads_entry(c):
        return False  # (a chronology's entries are what it tells)
    if c.own_date and c.date.end:
        return (published - c.date.end).days > _YEAR
    years = [m.year for m in _dates_in(c.text) if m.year]
    return bool(years) and max(years) < published.year - 1


def _years_long(c: Clause) -> bool:
    """ "يقوم منذ سنوات بقصف مدنيين", "تقود تحالفا منذ سنوات": a situation
    over years is background, not an event at a time."""
    d = c.date
    if not (c.type and c.own_date and d.precision == "range" and d.start and d.end):
        return False
    return (d.end - d.start).days > _YEAR


_YEAR = 366


def _district(p: Place) -> bool:
    """A region within a governorate ("الغوطة الشرقية", "هضبة الجولان")."""
    return p.kind == "region" and bool(p.admin1) and p.en != p.admin1


def _first_named(c: Clause, before: list[Clause]) -> bool:
    """A definite noun with nothing of its own ("الضربات التي نفذتها الولايات
    المتحدة ضد أهداف في سوريا") names an event the reader knows: when nothing
    before it in the article told an event of its kind, it is its first telling
    (if it says where: "الهجوم" alone may be any attack)."""
    if not (c.type and c.definite) or c.weak or c.future or c.cause:
        return False
    # "في إشعال هذه الاحتجاجات": pointed at, it was told before, whether or not
    # that telling made an incident (but "ويأتي هذا الهجوم بعد أيام من الهجوم
    # الأميركي …" names another)
    told = [t for t in events.find_triggers(c.text) if t.type and not t.reporting]
    if told and all(events.pointed_back(c.text, t.start) for t in told):
        return False
    # A town or the country it struck, not a list of governorates ("تصعيد يطال
    # مناطق متفرقة من محافظات إدلب وحلب … تسبب بمزيد من النزوح").
    if not any(p.locates or p.kind == "country" or _district(p) for p in c.places):
        return False
    # Strikes by a weapon (means) at another district than those told before are
    # more strikes; a fight named in a region is often only its setting.
    means = c.tier == "means"
    return not any(
        b.type and _same_kind(b, c) and (not means or _may_be_there(b, c)) for b in before
    )


def _may_be_there(told: Clause, c: Clause) -> bool:
    """The event told before may be the one a definite noun refers to: it names
    no place, or a place that holds the town or district the noun names or lies
    in it. "كما استهدفت الغارات تعزيزات في مديرية الحالي" after raids on التحيتا
    are more raids."""
    # (not the governorate named after the district: "في مديرية الحالي بمحافظة الحديدة")
    fine = [p for p in c.places if p.locates or _district(p)]
    fine = [p for p in fine if not any(q.admin1 == p.en != q.en for q in c.places)]
    if not told.places or not fine or events.pointed_back(c.text, c.trigger_at):
        return True
    return any(_may_hold(x, y) or _may_hold(y, x) for x in told.places for y in fine)


def _may_hold(big: Place, small: Place) -> bool:
    """The gazetteer knows a governorate's towns, not a region's: a region may
    hold any town of its governorate ("الغوطة الشرقية" holds دوما), though not
    another region (two districts of الحديدة are two places)."""
    if places.contains(big, small) or (places.spans(big, small) and small.kind != "region"):
        return True
    return big.kind == "region" != small.kind and bool(big.admin1) and big.admin1 == small.admin1


def _quoted_apart(c: Clause) -> bool:
    """The trigger is inside a quotation and the date outside it: 'قال في خطبة
    الجمعة: "سنطور قدراتنا الصاروخية"' dates the sermon, not a missile."""
    at = c.text.find(c.date.text) if c.date.text else -1
    if c.trigger_at < 0 or at < 0:
        return False
    return _in_quote(c.text, c.trigger_at) != _in_quote(c.text, at)


def _in_quote(text: str, at: int) -> bool:
    return any(a < at < b for a, b in quotations(text))


def _caused(c: Clause, ctx: Context) -> Clause:
    """The event a clause responds to keeps only a date written after it ("هجوم
    كيميائي مفترض وقع في السابع من نيسان"); the clause's other dates are the
    response's."""
    if not c.cause or not c.type:
        return c
    if _heads_entry(c):
        return c
    at = c.text.find(c.date.text) if c.own_date and c.date.text else -1
    # 'أدانت السعودية "الهجوم الكيماوي … على دوما،" الأحد': a day outside the
    # quotation that names the event spoken of is the day of the saying; so is
    # one after a verb of saying and its speaker ("طالبا بـ"رد حازم" على الهجوم
    # الكيمياوي على مدينة دوما، بحسب ما أفاد قصر الإليزيه مساء الاثنين").
    if at > c.trigger_at and not (c.spoken and _quoted_apart(c)) and not _said_at(c.text, at):
        return c
    after = _dated_after(c, ctx) if at < c.trigger_at else None
    if after is not None:
        return c.copy_with(date=after, own_date=True, said_day=False)
    note = "the event the sentence responds to; the text does not date it"
    return c.copy_with(date=DateRef.undated("", note), own_date=False)


def _heads_entry(c: Clause) -> bool:
    """A chronology's entry ("27 أبريل: اتهمت دمشق إسرائيل بقصف …"): the day
    that opens it, before its colon, is its event's, whatever verb tells it."""
    at = c.text.find(c.date.text) if c.own_date and c.date.text else -1
    return 0 <= at <= _ENTRY_START and _entry_date(c.text) is not None


def _dated_after(c: Clause, ctx: Context) -> DateRef | None:
    """The clause's date was the response's, before the event ("عبّر، الإثنين،
    عن قلقه تجاه الهجوم الكيماوي المشتبه بوقوعه في 7 أبريل"): a date the
    event is told with after it, not a saying's, is the event's."""
    published = ctx.article.published.date
    for _, m, r in _resolved(c.text, published, ctx.week_start, None, c.list_year):
        if m.start <= c.trigger_at or not r.is_dated or m.direction == "next":
            continue
        if (published and r.start and r.start > published) or _said_at(c.text, m.start):
            continue
        if not _in_quote(c.text, m.start) or _in_quote(c.text, c.trigger_at):
            return r
    return None


def _stands(c: Clause) -> bool:
    if not c.type:
        return True
    if c.future:  # only dated after publication: planned, not happened
        return False
    if c.cause:  # what the clause responds to: an incident where it names a place
        # (an accord signed needs none: "في أعقاب توقيع اتفاق هدنة")
        # (protests as violence: "ردا على الاحتجاجات" names them, "في أعقاب
        # احتجاجات عنيفة شهدتها اليوم" tells them on their day)
        accord = not events.event_type(c.type).violent and c.type != "protest"
        return (
            any(p.locates for p in c.places)
            or accord
            or _told_as_happened(c)
            or _its_own_day(c)
            or _counted_in_region(c)
        )
    if c.weak:
        # (a day that is only its saying's needs a town too: "ذكرت وسائل إعلام،
        # الاثنين، أن … مذكرات توقيف بحق 25 شخصا في القوات الجوية")
        located = any(p.locates for p in c.places)
        dated = c.own_date and c.date.is_dated and not _quoted_apart(c)
        dated = dated and (not c.said_day or located or not c.casualties.is_empty)
        # (a year alone is the background a weapon, a meeting or a veto is
        # named in: "استخدمت روسيا حق الفيتو 12 مرة منذ بدء الصراع عام 2011";
        # an accord keeps the year it was signed in, which its later tellings
        # join: "الاتفاق الموقع مع إيران عام 2015")
        dated = dated and (c.date.precision != "year" or c.type == "agreement")
        # "إن عددا من المقاتلين غادروا الغوطة الشرقية": a past verb of its own kind
        # and a town where it happened tell it done, not only named.
        done = events.told_as_done(c.text, max(c.trigger_at, 0), c.type)
        return dated or (done and any(p.kind not in _BROAD for p in c.places))
    if c.definite or c.hearsay:
        # A claim told with the region it happened in is a report ("وأفاد
        # ناشطون بأن مسلحي داعش هاجموا موقعا … بين دير الزور وحمص"); a definite
        # noun needs a town of its own to be more than a reference.
        fine = (lambda p: p.kind not in _BROAD) if not c.definite else (lambda p: p.locates)
        # (a site alone is no town: "بعد الهجوم على مستشفى الثورة" refers to the
        # strike told before, a quoted boast "في شارع بغداد" reports nothing)
        own_place = any(fine(p) and p.kind != "site" for p in c.places)
        # "أفادت وسائل إعلام بسقوط قتلى وجرحى في غارة": harm told, though not
        # counted, by a weapon named (not a game "أدت إلى" harm in a warning)
        told = c.casualties.unnumbered and c.tier == "means"
        harm = not c.casualties.is_empty or told
        # A definite noun dated only by the day it was spoken of ("قوله الجمعة
        # إن الهجوم الأمريكي على سوريا أزال …") refers to an event told elsewhere.
        dated = c.own_date and not (c.definite and c.said_day)
        # A definite subject of a past verb, where it happened told ("وأضاف أن
        # المقاتلات استهدفت مواقع … في مديرية الملاجم"): an event told afresh.
        # (not what came before another: "بعدما سيطرت على الغوطة الشرقية")
        if dated or own_place or harm:
            return True
        if c.type == "diplomacy" and events.told_by_its_party(c.text, max(c.trigger_at, 0)):
            return True  # "وذكر غريفيث أنه التقى خلال زيارته قادة": his own word
        placed = any(p.kind != "country" for p in c.places) and not _AFTER_THAT.search(c.text)
        return (not c.definite or placed) and _told_as_done(c)
    return True


def _counted_in_region(c: Clause) -> bool:
    """An event spoken of with its dead counted and the region it struck ("نفى
    الكرملين ضلوع روسيا في القصف على الغوطة الشرقية الذي أوقع 250 قتيلا"):
    told, not only named."""
    counted = c.casualties.killed is not None or c.casualties.wounded is not None
    return counted and any(p.kind not in _BROAD for p in c.places)


def _its_own_day(c: Clause) -> bool:
    """An event spoken of with the day it happened told after it, in its own
    phrase ("أدانت … إطلاق 7 صواريخ … خلال الساعات الأولى من يوم الإثنين"; "عن
    القصف الصاروخي، الذي استهدف الجمعة"), not after a comma that opens
    another ("ردا على عملية عسكرية فرنسية في مالي، حسب ما ورد في رسالة
    تلقتها الوكالة السبت")."""
    # (or the week: "ردا على هجوم بالغاز السام أسفر عن مقتل العشرات الأسبوع الماضي")
    if not (c.own_date and c.date.precision in ("day", "week") and c.date.text) or c.said_day:
        return False
    at = c.text.find(c.date.text, max(c.trigger_at, 0))
    return at > c.trigger_at and not _OTHER_PHRASE.search(c.text, c.trigger_at, at)


# A comma or stop, unless a relative clause about the event follows it.
_OTHER_PHRASE = re.compile(r"[،,.؛;:](?!\s*(?:الذي|التي|الذين|اللذين)\s)")


def _told_as_happened(c: Clause) -> bool:
    """An event spoken of, told as having happened on its own day ("هجوم مفترض
    بغاز سام وقع في المدينة في 7 نيسان")."""
    if not (c.own_date and c.date.precision == "day" and c.date.text):
        return False
    return events.told_as_happened(c.text, c.trigger_at, c.text.find(c.date.text))


_BROAD = frozenset({"country", "quarter"})  # a country, or its quarter ("جنوب سوريا")


# Besides violence, what a past verb tells done as surely: people taken,
# people gone ("إن عددا صغيرا من المقاتلين غادروا المنطقة"), forces arrived.
# (A past "بحثت", "اتفقت" in a claim is as often an opinion or history.)
DONE_KINDS = ("arrest", "displacement", "deployment")


def _told_as_done(c: Clause) -> bool:
    """A claim whose event is told by a verb in the past: reported as a fact
    ("ذكر بيان للجيش أن مقاتلاته استهدفت عشرات المواقع"), the verb after what
    was said begins, before the trigger too ("أن الحوثيين قتلوا العشرات من
    الجنود السودانيين … في معارك")."""
    kind = c.type if c.type in DONE_KINDS else "arrest"
    said = temporal.told_after(c.text)
    start = said if 0 <= said < c.trigger_at else max(c.trigger_at, 0)
    return events.told_as_done(c.text, start, kind)


def fold_retellings(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """The same event told again — lede, later toll, another source's word — is one
    incident: a later clause that tells an earlier one's event joins it as one
    more source (its figures, places and date complete the first telling's)."""
    out = list(clauses)
    roots: list[int] = []  # clauses that are incidents of their own, in order
    published = ctx.article.published.date
    for i, c in enumerate(clauses):
        if not c.type:
            continue
        told = [j for j in reversed(roots) if _retells(out[j], c)]
        # "الانفجار وقع شرق خان يونس" after the blast and the tank's reply to
        # it: a definite noun that adds no figure retells the event of its own
        # type, however near the other. (A toll goes on to the nearest.)
        if c.casualties.is_empty and c.definite:
            told.sort(key=lambda j: not _near_of_type(out[j], c))
        j = next(
            (
                j
                for j in told
                if not _in_campaign(out[j], c, published) and not _long_before(out[j], c, published)
            ),
            None,
        )
        if j is None:
            # More than a year before publication, it is recalled, not news.
            if any(_long_before(out[k], c, published, _YEAR) for k in told):
                out[i] = c.copy_with(type="")
                continue
            if _running_total(c, [out[k] for k in roots]):
                out[i] = c.copy_with(type="")
                continue
            roots.append(i)
            continue
        if (
            _regional(c.casualties)
            and not _regional(out[j].casualties)
            and not _campaign(out[j], published)
        ):
            # "وتقول تقديرات إن الحرب في اليمن أدت إلى مقتل حوالي 10 آلاف شخص"
            # after a strike: the war's toll, background, not the strike's. A
            # campaign dated by its own start is an incident of its own ("وأدى
            # القصف، الذي بدأ في 18 من فبراير، إلى مقتل 1600 مدني").
            if c.own_date and c.date.precision == "range":
                roots.append(i)
            else:
                out[i] = c.copy_with(type="")
            continue
        out[j] = _joined(out[j], c)
        out[i] = c.copy_with(type="")
    return tuple(out)


def _near_of_type(first: Clause, later: Clause) -> bool:
    """Told before as an event of the later telling's type, dated on its day or
    the next (not "في أبريل" for a July report's "القصف العنيف على نوى", nor a
    minister's undated word of the war)."""
    a, b = first.date, later.date
    if first.type != later.type or not (a.start and a.end and b.start and b.end):
        return False
    if a.basis == "publication":
        return False  # no day of its own to share
    return a.start <= b.end + _ONE_DAY and b.start <= a.end + _ONE_DAY


def _running_total(c: Clause, before: list[Clause]) -> bool:
    """Dead told with no day nor place of their own, ten times an event's of the
    same kind told before: a total over weeks the article does not date ("وخلال
    الفترة نفسها، قُتل نحو 300 فلسطيني" after three dead on Wednesday),
    background to it, not an event of its own. Dead told with the means of
    another kind of event are its own ("بمقتل نحو 79 مسلحا … في غارات
    لتحالف دعم الشرعية" after five killed by Houthi shelling)."""
    if c.own_date or _locating(c):
        return False
    # (not a toll since a start: "ويرتفع بذلك عدد القتلى لأكثر من 1560 شخصا منذ
    # بدء تصعيد القصف الجوي")
    own_means = c.tier != "generic" and not temporal.tallies_since_start(c.text)
    return any(
        _same_kind(b, c) and _far_larger(b, c) and not (own_means and b.type != c.type)
        for b in before
    )


def _retells(first: Clause, later: Clause) -> bool:
    """Compatible (kind, day, place), and something that says it is the same event:
    a place in common, the same figures, a definite noun of the same type
    ("الغارة", "القصف"), or a toll in the same paragraph as the last telling."""
    if not _same_kind(first, later) or _responds(first, later):
        return False
    if _another(later.text, besides=_dates_the_news(first, later)):
        return False
    if temporal.tallies_since_start(later.text) != temporal.tallies_since_start(first.text):
        return False  # a running total is not one more telling of a day's event
    if _since_then(later, first) or _since_then(first, later):
        return False
    if _LATEST.match(later.text):
        return False  # "كان آخرها …": the latest event the toll before counts
    if _earlier_undated(first) and later.own_date and later.date.is_dated:
        return False
    if _anchored_apart(first, later) or _going_on_since(first, later):
        return False
    if first.date.start and _calendar_unplaced(later):
        # told on a day or month the text does not place ("بتفجير شاحنة في
        # أكتوبر" in July's news: no year): not one more telling of a dated event
        return False
    if not (
        _overlap(first.date, later.date)
        or _spoken_of_since(first, later)
        or _own_day_told_after(first, later)
    ):
        return False
    if _told_apart(first, later) or _other_quarters(first, later):
        return False
    # A governorate told first and a town in it told after are one place only
    # for an event of one type ("مقتل جندي بريف إدلب" is not "القصف على سراقب"),
    # or when the later telling does not say how ("غارة … في ريف دير الزور",
    # then "اعتدى على أحد مواقعنا في بلدة الهري").
    closer = _told_closer(first.places, later.places) or _told_closer(later.places, first.places)
    closer = closer or (_in_region(first.places, later.places) and not _a_share(first, later))
    # ... or a definite bombardment with no day of its own after air raids
    # ("وطال القصف بلدات … بينها تسيل وحيط" after "قصفت طائرات حربية … حوض
    # اليرموك"): one raid told two ways.
    one = (
        first.type == later.type
        or later.tier == "generic"
        or (later.definite and not later.own_date and _one_raid(first, later))
    )
    if not (_same_place(first.places, later.places) or (closer and one)):
        return False
    if _common_place(first, later):
        return True  # a village or city in common
    if first.places and later.places and first.type == later.type and _same_time(first, later):
        return True  # the same region, the same day (or the same few days, told alike)
    if not later.casualties.is_empty and later.casualties == first.casualties:
        return True
    if _same_dead(first.casualties, later.casualties) and _same_day(first, later):
        return True  # "مقتل 51 شخصا" then "وقتل 51 شخصا … وأصيب 79"
    if later.definite and (_one_type(first, later) or _points_back(first, later)):
        return True
    if _toll_then_how(first, later):
        return True
    if _told_after_spoken_of(first, later):
        return True
    # One of them does not say where (no village or city): the same kind of event
    # dated alike is told again ("مقتل الصماد في غارة ... ظهر الخميس", then "قتل
    # بغارة يوم الخميس في ضاحية البريهي").
    unplaced = not (_locating(first) and _locating(later)) and first.type == later.type
    unplaced = unplaced and _same_parties(first, later)
    unplaced = unplaced and not _far_larger(first, later)
    # Both dated by the text, to the day or one inside the other ("ظهر الخميس",
    # then "في غارة جوية الأسبوع الماضي").
    days = first.date.precision == "day" == later.date.precision or _within(first.date, later.date)
    # Or the later telling has no date of its own, touches the first's day and
    # counts its dead ("اشتباكات عنيفة … أسفرت عن مقتل جميع المهاجمين" after the
    # attack "مساء الجمعة" told on Saturday).
    undated = not later.own_date and later.date.basis == "publication"
    undated = undated and _a_day_or_days_going(first.date) and _overlap(first.date, later.date)
    undated = undated and not later.casualties.is_empty
    if unplaced and ((first.own_date and later.own_date and days) or _same_day(first, later)):
        return True
    if unplaced and undated:
        return True
    last = (first, *first.also)[-1]
    near = later.segment.paragraph - last.segment.paragraph <= 1
    return later.tier == "generic" and near


def _earlier_undated(c: Clause) -> bool:
    """ "أن عنصرا إيرانيا … قتل في وقت سابق": told as earlier, at a time the
    text does not give; a telling dated by the text is another event. (Not
    the saying told earlier: "التي قالت في وقت سابق إن الخبراء دخلوا دوما".)"""
    if c.date.is_dated or c.trigger_at < 0:
        return False
    return temporal.told_before_saying(c.text, c.trigger_at) is not None


def _calendar_unplaced(c: Clause) -> bool:
    if not c.own_date or c.date.start is not None or not c.date.text:
        return False
    return any(m.kind in ("date", "month") for m in temporal.find_dates(c.date.text))


def _campaign(c: Clause, published: date | None) -> bool:
    """An offensive going on since a day the text gives ("وتشن قوات النظام منذ
    18 شباط/فبراير حملة جوية عنيفة"): a toll of thousands is its own, told so
    far. Not a war of years, nor a span long past ("تصاعد الصراع فيه مطلع عام
    2015"), whose toll is background."""
    ref = c.date
    if not (c.own_date and ref.precision == "range" and ref.start and published):
        return False
    return ref.end == published and (published - ref.start).days <= _YEAR


def _far_larger(first: Clause, later: Clause) -> bool:
    """Ten times the dead told first, or more: a running total ("إن أكثر من 130
    فلسطينيا قتلوا … أثناء الاحتجاجات" after "إن شخصا آخر قتل … الجمعة الماضية",
    "مشيرا إلى مقتل 42 شخصا" after "قتل ثلاثة فلسطينيين"), not the same event's
    toll -- unless told as its toll: "حصيلة أكبر تفوق 200 قتيلا" after "5" (not
    after the one man's death told first)."""
    before, after = first.casualties.killed, later.casualties.killed
    if not before or after is None or after < _FAR_LARGER * before:
        return False
    return before == 1 or not _toll(later.text)


_FAR_LARGER = 10


def _since_then(total: Clause, day: Clause) -> bool:
    """A toll since a moment told before ("حيث قتل 30 فلسطينيا على الأقل، منذ
    ذلك الحين") is no telling of one day's event; it goes with a span that
    runs to now (a campaign "منذ 30 آذار")."""
    return (
        day.date.precision == "day"
        and temporal.tallies_since_then(total.text)
        and not temporal.tallies_since_then(day.text)
    )


def _a_day_or_days_going(ref: DateRef) -> bool:
    """A day, or an operation begun a few days before publication and going on
    ("بدأت القوات هجوما بريا، الاثنين" told on Tuesday): its toll told later
    with no day of its own is the operation's."""
    if ref.precision == "day":
        return True
    if ref.note != temporal.GOING_ON or ref.start is None or ref.end is None:
        return False
    return (ref.end - ref.start).days <= _FEW_DAYS_GOING


_FEW_DAYS_GOING = 7


def _told_after_spoken_of(first: Clause, later: Clause) -> bool:
    """An event spoken of first by a definite noun with no day ("بشأن الرد على
    الهجوم المفترض بأسلحة كيمياوية على الغوطة الشرقية"), then told, of the same
    type, where it was or in a place inside it ("هجوم دوما")."""
    if not first.definite or first.date.is_dated or first.type != later.type:
        return False
    if all(p.kind in _BROAD for p in first.places):
        return False  # "هجوم … على أهداف سورية": a country holds many events
    return _common_place(first, later) or _told_closer(first.places, later.places)


def _other_quarters(first: Clause, later: Clause) -> bool:
    """ "قتل 15 شخصا … بمدينة جلال آباد شرقي أفغانستان", then "وفي غرب
    أفغانستان انفجرت قنبلة": the west of a country is not its east."""
    told = [p for p in later.places if p.kind == "quarter"]
    if not told:
        return False
    before = [q for c in (first, *first.also) for q in _quarters_in(c.text)]
    return any(_opposite(a, b) for a in before for b in told)


# Sides that exclude each other: the south-east of a country may be its east.
_OPPOSITE = (("north", "south"), ("east", "west"))


def _opposite(a: Place, b: Place) -> bool:
    """Two quarters of one place on its opposite sides ("western Afghanistan",
    "eastern Afghanistan")."""
    side_a, _, of_a = a.en.partition(" ")
    side_b, _, of_b = b.en.partition(" ")
    if of_a != of_b:
        return False
    return any((x in side_a and y in side_b) or (y in side_a and x in side_b) for x, y in _OPPOSITE)


def _quarters_in(text: str) -> list[Place]:
    found = (places.quarter(text, m) for m in places.find_places(text))
    return [q for q in found if q is not None]


def _same_parties(first: Clause, later: Clause) -> bool:
    """Two meetings or calls of one day, with no place, are one when they share
    a party: "التقى بوتين الثلاثاء بأردوغان" is not "والتقى ترامب الثلاثاء
    بماكرون" (when both name parties the actor lexicon knows). Violence and
    protest are told with their parties left out as often."""
    if first.type != "diplomacy" or not (first.actors and later.actors):
        return True
    return bool(set(first.actors) & set(later.actors))


def _spoken_of_since(first: Clause, later: Clause) -> bool:
    """A definite noun or a toll dated only by the day a verb of saying gives it
    ("وقالت شرطة مدينة تورونتو، الاثنين، إن المشتبه به في الهجوم المسلح…") may
    tell an event of that day or of the two weeks before it."""
    # "الهجوم", or its dead only, where nothing says it happened elsewhere
    told_of = later.definite or (later.tier == "generic" and not later.places)
    if not (told_of and later.said_day and first.date.end and later.date.start):
        return False
    if not timedelta(0) <= later.date.start - first.date.end <= _SPOKEN_OF_SINCE:
        return False
    at = later.text.find(later.date.text) if later.date.text else -1
    return at > 0 and _said_at(later.text, at)


_SPOKEN_OF_SINCE = timedelta(days=14)


def _own_day_told_after(first: Clause, later: Clause) -> bool:
    """The first telling dated only by the day it was said ("أعلن الجيش اليمني،
    السبت، أن قواته أحبطت هجوماً"), a later one by the event's own day, in
    the week before ("أحبط هجوماً إرهابياً، مساء الجمعة"): one event, on the
    later telling's day."""
    if not (first.said_day and later.own_date and not later.said_day):
        return False
    # Violence and arrests only: meetings and calls follow each other day
    # after day ("اعتقلت السلطات الألمانية 4 سوريين …، وفقا لما ذكرته الشرطة،
    # الخميس", then "واعتقلت الشرطة المشتبه بهم …، الأربعاء").
    if not (events.event_type(first.type).violent or first.type == "arrest"):
        return False
    if later.date.precision != "day" or first.date.precision != "day":
        return False
    if not (later.date.end and first.date.start and first.date.text and later.date.text):
        return False
    if not timedelta(0) < first.date.start - later.date.end <= _OWN_DAY_BEFORE:
        return False
    # (the later day too may be a saying's: "كان قد قال، الأحد، إن …")
    said_later = _said_at(later.text, later.text.find(later.date.text))
    return not said_later and _said_at(first.text, first.text.find(first.date.text))


_OWN_DAY_BEFORE = timedelta(days=7)


def _anchored_apart(first: Clause, later: Clause) -> bool:
    """An event named by its distance from another day ("وتأتي هذه الحصيلة غداة
    مقتل 21 مدنيا") is not the event of a day other than its own."""
    if not any(a.shift for a in later.anchored) or _anchoring(later) is None:
        return False
    return bool(first.date.start and later.date.start and first.date.start != later.date.start)


def _in_campaign(a: Clause, b: Clause, published: date | None) -> bool:
    """One telling is an operation going on from its start to publication
    ("بدأت تركيا في 20 يناير عملية عسكرية"), or this year's so far ("ليسجل 26
    قتيلا حتى الآن في 2018"), the other a moment of it with a date of its own
    ("وفي وقت سابق من الشهر الحالي سيطرت … على مركز مدينة عفرين", "قتل شخصان
    … الأحد"): two events, unless that moment is the day it began."""
    for campaign, moment in ((a, b), (b, a)):
        ref = campaign.date
        running = ref.precision in _RUNNING and ref.end is not None and ref.end == published
        # (this year's tally is no telling of any one event in it, dated or not)
        told = moment.own_date or ref.precision == "year"
        own = campaign.own_date and told and moment.date.precision != "range"
        if running and own and moment.date.start != ref.start:
            return True
    return False


_RUNNING = frozenset({"range", "year"})  # a year to publication is this year so far


# How long before publication an undated report may have happened: the news
# tells what is recent (a month, the longest "الشهر الماضي" reaches).
RECENT_DAYS = 31


def _long_before(
    first: Clause, later: Clause, published: date | None, days: int = RECENT_DAYS
) -> bool:
    """An event the article does not date is news; a later clause dated by its
    own words more than ``days`` before publication ("وشنت تركيا في 20 كانون
    الثاني/يناير هجوما", "استهداف المفاعل النووي السوري في دير الزور عام
    2007") is another, older event, not the date of the first found at last."""
    if first.own_date or not (later.own_date and later.date.end and published):
        return False
    return (published - later.date.end).days > days


def _same_dead(a: Casualties, b: Casualties) -> bool:
    """The same number of dead, counted exactly in both (other figures may be
    told in one only)."""
    exact = not (a.approximate or b.approximate)
    return exact and a.killed is not None and a.killed > 1 and a.killed == b.killed


def _responds(first: Clause, later: Clause) -> bool:
    """The later clause tells another event: the response to what was told, or the
    cause that the clause right before it answers. A cause told again further on
    ("ردا على هجوم كيميائي مفترض وقع في السابع من نيسان في مدينة دوما", after
    the attack was told) is one more telling of it."""
    if not _answers(later.text):
        return False
    # (a cause cut from its response opens its clause: "ردا على إطلاق صواريخ على
    # إسرائيل" after "ردا على إطلاق أربع قذائف … على إسرائيل" is that fire again)
    causes = all(c.cause or _opens_with_cause(c.text) for c in (first, later))
    return not (causes and not _same_sentence(first, later))


def _answers(text: str) -> bool:
    """The clause tells the response to what was told before ("ردا على ذلك،
    استهدفت دبابات إسرائيلية نقطة مراقبة", "وردت إسرائيل بغارات"), or opens
    with the cause an event answers (a clause _cause_cut made): another event."""
    if _ANSWER.search(fold(text[:60]).text) or _AFTER_THIS.search(text):
        return True
    return _opens_with_cause(text)


_ANSWER = re.compile(r'(?:^|[\s"])و?ردا علي (?:ذلك|هذا)|^\W*وردت?\s')
# ... or says it followed it: "وكانت دبابة إسرائيلية فتحت النار الثلاثاء على
# موقع لحماس في أعقاب عملية التسلل هذه".
_AFTER_THIS = re.compile(
    r"(?:^|\s)(?:في\s+[أا]عقاب|[وف]?عقب|[وف]?[إا]ثر)\s+(?:\S+\s+){0,2}?(?:هذه|هذا)(?:\s|\W|$)"
)


def _one_type(a: Clause, b: Clause) -> bool:
    """The same type, or one raid told as air and as missile fire."""
    return a.type == b.type or _one_raid(a, b)


def _within(a: DateRef, b: DateRef) -> bool:
    """A day inside the week the other telling names ("الأسبوع الماضي"); not a
    vague span ("في الأيام الماضية" holds many events)."""
    if {a.precision, b.precision} != {"day", "week"}:
        return False
    day, week = (a, b) if a.precision == "day" else (b, a)
    return bool(day.start and week.start and week.end and week.start <= day.start <= week.end)


def _toll_then_how(first: Clause, later: Clause) -> bool:
    """A toll that says neither how nor where, then, in the same sentence, the
    clause that does: "إن ثلاثة مدنيين قتلوا، فيما أصيب عدد آخر بإلقاء مروحيات
    النظام براميل متفجرة على مدينة الحراك" is one event."""
    return (
        _same_sentence(first, later)
        and first.tier == "generic"
        and not first.places
        and not later.own_date
    )


def _same_sentence(a: Clause, b: Clause) -> bool:
    return (a.segment.paragraph, a.segment.sentence) == (b.segment.paragraph, b.segment.sentence)


def _told_apart(a: Clause, b: Clause) -> bool:
    """Each telling writes its own date, differently, and one of them cannot be
    read ("31 شباط", "2020/13/45"): nothing says they are one day."""
    undated = not (a.date.is_dated and b.date.is_dated)
    own = a.own_date and b.own_date and a.date.text and b.date.text
    return bool(undated and own and a.date.text != b.date.text)


def _common_place(a: Clause, b: Clause) -> bool:
    fine = {p.key for p in a.places if p.locates}
    return any(p.locates and p.key in fine for p in b.places)


def _locating(c: Clause) -> bool:
    return any(p.locates for p in c.places)


def _same_time(a: Clause, b: Clause) -> bool:
    """The same day, or the same few days ("نهاية حزيران/يونيو" twice: one
    summit; "نهاية أيار/مايو الماضي", then "نهاية مايو/أيار": one arrest)."""
    if _same_day(a, b):
        return True
    d, e = a.date, b.date
    return (
        d.precision == e.precision == "range"
        and (d.start, d.end) == (e.start, e.end)
        and d.start is not None
        and d.end is not None
        and (d.end - d.start).days <= _FEW_DAYS
    )


_FEW_DAYS = 10  # a month's part: "أواخر", "نهاية" (21st to 31st)


def _same_day(a: Clause, b: Clause) -> bool:
    one_day = ("day", "approx")
    return (
        a.date.precision in one_day
        and b.date.precision in one_day
        and a.date.start == a.date.end == b.date.start == b.date.end
    )


def _same_kind(a: Clause, b: Clause) -> bool:
    """The same type; a strike from afar told as air or missile fire (one raid is
    "غارات" in one sentence and "قصف" in the next); or violence, one side only
    counting its dead ("مقتل 4")."""
    if a.type == b.type or _one_raid(a, b):
        return True
    violent = events.event_type(a.type).violent and events.event_type(b.type).violent
    return violent and ("generic" in (a.tier, b.tier) or _toll(b.text) or _points_back(a, b))


def _points_back(a: Clause, b: Clause) -> bool:
    """ "واستهدف الهجوم في جلال آباد مقر هيئة اللاجئين" after the suicide bombing
    there that day: a definite noun of violence points back to it (air strikes
    and ground fire only as _one_raid has them)."""
    days = _same_day(a, b) or _dates_the_news(a, b) or _spoken_of_that_day(a, b)
    return b.definite and days and {a.type, b.type} != _REMOTE


def _spoken_of_that_day(a: Clause, b: Clause) -> bool:
    """A definite telling left undated because its only day was the day it was
    said on (_referred), after a telling with a day of its own: "نقلت
    الوكالة عن مراسلها السبت أن … مما أدى إلى إطلاق الدفاعات الجوية وابلا من
    القذائف" after "إن الدفاعات الجوية تصدت لهدف معاد" told that Saturday."""
    return b.date.note == _REFERRED and a.date.precision == "day" and a.own_date


def _dates_the_news(a: Clause, b: Clause) -> bool:
    """A telling dated only by the day it was published, then a definite noun of
    any violence that names its day, that day or the day before: "قتل عشرون
    شخصا … في غارة جوية", then "في الهجوم الذي وقع في وقت متأخر أمس الأحد"
    (events.yaml: told_as_any)."""
    if a.own_date or a.date.basis != "publication" or not (a.date.start and a.date.end):
        return False
    if not b.own_date or b.date.precision != "day" or not b.date.start or b.trigger_at < 0:
        return False
    noun = fold(b.text[b.trigger_at :]).text.split()[:1]
    if not noun or noun[0] not in events.told_as_any():
        return False
    return a.date.start - _ONE_DAY <= b.date.start <= a.date.end


def _toll(text: str) -> bool:
    """ "وارتفعت حصيلة الهجمات إلى 221 قتيلا": a toll of an event told before."""
    return "حصيله" in fold(text).text


_REMOTE = {"airstrike", "shelling"}


def _one_raid(a: Clause, b: Clause) -> bool:
    """An air strike and shelling that may be one raid told two ways: not when
    the shelling names guns on the ground and no aircraft, and the air strike
    no guns."""
    if {a.type, b.type} != _REMOTE:
        return False
    air, fire = (a, b) if a.type == "airstrike" else (b, a)
    ground = events.names_fire(fire.text, "ground_fire")
    return (
        not ground
        or events.names_fire(fire.text, "air_fire")
        or events.names_fire(air.text, "ground_fire")
    )


def _going_on_since(first: Clause, later: Clause) -> bool:
    """ "وتدور معارك عنيفة على جبهات أخرى", "اشتباكات عنيفة تجري قرب حرستا":
    fighting going on as the article is written, after an event the text puts
    on an earlier day (a town taken on Sunday), is the fighting since, not that
    event told again."""
    if later.date.basis != "publication" or later.trigger_at < 0:
        return False
    if not (first.own_date and first.date.precision == "day" and first.date.basis == "relative"):
        return False
    if later.date.start is None or first.date.end is None or first.date.end >= later.date.start:
        return False
    near = fold(later.text[max(0, later.trigger_at - 12) : later.trigger_at + 40]).text.split()
    return any(w in events.going_on() for w in near[:6])


def _another(text: str, besides: bool = False) -> bool:
    """ "غارة أخرى", "هجوم ثان": the text says it is a new event. With
    ``besides`` (a telling that points back to the event told before), "آخر"
    after a count is people besides its dead: "أصيب أكثر من 30 شخصا آخر في
    الهجوم" (as "عدد آخر" is)."""
    folded = fold(text).text
    return any(
        not (m.group() in ("اخر", "اخري") and _other_things(folded, m.start()))
        and not (besides and m.group() == "اخر" and _more_people(folded, m.start()))
        and not _no_new_event(folded, m)
        for m in _ANOTHER.finditer(folded)
    )


def _no_new_event(folded: str, m: re.Match[str]) -> bool:
    """ "في بيان آخر", "مصدر آخر", "وأصيب آخر" (events.yaml:
    not_another_after), or "آخر" as the last of ("آخر معاقل", "آخر
    التطورات"; events.yaml: last_of): no new event. Nor another thing or
    person ("مصدر طبي آخر", "قيادي حوثي آخر", "تضرر جديد"): only a word of
    an event before it, or after an ordinal, makes one ("غارات جوية أخرى",
    "ثالث هجوم", "مرة جديدة"). ("من جهة أخرى" turns to another one.)"""
    before = folded[: m.start()].split()
    if before and before[-1] in events.not_another_after():
        return True
    after = folded[m.end() :].split()[:1]
    if m.group() == "اخر" and after and _last_of(after[0]):
        return True
    return not _of_an_event(m.group(), before[-2:], after)


def _last_of(word: str) -> bool:
    word = word.strip(".,،:;\"'")
    last, not_nouns = events.last_of()
    if word in last:
        return True
    # (a day's name is when another was hurt: "قتل آخر الجمعة")
    day = any(d.kind in ("weekday", "day") for d in temporal.find_dates(word))
    return word.startswith("ال") and word not in not_nouns and not day


def _of_an_event(word: str, before: list[str], after: list[str]) -> bool:
    """ "أخرى", "جديد", "ثان" qualify an event: a verb of doing again, or a
    word of an event (or of its occasion: events.yaml another_of) among the
    two before it, past an adjective ("غارات جوية أخرى"), or after an ordinal."""
    if word.lstrip("وف").startswith(("كرر", "عاود")):
        return True
    if len(before) > 1 and before[-2] in _ELSEWHERE:
        return True  # "وفي أماكن أخرى قتل شخصان", "من جهة أخرى": elsewhere
    near = before + (after if word in _ORDINALS else [])
    if any(w.strip(".,،:;\"'") in events.another_of() for w in near):
        return True
    # the noun it qualifies: the word before, or the one before an adjective
    # of origin ("غارات جوية أخرى"; not "وإصابة مواطن آخر", one more hurt)
    noun = before[-2:] if len(before) > 1 and _NISBA.search(before[-1]) else before[-1:]
    noun += after if word in _ORDINALS else []
    return any(not t.reporting for t in events.find_triggers(" ".join(noun)))


_ORDINALS = frozenset({"ثان", "ثانيه", "ثالث", "ثالثه"})
_NISBA = re.compile(r"..(?:ي|يه|يين|يون|يات)$")  # (folded: "جوية" is "جويه")
_ELSEWHERE = frozenset({"في", "وفي", "من", "ومن", "علي", "وعلي"})  # (folded)


def _more_people(folded: str, at: int) -> bool:
    return any(find_numbers(w) for w in folded[:at].split()[-2:])


def _other_things(folded: str, at: int) -> bool:
    """ "ومناطق أخرى": other places or targets of the same event, not another
    event (a second or a new one stays: "موقع ثان", "مواقع جديدة"; so does
    one "في أماكن أخرى", elsewhere)."""
    before = folded[:at].split()
    if not before or (len(before) > 1 and before[-2] in ("في", "وفي")):
        return False  # "وفي أماكن أخرى قتل شخصان": elsewhere, another event
    return before[-1] in events.other_things()


# Not "عدد آخر" (a further number of people: "قتلوا فيما أصيب عدد آخر").
# Nor a verb of doing again ("وكرر التحالف الدولي غاراته مجددا، الجمعة"; not
# "عادت لتخسره مجددا", told again of the loss).
# Nor "آخر" after a verb of being or a preposition: the last of ("التي كانت آخر
# معاقل الفصائل", "في آخر هجوم", "أحد آخر معاقل"); nor after a comma ("مدينة
# دوما، آخر معقل للمعارضة"): "another" follows a word of its noun phrase.
_ANOTHER = re.compile(
    r"(?<![\w])(?<!عدد )"
    r"(?:(?<!كانت )(?<!كان )(?<!وهي )(?<!وهو )(?<!هي )(?<!هو )(?<!في )(?<!من )(?<!الي )"
    r"(?<!تعد )(?<!يعد )(?<!باتت )(?<!بات )(?<!احد )(?<=[\u0621-\u064a] )اخر"
    r"|اخري|ثان|ثانيه|ثالث|ثالثه|جديد|جديده|[وف]?(?:كرر|كررت|عاود|عاودت))(?![\w])"
)


def _meet(a: DateRef, b: DateRef) -> bool:
    """Days in common (a week past and today have none)."""
    if not (a.start and a.end and b.start and b.end):
        return True  # an undated side can be any day
    return a.start <= b.end and b.start <= a.end


def _overlap(a: DateRef, b: DateRef) -> bool:
    """Days that overlap, or touch: a night raid is told on either of its days —
    unless both are named days ("الجمعة" and "السبت" are two strikes)."""
    if not (a.start and a.end and b.start and b.end):
        return True  # an undated telling can tell any day's event
    if "publication" in (a.basis, b.basis):
        return True  # so can one dated only by the day it was published
    if _meet(a, b):
        return True
    named = a.precision == "day" == b.precision and "relative" == a.basis == b.basis
    return not named and a.start <= b.end + _ONE_DAY and b.start <= a.end + _ONE_DAY


_ONE_DAY = timedelta(days=1)


def _same_place(a: tuple[Place, ...], b: tuple[Place, ...]) -> bool:
    """Compared at the finest level both name: a village or city in common, or
    (when neither names one) a governorate or country. A village and its
    governorate are not enough: a lede "in Idlib" and a strike on a village of
    Idlib are often two events."""
    a, b = _finest(a), _finest(b)
    fine_a = {p.key for p in a if p.locates and p.known}
    fine_b = {p.key for p in b if p.locates and p.known}
    if fine_a and fine_b and not fine_a.isdisjoint(fine_b):
        return True
    if not a or not b:
        return True
    # A country and what lies in it ("اليمن" and "الحديدة") can be one event; a
    # governorate and its village are often two (a lede "in Idlib", then a strike
    # on a village of Idlib). A place the gazetteer does not know ("ضاحية
    # البريهي") may lie in any place it knows; two it does not know, named
    # apart ("إقليم ساريبول", "منطقتي دارزاب وقوش"), are two places. A sea or a
    # border lies beside places of any country ("في البحر الأحمر", then "قبالة
    # ميناء الحديدة").
    return any(
        x == y
        or (x.kind == "country" and places.contains(x, y))
        or (y.kind == "country" and places.contains(y, x))
        or x.known != y.known
        or (places.in_no_country(x) and not y.locates)
        or (places.in_no_country(y) and not x.locates)
        for x in a
        for y in b
    )


def _finest(told: tuple[Place, ...]) -> tuple[Place, ...]:
    """Without a country that a place told beside it lies in: "أهداف للنظام
    السوري في دمشق وحمص" happened in Homs, and Syria makes it no kin of every
    event in Syria. Nor the town an airport or a crossing is named after, shown
    beside it: a fight for Hodeidah's airport is not every fight in Hodeidah.
    (A port is: "ميناء الحديدة" and "الحديدة" are one offensive's aim.)"""
    served = {places.served_town(p) for p in told if p.kind != "port"}
    return tuple(
        p
        for p in told
        if p not in served
        and (p.kind != "country" or not any(q is not p and places.contains(p, q) for q in told))
    )


def _a_share(first: Clause, later: Clause) -> bool:
    """Tolls that make the town's telling a part of the region's: fewer dead
    at a strike it does not point back to ("ارتفاع عدد القتلى، السبت، إلى 35"
    in the Ghouta, then "طائرة حربية … قصفت مدينة حرستا، ما أدى إلى مقتل 11"),
    or more dead in the town than in all the region (another event)."""
    fine, coarse = (later, first) if any(p.locates for p in later.places) else (first, later)
    few, many = fine.casualties.killed, coarse.casualties.killed
    if few is None or many is None:
        return False
    return few > many or (few < many and not fine.definite)


def _told_closer(coarse: tuple[Place, ...], fine: tuple[Place, ...]) -> bool:
    """A telling that names only a governorate or region ("بمحافظة الحديدة")
    and one that names a place in it ("شمالي مدينة الخوخة"): the second tells
    where the first happened. (Two tellings that each name their own towns in
    one governorate are two events.)"""
    if any(p.locates for p in coarse):
        return False
    return any(places.contains(c, f) for c in coarse for f in fine)


def _in_region(a: tuple[Place, ...], b: tuple[Place, ...]) -> bool:
    """One telling names a region, the other a town it may hold ("الغوطة
    الشرقية", then "بلدة الشيفونية"): the gazetteer does not know a region's
    towns, only that they lie in its governorate."""
    if any(p.locates for p in a) and any(p.locates for p in b):
        return False
    return any(_may_hold(x, y) or _may_hold(y, x) for x in a for y in b)


def _joined(first: Clause, later: Clause) -> Clause:
    date = first.date
    # A date the text gives beats the publication day assumed for an undated
    # telling (not the day of the scene the first telling was set in; a vague
    # span, "خلال الأيام الماضية", does not), and a finer date beats a wider one.
    assumed = not first.own_date and first.date.basis in ("publication", "none")
    given = later.own_date and later.date.is_dated and later.date.precision != "approx" and assumed
    # (Not the day a telling was spoken, days after the event: _spoken_of_since.)
    finer = _narrower(later.date, first.date) or _a_day_for_some_days(later.date, first.date)
    if (given or (later.own_date and finer)) and _overlap(first.date, later.date):
        date = later.date
    elif _own_day_told_after(first, later):
        date = later.date  # the event's day, not the day it was said
    elif not first.date.is_dated and later.own_date and later.date.is_dated:
        date = later.date  # spoken of first with no day, then told with one
    kind = later.type if first.tier == "generic" and later.tier != "generic" else first.type
    return first.copy_with(
        type=kind,
        date=date,
        own_date=first.own_date or later.own_date,
        places=first.places + tuple(p for p in later.places if not _named(p, first.places)),
        actors=first.actors + tuple(a for a in later.actors if a not in first.actors),
        reported_by=first.reported_by or later.reported_by,
        casualties=_tolled(first.casualties, later.casualties, later.text),
        also=(*first.also, later),
    )


def _named(p: Place, among: tuple[Place, ...]) -> bool:
    """The place, or one of the same name (the city and its governorate, "Homs"),
    is already among those shown."""
    return any(p.en == q.en and p.ar == q.ar for q in among)


def _narrower(a: DateRef, b: DateRef, open_start: bool = False) -> bool:
    """A dated span inside a wider one ("في الأسبوعين الماضيين" within "هذا
    الشهر"); with ``open_start``, ``b``'s start is only where it reaches at
    least, and ``a`` may begin before it."""
    if not (a.start and a.end):
        return False
    if not (b.start and b.end):
        return True
    begins = open_start or b.start <= a.start
    return (a.end - a.start) < (b.end - b.start) and begins and a.end <= b.end


def _a_day_for_some_days(a: DateRef, b: DateRef) -> bool:
    """A day the text names for an event first told "some days ago" ("قتل في
    هجوم، قبل أيام", then "ووقع الهجوم، السبت 25 أغسطس"): the vague span is a
    guess around it (touching is enough, as _overlap has it). Only a date with
    its day of the month: a bare weekday is as often the day a later clause was
    said, or another event's."""
    numbered = any(ch.isdigit() for ch in a.text)
    return a.precision == "day" and numbered and b.precision == "approx" and b.basis == "relative"


def _tolled(a: Casualties, b: Casualties, text: str) -> Casualties:
    """ "وقتل أيضا 21 من مسلحي التنظيم": more dead of the same event, added to
    those told before; otherwise a later toll updates (the highest)."""
    if _adds(text):
        return replace(
            _highest(a, b), killed=_plus(a.killed, b.killed), wounded=_plus(a.wounded, b.wounded)
        )
    return _highest(a, b)


def _adds(text: str) -> bool:
    """ "أيضا" with the clause's first casualty word: its toll is more of the
    event's. After a second one it only joins the clause's own two ("قتل أحد
    المارة في هجوم أصاب خلاله أيضا 5 آخرين": one dead and five wounded, the
    toll told before, not more)."""
    folded = fold(text).text
    also = _ALSO.search(folded)
    if also is None:
        return False
    words = casualty_words(folded)
    return len(words) < 2 or also.start() < words[1][0]


_ALSO = re.compile(r"(?<![\w])(?:ايضا|كذلك)(?![\w])")


def _plus(x: int | None, y: int | None) -> int | None:
    return y if x is None else x if y is None else x + y


def _highest(a: Casualties, b: Casualties) -> Casualties:
    """A later toll updates an earlier one; a part ("بينهم 3 أطفال") never adds."""

    def top(x: int | None, y: int | None) -> int | None:
        return y if x is None else x if y is None else max(x, y)

    return Casualties(
        killed=top(a.killed, b.killed),
        wounded=top(a.wounded, b.wounded),
        displaced=top(a.displaced, b.displaced),
        approximate=a.approximate or b.approximate,
        victims=a.victims or b.victims,
        unnumbered=(a.unnumbered or b.unnumbered) and top(a.killed, b.killed) is None,
    )


def lend_tolls(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """A toll told in a relative clause of an event a sentence only names — in a
    denial ("الذي ينفي الاتهامات بالضلوع في الهجوم الكيميائي المفترض الذي أوقع
    نحو 40 قتيلا"), or as the cause of another event ("ردا على هجوم الأحواز الذي
    أسفر عن مقتل 25 شخصا") — is the toll of the incident that names it, when the
    article tells one such incident and it has no toll of its own. Those words
    become one more source of it, with that toll."""
    out = list(clauses)
    for i, c in enumerate(clauses):
        if c.segment.kind != "text":
            continue
        for told in relative_tolls(c.text):
            if c.type and not _in_cause(c, told.at):
                continue  # the clause's own toll, counted by count_clauses
            j = _named_incident(out, i, told.named)
            if j is not None:
                lent = _words_of(c, *told.span).copy_with(casualties=told.casualties, also=())
                out[j] = out[j].copy_with(casualties=told.casualties, also=(*out[j].also, lent))
    return tuple(out)


def _words_of(c: Clause, start: int, end: int) -> Clause:
    """The clause cut to ``text[start:end]``: a source quotes the words that tell
    its figures, not a denial around them."""
    seg = c.segment
    text = seg.text[start:end].strip()
    at = seg.start + seg.text.find(text, start)
    return c.copy_with(segment=replace(seg, start=at, end=at + len(text), text=text))


def _in_cause(c: Clause, at: int) -> bool:
    """``at`` lies in the cause's phrase that _own_toll_text leaves out."""
    own = _own_toll_text(c)
    return own[at : at + 4].isspace()


def _named_incident(clauses: list[Clause], i: int, named: str) -> int | None:
    """The one incident of the article, other than clause ``i``, that ``named``
    ("الهجوم الكيميائي المفترض", "هجوم الأحواز") may name, when it has no toll:
    a definite noun, or a noun of a place, of violence; of its type (a generic
    attack or clash names any violence), at the place it names if it names one,
    and dated by the text (not background the article only mentions)."""
    phrase, reading = _naming(named)
    if reading is None or reading.trigger is None:
        return None
    after = fold(phrase).text[reading.trigger.end :]
    where = tuple(m.place for m in places.find_places(after))
    if not (reading.definite or where):
        return None
    generic = reading.type in _GENERIC_VIOLENCE
    found = [
        j
        for j, x in enumerate(clauses)
        if j != i
        and x.type
        and x.own_date
        and events.event_type(x.type).violent
        and (generic or x.type == reading.type or {x.type, reading.type} == _REMOTE)
        and (not where or (x.places and _same_place(where, x.places)))
        and not _responds_to_named(x)
    ]
    if len(found) > 1:
        # Of several, the one of the noun's own type told on a day (a toll is
        # of one event, not of a campaign or a span).
        found = [
            j
            for j in found
            if clauses[j].type == reading.type and clauses[j].date.precision == "day"
        ]
    if len(found) != 1:
        return None
    toll = clauses[found[0]].casualties
    return found[0] if toll.killed is None and toll.wounded is None else None


def _naming(named: str) -> tuple[str, events.Reading | None]:
    """The fewest last words that name an act of violence, and their reading:
    "الهجوم", not the denial before it ("ونفت الحكومة مسؤوليتها عن الهجوم")."""
    words = named.split()
    for n in range(1, len(words) + 1):
        phrase = " ".join(words[-n:])
        reading = events.read(phrase)
        if reading.type:
            return phrase, reading if events.event_type(reading.type).violent else None
    return named, None


def _responds_to_named(c: Clause) -> bool:
    """The clause names an event with its toll as the cause it answers ("ردا
    على هجوم الأحواز الذي أسفر عن مقتل 25 شخصا"): it is not that event."""
    return any(_in_cause(c, t.at) for t in relative_tolls(c.text))


# Nouns of violence at large ("الهجوم", "المواجهات", "المجزرة") may name an event
# the article told as an air strike, a shelling or an explosion.
_GENERIC_VIOLENCE = {"battle", "attack"}


def place_words(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """An incident whose clause names no town, but "the town" ("إذ تعرضت البلدة
    لقصف سوري"), happened in the last town the sentences before it introduced
    as a town (place_anaphora.yaml), when the scene did not place it finer:
    after place_scenes."""
    out = list(clauses)
    for i, c in enumerate(clauses):
        if not c.type or any(p.locates for p in c.places):
            continue
        introducers = places.place_word(c.text)
        if not introducers or places.introduces_its_own(c.text):
            continue
        at = _antecedent(clauses, i, introducers)
        if at is not None:
            told = (at, *(p for p in c.places if p != at))
            out[i] = c.copy_with(places=told)
    return tuple(out)


def _antecedent(clauses: tuple[Clause, ...], i: int, introducers: frozenset[str]) -> Place | None:
    """The place the nearest clause before clause ``i`` introduces by one of
    ``introducers``, back to a heading: the heading's own ("قطاع غزة المحاصر
    يشهد ثلاث موجات من التصعيد" over "وشهد القطاع …"), else none (a heading
    may open another story)."""
    for c in reversed(clauses[max(0, i - places.antecedent_reach()) : i]):
        at = places.introduced(c.text, introducers)
        if at is not None or c.segment.kind != "text":
            return at
    return None


def date_causes(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """A cause cut from its sentence with no day of its own ("… ليلا، ردا على
    إطلاق صواريخ وقذائف من القطاع باتجاه إسرائيل") is dated with the event
    that answered it, not the day of the saying they share: after
    classify_clauses, which moves strikes told "ليلاً" to the night before."""
    out = list(clauses)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.own_date or not (a.date.is_dated and _opens_with_cause(b.text)):
            continue
        if _same_sentence(a, b) and _span(a.date) != _span(b.date):
            out[i] = b.copy_with(date=replace(a.date, basis="inherited"))
    return tuple(out)


def _span(ref: DateRef) -> tuple[date | None, date | None, str]:
    return ref.start, ref.end, ref.precision


def _opens_with_cause(text: str) -> bool:
    opening = _CAUSE.search(" " + text.lstrip(' "«(')[:40])
    return opening is not None and opening.start() == 1


def place_replies(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """The other side's reply that names no place struck where the fire it
    answers came from: "أطلق من القطاع 180 صاروخا باتجاه إسرائيل التي ردت
    بغارات كثيفة" is air strikes on Gaza. Before place_scenes, whose scene may
    be the place the fire fell on."""
    out = list(clauses)
    for i, c in enumerate(clauses):
        if not (i and c.type and _unplaced(c) and _reply_to(clauses[i - 1], c)):
            continue
        if clauses[i - 1].type not in _FIRE:
            continue
        origin = _fire_origin(clauses, i - 1)
        if origin is not None:
            out[i] = c.copy_with(places=(origin, *c.places))
    return tuple(out)


_FIRE = frozenset({"shelling", "airstrike"})


def _fire_origin(clauses: tuple[Clause, ...], i: int) -> Place | None:
    """Where the fire of clause ``i`` came from: a place after "من" ("من غزة"),
    or a word for one told before ("من القطاع")."""
    text = clauses[i].text
    for m in places.find_places(text):
        if _FROM.search(_lead(text, m)[-24:]):
            return m.place
    for word in _FROM_WORD.findall(text):
        introducers = places.place_word(word)
        if introducers:
            return _antecedent(clauses, i, introducers)
    return None


_FROM_WORD = re.compile(r"(?:^|\s)[وف]?من\s+(\S+)")


def place_scenes(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """An incident whose clause names no place happened where the sentences just
    before it are set ("تتواصل حركة النزوح من دوما" then "بخروج 1092 مدنيا
    الأحد"; "معارك السبت في هذه المنطقة"). Run after the retellings are folded,
    so that places taken from the scene never make two events one."""
    out = list(clauses)
    home: list[Place | None] = []  # the article's country, once asked for
    for i, c in enumerate(clauses):
        if c.type and _unplaced(c) and not _regional(c.casualties):
            scene = _scene(clauses, i, c)
            if scene and places.names_country_quarter(c.text):
                # "شرقي البلاد": a scene in the article's country places it finer;
                # one abroad is no place of it (place_country gives the quarter).
                if not home:
                    home.append(places.home_country(_article_text(clauses)))
                if home[0] is not None and any(places.abroad(home[0], p) for p in scene):
                    continue
            if scene:
                out[i] = c.copy_with(places=_sites_of(c) + scene)
    return tuple(out)


def _unplaced(c: Clause) -> bool:
    """Names no place but, at most, a site ("في مقر القنصلية الجديدة"): the
    scene or the country still says where the site is."""
    return all(p.kind == "site" for p in c.places)


def _sites_of(c: Clause) -> tuple[Place, ...]:
    return tuple(p for p in c.places if p.kind == "site")


def _article_text(clauses: tuple[Clause, ...]) -> str:
    return " ".join(c.text for c in clauses if c.segment.kind == "text")


SCENE_CLAUSES = 2  # how many text clauses before an unplaced incident set its scene
# A toll this large is a region's or a war's ("نزوح أكثر من 800 ألف شخص"), not
# that of the town the sentence before names.
REGIONAL_KILLED, REGIONAL_DISPLACED = 1_000, 10_000


def _regional(c: Casualties) -> bool:
    return (c.killed or 0) >= REGIONAL_KILLED or (c.displaced or 0) >= REGIONAL_DISPLACED


def _scene(clauses: tuple[Clause, ...], i: int, clause: Clause) -> tuple[Place, ...]:
    for c in reversed(clauses[max(0, i - SCENE_CLAUSES) : i]):
        if c.segment.kind != "text":
            return ()  # a heading starts another story
        found = c.places if c.type else _places(c.text[_dateline_end(c.text) :], clause.type)
        below_country = tuple(p for p in found if p.kind != "country")
        if below_country:
            return below_country
    return ()


def place_country(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """An incident that names no place, in a sentence or scene, happened in the
    country the whole article is about, when its places lie (nearly) all in one
    country ("قتل نحو 100 من القوات الموالية للحكومة السورية في ضربات أميركية").
    Only the country, a map dot at its centre, unless the title sets the story
    in one place of it: the place the analysts give an event of its days."""
    # Calls, talks and agreements happen in rooms the article rarely names: no
    # country of the war stands in for them. People flee the war's places ("وفر
    # نحو 250 ألف مدني من المدينة").
    unplaced = [
        i
        for i, c in enumerate(clauses)
        if c.type
        and _unplaced(c)
        and (events.event_type(c.type).violent or c.type == "displacement")
    ]
    if not unplaced:
        return clauses
    text = _article_text(clauses)
    home = places.home_country(text)
    if home is None:
        return clauses
    # "وأدى القصف … إلى تدمير المنطقة": a word for the place the article is
    # about, its main place (the country when it has none).
    main = places.main_place(text, home)
    headline = _headline_place(ctx.article, home)
    out = list(clauses)
    for i in unplaced:
        sites = _sites_of(clauses[i])
        quarter = places.country_quarter(clauses[i].text, home)
        if quarter is not None:  # "هجومها على تنظيم داعش شرقي البلاد"
            out[i] = clauses[i].copy_with(places=(*sites, home, quarter))
            continue
        at = main if main and places.points_back(clauses[i].text) else home
        if at is home and headline and _headline_news(clauses[i], headline, ctx):
            at = headline
        out[i] = clauses[i].copy_with(places=(*sites, at))
    return tuple(out)


HEADLINE_DAYS = 14  # how recent an event must be to be the story the title tells


def _headline_news(c: Clause, headline: Place, ctx: Context) -> bool:
    """The story the title sets: an event of its days, no history, and no toll
    of a war for a town ("نزوح 50 ألف شخص" may be a governorate's)."""
    end, published = c.date.end or c.date.start, ctx.article.published.date
    if end is None or published is None or (headline.locates and _regional(c.casualties)):
        return False
    return (published - end).days <= HEADLINE_DAYS


def _headline_place(article: Article, home: Place) -> Place | None:
    """The one place below the country that the title names, in ``home``: the
    place the story is set in ("سوريا: قتلى في غارات دموية على درعا"). A capital
    only where something is set in it: "دمشق تتهم" names the government."""
    title = " ".join(article.title.rstrip("…").split())
    if not title or title in " ".join(article.body.split()):
        return None  # no title but the article's own first words, spaces evened out
    found = {
        m.place
        for m in places.find_places(title)
        if m.place.known
        and m.place.kind not in ("country", "site")
        and (m.place.kind != "capital" or places.set_in(title, m.start))
        and not places.abroad(home, m.place)
    }
    return found.pop() if len(found) == 1 else None


def date_by_story_day(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """An incident the text gives no day, in an article whose lede tells none
    (else inherit_dates gave it the lede's), happened on the one recent day the
    article tells ("بدأ الهجوم صباح الجمعة" in Saturday's paper), not on the
    day it was printed (still approximate). Run last, after the retellings
    are folded: a day taken from the story never makes two events one."""
    published = ctx.article.published.date
    day = None if published is None else _story_day(clauses, published)
    if published is None or day is None:
        return clauses
    ref = DateRef(day, day, "approx", "", "publication", _STORY_DAY)
    return tuple(c.copy_with(date=ref) if _printed_day(c, published) else c for c in clauses)


_STORY_DAY = "no date in the text: from the one recent day the article tells"


def _story_day(clauses: tuple[Clause, ...], published: date) -> date | None:
    """The one day of the NEWS_DAY_LAG days before publication that the first
    story tells, when it tells no other of them, nor today, nor a day in its
    lede; a heading may open another story (a page of news in brief)."""
    heads = takewhile(lambda c: c.segment.kind == "text", clauses)
    story = [t for c in heads for t in (c, *c.also)]  # the tellings folded in too
    if any(_a_told_day(c) for c in story if c.segment.paragraph == 0):
        return None
    told = [c.date for c in story if _a_told_day(c)]
    if any(m.kind == "ago" for r in told for m in temporal.find_dates(r.text)):
        return None  # "انضمت إليه روسيا قبل يومين": the text's today is the printed day
    recent = {r.start for r in told if r.start and 0 <= (published - r.start).days <= NEWS_DAY_LAG}
    return recent.pop() if len(recent) == 1 and published not in recent else None


def _a_told_day(c: Clause) -> bool:
    return c.own_date and c.date.precision == "day"


def _printed_day(c: Clause, published: date) -> bool:
    """Dated by the day the article was printed alone."""
    ref = c.date
    return (
        bool(c.type)
        and not c.own_date
        and ref.basis == "publication"
        and (ref.start == ref.end == published)
    )


STAGES: tuple[Stage, ...] = (
    split_days,
    date_clauses,
    classify_clauses,
    date_causes,
    anchor_events,
    locate_clauses,
    attribute_clauses,
    count_clauses,
    weigh_clauses,
    fold_retellings,
    lend_tolls,
    place_replies,
    place_scenes,
    place_words,
    place_country,
    date_by_story_day,
)


# --- assembly ---------------------------------------------------------------


def assemble(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Incident, ...]:
    article = ctx.article
    file = article.path.replace("\\", "/").rsplit("/", 1)[-1]
    seen: dict[str, int] = {}
    out = []
    for order, c in enumerate(clauses):
        if not c.type:
            continue
        iid = incident_id(article.id, c.type, c.places, seen)
        sources = tuple(
            Source(file, article.file_line(t.segment.start), t.text.strip(), article.id,
                   t.casualties, t.date)
            for t in (c, *c.also)
        )  # fmt: skip
        kw: dict[str, Any] = {
            "id": iid,
            "date": _up_to_print(c.date, ctx.article.published.date),
            "type": c.type,
            "sources": sources,
            "places": c.places,
            "context": places.context_of(c.places),
            "actors": c.actors,
            "reported_by": c.reported_by,
            "casualties": c.casualties,
            "order": order,
        }
        # The summaries read the incident's fields; a draft without them costs
        # less than replace() on the finished one.
        draft = Incident(**kw)
        out.append(Incident(**kw, summary_ar=summary_ar(draft), summary_en=summary_en(draft)))
    return tuple(out)


def _up_to_print(ref: DateRef, published: date | None) -> DateRef:
    """What the text tells undated after a lede of a day or two before
    publication happened from the lede's day to the day it was printed (read
    as the lede's day until here, so retellings still fold on it)."""
    if ref.basis != "publication" or published is None or ref.start is None:
        return ref
    return replace(ref, end=max(ref.end or published, published))


def _diagnostics(
    ctx: Context, incidents: tuple[Incident, ...], article: Article
) -> list[Diagnostic]:
    out = []
    pub = article.published
    written = ctx.article.published.date
    if written != pub.date and written is not None and pub.date is not None:
        msg = (
            f"the text names {calendar.day_name[written.weekday()]} as today: its dates are "
            f"read from {written.isoformat()}, the day before the publication date"
        )
        out.append(Diagnostic(article.path, article.file_line(0), msg, "info"))
    if pub.date is None:
        msg = "no publication date: add 'date: YYYY-MM-DD' to the front matter"
        out.append(Diagnostic(article.path, 1, msg, "warning"))
    elif pub.basis == "text":
        msg = f"publication date {pub.date.isoformat()} inferred from the text: {pub.evidence}"
        out.append(Diagnostic(article.path, pub.line, msg, "info"))
    if written is not None:
        for line, msg in temporal.weekday_warnings(article.body, written):
            out.append(Diagnostic(article.path, article.file_line(0) + line - 1, msg, "warning"))
    for inc in incidents:
        src = inc.sources[0]
        if not inc.date.is_dated:
            phrase = f"'{inc.date.text}' " if inc.date.text else ""
            why = inc.date.note or "the text does not place it on the calendar"
            out.append(
                Diagnostic(article.path, src.line, f"undated incident {phrase}— {why}", "warning")
            )
        for p in inc.places:
            if not p.known:
                msg = f"unknown place '{p.ar}' (shown as '{p.en}'): add it to the gazetteer"
                out.append(Diagnostic(article.path, src.line, msg, "info"))
    return out
