#!/usr/bin/env python3
"""Extraction speed in one process, and a snapshot to prove the output unchanged.

    python bench/extract_speed.py ARTICLES_DIR [--limit N] [--snapshot FILE] [--profile FILE]

Reads every article's bytes first (not timed), then runs ``build.process`` on
each in this process — no worker pool, no cache — and prints articles/s by wall
and by CPU time (user+sys of this process). ``--snapshot`` writes ``repr`` of
every result (article with its inferred date, incidents, diagnostics), a
stricter check than ``sitegen extract --format jsonl``: compare two with
``cmp``. ``--profile`` writes cProfile stats of the timed loop, ``--sample``
pyinstrument's call tree (``pip install pyinstrument``); ``--warm`` leaves the
one-time loading of the lexicons out of the timed loop.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import time
from pathlib import Path
from typing import Any

from sitegen.read import discover, read_bytes


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--snapshot", type=Path)
    ap.add_argument("--profile", type=Path)
    ap.add_argument("--sample", type=Path, help="pyinstrument's call tree (text) to FILE")
    ap.add_argument("--week-start", type=int, default=5)
    ap.add_argument("--warm", action="store_true", help="extract one article before timing")
    args = ap.parse_args()

    from sitegen.build import process  # imports the lexicons: not timed

    files = discover(args.articles)
    if args.limit:
        files = files[: args.limit]
    root = args.articles.parent
    inputs = [(p, str(p.relative_to(root)), read_bytes(p)) for p in files]

    if args.warm and inputs:  # load and compile the lexicons outside the timed loop
        process(*inputs[0], args.week_start)
    profiler = cProfile.Profile() if args.profile else None
    sampler = _sampler() if args.sample else None
    cpu0, wall0 = os.times(), time.perf_counter()
    if profiler:
        profiler.enable()
    if sampler:
        sampler.start()
    results = [process(p, label, data, args.week_start) for p, label, data in inputs]
    if sampler:
        sampler.stop()
    if profiler:
        profiler.disable()
    wall = time.perf_counter() - wall0
    cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)

    import sitegen

    print(f"sitegen from {Path(sitegen.__file__).parent}")
    n = len(results)
    incidents = sum(len(r.extraction.incidents) for r in results if r.extraction)
    print(
        f"{n} articles, {incidents} incidents: wall {wall:.2f}s ({n / wall:.1f} articles/s), "
        f"cpu {cpu:.2f}s ({n / cpu:.1f} articles/s)"
    )
    if args.snapshot:
        with args.snapshot.open("w", encoding="utf-8") as fh:
            for r in results:
                fh.write(repr(r) + "\n")
    if profiler and args.profile:
        profiler.dump_stats(args.profile)
    if sampler and args.sample:
        args.sample.write_text(sampler.output_text(unicode=True, show_all=False), encoding="utf-8")
    return 0


def _sampler() -> Any:
    """pyinstrument's sampling profiler: far less overhead than cProfile on small calls."""
    from pyinstrument import Profiler

    return Profiler(interval=0.0005)


if __name__ == "__main__":
    sys.exit(main())
