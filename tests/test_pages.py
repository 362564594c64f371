"""The page plan: a page per day with incidents (the permalink's page: no page per
incident), long months listing their days, long index entries cut into month pages
and long months of an entry into numbered pages — on the calendar first, so that
one edit changes one page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitegen import pages
from sitegen.build import build
from sitegen.config import load_config
from tests.test_incremental import EDITED, rendered, tree

IDS = re.compile(r'<article class="incident[^"]*" id="([^"]+)"')
ROW_IDS = re.compile(r'<li class="row"><a href="\.\./(?:months|articles)/[^"#]+\.html#([^"]+)"')


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of three incidents, so the seed site has cut months and entries."""
    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    monkeypatch.setattr(pages, "FRONT_PAGE_BUDGET", 4)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_long_month_is_cut_into_day_pages(site: Path, small_pages: None) -> None:
    build(load_config(site))
    out = site / "output" / "en" / "months"
    month = read(out / "2020-02.html")
    days = re.findall(r'<a href="(2020-02-\d\d)\.html">', month)
    assert len(days) > 1 and days == sorted(days)
    assert 'id="timeline"' not in month  # the cards are on the day pages
    shown = [i for d in days for i in IDS.findall(read(out / f"{d}.html"))]
    assert len(shown) == len(set(shown))
    for d in days:
        page = read(out / f"{d}.html")
        assert f'<time datetime="{d}"' in page  # each card sits on its first day
        assert 'href="2020-02.html"' in page  # back to its month


def test_every_dated_incident_is_on_one_day_page_its_permalink(site: Path) -> None:
    build(load_config(site))
    out = site / "output" / "ar" / "months"
    for month in sorted(out.glob("????-??.html")):
        on_days = [
            i for d in sorted(out.glob(f"{month.stem}-??.html")) for i in IDS.findall(read(d))
        ]
        assert on_days == IDS.findall(read(month))  # a short month shows them all too
        assert len(on_days) == len(set(on_days))
    assert not (site / "output" / "ar" / "incidents").exists()  # no page per incident
    links = re.findall(
        r'class="permalink" href="([^"]+)"', read(site / "output" / "ar" / "index.html")
    )
    assert links and all(
        re.fullmatch(r"(months/\d{4}-\d\d-\d\d|articles/[^#]+)\.html#.+", h) for h in links
    )


def test_a_long_month_of_an_entry_is_cut_into_numbered_pages(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    build(load_config(site))
    out = site / "output" / "en" / "types"
    names = re.findall(r'<a href="(shelling\.[^"]+)\.html">', read(out / "shelling.html"))
    assert any(re.search(r"\.\d{4}-\d\d-2$", n) for n in names)
    rows = [i for n in names for i in ROW_IDS.findall(read(out / f"{n}.html"))]
    assert len(rows) == len(set(rows)) == len(names)  # one a page


def test_a_long_entry_is_cut_into_month_pages(site: Path, small_pages: None) -> None:
    build(load_config(site))
    out = site / "output" / "en" / "types"
    entry = read(out / "battle.html")
    parts = re.findall(r'<a href="(battle\.[^"]+)\.html">', entry)
    assert parts and "undated" not in parts[:-1]  # undated last, if any
    rows = [i for p in parts for i in ROW_IDS.findall(read(out / f"{p}.html"))]
    assert len(rows) == len(set(rows)) > 3
    assert not ROW_IDS.findall(entry)  # the rows are on the month pages
    for p in parts:
        assert 'href="battle.html"' in read(out / f"{p}.html")


def test_the_front_page_keeps_to_its_budget(site: Path, small_pages: None) -> None:
    build(load_config(site))
    front = read(site / "output" / "en" / "index.html")
    timeline = front.split('id="timeline"', 1)[1].split("</div>", 1)[0]
    assert (
        1 <= len(IDS.findall(timeline)) <= 4
        or len(re.findall(r'<section class="month"', timeline)) == 1
    )


def test_an_edit_renders_one_day_page_of_a_cut_month(
    site: Path, small_pages: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(load_config(site))
    made = rendered(monkeypatch)
    article = site / "seeds" / EDITED
    article.write_text(
        read(article) + "\nوقتل 7 مدنيين في قصف على مدينة سراقب يوم الخميس.\n", encoding="utf-8"
    )
    build(load_config(site))
    days = {p for p in made if re.search(r"months/\d{4}-\d\d-\d\d", p)}
    # An edit makes again the incidents of the edited article (their lines may
    # have moved), so only the day pages that show one of them.
    showing = {
        p
        for p in tree(site / "output")
        if re.search(r"months/\d{4}-\d\d-\d\d", p)
        and f"articles/{EDITED[:-4]}.html" in read(site / "output" / p)
    }
    every = {p for p in tree(site / "output") if re.search(r"months/\d{4}-\d\d-\d\d", p)}
    assert days and days <= showing < every


def test_cut_pages_build_incrementally_as_from_scratch(site: Path, small_pages: None) -> None:
    build(load_config(site))
    article = site / "seeds" / EDITED
    article.write_text(
        read(article) + "\nوأصيب 3 أشخاص في قصف على بلدة سرمين أمس.\n", encoding="utf-8"
    )
    build(load_config(site))
    incremental = tree(site / "output")
    shutil.rmtree(site / "output")
    build(load_config(site), use_cache=False)
    assert tree(site / "output") == incremental


def test_day_and_month_pages_lead_to_their_neighbours(site: Path) -> None:
    build(load_config(site))
    out = site / "output" / "en" / "months"
    days = sorted(p.stem for p in out.glob("????-??-??.html"))
    months = sorted(p.stem for p in out.glob("????-??.html"))
    for keys in (days, months):
        for n, key in enumerate(keys):
            page = read(out / f"{key}.html")
            prev = re.findall(r'<a rel="prev" href="([^"]+)\.html"', page)
            next_ = re.findall(r'<a rel="next" href="([^"]+)\.html"', page)
            assert prev == (keys[n - 1 : n] if n else [])
            assert next_ == keys[n + 1 : n + 2]


def test_a_new_month_changes_its_neighbours_not_every_month(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Month and day pages list their neighbours, not every month; the filter's
    choices and shards are in search/facets.js."""
    build(load_config(site))
    made = rendered(monkeypatch)
    article = site / "seeds" / EDITED
    article.write_text(
        read(article) + "\nوفي 3 آب 2019 قتل 7 مدنيين في قصف على مدينة سراقب.\n", encoding="utf-8"
    )
    build(load_config(site))
    months = sorted(p.stem for p in (site / "output" / "en" / "months").glob("????-??.html"))
    assert "2019-08" in months
    n = months.index("2019-08")
    neighbours = {f"en/months/{k}.html" for k in months[max(n - 1, 0) : n + 2]}
    # The edited article's other incidents are made again too (their lines may move).
    showing = {
        f"en/months/{k}.html"
        for k in months
        if f"articles/{EDITED[:-4]}.html" in read(site / "output" / "en" / "months" / f"{k}.html")
    }
    made_months = {p for p in made if re.fullmatch(r"en/months/\d{4}-\d\d\.html", p)}
    assert made_months <= neighbours | showing, made_months - neighbours - showing
    assert len(made_months) < len(months)
