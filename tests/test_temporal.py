"""Temporal expressions: the table of cases, the seed articles, the public API."""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from sitegen.extract.temporal import (
    WEEK_START_SUNDAY,
    DateMention,
    find_dates,
    infer_publication,
    resolve,
    weekday_warnings,
    written_day_before,
)
from sitegen.model import DateRef

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = Path(__file__).parent / "data" / "temporal_cases.tsv"


def _cases() -> list[dict[str, str]]:
    lines = [ln for ln in CASES.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _resolve_all(text: str, published: date | None) -> list[tuple[DateMention, DateRef]]:
    """Resolve every mention in order, each with the last dated one as context."""
    out = []
    context = None
    for m in find_dates(text):
        ref = resolve(m, published, context=context)
        if ref.is_dated:
            context = ref
        out.append((m, ref))
    return out


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


CASE_ROWS = _cases()


def test_the_case_table_is_large_enough() -> None:
    assert len(CASE_ROWS) >= 200
    assert sum(1 for c in CASE_ROWS if c["expression"] == "-") >= 15


@pytest.mark.parametrize(
    "case", CASE_ROWS, ids=[f"{i:03d}-{c['expression'][:30]}" for i, c in enumerate(CASE_ROWS)]
)
def test_case(case: dict[str, str]) -> None:
    sentence, published = case["sentence"], _d(case["published"])
    resolved = _resolve_all(sentence, published)
    if case["expression"] == "-":
        assert [m.text for m, _ in resolved] == []
        return
    hits = [(m, r) for m, r in resolved if m.text == case["expression"]]
    assert hits, f"{case['expression']!r} not found; got {[m.text for m, _ in resolved]}"
    m, ref = hits[-1]
    assert sentence[m.start : m.end] == m.text
    got = (ref.start, ref.end, ref.precision)
    assert got == (_d(case["start"]), _d(case["end"]), case["precision"]), ref
    if case["basis"]:
        assert ref.basis == case["basis"]
    assert ref.text == m.text
    if ref.precision == "undated":
        assert ref.note, "an undated reference must say why"


# --------------------------------------------------------------------------
# Seed articles


def _body(name: str) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)


def _find(text: str, published: date | None, expression: str) -> DateRef:
    refs = [r for m, r in _resolve_all(text, published) if m.text == expression]
    assert refs, f"{expression!r} not found"
    return refs[0]


def test_seed_000_publication_from_quoted_posts() -> None:
    pub = infer_publication(_body("000"))
    assert pub is not None
    assert pub.date == date(2020, 2, 20)
    assert pub.basis == "text"
    assert "February 20, 2020" in pub.evidence
    assert pub.line == 8


def test_seed_004_publication_agrees_with_today_weekday() -> None:
    pub = infer_publication(_body("004"))
    assert pub is not None
    assert pub.date == date(2020, 1, 22)
    assert pub.line == 4
    assert "January 22, 2020" in pub.evidence and "اليوم الأربعاء" in pub.evidence
    assert "(line 1)" in pub.evidence


def test_seed_002_has_no_reliable_publication_date() -> None:
    assert infer_publication(_body("002")) is None


def test_seed_002_relative_dates_stay_undated() -> None:
    refs = _resolve_all(_body("002"), None)
    assert [m.text for m, _ in refs] == ["صباح اليوم الجمعة", "عقب منتصف ليل أمس"]
    for _, ref in refs:
        assert not ref.is_dated
        assert "no publication date" in ref.note
    assert refs[0][1].note.startswith("Friday morning")


def test_seed_003_deadline_is_the_last_day_of_february() -> None:
    ref = _find(_body("003"), date(2020, 2, 15), "بنهاية فبراير")
    assert (ref.start, ref.end, ref.precision) == (date(2020, 2, 29),) * 2 + ("day",)


def test_seed_003_since_december() -> None:
    ref = _find(_body("003"), date(2020, 2, 15), "منذ ديسمبر 2019")
    assert (ref.start, ref.end, ref.precision) == (date(2019, 12, 1), date(2020, 2, 15), "range")


def test_seed_003_past_two_weeks() -> None:
    ref = _find(_body("003"), date(2020, 2, 15), "في الأسبوعين الماضيين")
    assert ref.precision == "range"
    assert ref.start is not None and ref.end is not None
    assert abs((ref.start - date(2020, 2, 1)).days) <= 3
    assert abs((ref.end - date(2020, 2, 15)).days) <= 3


def test_seed_003_saturday_between_commas() -> None:
    refs = [r for m, r in _resolve_all(_body("003"), date(2020, 2, 15)) if m.text == "السبت"]
    assert len(refs) == 2
    assert all((r.start, r.precision) == (date(2020, 2, 15), "day") for r in refs)


def test_seed_004_last_week_is_a_sunday_to_saturday_week() -> None:
    ref = _find(_body("004"), date(2020, 1, 22), "الأسبوع الماضي")
    assert (ref.start, ref.end, ref.precision) == (date(2020, 1, 12), date(2020, 1, 18), "week")


def test_week_start_is_configurable() -> None:
    (m,) = find_dates("قتل 5 الأسبوع الماضي")
    saturday = resolve(m, date(2020, 1, 22), week_start=5)
    assert (saturday.start, saturday.end) == (date(2020, 1, 11), date(2020, 1, 17))
    monday = resolve(m, date(2020, 1, 22), week_start=0)
    assert (monday.start, monday.end) == (date(2020, 1, 13), date(2020, 1, 19))
    assert WEEK_START_SUNDAY == 6


