"""sitegen serve in a real browser: an edit shows up without a manual reload, a broken
template shows an overlay naming the file and line, and the fix clears it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import load_config
from sitegen.serve import PreviewServer, Problem

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

ARTICLE = "003_306fff49e1a44454.txt"
NEW_INCIDENT = "وقتل 7 مدنيين في قصف على بلدة سرمين بريف إدلب يوم الخميس."
WAIT_MS = 30_000


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[PreviewServer]:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    server = PreviewServer(load_config(tmp_path), port=0, say=lambda _: None)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def served(preview: PreviewServer) -> tuple[Path, str]:
    return preview.config.root, preview.url


def open_tab(context: Any, url: str) -> tuple[Any, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, errors


def test_edit_then_break_then_fix(browser: Any, served: tuple[Path, str]) -> None:
    root, url = served
    context = browser.new_context()
    ar, ar_errors = open_tab(context, f"{url}ar/index.html")
    en, _ = open_tab(context, f"{url}en/index.html")  # a second tab shares the one stream
    assert "سرمين" not in ar.inner_text("body")
    ar.evaluate("window.scrollTo(0, 400)")
    ar.evaluate("window.notReloaded = true")

    article = root / "seeds" / ARTICLE
    article.write_text(
        article.read_text(encoding="utf-8") + f"\n{NEW_INCIDENT}\n", encoding="utf-8"
    )
    ar.wait_for_function("document.body.innerText.includes('سرمين')", timeout=WAIT_MS)
    en.wait_for_function("document.body.innerText.includes('Sarmin')", timeout=WAIT_MS)
    assert ar.evaluate("window.notReloaded") is None  # the page reloaded by itself
    ar.wait_for_function("window.scrollY > 300", timeout=5_000)  # and kept its place

    templates = root / "templates"
    templates.mkdir()
    (templates / "index.html").write_text("{% block main %}{{ broken(\n", encoding="utf-8")
    overlay = ar.locator("#sitegen-overlay[role=alert]")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "templates/index.html:1" in overlay.inner_text()
    assert overlay.get_attribute("dir") == "rtl"
    assert "سرمين" in ar.inner_text("body")  # still the last good site under the overlay
    en.locator("#sitegen-overlay").wait_for(state="visible", timeout=WAIT_MS)
    assert en.locator("#sitegen-overlay").get_attribute("dir") == "ltr"

    (templates / "index.html").unlink()
    overlay.wait_for(state="detached", timeout=WAIT_MS)
    en.locator("#sitegen-overlay").wait_for(state="detached", timeout=WAIT_MS)
    assert "سرمين" in ar.inner_text("body")
    assert ar_errors == []
    context.close()


def test_a_page_opened_while_broken_shows_the_overlay(
    browser: Any, served: tuple[Path, str]
) -> None:
    root, url = served
    (root / "templates").mkdir()
    (root / "templates" / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}{{ broken(\n', encoding="utf-8"
    )
    context = browser.new_context()
    page, _ = open_tab(context, f"{url}en/index.html")
    overlay = page.locator("#sitegen-overlay")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "templates/index.html:1" in overlay.inner_text()
    context.close()


def test_without_shared_workers_each_tab_streams_itself(
    browser: Any, preview: PreviewServer
) -> None:
    context = browser.new_context()
    context.add_init_script("delete window.SharedWorker")
    page, errors = open_tab(context, f"{preview.url}ar/about.html")
    page.evaluate("window.notReloaded = true")
    preview.preview.publish([Problem("seeds/x.txt", 4, "front matter: bad YAML")], wrote=False)
    overlay = page.locator("#sitegen-overlay")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "seeds/x.txt:4" in overlay.inner_text()
    preview.preview.publish([], wrote=True)
    page.wait_for_function("window.notReloaded === undefined", timeout=WAIT_MS)
    assert page.locator("#sitegen-overlay").count() == 0
    assert errors == []
    context.close()


def test_tabs_reload_after_the_server_restarts(browser: Any, preview: PreviewServer) -> None:
    context = browser.new_context()
    page, _ = open_tab(context, f"{preview.url}en/index.html")
    page.evaluate("window.notReloaded = true")
    port = preview.httpd.server_address[1]  # type: ignore[union-attr]
    preview.stop()
    again = PreviewServer(preview.config, port=port, explicit_port=True, say=lambda _: None)
    again.start()
    try:
        page.wait_for_function("window.notReloaded === undefined", timeout=WAIT_MS)
        assert page.url.endswith("/en/index.html")
    finally:
        again.stop()
    context.close()
