"""Golden output: the whole built site of a small fixture, byte for byte.

When a change to the output is intended, regenerate with
``python tests/golden/update.py`` and review the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from tests.golden.update import EXPECTED, build_golden


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_output_matches_the_golden_files(tmp_path: Path) -> None:
    got = files(build_golden(tmp_path))
    want = files(EXPECTED)
    assert sorted(got) == sorted(want), "files added or missing; run python tests/golden/update.py"
    for name, data in want.items():
        if got[name] != data:
            diff = difflib.unified_diff(
                data.decode("utf-8", "replace").splitlines(),
                got[name].decode("utf-8", "replace").splitlines(),
                f"expected/{name}",
                f"built/{name}",
                lineterm="",
                n=1,
            )
            raise AssertionError(
                "\n".join(list(diff)[:40]) + "\n(run python tests/golden/update.py if intended)"
            )


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    assert files(build_golden(tmp_path / "one")) == files(build_golden(tmp_path / "two"))
