#!/usr/bin/env python3
"""The extractor over real news: the ANT corpus (31,451 Arabic articles of 2018).

    python bench/corpus.py [--corpus ../shared/corpus/ant-2018.jsonl.xz] [--sample N] [--seed S]
                           [--jobs N] [--out FILE.jsonl]

Each corpus row becomes the article ``sitegen build`` would read (front matter
with its date, the text as the body) and goes through ``build.process`` — the
same read-and-extract the build runs — on all cores. Prints:

- articles/s (wall), and per core;
- incidents per article for each category and each outlet;
- the ids of any article that raised (an internal error), with the exception.

``--out`` writes every incident as ``sitegen extract --format jsonl`` does,
with the article id as the source file, for scoring or reading.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "ant-2018.jsonl.xz"
WEEK_START = 5  # Saturday, the default


def article_bytes(row: dict[str, Any]) -> bytes:
    """A corpus row as an article file: the date (and title) as front matter.

    JSON strings are valid YAML, so the title needs no escaping of its own."""
    head = f"---\ndate: {row['date']}\ntitle: {json.dumps(row['title'], ensure_ascii=False)}\n---\n"
    return (head + row["text"] + "\n").encode("utf-8")


def read_corpus(path: Path, sample: int = 0, seed: int = 1) -> list[dict[str, Any]]:
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if sample and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return rows


def _one(row: dict[str, Any]) -> tuple[str, int, str, list[dict[str, object]]]:
    from sitegen.build import process

    name = f"{row['id']}.txt"
    done = process(Path(name), name, article_bytes(row), WEEK_START)
    incidents = done.extraction.incidents if done.extraction else ()
    return row["id"], len(incidents), done.failure, [i.as_json() for i in incidents]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sample", type=int, default=0, help="a random sample of N articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, help="write the incidents as JSON lines")
    args = ap.parse_args()

    rows = read_corpus(args.corpus, args.sample, args.seed)
    from sitegen.extract.pipeline import warm

    warm()  # compile the lexicons once, before the workers fork
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(_one, rows, chunksize=max(1, len(rows) // (args.jobs * 16))))
    seconds = time.perf_counter() - started

    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for _, _, _, incidents in results:
                fh.writelines(json.dumps(i, ensure_ascii=False) + "\n" for i in incidents)
    report(rows, results, seconds, args.jobs)
    return 1 if any(failure for _, _, failure, _ in results) else 0


def report(rows: list[dict[str, Any]], results: list[Any], seconds: float, jobs: int) -> None:
    n = len(rows)
    total = sum(count for _, count, _, _ in results)
    print(
        f"{n:,} articles in {seconds:.1f} s on {jobs} processes: {n / seconds:.1f} articles/s "
        f"({n / seconds / jobs:.1f} per process); {total:,} incidents ({total / n:.2f} per article)"
    )
    for key in ("category", "source"):
        articles: Counter[str] = Counter()
        incidents: defaultdict[str, int] = defaultdict(int)
        for row, (_, count, _, _) in zip(rows, results, strict=True):
            articles[row[key]] += 1
            incidents[row[key]] += count
        print(f"\nincidents per article by {key}:")
        for name, k in sorted(articles.items(), key=lambda kv: -incidents[kv[0]] / kv[1]):
            print(f"  {name:<20} {incidents[name] / k:5.2f}  ({incidents[name]:,} in {k:,})")
    failed = [(rid, failure) for rid, _, failure, _ in results if failure]
    print(f"\nraised: {len(failed)}")
    for rid, failure in failed:
        print(f"  {rid}: {failure}")


if __name__ == "__main__":
    sys.exit(main())
