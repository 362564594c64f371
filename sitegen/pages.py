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
from typing import Any, ClassVar, Protocol

from sitegen import vocabulary
from sitegen.ids import Kept, slugify
from sitegen.model import Article, Incident, Place, Timeline
from sitegen.timeline import month_key


def N_(message: str) -> str:
    """Mark a page title for the message catalog; it is translated when rendered."""
    return message


# How many incidents the front page lists before it leaves the rest to the
# month pages (a 10,000-incident page would not survive a phone).
FRONT_PAGE_BUDGET = 300
# At most this many incidents a list page: a month longer than this lists its
# days, an index entry its months, and an entry's month longer than this is cut
# into numbered pages. Cuts fall on the calendar first, so one new incident
# changes one page instead of shifting every page after it.
PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class Part:
    """One page of a cut month or index entry: a calendar day or month."""

    key: str  # "2020-02-20" (a day of a month), "2020-02" or "undated" (of an entry)
    incidents: tuple[Incident, ...]
    page: int = 1  # of a calendar part longer than a page

    @property
    def name(self) -> str:
        """In the page's file name: "2020-02", then "2020-02-2", "2020-02-3"…"""
        return self.key if self.page == 1 else f"{self.key}-{self.page}"


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
    days: tuple[Part, ...] = ()  # the month's day pages (every day with an incident)

    @property
    def cut(self) -> bool:
        """Too long for one page: the month page lists its days."""
        return len(self.incidents) > PAGE_SIZE


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
    # The old names kept working (ids.Kept): incident pages an earlier site had,
    # and old ids as extra anchors on the cards (``aliases``: id → old ids).
    kept: Kept = field(default_factory=lambda: Kept({}, {}), hash=False, compare=False)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    # Incident id → its permalink inside a language folder (see ``permalink``).
    links: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def place_slug(self, p: Place) -> str:
        return self.place_slugs.get(p.key, "")

    def link(self, incident_id: str) -> str:
        return self.links.get(incident_id, "")


class Prints(Protocol):
    """What a page's fingerprint is made of (``incremental.Fingerprints``)."""

    def incident(self, inc: Incident) -> str: ...
    def shown(self, incidents: tuple[Incident, ...], parts: tuple[Part, ...]) -> list[str]: ...
    def article(self, article_id: str) -> str: ...


class TitleFormat(Protocol):
    """What a page needs of the language it is rendered in to title itself
    (``render.Formatter``)."""

    def gettext(self, message: str) -> str: ...
    def period(self, key: str) -> str: ...
    def label(self, e: Entry | EntryHead) -> str: ...
    def number(self, n: int | None) -> str: ...


@dataclass(frozen=True, slots=True)
class Page:
    """A page of the plan: where it goes and its title. Each kind of page is a
    subclass that names its template, gives what its template shows
    (``context``) and what that depends on (``depends``): the page is made
    again only when that changes."""

    path: str  # inside the language folder
    title: str  # a gettext message id, a month or day key, an entry key, or as written

    template: ClassVar[str]

    def shown_title(self, fmt: TitleFormat) -> str:
        """The title in the page's language (an article's title as written)."""
        return self.title

    def context(self) -> dict[str, Any]:
        return {}

    def depends(self, prints: Prints) -> list[str] | None:
        """Strings that change when the page does; None for pages that show
        site-wide figures (front page, indexes, undated) and are always made."""
        return None


@dataclass(frozen=True, slots=True)
class FrontPage(Page):
    shown: tuple[Part, ...] = ()  # the most recent months (or days) it lists
    show_undated: bool = False  # the undated incidents fit below them
    template: ClassVar[str] = "index.html"

    def context(self) -> dict[str, Any]:
        return {"shown": self.shown, "show_undated": self.show_undated}


@dataclass(frozen=True, slots=True)
class AboutPage(Page):
    template: ClassVar[str] = "about.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        return fmt.gettext(self.title)


