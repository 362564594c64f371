"""Summaries written from an incident's fields, in each language (issue 19): who
did what where, the toll, who reports it; never the whole source sentence,
never Arabic script in English."""

from __future__ import annotations

from datetime import date

import pytest

from sitegen.extract.pipeline import extract
from sitegen.model import Article, Published

ROWS = [
    (
        "فيما استشهد 4 مدنيين من عائلة واحدة في قصف روسي استهدف قرية بيلون في جبل الزاوية، "
        "بحسب مصادر محلية.",
        "قصف على بيلون وجبل الزاوية: 4 قتلى (مصادر محلية)",
        "Shelling on Balyun and Jabal al-Zawiya: 4 killed (Local sources)",
    ),
    (
        "وأدت المعارك في محافظة إدلب منذ ديسمبر 2019 إلى نزوح أكثر من 800 ألف شخص، "
        "بحسب الأمم المتحدة.",
        "نزوح في إدلب: أكثر من 800,000 نازح (الأمم المتحدة)",
        "Displacement in Idlib: more than 800,000 displaced (United Nations)",
    ),
    (
        # the doer of a strike is not guessed (the one party named may be the target)
        "قتل 11 جنديا تركيا وأصيب جنديان في قصف للقوات السورية على سراقب وإدلب.",
        "قصف على سراقب وإدلب: 11 قتيلاً، جريحان",
        "Shelling on Saraqib and Idlib: 11 killed, 2 wounded",
    ),
    (
        "اندلعت اشتباكات بين قوات النظام وفصائل المعارضة في سراقب.",
        "معركة بين قوات النظام السوري وفصائل المعارضة في سراقب",
        "Battle between Syrian government forces and Opposition factions in Saraqib",
    ),
    (
        "قصفت طائرة سيارة في سراقب دون أن يؤدي الحادث إلى وقوع إصابات.",
        "قصف على سراقب: لا قتلى، لا جرحى",
        "Shelling on Saraqib: no one killed or wounded",
    ),
]


@pytest.mark.parametrize(("text", "ar", "en"), ROWS, ids=[r[2][:30] for r in ROWS])
def test_summaries(text: str, ar: str, en: str) -> None:
    pub = Published(date(2020, 2, 28), "front-matter", "test", 2)
    (inc,) = extract(Article("a", "a.txt", "", "ar", pub, text + "\n", 3)).incidents
    assert (inc.summary_ar, inc.summary_en) == (ar, en)
    assert inc.summary_ar != inc.sources[0].quote


def test_an_unknown_reporter_is_transliterated_in_english() -> None:
    from sitegen.extract.summary import actor_name

    name = actor_name("الرئيس الدوري السفير البلجيكي")
    assert name and not any("\u0600" <= ch <= "\u06ff" for ch in name)
