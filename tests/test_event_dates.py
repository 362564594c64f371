"""When an incident happened, read from whole sentences through the pipeline (a table)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from sitegen.extract.pipeline import extract
from sitegen.model import Article, Incident, Published

TABLE = Path(__file__).parent / "data" / "event_dates.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _article(text: str, published: str) -> Article:
    pub = Published(date.fromisoformat(published), "front-matter", "test", 2)
    return Article("a", "a.txt", "", "ar", pub, text + "\n", 3)


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
def test_event_date(row: dict[str, str]) -> None:
    incidents = extract(_article(row["text"], row["published"])).incidents
    if row["type"] == "-":
        assert incidents == ()
        return
    assert [i.type for i in incidents] == [row["type"]]
    ref = incidents[0].date
    if not row.get("start"):
        assert ref.start is None and ref.note  # undated, and says why
        return
    got = (ref.start, ref.end, ref.precision)
    want = (date.fromisoformat(row["start"]), date.fromisoformat(row["end"]), row["precision"])
    assert got == want, ref


def test_undated_reports_after_a_dated_lede_are_about_the_lede_s_day() -> None:
    text = (
        "أفادت مصادر طبية بارتفاع عدد القتلى، السبت، إلى 35 مدنيا قتلوا بغارات جوية على الغوطة.\n\n"
        "وقال مدير مركز الدفاع المدني إن طائرة حربية قصفت مدينة حرستا، ما أدى إلى مقتل 11 مدنياً.\n"
    )
    harasta = _killing(text, "2018-03-11", 11)
    # ... from the lede's day to the day it was printed
    assert _span(harasta) == (date(2018, 3, 10), date(2018, 3, 11), "approx")
    assert "lede" in harasta.date.note
    # A lede dated further back tells an older story: the publication day stays.
    assert _killing(text, "2018-03-14", 11).date.start == date(2018, 3, 14)


def test_undated_reports_are_about_the_one_recent_day_the_article_tells() -> None:
    # Saturday's paper, its lede undated: the story is Friday's, told further
    # down ("صباح الجمعة"), not the day it was printed.
    text = (
        "قال الرئيس الفرنسي إن ضابط الشرطة في حالة خطرة في المستشفى.\n\n"
        "وأصيب 16 شخصا في هجوم على متجر في بلدة تريب.\n\n"
        "واختطف المسلح صباح الجمعة سيارة في بلدة كاركاسون وقتل راكبها.\n"
    )
    wounded = _wounded(text, "2018-03-24", 16)
    assert _span(wounded) == (date(2018, 3, 23), date(2018, 3, 24), "approx")
    assert "one recent day" in wounded.date.note
    # Another day of those two told too, or today, or a day counted back from
    # today ("قبل يومين", "منذ يوم": the text's today is the printed day): it stays.
    for day in ("الخميس", "اليوم السبت", "قبل يومين", "منذ يوم"):
        other = text + f"\nوكان مسلح قد قتل شرطيا {day} في مدينة ليون.\n"
        assert _span(_wounded(other, "2018-03-24", 16))[0] == date(2018, 3, 24)


def test_a_chronology_entry_without_its_year_is_in_the_year_of_the_one_before() -> None:
    """A list of dated entries gives the year once: "19 ديسمبر" after "18 يناير
    2015" is 19 December 2015, not the last one before publication; and "سبق
    أن" opens no reported event, so the raid of "3 و5 مايو" is not January's."""
    text = (
        "وفيما يلي أبرز الغارات الإسرائيلية على البلاد.\n\n"
        "30 يناير 2013: الطيران الاسرائيلي يقصف قرب دمشق موقعا لصواريخ أرض-جو.\n\n"
        "3 و5 مايو: إسرائيل تشن غارتين قرب دمشق، استهدفت جمرايا سبق أن أصيب بغارة يناير.\n\n"
        "18 يناير 2015: غارة إسرائيلية على هضبة الجولان تسفر عن مقتل ستة عناصر من حزب الله.\n\n"
        "29 يوليو: الطيران الإسرائيلي يقتل عنصرين من حزب الله في محافظة القنيطرة.\n\n"
        "19 ديسمبر: مقتل سمير القنطار خلال غارة في ضاحية دمشق.\n"
    )
    found = extract(_article(text, "2018-04-10")).incidents
    assert [i.date.start for i in found] == [
        date(2013, 1, 30),
        date(2013, 5, 5),
        date(2015, 1, 18),
        date(2015, 7, 29),
        date(2015, 12, 19),
    ]
    # a heading that is a year gives its entries theirs
    text = (
        "عودة على أهم هذه الضربات منذ 2013\n\n- 2017 -\n\n"
        "17 آذار/مارس: إسرائيل تعلن أنها استهدفت أسلحة قرب تدمر في وسط سوريا.\n\n"
        "22 أيلول/سبتمبر: طائرات إسرائيلية تغير على مستودع لحزب الله قرب مطار دمشق.\n"
    )
    found = extract(_article(text, "2018-05-10")).incidents
    assert [i.date.start for i in found] == [date(2017, 3, 17), date(2017, 9, 22)]


