"""Reading the filter's index as the browser does: the facets, then every month's script."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SHARD = re.compile(
    r'\(window\.SITEGEN_SEARCH=window\.SITEGEN_SEARCH\|\|\{\}\)\[("[^"]*")\]=(.*);\n', re.S
)


def shard_records(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The month key and records of one ``search/<month>.js``; raises if malformed."""
    m = SHARD.fullmatch(path.read_text(encoding="utf-8"))
    assert m, f"{path}: not a search shard"
    return json.loads(m.group(1)), json.loads(m.group(2))


FACETS = re.compile(r"window\.SITEGEN_FACETS=(.*);\n", re.S)


def facets(lang_dir: Path) -> dict[str, Any]:
    """``search/facets.js``: the shards and the filter's choices."""
    m = FACETS.fullmatch((lang_dir / "search" / "facets.js").read_text(encoding="utf-8"))
    assert m, f"{lang_dir}/search/facets.js: not the facets script"
    out: dict[str, Any] = json.loads(m.group(1))
    return out


def records(lang_dir: Path) -> list[dict[str, Any]]:
    """Every record of one language's index: the shards facets.js lists."""
    out: list[dict[str, Any]] = []
    shards = facets(lang_dir)["shards"]
    assert sorted(p.stem for p in (lang_dir / "search").glob("*.js")) == sorted([*shards, "facets"])
    for shard in shards:
        key, items = shard_records(lang_dir / "search" / f"{shard}.js")
        assert key == shard
        out += items
    return out
