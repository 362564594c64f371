from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2
import pytest

from sitegen.build import build
from sitegen.config import load_config

SEED_IDS = [
    "000_62a7b35b78715ad0",
    "001_a1a39c06a4cbffd7",
    "002_d4f3851b5aa9acad",
    "003_306fff49e1a44454",
    "004_f2a80a27c08aac64",
]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.html_attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_attrs = a
        for key in ("href", "src"):
            if key in a:
                self.urls.append(a[key])


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def built(site: Path) -> Path:
    build(load_config(site))
    return site / "output"


def test_both_languages_with_direction(built: Path) -> None:
    ar = parse(built / "ar" / "index.html").html_attrs
    en = parse(built / "en" / "index.html").html_attrs
    assert (ar["lang"], ar["dir"]) == ("ar", "rtl")
    assert (en["lang"], en["dir"]) == ("en", "ltr")
    root = (built / "index.html").read_text(encoding="utf-8")
    assert 'href="ar/index.html"' in root and 'href="en/index.html"' in root


def test_every_seed_has_article_pages_and_timeline_entries(built: Path) -> None:
    for lang in ("ar", "en"):
        timeline = (built / lang / "index.html").read_text(encoding="utf-8")
        for seed in SEED_IDS:
            assert (built / lang / "articles" / f"{seed}.html").is_file()
            # a card quoting the article, or (undated) a row leading to its card there
            assert f"articles/{seed}.html#" in timeline, f"no incident of {seed} on {lang} timeline"


def test_source_sentences_are_shown(built: Path) -> None:
    """A dated incident's card quotes its sentence on the timeline; an undated
    one's row leads to its card on the article page, which quotes it."""
    timeline = (built / "ar" / "index.html").read_text(encoding="utf-8")
    assert "هجوم ثالث على قرية التح" in timeline
    article = (built / "ar" / "articles" / f"{SEED_IDS[2]}.html").read_text(encoding="utf-8")
    card = article[article.index('class="article-incidents"') :]
    assert "استهدفت فصائل المعارضة المسلحة صباح اليوم الجمعة مناطق في بلدة محردة" in card


def test_undated_article_stays_undated(built: Path) -> None:
    html = (built / "en" / "index.html").read_text(encoding="utf-8")
    undated = html[html.index('id="undated"') :]
    assert "002_d4f3851b5aa9acad" in undated


def test_switcher_links_to_same_page_in_other_language(built: Path) -> None:
    page = built / "ar" / "articles" / f"{SEED_IDS[4]}.html"
    urls = parse(page).urls
    assert f"../../en/articles/{SEED_IDS[4]}.html" in urls


def test_every_relative_link_resolves(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 1 + 2 * (1 + len(SEED_IDS))
    for page in pages:
        if page == built / "404.html":
            continue  # served at any depth: absolute from the site's path (test_subpath.py)
        for url in parse(page).urls:
            parts = urlsplit(url)
            assert not parts.scheme or parts.scheme in ("http", "https"), url
            if parts.scheme or parts.netloc:
                continue
            assert not url.startswith("/"), f"absolute link {url} in {page}"
            if not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(built.resolve()), f"{url} leaves the site"
            assert target.is_file(), f"{page.relative_to(built)} links to missing {url}"


def test_failed_build_leaves_previous_output_untouched(built: Path, site: Path) -> None:
    before = snapshot(built)
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("{% block main %}{{ broken(", encoding="utf-8")
    with pytest.raises(jinja2.TemplateError):
        build(load_config(site))
    assert snapshot(built) == before
    assert not list(site.glob(".output.*")), "staging folders left behind"


def test_a_site_template_overrides_the_theme_file_by_file(site: Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "root.html").write_text("<p>own root {{ default }}</p>", encoding="utf-8")
    build(load_config(site))
    assert (site / "output" / "index.html").read_text(encoding="utf-8") == "<p>own root ar</p>"
    assert 'dir="rtl"' in (site / "output" / "ar" / "index.html").read_text(encoding="utf-8")


def test_rebuild_is_byte_identical(site: Path) -> None:
    build(load_config(site))
    first = snapshot(site / "output")
    build(load_config(site))
    assert snapshot(site / "output") == first


def test_month_and_day_pages_are_titled_as_text(built: Path) -> None:
    """Not "2020-02" but the month and the day as a reader says them (issue 19)."""
    titles = {
        ("ar", "2020-02"): "شباط 2020",
        ("en", "2020-02"): "February 2020",
        ("en", "2020-02-28"): "28 February 2020",
    }
    for (lang, key), want in titles.items():
        html = (built / lang / "months" / f"{key}.html").read_text(encoding="utf-8")
        assert f"<title>{want} · " in html, (lang, key)


def test_citations_name_the_article_with_the_page_s_comma(built: Path) -> None:
    """ "<title>، السطر 35" on Arabic pages; an Arabic title on an English page is
    marked as Arabic (WCAG 3.1.2)."""
    ar = (built / "ar" / "months" / "2020-02.html").read_text(encoding="utf-8")
    en = (built / "en" / "months" / "2020-02.html").read_text(encoding="utf-8")
    assert re.search(r"<footer[^>]*><a [^>]*><bdi>[^<]+</bdi>، السطر ", ar)
    assert re.search(r'<footer[^>]*><a [^>]*><bdi lang="ar" dir="rtl">[^<]+</bdi>, line ', en)
    assert ".txt, " not in ar and ".txt, " not in en
