from __future__ import annotations

import json
import lzma
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder holding a copy of the seed articles."""
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("_*"))
    return tmp_path


class Shared:
    """``../shared`` beside the repository: the seed gold file, the scorer, the corpus.

    Every test reads it through the ``shared`` fixture. Where it is absent the
    test is skipped — except in CI (``CI`` set), where it is always present and
    a missing file is a failure, not a quiet skip."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._corpus: dict[str, dict[str, Any]] | None = None

    def path(self, relative: str) -> Path:
        path = self.root / relative
        if not path.exists():
            _missing(path)
        return path

    @property
    def gold(self) -> Path:
        return self.path("spec/seed-incidents.json")

    @property
    def scorer(self) -> Path:
        return self.path("tools/score_incidents.py")

    def seed_gold(self) -> dict[str, Any]:
        return json.loads(self.gold.read_text(encoding="utf-8"))

    def corpus(self) -> dict[str, dict[str, Any]]:
        """The ANT corpus rows by id (read once per test session)."""
        if self._corpus is None:
            with lzma.open(self.path("corpus/ant-2018.jsonl.xz"), "rt", encoding="utf-8") as fh:
                self._corpus = {row["id"]: row for row in map(json.loads, fh)}
        return self._corpus


def _missing(path: Path) -> None:
    message = f"{path} is missing: ../shared must sit beside the repository"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared() -> Iterator[Shared]:
    root = REPO.parent / "shared"
    if not root.is_dir():
        _missing(root)
    yield Shared(root)
