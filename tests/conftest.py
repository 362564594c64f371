from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder holding a copy of the seed articles."""
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("_*"))
    return tmp_path