@pytest.mark.parametrize(
    ("then", "start", "end"),
    [
        # days on from a day of 2017 are of 2017
        (
            "وبعد أيام من ذلك، في 30 آذار/مارس، استخدم السارين في هجوم على بلدة اللطامنة.",
            date(2017, 3, 30),
            date(2017, 3, 30),
        ),
        (
            "وليل 6-7 نيسان/أبريل، أطلقت بارجتان أمريكيتان صواريخ على قاعدة الشعيرات الجوية.",
            date(2017, 4, 6),
            date(2017, 4, 7),
        ),
        # ... not months on: the day nearest publication
        ("وفي 20 أيار/مايو، قصفت الطائرات بلدة اللطامنة.", date(2018, 5, 20), date(2018, 5, 20)),
    ],
)
def test_a_day_without_its_year_follows_on_from_a_day_of_an_earlier_year(
    then: str, start: date, end: date
) -> None:
    text = (
        "وقالت المنظمة إن غاز السارين استخدم في هجوم على بلدة اللطامنة في 24 آذار/مارس 2017. "
        + then
    )
    found = extract(_article(text, "2018-06-13")).incidents
    assert [(i.date.start, i.date.end) for i in found] == [
        (date(2017, 3, 24), date(2017, 3, 24)),
        (start, end),
    ]


def test_a_year_told_is_no_day_for_a_day_without_its_year_to_follow_on_from() -> None:
    text = (
        "وسيطرت القوات التركية على اللواء 135 الذي كان قبل ست سنوات مقرا لقوات النظام.\n"
        "وشنت تركيا وفصائل سورية موالية لها في 20 كانون الثاني/يناير هجوما على منطقة عفرين.\n"
    )
    found = extract(_article(text, "2018-03-10")).incidents
    assert date(2018, 1, 20) in [i.date.start for i in found]


def test_a_toll_since_the_start_counts_from_the_day_the_offensive_was_launched() -> None:
    text = (
        "وشنت تركيا في 20 كانون الثاني/يناير هجوما ضد منطقة عفرين.\n"
        "ومنذ بدء الهجوم التركي، وثق المرصد السوري مقتل أكثر من 200 مدني في منطقة عفرين.\n"
    )
    toll = _killing(text, "2018-03-10", 200)
    assert _span(toll) == (date(2018, 1, 20), date(2018, 3, 10), "range")


