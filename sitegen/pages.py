"""The page plan: which pages exist and what each one shows.

Both languages share one plan; the renderer walks it once per language. The
shared data (indexes, totals, slugs) is computed here once, never per page.
The plan scales with the archive: the timeline is cut into month pages, and
the front page shows only the most recent months up to a budget.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sitegen.extract import actors, events
from sitegen.ids import slugify
from sitegen.model import Article, Incident, Place, Timeline
from sitegen.timeline import month_key


def N_(message: str) -> str:
    """Mark a page title for the message catalog; it is translated when rendered."""
    return message


# How many incidents the front page lists before it leaves the rest to the
# month pages (a 10,000-incident page would not survive a phone).
FRONT_PAGE_BUDGET = 300
# Above this many incidents a month is cut into day pages and an index entry
# into month pages. Cuts fall on the calendar, not every PAGE_SIZE items, so
# one new incident changes one page instead of shifting every page after it.
PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class Part:
    """One page of a cut month or index entry: a calendar day or month."""

    key: str  # "2020-02-20" (a day of a month), "2020-02" or "undated" (of an entry)
    incidents: tuple[Incident, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of an index (a place, a type, an actor) with its totals."""

    key: str
    slug: str
    ar: str
    en: str
    incidents: tuple[Incident, ...]
    killed: int = 0
    wounded: int = 0
    displaced: int = 0
    place: Place | None = None
    months: tuple[Part, ...] = ()  # the entry's pages by month, when it is cut

    def label(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en

    @property
    def head(self) -> EntryHead:
        return EntryHead(self.key, self.slug, self.ar, self.en, self.place)


@dataclass(frozen=True, slots=True)
class EntryHead:
    """What a page of a cut entry shows of the entry (not its totals, which
    change with every incident of the entry and would make every page change)."""

    key: str
    slug: str
    ar: str
    en: str
    place: Place | None = None

    def label(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


@dataclass(frozen=True, slots=True)
class Month:
    key: str  # "2020-02"
    incidents: tuple[Incident, ...]
    killed: int = 0
    wounded: int = 0
    days: tuple[Part, ...] = ()  # the month's pages by day, when it is cut


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    article: Article
    incidents: tuple[Incident, ...]


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything the pages show, computed once for both languages."""

    timeline: Timeline
    articles: tuple[ArticleEntry, ...]
    months: tuple[Month, ...] = ()
    places: tuple[Entry, ...] = ()
    types: tuple[Entry, ...] = ()
    actors: tuple[Entry, ...] = ()
    place_slugs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    article_titles: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # Incident ids of an earlier site that name no incident now → the id each became.
    redirects: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def place_slug(self, p: Place) -> str:
        return self.place_slugs.get(p.key, "")


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # inside the language folder
    template: str
    title: str  # a gettext message id, or a text as written (articles, places)
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    translate_title: bool = False


def site_data(
    timeline: Timeline, entries: Iterable[ArticleEntry], redirects: dict[str, str] | None = None
) -> SiteData:
    articles = tuple(entries)
    by_id = {i.id: i for i in timeline.incidents}
    places = _place_entries(timeline, by_id)
    return SiteData(
        timeline=timeline,
        articles=articles,
        months=tuple(_months(timeline, by_id)),
        places=places,
        types=tuple(_type_entries(timeline, by_id)),
        actors=tuple(_actor_entries(timeline, by_id)),
        place_slugs={e.key: e.slug for e in places},
        article_titles={a.article.id: a.article.title for a in articles},
        redirects=redirects or {},
    )


@dataclass(frozen=True, slots=True)
class Totals:
    killed: int
    wounded: int
    displaced: int


def _totals(incidents: tuple[Incident, ...]) -> Totals:
    """Casualty totals; an incident whose figure is unknown adds nothing."""
    return Totals(
        *(
            sum(getattr(i.casualties, k) or 0 for i in incidents)
            for k in ("killed", "wounded", "displaced")
        )
    )


def _months(timeline: Timeline, by_id: dict[str, Incident]) -> Iterator[Month]:
    for key, ids in timeline.by_month:
        items = tuple(by_id[i] for i in ids)
        t = _totals(items)
        days = _cut(items, _day_key) if len(items) > PAGE_SIZE else ()
        yield Month(key, items, t.killed, t.wounded, days)


def _day_key(inc: Incident) -> str:
    # Week, month and range incidents sit on their first day, as in the timeline.
    return inc.date.start.isoformat() if inc.date.start else "undated"


def _cut(items: tuple[Incident, ...], key: Callable[[Incident], str]) -> tuple[Part, ...]:
    """Items grouped by a calendar key, in the order they come (chronological)."""
    groups: dict[str, list[Incident]] = {}
    for inc in items:
        groups.setdefault(key(inc), []).append(inc)
    return tuple(Part(k, tuple(v)) for k, v in groups.items())


def _entry(
    key: str, slug: str, ar: str, en: str, items: tuple[Incident, ...], place: Place | None = None
) -> Entry:
    n = _totals(items)
    months = _cut(items, month_of) if len(items) > PAGE_SIZE else ()
    return Entry(key, slug, ar, en, items, n.killed, n.wounded, n.displaced, place, months)


def _place_entries(timeline: Timeline, by_id: dict[str, Incident]) -> tuple[Entry, ...]:
    first: dict[str, Place] = {}
    for inc in timeline.incidents:
        for p in inc.places:
            first.setdefault(p.key, p)
    slugs = unique_slugs(first)
    out = []
    for key, ids in timeline.by_place:
        items = tuple(by_id[i] for i in ids)
        p = first[key]
        out.append(_entry(key, slugs[key], p.ar, p.en, items, p))
    return tuple(sorted(out, key=lambda e: (-len(e.incidents), e.en)))


def _type_entries(timeline: Timeline, by_id: dict[str, Incident]) -> Iterator[Entry]:
    for key, ids in timeline.by_type:
        t = events.event_type(key)
        items = tuple(by_id[i] for i in ids)
        yield _entry(key, slugify(key), t.ar_plural or t.ar, t.en_plural or t.en, items)


def _actor_entries(timeline: Timeline, by_id: dict[str, Incident]) -> Iterator[Entry]:
    for key, ids in timeline.by_actor:
        try:
            a = actors.actor(key)
            ar, en = a.ar, a.en
        except KeyError:
            ar = en = key
        yield _entry(key, slugify(key), ar, en, tuple(by_id[i] for i in ids))


def unique_slugs(places: dict[str, Place]) -> dict[str, str]:
    """One slug per place key; names that collide after slugging get a suffix."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(places):
        base = slugify(places[key].en) or f"place-{_stable_id(places[key].ar)}"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out[key] = slug
    return out


def front_sections(data: SiteData) -> tuple[Part, ...]:
    """The most recent months (or, of a cut month, days) whose incidents fit
    the front page budget; at least one."""
    chosen: list[Part] = []
    used = 0
    for month in reversed(data.months):
        for part in reversed(month.days or (Part(month.key, month.incidents),)):
            if chosen and used + len(part.incidents) > FRONT_PAGE_BUDGET:
                return tuple(reversed(chosen))
            chosen.append(part)
            used += len(part.incidents)
    return tuple(reversed(chosen))


def plan(data: SiteData) -> list[Page]:
    """Every page of one language."""
    shown = front_sections(data)
    fits = sum(len(m.incidents) for m in shown) + len(data.timeline.undated) <= FRONT_PAGE_BUDGET
    pages = [
        Page("index.html", "index.html", "", {"shown": shown, "show_undated": fits}),
        Page("undated.html", "undated.html", N_("Undated incidents"), {}, True),
        Page("about.html", "about.html", N_("About"), {}, True),
        Page(
            "places/index.html",
            "entries.html",
            N_("Places"),
            {"entries": data.places, "kind": "places"},
            True,
        ),
        Page(
            "types/index.html",
            "entries.html",
            N_("Event types"),
            {"entries": data.types, "kind": "types"},
            True,
        ),
        Page(
            "actors/index.html",
            "entries.html",
            N_("Actors"),
            {"entries": data.actors, "kind": "actors"},
            True,
        ),
    ]
    # Incident pages right after the month (or day) page that shows the same
    # cards, so that the renderer need only keep a page's worth of cards.
    for m in data.months:
        pages.append(Page(f"months/{m.key}.html", "month.html", m.key, {"month": m}))
        if not m.days:
            pages += map(_incident_page, m.incidents)
        for day in m.days:
            pages.append(Page(f"months/{day.key}.html", "day.html", day.key, {"day": day}))
            pages += map(_incident_page, day.incidents)
    pages += map(_incident_page, data.timeline.undated)
    for kind, entries in (("places", data.places), ("types", data.types), ("actors", data.actors)):
        for e in entries:
            pages.append(
                Page(f"{kind}/{e.slug}.html", "entry.html", e.key, {"entry": e, "kind": kind})
            )
            for part in e.months:
                pages.append(
                    Page(
                        f"{kind}/{e.slug}.{part.key}.html",
                        "entry_part.html",
                        e.key,
                        {"head": e.head, "part": part, "kind": kind},
                    )
                )
    for a in data.articles:
        pages.append(
            Page(f"articles/{a.article.id}.html", "article.html", a.article.title, {"entry": a})
        )
    return pages


def _incident_page(inc: Incident) -> Page:
    return Page(f"incidents/{inc.id}.html", "incident.html", inc.id, {"inc": inc})


def month_of(inc: Incident) -> str:
    return month_key(inc.date) or "undated"


def _stable_id(text: str) -> str:
    """Eight hex digits from a digest: Python's hash() changes from run to run."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
