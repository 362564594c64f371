"""Regenerate the golden output: python tests/golden/update.py

Run it after a deliberate change to templates, catalogs or extraction, then
review `git diff tests/golden/expected` before committing.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from sitegen.build import build  # noqa: E402
from sitegen.config import load_config  # noqa: E402

SITE = HERE / "site"
EXPECTED = HERE / "expected"


def build_golden(into: Path) -> Path:
    """Build the golden site from a copy (so no cache or output lands in the repo)."""
    root = into / "site"
    shutil.copytree(SITE, root)
    build(load_config(root), use_cache=False)
    return root / "output"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = build_golden(Path(tmp))
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(out, EXPECTED)
    print(f"wrote {sum(1 for p in EXPECTED.rglob('*') if p.is_file())} files to {EXPECTED}")


if __name__ == "__main__":
    main()