def test_a_toll_the_campaign_caused_counts_from_its_launch_day() -> None:
    """ "ودفع الهجوم التركي آلاف الأشخاص للنزوح": the campaign's doing, since it
    began; so is a toll "حتى الآن" (so far)."""
    launch = "وشنت تركيا في 20 كانون الثاني/يناير هجوما ضد منطقة عفرين.\n"
    for toll in (
        "ودفع الهجوم التركي آلاف الأشخاص للنزوح من منطقة عفرين.\n",
        "ونزح نحو 30 ألف شخص من منطقة عفرين حتى الآن.\n",
    ):
        flight = _of_type(launch + toll, "2018-03-10", "displacement")
        assert _span(flight) == (date(2018, 1, 20), date(2018, 3, 10), "range"), toll
    # "حتى الآن" that counts no harm dates nothing
    quiet = launch + "ولم يعمل المعبر بصورة رسمية حتى الآن رغم المعارك في عفرين.\n"
    assert all(
        i.date.precision != "range" for i in extract(_article(quiet, "2018-03-10")).incidents
    )


def test_a_start_told_in_passing_dates_the_campaign_s_toll() -> None:
    """The operation "بدأت في الـ 19 من حزيران" is told beside another event
    (the deal reached on Friday); the flight it caused runs from that day."""
    text = (
        "وضغطت قوات النظام بدعم روسي، عن طريق تنفيذ عملية عسكرية واسعة النطاق بدأت في الـ 19 "
        "من حزيران/يونيو، على الفصائل المعارضة في محافظة درعا، إلى أن وافقت الجمعة على تسوية.\n"
        "ودفعت العملية العسكرية أكثر من 320 ألف مدني للنزوح من منازلهم، وفق الأمم المتحدة.\n"
    )
    flight = _of_type(text, "2018-07-08", "displacement")
    assert _span(flight) == (date(2018, 6, 19), date(2018, 7, 8), "range")


def test_a_running_toll_and_its_latest_event_are_two_incidents() -> None:
    text = (
        "وبدأت مسيرات العودة في 30 مارس.\n"
        "ومنذ ذلك اليوم، لقي 110 فلسطينيين مصرعهم برصاص الجيش الإسرائيلي، كان آخرها "
        "مقتل 62 فلسطينيًا، الاثنين والثلاثاء الماضيين، في قطاع غزة.\n"
    )
    toll = _killing(text, "2018-05-18", 110)
    assert (toll.date.start, toll.date.end) == (date(2018, 3, 30), date(2018, 5, 18))
    latest = _killing(text, "2018-05-18", 62)
    assert (latest.date.start, latest.date.end) == (date(2018, 5, 14), date(2018, 5, 15))


def test_the_first_time_since_the_start_is_no_running_total() -> None:
    """ "للمرة الأولى منذ بدء" compares with the start; it does not date the
    event from it (BB-middleEast-120)."""
    text = (
        "أُجلي مدنيون من الغوطة الشرقية للمرة الأولى منذ بدء ساعات التهدئة اليومية.\n"
        "وقالت مصادر طبية إن أكثر من 580 شخصا قتلوا في الغوطة الشرقية منذ بدأت الحكومة "
        "قصفها المكثف للمنطقة في 18 فبراير/شباط الماضي.\n"
    )
    evacuation = _of_type(text, "2018-03-01", "displacement")
    assert _span(evacuation) == (date(2018, 3, 1), date(2018, 3, 1), "approx")


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        # "this comes a day after …": counted from the day just told (Tuesday)
        ("يأتي ذلك بعد يوم من", (date(2018, 5, 21), date(2018, 5, 21), "day")),
        ("ويأتي ذلك غداة", (date(2018, 5, 21), date(2018, 5, 21), "day")),
        # a week counts loosely
        ("وتأتي هذه الحادثة بعد أسبوع من", (date(2018, 5, 15), date(2018, 5, 15), "approx")),
        # no back-reference: counted from publication, approximately
        ("وكان ذلك بعد يوم من", None),
    ],
)
def test_what_comes_after_the_story_told_counts_from_its_day(
    opening: str, want: tuple[date, date, str] | None
) -> None:
    """ "يأتي ذلك غداة تحرير …" in a paragraph of its own: "ذلك" is what the
    paragraphs before told, on the day they told it, not on publication day."""
    text = (
        "قتلت عبوة ناسفة زرعتها الميليشيا، الثلاثاء، ثلاثة مدنيين قرب ميناء الحيمة.\n\n"
        "وذكر مصدر محلي إن العبوة انفجرت في المدنيين الثلاثة.\n\n"
        f"{opening} انفجار مماثل أودى بحياة طفل بمدينة يختل.\n"
    )
    blast = _killing(text, "2018-05-23", 1)
    if want is None:
        assert (blast.date.precision, blast.date.basis) == ("approx", "publication")
    else:
        assert _span(blast) == want


