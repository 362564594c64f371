"""How a place is named on the pages (sitegen/vocabulary.py, place_kinds.yaml)."""

from __future__ import annotations

import pytest

from sitegen.model import Place
from sitegen.vocabulary import place_name


@pytest.mark.parametrize(
    ("place", "lang", "name"),
    [
        # an airport whose English name says what it is is shown as it is
        (Place("الشعيرات", "Shayrat Airbase", kind="airport"), "en", "Shayrat Airbase"),
        (Place("حميميم", "Hmeimim Air Base", kind="airport"), "en", "Hmeimim Air Base"),
        (Place("بن جوريون", "Ben Gurion Airport", kind="airport"), "en", "Ben Gurion Airport"),
        # ... and named by its kind otherwise, as in Arabic
        (Place("الشعيرات", "Shayrat Airbase", kind="airport"), "ar", "مطار الشعيرات"),
        (Place("نصيب", "Nasib", kind="crossing"), "en", "Nasib crossing"),
        (Place("سراقب", "Saraqib", kind="town"), "en", "Saraqib"),
    ],
)
def test_a_place_is_named_by_its_kind_unless_its_name_says_it(
    place: Place, lang: str, name: str
) -> None:
    assert place_name(place, lang) == name
