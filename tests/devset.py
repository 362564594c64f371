"""The dev set: real news from the shared corpus, annotated by hand (tests/data/dev-gold/).

    python -m tests.devset [--batch conflict-a ...] [--keep DIR]
    python -m tests.devset --rows before.jsonl          # one judgement per core incident
    python -m tests.devset --against before.jsonl       # after a change: what moved
    python -m tests.devset --batch conflict-ek --kinds  # a sealed batch, scored blind

``--rows`` writes, for every core incident, whether it was found and got its
date, places and figures right, with what the analyst wrote and what was
extracted; ``--against`` compares this run with such a file and prints each
judgement that changed, so a change shows what it won and what it cost.

A batch annotated but not yet in ``BATCHES`` is *sealed*: its articles were
annotated before the extractor read them, and its first score is the held-back
figure. ``--batch`` takes it by name; the score lines and ``--kinds`` (how many
core incidents failed in which way: not found, undated, wrong day, no place…)
show no article, so it can be scored without being read.

Writes each annotated article as the file ``sitegen build`` would read (its
corpus date as front matter), extracts it, and scores the result with the
shared scorer (``../shared/tools/score_incidents.py``), the way the project is
judged: per batch, for the conflict batches together, and for the other
domains. ``tests/test_devset.py`` holds the figures reached; this prints them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).resolve().parent / "data" / "dev-gold"
BATCHES = (
    "conflict-a",
    "conflict-b",
    "conflict-c",
    "conflict-d",
    "conflict-e",
    "conflict-f",
    "conflict-g",
    "conflict-h",
    "conflict-i",
    "conflict-j",
    "conflict-k",
    "conflict-l",
    "conflict-m",
    "conflict-n",
    "conflict-o",
    "conflict-p",
    "conflict-q",
    "conflict-r",
    "conflict-s",
    "conflict-t",
    "conflict-u",
    "conflict-v",
    "conflict-w",
    "conflict-x",
    "conflict-y",
    "conflict-z",
    "conflict-aa",
    "conflict-ab",
    "conflict-ac",
    "conflict-ad",
    "conflict-ae",
    "conflict-af",
    "conflict-ag",
    "conflict-ah",
    "conflict-ai",
    "conflict-aj",
    "conflict-ak",
    "conflict-al",
    "conflict-am",
    "conflict-an",
    "conflict-ao",
    "conflict-ap",
    "conflict-aq",
    "conflict-ar",
    "conflict-as",
    "conflict-at",
    "conflict-au",
    "conflict-av",
    "conflict-aw",
    "conflict-ax",
    "conflict-ay",
    "conflict-az",
    "conflict-ba",
    "conflict-bb",
    "conflict-bc",
    "conflict-bd",
    "conflict-be",
    "conflict-bf",
    "conflict-bg",
    "conflict-bh",
    "conflict-bi",
    "conflict-bj",
    "conflict-bk",
    "conflict-bl",
    "conflict-bm",
    "conflict-bn",
    "conflict-bo",
    "conflict-bp",
    "conflict-bq",
    "conflict-br",
    "conflict-bs",
    "conflict-bt",
    "conflict-bu",
    "conflict-bv",
    "conflict-bw",
    "conflict-bx",
    "conflict-by",
    "conflict-bz",
    "conflict-ca",
    "conflict-cb",
    "conflict-cc",
    "conflict-cd",
    "conflict-ce",
    "conflict-cf",
    "conflict-cg",
    "conflict-ch",
    "conflict-ci",
    "conflict-cj",
    "conflict-ck",
    "conflict-cl",
    "conflict-cm",
    "conflict-cn",
    "conflict-co",
    "conflict-cp",
    "conflict-cq",
    "conflict-cr",
    "conflict-cs",
    "conflict-ct",
    "conflict-cu",
    "conflict-cv",
    "conflict-cw",
    "conflict-cx",
    "conflict-cy",
    "conflict-cz",
    "conflict-da",
    "conflict-db",
    "conflict-dc",
    "conflict-dd",
    "conflict-de",
    "conflict-df",
    "conflict-dg",
    "conflict-dh",
    "conflict-di",
    "conflict-dj",
    "conflict-dk",
    "conflict-dl",
    "conflict-dm",
    "conflict-dn",
    "conflict-do",
    "conflict-dp",
    "conflict-dq",
    "conflict-dr",
    "conflict-ds",
    "conflict-dt",
    "conflict-du",
    "conflict-dv",
    "conflict-dw",
    "conflict-dx",
    "conflict-dy",
    "conflict-dz",
    "conflict-ea",
    "conflict-eb",
    "conflict-ec",
    "conflict-ed",
    "conflict-ee",
    "conflict-ef",
    "conflict-eg",
    "conflict-eh",
    "conflict-ei",
    "conflict-ej",
    "other",
)
CONFLICT = BATCHES[:-1]


@dataclass(frozen=True)
class Score:
    articles: int
    gold: int
    core: int
    found: int
    dated: int
    placed: int
    counted: int
    extracted: int
    unmatched: int
    from_not_incidents: int
    not_incidents: int
    invented: int  # gold says undated, the extraction gives a day or week

    @property
    def per_article(self) -> float:
        return self.extracted / max(1, self.articles)

    @property
    def ratio(self) -> float:
        """Extracted per gold incident."""
        return self.extracted / max(1, self.gold)

    @property
    def matched_share(self) -> float:
        return 1 - self.unmatched / max(1, self.extracted)

    def line(self, name: str) -> str:
        n = self.core
        return (
            f"{name:<11} {self.articles:3} art · extracted {self.extracted:4} "
            f"({self.per_article:.2f}/art, {self.ratio:.2f}× gold {self.gold}) · "
            f"matched {100 * self.matched_share:3.0f} % · core found {self.found}/{n} "
            f"date {self.dated}/{n} places {self.placed}/{n} counts {self.counted}/{n} · "
            f"not-incidents {self.from_not_incidents}/{self.not_incidents} · "
            f"invented {self.invented}"
        )


def load_gold(batches: tuple[str, ...] = BATCHES) -> dict[str, Any]:
    articles = []
    for name in batches:
        data = json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8"))
        articles += data["articles"]
    return {"about": "dev set: " + ", ".join(batches), "articles": articles}


def write_articles(gold: dict[str, Any], corpus: dict[str, dict[str, Any]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in gold["articles"]:
        row = corpus[article["file"].removesuffix(".txt")]
        title = json.dumps(row["title"], ensure_ascii=False)  # JSON strings are YAML
        text = f"---\ndate: {row['date']}\ntitle: {title}\n---\n{row['text']}\n"
        (folder / article["file"]).write_text(text, encoding="utf-8")


def extract(folder: Path) -> list[dict[str, Any]]:
    from sitegen.build import analyse
    from sitegen.config import load_config
    from sitegen.read import discover

    analysis = analyse(load_config(folder.parent), paths=discover(folder))
    return [i.as_json() for x in analysis.extractions for i in x.incidents]


def score(gold: dict[str, Any], extracted: list[dict[str, Any]], scorer: Path) -> Score:
    with tempfile.TemporaryDirectory() as tmp:
        gold_file, got_file = Path(tmp) / "gold.json", Path(tmp) / "got.jsonl"
        gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        got_file.write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in extracted), encoding="utf-8"
        )
        run = subprocess.run(
            [sys.executable, str(scorer), str(gold_file), str(got_file)],
            capture_output=True,
            text=True,
            check=False,
        )
    return _parse(run.stdout, gold, extracted)


def _parse(out: str, gold: dict[str, Any], extracted: list[dict[str, Any]]) -> Score:
    summary = re.search(
        r"core-found (\d+)/(\d+) · core-date-right (\d+)/\d+ · core-places (\d+)/\d+ · "
        r"core-counts (\d+)/\d+",
        out,
    )
    unmatched = re.search(r"unmatched (\d+)", out)
    negs = re.search(r"not-incidents: (\d+) extracted from the (\d+) sentences", out)
    assert summary and unmatched, out
    found, core, dated, placed, counted = (int(g) for g in summary.groups())
    undated_wrong = sum(
        1
        for line in out.splitlines()
        if (m := re.match(r"(CORE|opt ) (\S+)\s+found=1 date=0 .* got=(\S+)/", line))
        and _undated_ids(gold).__contains__(m.group(2))
        and m.group(3) != "None"
    )
    return Score(
        articles=len(gold["articles"]),
        gold=sum(len(a["incidents"]) for a in gold["articles"]),
        core=core,
        found=found,
        dated=dated,
        placed=placed,
        counted=counted,
        extracted=len(extracted),
        unmatched=int(unmatched.group(1)),
        from_not_incidents=int(negs.group(1)) if negs else 0,
        not_incidents=int(negs.group(2)) if negs else 0,
        invented=undated_wrong,
    )


def _undated_ids(gold: dict[str, Any]) -> set[str]:
    return {
        i["id"] for a in gold["articles"] for i in a["incidents"] if i["precision"] == "undated"
    }


def run(
    corpus: dict[str, dict[str, Any]], scorer: Path, folder: Path, batches: tuple[str, ...]
) -> dict[str, Score]:
    """Scores per batch, for the conflict batches together, and for everything."""
    gold = load_gold(batches)
    write_articles(gold, corpus, folder / "seeds")
    extracted = extract(folder / "seeds")
    groups = {name: (name,) for name in batches}
    if set(CONFLICT) <= set(batches):
        groups["conflict"] = CONFLICT
    groups["all"] = batches
    out = {}
    for name, members in groups.items():
        part = load_gold(members)
        stems = {a["file"].removesuffix(".txt") for a in part["articles"]}
        mine = [x for x in extracted if x["sources"][0]["file"].removesuffix(".txt") in stems]
        out[name] = score(part, mine, scorer)
    return out


def judgements(
    gold: dict[str, Any], extracted: list[dict[str, Any]], scorer: Path
) -> list[dict[str, Any]]:
    """Per core incident, the scorer's verdicts and what they were given (its
    rules, read from the scorer itself: the best candidate is the one it picks)."""
    sc = _scorer_module(scorer)
    rows = []
    for article in gold["articles"]:
        stem = article["file"].removesuffix(".txt")
        mine = [x for x in extracted if stem in x["sources"][0]["file"]]
        for g in (g for g in article["incidents"] if g["core"]):
            told = [x for x in mine if any(sc.overlaps(g["cue"], s["quote"]) for s in x["sources"])]
            best = max(
                told,
                key=lambda x: (sc.date_ok(g, x), sc.places_ok(g, x), sc.counts_ok(g, x)),
                default=None,
            )
            got = best or {}
            rows.append(
                {
                    "id": g["id"],
                    "file": stem,
                    "found": best is not None,
                    "date": best is not None and sc.date_ok(g, best),
                    "places": best is not None and sc.places_ok(g, best),
                    "counts": best is not None and sc.counts_ok(g, best),
                    "gold": {
                        k: g.get(k) for k in ("date", "precision", "places_ar", "killed", "wounded")
                    },
                    "got": {
                        "date": got.get("date"),
                        "places_ar": [p["ar"] for p in got.get("places", [])],
                        "casualties": got.get("casualties"),
                        "quote": got["sources"][0]["quote"] if got else "",
                    },
                    "cue": g["cue"],
                }
            )
    return rows


def _gold_batches() -> list[str]:
    """Every annotated batch, joined (``BATCHES``) or sealed."""
    return [p.stem for p in GOLD_DIR.glob("*.json")]


def kinds(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many core incidents failed in which way, from ``judgements``: counts
    only, nothing of the articles (a sealed batch stays unread)."""
    out: dict[str, int] = {}

    def add(kind: str) -> None:
        out[kind] = out.get(kind, 0) + 1

    for r in rows:
        if not r["found"]:
            add("not found")
            continue
        gold, got = r["gold"], r["got"]
        if not r["date"]:
            add(f"date: {_date_failure(gold, got.get('date') or {})}")
        if not r["places"]:
            add("places: none given" if not got["places_ar"] else "places: other places")
        if not r["counts"]:
            c = got.get("casualties") or {}
            none = c.get("killed") is None and c.get("wounded") is None
            add("figures: none given" if none else "figures: other figures")
    return out


