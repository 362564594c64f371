"""Loading the language data files in ``sitegen/data/``.

Language knowledge (month names, number words, triggers, the gazetteer) is
data a linguist can edit; code only compiles it. Each file is read once per
process.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's loader, where PyYAML was built with it, reads the data files ~10x
# faster than the pure-Python one (~0.25 s saved per process, per pool worker) and
# gives the same values (tests/test_lexicon_loaders.py checks every file).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _text(name: str) -> str:
    return resources.files("sitegen").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_yaml(name: str) -> Any:
    """A YAML data file from ``sitegen/data/`` (e.g. ``"months.yaml"``)."""
    return yaml.load(_text(name), Loader=_LOADER)  # a safe loader, see _LOADER


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """A CSV data file from ``sitegen/data/`` as rows keyed by the header.

    Lines starting with ``#`` are comments, so curators can annotate the file.
    """
    lines = [ln for ln in _text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(io.StringIO("\n".join(lines))))
