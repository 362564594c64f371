"""Watching a site's sources and rebuilding once per burst of changes.

An editor's save is rarely one event: an atomic save writes a temporary file,
modifies it and renames it over the original; vim adds a swap file and a
``4913`` probe; Emacs a ``.#lock``. The :class:`Debouncer` turns such a burst
into one rebuild: it waits for a quiet period, but never longer than a
maximum, so a file written continuously still shows up. It is pure (the
caller passes the clock), so its rules are tested without sleeping.

:class:`Watcher` feeds watchdog events into a debouncer and runs the rebuild
callback on one thread. Changes that arrive while a rebuild runs stay pending
and cause exactly one more rebuild afterwards: never lost, never a storm.
"""

from __future__ import annotations

import fnmatch
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from sitegen import i18n, theme
from sitegen.config import CONFIG_NAME, Config

log = logging.getLogger(__name__)

QUIET = 0.1  # seconds without events before a rebuild starts
MAX_WAIT = 1.0  # a steady stream of events still rebuilds this often

# Editors' temporary, swap, lock and backup files (vim, Emacs, gedit, JetBrains, sed -i).
IGNORED_NAMES = (
    ".*.swp", ".*.swo", ".*.swx", "*~", ".#*", "#*#", "4913", "*.tmp", "*.bak",
    ".goutputstream-*", "*___jb_tmp___", "*___jb_old___", ".DS_Store",
)  # fmt: skip
# Folders sitegen itself writes, or that never hold sources.
IGNORED_DIRS = (".sitegen-cache", ".git", "__pycache__", "node_modules")


def is_editor_temp(name: str) -> bool:
    # sed -i writes "sedXXXXXX" beside the file; a pattern "sed*" would hide "sediment.md".
    if name.startswith("sed") and len(name) == 9 and "." not in name:
        return True
    return any(fnmatch.fnmatchcase(name, p) for p in IGNORED_NAMES)


@dataclass
class Debouncer:
    """Coalesces change events into batches; the caller supplies the time."""

    quiet: float = QUIET
    max_wait: float = MAX_WAIT
    pending: set[str] = field(default_factory=set)
    first: float | None = None  # when the oldest pending event arrived
    last: float | None = None  # when the newest one did

    def add(self, path: str, now: float) -> None:
        self.pending.add(path)
        if self.first is None:
            self.first = now
        self.last = now

    def deadline(self) -> float | None:
        """When the pending batch is due, or None if nothing is pending."""
        if self.first is None or self.last is None:
            return None
        return min(self.last + self.quiet, self.first + self.max_wait)

    def due(self, now: float) -> bool:
        deadline = self.deadline()
        return deadline is not None and now >= deadline

    def take(self) -> set[str]:
        """Hand over the batch; events after this start a new one."""
        batch, self.pending = self.pending, set()
        self.first = self.last = None
        return batch


@dataclass(frozen=True)
class Watched:
    """What to watch for one site: folders (recursive), single files, and what to skip."""

    folders: tuple[Path, ...]
    files: tuple[Path, ...]
    skip: tuple[Path, ...]  # the output folder (and its staging siblings are skipped by name)
    output_name: str

    def wants(self, path: str) -> bool:
        p = Path(path)
        if is_editor_temp(p.name):
            return False
        if any(part in IGNORED_DIRS for part in p.parts):
            return False
        # The build's staging and old folders: ".output.new-xxx", ".output.old-123".
        if any(part.startswith(f".{self.output_name}.") for part in p.parts):
            return False
        if any(p == s or s in p.parents for s in self.skip):
            return False
        if p in self.files:
            return True
        return any(f == p or f in p.parents for f in self.folders)


