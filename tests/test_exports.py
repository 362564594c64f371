from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from sitegen import vocabulary
from sitegen.config import Config
from sitegen.exports import (
    CSV_COLUMNS,
    FEED_SIZE,
    atom_feed,
    incidents_csv,
    incidents_json,
    sitemaps,
    timelinejs,
)
from sitegen.model import Casualties, DateRef, Incident, Place, Source, Timeline
from sitegen.render import make_env
from sitegen.timeline import build_timeline

IDLIB = Place("إدلب", "Idlib", 35.93, 36.63, "Idlib", "city")
SARAQIB = Place("سراقب", "Saraqib", 35.86, 36.80, "Idlib", "town")
ATOM = "{http://www.w3.org/2005/Atom}"
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
]


def inc(
    iid: str,
    start: date | None,
    precision: str = "day",
    end: date | None = None,
    kind: str = "airstrike",
    places: tuple[Place, ...] = (IDLIB,),
    killed: int | None = None,
    quote: str = "",
) -> Incident:
    if start is None:
        ref = DateRef.undated("الجمعة", "article has no publication date")
    else:
        ref = DateRef(start, end or start, precision, "", "explicit")  # type: ignore[arg-type]
    figures = Casualties(killed=killed)
    source = Source(f"{iid}.txt", 3, quote or f"قصف على {iid}", iid, figures)
    return Incident(
        id=iid,
        date=ref,
        type=kind,
        sources=(source,),
        places=places,
        actors=("un",),
        reported_by="un",
        casualties=figures,
        summary_ar=f"ملخص {iid}",
        summary_en=f"summary of {iid}",
    )


def whole(chunks: Iterable[bytes]) -> bytes:
    return b"".join(chunks)


def fmt(lang: str) -> Any:
    return make_env(lang, Config()).globals["fmt"]


@pytest.fixture
def timeline() -> Timeline:
    return build_timeline(
        [
            inc("day", date(2020, 2, 20), killed=3, places=(SARAQIB, IDLIB)),
            inc("week", date(2020, 2, 1), "week", date(2020, 2, 7), kind="battle"),
            inc("month", date(2020, 1, 1), "month", date(2020, 1, 31), kind="shelling"),
            inc("year", date(2019, 1, 1), "year", date(2019, 12, 31), kind="battle"),
            inc("undated", None, kind="battle"),
        ]
    )


# --- JSON -------------------------------------------------------------------


def test_json_has_every_incident_with_the_extract_keys_and_ours(timeline: Timeline) -> None:
    rows = json.loads(whole(incidents_json(timeline)))
    assert [r["id"] for r in rows] == ["year", "month", "week", "day", "undated"]
    day = rows[3]
    assert set(timeline.dated[3].as_json()) < set(day)
    assert day["url"] == "en/months/2020-02-20.html#day"  # the day page's anchor
    assert day["actors"] == ["United Nations"] and day["reported_by"] == "United Nations"
    assert day["sources"][0]["casualties"]["killed"] == 3
    assert day["sources"][0]["quote"] == "قصف على day"
    assert day["type_label"] == {"ar": "غارة جوية", "en": "airstrike"}
    assert day["acled"] == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
    }


def test_json_urls_are_absolute_with_a_base_url(timeline: Timeline) -> None:
    rows = json.loads(whole(incidents_json(timeline, "https://example.org/war/")))
    assert rows[0]["url"] == "https://example.org/war/en/months/2019-01-01.html#year"


# --- CSV --------------------------------------------------------------------


