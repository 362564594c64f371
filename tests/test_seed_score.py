"""The extractor on the seed articles, scored the way it will be judged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli import main

from .conftest import Shared


@pytest.fixture
def extracted(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--root", str(site), "extract", str(site / "seeds"), "--format", "jsonl"]) == 0
    out = tmp_path / "extracted.jsonl"
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    return out


def test_seed_incidents_score_strict(extracted: Path, shared: Shared) -> None:
    run = subprocess.run(
        [sys.executable, str(shared.scorer), str(shared.gold), str(extracted), "--strict"],
        capture_output=True,
        text=True,
        check=False,
    )
    summary = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout
    assert "core-found 18/18" in summary and "invented-dates 0" in summary


def test_undated_article_has_no_calendar_date(extracted: Path) -> None:
    rows = [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines()]
    undated = [r for r in rows if r["sources"][0]["file"].startswith("002_")]
    assert undated
    assert all(r["date"]["start"] is None for r in undated)
    friday = [r for r in undated if "اليوم الجمعة" in r["date"]["text"]]
    assert friday and friday[0]["date"]["precision"] == "undated"


def test_inferred_publication_dates(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--root", str(site), "check"])
    out = capsys.readouterr().out
    assert "000_62a7b35b78715ad0.txt" in out and "2020-02-20 inferred from the text" in out
    assert "2020-01-22 inferred from the text" in out
