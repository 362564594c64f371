"""Writing the site: into a temporary folder beside the output, swapped in at the end.

A failed or killed build never leaves a half-written site: until the final
rename, ``output/`` is the previous complete build. The same output path is
never written twice (two pages claiming one path is a bug, not a last-wins).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


class DuplicatePathError(Exception):
    pass


class Staging:
    """A temporary output folder; ``commit`` swaps it in, ``discard`` removes it."""

    def __init__(self, output: Path) -> None:
        self.output = output
        output.parent.mkdir(parents=True, exist_ok=True)
        _sweep(output)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
        self.written: set[str] = set()

    def write(self, rel: str, data: bytes) -> None:
        target = self._target(rel)
        target.write_bytes(data)

    def copy(self, rel: str, source: Path) -> None:
        target = self._target(rel)
        shutil.copyfile(source, target)

    def write_all(self, files: Iterable[tuple[str, bytes]]) -> None:
        for rel, data in files:
            self.write(rel, data)

    def _target(self, rel: str) -> Path:
        rel = rel.replace("\\", "/").lstrip("/")
        if rel in self.written:
            raise DuplicatePathError(f"two pages want to write '{rel}'")
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"refusing to write outside the output folder: '{rel}'")
        self.written.add(rel)
        target = self.dir.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def commit(self) -> None:
        """Swap the new build in: two renames, the old one removed afterwards."""
        old = None
        if self.output.exists():
            old = self.output.with_name(f".{self.output.name}.old-{os.getpid()}")
            os.rename(self.output, old)
        os.rename(self.dir, self.output)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def _sweep(output: Path) -> None:
    """Remove leftovers of killed builds; restore the old site if a swap was cut short."""
    for stale in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)
    olds = sorted(output.parent.glob(f".{output.name}.old-*"))
    for old in olds:
        if not output.exists():
            os.rename(old, output)
        else:
            shutil.rmtree(old, ignore_errors=True)
