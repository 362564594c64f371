"""Writing the site: into a staging folder beside the output, swapped in at the end.

A failed or killed build never leaves a half-written site: until the final
rename, ``output/`` is the previous complete build. A file whose bytes did not
change is hard-linked from the previous build, so it keeps its mtime (a
preview server or rsync sees nothing new); when nothing changed at all the
output is left alone. The same output path is never written twice: two pages
claiming one path is a bug, not a last-wins.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


class DuplicatePathError(Exception):
    pass


class Staging:
    """A temporary output folder; ``commit`` swaps it in, ``discard`` removes it."""

    def __init__(
        self,
        output: Path,
        previous: dict[str, str] | None = None,
        previous_keys: dict[str, str] | None = None,
    ) -> None:
        self.output = output
        self.previous = previous or {}  # path → content hash, as the last build wrote it
        self.previous_keys = previous_keys or {}  # path → fingerprint of its inputs
        self.keys: dict[str, str] = {}
        self._made: set[str] = set()
        output.parent.mkdir(parents=True, exist_ok=True)
        _sweep(output)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
        # Plain strings on the per-file path: pathlib's joins cost more than the
        # hard link itself when a large site keeps tens of thousands of files.
        self._new = str(self.dir)
        self._old = str(output)
        self.hashes: dict[str, str] = {}
        self.changed = 0

    def keep(self, rel: str, key: str) -> bool:
        """Reuse the previous build's file when its inputs had the same
        fingerprint, without making it again; False if it must be made."""
        rel = self._unclaimed(rel)
        sha = self.previous.get(rel)
        if sha is None or self.previous_keys.get(rel) != key:
            return False
        target = self._target(rel)
        if not self._reuse(rel, target):
            return False
        self.hashes[rel] = sha
        self.keys[rel] = key
        return True

    def write(self, rel: str, data: bytes, key: str | None = None) -> None:
        rel = self._unclaimed(rel)
        sha = hashlib.sha1(data).hexdigest()
        self.hashes[rel] = sha
        if key is not None:
            self.keys[rel] = key
        target = self._target(rel)
        if self.previous.get(rel) == sha and self._reuse(rel, target):
            return
        self.changed += 1
        try:
            _write_file(target, data)
        except OSError as exc:  # a full disk says so without naming the file: name it
            if exc.filename is not None:
                raise
            raise OSError(exc.errno, exc.strerror or str(exc), target) from exc

    def _unclaimed(self, rel: str) -> str:
        """``rel`` checked, and refused if another page already wrote it (Pelican's rule)."""
        rel = _checked(rel)
        if rel in self.hashes:
            raise DuplicatePathError(f"two pages want to write '{rel}'")
        return rel

    def _target(self, rel: str) -> str:
        """Where ``rel`` goes in the staging folder, its parent folder made."""
        folder, _, _ = rel.rpartition("/")
        if folder not in self._made:
            os.makedirs(os.path.join(self._new, folder), exist_ok=True)
            self._made.add(folder)
        return os.path.join(self._new, rel)

    def copy(self, rel: str, source: Path) -> None:
        self.write(rel, source.read_bytes())

    def _reuse(self, rel: str, target: str) -> bool:
        """Hard-link the previous build's identical file (keeps bytes and mtime)."""
        try:
            os.link(os.path.join(self._old, rel), target)
        except OSError:
            return False
        return True

    @property
    def unchanged(self) -> bool:
        """Same files with the same bytes as the previous build."""
        return self.changed == 0 and set(self.hashes) == set(self.previous) and self.output.is_dir()

    def commit(self) -> bool:
        """Swap the new build in (two renames); False when nothing had changed."""
        if self.unchanged:
            self.discard()
            return False
        old = None
        if self.output.exists():
            old = self.output.with_name(f".{self.output.name}.old-{os.getpid()}")
            os.rename(self.output, old)
        os.rename(self.dir, self.output)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return True

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def _write_file(path: str, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)


def _checked(rel: str) -> str:
    rel = rel.replace("\\", "/").lstrip("/")
    if any(p in ("", ".", "..") for p in rel.split("/")):
        raise ValueError(f"refusing to write outside the output folder: '{rel}'")
    return rel


def _sweep(output: Path) -> None:
    """Remove leftovers of killed builds; restore the old site if a swap was cut short."""
    for stale in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for old in sorted(output.parent.glob(f".{output.name}.old-*")):
        if not output.exists():
            os.rename(old, output)
        else:
            shutil.rmtree(old, ignore_errors=True)
