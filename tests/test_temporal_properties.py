"""Properties of the temporal extractor that must hold for any input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.extract.normalize import fold
from sitegen.extract.numbers import find_numbers
from sitegen.extract.temporal import find_dates, infer_publication, resolve, weekday_warnings

# Words the extractor reacts to, mixed with noise, so random text often
# contains real (and half-real) expressions.
VOCAB = [
    "اليوم", "أمس", "غداً", "غدا", "الجمعة", "السبت", "الأحد", "يوم", "صباح", "مساء",
    "ليلة", "منذ", "قبل", "خلال", "في", "الأسبوع", "الشهر", "العام", "الماضي",
    "الماضية", "المقبل", "الجاري", "هذا", "الأيام", "الأسبوعين", "الماضيين", "أيام",
    "يومين", "ثلاثة", "عشر", "فبراير", "شباط", "آذار", "آب", "ماي", "ديسمبر",
    "مطلع", "منتصف", "أواخر", "نهاية", "بنهاية", "غداة", "عشية", "ذلك", "التالي",
    "نفسه", "عام", "2018", "2020", "20", "31", "1441", "هـ", "جمادى", "الآخرة", "/",
    "،", ".", "\n", "February", "20,", "Şubat", "февраля", "حتى", "روسيا", "الأول",
    "قتل", "جنود", "ً", "ـ", "٢٠", "۲",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(VOCAB), max_size=30).map(" ".join),
)
dates = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))

# Kinds and directions that only look back from publication.
FUTURE_WORDS = ("غد", "المقبل", "المقبلة", "القادم", "القادمة")


@settings(max_examples=400, deadline=None)
@given(texts, dates, st.integers(min_value=0, max_value=6))
def test_never_raises_and_dates_are_real(text: str, published: date | None, ws: int) -> None:
    context = None
    last_end = -1
    for m in find_dates(text):
        assert m.start >= last_end and m.end > m.start
        assert text[m.start : m.end] == m.text
        last_end = m.end
        ref = resolve(m, published, week_start=ws, context=context)
        assert ref.text == m.text
        if ref.is_dated:
            assert ref.start is not None and ref.end is not None
            assert ref.start <= ref.end
            assert ref.precision != "undated"
            context = ref
        else:
            assert ref.end is None and ref.precision == "undated" and ref.note


@settings(max_examples=300, deadline=None)
@given(texts, dates)
def test_past_relative_expressions_never_lie_after_publication(
    text: str, published: date | None
) -> None:
    if published is None:
        return
    for m in find_dates(text):
        if m.kind not in ("day", "weekday", "ago", "span", "period", "month"):
            continue
        if m.year is not None or any(w in m.text for w in FUTURE_WORDS):
            continue
        if m.kind in ("period", "month") and m.direction != "past" and not m.since:
            continue  # "هذا الشهر" is the whole month; a bare month is the nearest one
        if m.shift > 0 or m.offset > 0:
            continue
        ref = resolve(m, published)
        if ref.is_dated:
            assert ref.end is not None and ref.end <= published, (m, ref)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_relative_expressions_are_undated_without_publication(text: str) -> None:
    for m in find_dates(text):
        ref = resolve(m, None)
        relative = m.kind in ("day", "weekday", "period", "ago", "span") or (
            m.kind in ("date", "month") and m.year is None
        )
        if relative or m.since:
            assert not ref.is_dated, (m, ref)
            assert ref.note


@settings(max_examples=200, deadline=None)
@given(texts, st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_publication_helpers_never_raise(text: str, published: date) -> None:
    pub = infer_publication(text)
    if pub is not None:
        assert pub.basis == "text" and pub.evidence and pub.line >= 1
    for line, message in weekday_warnings(text, published):
        assert 1 <= line <= text.count("\n") + 1 and message


@settings(max_examples=300, deadline=None)
@given(texts)
def test_folded_spans_lead_back_to_the_words_they_came_from(text: str) -> None:
    folded = fold(text)
    for i in range(len(folded.text)):
        start, end = folded.span(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]).text == folded.text[i]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_numbers_never_raise(text: str) -> None:
    last_end = -1
    for m in find_numbers(text):
        assert m.start >= last_end and text[m.start : m.end] == m.text
        last_end = m.end
        assert m.value is None or m.value >= 0
        if m.value is None:
            assert m.approximate
