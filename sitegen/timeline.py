"""The timeline: incidents in order, the same event from several reports merged,
and the indexes by month, place, type and actor.

Merging is conservative: two reports become one incident only when their
dates overlap, their types agree, they share a place and their figures do not
contradict each other. A doubtful pair stays two incidents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from sitegen.extract.summary import summary_ar, summary_en
from sitegen.model import (
    FINE_KINDS,
    MEDIUM_KINDS,
    PRECISION_RANK,
    Casualties,
    DateRef,
    Incident,
    Place,
    Timeline,
)

# How far apart two figures may be and still describe the same event: early
# reports undercount, so 2 and 3 killed can be one event, 2 and 20 cannot.
FIGURE_RATIO = 2.0
# Only dates this fine can place two reports on the same event.
MERGEABLE = ("day", "approx")
FINE, MEDIUM = FINE_KINDS, MEDIUM_KINDS


def build_timeline(incidents: Iterable[Incident]) -> Timeline:
    merged = merge(sorted(incidents, key=sort_key))
    dated = tuple(sorted((i for i in merged if i.date.is_dated), key=sort_key))
    undated = tuple(i for i in merged if not i.date.is_dated)
    return Timeline(
        dated=dated,
        undated=undated,
        by_month=_index(dated, lambda i: [month_key(i.date)]),
        by_place=_index(dated + undated, lambda i: [p.key for p in i.places]),
        by_type=_index(dated + undated, lambda i: [i.type]),
        by_actor=_index(dated + undated, lambda i: list(i.actors)),
    )


def sort_key(i: Incident) -> tuple[date, int, str, int]:
    """By start; at equal start the finer precision first; then text order."""
    start = i.date.start or date.max
    return (start, PRECISION_RANK[i.date.precision], i.sources[0].article_id, i.order)


def month_key(ref: DateRef) -> str:
    # Zero-padded by hand: strftime writes the year 200 as "200".
    return f"{ref.start.year:04d}-{ref.start.month:02d}" if ref.start else ""


def _index(
    incidents: Iterable[Incident], keys: Callable[[Incident], list[str]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups: dict[str, dict[str, None]] = defaultdict(dict)  # dicts as ordered sets
    for inc in incidents:
        for key in keys(inc):
            if key:
                groups[key][inc.id] = None
    return tuple(sorted((k, tuple(v)) for k, v in groups.items()))


def merge(incidents: list[Incident]) -> list[Incident]:
    """Fold reports of the same event into the first one reported (stable id).

    Only incidents of one type whose dates share a day can merge, so each kept
    incident is filed under (type, day) for every day it covers, and a new
    one is compared with those alone — not with the whole archive. Within a
    (type, day) the place names are compared first, as a set: most reports of
    a busy day are elsewhere, and a full comparison of each was most of the time.
    """
    out: list[Incident] = []
    names: list[frozenset[str]] = []  # the town and city keys of out[i]
    by_day: dict[tuple[str, date], dict[int, None]] = defaultdict(dict)  # ordered sets
    for inc in incidents:
        mine = _place_names(inc)
        seen = dict.fromkeys(i for d in _days(inc) for i in by_day[(inc.type, d)])
        target = next(
            (i for i in seen if not names[i].isdisjoint(mine) and same_event(out[i], inc)), None
        )
        if target is None:
            target = len(out)
            out.append(inc)
            names.append(mine)
        else:
            out[target] = combine(out[target], inc)
            names[target] |= mine
        for d in _days(out[target]):
            by_day[(inc.type, d)].setdefault(target)
    return out


def _place_names(inc: Incident) -> frozenset[str]:
    """The keys `_same_places` can match on: two reports with none in common
    are never the same event."""
    return frozenset(p.key for p in inc.places if p.locates)


def _days(inc: Incident) -> list[date]:
    """The days an incident could share with another report (none if it cannot merge)."""
    ref = inc.date
    if ref.start is None or ref.end is None or ref.precision not in MERGEABLE:
        return []
    return [ref.start + timedelta(days=n) for n in range((ref.end - ref.start).days + 1)]


def same_event(a: Incident, b: Incident) -> bool:
    if a.type != b.type or not (a.date.is_dated and b.date.is_dated):
        return False
    if a.date.precision not in MERGEABLE or b.date.precision not in MERGEABLE:
        return False
    if not _overlap(a.date, b.date):
        return False
    if not _same_places(a.places, b.places):
        return False
    if a.sources[0].article_id == b.sources[0].article_id:
        # Within one article, only a repeated report with the same figures.
        return not a.casualties.is_empty and a.casualties == b.casualties
    return _compatible(a.casualties, b.casualties)


def _same_places(a: tuple[Place, ...], b: tuple[Place, ...]) -> bool:
    """Compare at the finest level both reports name: two attacks "in Idlib"
    on different villages are two incidents; a country or governorate alone
    is too coarse to tell."""
    for level in (FINE, MEDIUM):
        mine = {p.key for p in a if p.kind in level}
        theirs = {p.key for p in b if p.kind in level}
        if mine and theirs:
            return bool(mine & theirs)
    return False


def _overlap(a: DateRef, b: DateRef) -> bool:
    assert a.start and a.end and b.start and b.end
    return a.start <= b.end and b.start <= a.end


def _compatible(a: Casualties, b: Casualties) -> bool:
    for x, y in ((a.killed, b.killed), (a.wounded, b.wounded), (a.displaced, b.displaced)):
        if x is not None and y is not None and max(x, y) > FIGURE_RATIO * max(min(x, y), 1):
            return False
    return True


def combine(a: Incident, b: Incident) -> Incident:
    """One incident with every source; its figures are the highest reported (a
    later toll updates an earlier one), marked approximate when the sources
    disagree (each source keeps its own, shown on the incident)."""
    sources = a.sources + tuple(s for s in b.sources if s not in a.sources)
    better = (
        a.date if PRECISION_RANK[a.date.precision] <= PRECISION_RANK[b.date.precision] else b.date
    )
    merged = replace(
        a,
        date=better,
        sources=sources,
        places=(told := a.places + tuple(p for p in b.places if p not in a.places)),
        context=tuple(dict.fromkeys(p for p in a.context + b.context if p not in told)),
        actors=a.actors + tuple(x for x in b.actors if x not in a.actors),
        reported_by=a.reported_by or b.reported_by,
        casualties=_high(a.casualties, b.casualties),
    )
    # The summaries tell the places and the toll, which the merge may change.
    return replace(merged, summary_ar=summary_ar(merged), summary_en=summary_en(merged))


def _high(a: Casualties, b: Casualties) -> Casualties:
    def pick(x: int | None, y: int | None) -> int | None:
        return max(v for v in (x, y) if v is not None) if x is not None or y is not None else None

    differ = any(
        x is not None and y is not None and x != y
        for x, y in ((a.killed, b.killed), (a.wounded, b.wounded), (a.displaced, b.displaced))
    )
    return Casualties(
        killed=pick(a.killed, b.killed),
        wounded=pick(a.wounded, b.wounded),
        displaced=pick(a.displaced, b.displaced),
        approximate=a.approximate or b.approximate or differ,
        victims=a.victims or b.victims,
        unnumbered=a.unnumbered and b.unnumbered,
    )
