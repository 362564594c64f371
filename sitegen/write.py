"""Writing the site: into a staging folder beside the output, swapped in at the end
(``build``), or into memory (``MemorySite``, for ``serve``).

A failed or killed build never leaves a half-written site: until the final
rename, ``output/`` is the previous complete build. A file whose bytes did not
change is hard-linked from the previous build, so it keeps its mtime (a
preview server or rsync sees nothing new); when nothing changed at all the
output is left alone. The same output path is never written twice: two pages
claiming one path is a bug, not a last-wins.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import BinaryIO, Protocol

# Below this many files to make, a helper process costs more than it saves.
HELPER_MIN = 400


class DuplicatePathError(Exception):
    pass


class Made(Protocol):
    """A file of the site (``render.Output``): where it goes, its fingerprint, how to make it."""

    @property
    def path(self) -> str: ...
    @property
    def key(self) -> str | None: ...
    @property
    def make(self) -> Callable[[], bytes | Iterable[bytes]]: ...


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
        self._claimed: set[str] = set()
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
        self._claimed.add(rel)
        self.record(rel, sha, False, key)
        return True

    def write(self, rel: str, data: bytes, key: str | None = None) -> None:
        rel = self.claim(rel)
        self.record(rel, *self.store(rel, data), key)

    def claim(self, rel: str) -> str:
        """Reserve ``rel`` for a file about to be made; refused if another page
        already has it (Pelican's rule)."""
        rel = self._unclaimed(rel)
        self._claimed.add(rel)
        return rel

    def store(self, rel: str, data: bytes | Iterable[bytes]) -> tuple[str, bool]:
        """Put a claimed file's bytes in the staging folder: hard-linked from the
        previous build when identical. Returns (content hash, written). Touches
        nothing but the disk, so a helper process may call it. A large file comes
        as chunks, written as they come and linked afterwards if unchanged."""
        target = self._target(rel)
        if not isinstance(data, bytes):
            sha = self._named(target, _write_chunks, target, data)
            if self.previous.get(rel) == sha and self._reuse(rel, f"{target}.same"):
                os.replace(f"{target}.same", target)  # the old inode: its mtime kept
                return sha, False
            return sha, True
        sha = hashlib.sha1(data).hexdigest()
        if self.previous.get(rel) == sha and self._reuse(rel, target):
            return sha, False
        self._named(target, _write_file, target, data)
        return sha, True

    @staticmethod
    def _named(target: str, write: Callable[..., str | None], *args: object) -> str:
        try:
            return write(*args) or ""
        except OSError as exc:  # a full disk says so without naming the file: name it
            if exc.filename is not None:
                raise
            raise OSError(exc.errno, exc.strerror or str(exc), target) from exc

    def record(self, rel: str, sha: str, written: bool, key: str | None) -> None:
        self.hashes[rel] = sha
        if key is not None:
            self.keys[rel] = key
        self.changed += written

    def _unclaimed(self, rel: str) -> str:
        """``rel`` checked, and refused if another page already has it."""
        rel = _checked(rel)
        if rel in self._claimed:
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


def _write_chunks(path: str, chunks: Iterable[bytes]) -> str:
    """Write the chunks one after the other; their content hash."""
    h = hashlib.sha1()
    with open(path, "wb") as fh:
        for chunk in chunks:
            h.update(chunk)
            fh.write(chunk)
    return h.hexdigest()


def _checked(rel: str) -> str:
    rel = rel.replace("\\", "/").lstrip("/")
    probe = f"/{rel}/"
    # Only a path with "/." or "//" in it can have an empty, "." or ".." part:
    # the others (all of a site's 26,000 files) skip the split.
    if ("/." in probe or "//" in probe) and any(p in ("", ".", "..") for p in rel.split("/")):
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


def write_all(staging: Staging, outputs: Iterable[Made], done: Callable[[int], None]) -> None:
    """Keep every file whose fingerprint is unchanged; make and write the others.

    With many files to make, a second process makes those of the largest
    top-level folder — one language — alongside: incident cards are cached per
    language, so a split by language renders no card twice. ``done(n)`` is told
    how many files are finished as the work goes on.
    """
    todo: list[tuple[str, Made]] = []
    for out in outputs:
        if out.key is None or not staging.keep(out.path, out.key):
            todo.append((staging.claim(out.path), out))
        done(len(staging.hashes))
    theirs = _helpers_share(todo)
    mine = [t for t in todo if _top(t[0]) != theirs]
    with _Helper(staging, [t for t in todo if _top(t[0]) == theirs]) as helper:
        for rel, out in mine:
            staging.record(rel, *staging.store(rel, out.make()), out.key)
            done(len(staging.hashes))
        for rel, sha, written, key in helper.results():
            staging.record(rel, sha, written, key)
    done(len(staging.hashes))


def _top(rel: str) -> str:
    return rel.split("/", 1)[0] if "/" in rel else ""


def _helpers_share(todo: list[tuple[str, Made]]) -> str | None:
    """The top-level folder a helper process takes, or None to make everything here."""
    if len(todo) < HELPER_MIN or (os.cpu_count() or 1) < 2:
        return None
    if threading.active_count() > 1:  # the preview server: a fork would copy its locks mid-use
        return None
    folders = Counter(_top(rel) for rel, _ in todo)
    folders.pop("", None)
    return folders.most_common(1)[0][0] if len(folders) > 1 else None


Stored = tuple[str, str, bool, str | None]  # path, content hash, written, fingerprint
# The helper reports what it stored in batches of this many files.
BATCH = 1024


def _make_share(
    staging: Staging, share: list[tuple[str, Made]], conn: Connection, results: BinaryIO
) -> None:
    """In the helper process: make and store the share. What was stored goes to
    ``results`` batch by batch (150,000 files at 10,000 articles: kept in a list
    and sent at once, they were the helper's last memory peak); ``conn`` says
    whether it all went well."""
    try:
        batch: list[Stored] = []
        for rel, out in share:
            batch.append((rel, *staging.store(rel, out.make()), out.key))
            if len(batch) == BATCH:
                pickle.dump(batch, results, protocol=pickle.HIGHEST_PROTOCOL)
                batch = []
        pickle.dump(batch, results, protocol=pickle.HIGHEST_PROTOCOL)
        results.flush()
    except BaseException as exc:
        conn.send((False, exc))
    else:
        conn.send((True, None))
    finally:
        conn.close()


class _Helper:
    """A forked process making its share of the files while this one makes the
    rest. Forked, not spawned: a page's maker holds Jinja environments, which
    cannot be pickled, and a fork inherits them as they are."""

    def __init__(self, staging: Staging, share: list[tuple[str, Made]]) -> None:
        self.staging = staging
        self.share = share
        self.process: multiprocessing.process.BaseProcess | None = None

    def __enter__(self) -> _Helper:
        if self.share:
            context = multiprocessing.get_context("fork")
            self.conn, theirs = context.Pipe(duplex=False)
            # An unnamed file beside the output: nothing is left behind if either process is killed.
            self.results_file = tempfile.TemporaryFile(dir=self.staging.output.parent)
            args = (self.staging, self.share, theirs, self.results_file)
            self.process = context.Process(target=_make_share, args=args, daemon=True)
            # Objects the garbage collector never visits stay shared with the
            # helper instead of being copied page by page as it scans them.
            gc.freeze()
            try:
                self.process.start()
            finally:
                gc.unfreeze()
            theirs.close()  # so that recv() fails, not hangs, if the helper dies
        return self

    def results(self) -> Iterator[Stored]:
        """What the helper stored, once it has finished."""
        if self.process is None:
            return
        try:
            ok, error = self.conn.recv()
        except EOFError:
            self.process.join()
            raise ChildProcessError(
                f"the process making {len(self.share)} pages stopped without finishing "
                f"(exit code {self.process.exitcode}; out of memory?)"
            ) from None
        if not ok:
            raise error
        self.results_file.seek(0)
        while True:
            try:
                yield from pickle.load(self.results_file)
            except EOFError:
                return

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
            self.conn.close()
            self.results_file.close()


class MemorySite:
    """The site held in memory, for the preview: what ``sitegen serve`` shows
    without writing ``output/`` (as ``hugo server`` does).

    ``update`` takes a build's files as recipes; a file whose fingerprint is
    the one it had keeps its bytes, the others are made when first asked for —
    a save re-renders only the pages someone looks at. Made bytes are kept up
    to ``budget`` bytes (least recently asked for go first, to be made again
    if asked for). Readers and ``update`` may run in different threads."""

    def __init__(self, budget: int = 128 * 2**20) -> None:
        self.budget = budget
        self._recipes: dict[str, Made] = {}
        self._folders: frozenset[str] = frozenset()
        self._made: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.RLock()

    def update(self, outputs: Iterable[Made], eager: int = 0) -> int:
        """Take a new build's files; returns how many may have changed (made
        afresh, or of a changed fingerprint). The first changed page of each
        folder (up to ``eager``) is made before anything is swapped in, so a
        broken template raises here and the last good site stays. Refuses two
        files at one path."""
        recipes: dict[str, Made] = {}
        for out in outputs:
            rel = _checked(out.path)
            if rel in recipes:
                raise DuplicatePathError(f"two pages want to write '{rel}'")
            recipes[rel] = out
        with self._lock:
            old = self._recipes
        changed = [
            rel
            for rel, out in recipes.items()
            if out.key is None or rel not in old or old[rel].key != out.key
        ]
        made = {rel: _bytes(recipes[rel].make()) for rel in _first_of_each_folder(changed, eager)}
        with self._lock:
            gone = self._recipes.keys() - recipes.keys()
            for rel in itertools.chain(changed, gone):
                self._forget(rel)
            self._recipes = recipes
            self._folders = frozenset(
                rel.rsplit("/", n)[0] for rel in recipes for n in range(1, rel.count("/") + 1)
            )
            for rel, data in made.items():
                self._keep(rel, data)
            return len(changed) + len(gone)

    def get(self, rel: str) -> bytes | None:
        """The file's bytes, made now if they are not kept; None if there is no
        such file. A template error while making it raises."""
        with self._lock:
            made = self._made.get(rel)
            if made is not None:
                self._made.move_to_end(rel)
                return made
            out = self._recipes.get(rel)
            if out is None:
                return None
            made = _bytes(out.make())
            self._keep(rel, made)
            return made

    def _keep(self, rel: str, made: bytes) -> None:
        self._made[rel] = made
        self._size += len(made)
        while self._size > self.budget and len(self._made) > 1:
            self._size -= len(self._made.popitem(last=False)[1])

    def is_file(self, rel: str) -> bool:
        return rel in self._recipes

    def is_folder(self, rel: str) -> bool:
        return rel in self._folders

    def __len__(self) -> int:
        return len(self._recipes)

    def _forget(self, rel: str) -> None:
        made = self._made.pop(rel, None)
        if made is not None:
            self._size -= len(made)


def _bytes(data: bytes | Iterable[bytes]) -> bytes:
    return data if isinstance(data, bytes) else b"".join(data)


def _first_of_each_folder(paths: list[str], limit: int) -> list[str]:
    """The first HTML page of each folder of ``paths`` (a kind of page: a
    template), at most ``limit``."""
    first: dict[str, str] = {}
    for p in paths:
        if p.endswith(".html"):
            first.setdefault(p.rpartition("/")[0], p)
    return list(first.values())[:limit]
