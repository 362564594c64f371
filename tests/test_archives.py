"""Real archives: a bug on one article, a broken file, a wrong folder never cost the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen import build as build_module
from sitegen.cli import main
from sitegen.extract import pipeline

from .conftest import Shared


def _extract_failing_on(monkeypatch: pytest.MonkeyPatch, article_id: str) -> None:
    """Make the extractor raise on one article, as a bug would."""
    real = pipeline.extract

    def extract(article, week_start=pipeline.temporal.WEEK_START_SUNDAY):  # type: ignore[no-untyped-def]
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


# --- a source folder that is not there -----------------------------------------------


@pytest.mark.parametrize("how", ["flag", "config"])
def test_a_missing_source_folder_is_an_error_that_names_it(
    site: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    assert main(["--root", str(site), "-q", "build"]) == 0
    before = (site / "output" / "index.html").read_bytes()
    if how == "flag":
        argv = ["--root", str(site), "build", "--source", "articels"]
    else:
        (site / "sitegen.toml").write_text('source = "seed"\n', encoding="utf-8")
        argv = ["--root", str(site), "build"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    name = "articels" if how == "flag" else "seed"
    assert f"the source folder '{name}' does not exist" in err
    assert "0 errors" not in err
    assert (site / "output" / "index.html").read_bytes() == before  # nothing built over it


def test_a_source_folder_with_no_articles_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "report.docx").write_bytes(b"PK\x03\x04")
    for command in ("build", "check", "extract"):
        assert main(["--root", str(tmp_path), command]) == 2
        err = capsys.readouterr().err
        assert "the source folder 'seeds' has no articles (only 1 other files)" in err
    assert not (tmp_path / "output").exists()


def test_check_names_each_file_it_does_not_read(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("report.docx", "scan.pdf", "photo.jpg"):
        (site / "seeds" / name).write_bytes(b"\x00\x01")
    main(["--root", str(site), "check"])
    out = capsys.readouterr().out
    for name, kind in (("report.docx", ".docx"), ("scan.pdf", ".pdf"), ("photo.jpg", ".jpg")):
        lines = [ln for ln in out.splitlines() if ln.startswith(f"seeds/{name}: ")]
        assert len(lines) == 1 and f"this is a {kind}" in lines[0], out


# --- an article that read before and breaks -------------------------------------------------

BROKEN_FRONT_MATTER = "---\ndate: [2020-02-28\n---\n"


def _break(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    path.write_text(BROKEN_FRONT_MATTER + body, encoding="utf-8")


def _incident_files(output: Path, article_id: str) -> list[str]:
    """The article's incidents as the site lists them (ids and permalinks)."""
    rows = json.loads((output / "incidents.json").read_text(encoding="utf-8"))
    return sorted(r["url"] for r in rows if r["id"].startswith(article_id))


def test_a_broken_article_keeps_its_last_good_reading(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = "001_a1a39c06a4cbffd7"
    assert main(["--root", str(site), "build"]) == 0
    output = site / "output"
    incidents = _incident_files(output, article)
    assert incidents
    _break(site / "seeds" / f"{article}.txt")
    assert main(["--root", str(site), "build"]) == 1
    err = capsys.readouterr().err
    line = next(ln for ln in err.splitlines() if ln.startswith(f"seeds/{article}.txt:"))
    assert "error: front matter is not valid YAML" in line
    assert re.search(r"; kept the version of \d{4}-\d\d-\d\d \d\d:\d\d$", line), line
    assert (output / "en" / "articles" / f"{article}.html").is_file()
    assert _incident_files(output, article) == incidents
    assert article in (output / "incidents.json").read_text(encoding="utf-8")


def test_a_new_article_that_never_read_is_skipped(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(site), "build"]) == 0
    (site / "seeds" / "new.txt").write_text(BROKEN_FRONT_MATTER + "قصف على سراقب.\n")
    assert main(["--root", str(site), "build"]) == 1
    err = capsys.readouterr().err
    assert "seeds/new.txt:2: error: front matter is not valid YAML" in err
    assert "kept the version" not in err
    assert not (site / "output" / "en" / "articles" / "new.html").exists()


def test_the_preview_keeps_a_broken_articles_pages(site: Path) -> None:
    from sitegen.cache import Remembered
    from sitegen.config import load_config
    from sitegen.serve import run_build

    article = "004_f2a80a27c08aac64"
    memory = Remembered()
    config = load_config(site)
    assert run_build(config, memory) == ([], True)
    incidents = _incident_files(site / "output", article)
    _break(site / "seeds" / f"{article}.txt")
    problems, _ = run_build(config, memory)
    assert [p.file for p in problems] == [f"seeds/{article}.txt"]
    assert "kept the version of" in problems[0].message
    assert (site / "output" / "ar" / "articles" / f"{article}.html").is_file()
    assert _incident_files(site / "output", article) == incidents


