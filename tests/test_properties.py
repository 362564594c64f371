"""Properties for any input: the article reader, the number parser, the temporal
resolver. (tests/test_temporal_properties.py covers the temporal finder on
Arabic-looking text with publication dates of 1950–2090; these reach further:
any bytes, hostile front matter, huge numbers, and the calendar's very ends.)"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitegen.extract.numbers import MAX_COUNT, find_numbers, parse_number
from sitegen.extract.temporal import TIMELINE_YEARS, find_dates, resolve
from sitegen.model import Article
from sitegen.read import TITLE_MAX, ReadError, parse_article, split_front_matter

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- the article reader ----------------------------------------------------------------------

# YAML that tends to break readers: wrong types, tags, anchors, bad dates, stray syntax.
YAML_VALUES = [
    "[1, 2]", "{a: b}", "*a", "&a x", "!!python/object/apply:os.system ['true']",
    "!!binary aGVsbG8=", "2020-02-31", "2020-02-20", "0200-01-01", "9999-12-31",
    "0000-01-01", "2020-02-20 10:30:00", "2020-2-3", "tomorrow", "20200220", "null", "~",
    "'unterminated", '"\\x00"', "|\n  a\n  b", ">", "? x", "- a", "%YAML 1.1", "\t1",
    "yes", "1e400", ".nan", "-.inf", "<script>alert(1)</script>", "javascript:alert(1)",
    "\u202eبيان\u202c", "[" * 50, "]", "{", ": :", "@x", "`x`", "!", "&", "*",
]  # fmt: skip
KEYS = ["date", "title", "source", "url", "lang", "tags", "1", "? k", "-", ""]

front_matter = st.builds(
    lambda pairs, body, close, crlf: (
        "---\n" + "\n".join(f"{k}: {v}" for k, v in pairs) + ("\n---\n" if close else "\n") + body
    ).replace("\n", "\r\n" if crlf else "\n"),
    st.lists(
        st.tuples(st.sampled_from(KEYS), st.one_of(st.sampled_from(YAML_VALUES), st.text())),
        max_size=6,
    ),
    st.text(max_size=300),
    st.booleans(),
    st.booleans(),
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256")


def encoded(text: str, encoding: str) -> bytes:
    return (
        text.encode(encoding, errors="replace") if encoding == "cp1256" else text.encode(encoding)
    )


article_bytes = st.one_of(
    st.binary(max_size=2000),
    st.builds(encoded, st.one_of(st.text(max_size=500), front_matter), st.sampled_from(ENCODINGS)),
)


def check_article(article: Article, data: bytes) -> None:
    assert isinstance(article.title, str) and len(article.title) <= TITLE_MAX
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", article.body + article.title)
    assert article.body_line >= 1
    assert article.published.date is None or isinstance(article.published.date, dt.date)
    if article.published.date is not None:
        assert TIMELINE_YEARS[0] <= article.published.date.year <= TIMELINE_YEARS[1]
    for _, value in article.meta:
        assert isinstance(value, str)


@FAST
@given(article_bytes, st.sampled_from(["a.txt", "b.md", "Bad Name #1.txt"]))
@example(b"---\na0: &a [x, x]\na1: [*a, *a]\n---\n", "a.txt")
@example(b"\xff\xfe" + "---\ndate: 2020-02-31\n---\n".encode("utf-16-le"), "a.txt")
@example(b"---\ntags: " + b"[" * 5000 + b"\n---\n", "a.txt")
def test_the_reader_never_raises_but_its_own_error(data: bytes, name: str) -> None:
    try:
        article, warnings = parse_article(Path(name), name, data)
    except ReadError as exc:
        assert exc.line >= 1 and exc.message
        return
    check_article(article, data)
    for d in warnings:
        assert d.path == name and d.line >= 1 and d.message and d.severity in ("warning", "info")


@FAST
@given(st.one_of(st.text(), front_matter))
def test_front_matter_never_raises_but_its_own_error(text: str) -> None:
    try:
        meta, body, line = split_front_matter(text)
    except ReadError as exc:
        assert exc.line >= 1
        return
    assert isinstance(meta, dict) and isinstance(body, str) and line >= 1
    assert all(isinstance(k, str) for k in meta)


# -- numbers ---------------------------------------------------------------------------------

NUMBER_WORDS = [
    "واحد", "اثنان", "ثلاثة", "خمسة", "عشرة", "أحد عشر", "عشرين", "مئة", "مائتي", "ثلاثمئة",
    "ألف", "آلاف", "مليون", "ملايين", "مليار", "و", "عشرات", "مئات", "نحو", "أكثر من",
    "2.5", "1,250", "٣", "٢٫٥", "٬", "-", "0", "00", "1e5",
]  # fmt: skip
digits = st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۹,.٫٬", min_size=1, max_size=6000)
number_text = st.one_of(
    st.text(),
    digits,
    st.lists(st.one_of(st.sampled_from(NUMBER_WORDS), digits), max_size=12).map(" ".join),
)


@FAST
@given(number_text)
@example("9" * 5000)
@example("9" * 400 + " ألف")
@example("مليار مليار مليار مليار")
def test_number_words_never_raise(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and 0 <= value <= MAX_COUNT)
    for m in find_numbers(text):
        assert m.value is None or (isinstance(m.value, int) and 0 <= m.value <= MAX_COUNT)


# -- the temporal resolver -------------------------------------------------------------------

any_day = st.dates(min_value=dt.date.min, max_value=dt.date.max)
numbers = st.one_of(
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=10**30),
    st.sampled_from(["ثلاثة", "عشرة", "يومين", "مئة ألف", "9" * 50]),
)
DATE_TEMPLATES = [
    "{n} شباط {y}", "{n}/{m}/{y}", "{y}/{m}/{n}", "يوم {n} من الشهر الماضي", "عام {y}",
    "منذ {n} يوم", "قبل {n} أسابيع", "منذ {n} أشهر", "قبل {n} سنوات", "غداة {n} ديسمبر {y}",
    "عشية {n} يناير {y}", "{n} رمضان {y} هـ", "أواخر {y}", "خلال الـ {n} يوما المقبلة",
]  # fmt: skip
dated_text = st.builds(
    lambda t, n, m, y: "قتل جندي " + t.format(n=n, m=m, y=y) + " في إدلب.",
    st.sampled_from(DATE_TEMPLATES),
    numbers,
    st.integers(min_value=0, max_value=99),
    st.one_of(st.integers(min_value=0, max_value=99999), st.sampled_from(["1441", "2020"])),
)


def check_ref(ref: object) -> None:
    from sitegen.model import DateRef

    assert isinstance(ref, DateRef)
    if ref.is_dated:
        assert type(ref.start) is dt.date and type(ref.end) is dt.date  # a real calendar day
        assert ref.start <= ref.end
        assert TIMELINE_YEARS[0] <= ref.start.year and ref.end.year <= TIMELINE_YEARS[1]
    else:
        assert ref.start is None and ref.end is None and ref.note


@FAST
@given(st.one_of(st.text(max_size=300), dated_text), st.one_of(st.none(), any_day))
@example("قتل جندي غداة 31 ديسمبر 9999 في إدلب.", dt.date(2020, 2, 20))
@example("قتل جندي أمس في إدلب.", dt.date.min)
@example("قتل جندي غداً في إدلب.", dt.date.max)
@example("منذ 99999999999999999999 يوم", dt.date(2020, 2, 20))
def test_the_resolver_never_raises_and_days_are_real(text: str, published: dt.date | None) -> None:
    context = None
    for m in find_dates(text):
        ref = resolve(m, published, context=context)
        check_ref(ref)
        context = ref if ref.is_dated else context


PAST = [
    "أمس", "أمس الأول", "الأسبوع الماضي", "الشهر الماضي", "العام الماضي", "السنة الماضية",
    "منذ {n} أيام", "منذ {n} يوما", "قبل {n} أيام", "قبل {n} أسابيع", "منذ {n} أسابيع",
    "منذ {n} أشهر", "قبل {n} شهرا", "قبل {n} سنوات", "منذ {n} عاما", "منذ {n} ساعة",
    "منذ يومين", "قبل أسبوعين", "قبل شهرين", "منذ أيام", "قبل أيام", "قبل ساعات",
    "خلال الأيام الماضية", "خلال الأسبوعين الماضيين", "في الأيام الماضية",
    "مساء أمس", "فجر أمس", "ليلة أمس", "يوم الجمعة الماضي", "السبت الماضي",
]  # fmt: skip
past_text = st.builds(
    lambda t, n, where: f"{where} " + t.format(n=n) + " قتل ثلاثة مدنيين.",
    st.sampled_from(PAST),
    st.one_of(
        st.integers(min_value=1, max_value=60), st.sampled_from(["ثلاثة", "عشرة", "خمسة عشر"])
    ),
    st.sampled_from(["في إدلب", "وفي سراقب،", "قال المرصد إن"]),
)


@FAST
@given(past_text, any_day)
@example("في إدلب أمس قتل ثلاثة مدنيين.", dt.date(1800, 1, 1))
@example("في إدلب منذ 60 عاما قتل ثلاثة مدنيين.", dt.date(1850, 1, 1))
def test_the_past_never_resolves_after_publication(text: str, published: dt.date) -> None:
    found = find_dates(text)
    assert found, text  # the phrase is read as a date at all
    for m in found:
        ref = resolve(m, published)
        check_ref(ref)
        if ref.is_dated:
            assert ref.end is not None and ref.end <= published, (m.text, ref)
