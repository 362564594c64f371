"""Real archives: a bug on one article, a broken file, a wrong folder never cost the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import build as build_module
from sitegen.cli import main
from sitegen.extract import pipeline

from .conftest import Shared


def _extract_failing_on(monkeypatch: pytest.MonkeyPatch, article_id: str) -> None:
    """Make the extractor raise on one article, as a bug would."""
    real = pipeline.extract

    def extract(article, week_start=pipeline.temporal.WEEK_START_SATURDAY):  # type: ignore[no-untyped-def]
        if article.id == article_id:
            raise TypeError("cannot unpack non-iterable NoneType object")
        return real(article, week_start)

    monkeypatch.setattr(build_module, "extract", extract)


@pytest.mark.parametrize("pool", [False, True], ids=["in-process", "worker-pool"])
def test_an_internal_error_costs_one_article_not_the_build(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pool: bool
) -> None:
    if pool:  # the seeds are few: make the build use its process pool anyway
        monkeypatch.setattr(build_module, "POOL_MIN", 1)
    _extract_failing_on(monkeypatch, "003_306fff49e1a44454")
    code = main(["--root", str(site), "build"])
    err = capsys.readouterr().err
    assert code == 1
    assert (
        "seeds/003_306fff49e1a44454.txt: error: internal error while extracting: "
        "TypeError: cannot unpack non-iterable NoneType object — please report it"
    ) in err
    assert "Traceback" not in err
    output = site / "output"
    assert (output / "ar" / "articles" / "001_a1a39c06a4cbffd7.html").exists()
    assert (output / "en" / "articles" / "004_f2a80a27c08aac64.html").exists()
    assert not (output / "en" / "articles" / "003_306fff49e1a44454.html").exists()


def test_debug_shows_the_traceback_of_an_internal_error(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _extract_failing_on(monkeypatch, "003_306fff49e1a44454")
    assert main(["--root", str(site), "--debug", "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "internal error while extracting" in err


# Real news that raised TypeError in temporal.py ("للسنوات القادمة", "للسنوات العشر المقبلة").
RAISED_BEFORE = (
    "AL-economy-892-20180626",
    "SK-middleEast-2681-20180630",
    "CN-internationalNews-579-20180907",
)


def test_real_news_that_raised_now_extracts(shared: Shared) -> None:
    rows = shared.corpus()
    for rid in RAISED_BEFORE:
        row = rows[rid]
        data = f"---\ndate: {row['date']}\n---\n{row['text']}\n".encode()
        done = build_module.process(Path(f"{rid}.txt"), f"{rid}.txt", data, 5)
        assert done.failure == "" and done.extraction is not None, rid
