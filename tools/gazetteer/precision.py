"""What places.csv adds to the place matcher, on real news, for a person to judge.

    python tools/gazetteer/precision.py [--corpus ../shared/corpus/ant-2018.jsonl.xz]
        [--articles 300] [--review 50] [--seed 2018] [--out /tmp/places-review.tsv]

Samples ``--articles`` Middle East articles (category ``middleEast``) with a fixed
seed, finds places with the curated gazetteer alone and with places.csv as well,
and prints how many mentions places.csv adds (new spans, or a span read as
another place). Then ``--review`` of the added mentions, drawn at random, are
written with their context to a TSV file with an empty ``ok`` column to fill in
by hand; ``--score FILE`` counts a filled-in file.
"""

from __future__ import annotations

import argparse
import csv
import json
import lzma
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sitegen.extract import places  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ant-2018.jsonl.xz"


def sample(corpus: Path, n: int, seed: int) -> list[dict]:
    with lzma.open(corpus, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    middle_east = [r for r in rows if r.get("category") == "middleEast"]
    return random.Random(seed).sample(middle_east, n)


def mentions(texts: list[str], generated: bool) -> list[set[tuple[int, int, str, str]]]:
    original = places._add_generated
    if not generated:
        places._add_generated = lambda *a, **k: None  # type: ignore[assignment]
    places._load.cache_clear()
    try:
        return [
            {(m.start, m.end, m.place.en, m.place.kind) for m in places.find_places(t)}
            for t in texts
        ]
    finally:
        places._add_generated = original  # type: ignore[assignment]
        places._load.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--review", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2018, help="draws the articles")
    parser.add_argument("--review-seed", type=int, default=2018, help="draws the review")
    parser.add_argument("--out", type=Path, default=Path("/tmp/places-review.tsv"))
    parser.add_argument("--score", type=Path, help="count a reviewed TSV file and stop")
    args = parser.parse_args()
    if args.score:
        with args.score.open(encoding="utf-8") as f:
            marks = Counter(row["ok"].strip() for row in csv.DictReader(f, delimiter="\t"))
        print(dict(marks))
        return 0

    articles = sample(args.corpus, args.articles, args.seed)
    texts = [a["title"] + "\n" + a["text"] for a in articles]
    before = mentions(texts, generated=False)
    after = mentions(texts, generated=True)
    added, new, reread = [], 0, 0
    for i, (b, a) in enumerate(zip(before, after, strict=True)):
        for m in sorted(a - b):
            added.append((i, m))
            if any(o[0] < m[1] and m[0] < o[1] for o in b):
                reread += 1
            else:
                new += 1
    lost = sum(len(b - a) for b, a in zip(before, after, strict=True))
    print(f"{len(articles)} articles: {sum(map(len, before))} mentions with gazetteer.csv alone,")
    print(f"{sum(map(len, after))} with places.csv too; {len(added)} added ({new} on new spans,")
    print(f"{reread} re-reading a span found before: mostly an unknown name now known),")
    print(f"{lost} gone")
    names = Counter(texts[i][m[0] : m[1]] for i, m in added)
    print("most frequent added:", ", ".join(f"{n} {c}" for n, c in names.most_common(40)))

    picked = random.Random(args.review_seed).sample(added, min(args.review, len(added)))
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["ok", "found", "place", "kind", "span", "context", "article"])
        for i, (start, end, en, kind) in sorted(picked):
            t = texts[i]
            context = t[max(0, start - 60) : start] + "[[" + t[start:end] + "]]" + t[end : end + 60]
            span = "re-read" if any(o[0] < end and start < o[1] for o in before[i]) else "new"
            w.writerow(
                ["", t[start:end], en, kind, span, context.replace("\n", " "), articles[i]["id"]]
            )
    print(f"{len(picked)} for review in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
