from __future__ import annotations

import pytest

from sitegen.extract.segment import is_continuation, segment

# (body, expected kinds of the segments in order)
KINDS = [
    ("عنوان قصير للخبر\n\nجسر: متابعات\n\nقتل ثلاثة في قصف.", ["headline", "byline", "text"]),
    ("عنوان\nإدلب – NPA\nقتل ثلاثة في قصف.", ["headline", "byline", "text"]),
    # written with hamza in the data, matched against the folded line
    ("قتل ثلاثة في قصف.\nإعداد: سامر الأحمد", ["text", "byline"]),
    ("قتل ثلاثة في قصف.\nGIPHY App Key not set. Please check settings", ["text", "debris"]),
    (
        "قتل ثلاثة في قصف.\n\nأخبار ذات صلة\n\nعنوان آخر.. هنا\nعنوان ثالث\n\nنص جديد هنا الآن تماما.",
        ["text", "related", "related", "related", "text"],
    ),
    ("قتل ثلاثة في قصف.\nقد يعجبك ايضا", ["text", "related"]),
    (
        "قتل ثلاثة في قصف.\n— T.C. Millî Savunma Bakanlığı (@tcsavunma) February 20, 2020",
        ["text", "foreign"],
    ),
    ("قتل ثلاثة في قصف.\nسياسياً :\nاجتمع الوفدان في أنقرة.", ["text", "heading", "text"]),
    ("قتل ثلاثة في قصف.\nزيارة للحدود\nاجتمع الوفدان في أنقرة.", ["text", "heading", "text"]),
    ("قتل ثلاثة في قصف. وأصيب خمسة آخرون بجروح.", ["text", "text"]),
    ("وصلت التعزيزات إلى سوريا .. وقال المصدر إن 3 قتلوا.", ["text"]),
    # a short first line that tells its day, or runs on past a comma, is the lede
    ("برصاصة غدر، قتل قناص الجمعة المسعفة\nوأعلنت الوزارة مقتلها.", ["text", "text"]),
    ("تحطمت طائرة ركاب في أصفهان،\nوقال مسؤول إن الركاب قتلوا.", ["text", "text"]),
    ("مقتل مسعفة برصاص قناص في خان يونس\nوأعلنت الوزارة مقتلها.", ["headline", "text"]),
    # a mark of direction after the stop still ends a sentence (SK-middleEast-3384)
    (
        "شنت وحدات الجيش اليمني هجومًا مباغتًا على مواقع الحوثيين في جبهة مقبنة.\u200f\n"
        "وقال مصدر ميداني، إن الهجوم تركز على مواقع الميليشيا.",
        ["text", "text"],
    ),
]


@pytest.mark.parametrize(("body", "kinds"), KINDS)
def test_line_kinds(body: str, kinds: list[str]) -> None:
    assert [s.kind for s in segment(body)] == kinds


def fake_event(text: str) -> bool:
    return any(w in text for w in ("هجوم", "قصف", "استهداف", "مقتل", "استشد", "احتجاجات"))


