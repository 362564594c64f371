"""How far two annotators agree: the ceiling of the dev-set measure.

    python -m tests.agreement

Some dev-set batches were annotated twice, independently, from
``docs/annotation.md`` alone (the second annotation is in
``tests/data/dev-gold/second/``). This scores each annotation, as if it were
extracted, against the other with the shared scorer, the way the extractor is
scored. Where two careful readers differ, the extractor cannot be expected to
agree with either more often; BENCHMARKS.md gives the figures.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from tests.devset import GOLD_DIR, _scorer_module, load_gold, score

SECOND_DIR = GOLD_DIR / "second"


def second_batches() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in SECOND_DIR.glob("*.json")))


def load_second(batches: tuple[str, ...]) -> dict[str, Any]:
    articles = []
    for name in batches:
        articles += json.loads((SECOND_DIR / f"{name}.json").read_text("utf-8"))["articles"]
    return {"about": "second annotation: " + ", ".join(batches), "articles": articles}


def as_extracted(gold: dict[str, Any], scorer: Path) -> list[dict[str, Any]]:
    """An annotation in the shape of ``sitegen extract --format jsonl``: one
    incident per annotated one, its cue and retellings as its sources."""
    span = _scorer_module(scorer)._span
    out = []
    for article in gold["articles"]:
        stem = article["file"].removesuffix(".txt")
        for g in article["incidents"]:
            out.append(
                {
                    "sources": [{"file": stem, "quote": q} for q in [g["cue"], *g.get("also", [])]],
                    "date": _date(g, span),
                    "places": [
                        {"ar": ar, "en": en}
                        for en, ar in zip(g.get("places", []), g.get("places_ar", []), strict=False)
                    ],
                    "casualties": {
                        k: g.get(k, g.get(f"{k}_min")) for k in ("killed", "wounded", "displaced")
                    },
                }
            )
    return out


def _date(g: dict[str, Any], span: Any) -> dict[str, Any]:
    if not g.get("date") or g.get("precision") == "undated":
        return {"start": None, "end": None, "precision": "undated"}
    start, end = span(g["date"])
    assert isinstance(start, date)
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": g["precision"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    scorer = args.shared / "tools" / "score_incidents.py"
    batches = second_batches()
    first, second = load_gold(batches), load_second(batches)
    for name, gold, other in (
        ("second→first", first, second),
        ("first→second", second, first),
    ):
        print(score(gold, as_extracted(other, scorer), scorer).line(name))


if __name__ == "__main__":
    main()
