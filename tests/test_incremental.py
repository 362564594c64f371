from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from sitegen import build as build_module
from sitegen import cache as cache_module
from sitegen import render as render_module
from sitegen.build import build
from sitegen.config import load_config

OTHER = "ar/articles/000_62a7b35b78715ad0.html"
EDITED = "003_306fff49e1a44454.txt"


def append_to_edited(site: Path, text: str) -> None:
    """Add ``text`` to the end of the EDITED article, as a writer would."""
    article = site / "seeds" / EDITED
    article.write_text(article.read_text(encoding="utf-8") + text, encoding="utf-8")


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
    append_to_edited(site, "\nوقتل 7 مدنيين في قصف على بلدة سرمين يوم الخميس.\n")
    result = build(load_config(site))
    after = mtimes(site / "output")
    assert 0 < result.written < result.pages
    assert after[OTHER] == before[OTHER], "an unrelated page was rewritten"
    assert after[f"ar/articles/{EDITED[:-4]}.html"] != before[f"ar/articles/{EDITED[:-4]}.html"]
    assert "سرمين" in (site / "output" / "ar" / "articles" / f"{EDITED[:-4]}.html").read_text(
        encoding="utf-8"
    )


def test_cached_extraction_equals_a_fresh_one(site: Path) -> None:
    config = load_config(site)
    cache = cache_module.Cache(site / cache_module.CACHE_DIR)
    first = build_module.analyse(config, cache=cache)
    cached = build_module.analyse(config, cache=cache)
    fresh = build_module.analyse(config)
    assert cached == first == fresh
    assert first.article_keys and first.article_keys == fresh.article_keys


def test_cached_records_share_the_values_that_recur(site: Path) -> None:
    """A place, a figure or a lexicon key is one object across the articles loaded
    from the cache, not a copy per incident (equal values, less memory)."""
    config = load_config(site)
    cache = cache_module.Cache(site / cache_module.CACHE_DIR)
    build_module.analyse(config, cache=cache)
    cached = build_module.analyse(config, cache=cache)
    incidents = [i for x in cached.extractions for i in x.incidents]
    values: dict[Any, set[int]] = {}
    seen = 0
    for inc in incidents:
        for value in (*inc.places, inc.casualties, inc.type, inc.actors, inc.date.precision):
            values.setdefault(value, set()).add(id(value))
            seen += 1
    assert len(values) < 0.7 * seen  # values do recur in the seeds
    assert all(len(ids) == 1 for ids in values.values())


def test_nothing_changed_replays_the_last_diagnostics(site: Path) -> None:
    first = build(load_config(site))
    again = build(load_config(site))
    assert again.analysis.diagnostics == first.analysis.diagnostics
    assert (again.pages, again.incidents, again.written) == (first.pages, first.incidents, 0)


def test_a_deleted_output_folder_is_built_again(site: Path) -> None:
    build(load_config(site))
    shutil.rmtree(site / "output")
    result = build(load_config(site))
    assert result.written == result.pages
    assert (site / "output" / "en" / "index.html").is_file()