@dataclass(frozen=True, slots=True)
class IndexPage(Page):
    """The list of places, types or actors, with their totals."""

    kind: str = ""  # "places", "types", "actors"
    entries: tuple[Entry, ...] = ()
    template: ClassVar[str] = "entries.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        return fmt.gettext(self.title)

    def context(self) -> dict[str, Any]:
        return {"entries": self.entries, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class UndatedPage(Page):
    groups: tuple[tuple[str, tuple[Incident, ...]], ...] = ()  # (article id, its incidents)
    pager: tuple[str, ...] = ()  # the undated pages' paths
    template: ClassVar[str] = "undated.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        return fmt.gettext(self.title)

    def context(self) -> dict[str, Any]:
        return {"groups": self.groups, "pager": self.pager}


@dataclass(frozen=True, slots=True)
class MonthPage(Page):
    month: Month | None = None
    prev: str = ""  # the month before and after ("" at either end)
    next: str = ""
    template: ClassVar[str] = "month.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        return fmt.period(self.title)  # "2020-02": "February 2020"

    def context(self) -> dict[str, Any]:
        return {"month": self.month, "prev": self.prev, "next": self.next}

    def depends(self, prints: Prints) -> list[str] | None:
        assert self.month is not None
        m = self.month
        return [m.key, self.prev, self.next, *prints.shown(m.incidents, m.days if m.cut else ())]


@dataclass(frozen=True, slots=True)
class DayPage(Page):
    day: Part | None = None
    prev: str = ""  # the day before and after with incidents ("" at either end)
    next: str = ""
    template: ClassVar[str] = "day.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        return fmt.period(self.title)  # "2020-02-20": "20 February 2020"

    def context(self) -> dict[str, Any]:
        return {"day": self.day, "prev": self.prev, "next": self.next}

    def depends(self, prints: Prints) -> list[str] | None:
        assert self.day is not None
        return [self.day.key, self.prev, self.next, *map(prints.incident, self.day.incidents)]


@dataclass(frozen=True, slots=True)
class EntryPage(Page):
    """A place, type or actor: its incidents, or, when cut, its months."""

    kind: str = ""
    entry: Entry | None = None
    template: ClassVar[str] = "entry.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        assert self.entry is not None
        return fmt.label(self.entry)  # the place, type or actor in the page's language

    def context(self) -> dict[str, Any]:
        return {"entry": self.entry, "kind": self.kind}

    def depends(self, prints: Prints) -> list[str] | None:
        assert self.entry is not None
        e = self.entry
        return [self.kind, e.key, e.slug, *prints.shown(e.incidents, e.months)]


@dataclass(frozen=True, slots=True)
class EntryPartPage(Page):
    """One month (or a numbered page of one) of a cut place, type or actor."""

    kind: str = ""
    head: EntryHead | None = None
    part: Part | None = None
    template: ClassVar[str] = "entry_part.html"

    def shown_title(self, fmt: TitleFormat) -> str:
        assert self.head is not None and self.part is not None
        title = f"{fmt.label(self.head)} · {fmt.period(self.part.key)}"
        return title + (f" ({fmt.number(self.part.page)})" if self.part.page > 1 else "")

    def context(self) -> dict[str, Any]:
        return {"head": self.head, "part": self.part, "kind": self.kind}

    def depends(self, prints: Prints) -> list[str] | None:
        assert self.part is not None
        part = self.part
        return [self.kind, repr(self.head), part.name, *map(prints.incident, part.incidents)]


@dataclass(frozen=True, slots=True)
class ArticlePage(Page):
    """An article's text, its incidents and the cards of its undated ones."""

    entry: ArticleEntry | None = None
    template: ClassVar[str] = "article.html"

    def context(self) -> dict[str, Any]:
        return {"entry": self.entry}

    def depends(self, prints: Prints) -> list[str] | None:
        assert self.entry is not None
        e = self.entry
        return [prints.article(e.article.id), *map(prints.incident, e.incidents)]


def site_data(
    timeline: Timeline, entries: Iterable[ArticleEntry], kept: Kept | None = None
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
        kept=kept or Kept({}, {}),
        aliases=kept.aliases() if kept else {},
        links={i.id: permalink(i) for i in timeline.incidents},
    )


def permalink(inc: Incident) -> str:
    """Where an incident is read and cited: its day page (``months/2020-02-20.html``)
    with its anchor; an undated one on the page of the article that reports it.
    There is no page per incident: the day is the unit a chronology is cited by."""
    if inc.date.start:
        return f"months/{inc.date.start.isoformat()}.html#{inc.id}"
    return f"articles/{inc.sources[0].article_id}.html#{inc.id}"


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
        yield Month(key, items, t.killed, t.wounded, _cut(items, _day_key))


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
    months = _pages(_cut(items, month_of)) if len(items) > PAGE_SIZE else ()
    return Entry(key, slug, ar, en, items, n.killed, n.wounded, n.displaced, place, months)


def _pages(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """A month part longer than a page becomes numbered pages ("2020-02", "2020-02-2")."""
    out: list[Part] = []
    for part in parts:
        for n, start in enumerate(range(0, len(part.incidents), PAGE_SIZE), 1):
            out.append(Part(part.key, part.incidents[start : start + PAGE_SIZE], n))
    return tuple(out)


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
        ar, en = (vocabulary.place_name(p, lang) for lang in ("ar", "en"))
        out.append(_entry(key, slugs[key], ar, en, items, p))
    return tuple(sorted(out, key=lambda e: (-len(e.incidents), e.en)))


def _type_entries(timeline: Timeline, by_id: dict[str, Incident]) -> Iterator[Entry]:
    for key, ids in timeline.by_type:
        ar, en = (vocabulary.type_label(key, lang, plural=True) for lang in ("ar", "en"))
        yield _entry(key, slugify(key), ar, en, tuple(by_id[i] for i in ids))


def _actor_entries(timeline: Timeline, by_id: dict[str, Incident]) -> Iterator[Entry]:
    for key, ids in timeline.by_actor:
        ar, en = (vocabulary.actor_label(key, lang) for lang in ("ar", "en"))
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
        parts = month.days if month.cut else (Part(month.key, month.incidents),)
        for part in reversed(parts):
            if chosen and used + len(part.incidents) > FRONT_PAGE_BUDGET:
                return tuple(reversed(chosen))
            chosen.append(part)
            used += len(part.incidents)
    return tuple(reversed(chosen))


def plan(data: SiteData) -> list[Page]:
    """Every page of one language."""
    shown = front_sections(data)
    fits = sum(len(m.incidents) for m in shown) + len(data.timeline.undated) <= FRONT_PAGE_BUDGET
    pages: list[Page] = [
        FrontPage("index.html", "", shown, fits),
        AboutPage("about.html", N_("About")),
        IndexPage("places/index.html", N_("Places"), "places", data.places),
        IndexPage("types/index.html", N_("Event types"), "types", data.types),
        IndexPage("actors/index.html", N_("Actors"), "actors", data.actors),
    ]
    pages += _undated_pages(data)
    # A month page, then its days: the renderer need keep only a month's cards.
    # Each leads to the month (day) before and after it, not to all of them, so
    # a new month or day changes its neighbours' pages, not every page.
    months = [m.key for m in data.months]
    days = [d.key for m in data.months for d in m.days]
    day_at = {key: n for n, key in enumerate(days)}
    for n, m in enumerate(data.months):
        pages.append(MonthPage(f"months/{m.key}.html", m.key, m, *_adjacent(months, n)))
        for day in m.days:
            near = _adjacent(days, day_at[day.key])
            pages.append(DayPage(f"months/{day.key}.html", day.key, day, *near))
    for kind, entries in (("places", data.places), ("types", data.types), ("actors", data.actors)):
        for e in entries:
            pages.append(EntryPage(f"{kind}/{e.slug}.html", e.key, kind, e))
            for part in e.months:
                path = f"{kind}/{e.slug}.{part.name}.html"
                pages.append(EntryPartPage(path, e.key, kind, e.head, part))
    for a in data.articles:
        pages.append(ArticlePage(f"articles/{a.article.id}.html", a.article.title, a))
    return pages


def _adjacent(keys: list[str], n: int) -> tuple[str, str]:
    """The keys before and after the n-th ("" at either end)."""
    return (keys[n - 1] if n else "", keys[n + 1] if n + 1 < len(keys) else "")


def _undated_pages(data: SiteData) -> list[Page]:
    """The undated incidents by article, at most a page's worth of incidents on a
    page (an article is never split): undated.html, undated-2.html…"""
    groups: dict[str, list[Incident]] = {}
    for inc in data.timeline.undated:
        groups.setdefault(inc.sources[0].article_id, []).append(inc)
    chunks: list[list[tuple[str, tuple[Incident, ...]]]] = [[]]
    size = 0
    for article_id, items in groups.items():
        if chunks[-1] and size + len(items) > PAGE_SIZE:
            chunks.append([])
            size = 0
        chunks[-1].append((article_id, tuple(items)))
        size += len(items)
    names = ("undated.html", *(f"undated-{n}.html" for n in range(2, len(chunks) + 1)))
    return [
        UndatedPage(name, N_("Undated incidents"), tuple(chunk), names)
        for name, chunk in zip(names, chunks, strict=True)
    ]


def month_of(inc: Incident) -> str:
    return month_key(inc.date) or "undated"


def _stable_id(text: str) -> str:
    """Eight hex digits from a digest: Python's hash() changes from run to run."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
