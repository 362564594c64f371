from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen import build as build_module
from sitegen import cache as cache_module
from sitegen.build import build
from sitegen.config import load_config

OTHER = "ar/articles/000_62a7b35b78715ad0.html"
EDITED = "003_306fff49e1a44454.txt"


def mtimes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
    }


def test_nothing_changed_writes_nothing(site: Path) -> None:
    build(load_config(site))
    before = mtimes(site / "output")
    result = build(load_config(site))
    assert result.written == 0
    assert mtimes(site / "output") == before


def test_one_edit_rewrites_only_what_changed(site: Path) -> None:
    build(load_config(site))
    before = mtimes(site / "output")
    article = site / "seeds" / EDITED
    article.write_text(
        article.read_text(encoding="utf-8") + "\nوقتل 7 مدنيين في قصف على بلدة سرمين يوم الخميس.\n",
        encoding="utf-8",
    )
    result = build(load_config(site))
    after = mtimes(site / "output")
    assert 0 < result.written < result.pages
    assert after[OTHER] == before[OTHER], "an unrelated page was rewritten"
    assert after[f"ar/articles/{EDITED[:-4]}.html"] != before[f"ar/articles/{EDITED[:-4]}.html"]
    assert "سرمين" in (site / "output" / "ar" / "articles" / f"{EDITED[:-4]}.html").read_text(
        encoding="utf-8"
    )


def test_cached_extraction_equals_a_fresh_one(site: Path) -> None:
    first = build(load_config(site)).analysis
    cached = build(load_config(site)).analysis
    fresh = build(load_config(site), use_cache=False).analysis
    assert cached == first == fresh


def test_a_new_extractor_version_invalidates_the_cache(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = build_module.process

    def counting(path: Path, label: str, data: bytes, week: int) -> build_module.Processed:
        calls.append(label)
        return real(path, label, data, week)

    monkeypatch.setattr(build_module, "process", counting)
    build(load_config(site))
    assert len(calls) == 5
    build(load_config(site))
    assert len(calls) == 5  # all from the cache
    monkeypatch.setattr(build_module, "extractor_version", lambda: "a-new-release")
    build(load_config(site))
    assert len(calls) == 10


def test_front_matter_change_is_a_content_change(site: Path) -> None:
    build(load_config(site))
    path = site / "seeds" / "002_d4f3851b5aa9acad.txt"
    path.write_text(
        "---\ndate: 2020-02-21\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    analysis = build(load_config(site)).analysis
    (x,) = [x for x in analysis.extractions if x.article.id.startswith("002")]
    assert any(i.date.is_dated for i in x.incidents)


def test_unwritable_cache_only_slows_the_build(site: Path) -> None:
    (site / cache_module.CACHE_DIR).write_text("not a folder", encoding="utf-8")
    result = build(load_config(site))
    assert result.articles == 5
    assert os.path.isfile(site / "output" / "ar" / "index.html")