def test_seed_001_today_friday() -> None:
    body = _body("001")
    ref = _find(body, date(2020, 2, 28), "اليوم الجمعة")
    assert (ref.start, ref.precision, ref.basis) == (date(2020, 2, 28), "day", "relative")
    assert _find(body, date(2020, 2, 28), "مساء اليوم الجمعة").start == date(2020, 2, 28)


def test_seed_001_year_2018() -> None:
    ref = _find(_body("001"), date(2020, 2, 28), "عام 2018")
    assert (ref.start, ref.end, ref.precision) == (date(2018, 1, 1), date(2018, 12, 31), "year")


def test_seed_001_all_expressions() -> None:
    texts = [m.text for m in find_dates(_body("001"))]
    assert texts == [
        "اليوم الجمعة",
        "منذ ساعات الصباح الأولى",
        "مساء اليوم الجمعة",
        "اليوم",
        "عام 2018",
        "اليوم",
    ]


def test_seed_001_weekday_warning_on_a_wrong_publication_date() -> None:
    body = _body("001")
    warnings = weekday_warnings(body, date(2020, 2, 27))
    assert len(warnings) == 1
    line, message = warnings[0]
    assert line == 5  # "اليوم الجمعة" is on the body's fifth line
    assert "Friday" in message and "Thursday" in message and "2020-02-27" in message
    assert weekday_warnings(body, date(2020, 2, 28)) == []


@pytest.mark.parametrize(
    ("text", "published", "before"),
    [
        # today named as the day before the date (Monday 2 April 2018)
        ("شن متطرفون، اليوم الأحد، هجوما على قوات الاتحاد الأفريقي", date(2018, 4, 2), True),
        ("قال مسؤول أمس السبت إن القصف استمر", date(2018, 4, 2), True),
        # ... the weekday in brackets
        ("قال البيان إن الحادثة التي وقعت أمس (السبت) خطيرة", date(2018, 4, 2), True),
        # today named as the date itself, or two days back: no such reading
        ("قتل جنديان اليوم الاثنين", date(2018, 4, 2), False),
        ("قتل جنديان اليوم السبت", date(2018, 4, 2), False),
        # claims that disagree with each other
        ("اليوم الأحد … وقال أمس الأحد", date(2018, 4, 2), False),
        # the date's own weekday named bare: the coming day or the last one
        ("اليوم الأربعاء دعت ماي حكومتها لاجتماع طارئ الخميس", date(2018, 4, 12), False),
        # no claim at all
        ("قتل جنديان الأحد", date(2018, 4, 2), False),
    ],
)
def test_an_article_written_the_day_before_its_date(
    text: str, published: date, before: bool
) -> None:
    assert written_day_before(text, published) is before


def test_seed_004_no_warning_with_the_right_date() -> None:
    assert weekday_warnings(_body("004"), date(2020, 1, 22)) == []


def test_infer_publication_without_dates() -> None:
    assert infer_publication("قتل جنديان اليوم الجمعة في إدلب") is None
    assert infer_publication("") is None


def test_infer_publication_contradicted_weekday() -> None:
    # 2020-02-20 is a Thursday: the text's "today, Friday" contradicts it.
    assert infer_publication("اليوم الجمعة قتل جنديان.\nFebruary 20, 2020") is None


def test_infer_publication_prefers_the_latest_agreeing_date() -> None:
    text = "في 5 مارس 2019 وقع الاتفاق.\nاليوم الخميس قتل جنديان.\nFebruary 20, 2020"
    pub = infer_publication(text)
    assert pub is not None and pub.date == date(2020, 2, 20) and pub.line == 3


def test_infer_publication_uses_hijri_and_numeric_dates() -> None:
    pub = infer_publication("الثلاثاء 24 جمادى الآخرة 1441 هـ، اليوم الثلاثاء")
    assert pub is not None and pub.date == date(2020, 2, 18)


def test_mentions_are_ordered_and_do_not_overlap() -> None:
    text = _body("003") + "\n" + _body("004")
    ms = find_dates(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_original_spelling_is_kept() -> None:
    (m,) = find_dates("يصل الوفد غداً إلى أنقرة")
    assert m.text == "غداً"
    (m,) = find_dates("في 24 جمادى الآخرة 1441 هـ")
    assert m.text.endswith("هـ")


def test_weekday_disagreement_is_noted_not_hidden() -> None:
    (m,) = find_dates("Thursday, January 22, 2020")
    ref = resolve(m, None)
    assert ref.start == date(2020, 1, 22)
    assert "Thursday" in ref.note and "Wednesday" in ref.note


def test_since_a_date_after_publication_is_undated() -> None:
    (m,) = find_dates("منذ مارس 2020")
    assert not resolve(m, date(2020, 2, 15)).is_dated


def test_anaphora_after_a_range_is_undated() -> None:
    refs = _resolve_all("قتل 5 الأسبوع الماضي. وفي اليوم التالي قصفت", date(2020, 2, 15))
    assert refs[1][1].precision == "undated"


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("قال المرصد إن 5 قتلوا", "قال المرصد إن"),
        ("أفاد المرصد أن26 مدنيا قتلوا", "أفاد المرصد أن"),
        # a conjunction, not reported speech: "but", "although"
        ("وصلت البعثة، إلا أن الفريق لم يصل", None),
        ("رغم أن القوات انسحبت، قال الجيش إن 3 قتلوا", "رغم أن القوات انسحبت، قال الجيش إن"),
        # a word with marks, "إنَّ": the opening ends before them, where it always did
        ("حيثُ إنَّ تصميم المبنى", "حيثُ إن"),
    ],
)
def test_where_reported_speech_begins(text: str, opens: str | None) -> None:
    from sitegen.extract.temporal import told_after

    at = told_after(text)
    assert (text[:at] if at >= 0 else None) == opens
