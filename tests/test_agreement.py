"""The second annotation (tests/data/dev-gold/second/) and the agreement score:
an annotation read as an extraction scores full marks against itself, and the
two annotations cover the same articles, each cue a piece of its article."""

from __future__ import annotations

from . import agreement, devset
from .conftest import Shared


def test_an_annotation_agrees_with_itself(shared: Shared) -> None:
    gold = devset.load_gold(agreement.second_batches())
    s = devset.score(gold, agreement.as_extracted(gold, shared.scorer), shared.scorer)
    assert s.core > 0
    assert (s.found, s.dated, s.placed, s.counted) == (s.core,) * 4
    assert s.unmatched == 0 and s.invented == 0


def test_the_second_annotation_reads_the_same_articles(shared: Shared) -> None:
    batches = agreement.second_batches()
    assert batches  # at least one batch annotated twice
    first, second = devset.load_gold(batches), agreement.load_second(batches)
    assert [a["file"] for a in second["articles"]] == [a["file"] for a in first["articles"]]
    corpus = shared.corpus()
    for article in second["articles"]:
        text = corpus[article["file"].removesuffix(".txt")]["text"]
        for incident in article["incidents"]:
            for cue in [incident["cue"], *incident.get("also", [])]:
                assert cue in text, (article["file"], cue)
