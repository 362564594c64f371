"""Reading the filter's index as the browser does: every month's script."""

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


def records(lang_dir: Path) -> list[dict[str, Any]]:
    """Every record of one language's index."""
    out: list[dict[str, Any]] = []
    for path in sorted((lang_dir / "search").glob("*.js")):
        key, items = shard_records(path)
        assert f"{key}.js" == path.name
        out += items
    return out
