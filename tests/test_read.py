from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.build import analyse
from sitegen.config import load_config
from sitegen.read import discover, read_article

ARABIC = "قتل ثلاثة مدنيين في قصف على سراقب.\nوأصيب خمسة آخرون.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_front_matter_fields_and_extra_metadata(tmp_path: Path) -> None:
    p = write(
        tmp_path / "a.md",
        "---\ndate: 2020-02-28\ntitle: عنوان\nsource: جسر\nurl: https://example.org/x\n"
        "lang: ar\ntags: [idlib]\n---\n" + ARABIC,
    )
    article, warnings = read_article(p)
    assert [(w.line, w.message.split(";")[0]) for w in warnings] == [
        (7, "unknown front-matter key 'tags' is ignored")
    ]
    assert article.id == "a"
    assert article.published.date == dt.date(2020, 2, 28)
    assert article.published.basis == "front-matter"
    assert (article.title, article.source, article.url, article.lang) == (
        "عنوان",
        "جسر",
        "https://example.org/x",
        "ar",
    )
    assert article.fmt == "markdown"
    assert dict(article.meta) == {"tags": "['idlib']"}
    assert article.body_line == 9
    assert article.file_line(article.body.index("وأصيب")) == 10


def test_controls_a_yaml_escape_makes_are_removed_from_fields(tmp_path: Path) -> None:
    p = write(tmp_path / "c.txt", '---\ntitle: "عنوان\\x00"\nsource: "جسر\\a"\n---\n' + ARABIC)
    article, warnings = read_article(p)
    assert (article.title, article.source) == ("عنوان", "جسر")
    assert [(w.line, w.message) for w in warnings] == [
        (2, "control characters removed from 'title'"),
        (3, "control characters removed from 'source'"),
    ]


def test_no_front_matter_keeps_body_and_guesses(tmp_path: Path) -> None:
    p = write(tmp_path / "b.txt", "عنوان الخبر هنا\n\n" + ARABIC)
    article, _ = read_article(p)
    assert article.published.date is None
    assert article.title == "عنوان الخبر هنا"
    assert article.lang == "ar"
    assert article.body_line == 1


def test_title_falls_back_to_opening_words(tmp_path: Path) -> None:
    p = write(tmp_path / "c.txt", "كلمة " * 30 + ".\nسطر ثان.\n")
    article, _ = read_article(p)
    assert article.title.endswith("…")
    assert len(article.title.split()) == 12


def test_a_sentence_ending_in_a_mark_of_direction_is_no_headline(tmp_path: Path) -> None:
    lede = (
        "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي على البلدة الواقعة في ريف المحافظة الشمالي"
    )
    p = write(tmp_path / "d.txt", lede + ".\u200f\nسطر ثان.\n")
    article, _ = read_article(p)
    assert article.title == " ".join(lede.split()[:12]) + "…"  # its opening words


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    p = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARABIC.encode("utf-8"))
    article, warnings = read_article(p)
    assert warnings == []
    assert article.body.startswith("قتل")


def test_windows_1256_falls_back_with_a_warning(tmp_path: Path) -> None:
    p = write(tmp_path / "legacy.txt", ARABIC.encode("cp1256"))
    article, warnings = read_article(p)
    assert article.body == ARABIC
    assert len(warnings) == 1
    assert "Windows-1256" in warnings[0].message
    assert warnings[0].path.endswith("legacy.txt")


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("---\ndate: [unclosed\n---\n", 2, "not valid YAML"),
        ("---\ntitle: x\ndate: 2020-02-31\n---\n", 3, "not a calendar date"),
        ("---\ntitle: x\ndate: tomorrow\n---\n", 3, "not a date"),
        ("---\ndate: 2020-01-01\n", 1, "never closed"),
        ("---\ntitle: [1, 2]\n---\n", 2, "must be text"),
    ],
)
def test_broken_front_matter_is_skipped_with_its_line(
    tmp_path: Path, front: str, line: int, words: str
) -> None:
    write(tmp_path / "bad.txt", front + ARABIC)
    write(tmp_path / "good.txt", ARABIC)
    result = analyse(load_config(tmp_path, source="."))
    assert [x.article.id for x in result.extractions] == ["good"]
    (diag,) = [d for d in result.diagnostics if d.severity == "error"]
    assert (diag.path, diag.line, diag.severity) == ("bad.txt", line, "error")
    assert words in diag.message


def test_binary_file_is_reported_not_read(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", b"\x00\x01\x02PNG")
    result = analyse(load_config(tmp_path, source="."))
    assert result.extractions == ()
    assert "binary" in result.diagnostics[0].message


def test_discover_skips_private_and_other_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "_overrides.yaml", "_draft.txt", ".hidden.txt", "c.html"):
        write(tmp_path / name, ARABIC)
    assert [p.name for p in discover(tmp_path)] == ["a.txt", "b.md"]


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "a.txt", ARABIC)
    write(tmp_path / "sub" / "a.md", ARABIC)
    result = analyse(load_config(tmp_path, source="."))
    assert len(result.extractions) == 1
    assert any("is used by" in d.message for d in result.diagnostics)
