"""Benchmark: how long from saving an article to the rebuilt page, with ``sitegen serve``.

* edit → output: from the write of an article to its page on disk holding the change
  (includes the watcher's debounce quiet period, 100 ms);
* edit → browser: from the write to the open tab's DOM showing the change, through
  the server-sent reload (Playwright driving Debian's chromium).

For each corpus size it generates articles with ``make_corpus``, starts the
preview in-process on 127.0.0.1 (the first build is timed too), makes one
warm-up edit and then ``--edits`` timed ones, and prints medians. The 10,000
article corpus takes minutes for its first build: run it in the background.

    python bench/serve_latency.py [--sizes 1000 10000] [--edits 5] [--no-browser]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402

from sitegen.config import load_config  # noqa: E402
from sitegen.serve import PreviewServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
TIMEOUT = 600.0  # seconds one edit may take before the run is declared stuck


def edit(article: Path, original: str, n: int) -> str:
    """Rewrite the article with one new dated incident; its casualty count is the marker."""
    marker = str(70000 + n)
    sentence = f"وقتل {marker} مدنيا في قصف على بلدة سرمين بريف إدلب يوم الخميس."
    article.write_text(original + f"\n{sentence}\n", encoding="utf-8")
    return marker


def wait_on_disk(page: Path, marker: str, started: float) -> float:
    needle = marker.encode()
    while time.perf_counter() - started < TIMEOUT:
        try:
            if needle in page.read_bytes():
                return time.perf_counter() - started
        except FileNotFoundError:
            pass  # the instant of the output swap
        time.sleep(0.002)
    raise TimeoutError(f"{page} never showed {marker}")


def measure(
    root: Path, edits: int, browser: Any | None, log: Callable[[str], None]
) -> dict[str, Any]:
    rebuilds: list[str] = []
    started = time.perf_counter()
    server = PreviewServer(load_config(root), port=0, say=rebuilds.append)
    server.start()
    first = time.perf_counter() - started
    log(f"  first build {first:.1f}s")
    article = sorted((root / "seeds").glob("*.txt"))[len(list((root / "seeds").glob("*.txt"))) // 2]
    rel = f"ar/articles/{article.stem}.html"
    page_file = root / "output" / rel
    original = article.read_text(encoding="utf-8")
    tab = None
    if browser is not None:
        tab = browser.new_page()
        tab.goto(server.url + rel)
    to_disk, to_dom = [], []
    try:
        for n in range(edits + 1):  # the first is the warm-up
            t0 = time.perf_counter()
            marker = edit(article, original, n)
            disk = wait_on_disk(page_file, marker, t0)
            dom = None
            if tab is not None:
                tab.wait_for_function(
                    f"document.body && document.body.innerText.includes('{marker}')",
                    timeout=TIMEOUT * 1000,
                )
                dom = time.perf_counter() - t0
            log(f"  edit {n}: output {disk:.3f}s" + (f", browser {dom:.3f}s" if dom else ""))
            if n:
                to_disk.append(disk)
                to_dom += [dom] if dom is not None else []
            time.sleep(0.3)  # let the rebuild's tail (cache writes) finish before the next edit
    finally:
        article.write_text(original, encoding="utf-8")
        server.stop()
    return {
        "first": first,
        "disk": statistics.median(to_disk),
        "dom": statistics.median(to_dom) if to_dom else None,
        "last_rebuild": rebuilds[-1] if rebuilds else "",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--workdir", type=Path, help="where to put the corpora (default: a temp dir)")
    args = ap.parse_args()

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    rows = []
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        pw = browser = None
        if not args.no_browser:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for n in args.sizes:
                root = Path(tmp) / f"site-{n}"
                make_corpus(n, root / "seeds", args.seed)
                log(f"{n} articles:")
                rows.append((n, measure(root, args.edits, browser, log)))
        finally:
            if browser is not None and pw is not None:
                browser.close()
                pw.stop()

    print(f"\nmedian of {args.edits} edits after a warm-up (debounce quiet period 0.1 s included)")
    print(f"{'articles':>9} {'first build':>12} {'edit→output':>12} {'edit→browser':>13}")
    for n, r in rows:
        dom = f"{r['dom']:.3f} s" if r["dom"] is not None else "—"
        print(f"{n:>9,} {r['first']:>10.1f} s {r['disk']:>10.3f} s {dom:>13}")
    for n, r in rows:
        print(f"{n:,}: {r['last_rebuild']}")


if __name__ == "__main__":
    main()
