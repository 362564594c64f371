#!/usr/bin/env python3
"""Summarise bench/anchors.sh's measurements: medians and paired ratios.

    python bench/anchors/report.py RESULTS.jsonl [--output N:TOOL=DIR ...] [--json PATH]

RESULTS.jsonl holds bench/measure.py lines labelled "N TOOL ROUND", TOOL one of
hugo, sitegen-h (the sitegen run right after that round's Hugo run), pelican and
sitegen-p (right after Pelican). The ratios are medians of the per-round ratios of
neighbouring runs (sitegen-h/hugo, pelican/sitegen-p), so slow drift of the machine
cancels; sitegen's row is the median of all its runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

MEASURES = ("wall", "cpu", "maxrss_mib", "tree_pss_mib")
PAIRS = {"sitegen/Hugo": ("sitegen-h", "hugo"), "Pelican/sitegen": ("pelican", "sitegen-p")}


def load(path: Path) -> dict[int, dict[str, dict[int, dict[str, Any]]]]:
    """{N: {tool: {round: measurement}}}"""
    out: dict[int, dict[str, dict[int, dict[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        m = json.loads(line)
        n, tool, rnd = m["label"].split()
        out[int(n)][tool][int(rnd)] = m
    return out


def median(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return statistics.median(got) if got else None


def folder_size(folder: Path) -> dict[str, int]:
    files = size = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return {"files": files, "bytes": size}


def summarise(
    data: dict[int, dict[str, dict[int, dict[str, Any]]]], outputs: dict[tuple[int, str], Path]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for n, tools in sorted(data.items()):
        rows: dict[str, Any] = {}
        groups = {
            "hugo": list(tools.get("hugo", {}).values()),
            "sitegen": [*tools.get("sitegen-h", {}).values(), *tools.get("sitegen-p", {}).values()],
            "pelican": list(tools.get("pelican", {}).values()),
        }
        for tool, runs in groups.items():
            if not runs:
                continue
            rows[tool] = {k: median([r[k] for r in runs]) for k in MEASURES}
            rows[tool]["runs"] = len(runs)
            rows[tool]["failed"] = sum(1 for r in runs if r["rc"] != 0)
            if (n, tool) in outputs and outputs[n, tool].is_dir():
                rows[tool]["output"] = folder_size(outputs[n, tool])
        ratios: dict[str, dict[str, float | None]] = {}
        for name, (top, bottom) in PAIRS.items():
            a, b = tools.get(top, {}), tools.get(bottom, {})
            rounds = sorted(set(a) & set(b))
            if not rounds:
                continue
            ratios[name] = {
                k: median(
                    [a[r][k] / b[r][k] if a[r][k] is not None and b[r][k] else None for r in rounds]
                )
                for k in MEASURES
            }
        result[str(n)] = {"tools": rows, "ratios": ratios}
    return result


def _f(value: float | None, fmt: str) -> str:
    width = fmt.split(".")[0].rstrip("f,")
    return f"{'—':>{width or 0}}" if value is None else format(value, fmt)


def _x(value: float | None, width: int) -> str:
    return f"{'—' if value is None else f'{value:.3g}×':>{width}}"


def print_report(summary: dict[str, Any]) -> None:
    for n, s in summary.items():
        runs = max((r["runs"] for r in s["tools"].values()), default=0)
        print(f"\n{int(n):,} articles — cold builds, medians (sitegen: {runs} runs)")
        print(
            f"  {'':<10}{'wall s':>9}{'CPU s':>9}{'max RSS MiB':>13}{'tree PSS MiB':>14}"
            f"{'output MiB':>12}{'files':>9}"
        )
        for tool in ("hugo", "sitegen", "pelican"):
            if tool not in s["tools"]:
                continue
            r = s["tools"][tool]
            out = r.get("output")
            mib = out["bytes"] / 2**20 if out else None
            files = f"{out['files']:>9,}" if out else f"{'—':>9}"
            bad = f"  ({r['failed']} runs FAILED)" if r["failed"] else ""
            print(
                f"  {tool:<10}{_f(r['wall'], '9.2f')}{_f(r['cpu'], '9.2f')}"
                f"{_f(r['maxrss_mib'], '13.0f')}{_f(r['tree_pss_mib'], '14.0f')}"
                f"{_f(mib, '12.1f')}{files}{bad}"
            )
        if s["ratios"]:
            print(f"  {'ratio':<16}{'wall':>9}{'CPU':>9}{'max RSS':>10}{'tree PSS':>10}")
            for name, r in s["ratios"].items():
                print(
                    f"  {name:<16}{_x(r['wall'], 9)}{_x(r['cpu'], 9)}"
                    f"{_x(r['maxrss_mib'], 10)}{_x(r['tree_pss_mib'], 10)}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", type=Path)
    ap.add_argument("--output", action="append", default=[], help="N:TOOL=DIR, for sizes")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    outputs: dict[tuple[int, str], Path] = {}
    for spec in args.output:
        key, _, folder = spec.partition("=")
        n, _, tool = key.partition(":")
        outputs[int(n), tool] = Path(folder)
    summary = summarise(load(args.results), outputs)
    print_report(summary)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    failed = any(r["failed"] for s in summary.values() for r in s["tools"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