# --- incident links that do not break -----------------------------------------------------

BALYUN = "قصف روسي استهدف قرية بيلون في جبل الزاوية"


def _moved_site(site: Path) -> tuple[str, str]:
    """Build, then edit the sentence so that its incident is placed elsewhere:
    its id changes. Returns (old id, new id)."""
    from sitegen.build import build
    from sitegen.config import load_config

    build(load_config(site))
    old = next(i for i in _ids(site) if i.endswith("-balyun"))
    path = site / "seeds" / "001_a1a39c06a4cbffd7.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(BALYUN, BALYUN.replace("بيلون", "كنصفرة")), encoding="utf-8")
    build(load_config(site))
    new = next(i for i in _ids(site) if i.endswith("-kansafra"))
    return old, new


def _ids(site: Path) -> list[str]:
    rows = json.loads((site / "output" / "incidents.json").read_text(encoding="utf-8"))
    return [r["id"] for r in rows]


def _day_page(site: Path, lang: str, incident_id: str) -> str:
    rows = json.loads((site / "output" / "incidents.json").read_text(encoding="utf-8"))
    url = next(r["url"] for r in rows if r["id"] == incident_id)
    return (site / "output" / lang / url.split("#")[0].removeprefix("en/")).read_text("utf-8")


def test_a_changed_id_keeps_working_as_an_anchor(site: Path) -> None:
    """The old permalink (the day page with the old id as anchor) still lands on it."""
    old, new = _moved_site(site)
    assert old != new
    output = site / "output"
    for lang in ("ar", "en"):
        page = _day_page(site, lang, new)
        card = page[page.index(f'id="{new}"') :]
        assert card.index(f'<span id="{old}" class="alias"></span>') < card.index("</article>")
    kept = json.loads((output / "redirects.json").read_text(encoding="utf-8"))
    assert kept == {"anchors": {old: new}, "pages": {}}
    # the next build (and the one after) still knows the old name: it is carried forward
    from sitegen.build import build
    from sitegen.config import load_config

    (site / "seeds" / "new.txt").write_text("---\ndate: 2020-03-01\n---\nقصف على أريحا.\n")
    build(load_config(site))
    assert json.loads((output / "redirects.json").read_text(encoding="utf-8")) == kept
    assert f'<span id="{old}" class="alias">' in _day_page(site, "en", new)


def test_the_incident_pages_of_an_earlier_site_lead_to_the_day_pages(site: Path) -> None:
    """A site built before the day-page plan had a page per incident: each keeps
    working, as a small page that leads to the incident's day page and anchor."""
    from sitegen.build import build
    from sitegen.config import load_config

    build(load_config(site))
    output = site / "output"
    ids = _ids(site)
    # What such a site published: incidents.json with incident-page urls.
    old = (output / "incidents.json").read_text(encoding="utf-8")
    old = re.sub(r'"url":"en/[^"]*#([^"]+)"', r'"url":"en/incidents/\1.html"', old)
    (output / "incidents.json").write_text(old, encoding="utf-8")
    (output / "redirects.json").unlink()
    (site / "seeds" / "new.txt").write_text("---\ndate: 2020-03-01\n---\nقصف على أريحا.\n")
    for _ in range(2):  # the first build keeps them, and so does the next
        build(load_config(site))
        for lang in ("ar", "en"):
            for incident_id in ids:
                page = (output / lang / "incidents" / f"{incident_id}.html").read_text("utf-8")
                assert re.search(
                    rf'<meta http-equiv="refresh" content="0; url=\.\./(months|articles)/[^"]+#{re.escape(incident_id)}">',
                    page,
                ), page
        kept = json.loads((output / "redirects.json").read_text(encoding="utf-8"))
        assert sorted(kept["pages"]) == sorted(ids)


def test_an_override_keyed_by_a_changed_id_follows_the_incident(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _moved_site(site)
    (site / "seeds" / "_overrides.yaml").write_text(f"{old}:\n  summary_en: Checked\n")
    assert main(["--root", str(site), "build"]) == 0
    err = capsys.readouterr().err
    assert f"override for '{old}' now applies to '{new}'" in err
    rows = json.loads((site / "output" / "incidents.json").read_text(encoding="utf-8"))
    assert next(r for r in rows if r["id"] == new)["summary"]["en"] == "Checked"