def _csv(timeline: Timeline) -> list[dict[str, str]]:
    data = whole(incidents_csv(timeline))
    assert data.startswith("\ufeff".encode())  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_acled_columns_one_row_per_incident_and_arabic(timeline: Timeline) -> None:
    rows = _csv(timeline)
    assert set(ACLED_COLUMNS) <= set(rows[0]) and tuple(rows[0]) == CSV_COLUMNS
    by_id = {r["event_id_cnty"]: r for r in rows}
    assert len(rows) == 5
    day = by_id["day"]
    assert day["event_date"] == "2020-02-20" and day["year"] == "2020"
    assert day["location"] == "Saraqib" and day["admin1"] == "Idlib"
    assert day["places_ar"] == "سراقب; إدلب" and day["quote"] == "قصف على day"
    assert day["fatalities"] == "3" and by_id["week"]["fatalities"] == ""
    assert day["event_type"] == "Explosions/Remote violence"
    assert by_id["undated"]["event_date"] == "" and by_id["undated"]["year"] == ""


def test_csv_country_is_where_the_first_place_lies(timeline: Timeline) -> None:
    syria = Place("سوريا", "Syria", 35.0, 38.5, "", "country")
    first = replace(timeline.dated[0], context=(syria,))
    rows = _csv(replace(timeline, dated=(first,), undated=()))
    assert rows[0]["country"] == "Syria" and rows[0]["admin1"] == first.places[0].admin1


@pytest.mark.parametrize(
    ("precision", "days", "code"),
    [
        ("day", 0, "1"),
        ("approx", 0, "2"),
        ("week", 6, "2"),
        ("range", 3, "2"),
        ("range", 20, "3"),
        ("month", 28, "3"),
        ("year", 364, "3"),
    ],
)
def test_csv_time_precision_follows_acled(precision: str, days: int, code: str) -> None:
    start = date(2020, 2, 1)
    t = build_timeline([inc("x", start, precision, start + timedelta(days=days))])
    assert _csv(t)[0]["time_precision"] == code


def test_csv_reporter_is_the_source_not_an_actor() -> None:
    i = replace(inc("x", date(2020, 2, 1)), actors=("un", "syrian-government"))
    (row,) = _csv(build_timeline([i]))
    assert row["source"] == "United Nations"
    assert row["actor1"] != "United Nations" and row["actor2"] == ""


# --- TimelineJS -------------------------------------------------------------


def test_timelinejs_has_dated_incidents_only_with_dates_split_by_precision(
    timeline: Timeline,
) -> None:
    doc = json.loads(whole(timelinejs(timeline, "en", fmt("en"), title="Timeline")))
    events = {e["unique_id"]: e for e in doc["events"]}
    assert set(events) == {"day", "week", "month", "year"}
    assert events["day"]["start_date"] == {"year": "2020", "month": "2", "day": "20"}
    assert "end_date" not in events["day"]
    assert events["week"]["end_date"] == {"year": "2020", "month": "2", "day": "7"}
    assert events["month"]["start_date"] == {"year": "2020", "month": "1"}
    assert "end_date" not in events["month"]
    assert events["year"]["start_date"] == {"year": "2019"}
    assert events["day"]["text"]["text"] == "summary of day"
    assert events["day"]["group"] == "airstrike"
    assert doc["title"]["text"]["headline"] == "Timeline"


def test_timelinejs_arabic_shows_the_quote_escaped() -> None:
    t = build_timeline([inc("x", date(2020, 2, 1), quote="قصف <b>سراقب</b> & ريفها")])
    (event,) = json.loads(whole(timelinejs(t, "ar", fmt("ar"))))["events"]
    assert event["text"]["text"] == "قصف &lt;b&gt;سراقب&lt;/b&gt; &amp; ريفها"
    assert event["group"] == "غارة جوية"
    assert event["text"]["headline"] == "غارة جوية — إدلب"


# --- Atom -------------------------------------------------------------------


def _many(n: int) -> Timeline:
    start = date(2020, 1, 1)
    return build_timeline(
        [inc(f"i{k:03d}", start + timedelta(days=k)) for k in range(n)] + [inc("u", None)]
    )


