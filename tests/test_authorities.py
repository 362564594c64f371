"""A domestic authority named with its adjective places an event in its country
(sitegen/data/authorities.yaml)."""

from __future__ import annotations

import pytest

from sitegen.extract.authorities import authority_country

from .test_retellings import incidents

CASES = [
    # (clause, the event's word, the country or None)
    ("أعلنت السلطات الكندية، الجمعة، مقتل 4 أشخاص على الأقل", "مقتل", "Canada"),
    ("ألقت قوات الأمن المصرية القبض على هشام جنينة", "القبض", "Egypt"),
    ("أعلن #الأمن_العام_اللبناني، اليوم الأربعاء، اعتقال سوري", "اعتقال", "Lebanon"),
    ("اعتقلت السلطات التركية أربعة طلاب", "اعتقلت", "Turkey"),
    ("قضت محكمة فرنسية بسجنه", "بسجنه", "France"),
    ("أوقفت الشرطة الأميركية المشتبه به", "أوقفت", "United States"),
    ("اتهمت الحكومة الكورية الشمالية واشنطن", "اتهمت", None),  # no authority listed
    # Financial authorities, not Mali's.
    ("فرضت السلطات المالية غرامة", "فرضت", None),
    # An authority far from the event only denies it.
    (
        "ويشتبه الأتراك في أن خاشقجي قتل في القنصلية بعدما دخلها قبل نحو أسبوعين، "
        "وهو ما نفته مرارا السلطات السعودية",
        "قتل",
        None,
    ),
]


@pytest.mark.parametrize(("clause", "word", "country"), CASES)
def test_authority_country(clause: str, word: str, country: str | None) -> None:
    found = authority_country(clause, clause.index(word))
    assert (found.en if found else None) == country


def test_a_shooting_abroad_is_not_folded_into_the_article_s_event() -> None:
    text = (
        "أعلنت وزارة الصحة الفلسطينية، الجمعة، مقتل فلسطينيين اثنين برصاص الجيش "
        "الإسرائيلي على طول السياج الحدودي بين قطاع غزة وإسرائيل.\n"
        "من جهة أخرى، أعلنت السلطات الكندية، الجمعة، مقتل 4 أشخاص على الأقل في حادث "
        "إطلاق نار في حي سكني هادئ."
    )
    found = incidents(text, "2018-08-10")
    places = [[p.en for p in i.places] for i in found]
    assert places == [["Gaza Strip"], ["Canada"]]
    assert [i.casualties.killed for i in found] == [2, 4]
