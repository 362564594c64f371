"""Review in the browser (issue 20): an analyst confirms one incident, rejects one,
fixes a date and a place; the overrides file says so and the rebuilt pages show it.
A forged request without the session's token changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitegen.config import load_config
from sitegen.serve import PreviewServer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DAY = "en/months/2020-02-28.html"
CONFIRM = "001_a1a39c06a4cbffd7-airstrike-saraqib"
REJECT = "001_a1a39c06a4cbffd7-diplomacy-syria"
FIX = "001_a1a39c06a4cbffd7-shelling-balyun"
WAIT_MS = 30_000


@pytest.fixture
def reviewing(tmp_path: Path) -> Iterator[PreviewServer]:
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("_*"))
    config = load_config(tmp_path, reviewer="Lina")
    server = PreviewServer(config, port=0, say=lambda _: None, review=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def card(page: Any, incident: str) -> Any:
    return page.locator(f'article.incident[data-id="{incident}"]')


def decided(page: Any, incident: str, status: str) -> None:
    """Wait for the reload after the rebuild: the card shows the decision."""
    page.wait_for_selector(
        f'article.incident[data-id="{incident}"] p.review.{status}', timeout=WAIT_MS
    )


def test_confirm_reject_and_correct(browser: Any, reviewing: PreviewServer) -> None:
    overrides = reviewing.config.source_dir / "_overrides.yaml"
    page = browser.new_page()
    page.goto(reviewing.url + DAY)
    page.wait_for_selector(".review-bar")
    # places are offered from the site's list as the analyst types
    page.wait_for_function("document.querySelectorAll('#review-places option').length > 5")

    card(page, CONFIRM).locator("button.review-confirm").click()
    decided(page, CONFIRM, "confirmed")

    card(page, REJECT).locator("button.review-reject").click()
    page.wait_for_selector(
        f'article.incident[data-id="{REJECT}"]', state="detached", timeout=WAIT_MS
    )

    fix = card(page, FIX)
    fix.locator("button.review-edit").click()
    fix.locator('input[name="start"]').fill("2020-02-27")
    fix.locator('select[name="precision"]').select_option("day")
    fix.locator('input[name="places"]').fill("Kafr Nabl")
    fix.locator('.review-form button[type="submit"]').click()
    page.wait_for_selector(f'article.incident[data-id="{FIX}"]', state="detached", timeout=WAIT_MS)

    entries = yaml.safe_load(overrides.read_text(encoding="utf-8"))
    assert entries[CONFIRM]["confirmed"] is True and entries[CONFIRM]["by"] == "Lina"
    assert entries[REJECT]["drop"] is True
    assert entries[FIX]["date"]["start"] == "2020-02-27" and entries[FIX]["places"] == ["Kafr Nabl"]

    # The corrected incident is on its new day, saying what the machine said.
    page.goto(reviewing.url + "en/months/2020-02-27.html")
    fixed = card(page, FIX)
    assert "Corrected by an analyst" in fixed.locator("p.review").inner_text()
    assert "the machine said" in fixed.locator("p.review").inner_text()
    assert "Kafr Nabl" in fixed.inner_text()

    # A request without the session's token changes nothing.
    before = overrides.read_bytes()
    status = page.evaluate(
        """async (id) => (await fetch("/__sitegen__/review", {method: "POST",
             headers: {"Content-Type": "application/json"},
             body: JSON.stringify({action: "reject", id})})).status""",
        CONFIRM,
    )
    assert status == 403 and overrides.read_bytes() == before
    page.close()


def test_the_built_site_has_no_review_code(reviewing: PreviewServer) -> None:
    from sitegen.build import build

    build(reviewing.config)
    out = reviewing.config.output_dir
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "review.js" not in text and "data-token" not in text, page