def watched(config: Config) -> Watched:
    """Sources, templates, static files, overrides, catalogs and sitegen.toml."""
    root = config.root
    folders = [config.source_dir, i18n.LOCALE_DIR]
    for kind in ("templates", "static"):
        # The site's own folder even before it exists: creating it is a change.
        folders += [(root / kind).resolve(), *theme.lookup_dirs(root, kind)]
    files = [root / CONFIG_NAME]
    return Watched(
        folders=tuple(dict.fromkeys(folders)),
        files=tuple(files),
        skip=(config.output_dir,),
        output_name=config.output_dir.name,
    )


class _Handler(FileSystemEventHandler):
    def __init__(self, on_path: Callable[[str], None]) -> None:
        self.on_path = on_path

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reads (our own build reading the sources) are not changes
        if event.is_directory and event.event_type == "modified":
            return  # the file event itself follows; a folder's mtime adds nothing
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.on_path(path if isinstance(path, str) else path.decode())


class Watcher:
    """Watches a site and calls ``rebuild(changed_paths)`` once per settled burst."""

    def __init__(
        self,
        config: Config,
        rebuild: Callable[[set[str]], None],
        quiet: float = QUIET,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.config = config
        self.what = watched(config)
        self.rebuild = rebuild
        self.debouncer = Debouncer(quiet, max_wait)
        self.cond = threading.Condition()
        self.stopping = False
        # Made in start(): watchdog's Observer starts an inotify thread when it is
        # made, and a build never forks its helper process from a threaded one —
        # the preview's first 10k build rendered on one core (412 s; `sitegen build` 273–337 s).
        self.observer: BaseObserver | None = None
        self.scheduled: set[Path] = set()
        self.thread = threading.Thread(target=self._loop, name="sitegen-rebuild", daemon=True)
        self.started = False

    def start(self) -> None:
        self.observer = Observer()
        self._schedule()
        self.observer.start()
        self.thread.start()
        self.started = True

    def stop(self, grace: float | None = None) -> bool:
        """Stop watching; wait up to ``grace`` seconds (None: for ever) for a rebuild under
        way. Returns False if it is still running: it swaps in whole or not at all, and its
        staging folder is swept by the next build, so leaving it is safe."""
        with self.cond:
            self.stopping = True
            self.cond.notify_all()
        if self.observer is None or not self.started:
            return True
        self.observer.stop()
        self.observer.join(timeout=5)
        if self.thread is not threading.current_thread():
            self.thread.join(grace)
        return not self.thread.is_alive()

    def notify(self, path: str) -> None:
        """One file-system event (also the entry point for tests)."""
        if not self.what.wants(path):
            return
        with self.cond:
            self.debouncer.add(path, time.monotonic())
            self.cond.notify_all()

    def _schedule(self) -> None:
        """Watch every folder that exists; the site root (not recursive) sees new ones appear."""
        if self.observer is None:  # not started: nothing is watched
            return
        targets: dict[Path, bool] = {self.config.root: False}
        for folder in _outermost(f for f in self.what.folders if f.is_dir()):
            targets[folder] = True
        handler = _Handler(self.notify)
        for path, recursive in targets.items():
            if path in self.scheduled:
                continue
            try:
                self.observer.schedule(handler, str(path), recursive=recursive)
                self.scheduled.add(path)
            except OSError as exc:  # e.g. the inotify watch limit
                log.warning("cannot watch %s: %s", path, exc)

    def _next_batch(self) -> set[str] | None:
        with self.cond:
            while not self.stopping:
                deadline = self.debouncer.deadline()
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    return self.debouncer.take()
                self.cond.wait(None if deadline is None else deadline - now)
            return None

    def _loop(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._schedule()  # a templates/ or static/ folder may just have been created
            try:
                self.rebuild(batch)
            except Exception:  # the callback reports its own failures; keep watching
                log.exception("rebuild failed")


def _outermost(folders: Iterable[Path]) -> list[Path]:
    """Drop folders inside another one already watched recursively."""
    out: list[Path] = []
    for f in sorted(set(folders), key=lambda p: len(p.parts)):
        if not any(o == f or o in f.parents for o in out):
            out.append(f)
    return out
