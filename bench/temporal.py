"""Benchmark: articles per second for temporal.find_dates + resolve.

Times are CPU seconds of this process (``time.process_time``), so other jobs
on a shared machine skew the figures less than wall-clock time would.

Builds a deterministic corpus of seed-like articles (sentences of
seeds/*.txt shuffled into ~750-word articles), times find_dates + resolve on
every article, and, when ``dateparser`` is importable (a bench-only tool, not a
dependency), times ``dateparser.search.search_dates(text, languages=['ar'])``
on the same texts and prints the ratio.

    python bench/temporal.py [--articles 2000] [--dateparser-articles 40]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.extract.temporal import find_dates, resolve  # noqa: E402

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?؟\n])\s+")


def sentences() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        body = FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        out += [s.strip() for s in SENTENCE_END.split(body) if len(s.split()) >= 3]
    return out


def corpus(n: int, words: int = 750, seed: int = 20200220) -> list[str]:
    """``n`` articles of about ``words`` words each, the same on every run."""
    rng = random.Random(seed)
    pool = sentences()
    articles = []
    for _ in range(n):
        picked: list[str] = []
        count = 0
        while count < words:
            s = rng.choice(pool)
            picked.append(s)
            count += len(s.split())
        articles.append("\n".join(picked))
    return articles


def run_ours(texts: list[str]) -> tuple[float, int]:
    start = time.process_time()
    found = 0
    pub = date(2020, 2, 20)
    for i, text in enumerate(texts):
        published = pub + timedelta(days=i % 60)
        context = None
        for m in find_dates(text):
            ref = resolve(m, published, context=context)
            if ref.is_dated:
                context = ref
            found += 1
    return time.process_time() - start, found


def run_dateparser(texts: list[str]) -> tuple[float, int] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    warnings.filterwarnings("ignore")
    search_dates("اليوم", languages=["ar"])  # load its language data outside the timing
    start = time.process_time()
    found = 0
    for text in texts:
        found += len(search_dates(text, languages=["ar"]) or [])
    return time.process_time() - start, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--dateparser-articles", type=int, default=40)
    args = ap.parse_args()

    texts = corpus(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    find_dates(texts[0])  # compile the data outside the timing
    ours, n = run_ours(texts)
    ours_rate = len(texts) / ours
    print(f"corpus: {len(texts)} articles, {words:.0f} words each on average")
    print(f"sitegen temporal: {ours_rate:,.0f} articles/s ({n / len(texts):.1f} dates/article)")

    dp = run_dateparser(texts[: args.dateparser_articles])
    if dp is None:
        print("dateparser: not installed (pip install dateparser to compare)")
        return
    dp_time, dp_n = dp
    dp_rate = args.dateparser_articles / dp_time
    print(
        f"dateparser search_dates(languages=['ar']): {dp_rate:,.1f} articles/s "
        f"({dp_n / args.dateparser_articles:.1f} dates/article)"
    )
    print(f"ratio: {ours_rate / dp_rate:,.0f}x (CPU time, one core)")


if __name__ == "__main__":
    main()
