"""The build cache's storage: values by kind and key, on disk and (for the
preview) in memory.

The keys are made by ``incremental`` (an article's entry is keyed by its
bytes, its file name and the extractor's version — the code and the language
data together, so editing a lexicon file or upgrading sitegen invalidates
every entry). The cache is a folder of pickles beside the site
(``.sitegen-cache/``); deleting it is always safe.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

CACHE_DIR = ".sitegen-cache"
_PACKAGE = Path(__file__).resolve().parent


class Remembered:
    """Values a long-running process (the preview server) keeps between builds,
    so a rebuild after one edit need not unpickle every other article's
    extraction again (~7 s of a 10,000-article rebuild). Values are frozen and
    keyed by their inputs' digest, so a kept one is never stale; only those the
    last build used are kept."""

    def __init__(self) -> None:
        self._last: dict[tuple[str, str], Any] = {}
        self._now: dict[tuple[str, str], Any] = {}

    def get(self, kind: str, key: str) -> Any:
        value = self._now.get((kind, key))
        if value is None:
            value = self._last.get((kind, key))
            if value is not None:
                self._now[(kind, key)] = value
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        self._now[(kind, key)] = value

    def turn(self) -> None:
        """One build has used what it needs: forget what it did not use."""
        self._last, self._now = self._now, {}

    def __len__(self) -> int:
        return len(self._last.keys() | self._now.keys())

    def count(self, kind: str) -> int:
        """How many values of one kind are kept."""
        return sum(k == kind for k, _ in self._last.keys() | self._now.keys())


class Cache:
    """A folder of pickled values, written atomically (a killed build leaves no
    torn entry); with ``memory``, the kinds in ``REMEMBERED`` are also kept in
    the process between builds."""

    # Extraction records: small, frozen, needed by every build. Not the downloads'
    # month pieces, which at 10,000 articles are ~370 MB of text.
    REMEMBERED = frozenset({"article"})

    def __init__(self, root: Path | None, memory: Remembered | None = None) -> None:
        self.root = root
        self.memory = memory

    def folder(self, kind: str) -> Path | None:
        """A sub-folder for another tool's cache (Jinja's compiled templates)."""
        if self.root is None:
            return None
        path = self.root / kind
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return path

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str) -> Any:
        memory = self.memory if kind in self.REMEMBERED else None
        if memory is not None and (kept := memory.get(kind, key)) is not None:
            return kept
        value = self._load(kind, key)
        if memory is not None and value is not None:
            memory.put(kind, key, value)
        return value

    def _load(self, kind: str, key: str) -> Any:
        if self.root is None:
            return None
        try:
            with self._path(kind, key).open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # missing, torn, or made by other code: recompute, never fail
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        if self.memory is not None and kind in self.REMEMBERED:
            self.memory.put(kind, key, value)
        if self.root is None:
            return
        path = self._path(kind, key)
        _atomic_write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def load_manifest(self, name: str = "manifest") -> dict[str, list[str]]:
        if self.root is None:
            return {}
        try:
            data = json.loads((self.root / f"{name}.json").read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def save_manifest(self, manifest: Mapping[str, Sequence[str]], name: str = "manifest") -> None:
        """Written as ``json.dumps(manifest, sort_keys=True)`` would, entry by entry:
        at 10,000 articles the manifest has 290,000 entries, and the whole text at
        once was the build's last memory peak."""
        if self.root is not None:
            _atomic_write(self.root / f"{name}.json", _json_chunks(manifest))


def _json_chunks(manifest: Mapping[str, Sequence[str]], per_chunk: int = 4096) -> Iterator[bytes]:
    keys = sorted(manifest)
    for start in range(0, max(len(keys), 1), per_chunk):
        entries = ",".join(
            f"{json.dumps(k)}:{json.dumps(list(manifest[k]), separators=(',', ':'))}"
            for k in keys[start : start + per_chunk]
        )
        yield ("{" if start == 0 else ",").encode() + entries.encode()
    yield b"}"


def _atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                fh.writelines(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only makes the next build slower
