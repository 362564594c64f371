from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitegen.build import analyse
from sitegen.config import load_config


def incidents(site: Path) -> dict[str, object]:
    analysis = analyse(load_config(site))
    return {i.id: i for x in analysis.extractions for i in x.incidents}


def test_overrides_fix_date_place_text_and_drop(site: Path) -> None:
    before = incidents(site)
    tah = next(i for i in before.values() if "قرية التح" in i.sources[0].quote)  # type: ignore[attr-defined]
    mhardeh = next(i for i in before.values() if "محردة" in i.sources[0].quote)  # type: ignore[attr-defined]
    false = next(i for i in before.values() if "ويأتي هذا النفي" in i.sources[0].quote)  # type: ignore[attr-defined]
    (site / "seeds" / "_overrides.yaml").write_text(
        f"""# corrections by the desk
{mhardeh.id}:
  date: 2020-02-21
  note: the agency's Friday bulletin
{tah.id}:
  places: [Idlib, سراقب]
  summary_en: Attack on al-Tah repelled
{false.id}:
  drop: true
002_d4f3851b5aa9acad-00000000:
  drop: true
""",
        encoding="utf-8",
    )
    analysis = analyse(load_config(site))
    after = {i.id: i for x in analysis.extractions for i in x.incidents}
    assert false.id not in after
    assert after[mhardeh.id].date.start == dt.date(2020, 2, 21)
    assert after[mhardeh.id].date.precision == "day"
    assert [p.en for p in after[tah.id].places] == ["Idlib", "Saraqib"]
    assert [p.en for p in after[tah.id].context] == ["Syria"]  # from the places given
    assert after[tah.id].summary_en == "Attack on al-Tah repelled"
    stale = [d for d in analysis.diagnostics if "matches no incident" in d.message]
    assert len(stale) == 1 and stale[0].path.endswith("_overrides.yaml") and stale[0].line == 10


def test_incident_ids_are_stable_across_rebuilds_and_edits_elsewhere(site: Path) -> None:
    first = set(incidents(site))
    path = site / "seeds" / "001_a1a39c06a4cbffd7.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nسطر جديد لا حدث فيه.\n", encoding="utf-8")
    assert set(incidents(site)) == first


def test_a_broken_overrides_file_is_reported_not_fatal(site: Path) -> None:
    (site / "seeds" / "_overrides.yaml").write_text("x: [unclosed\n", encoding="utf-8")
    analysis = analyse(load_config(site))
    assert len(analysis.extractions) == 5
    assert any(
        d.path.endswith("_overrides.yaml") and d.severity == "error" for d in analysis.diagnostics
    )


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_correcting_the_sentence_keeps_the_id_its_links_and_its_override(site: Path) -> None:
    """خمسة → سبعة: a typo fixed in the source sentence, as a desk does every day."""
    path = site / "seeds" / "000_62a7b35b78715ad0.txt"
    before = incidents(site)
    wounded = next(
        i
        for i in before.values()
        if any("أصيب خمسة آخرون" in s.quote for s in i.sources)  # type: ignore[attr-defined]
    )
    (site / "seeds" / "_overrides.yaml").write_text(
        f"{wounded.id}:\n  summary_en: Two Turkish soldiers killed\n", encoding="utf-8"
    )
    _replace_in(path, "أصيب خمسة آخرون", "أصيب سبعة آخرون")
    after = incidents(site)
    assert set(after) == set(before)
    assert after[wounded.id].casualties.wounded == 7  # type: ignore[attr-defined]
    assert after[wounded.id].summary_en == "Two Turkish soldiers killed"  # type: ignore[attr-defined]


def test_a_facility_is_found_by_the_name_its_page_shows(site: Path) -> None:
    """The pages say "مطار حميميم" / "Hmeimim Air Base" (place_kinds.yaml): a
    correction may name it so, as well as by the gazetteer's "حميميم"."""
    tah = next(i for i in incidents(site).values() if "قرية التح" in i.sources[0].quote)  # type: ignore[attr-defined]
    (site / "seeds" / "_overrides.yaml").write_text(
        f"{tah.id}:\n  places: [مطار حميميم, Nerab Airbase, حميميم]\n", encoding="utf-8"
    )
    after = incidents(site)[tah.id]
    assert [(p.en, p.kind) for p in after.places] == [  # type: ignore[attr-defined]
        ("Hmeimim Air Base", "airport"),
        ("Nerab Airbase", "airport"),
        ("Hmeimim Air Base", "airport"),
    ]
