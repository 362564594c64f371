from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sitegen import cli
from sitegen.cli import main

KEYS = {"id", "date", "type", "places", "actors", "reported_by", "casualties", "sources", "summary"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_has_the_contract_keys(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--root", str(site), "extract", str(site / "seeds"), "--format", "jsonl"
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    files = set()
    for row in rows:
        assert set(row) == KEYS
        assert set(row["date"]) == {"start", "end", "precision", "text", "basis"}
        assert set(row["casualties"]) == {
            "killed",
            "wounded",
            "displaced",
            "approximate",
            "unnumbered",
        }
        assert set(row["summary"]) == {"ar", "en"}
        for p in row["places"]:
            # a governorate or country the places lie in is marked as context
            assert set(p) - {"context"} == {"ar", "en", "lat", "lon"}
            assert p.get("context", True) is True
        for s in row["sources"]:
            assert set(s) == {"file", "line", "quote"}
            files.add(s["file"])
        for key in ("start", "end"):
            assert row["date"][key] is None or len(row["date"][key]) == 10
    assert len(files) == 5


def test_no_incident_of_the_undated_article_has_a_date(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(
        capsys, "--root", str(site), "extract", str(site / "seeds" / "002_d4f3851b5aa9acad.txt")
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    assert all(r["date"]["start"] is None and r["date"]["precision"] == "undated" for r in rows)


def test_extract_json_and_csv(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--root", str(site), "extract", "--format", "json")
    n = len(json.loads(out))
    _, out, _ = run(capsys, "--root", str(site), "extract", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == n
    assert rows[0]["id"] and rows[0]["quote"]


def test_build_exit_codes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(site), "build")
    assert code == 0
    assert "built 5 articles" in err
    (site / "seeds" / "bad.txt").write_text("---\ndate: nope\n---\nنص.\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(site), "build")
    assert code == 1
    assert "seeds/bad.txt:2: error:" in err
    assert "built 5 articles" in err  # the others are still built
    assert (site / "output" / "ar" / "articles" / "004_f2a80a27c08aac64.html").is_file()


def test_check_names_the_undated_article(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(site), "check")
    assert code == 1
    assert "seeds/002_d4f3851b5aa9acad.txt:1: warning: no publication date" in out
    assert "inferred from the text" in out  # 000 and 004 say how their date was found


def test_config_errors_name_the_key(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "sitegen.toml").write_text('titel = "x"\n', encoding="utf-8")
    code, _, err = run(capsys, "--root", str(site), "build")
    assert code == 2
    assert "unknown key 'titel'" in err
    (site / "sitegen.toml").write_text("arabic_digits = 3\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(site), "build")
    assert code == 2
    assert "'arabic_digits' must be str" in err


def test_config_settings_apply(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "sitegen.toml").write_text(
        'arabic_digits = "arab"\noutput = "public"\n\n[title]\nar = "عنوان"\nen = "My timeline"\n',
        encoding="utf-8",
    )
    code, _, _ = run(capsys, "--root", str(site), "build")
    assert code == 0
    en = (site / "public" / "en" / "index.html").read_text(encoding="utf-8")
    ar = (site / "public" / "ar" / "index.html").read_text(encoding="utf-8")
    assert "My timeline" in en
    assert "عنوان" in ar
    assert "٢٠٢٠" in ar and "٢٠٢٠" not in en


def test_progress_is_shown_ten_times_a_second_not_once_per_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter([10.0, 10.01, 10.02, 10.2, 10.21, 10.22])
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    show = cli._progress_printer()
    show("render", 1, 0)
    show("render", 2, 0)  # 10 ms later: skipped
    show("extract", 1, 3)  # a new stage: shown
    show("extract", 2, 3)  # 180 ms later: shown
    show("extract", 3, 3)  # the last: shown
    show("render", 3, 0)
    lines = capsys.readouterr().err.split("\r\033[K")[1:]
    assert lines == ["render 1", "extract 1/3", "extract 2/3", "extract 3/3", "render 3"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--root", "{site}", "--quiet", "build"],
        ["build", "--root", "{site}", "--quiet"],
        ["build", "-q", "--root", "{site}"],
    ],
)
def test_root_and_quiet_work_before_and_after_the_command(
    site: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *(a.format(site=site) for a in argv))
    assert code == 0
    assert (site / "output" / "index.html").is_file()
    assert out == "" and err == ""  # quiet: only errors, and there are none


def test_quiet_still_prints_errors(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "seeds" / "bad.txt").write_text("---\ndate: nope\n---\nنص.\n", encoding="utf-8")
    code, _, err = run(capsys, "build", "--root", str(site), "-q")
    assert code == 1
    assert err.splitlines() == [err.splitlines()[0]] and "seeds/bad.txt:2: error:" in err
    code, out, err = run(capsys, "check", "--root", str(site), "-q")
    assert code == 1 and "error:" in out and "warning:" not in out and err == ""


def test_counts_are_singular_and_plural(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in (site / "seeds").iterdir():
        if not path.name.startswith("001_"):
            path.unlink()
    (site / "seeds" / "bad.txt").write_text("---\ndate: nope\n---\nنص.\n", encoding="utf-8")
    _, _, err = run(capsys, "--root", str(site), "build")
    summary = err.splitlines()[-2]
    assert summary.startswith("built 1 article, ") and "1 error, 0 warnings" in summary
    _, _, err = run(capsys, "--root", str(site), "check")
    assert "1 article checked: 1 error, " in err