def test_atom_parses_with_one_entry_per_incident_up_to_50_newest_first() -> None:
    feed = ET.fromstring(atom_feed(_many(60), "en", Config(), fmt("en")))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == FEED_SIZE
    assert entries[0].findtext(f"{ATOM}updated") == "2020-02-29T00:00:00Z"  # day 59
    small = ET.fromstring(atom_feed(_many(3), "en", Config(), fmt("en")))
    assert len(small.findall(f"{ATOM}entry")) == 3


def test_atom_dates_come_from_incidents_not_the_clock(timeline: Timeline) -> None:
    feed = ET.fromstring(atom_feed(timeline, "ar", Config(), fmt("ar")))
    stamps = [e.text for e in feed.iter(f"{ATOM}updated")]
    assert stamps[0] == "2020-02-20T00:00:00Z"  # the newest incident
    assert all(
        s and s[:10] in {"2020-02-20", "2020-02-01", "2020-01-01", "2019-01-01"} for s in stamps
    )
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"


def test_atom_ids_are_tag_uris_without_base_url_and_urls_with_one(timeline: Timeline) -> None:
    plain = ET.fromstring(atom_feed(timeline, "en", Config(), fmt("en")))
    entry = plain.find(f"{ATOM}entry")
    assert entry is not None
    assert (entry.findtext(f"{ATOM}id") or "").startswith("tag:sitegen,2020:en/incidents/")
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href") == "months/2020-02-20.html#day"
    config = Config(base_url="https://example.org/")
    full = ET.fromstring(atom_feed(timeline, "en", config, fmt("en")))
    ids = [e.findtext(f"{ATOM}id") for e in full.findall(f"{ATOM}entry")]
    assert ids[0] == "https://example.org/en/incidents/day.html"


def test_atom_escapes_text() -> None:
    t = build_timeline([inc("x", date(2020, 2, 1), quote="<script>&</script>")])
    data = atom_feed(t, "ar", Config(), fmt("ar"))
    assert b"<script>" not in data
    summary = ET.fromstring(data).findtext(f"{ATOM}entry/{ATOM}summary") or ""
    assert summary.endswith("<script>&</script>")


# --- Sitemap ----------------------------------------------------------------


def sitemap(paths: list[str], base_url: str, languages: tuple[str, ...]) -> bytes | None:
    """The single sitemap.xml of a site within the protocol's limits."""
    files = sitemaps(paths, base_url, languages)
    assert len(files) <= 1
    return files[0][1]() if files else None


def test_sitemap_lists_language_versions_as_hreflang_alternates() -> None:
    paths = [
        "ar/index.html",
        "en/index.html",
        "ar/incidents/x.html",
        "en/incidents/x.html",
        "index.html",
    ]
    data = sitemap(paths, "https://example.org/war", ("ar", "en"))
    assert data is not None
    root = ET.fromstring(data)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = {u.findtext(f"{ns}loc"): u for u in root.findall(f"{ns}url")}
    assert len(urls) == 5
    page = urls["https://example.org/war/ar/incidents/x.html"]
    links = page.findall("{http://www.w3.org/1999/xhtml}link")
    assert {(x.get("hreflang"), x.get("href")) for x in links} == {
        ("ar", "https://example.org/war/ar/incidents/x.html"),
        ("en", "https://example.org/war/en/incidents/x.html"),
    }
    assert not urls["https://example.org/war/index.html"].findall(
        "{http://www.w3.org/1999/xhtml}link"
    )


def test_sitemap_lists_every_language_from_one_languages_paths() -> None:
    data = sitemap(["ar/index.html"], "https://example.org", ("ar", "en"))
    assert data is not None
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(f"{ns}loc") for u in ET.fromstring(data).findall(f"{ns}url")]
    assert locs == ["https://example.org/ar/index.html", "https://example.org/en/index.html"]


