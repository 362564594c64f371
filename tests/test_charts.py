from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest

from sitegen.charts import basemap, casualty_chart, dot_radius, incident_map, month_range
from sitegen.config import Config
from sitegen.model import Casualties, DateRef, Incident, Place, Source, Timeline
from sitegen.render import make_env
from sitegen.timeline import build_timeline

SVG = "{http://www.w3.org/2000/svg}"
IDLIB = Place("إدلب", "Idlib", 35.93, 36.63, "Idlib", "city")
SARAQIB = Place("سراقب", "Saraqib", 35.86, 36.80, "Idlib", "town")
NOWHERE = Place("تل مجهول", "Tal Majhul", None, None, "", "hill", known=False)
SYRIA = Place("سوريا", "Syria", 35.0, 38.5, "", "country")
MOSCOW = Place("موسكو", "Moscow", 55.75, 37.62, "", "capital")


def inc(
    iid: str,
    start: date,
    precision: str = "day",
    places: tuple[Place, ...] = (IDLIB,),
    killed: int | None = None,
    wounded: int | None = None,
) -> Incident:
    figures = Casualties(killed=killed, wounded=wounded)
    return Incident(
        id=iid,
        date=DateRef(start, start, precision, "", "explicit"),  # type: ignore[arg-type]
        type="airstrike",
        sources=(Source(f"{iid}.txt", 1, "quote", iid, figures),),
        places=places,
        casualties=figures,
    )


def fmt(lang: str) -> Any:
    return make_env(lang, Config()).globals["fmt"]


@pytest.fixture
def timeline() -> Timeline:
    return build_timeline(
        [
            inc("jan", date(2020, 1, 5), killed=4, wounded=10),
            inc("jan2", date(2020, 1, 9), killed=1),
            inc("feb-none", date(2020, 2, 3)),  # a month with incidents but no figures
            inc("mar", date(2020, 3, 7), wounded=2, places=(SARAQIB, NOWHERE)),
            inc("year", date(2019, 1, 1), "year", killed=100),  # no month to go in
        ]
    )


def _bars(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f".//{SVG}g[@class='month']")


def _accessible(svg: str, role: str = "img") -> ET.Element:
    root = ET.fromstring(svg)
    assert root.get("role") == role
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return root


# --- Casualty chart ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_chart_is_an_accessible_svg(timeline: Timeline, lang: str) -> None:
    root = _accessible(casualty_chart(timeline, lang, fmt(lang)))
    assert root.get("lang") == lang


def test_chart_has_one_bar_group_per_month_with_figures(timeline: Timeline) -> None:
    bars = _bars(casualty_chart(timeline, "en", fmt("en")))
    assert [g.get("data-month") for g in bars] == ["2020-01", "2020-03"]
    jan = bars[0]
    assert [r.get("class") for r in jan.findall(f"{SVG}rect")] == ["killed", "wounded"]
    assert [r.get("class") for r in bars[1].findall(f"{SVG}rect")] == ["wounded"]
    assert jan.findtext(f"{SVG}title") == "January 2020: 5 killed, 10 wounded"


def test_chart_bars_grow_with_the_figures(timeline: Timeline) -> None:
    jan = _bars(casualty_chart(timeline, "en", fmt("en")))[0]
    killed, wounded = (float(r.get("height", "0")) for r in jan.findall(f"{SVG}rect"))
    assert wounded == pytest.approx(killed * 2, rel=0.01)


def _x(group: ET.Element) -> float:
    rect = group.find(f"{SVG}rect")
    assert rect is not None
    return float(rect.get("x", "nan"))


def test_chart_runs_right_to_left_in_arabic(timeline: Timeline) -> None:
    en = _bars(casualty_chart(timeline, "en", fmt("en")))
    ar = _bars(casualty_chart(timeline, "ar", fmt("ar")))
    assert _x(en[0]) < _x(en[-1])
    assert _x(ar[0]) > _x(ar[-1])
    first = ar[0].find(f"{SVG}rect")
    assert first is not None
    width = float(first.get("width", "0"))
    assert _x(ar[0]) + width == pytest.approx(720 - _x(en[0]), abs=0.2)  # a mirror image