CLAUSES = [
    (
        "كما وقع هجوم آخر على محور الغدفة أبو دفنة، أسفر عن مقتل 3 عناصر، وجرح ثمانية، "
        "إضافة إلى هجوم ثالث على قرية التح، أدى لمقتل عنصرين اثنين.",
        ["كما وقع هجوم آخر", "إضافة إلى هجوم ثالث"],
    ),
    (
        "فيما استشد 4 مدنيين في قصف روسي استهدف قرية بيلون وثلاثة آخرون نتيجة استهداف مدينة سراقب.",
        ["فيما استشد 4", "وثلاثة آخرون"],
    ),
    # a protest after a comma and "و", a list of the day's news
    (
        "هجوم إرهابي في شمال غرب تونس أودى بحياة ستة عناصر، واحتجاجات في الدار البيضاء "
        "على العقوبات.",
        ["هجوم إرهابي", "واحتجاجات في"],
    ),
    # Not cut: "فيما يشتبه" is "in what is suspected", no "while".
    ("وقد قتل فيما يشتبه بأنه هجوم كيمياوي وقع يوم السبت 60 شخصا.", ["وقد قتل"]),
    # Not cut: the second part names no event of its own.
    ("ذكرت الوزارة أن جنديين قتلا في قصف، بينما أصيب خمسة آخرون.", ["ذكرت الوزارة"]),
    ("تصعيد القصف على مدن حلب، إضافةً إلى مناطق ريفي إدلب الجنوبي والشرقي.", ["تصعيد القصف"]),
    # Not cut: "while" before the wounded goes on with the same toll ...
    ("أدى القصف إلى مقتل ثلاثة مدنيين فيما أصيب عدد آخر بقصف براميل متفجرة.", ["أدى القصف"]),
    ("أكدت الوزارة مقتل شاب فلسطيني في حين أصيب العشرات في قصف على رفح.", ["أكدت الوزارة"]),
    # ... "also" before them adds the wounded of as often another event
    ("ذكرت الوزارة مقتل 17 شخصا في هجوم، كما أصيب 34 آخرون في قصف.", ["ذكرت", "كما أصيب"]),
    # "و" + a verb + "آخرون" is the same event's wounded, not others' count.
    ("وأسفر القصف عن مقتل 14 شخصا وجرح آخرون في القصف على قاعدة تياس.", ["وأسفر القصف"]),
    # "إذ أن" tells the scene's own event, "إذ" alone goes on with the same one
    (
        "يضيق الخناق على المحاصرين منذ هجوم النظام، إذ أن قصفا عنيفا يستهدف حمورية.",
        ["يضيق", "إذ أن قصفا"],
    ),
    ("قتل مدنيون في هجوم، إذ استهدف قصف منزلا في البلدة.", ["قتل مدنيون"]),
    # The other side's reply is an event of its own ...
    ("شن مسلحون هجوما على إسرائيل، وردت إسرائيل بقصف مواقع لحماس.", ["شن", "وردت إسرائيل"]),
    ("قصف الجيش مواقع الحوثيين التي ردت بقصف القرى.", ["قصف الجيش", "التي ردت"]),
    ("شنت فصائل هجوما في الجولان، لترد تل أبيب بقصف عشرات المواقع.", ["شنت", "لترد تل"]),
    # ... where it answers with something ("ب" glued to it): not a report told
    # ("ورد في") or come ("وردت أنباء")
    ("وقع هجوم على قاعدة ورد في تقارير أن القصف استمر ساعات.", ["وقع هجوم"]),
    ("أسفر القصف عن مقتل مدنيين، وردت تقارير عن هجوم آخر.", ["أسفر القصف"]),
]


@pytest.mark.parametrize(("sentence", "starts"), CLAUSES)
def test_clauses(sentence: str, starts: list[str]) -> None:
    got = [s.text for s in segment(sentence, fake_event)]
    assert len(got) == len(starts), got
    for text, start in zip(got, starts, strict=True):
        assert text.startswith(start)


def test_offsets_point_into_the_body() -> None:
    body = "عنوان\n\nقتل ثلاثة في قصف. وأصيب خمسة آخرون."
    for s in segment(body):
        assert body[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("وأضاف البيان أن", True), ("وأضافت الوزارة", True), ("وقال مصدر", False), ("أضاف", False)],
)
def test_continuations(text: str, expected: bool) -> None:
    assert is_continuation(text) is expected


def test_a_continued_list_is_not_a_new_clause() -> None:
    sentence = "يواصل الطيران تصعيد القصف على مدن حلب، إضافةً إلى مناطق ريفي إدلب الجنوبي، ما أدى إلى مقتل عشرات"
    assert len(segment(sentence, fake_event)) == 1


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        # a year ends a sentence like any word
        (
            "شهدت درعا الاحتجاجات في مارس 2011. وتأتي خطوة الجيش اليوم.",
            ["شهدت درعا الاحتجاجات في مارس 2011.", "وتأتي خطوة الجيش اليوم."],
        ),
        # a number that opens its line is a list marker, not a sentence
        ("1. قتل ثلاثة مدنيين في سراقب.", ["1. قتل ثلاثة مدنيين في سراقب."]),
        # a decimal point has no space after it
        ("ارتفع المؤشر 2.5 في المئة اليوم.", ["ارتفع المؤشر 2.5 في المئة اليوم."]),
    ],
)
def test_sentences_end_after_numbers(body: str, texts: list[str]) -> None:
    assert [s.text for s in segment(body)] == texts