def test_no_sitemap_without_base_url() -> None:
    assert sitemap(["ar/index.html"], "", ("ar", "en")) is None


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _locs(data: bytes) -> list[str]:
    return [u.findtext(f"{SM}loc") or "" for u in ET.fromstring(data).findall(f"{SM}url")]


@pytest.mark.parametrize(
    ("limits", "parts"),
    [
        ((1000, 10**9), 1),  # within the limits: one sitemap.xml, no index
        ((4, 10**9), 3),  # 10 URLs, at most 4 per file
        ((1000, 1200), 4),  # ~280 bytes a URL: three fit in 1,200 bytes with the framing
    ],
)
def test_sitemap_past_the_protocols_limits_is_an_index_of_parts(
    limits: tuple[int, int], parts: int
) -> None:
    paths = [f"ar/incidents/{n:02d}.html" for n in range(5)]  # ×2 languages = 10 URLs
    files = dict(sitemaps(paths, "https://example.org/war/", ("ar", "en"), limits))
    whole = sitemap(paths, "https://example.org/war/", ("ar", "en"))
    assert whole is not None
    if parts == 1:
        assert list(files) == ["sitemap.xml"]
        assert files["sitemap.xml"]() == whole
        return
    names = [f"sitemap-{n}.xml" for n in range(1, parts + 1)]
    assert list(files) == ["sitemap.xml", *names]
    index = ET.fromstring(files["sitemap.xml"]())
    assert index.tag == f"{SM}sitemapindex"
    listed = [s.findtext(f"{SM}loc") for s in index.findall(f"{SM}sitemap")]
    assert listed == [f"https://example.org/war/{name}" for name in names]
    made = [files[name]() for name in names]
    assert all(len(_locs(part)) <= limits[0] and len(part) <= limits[1] for part in made)
    # every URL once, in order, with its alternates as in the single file
    assert [loc for part in made for loc in _locs(part)] == _locs(whole)
    assert b"".join(made).count(b"hreflang") == whole.count(b"hreflang")


def test_sitemap_escapes_urls_as_xml() -> None:
    data = sitemap(["ar/a&b.html"], 'https://example.org/?x="1"', ("ar", "en"))
    assert data is not None
    root = ET.fromstring(data)  # well-formed
    hrefs = [x.get("href") for x in root.iter("{http://www.w3.org/1999/xhtml}link")]
    assert hrefs[0] == 'https://example.org/?x="1"/ar/a&b.html'


# --- Determinism ------------------------------------------------------------


def test_exports_are_byte_identical_across_calls(timeline: Timeline) -> None:
    for lang in ("ar", "en"):
        f = fmt(lang)
        assert whole(timelinejs(timeline, lang, f)) == whole(timelinejs(timeline, lang, f))
        assert atom_feed(timeline, lang, Config(), f) == atom_feed(timeline, lang, Config(), f)
    assert whole(incidents_json(timeline)) == whole(incidents_json(timeline))
    assert whole(incidents_csv(timeline)) == whole(incidents_csv(timeline))
    paths = ["en/index.html", "ar/index.html"]
    assert sitemap(paths, "https://x.org", ("ar", "en")) == sitemap(
        paths[::-1], "https://x.org", ("ar", "en")
    )


def test_downloads_made_month_by_month_equal_downloads_made_whole(timeline: Timeline) -> None:
    """The build assembles them from one cached piece per month (exports.Memo)."""
    months: dict[str, list[Incident]] = {}
    for i in timeline.dated:
        months.setdefault(i.date.start.isoformat()[:7] if i.date.start else "", []).append(i)
    dated = list(months.items())
    every = [*dated, ("undated", list(timeline.undated))]
    assert len(dated) > 1
    assert whole(incidents_json(timeline, "", every)) == whole(incidents_json(timeline))
    assert whole(incidents_csv(timeline, every)) == whole(incidents_csv(timeline))
    for lang in ("ar", "en"):
        f = fmt(lang)
        assert whole(timelinejs(timeline, lang, f, "T", dated)) == whole(
            timelinejs(timeline, lang, f, "T")
        )


