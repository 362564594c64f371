"""Synthetic corpora for the benchmarks: python bench/make_corpus.py N OUT [--seed S]

N articles built from the seed articles' sentences, shuffled, about 750 words
each, with varied publication dates in front matter. The same N and seed
always give the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = 750
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LATIN = re.compile(r"[A-Za-z\u0400-\u04FF]")


def seed_sentences(seeds: Path = REPO / "seeds") -> list[str]:
    """The Arabic news sentences of the seeds (no headlines, posts or debris)."""
    out = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        for line in text.splitlines():
            line = line.strip()
            if len(line.split()) < 8 or len(_LATIN.findall(line)) > len(_ARABIC.findall(line)):
                continue
            out.extend(s.strip() for s in re.split(r"(?<=[.!؟])\s+", line) if len(s.split()) >= 6)
    return out


# How a drawn sentence is used: as it is here; varied by make_varied_corpus.py.
Use = Callable[[random.Random, str], str]


def as_is(rng: random.Random, sentence: str) -> str:
    return sentence


def article(rng: random.Random, sentences: list[str], day: dt.date, use: Use = as_is) -> str:
    body, words = [], 0
    while words < WORDS:
        s = use(rng, rng.choice(sentences))
        body.append(s)
        words += len(s.split())
    paragraphs = ["\n".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return f"---\ndate: {day.isoformat()}\n---\n" + "\n\n".join(paragraphs) + "\n"


def make_corpus(n: int, out: Path, seed: int = 1, use: Use = as_is) -> list[Path]:
    rng = random.Random(seed)
    sentences = seed_sentences()
    out.mkdir(parents=True, exist_ok=True)
    start = dt.date(2019, 1, 1)
    paths = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        path = out / f"{i:05d}.txt"
        path.write_text(article(rng, sentences, day, use), encoding="utf-8")
        paths.append(path)
    return paths


def main(make: Callable[[int, Path, int], list[Path]], doc: str) -> None:
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = make(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main(make_corpus, __doc__ or "")
