#!/usr/bin/env python3
"""Benchmark harness: sitegen's build and extraction times, CPU, memory and output size.

    python bench/run.py [--sizes 1000 10000] [--runs 3] [--corpus-dir DIR] [--json PATH]
                        [--corpus ../shared/corpus/ant-2018.jsonl.xz]

For each size N it makes (once, then reuses) a site folder DIR/N/ holding N synthetic
articles from bench/make_corpus.py in articles/ and a sitegen.toml — or, with
``--corpus``, DIR/real-N/ holding N real articles drawn (seeded) from the ANT corpus,
each with its date and title as front matter — so the build cache
(.sitegen-cache/) and the output (output/) live inside that folder. Then, K times:

* cold build: output/ and .sitegen-cache/ deleted first, then ``sitegen build``
  (a real first build that writes the cache, not ``--no-cache``);
* warm build: ``sitegen build`` again with nothing changed;
* one-article edit: a sentence with a new dated incident appended to one article, then
  ``sitegen build``; the build's wall time is the time to updated output, which the
  harness checks (the article's page must change). The article is restored and the site
  rebuilt, untimed, before the next step;
* extraction alone: ``sitegen extract articles/ --format jsonl`` to /dev/null.

Every command is a child process (``python -m sitegen`` with this checkout on
PYTHONPATH), measured by bench/measure.py: wall time, CPU (user+sys of the child and
the workers it reaped, from ``os.wait4``), peak RSS of its largest process
(``ru_maxrss``) and the sampled peak of the whole tree's PSS. The table shows medians
over the K runs, then the ratio of each size's medians to the smallest size's, and the
output's size after a cold build beside GitHub Pages' 1 GB limit.

"Cold" means sitegen's own cache is gone; the operating system's file cache and
Python's bytecode for sitegen stay warm, as on a developer's machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import article_bytes, read_corpus  # noqa: E402
from make_corpus import make_corpus  # noqa: E402
from measure import Measurement, run_measured  # noqa: E402

DEFAULT_CORPORA = Path("/tmp/sitegen-bench/corpora")
PYCACHE = Path("/tmp/sitegen-bench/pycache")
CONFIG = 'source = "articles"\noutput = "output"\n'
EDIT_SENTENCE = "وفي 3 آذار قتل شخصان في قصف على بلدة كفرنبل."  # dated by the article's year
PAGES_LIMIT = 1_000_000_000  # GitHub Pages: "published sites may be no larger than 1 GB"
KINDS = ("cold", "warm", "edit", "extract")
TITLES = {
    "cold": "cold build",
    "warm": "warm build",
    "edit": "one-article edit",
    "extract": "extract only",
}
N = r"[\d,]+"  # the summary groups thousands: "1,000 articles"
SUMMARY = re.compile(
    rf"built (?P<articles>{N}) articles?, (?P<incidents>{N}) incidents? \((?P<undated>{N}) "
    rf"undated\), (?P<files>{N}) files? \((?P<changed>{N}) changed\); (?P<errors>{N}) errors?, "
    rf"(?P<warnings>{N}) warnings?"
)


class BenchError(Exception):
    pass


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- the site folders ------------------------------------------------------------------------


def ensure_site(n: int, corpus_dir: Path, seed: int = 1, real: Path | None = None) -> Path:
    """DIR/N/ (or DIR/real-N/) with N articles and a sitegen.toml; made once, reused
    while complete."""
    site = corpus_dir / (f"real-{n}" if real else str(n))
    marker = site / ".corpus-complete"
    stamp = f"n={n} seed={seed}" + (f" corpus={real.name}" if real else "") + "\n"
    if not (marker.is_file() and marker.read_text(encoding="utf-8") == stamp):
        say(f"making a corpus of {n} articles in {site}/articles ...")
        if site.exists():
            shutil.rmtree(site)
        if real:
            write_real(read_corpus(real, n, seed)[:n], site / "articles")
        else:
            make_corpus(n, site / "articles", seed)
        (site / "sitegen.toml").write_text(CONFIG, encoding="utf-8")
        marker.write_text(stamp, encoding="utf-8")
    return site


def write_real(rows: list[dict[str, Any]], folder: Path) -> None:
    """Real articles as the files a newsroom would collect: date and title up front."""
    folder.mkdir(parents=True)
    for row in rows:
        (folder / f"{row['id']}.txt").write_bytes(article_bytes(row))


def clean_build_state(site: Path) -> None:
    """Remove the output, its staging leftovers and the cache: the next build is cold."""
    for path in [site / "output", site / ".sitegen-cache", *site.glob(".output*")]:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def output_size(folder: Path) -> dict[str, Any]:
    files = size = blocks = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            files += 1
            size += st.st_size
            blocks += st.st_blocks * 512
    return {
        "files": files,
        "bytes": size,
        "mib": size / 2**20,
        "disk_bytes": blocks,
        "pages_limit_fraction": size / PAGES_LIMIT,
    }


def code_digest() -> str:
    """A digest of the code and theme being measured, to notice an edit during a run."""
    h = hashlib.sha256()
    for folder in ("sitegen", "templates", "static"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


# --- running sitegen -------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    # Compiled bytecode is kept, as an installed sitegen's would be, but outside the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def sitegen(site: Path, args: list[str], kind: str, log: Path) -> tuple[Measurement, dict]:
    """Run ``python -m sitegen ARGS`` in the site folder; stderr goes to ``log``."""
    cmd = [sys.executable, "-m", "sitegen", *args]
    with log.open("wb") as err:
        m = run_measured(
            cmd, label=kind, cwd=site, env=child_env(), stdout=subprocess.DEVNULL, stderr=err
        )
    text = log.read_text(encoding="utf-8", errors="replace")
    if m.rc not in (0, 1):  # 1: the articles have errors, the build still ran
        tail = "\n".join(text.splitlines()[-15:])
        raise BenchError(f"{' '.join(cmd)} (in {site}) exited {m.rc}:\n{tail}")
    found = SUMMARY.search(text)
    summary = {k: int(v.replace(",", "")) for k, v in found.groupdict().items()} if found else {}
    return m, summary


def build(site: Path, kind: str, logs: Path) -> tuple[Measurement, dict]:
    m, summary = sitegen(site, ["build"], kind, logs / f"{kind}.log")  # -q hides the summary
    if not summary:
        raise BenchError(f"no build summary in {logs / f'{kind}.log'}")
    return m, summary


def edit_article(site: Path) -> Path:
    articles = sorted((site / "articles").glob("*.txt"))
    return articles[len(articles) // 2]


def one_round(site: Path, n: int, logs: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"code": [code_digest()]}

    clean_build_state(site)
    m, s = build(site, "cold", logs)
    out["cold"] = {**m.as_dict(), "summary": s}
    out["output"] = output_size(site / "output")

    m, s = build(site, "warm", logs)
    out["warm"] = {**m.as_dict(), "summary": s}
    if s.get("changed"):
        say(f"  note: the warm build rewrote {s['changed']} files")

    article = edit_article(site)
    page = site / "output" / "ar" / "articles" / f"{article.stem}.html"
    before = page.read_bytes() if page.exists() else None
    original = article.read_bytes()
    try:
        text = original.decode("utf-8").rstrip("\n")
        article.write_text(f"{text}\n\n{EDIT_SENTENCE}\n", encoding="utf-8")
        m, s = build(site, "edit", logs)
        after = page.read_bytes() if page.exists() else None
    finally:
        article.write_bytes(original)
    if after is None or after == before or EDIT_SENTENCE.encode() not in after:
        raise BenchError(f"the edit of {article.name} did not reach {page}")
    out["edit"] = {
        **m.as_dict(),
        "summary": s,
        "article": article.name,
        "incidents_added": s["incidents"] - out["warm"]["summary"]["incidents"],
    }
    build(site, "restore", logs)  # untimed: back to the original, warm

    m, s = sitegen(site, ["extract", "articles", "--format", "jsonl"], "extract", logs / "x.log")
    out["extract"] = {**m.as_dict(), "articles_per_s": n / m.wall}
    out["code"].append(code_digest())
    return out


# --- figures ---------------------------------------------------------------------------------

MEASURES = ("wall", "cpu", "maxrss_mib", "tree_pss_mib")


def medians(runs: list[dict[str, Any]]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for key in MEASURES:
        values = [r[key] for r in runs if r.get(key) is not None]
        out[key] = statistics.median(values) if values else None
    return out


def summarise(n: int, rounds: list[dict[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {"articles": n, "runs": rounds}
    for kind in KINDS:
        result[kind] = medians([r[kind] for r in rounds])
    result["extract"]["articles_per_s"] = n / result["extract"]["wall"]
    result["cold"]["articles_per_s"] = n / result["cold"]["wall"]
    last = rounds[-1]
    result["output"] = last["output"]
    result["build_summary"] = last["cold"]["summary"]
    result["edit_incidents_added"] = [r["edit"]["incidents_added"] for r in rounds]
    result["code"] = sorted({c for r in rounds for c in r["code"]})
    return result


def ratios(results: dict[int, dict[str, Any]]) -> dict[str, dict[str, dict[str, float | None]]]:
    sizes = sorted(results)
    base = sizes[0]
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for n in sizes[1:]:
        table: dict[str, dict[str, float | None]] = {}
        for kind in KINDS:
            row: dict[str, float | None] = {}
            for key in MEASURES:
                a, b = results[n][kind][key], results[base][kind][key]
                row[key] = a / b if a is not None and b else None
            table[kind] = row
        a_out, b_out = results[n]["output"], results[base]["output"]
        table["output"] = {
            "bytes": a_out["bytes"] / b_out["bytes"] if b_out["bytes"] else None,
            "files": a_out["files"] / b_out["files"] if b_out["files"] else None,
        }
        out[f"{n}/{base}"] = table
    return out


def _f(value: float | None, fmt: str) -> str:
    width = fmt.split(".")[0].rstrip("f,")
    return f"{'—':>{width or 0}}" if value is None else format(value, fmt)


def print_report(results: dict[int, dict[str, Any]], runs: int) -> None:
    head = (
        f"  {'':<18}{'wall s':>9}{'CPU s':>9}{'CPU/wall':>9}{'max RSS MiB':>13}"
        f"{'tree PSS MiB':>14}   throughput"
    )
    for n in sorted(results):
        r = results[n]
        print(f"\n{n:,} articles — medians of {runs} run{'s' if runs != 1 else ''}")
        print(head)
        for kind in KINDS:
            m = r[kind]
            util = m["cpu"] / m["wall"] if m["wall"] else None
            extra = ""
            if kind in ("cold", "extract"):
                extra = f"{m['articles_per_s']:,.1f} articles/s"
            print(
                f"  {TITLES[kind]:<18}{_f(m['wall'], '9.2f')}{_f(m['cpu'], '9.2f')}"
                f"{_f(util, '9.2f')}{_f(m['maxrss_mib'], '13.0f')}"
                f"{_f(m['tree_pss_mib'], '14.0f')}   {extra}"
            )
        o, s = r["output"], r["build_summary"]
        print(
            f"  output: {o['bytes']:,} bytes ({o['mib']:,.1f} MiB; {o['disk_bytes'] / 2**20:,.1f}"
            f" MiB on disk) in {o['files']:,} files — {o['pages_limit_fraction']:.1%} of"
            f" GitHub Pages' 1 GB limit" + (" (OVER)" if o["pages_limit_fraction"] > 1 else "")
        )
        print(
            f"  site: {s.get('incidents', 0):,} incidents ({s.get('undated', 0):,} undated); "
            f"{s.get('errors', 0):,} errors, {s.get('warnings', 0):,} warnings; "
            f"the edit added {', '.join(map(str, r['edit_incidents_added']))} incident(s)"
        )
    for label, table in ratios(results).items():
        big, small = map(int, label.split("/"))
        print(f"\nratio {label} of the medians ({big / small:g} would be linear)")
        print(f"  {'':<18}{'wall':>9}{'CPU':>9}{'max RSS':>13}{'tree PSS':>14}")
        for kind in KINDS:
            row = table[kind]
            print(
                f"  {TITLES[kind]:<18}{_f(row['wall'], '9.2f')}{_f(row['cpu'], '9.2f')}"
                f"{_f(row['maxrss_mib'], '13.2f')}{_f(row['tree_pss_mib'], '14.2f')}"
            )
        out = table["output"]
        print(f"  {'output':<18}bytes ×{_f(out['bytes'], '.2f')}, files ×{_f(out['files'], '.2f')}")


def meta(args: argparse.Namespace) -> dict[str, Any]:
    def git(*a: str) -> str:
        try:
            done = subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True)
            return done.stdout.strip()
        except OSError:
            return ""

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--", "sitegen", "templates", "static")),
        "code_digest": code_digest(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "runs": args.runs,
        "seed": args.seed,
        "corpus_dir": str(args.corpus_dir),
        "corpus": str(args.corpus) if args.corpus else "synthetic (bench/make_corpus.py)",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement (default 3)")
    ap.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--corpus", type=Path, help="draw real articles from this jsonl.xz (the ANT corpus)"
    )
    ap.add_argument("--json", type=Path, help="write the results here too")
    ap.add_argument(
        "--prepare-only", action="store_true", help="make the site folders, print their paths"
    )
    args = ap.parse_args(argv)
    if args.runs < 1 or any(n < 1 for n in args.sizes):
        ap.error("--runs and --sizes must be positive")
    args.corpus_dir = args.corpus_dir.resolve()
    # A kill ends the build being measured and restores the edited article, as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    real = args.corpus.resolve() if args.corpus else None
    sizes = sorted(set(args.sizes))
    sites = {n: ensure_site(n, args.corpus_dir, args.seed, real) for n in sizes}
    if args.prepare_only:
        for site in sites.values():
            print(site)
        return 0

    # Untimed: compiles sitegen's bytecode into PYCACHE, so no run pays for it.
    subprocess.run(
        [sys.executable, "-m", "sitegen", "--version"], env=child_env(), capture_output=True
    )
    results: dict[int, dict[str, Any]] = {}
    try:
        for n, site in sites.items():
            logs = site / "bench-logs"
            logs.mkdir(exist_ok=True)
            rounds = []
            for k in range(1, args.runs + 1):
                r = one_round(site, n, logs)
                rounds.append(r)
                say(
                    f"{n} articles, run {k}/{args.runs}: cold {r['cold']['wall']:.1f}s, "
                    f"warm {r['warm']['wall']:.1f}s, edit {r['edit']['wall']:.1f}s, "
                    f"extract {r['extract']['wall']:.1f}s"
                )
            results[n] = summarise(n, rounds)
    except BenchError as exc:
        say(f"bench/run.py: {exc}")
        return 1
    print_report(results, args.runs)
    versions = sorted({c for r in results.values() for c in r["code"]})
    if len(versions) > 1:
        print(
            f"\nWARNING: sitegen's code or theme changed during the benchmark "
            f"({', '.join(versions)}): the figures mix versions; run again."
        )
    if args.json:
        doc = {
            "meta": meta(args),
            "sizes": {str(n): r for n, r in results.items()},
            "ratios": ratios(results),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
        say(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
