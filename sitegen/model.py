"""What flows between the stages: read → extract → timeline → render → write.

Every type here is a frozen dataclass so a stage can never change what an
earlier stage produced; a later stage makes a new value with
``dataclasses.replace`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from sys import intern
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year", "range", "approx", "undated"]
Basis = Literal["explicit", "relative", "inherited", "publication", "none"]

# How finely a precision pins an event down; used to order incidents that
# start on the same day (the finer one first) and to pick the better of two
# readings of the same event.
PRECISION_RANK: dict[str, int] = {
    "day": 0,
    "approx": 1,
    "week": 2,
    "range": 3,
    "month": 4,
    "year": 5,
    "undated": 6,
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something the user should know about, located in a source file."""

    path: str
    line: int
    message: str
    severity: Literal["error", "warning", "info"] = "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path  # 0: the whole file
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class DateRef:
    """Where an event sits on the calendar, and how we know.

    ``start``/``end`` are inclusive. An undated reference has both ``None`` and
    says in ``note`` why it could not be placed.
    """

    start: date | None
    end: date | None
    precision: Precision
    text: str = ""
    basis: Basis = "none"
    note: str = ""

    @classmethod
    def undated(cls, text: str = "", note: str = "") -> DateRef:
        return cls(None, None, "undated", text, "none", note)

    @property
    def is_dated(self) -> bool:
        return self.start is not None

    def as_json(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """Why a publication date was read from the text, for a page to say in its
    own language: the date as written and its lines, the weekday claim that
    agrees with it ("اليوم الأربعاء") if any, and how many full dates there were."""

    text: str
    lines: tuple[int, ...]
    claim: str = ""
    claim_line: int = 0
    dates: int = 1


@dataclass(frozen=True, slots=True)
class Published:
    """An article's publication date and where it came from."""

    date: date | None
    basis: Literal["front-matter", "text", "none"] = "none"
    evidence: str = ""  # in English, for `sitegen check`
    line: int = 0
    proof: DateEvidence | None = None  # basis "text": the evidence, for the pages


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # the file name without its extension; stable and unique in a site
    path: str  # as given to the reader, for messages
    title: str
    lang: str
    published: Published
    body: str  # the text after front matter, as written (newlines kept)
    body_line: int  # file line number of the body's first line (1-based)
    fmt: Literal["text", "markdown"] = "text"
    source: str = ""
    url: str = ""
    meta: tuple[tuple[str, str], ...] = ()

    def file_line(self, offset: int) -> int:
        """The file line of a character offset in ``body``."""
        return self.body_line + self.body.count("\n", 0, offset)


# Place kinds from the gazetteer by how precisely they locate an event: two reports
# can be told apart (or matched) by a village or a city, not by a governorate.
FINE_KINDS = frozenset(
    {"village", "town", "hill", "axis", "airport", "military-base", "mountain", "plain",
     "crossing", "neighbourhood", "oil-field", "port", "island", "junction", "camp",
     "embassy", "consulate", "site", ""}
)  # fmt: skip
MEDIUM_KINDS = frozenset({"city", "capital"})


@dataclass(frozen=True, slots=True)
class Place:
    ar: str
    en: str
    lat: float | None = None
    lon: float | None = None
    admin1: str = ""  # governorate (English), for ACLED export
    kind: str = ""  # city, town, village, airport, hill, axis, region, quarter, country…
    known: bool = True  # False: not in the gazetteer; ``en`` is a transliteration

    @property
    def locates(self) -> bool:
        """Fine enough to tell two events apart: a village, a town, a city."""
        return self.kind in FINE_KINDS or self.kind in MEDIUM_KINDS

    @property
    def key(self) -> str:
        """Identity in indexes: an airport is not the town it is named after."""
        base = self.en or self.ar
        return f"{base} ({self.kind})" if self.kind in ("airport", "military-base") else base


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None = None
    wounded: int | None = None
    displaced: int | None = None
    approximate: bool = False  # "more than", "about", "dozens": a minimum, not a count
    victims: str = ""  # civilians, soldiers, fighters… (a key of the victims lexicon)
    # People were killed or wounded and the text gives no number ("قتل وأصيب عدد
    # من المدنيين", "سقوط قتلى وجرحى"): a casualty event, with no figure.
    unnumbered: bool = False

    @property
    def is_empty(self) -> bool:
        return self.killed is None and self.wounded is None and self.displaced is None

    def as_json(self) -> dict[str, int | bool | None]:
        return {
            "killed": self.killed,
            "wounded": self.wounded,
            "displaced": self.displaced,
            "approximate": self.approximate,
            "unnumbered": self.unnumbered,
        }


@dataclass(frozen=True, slots=True)
class Source:
    file: str  # the article's file name, e.g. "004_f2a80a27c08aac64.txt"
    line: int
    quote: str  # the exact words the incident came from
    article_id: str = ""
    # What this source says, kept when reports of one event are merged so
    # that figures that disagree can all be shown.
    casualties: Casualties = field(default_factory=Casualties)
    date: DateRef | None = None


@dataclass(frozen=True, slots=True)
class Review:
    """What an analyst decided about an incident (``_overrides.yaml``): nothing
    yet (the machine's reading), confirmed as read, or corrected; who and when,
    and what the machine said of each corrected field."""

    status: Literal["", "confirmed", "corrected"] = ""
    by: str = ""
    at: str = ""
    machine: tuple[tuple[str, str], ...] = ()  # (field, the machine's value)


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    date: DateRef
    type: str  # a key of the event-type lexicon (battle, airstrike, …)
    sources: tuple[Source, ...]
    places: tuple[Place, ...] = ()
    actors: tuple[str, ...] = ()  # keys of the actor lexicon
    reported_by: str = ""  # key of the actor lexicon, or the speaker as written
    casualties: Casualties = field(default_factory=Casualties)
    summary_ar: str = ""
    summary_en: str = ""
    order: int = 0  # position in the source text, for stable ordering
    review: Review = field(default_factory=Review)
    # The governorates and countries its places lie in, not told themselves
    # (places.context_of): exported as context, not on the map.
    context: tuple[Place, ...] = ()

    def as_json(self, names: dict[str, str] | None = None) -> dict[str, object]:
        """The exported shape (``sitegen extract``); keys are fixed by contract."""
        from sitegen.vocabulary import export_name  # (it imports this module)

        names = names or {}
        return {
            "id": self.id,
            "date": self.date.as_json(),
            "type": self.type,
            "places": [
                *(
                    {
                        "ar": export_name(p, "ar"),
                        "en": export_name(p, "en"),
                        "lat": p.lat,
                        "lon": p.lon,
                    }
                    for p in self.places
                ),
                *(
                    {
                        "ar": export_name(p, "ar"),
                        "en": export_name(p, "en"),
                        "lat": p.lat,
                        "lon": p.lon,
                        "context": True,
                    }
                    for p in self.context
                ),
            ],
            "actors": [names.get(a, a) for a in self.actors],
            "reported_by": names.get(self.reported_by, self.reported_by) or None,
            "casualties": self.casualties.as_json(),
            "sources": [{"file": s.file, "line": s.line, "quote": s.quote} for s in self.sources],
            "summary": {"ar": self.summary_ar, "en": self.summary_en},
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """Incidents in chronological order, plus the undated ones, and indexes."""

    dated: tuple[Incident, ...]
    undated: tuple[Incident, ...]
    by_month: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ("2020-02", incident ids)
    by_place: tuple[tuple[str, tuple[str, ...]], ...] = ()
    by_type: tuple[tuple[str, tuple[str, ...]], ...] = ()
    by_actor: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def incidents(self) -> tuple[Incident, ...]:
        return self.dated + self.undated


def _reduce(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return (type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__))


# Pickle as constructor arguments. The extraction cache loads every incident of
# every article on each build, and dataclasses' own way for slotted classes
# (``fields()`` looked up per object) took three quarters of that time.
_RECORDS = (Diagnostic, Published, Article, Source, Timeline)
for _cls in _RECORDS:
    _cls.__reduce__ = _reduce  # type: ignore[method-assign]


# Values that recur across thousands of incidents — a gazetteer place, a casualty
# figure, a lexicon key, a generated English summary — come back from the cache
# and from worker processes as one object each, not a copy per incident (pickle
# shares objects only within one record): a third less memory for the extraction
# records of 1,000 articles. The quotes, texts and dates are left as they are.
_SHARED: dict[tuple[Any, ...], Any] = {}


def _shared(cls: type, *args: Any) -> Any:
    key = (cls, *args)
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = cls(*args)
    return found


def _incident(*args: Any) -> Incident:
    iid, when, kind, sources, places, actors, by, casualties, ar, en, order, review, ctx = args
    actors = _SHARED.setdefault((tuple, *actors), actors)
    kind, by, en, ar = intern(kind), intern(by), intern(en), intern(ar)
    return Incident(
        iid, when, kind, sources, places, actors, by, casualties, ar, en, order, review, ctx
    )


def _date(*args: Any) -> DateRef:
    start, end, precision, text, basis, note = args
    words: Any = (intern(precision), intern(basis), intern(note))  # Literals, as str
    return DateRef(start, end, words[0], text, words[1], words[2])


def _reduce_shared(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return (_shared, (type(self), *_reduce(self)[1]))


def _reduce_incident(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return (_incident, _reduce(self)[1])


def _reduce_date(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return (_date, _reduce(self)[1])


Place.__reduce__ = _reduce_shared  # type: ignore[method-assign]
Casualties.__reduce__ = _reduce_shared  # type: ignore[method-assign]
Review.__reduce__ = _reduce_shared  # type: ignore[method-assign]
Incident.__reduce__ = _reduce_incident  # type: ignore[method-assign]
DateRef.__reduce__ = _reduce_date  # type: ignore[method-assign]
