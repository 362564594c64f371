"""The dev set (tests/data/dev-gold/), scored as the project is judged: the figures
reached, held. A change that loses one of them fails here; one that gains should
raise the bar. ``python -m tests.devset`` prints the figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import devset
from .conftest import Shared


@pytest.fixture(scope="module")
def scores(shared: Shared, tmp_path_factory: pytest.TempPathFactory) -> dict[str, devset.Score]:
    folder = tmp_path_factory.mktemp("devset")
    return devset.run(shared.corpus(), shared.scorer, folder, devset.BATCHES)


def test_the_dev_set_is_large_enough() -> None:
    gold = devset.load_gold()
    conflict = devset.load_gold(devset.CONFLICT)
    assert len(conflict["articles"]) >= 40
    assert len(gold["articles"]) - len(conflict["articles"]) >= 20
    sources = {a["file"].split("-")[0] for a in conflict["articles"]}
    assert sources == {"AL", "BB", "CN", "FR", "SK"}  # all five outlets


def test_a_lower_bound_is_not_also_a_count_of_none() -> None:
    # The scorer reads "killed": null as "no one killed", so beside
    # "killed_min": 12 it could never be met: the annotator meant the bound.
    both = [
        (incident["id"], field)
        for article in devset.load_gold()["articles"]
        for incident in article["incidents"]
        for field in ("killed", "wounded", "displaced")
        if field in incident and incident[field] is None and f"{field}_min" in incident
    ]
    assert both == []


def test_conflict_news_one_entry_per_real_event(scores: dict[str, devset.Score]) -> None:
    s = scores["conflict"]
    assert s.ratio <= 0.85  # extracted per analyst's incident (issue 16: at most 1.3×)
    assert s.matched_share >= 0.7664  # of what is extracted, matches an analyst's incident
    assert s.from_not_incidents <= 1058  # of the 17,387 sentences that report no event


def test_conflict_news_core_incidents_are_found(scores: dict[str, devset.Score]) -> None:
    s = scores["conflict"]
    assert s.found >= 4475  # of 4,915
    assert s.dated >= 3926 and s.placed >= 3626 and s.counted >= 4037


def test_other_domains_yield_almost_nothing(scores: dict[str, devset.Score]) -> None:
    # 4 of 24 (issue 16's limit, 0.15, is for the corpus's categories): two
    # are 2011 protests recalled by a culture article about a play on Syria.
    assert scores["other"].per_article <= 0.17


def test_no_date_is_invented_for_what_the_text_does_not_date(
    scores: dict[str, devset.Score],
) -> None:
    assert scores["all"].invented <= 669  # gold undated incidents given a date


def test_the_articles_come_from_the_corpus(shared: Shared, tmp_path: Path) -> None:
    gold = devset.load_gold(("other",))
    devset.write_articles(gold, shared.corpus(), tmp_path)
    assert len(list(tmp_path.glob("*.txt"))) == len(gold["articles"])


def test_changes_name_each_verdict_that_moved() -> None:
    def row(found: bool, date: bool) -> dict[str, object]:
        return {
            "id": "X1-strike",
            "file": "X-1",
            "found": found,
            "date": date,
            "places": True,
            "counts": True,
            "gold": {"date": "2018-04-07", "precision": "day", "places_ar": [], "killed": 3},
            "got": {"date": {"start": "2018-04-07", "precision": "day"}, "places_ar": []},
            "cue": "قتل ثلاثة",
        }

    assert devset.changes([row(True, True)], [row(True, True)]) == []
    lines = devset.changes([row(True, False)], [row(True, True)])
    assert lines == [
        "+ date   X1-strike                    gold 2018-04-07 day; got 2018-04-07/None day"
    ]


def test_kinds_count_the_failures_without_the_articles() -> None:
    def row(**verdicts: object) -> dict[str, object]:
        base: dict[str, object] = {"found": True, "date": True, "places": True, "counts": True}
        return {
            **base,
            **verdicts,
            "gold": {"date": "2018-04-07", "precision": "day", "places_ar": ["دوما"]},
            "got": {
                "date": {"start": "2018-04-08", "precision": "day"},
                "places_ar": [],
                "casualties": {"killed": 3, "wounded": None},
            },
        }

    counted = devset.kinds(
        [row(found=False), row(date=False), row(places=False, counts=False), row()]
    )
    assert counted == {
        "not found": 1,
        "date: another day": 1,
        "places: none given": 1,
        "figures: other figures": 1,
    }
    # what it says is counts and kinds only: no cue, quote or place of the article
    assert not any("دوما" in kind for kind in counted)


def test_a_sealed_batch_can_be_named() -> None:
    joined = set(devset.BATCHES)
    assert joined <= set(devset._gold_batches())
