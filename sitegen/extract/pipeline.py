"""From one article to its incidents: an ordered list of small, pure stages.

    date the article → segment → date clauses → classify → locate
    → attribute → count → assemble

Each stage takes the article context and the clauses so far and returns new
clauses; none of them changes its input. The order is data (``STAGES``), so
a stage can be added, removed or tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from sitegen.extract import actors as actor_lex
from sitegen.extract import events, places, temporal
from sitegen.extract.casualties import casualty_words, find_casualties
from sitegen.extract.normalize import fold
from sitegen.extract.numbers import find_numbers
from sitegen.extract.segment import Segment, is_continuation, segment
from sitegen.extract.summary import summary_en
from sitegen.ids import incident_id
from sitegen.model import Article, Casualties, DateRef, Diagnostic, Incident, Place, Source


@dataclass(frozen=True, slots=True)
class Context:
    article: Article
    week_start: int = temporal.WEEK_START_SATURDAY


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


def extract(article: Article, week_start: int = temporal.WEEK_START_SATURDAY) -> Extraction:
    article = date_article(article)
    ctx = Context(article, week_start)
    clauses = tuple(Clause(s) for s in segment(article.body, _starts_event))
    for stage in STAGES:
        clauses = stage(ctx, clauses)
    incidents = assemble(ctx, clauses)
    return Extraction(article, incidents, tuple(_diagnostics(ctx, incidents)))


def warm() -> None:
    """Load every lexicon and compile its regexes now, not at the first article.

    For a process pool: called in the parent before the workers start, the
    (forked) workers share the compiled lexicons instead of each spending
    ~0.5 s of CPU compiling its own.
    """
    from sitegen.extract import casualties, numbers, segment, victims

    for load in (
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
    violence, or people killed or wounded ("فيما فارق شخص الحياة…")."""
    kind, trigger = events.classify(text)
    if kind and trigger is not None and trigger.violent:
        return True
    return any(k != "displaced" for _, _, k in casualty_words(text))


# --- stages -----------------------------------------------------------------


def date_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Each clause's own date expression, resolved against the publication date."""
    published = ctx.article.published.date
    out = []
    previous: DateRef | None = None
    for c in clauses:
        if c.segment.kind != "text":
            out.append(c)
            continue
        refs = [
            temporal.resolve(m, published, week_start=ctx.week_start, context=previous)
            for m in temporal.find_dates(c.text)
        ]
        chosen = next((r for r in refs if r.is_dated), refs[0] if refs else None)
        if chosen is not None:
            previous = chosen if chosen.is_dated else previous
            out.append(c.copy_with(date=chosen, own_date=True))
        else:
            out.append(c)
    return tuple(inherit_dates(ctx, tuple(out)))


def inherit_dates(ctx: Context, clauses: tuple[Clause, ...]) -> list[Clause]:
    """A clause with no date of its own takes the scene's day, or the publication date.

    The scene is set by a day-precise date earlier in the same paragraph, or in
    the paragraph before when this one continues it ("وأضاف البيان…").
    """
    published = ctx.article.published
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
        elif scene is not None:
            out.append(c.copy_with(date=replace(scene, basis="inherited")))
        elif published.date is not None:
            ref = DateRef(published.date, published.date, "approx", "", "publication")
            out.append(c.copy_with(date=ref))
        else:
            note = "no date in the text and the article has no publication date"
            out.append(c.copy_with(date=DateRef.undated("", note)))
    return out


def _sets_scene(ref: DateRef) -> bool:
    return ref.is_dated and ref.precision == "day" and ref.basis in ("explicit", "relative")


def classify_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    out = []
    for c in clauses:
        if c.segment.kind != "text":
            out.append(c)
            continue
        kind, _ = events.classify(c.text)
        # A bare statement is an incident only when it is dated on its own
        # ("واعتبر نائب الرئيس التركي، السبت، أن…"); otherwise it is reporting.
        if kind == "statement" and not c.own_date:
            kind = ""
        out.append(c.copy_with(type=kind))
    return tuple(out)


def locate_clauses(ctx: Context, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    return tuple(c.copy_with(places=_places(c.text, c.type)) if c.type else c for c in clauses)


def _places(text: str, kind: str) -> tuple[Place, ...]:
    found: list[Place] = []
    for m in places.find_places(text):
        if m.place not in found:
            found.append(m.place)
    if kind and events.event_type(kind).violent:
        # In a report of fighting, "أنقرة" and "موسكو" stand for governments:
        # only Syrian places (those with a governorate) locate the violence.
        return tuple(p for p in found if p.admin1 or not p.known)
    # A country is where something happened only when nothing finer is named.
    finer = [p for p in found if p.kind != "country"]
    return tuple(finer or found)


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
            dict.fromkeys(m.actor.key for m in actor_lex.find_actors(c.text) if m.actor.key)
        )
        out.append(c.copy_with(actors=keys, reported_by=speaker))
    return tuple(out)


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
        if not c.type:
            out.append(c)
            continue
        found = find_casualties(c.text)
        if found.is_empty and c.segment.clause > 0 and out and out[-1].type:
            found = _elliptic(c.text, out[-1].casualties)
        out.append(c.copy_with(casualties=found))
    return tuple(out)


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


STAGES: tuple[Stage, ...] = (
    date_clauses,
    classify_clauses,
    locate_clauses,
    attribute_clauses,
    count_clauses,
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
        quote = c.text.strip()
        iid = incident_id(article.id, c.type, c.places, seen)
        line = article.file_line(c.segment.start)
        source = Source(file, line, quote, article.id, c.casualties, c.date)
        kw: dict[str, Any] = {
            "id": iid,
            "date": c.date,
            "type": c.type,
            "sources": (source,),
            "places": c.places,
            "actors": c.actors,
            "reported_by": c.reported_by,
            "casualties": c.casualties,
            "summary_ar": quote,
            "order": order,
        }
        # The English summary reads the incident's fields; a draft without it
        # costs less than replace() on the finished one.
        out.append(Incident(**kw, summary_en=summary_en(Incident(**kw))))
    return tuple(out)


def _diagnostics(ctx: Context, incidents: tuple[Incident, ...]) -> list[Diagnostic]:
    article = ctx.article
    out = []
    pub = article.published
    if pub.date is None:
        msg = "no publication date: add 'date: YYYY-MM-DD' to the front matter"
        out.append(Diagnostic(article.path, 1, msg, "warning"))
    elif pub.basis == "text":
        msg = f"publication date {pub.date.isoformat()} inferred from the text: {pub.evidence}"
        out.append(Diagnostic(article.path, pub.line, msg, "info"))
    if pub.date is not None:
        for line, msg in temporal.weekday_warnings(article.body, pub.date):
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
