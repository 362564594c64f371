from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from sitegen import i18n

# Arabic has six plural forms; the catalog must pick the right one for each count.
KILLED = [
    (0, "لا قتلى"),
    (1, "قتيل واحد"),
    (2, "قتيلان"),
    (3, "3 قتلى"),
    (10, "10 قتلى"),
    (11, "11 قتيلاً"),
    (99, "99 قتيلاً"),
    (100, "100 قتيل"),
    (102, "102 قتيل"),
    (103, "103 قتلى"),
    (111, "111 قتيلاً"),
]


@pytest.mark.parametrize(("n", "text"), KILLED)
def test_arabic_plural_forms(n: int, text: str) -> None:
    t = i18n.load("ar")
    assert t.ngettext("%(num)s killed", "%(num)s killed", n) % {"num": n} == text


@pytest.mark.parametrize(("n", "text"), [(1, "1 killed"), (2, "2 killed"), (5, "5 incidents")])
def test_english_falls_back_to_the_source_strings(n: int, text: str) -> None:
    t = i18n.load("en")
    single, plural = (
        ("%(num)s incident", "%(num)s incidents")
        if "incident" in text
        else ("%(num)s killed", "%(num)s killed")
    )
    assert t.ngettext(single, plural, n) % {"num": n} == text


def test_every_template_string_is_translated_into_arabic() -> None:
    with i18n.LOCALE_DIR.joinpath("messages.pot").open("rb") as fh:
        template = read_po(fh)
    with i18n.po_path("ar").open("rb") as fh:
        arabic = read_po(fh, locale="ar")
    missing = [
        m.id for m in template if m.id and not (arabic.get(m.id) and arabic.get(m.id).string)
    ]
    assert missing == []