def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths of the pages the next builds render (kept pages are not rendered)."""
    made: list[str] = []
    real = render_module.render_page

    def spy(env, site, page, extra=None):  # type: ignore[no-untyped-def]
        made.append(f"{site.lang}/{page.path}")
        return real(env, site, page, extra)

    monkeypatch.setattr(render_module, "render_page", spy)
    return made


def test_an_edit_renders_only_the_pages_that_show_it(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(load_config(site))
    made = rendered(monkeypatch)
    append_to_edited(site, "\nوقتل 7 مدنيين في قصف على مدينة سراقب يوم الخميس.\n")
    build(load_config(site))
    pages = {p.split("/", 1)[1] for p in made}
    assert f"articles/{EDITED[:-4]}.html" in pages
    assert "months/2020-02.html" in pages  # the new incident's month
    assert "places/saraqib.html" in pages  # its place
    assert "articles/000_62a7b35b78715ad0.html" not in pages  # an article not edited
    # a month without new incidents (the same places: the filter's choices are the same)
    assert "months/2020-01.html" not in pages


def test_a_template_edit_renders_every_page_again(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(load_config(site))
    made = rendered(monkeypatch)
    own = site / "templates"
    own.mkdir()
    (own / "day.html").write_text(
        '{% extends "base.html" %}{% block main %}<p class="own">{{ day.key }}</p>{% endblock %}',
        encoding="utf-8",
    )
    build(load_config(site))
    days = sorted((site / "output" / "en" / "months").glob("????-??-??.html"))
    assert days and all(f"en/months/{d.name}" in made for d in days)
    assert 'class="own"' in days[0].read_text(encoding="utf-8")


def test_an_override_renders_the_corrected_incident_again(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = build(load_config(site))
    incident = next(
        i for x in result.analysis.extractions for i in x.incidents if i.id.startswith("004_")
    )
    day = f"en/months/{incident.date.start.isoformat()}.html"
    made = rendered(monkeypatch)
    (site / "seeds" / "_overrides.yaml").write_text(
        f"{incident.id}:\n  summary_en: Corrected by hand\n", encoding="utf-8"
    )
    build(load_config(site))
    assert day in made  # its day page
    assert "en/articles/000_62a7b35b78715ad0.html" not in made  # an article it is not from
    text = (site / "output" / day).read_text(encoding="utf-8")
    assert "Corrected by hand" in text


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


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "edit",
    [
        "\nوقتل 7 مدنيين في قصف على مدينة سراقب يوم الخميس.\n",  # a new incident, known place
        "\nوأصيب 3 أشخاص في قصف على بلدة سرمين أمس.\n",  # a new place in the filter
    ],
)
def test_an_incremental_build_equals_a_build_from_scratch(site: Path, edit: str) -> None:
    build(load_config(site))
    append_to_edited(site, edit)
    build(load_config(site))
    incremental = tree(site / "output")
    shutil.rmtree(site / "output")
    build(load_config(site), use_cache=False)
    assert incremental == tree(site / "output")


def test_an_edit_serialises_only_the_download_months_it_touches(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen import incremental

    made: list[tuple[str, str]] = []
    real = incremental.Pieces.__call__

    def spy(self: incremental.Pieces, name: str, key: str, incidents: Any, make: Any) -> str:
        def counted(incs: Any) -> str:
            made.append((name, key))
            return make(incs)

        return real(self, name, key, incidents, counted)

    monkeypatch.setattr(incremental.Pieces, "__call__", spy)
    build(load_config(site))
    first = set(made)
    assert {name for name, _ in first} == {
        "incidents.json",
        "incidents.csv",
        "timeline.ar",
        "timeline.en",
    }
    made.clear()
    append_to_edited(site, "\nوقتل 7 مدنيين في قصف على مدينة سراقب يوم 3 شباط 2020.\n")
    build(load_config(site))
    assert ("incidents.json", "2020-02") in made
    assert 0 < len(made) < len(first)


def test_the_preview_keeps_extractions_in_memory_between_rebuilds(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild in ``sitegen serve`` reads no unchanged article's record from disk,
    forgets the records no build uses any more, and builds what a fresh build does."""
    loaded: list[str] = []
    real = cache_module.Cache._load

    def spy(self: cache_module.Cache, kind: str, key: str) -> Any:
        if kind == "article":
            loaded.append(key)
        return real(self, kind, key)

    monkeypatch.setattr(cache_module.Cache, "_load", spy)
    memory = cache_module.Remembered()
    first = build(load_config(site), memory=memory)
    articles = first.articles
    assert memory.count("article") == articles
    loaded.clear()
    append_to_edited(site, "\nوقتل 7 مدنيين في قصف على مدينة سراقب يوم الخميس.\n")
    again = build(load_config(site), memory=memory)
    edited_key = again.analysis.article_keys[EDITED[:-4]]
    assert loaded == [edited_key]  # only the edited article was looked for on disk
    assert memory.count("article") == articles  # its old record is forgotten
    kept = tree(site / "output")
    shutil.rmtree(site / "output")
    build(load_config(site), use_cache=False)
    assert kept == tree(site / "output")


def test_a_reworded_sentence_reaches_every_page_that_shows_its_incident(site: Path) -> None:
    """The incident keeps its id, its month and its figures: only its words
    change, and every page that shows its card must show them."""
    build(load_config(site))
    article = site / "seeds" / EDITED
    text = article.read_text(encoding="utf-8")
    assert "50 آلية عسكرية دخل" in text
    article.write_text(text.replace("50 آلية عسكرية دخل", "50 آلية عسكرية ثقيلة دخل"), "utf-8")
    build(load_config(site))
    incremental = tree(site / "output")
    shutil.rmtree(site / "output")
    build(load_config(site), use_cache=False)
    assert incremental == tree(site / "output")
    assert "ثقيلة" in incremental["en/months/2020-02.html"].decode()
