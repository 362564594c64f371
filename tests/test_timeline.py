from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitegen.model import Casualties, DateRef, Incident, Place, Source
from sitegen.timeline import build_timeline, same_event

IDLIB = Place("إدلب", "Idlib", 35.93, 36.63, "Idlib", "city")
SARAQIB = Place("سراقب", "Saraqib", 35.86, 36.80, "Idlib", "town")


def inc(
    iid: str,
    start: date | None,
    precision: str = "day",
    end: date | None = None,
    article: str = "a",
    kind: str = "battle",
    places: tuple[Place, ...] = (IDLIB,),
    killed: int | None = None,
    order: int = 0,
) -> Incident:
    if start is None:
        ref = DateRef.undated("الجمعة", "article has no publication date")
    else:
        ref = DateRef(start, end or start, precision, "", "explicit")  # type: ignore[arg-type]
    return Incident(
        id=iid,
        date=ref,
        type=kind,
        sources=(Source(f"{article}.txt", 1, f"quote {iid}", article, Casualties(killed=killed)),),
        places=places,
        casualties=Casualties(killed=killed),
        order=order,
    )


def test_order_by_start_then_finer_precision_then_text_order() -> None:
    d = date(2020, 2, 1)
    items = [
        inc("month", d, "month", date(2020, 2, 29)),
        inc("day2", d, order=2),
        inc("later", date(2020, 2, 3)),
        inc("day1", d, order=1),
        inc("early", date(2020, 1, 5)),
        inc("undated", None),
    ]
    t = build_timeline(items)
    assert [i.id for i in t.dated] == ["early", "day1", "day2", "month", "later"]
    assert [i.id for i in t.undated] == ["undated"]
    assert dict(t.by_month) == {
        "2020-01": ("early",),
        "2020-02": ("day1", "day2", "month", "later"),
    }


def test_same_event_from_two_articles_is_merged_with_both_sources() -> None:
    a = inc("a1", date(2020, 2, 20), article="a", killed=2)
    b = inc("b1", date(2020, 2, 20), precision="approx", article="b", killed=3)
    t = build_timeline([b, a])
    (merged,) = t.dated
    assert merged.id == "a1"  # the id of the finer report, stable whatever the input order
    assert [s.article_id for s in merged.sources] == ["a", "b"]
    assert [s.casualties.killed for s in merged.sources] == [2, 3]
    # the highest toll, marked as differing; each source keeps its own (issue 16)
    assert merged.casualties.killed == 3 and merged.casualties.approximate


def test_a_merge_keeps_the_context_no_source_tells_as_a_place() -> None:
    region = Place("إدلب", "Idlib", 35.75, 36.6, "Idlib", "region")
    syria = Place("سوريا", "Syria", 35.0, 38.5, "", "country")
    a = replace(inc("a1", date(2020, 2, 20), places=(SARAQIB,)), context=(region, syria))
    b = inc("b1", date(2020, 2, 20), article="b", places=(SARAQIB, region))
    b = replace(b, context=(syria,))
    (merged,) = build_timeline([a, b]).dated
    assert merged.places == (SARAQIB, region) and merged.context == (syria,)


def test_doubtful_pairs_stay_apart() -> None:
    base = inc("a1", date(2020, 2, 20), article="a", killed=2)
    assert not same_event(base, inc("b1", date(2020, 2, 21), article="b", killed=2))  # other day
    assert not same_event(base, inc("b2", date(2020, 2, 20), article="b", kind="airstrike"))
    assert not same_event(base, inc("b3", date(2020, 2, 20), article="b", places=(SARAQIB,)))
    assert not same_event(base, inc("b4", date(2020, 2, 20), article="b", killed=20))
    assert not same_event(base, inc("b5", date(2020, 2, 1), "month", date(2020, 2, 29), "b"))
    assert not same_event(inc("u1", None), inc("u2", None, article="b"))
    assert same_event(base, inc("b6", date(2020, 2, 20), article="b", killed=3))


def test_indexes_by_place_type_actor() -> None:
    t = build_timeline(
        [inc("x", date(2020, 1, 1), places=(IDLIB, SARAQIB)), inc("y", None, kind="shelling")]
    )
    assert dict(t.by_place) == {"Idlib": ("x", "y"), "Saraqib": ("x",)}
    assert dict(t.by_type) == {"battle": ("x",), "shelling": ("y",)}


def test_attacks_on_different_villages_of_one_governorate_stay_apart() -> None:
    azmarin = Place("خربة عزمارين", "Khirbet Azmarin", 35.9, 36.4, "Idlib", "village")
    tah = Place("التح", "al-Tah", 35.6, 36.7, "Idlib", "village")
    d = date(2020, 1, 22)
    a = inc("a1", d, places=(azmarin, IDLIB), killed=3, order=1)
    b = inc("a2", d, places=(tah, IDLIB), killed=3, order=2)
    assert not same_event(a, b)
    assert len(build_timeline([a, b]).dated) == 2
    # The same report repeated in one article, with the same village and figures, is one.
    assert same_event(a, inc("a3", d, places=(azmarin,), killed=3, order=3))
