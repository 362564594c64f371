"""The site works under a sub-path, as GitHub Pages serves it: https://USER.github.io/REPO/.

The seed site is built with base_url .../repo/, served from the folder above
``repo/`` by a local HTTP server, and crawled from the root page through every
page of both languages, following every href and src.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from sitegen.build import build
from sitegen.config import load_config
from tests import searchindex

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SKIP = ("mailto:", "javascript:", "data:", "tel:")
LINK_ATTRS = {"href", "src", "xlink:href", "action", "data-index"}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


@dataclass(frozen=True)
class Served:
    base: str  # http://127.0.0.1:PORT/repo/
    output: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("subpath")
    shutil.copytree(SEEDS, root / "site" / "seeds", ignore=shutil.ignore_patterns("_*"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root / "www")))
    base = f"http://127.0.0.1:{server.server_address[1]}/repo/"
    output = root / "www" / "repo"
    config = load_config(root / "site", output=str(output), base_url=base)
    result = build(config, use_cache=False)
    assert result.analysis.errors == 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(base, output)
    finally:
        server.shutdown()
        server.server_close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in LINK_ATTRS and value:
                self.links.append(value)
            if name == "content" and value and (m := re.search(r"url=(.+)$", value, re.I)):
                self.links.append(m[1].strip())  # <meta http-equiv="refresh">


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""


@dataclass
class Crawl:
    pages: set[str]
    broken: dict[str, str]  # target → the page that links to it
    outside: dict[str, str]


def _crawl(base: str) -> Crawl:
    here = urlsplit(base)
    todo = [base, urljoin(base, "ar/index.html"), urljoin(base, "en/index.html")]
    seen = set(todo)
    crawl = Crawl(set(), {}, {})
    while todo:
        url = todo.pop()
        status, kind, body = _get(url)
        if status != 200 or kind != "text/html":
            continue
        crawl.pages.add(url)
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if link.startswith(SKIP) or (
                parts.scheme in ("http", "https") and parts.netloc != here.netloc
            ):
                continue  # another host: not ours to check
            if not parts.path.startswith(here.path):
                crawl.outside.setdefault(target, url)
            elif target not in seen:
                seen.add(target)
                if _get(target)[0] == 200:
                    todo.append(target)
                else:
                    crawl.broken.setdefault(target, url)
    return crawl


@pytest.fixture(scope="module")
def crawl(served: Served) -> Crawl:
    return _crawl(served.base)


def test_no_broken_link_and_nothing_outside_the_subpath(crawl: Crawl) -> None:
    assert crawl.outside == {}
    assert crawl.broken == {}


def test_every_page_of_both_languages_is_reached(served: Served, crawl: Crawl) -> None:
    on_disk = {
        served.base + p.relative_to(served.output).as_posix() for p in served.output.rglob("*.html")
    }
    reached = crawl.pages | {p + "index.html" for p in crawl.pages if p.endswith("/")}
    # 404.html is linked from nowhere: the host serves it for missing addresses
    assert on_disk - reached == {served.base + "404.html"}
    for lang in ("ar", "en"):
        assert sum(f"/repo/{lang}/" in p for p in crawl.pages) > 20


def test_filter_index_links_resolve(served: Served) -> None:
    """The filter builds links from data-root + each record's "u" (static/filter.js)."""
    for lang in ("ar", "en"):
        records = searchindex.records(served.output / lang)
        assert records
        for record in records:
            page = record["u"].split("#")[0]  # a permalink: day page + anchor
            assert (served.output / lang / page).is_file(), record["u"]


def test_feed_entries_link_under_the_base_url(served: Served) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    for lang in ("ar", "en"):
        feed = ET.parse(served.output / lang / "feed.xml").getroot()
        links = [e.get("href", "") for e in feed.iter(f"{atom}link")]
        assert len(links) > 2
        assert all(href.startswith(served.base) for href in links), links
        for entry in feed.iter(f"{atom}entry"):
            href = entry.find(f"{atom}link").get("href", "")  # type: ignore[union-attr]
            assert _get(href)[0] == 200, href


def test_sitemap_locations_under_the_base_url(served: Served) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ET.parse(served.output / "sitemap.xml").getroot()
    urls = [e.text or "" for e in sitemap.findall("s:url/s:loc", ns)]
    urls += [e.get("href", "") for e in sitemap.findall("s:url/x:link", ns)]
    assert urls
    assert all(u.startswith(served.base) for u in urls)
    assert all(_get(u)[0] == 200 for u in urls[:20])


def test_incidents_json_urls_under_the_base_url(served: Served) -> None:
    rows = json.loads((served.output / "incidents.json").read_text(encoding="utf-8"))
    assert rows
    for row in rows:
        assert row["url"].startswith(served.base)
    assert _get(rows[0]["url"])[0] == 200


def test_the_404_page_works_at_any_depth(served: Served) -> None:
    """GitHub Pages answers a missing address with 404.html at that address: its
    links and stylesheet must resolve from any depth, under the sub-path."""
    page = (served.output / "404.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(page)
    assert len(parser.links) >= 4
    for deep in ("ar/2020/02/nothing.html", "en/a/b/c/d.html", "missing"):
        for link in parser.links:
            target = urldefrag(urljoin(served.base + deep, link)).url
            assert target.startswith(served.base), (deep, link)
            assert _get(target)[0] == 200, (deep, link)