def test_what_was_announced_the_day_before_is_not_dated_by_the_count() -> None:
    """ "بعد يوم من إعلان المتحدث أن هشام عشماوي اعتقل في درنة": the day
    before is the announcement's; the arrest it tells keeps no day of its own."""
    text = (
        "أسفرت مداهمة أمنية في مدينة العريش، الثلاثاء، عن مقتل 10 من العناصر الإرهابية.\n\n"
        "وتأتي هذه المداهمة الأمنية بعد يوم من إعلان المتحدث باسم الجيش الوطني الليبي أن "
        "هشام عشماوي اعتقل في درنة.\n"
    )
    arrest = _of_type(text, "2018-10-09", "arrest")
    assert (arrest.date.precision, arrest.date.basis) == ("approx", "publication")


def _killing(text: str, published: str, killed: int) -> Incident:
    """The incident of ``text`` that counts ``killed`` dead."""
    found = extract(_article(text, published)).incidents
    return next(i for i in found if i.casualties.killed == killed)


def _wounded(text: str, published: str, wounded: int) -> Incident:
    """The incident of ``text`` that counts ``wounded`` wounded."""
    found = extract(_article(text, published)).incidents
    return next(i for i in found if i.casualties.wounded == wounded)


def _of_type(text: str, published: str, kind: str) -> Incident:
    """The first incident of ``text`` of type ``kind``."""
    return next(i for i in extract(_article(text, published)).incidents if i.type == kind)


def _span(incident: Incident) -> tuple[date | None, date | None, str]:
    return incident.date.start, incident.date.end, incident.date.precision


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        # The reply cut from the fire it answers shares the sentence's day ...
        (
            "وأطلق عناصر من حركتي حماس والجهاد الإسلامي عشرات الصواريخ وقذائف المورتر على إسرائيل "
            "الأسبوع الماضي، وردت إسرائيل بنيران الدبابات والضربات الجوية.",
            "2018-06-04",
            [
                ("shelling", date(2018, 5, 27), date(2018, 6, 2)),
                ("airstrike", date(2018, 5, 27), date(2018, 6, 2)),
            ],
        ),
        # ... told at its end
        (
            "وكسرت هذه العملية الهدوء الذي شهده القطاع منذ استهداف حماس والجهاد الإسلامي لإسرائيل "
            "بأكثر من مائة صاروخ وقذيفة هاون، لترد الأخيرة بأكثر من 60 غارة جوية على قطاع غزة، "
            "الثلاثاء الماضي.",
            "2018-06-02",
            [
                ("shelling", date(2018, 5, 29), date(2018, 5, 29)),
                ("airstrike", date(2018, 5, 29), date(2018, 5, 29)),
            ],
        ),
        # ... but a day told after "، و" is the next event's, not the reply's
        (
            "قبل عام شن الأسد هجمات كيماوية وحشية ضد شعبه، وردت الولايات المتحدة الأمريكية بـ58 "
            "صاروخا أدت إلى تدمير 20 في المائة من القوة الجوية السورية، والسبت الماضي قام نظام "
            "الأسد مجددا بشن هجوم كيماوي قتل فيه مدنيين أبرياء.",
            "2018-04-14",
            [
                ("battle", date(2017, 1, 1), date(2017, 12, 31)),
                ("shelling", date(2017, 1, 1), date(2017, 12, 31)),
            ],
        ),
    ],
)
def test_an_event_and_the_reply_to_it_share_the_sentence_s_day(
    text: str, published: str, days: list[tuple[str, date, date]]
) -> None:
    found = extract(_article(text, published)).incidents
    assert [(i.type, i.date.start, i.date.end) for i in found] == days