def test_chart_without_figures_is_still_a_valid_picture() -> None:
    t = build_timeline([inc("a", date(2020, 1, 5))])
    svg = casualty_chart(t, "ar", fmt("ar"))
    _accessible(svg)
    assert _bars(svg) == []


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        ("2019-11", "2020-02", ["2019-11", "2019-12", "2020-01", "2020-02"]),  # empty ones kept
        ("2020-05", "2020-05", ["2020-05"]),
        ("2020-05", "2020-04", []),
        ("0999-12", "1000-01", ["0999-12", "1000-01"]),
        # the last month a date can have: compared as numbers, or "10000-01" would sort
        # before "9999-12" and the range would never end
        ("9999-11", "9999-12", ["9999-11", "9999-12"]),
    ],
)
def test_month_range(first: str, last: str, months: list[str]) -> None:
    assert month_range(first, last) == months


# --- Map --------------------------------------------------------------------


def _link(p: Place) -> str:
    return f"places/{p.en.lower()}.html"


def test_map_has_one_linked_dot_per_place_with_coordinates(timeline: Timeline) -> None:
    t = build_timeline([*timeline.incidents, inc("far", date(2020, 3, 8), places=(SYRIA, MOSCOW))])
    root = _accessible(incident_map(t, "en", fmt("en"), _link), role="group")
    links = root.findall(f".//{SVG}a")
    assert sorted(a.get("href", "") for a in links) == ["places/idlib.html", "places/saraqib.html"]
    tips = {a.findtext(f"{SVG}title") for a in links}
    assert tips == {"Idlib: 4 incidents", "Saraqib: 1 incident"}
    circles = {a.get("href"): a.find(f"{SVG}circle") for a in links}
    r = {k: float(c.get("r", "0")) for k, c in circles.items() if c is not None}
    assert r["places/idlib.html"] > r["places/saraqib.html"]


def test_map_without_places_draws_the_base_map_only() -> None:
    t = build_timeline([inc("a", date(2020, 1, 5), places=(NOWHERE,))])
    root = _accessible(incident_map(t, "ar", fmt("ar"), _link), role="group")
    assert root.findall(f".//{SVG}a") == []
    assert len(root.findall(f"{SVG}path")) == len(basemap()["features"])


def test_map_tooltips_are_in_the_page_language(timeline: Timeline) -> None:
    root = ET.fromstring(incident_map(timeline, "ar", fmt("ar"), _link))
    tips = {a.findtext(f"{SVG}title") for a in root.findall(f".//{SVG}a")}
    assert any(t and t.startswith("إدلب:") for t in tips)


def test_dot_area_grows_with_count() -> None:
    assert dot_radius(1) < dot_radius(4) < dot_radius(16) <= dot_radius(1000)


def test_basemap_is_small_attributed_and_inside_its_box() -> None:
    base = basemap()
    assert "Natural Earth" in base["attribution"]
    ids = {f["id"] for f in base["features"]}
    assert {"SY", "TR", "LB", "IL", "JO", "IQ", "CY"} <= ids
    west, south, east, north = base["bbox"]
    points = [
        pt
        for f in base["features"]
        for polygon in f["geometry"]["coordinates"]
        for ring in polygon
        for pt in ring
    ]
    assert 100 < len(points) < 1000
    assert all(west <= lon <= east and south <= lat <= north for lon, lat in points)


# --- Determinism ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_pictures_are_byte_identical_across_calls(timeline: Timeline, lang: str) -> None:
    f = fmt(lang)
    assert casualty_chart(timeline, lang, f) == casualty_chart(timeline, lang, f)
    assert incident_map(timeline, lang, f, _link) == incident_map(timeline, lang, f, _link)
