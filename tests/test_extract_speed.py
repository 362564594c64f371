"""The shortcuts taken for speed give exactly what the plain computation gives.

Each shortcut in the extractor (the faster fold, remembered scans, the scan of an
article's opening reused from the whole article's scan) is checked here against
the straightforward version it replaced.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.extract import actors, numbers, temporal
from sitegen.extract.normalize import _DROP, _MAP, fold

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def reference_fold(text: str) -> tuple[str, list[int]]:
    """The original fold: a translate table, and the index of every kept character."""
    table: dict[int, str | None] = {ord(c): None for c in _DROP}
    table.update({ord(k): v for k, v in _MAP.items()})
    offsets = [i for i, ch in enumerate(text) if ch not in _DROP]
    return text.translate(table), [*offsets, len(text)]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _check_fold(text: str) -> None:
    folded = fold(text)
    want, offsets = reference_fold(text)
    assert folded.text == want
    n = len(want)
    for i in range(n + 1):
        assert folded.index(i) == offsets[i]
        assert folded.span(i, i) == (offsets[i], offsets[i])
        if i < n:
            assert folded.span(i, i + 1) == (offsets[i], offsets[i] + 1)
            j = min(n, i + 7)
            assert folded.span(i, j) == (offsets[i], offsets[j - 1] + 1)
    for end in range(len(text) + 1):
        assert folded.folded_index(end) == len(reference_fold(text[:end])[0])


_ALPHABET = "ابتةجدرسعلمنوىيأإآ ،.\"'«»\n0١٢" + "".join(sorted(_DROP))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_fold_equals_the_reference(text: str) -> None:
    _check_fold(text)


def test_fold_equals_the_reference_on_seeds() -> None:
    for text in _seed_texts():
        text = text[:3000] + " غداً هـ\u200f،٤ قُتِلَ"
        _check_fold(text)


def _prefix_cases() -> list[str]:
    texts = _seed_texts()
    texts.append(
        "وقال المرصد السوري لحقوق الإنسان"
        + " " * 300
        + '"  الجيش   السوري'
        + " \"'" * 50
        + "وزارة الدفاع التركية"
        + "ً" * 30
        + " أعلنت وزارة الدفاع الروسية"
    )
    return texts


def test_scan_of_an_opening_equals_a_scan_of_it() -> None:
    for text in _prefix_cases():
        folded = fold(text)
        hits = actors.scan(folded)
        n = len(folded.text)
        step = 1 if n < 2000 else 5
        for end in range(0, n + 1, step):
            want = actors._scan(fold(folded.text[:end]), 0, end)
            k, tail = actors._split_before(folded, hits, end)
            assert hits[:k] + tail == want, end


def _old_after(folded, cue, hits):  # type: ignore[no-untyped-def]
    lex = actors._lexicon()
    starts = {h.start for h in hits}
    limit = cue.end()
    for n, w in enumerate(actors._WORD.finditer(folded.text, cue.end())):
        between = folded.text[limit : w.start()]
        quoted = '"' in between and w.start() not in starts
        if (
            n >= lex.max_words
            or actors._STOP.search(between)
            or quoted
            or lex.ends.match(w.group())
        ):
            break
        limit = w.end()
    window = [h for h in hits if cue.end() <= h.start < limit]
    return next((h for h in window if h.actor.kind == "person"), window[0] if window else None)


def _old_before(folded, cue, hits):  # type: ignore[no-untyped-def]
    for h in hits:
        adjacent = h.end <= cue.start() and actors._GAP.match(folded.text[h.end : cue.start()])
        if adjacent and actors._SVO_BEFORE.search(folded.text[: h.start]):
            return h
    return None


def test_speaker_lookups_equal_the_linear_ones() -> None:
    lex = actors._lexicon()
    for text in _prefix_cases():
        for piece in [text, *text.splitlines()]:
            folded = fold(piece)
            hits = actors.scan(folded)
            indexed = actors._Hits(hits)
            for cue in lex.cues.finditer(folded.text):
                assert actors._after(folded, cue, indexed) == _old_after(folded, cue, hits)
                assert actors._before(folded, cue, indexed) == _old_before(folded, cue, hits)


def _old_resolve_anaphor(speaker, before):  # type: ignore[no-untyped-def]
    head = actors._head(speaker.text)
    for hit in reversed(actors.find_actors(before)):
        if head in (actors._head(hit.text), actors._head(hit.actor.ar)):
            return replace(speaker, actor=hit.actor)
    return speaker


def test_anaphora_resolved_as_before() -> None:
    seen = 0
    for text in _prefix_cases():
        for line in text.splitlines():
            at = text.find(line)
            for speaker in actors._speakers(line, fold(line)):
                if speaker.actor.key:
                    continue
                cut = at + speaker.start
                want = _old_resolve_anaphor(speaker, text[:cut])
                assert actors._resolve_anaphor(speaker, text, cut) == want
                seen += 1
    assert seen > 5


_CLAIMS = (
    "قال المرصد اليوم الجمعة إن قصفا استهدف البلدة، وأمس الخميس قتل ثلاثة.",
    "وكانت الطائرات قد أغارت أمس، السبت، على ريف إدلب، ثم عادت اليوم  الأحد.",
    "أعلنت الوزارة لليوم الثلاثاء عن هدنة، وغداً الأربعاء تبدأ المفاوضات.",
    "هجوم أول أمس الإثنين وآخر البارحة الثلاثاء",
)


def test_weekday_warnings_shortcut_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_seed_texts(), *_CLAIMS, " ".join(_CLAIMS)]
    days = [date(2020, 2, 24) + timedelta(days=i) for i in range(7)]
    fast = [temporal.weekday_warnings(t, d) for t in texts for d in days]
    monkeypatch.setattr(temporal, "_contradicted", lambda text, weekday: True)
    slow = [temporal.weekday_warnings(t, d) for t in texts for d in days]
    assert fast == slow
    assert sum(map(bool, slow)) > 10


@pytest.mark.parametrize(
    "digits", ["0", "7", "007", "25", "999999999999", "1000000000000", "12345678901234", "9" * 5000]
)
def test_plain_digits_read_as_before(digits: str) -> None:
    """The shortcut for plain digits against the general reading (a trailing
    space, which the general reading strips, keeps the shortcut out)."""
    assert numbers.parse_number(digits) == numbers.parse_number(digits + " ")


def test_warm_loads_the_lexicons() -> None:
    from sitegen.extract import pipeline

    pipeline.warm()
    assert temporal._grammar.cache_info().currsize == 1
    assert actors._lexicon.cache_info().currsize == 1