def _date_failure(gold: dict[str, Any], got: dict[str, Any]) -> str:
    if not got.get("start"):
        return "undated, the analyst dates it"
    if gold["precision"] == "undated":
        return "dated, the analyst leaves it undated"
    if got.get("precision") != gold["precision"]:
        return f"{got.get('precision')} where the analyst has {gold['precision']}"
    return "another day"


def _scorer_module(scorer: Path) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_incidents", scorer)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    """Lines for the verdicts that differ between two runs of ``judgements``."""
    old = {(r["file"], r["id"]): r for r in before}  # ids repeat across articles
    out = []
    for r in after:
        was = old.get((r["file"], r["id"]))
        if was is None:
            continue
        for key in ("found", "date", "places", "counts"):
            if was[key] != r[key]:
                sign = "+" if r[key] else "-"
                out.append(f"{sign} {key:<6} {r['id']:<28} {_shown(r, key)}")
    return out


def _shown(row: dict[str, Any], key: str) -> str:
    got, gold = row["got"], row["gold"]
    if key == "date":
        d = got["date"] or {}
        return f"gold {gold['date']} {gold['precision']}; got {d.get('start')}/{d.get('end')} {d.get('precision')}"
    if key == "places":
        return f"gold {gold['places_ar']}; got {got['places_ar']}"
    if key == "counts":
        c = got["casualties"] or {}
        return f"gold {gold['killed']}/{gold['wounded']}; got {c.get('killed')}/{c.get('wounded')}"
    return row["cue"][:80]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", action="append", choices=sorted(_gold_batches()))
    ap.add_argument("--keep", type=Path, help="write the articles here (else a temporary folder)")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--rows", type=Path, help="write one judgement per core incident (JSON lines)")
    ap.add_argument("--against", type=Path, help="print the judgements that differ from this file")
    ap.add_argument("--kinds", action="store_true", help="count the failures by kind (blind-safe)")
    args = ap.parse_args()
    from tests.conftest import Shared

    shared = Shared(args.shared)
    batches = tuple(args.batch or BATCHES)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        scores = run(shared.corpus(), shared.scorer, folder, batches)
        if args.rows or args.against or args.kinds:
            rows = judgements(load_gold(batches), extract(folder / "seeds"), shared.scorer)
    for name, s in scores.items():
        print(s.line(name))
    if args.kinds:
        for kind, n in sorted(kinds(rows).items()):
            print(f"{n:5}  {kind}")
    if args.rows:
        args.rows.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
        )
    if args.against:
        before = [json.loads(line) for line in args.against.read_text("utf-8").splitlines() if line]
        print("\n".join(changes(before, rows)) or "no judgement changed")


if __name__ == "__main__":
    main()
