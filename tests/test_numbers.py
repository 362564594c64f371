"""Numbers: digits, words, vague quantities, approximations and duals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.extract.normalize import fold
from sitegen.extract.numbers import find_duals, find_numbers, parse_number

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _one(text: str) -> tuple[str, int | None, bool]:
    ms = find_numbers(text)
    assert len(ms) == 1, [m.text for m in ms]
    m = ms[0]
    assert text[m.start : m.end] == m.text
    return m.text, m.value, m.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل 4 مدنيين", ("4", 4, False)),
        ("قتل ٤ مدنيين", ("٤", 4, False)),
        ("قتل ۵ مدنيين", ("۵", 5, False)),
        ("مقتل 13 جنديا تركيا", ("13", 13, False)),
        ("قتل 3,000 شخص", ("3,000", 3000, False)),
        ("أربعة جنود سوريين أصيبوا", ("أربعة", 4, False)),
        ("بينما أصيب خمسة آخرون", ("خمسة", 5, False)),
        ("دمرت دبابة وست مركبات", ("ست", 6, False)),
        ("واثنتين من الشاحنات", ("اثنتين", 2, False)),
        ("من عائلة واحدة", ("واحدة", 1, False)),
        ("وجرح ثمانية", ("ثمانية", 8, False)),
        ("قتل ثلاثة عشر جنديا", ("ثلاثة عشر", 13, False)),
        ("قتل أحد عشر جنديا", ("أحد عشر", 11, False)),
        ("اثنتا عشرة امرأة", ("اثنتا عشرة", 12, False)),
        ("قتل خمسة وعشرين شخصا", ("خمسة وعشرين", 25, False)),
        # a part of a scale, an accusative scale after a count, digits after a scale
        ("أودت بحياة نصف مليون شخص", ("نصف مليون", 500000, False)),
        ("وأصيب 12 ألفا آخرون", ("12 ألفا", 12000, False)),
        ("وقع ألفا شخص", ("ألفا", 2000, False)),
        ("سجلت 28 ألفا و711 جريمة", ("28 ألفا و711", 28711, False)),
        ("مليونان وثلاثمئة ألف نازح", ("مليونان وثلاثمئة ألف", 2300000, False)),
        # a range of two thousands is its low end, never their sum
        ("يراوح بين 270 ألفا و330 ألف سوري", ("270 ألفا و330 ألف", 270000, False)),
        ("قتل عشرون شخصا", ("عشرون", 20, False)),
        ("قتل مئة شخص", ("مئة", 100, False)),
        ("قتل مائتي شخص", ("مائتي", 200, False)),
        ("قتل ثلاثمئة شخص", ("ثلاثمئة", 300, False)),
        ("قتل ثلاث مئة شخص", ("ثلاث مئة", 300, False)),
        ("نزح ألف شخص", ("ألف", 1000, False)),
        ("نزح ألفين شخص", ("ألفين", 2000, False)),
        ("نزح ثلاثة آلاف وخمسمئة شخص", ("ثلاثة آلاف وخمسمئة", 3500, False)),
        ("نزح مليون شخص", ("مليون", 1000000, False)),
        ("نزح 1.5 مليون شخص", ("1.5 مليون", 1500000, False)),
        ("نزوح قرابة 400 ألف شخص", ("قرابة 400 ألف", 400000, True)),
        ("نزوح أكثر من 800 ألف شخص", ("أكثر من 800 ألف", 800000, True)),
        ("تدمير أكثر من 50 من عناصر النظام", ("أكثر من 50", 50, True)),
        ("قتل ما يزيد عن 30 شخصا", ("ما يزيد عن 30", 30, True)),
        ("قتل نحو 20 شخصا", ("نحو 20", 20, True)),
        ("قتل حوالي 20 شخصا", ("حوالي 20", 20, True)),
        ("قتل زهاء 20 شخصا", ("زهاء 20", 20, True)),
        ("قتل 20 شخصا تقريبا", ("20 شخصا تقريبا", None, None)),
        ("سقط العشرات من جنود النظام", ("العشرات", None, True)),
        ("مقتل عشرات المدنيين", ("عشرات", None, True)),
        ("مئات العائلات", ("مئات", None, True)),
        ("وجود عشرات الآلاف من المتشددين", ("عشرات الآلاف", None, True)),
        ("نزوح عشرات آلاف السوريين", ("عشرات آلاف", None, True)),
        ("الجنود الثلاثة", ("الثلاثة", 3, False)),
        ("وبخمسة صواريخ", ("خمسة", 5, False)),
        # a figure whose space was lost
        ("وأفاد المرصد أن26 مدنيا قتلوا", ("26", 26, False)),
        ("معارك السبت أوقعت13 قتيلا", ("13", 13, False)),
    ],
)
def test_find_numbers(text: str, expected: tuple[str, int | None, bool | None]) -> None:
    if expected[2] is None:  # "تقريبا" after a noun is not next to the number
        (m,) = find_numbers(text)
        assert (m.value, m.approximate) == (20, False)
        return
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "يوم الاثنين",  # Monday, not "two"
        "يوم الأحد",  # Sunday, not "one"
        "أحد الجنود",  # "one of", not a count
        "الثلاثاء",  # Tuesday contains ثلاث
        "المدنيين",  # a plural, not a dual
        "ريفي إدلب",  # "rural", not a dual
        "قطع 2.5 كم",  # a fraction is not a count
        "طائرات اف16 قصفت",  # an aircraft model, glued
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_digits_do_not_join_with_wa() -> None:
    assert [m.value for m in find_numbers("قتل 3 و5 جرحى")] == [3, 5]
    assert [m.value for m in find_numbers("مقتل 8 منهم، و6 عناصر")] == [8, 6]


def test_dual_is_one_mention_of_two() -> None:
    ms = find_numbers("أدى لمقتل عنصرين اثنين من قوات النظام")
    assert [(m.text, m.value, m.noun) for m in ms] == [("عنصرين اثنين", 2, "عنصر")]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("ذكرت الوزارة أن جنديين تركيين قتلا", "جندي"),
        ("قتل جنديان", "جندي"),
        ("الذي أودى بحياة شرطيتين", "شرطية"),
        ("منذ يومين", "يوم"),
        ("في الأسبوعين الماضيين", "أسبوع"),
        ("للأسبوعين الماضيين", "أسبوع"),
        ("قبل شهرين", "شهر"),
        ("خلال ساعتين", "ساعة"),
        ("منذ عامين", "عام"),
        ("منذ سنتين", "سنة"),
        ("طلبت بطاريتي دفاع جوي", "بطارية"),
        ("استهدفت الصواريخ مطاري كويرس والنيرب", "مطار"),
    ],
)
def test_duals(text: str, noun: str) -> None:
    (m,) = find_duals(text)
    assert (m.value, m.noun, m.approximate) == (2, noun, False)
    assert text[m.start : m.end] == m.text


def test_find_duals_only_returns_duals() -> None:
    assert [m.text for m in find_duals("قتل 5 وجرح جنديان")] == ["جنديان"]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("خمسة وعشرين", 25),
        ("400 ألف", 400000),
        ("800 ألف", 800000),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("مئتين وخمسين ألف", 250000),
        ("مليون و200 ألف", 1200000),
        ("ثلاثة عشر", 13),
        ("اثنا عشر", 12),
        ("٤٧", 47),
        ("عشرة", 10),
        ("عشرات", None),
        ("العشرات", None),
        ("2.5", None),
        ("10.000", 10000),  # a point before three digits separates thousands
        ("1.106", 1106),
        ("1.392.928", 1392928),
        ("3.022 مليار", 3022000000),  # unless a scale follows: 3.022 billion
        ("٢٫٥٠٠", None),  # the Arabic decimal separator is always a decimal point
        ("جنود", None),
        ("", None),
    ],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_seed_004_counts() -> None:
    path = next(SEEDS.glob("004_*.txt"))
    values = [m.value for m in find_numbers(path.read_text(encoding="utf-8"))]
    assert values[:3] == [8, 3, 8]  # 8 عناصر، ثلاث مواقع، 8 منهم
    assert 2 in values and 47 in values


def test_seed_002_displaced() -> None:
    path = next(SEEDS.glob("002_*.txt"))
    ms = find_numbers(path.read_text(encoding="utf-8"))
    assert [(m.text, m.value, m.approximate) for m in ms] == [
        ("قرابة 400 ألف", 400000, True),
        ("عشرات الآلاف", None, True),
    ]


def test_folded_spans_lead_back_to_the_words_they_came_from_on_seeds() -> None:
    """Quotes and offsets are cut from the original text by ``Folded.span``: the
    original slice must fold to exactly the folded slice it was found in."""
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8") + " غداً هـ\u200f،٤"
        folded = fold(text)
        n = len(folded.text)
        for i in range(0, n, 3):
            for j in (min(i + 1, n), min(i + 7, n)):
                start, end = folded.span(i, j)
                assert fold(text[start:end]).text == folded.text[i:j]


def test_offsets_survive_diacritics() -> None:
    text = "قُتِلَ خَمْسَةُ جُنُودٍ"
    (m,) = find_numbers(text)
    assert m.value == 5 and re.sub("[\u064b-\u0652]", "", m.text) == "خمسة"
