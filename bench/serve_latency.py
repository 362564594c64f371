"""Benchmark: how long from saving an article to the rebuilt page, with ``sitegen serve``.

* edit → served: from the write of an article to the server answering its page
  with the change (polled over HTTP; includes the watcher's debounce quiet period,
  100 ms, and, in memory, making the page when it is asked for);
* edit → browser: from the write to the open tab's DOM showing the change, through
  the server-sent reload (Playwright driving Debian's chromium).

For each corpus size it generates articles with ``make_corpus`` (or, with
``--corpus``, draws real ones from the ANT corpus), starts the preview
in-process on 127.0.0.1 (the first build is timed too), makes one warm-up edit
and then ``--edits`` timed ones, and prints medians. ``--write`` measures
``serve --write`` (the output folder built and served) instead of the preview
in memory.

    python bench/serve_latency.py [--sizes 1000 10000] [--edits 5] [--no-browser]
                                  [--corpus ../shared/corpus/ant-2018.jsonl.xz] [--write]
"""

from __future__ import annotations

import argparse
import http.client
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

from corpus import article_bytes, read_corpus  # noqa: E402
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


def wait_served(address: tuple[str, int], path: str, marker: str, started: float) -> float:
    """Poll the page over HTTP until it holds the marker."""
    needle = marker.encode()
    conn = http.client.HTTPConnection(*address, timeout=TIMEOUT)
    try:
        while time.perf_counter() - started < TIMEOUT:
            conn.request("GET", path)
            if needle in conn.getresponse().read():
                return time.perf_counter() - started
            time.sleep(0.005)
    finally:
        conn.close()
    raise TimeoutError(f"{path} never showed {marker}")


def measure(
    root: Path, edits: int, browser: Any | None, log: Callable[[str], None], write: bool = False
) -> dict[str, Any]:
    rebuilds: list[str] = []
    started = time.perf_counter()
    server = PreviewServer(load_config(root), port=0, say=rebuilds.append, write=write)
    server.start()
    assert server.httpd is not None
    address = (str(server.httpd.server_address[0]), int(server.httpd.server_address[1]))
    first = time.perf_counter() - started
    log(f"  first build {first:.1f}s")
    article = sorted((root / "seeds").glob("*.txt"))[len(list((root / "seeds").glob("*.txt"))) // 2]
    rel = f"ar/articles/{article.stem}.html"
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
            disk = wait_served(address, "/" + rel, marker, t0)
            dom = None
            if tab is not None:
                tab.wait_for_function(
                    f"document.body && document.body.innerText.includes('{marker}')",
                    timeout=TIMEOUT * 1000,
                )
                dom = time.perf_counter() - t0
            log(f"  edit {n}: served {disk:.3f}s" + (f", browser {dom:.3f}s" if dom else ""))
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
    ap.add_argument("--corpus", type=Path, help="draw real articles from this jsonl.xz")
    ap.add_argument("--write", action="store_true", help="serve --write: build the output folder")
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
                if args.corpus:
                    (root / "seeds").mkdir(parents=True)
                    for row in read_corpus(args.corpus, n, args.seed)[:n]:
                        (root / "seeds" / f"{row['id']}.txt").write_bytes(article_bytes(row))
                else:
                    make_corpus(n, root / "seeds", args.seed)
                log(f"{n} articles:")
                rows.append((n, measure(root, args.edits, browser, log, args.write)))
        finally:
            if browser is not None and pw is not None:
                browser.close()
                pw.stop()

    where = "output folder (--write)" if args.write else "in memory"
    print(
        f"\n{where}; median of {args.edits} edits after a warm-up "
        "(debounce quiet period 0.1 s included)"
    )
    print(f"{'articles':>9} {'first build':>12} {'edit→served':>12} {'edit→browser':>13}")
    for n, r in rows:
        dom = f"{r['dom']:.3f} s" if r["dom"] is not None else "—"
        print(f"{n:>9,} {r['first']:>10.1f} s {r['disk']:>10.3f} s {dom:>13}")
    for n, r in rows:
        print(f"{n:,}: {r['last_rebuild']}")


if __name__ == "__main__":
    main()