def test_downloads_of_an_empty_timeline_are_valid() -> None:
    empty = Timeline(dated=(), undated=())
    assert json.loads(whole(incidents_json(empty))) == []
    assert json.loads(whole(timelinejs(empty, "en", fmt("en"), "T")))["events"] == []
    assert whole(incidents_csv(empty)).decode("utf-8-sig").splitlines() == [",".join(CSV_COLUMNS)]


def test_a_crossing_is_exported_by_its_everyday_name_an_airbase_by_its_own() -> None:
    """ "معبر نصيب" is what the news and analysts call the crossing; "التيفور"
    goes by its name alone (place_kinds.yaml exported_named)."""
    nasib = Place("نصيب", "Nasib", 32.55, 36.2, "Daraa", "crossing")
    t4 = Place("التيفور", "Tiyas Military Airbase (T-4)", 34.52, 37.63, "Homs", "airport")
    one = inc("a", date(2018, 7, 6), places=(nasib, t4))
    exported = one.as_json()["places"]
    assert [(p["ar"], p["en"]) for p in exported] == [  # type: ignore[union-attr]
        ("معبر نصيب", "Nasib crossing"),
        ("التيفور", "Tiyas Military Airbase (T-4)"),
    ]
    (row,) = _csv(build_timeline([one]))
    assert row["location"] == "Nasib crossing"
    assert row["places_ar"] == "معبر نصيب; التيفور"


def test_a_governorate_is_named_apart_from_its_capital() -> None:
    """ "درعا" is the city and the governorate: the governorate says so in
    English, in the places and in the context ("Daraa Governorate"); its
    Arabic stays as the news writes it ("ريف درعا" names "درعا"). An Afghan
    province goes by its name alone, as the news writes it."""
    governorate = Place("درعا", "Daraa", 32.8, 36.15, "Daraa", "region")
    city = Place("درعا", "Daraa", 32.62, 36.1, "Daraa", "city")
    helmand = Place("هلمند", "Helmand", 31.0, 64.2, "", "region")
    ghouta = Place("الغوطة الشرقية", "Eastern Ghouta", 33.5, 36.4, "Rif Dimashq", "region")
    one = inc("a", date(2018, 7, 6), places=(governorate, city, helmand, ghouta))
    one = replace(one, context=(Place("حماة", "Hama", 35.2, 36.95, "Hama", "region"),))
    exported = one.as_json()["places"]
    assert [(p["ar"], p["en"]) for p in exported] == [  # type: ignore[union-attr]
        ("درعا", "Daraa Governorate"),
        ("درعا", "Daraa"),
        ("هلمند", "Helmand"),
        ("الغوطة الشرقية", "Eastern Ghouta"),
        ("حماة", "Hama Governorate"),
    ]
    assert vocabulary.place_name(governorate, "ar") == "محافظة درعا"
    assert vocabulary.place_name(city, "ar") == "درعا"


def test_hodeidah_is_named_as_the_news_names_it() -> None:
    """GeoNames gives the city its governorate's English name, "Al Hudaydah",
    by which the governorate's places lie in it: the pages and exports say
    "Hodeidah" (place_kinds.yaml english_names)."""
    city = Place("الحديدة", "Al Hudaydah", 14.8, 42.95, "Al Hudaydah", "city")
    governorate = Place("الحديدة", "Al Hudaydah", 14.9, 43.1, "", "region")
    one = inc("a", date(2018, 6, 13), places=(city, governorate))
    exported = one.as_json()["places"]
    assert [p["en"] for p in exported] == ["Hodeidah", "Hodeidah Governorate"]  # type: ignore[index]
    assert vocabulary.place_name(city, "en") == "Hodeidah"
    assert vocabulary.news_name(governorate) == "Hodeidah"  # summaries: no word of its kind
