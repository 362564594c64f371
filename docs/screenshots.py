"""Screenshots of the seed site for the README: python docs/screenshots.py

Builds the seed site into a temporary folder, serves it on 127.0.0.1 and
photographs the Arabic and English timelines with Debian's chromium.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sitegen.build import build  # noqa: E402
from sitegen.config import load_config  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


SIZES = ((1280, 1400), (390, 2200))  # a laptop, a phone (390 CSS px wide): the top of the page


def shoot(page: object, name: str, full_page: bool = False) -> None:
    out = REPO / "docs" / name
    page.screenshot(path=str(out), full_page=full_page)  # type: ignore[attr-defined]
    print(f"wrote {out.relative_to(REPO)}")


def review(browser: object, root: Path) -> None:
    """The review controls of `sitegen serve --review`, one card's form open."""
    from sitegen.serve import PreviewServer

    server = PreviewServer(load_config(root, reviewer="Lina"), port=0, say=lambda _: None,
                           review=True)  # fmt: skip
    server.start()
    try:
        page = browser.new_page(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
        page.goto(server.url + "en/months/2020-02-28.html")
        card = page.locator('article.incident[data-id="001_a1a39c06a4cbffd7-shelling-balyun"]')
        card.locator("button.review-edit").click()
        card.scroll_into_view_if_needed()
        shoot(page, "review-en.png")
        page.close()
    finally:
        server.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "seeds", root / "seeds")
        build(load_config(root), use_cache=False)
        handler = functools.partial(Quiet, directory=str(root / "output"))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1500})
            for lang in ("ar", "en"):
                page.goto(f"{base}/{lang}/index.html")
                page.evaluate("document.querySelector('#timeline').scrollIntoView()")
                shoot(page, f"timeline-{lang}.png")
            # The front page (chart, map, list) on a desktop and on a phone.
            for width, height in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height})
                for lang in ("ar", "en"):
                    page.goto(f"{base}/{lang}/index.html")
                    shoot(page, f"home-{lang}-{width}.png")
                page.close()
            review(browser, root)
            browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main()
