"""The build, straight through: read everything, extract, build the timeline,
render, then write — into a staging folder swapped in only at the end
(``build``), or into memory for the preview (``build_in_memory``)."""

from __future__ import annotations

import itertools
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sitegen import ids
from sitegen.cache import CACHE_DIR, Cache, Remembered
from sitegen.config import Config
from sitegen.extract.pipeline import Extraction, extract
from sitegen.ids import History
from sitegen.incremental import (
    Fingerprints,
    Manifest,
    Pieces,
    digest,
    extractor_version,
    input_signature,
    seen,
    stat_of,
    theme_digest,
)
from sitegen.model import Diagnostic, Incident, Timeline
from sitegen.overrides import Overrides, apply_overrides, load_overrides, rename_overrides
from sitegen.pages import ArticleEntry, site_data
from sitegen.read import (
    Listing,
    ReadError,
    labels_for,
    parse_article,
    read_bytes,
    skipped_notes,
    source_files,
)
from sitegen.render import Output, render_site, static_files
from sitegen.timeline import build_timeline
from sitegen.write import MemorySite, Staging, write_all

Progress = Callable[[str, int, int], None]
INTERNAL_ERROR = "internal error while extracting"
_log = logging.getLogger(__name__)
# Below this many articles to extract, starting worker processes costs more than it saves.
POOL_MIN = 64


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the sources say: the articles with their incidents, and every diagnostic."""

    extractions: tuple[Extraction, ...]
    diagnostics: tuple[Diagnostic, ...]
    # What the incidents depend on, for the pages' fingerprints:
    article_keys: dict[str, str] = field(default_factory=dict)  # article id → cache key
    corrections: dict[str, str] = field(default_factory=dict)  # incident id → its override

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)


@dataclass(frozen=True, slots=True)
class BuildResult:
    analysis: Analysis
    articles: int
    incidents: int
    undated: int
    pages: int  # files in the output
    written: int  # files whose bytes changed
    seconds: float


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def analyse(
    config: Config,
    progress: Progress = _quiet,
    paths: list[Path] | None = None,
    cache: Cache | None = None,
    listing: Listing | None = None,
    history: Callable[[], History] | None = None,
) -> Analysis:
    """Read and extract the site's articles (or only ``paths``); nothing is written.

    Articles whose bytes are in the cache are not read again; the others are
    extracted across the machine's cores when there are many of them. An
    article that read before and no longer does keeps its last good reading.
    """
    cache = cache or Cache(None)
    notes: list[Diagnostic] = []
    if paths is None:
        listing = listing or source_files(config.source_dir, config.source)
        paths = listing.articles
        notes = skipped_notes(listing.skipped, config.root)
    files = paths
    labels = labels_for(files, config.root)
    results: list[Processed | None] = [None] * len(files)
    todo: list[tuple[int, Path, str, bytes, str]] = []
    keys: dict[str, str] = {}  # label → cache key
    for i, (path, label) in enumerate(zip(files, labels, strict=True)):
        stat = stat_of(path)
        seen_as = f"{label}\0{config.week_start_index}"  # the week start changes readings
        known = seen(cache, seen_as, stat)
        if known is not None:  # the preview: a file not touched since it was read
            keys[label], results[i] = known
            continue
        try:
            data = read_bytes(path)
        except ReadError as exc:
            results[i] = Processed(None, (Diagnostic(label, exc.line, exc.message, "error"),))
            continue
        key = keys[label] = digest(extractor_version(), label, str(config.week_start_index), data)
        if cache.memory is not None and stat is not None:
            cache.memory.put("stat", seen_as, (stat, key))
        results[i] = cache.get("article", key)
        if results[i] is None:
            todo.append((i, path, label, data, key))
    for (i, _, _, _, key), done in zip(todo, _process_all(todo, config, progress), strict=True):
        results[i] = done
        if done.extraction is not None:
            cache.put("article", key, done)
    readings = [r for r in results if r is not None]
    kept = _keep_last_good(cache, list(zip(files, labels, readings, strict=True)), keys)
    return _collect(config, kept, keys, notes, history or _site_history(config))


# What each source file last read as (label → [cache key, when]), so that a file
# that breaks keeps its last good reading in the site instead of vanishing from it.
_LAST_GOOD = "last-good"


def _keep_last_good(
    cache: Cache, readings: list[tuple[Path, str, Processed]], keys: dict[str, str]
) -> list[Processed]:
    if cache.root is None:
        return [r for _, _, r in readings]
    index = cache.load_manifest(_LAST_GOOD)
    known = {label: index[label] for _, label, _ in readings if len(index.get(label, ())) == 2}
    out = []
    for path, label, reading in readings:
        entry = known.get(label)
        if reading.extraction is not None:
            if entry is None or entry[0] != keys[label]:
                known[label] = [keys[label], _modified(path)]
        elif entry is not None and (last := _reading(cache, entry[0])) is not None:
            keys[label] = entry[0]
            errors = tuple(
                replace(d, message=f"{d.message}; kept the version of {entry[1]}")
                for d in reading.diagnostics
                if d.severity == "error"
            )
            reading = Processed(last.extraction, errors, reading.failure)
        out.append(reading)
    if known != index:
        cache.save_manifest(known, _LAST_GOOD)
    return out


def _reading(cache: Cache, key: str) -> Processed | None:
    found = cache.get("article", key)
    return found if isinstance(found, Processed) and found.extraction is not None else None


def _modified(path: Path) -> str:
    """When the file was last changed, as a user reads it (local time)."""
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    except OSError:
        return time.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class Processed:
    """One article read and extracted, or the reason it could not be read."""

    extraction: Extraction | None
    diagnostics: tuple[Diagnostic, ...]
    failure: str = ""  # the exception, when extraction raised (a bug)


def process(path: Path, label: str, data: bytes, week_start: int) -> Processed:
    """Read one article from its bytes and extract its incidents (runs in workers).

    A bug that raises on one article costs that article only: it becomes an
    error naming the file, and every other article is still built."""
    try:
        article, warnings = parse_article(path, label, data)
        extraction = extract(article, week_start)
    except ReadError as exc:
        return Processed(None, (Diagnostic(label, exc.line, exc.message, "error"),))
    except Exception as exc:
        _log.debug("internal error while extracting %s", label, exc_info=True)
        failure = f"{type(exc).__name__}: {exc}"
        message = f"{INTERNAL_ERROR}: {failure} — please report it"
        return Processed(None, (Diagnostic(label, 0, message, "error"),), failure)
    return Processed(extraction, tuple(warnings) + extraction.diagnostics)


def _process_all(
    todo: list[tuple[int, Path, str, bytes, str]], config: Config, progress: Progress
) -> Iterator[Processed]:
    week = config.week_start_index
    if len(todo) < POOL_MIN or (os.cpu_count() or 1) < 2:
        for n, (_, path, label, data, _) in enumerate(todo, 1):
            yield process(path, label, data, week)
            progress("extract", n, len(todo))
        return
    with ProcessPoolExecutor() as pool:
        args = (
            [t[1] for t in todo],
            [t[2] for t in todo],
            [t[3] for t in todo],
            [week] * len(todo),
        )
        chunk = max(1, len(todo) // ((os.cpu_count() or 2) * 8))
        for n, done in enumerate(pool.map(process, *args, chunksize=chunk), 1):
            progress("extract", n, len(todo))
            yield done


def _site_history(config: Config) -> Callable[[], History]:
    return lambda: History.in_folder(config.output_dir)


def _collect(
    config: Config,
    results: list[Processed],
    keys: dict[str, str],
    notes: list[Diagnostic],
    history: Callable[[], History],
) -> Analysis:
    """Refuse duplicate article ids, then apply the user's corrections."""
    extractions: list[Extraction] = []
    diags: list[Diagnostic] = list(notes)
    seen: dict[str, str] = {}
    folded: dict[str, str] = {}  # casefolded id → path
    for r in results:
        diags.extend(r.diagnostics)
        x = r.extraction
        if x is None:
            continue
        if x.article.id in seen:
            msg = (
                f"article id '{x.article.id}' is used by {seen[x.article.id]} too; rename one file"
            )
            diags.append(Diagnostic(x.article.path, 1, msg, "error"))
            continue
        other = folded.setdefault(x.article.id.casefold(), x.article.path)
        if other != x.article.path:
            diags.append(Diagnostic(x.article.path, 1, _case_clash(x.article.id, other), "warning"))
        seen[x.article.id] = x.article.path
        extractions.append(x)
    article_keys = {x.article.id: keys.get(x.article.path, "") for x in extractions}
    path = config.source_dir / config.overrides
    overrides = load_overrides(path, _label(config, path))
    overrides = _follow_renames(overrides, extractions, history)
    corrected, override_diags = _curate(overrides, extractions, config.review)
    corrections = {o.incident_id: repr(o.values) for o in overrides.entries}
    return Analysis(corrected, tuple(diags) + override_diags, article_keys, corrections)


def _case_clash(article_id: str, other: str) -> str:
    # Both are built (GitHub Pages and Linux tell the names apart), but on macOS or
    # Windows the two articles' pages are one file and the later overwrites the other.
    return (
        f"article id '{article_id}' differs from {other}'s only in letter case; on macOS and "
        "Windows their pages would be one file — rename one"
    )


def _follow_renames(
    overrides: Overrides, extractions: list[Extraction], history: Callable[[], History]
) -> Overrides:
    """A correction keyed by an id that changed follows the incident it named."""
    everything = [i for x in extractions for i in x.incidents]
    now = {i.id for i in everything}
    if all(o.incident_id in now for o in overrides.entries):
        return overrides
    return rename_overrides(overrides, ids.moved(history(), everything))


def _curate(
    overrides: Overrides, extractions: list[Extraction], review: str = "all"
) -> tuple[tuple[Extraction, ...], tuple[Diagnostic, ...]]:
    """Apply the user's corrections (``seeds/_overrides.yaml``) to the incidents;
    with ``review = "confirmed-only"`` keep only those an analyst confirmed or
    corrected."""
    confirmed_only = review == "confirmed-only"
    if not overrides.entries and not overrides.diagnostics and not confirmed_only:
        return tuple(extractions), ()
    everything = [i for x in extractions for i in x.incidents]
    kept, diags = apply_overrides(everything, overrides)
    if confirmed_only:
        kept = [i for i in kept if i.review.status]
    by_article: dict[str, list[Incident]] = {}
    for inc in kept:
        by_article.setdefault(inc.sources[0].article_id, []).append(inc)
    out = tuple(replace(x, incidents=tuple(by_article.get(x.article.id, []))) for x in extractions)
    return out, tuple(diags)


def _label(config: Config, path: Path) -> str:
    try:
        return str(path.relative_to(config.root))
    except ValueError:
        return str(path)


def _article_entries(analysis: Analysis, timeline: Timeline) -> Iterator[ArticleEntry]:
    """Each article with the timeline's incidents it reports (after merging)."""
    by_article: dict[str, list[Incident]] = {}
    for inc in sorted(timeline.incidents, key=lambda i: i.order):
        for article_id in dict.fromkeys(s.article_id for s in inc.sources):
            by_article.setdefault(article_id, []).append(inc)
    for x in analysis.extractions:
        yield ArticleEntry(x.article, tuple(by_article.get(x.article.id, ())))


def build(
    config: Config,
    progress: Progress = _quiet,
    use_cache: bool = True,
    memory: Remembered | None = None,
    history: History | None = None,
) -> BuildResult:
    """Read → extract → timeline → render → write; only what changed is redone.

    ``memory``: what a long-running caller (the preview server) keeps from one
    build to the next, besides the cache on disk. ``history``: the incident ids
    the site published before (default: the output folder's), kept as redirects
    where they changed."""
    started = time.perf_counter()
    cache = Cache(config.root / CACHE_DIR if use_cache else None, memory)
    listing = source_files(config.source_dir, config.source)
    files = listing.articles
    theme = theme_digest(config)
    inputs = input_signature(config, files, extractor_version(), theme)
    if Manifest.last_inputs(cache, config) == inputs:
        last = cache.get("build", inputs)
        if isinstance(last, BuildResult):  # nothing was edited since that build
            return replace(last, written=0, seconds=time.perf_counter() - started)
    manifest = Manifest.load(cache, config)
    previous = history if history is not None else History.in_folder(config.output_dir)
    analysis = analyse(config, progress, None, cache, listing, lambda: previous)
    if memory is not None:
        memory.turn()  # every article has been asked for: forget the others
    site = _site(config, analysis, previous, theme, cache)
    staging = Staging(config.output_dir, manifest.hashes, manifest.keys)
    try:
        write_all(staging, site.outputs, lambda n: progress("render", n, 0))
        # Forget the old manifest before the swap: a build killed between the swap
        # and the new manifest must not trust a description of the site before.
        Manifest.forget(cache)
        changed = staging.commit()
    except BaseException:
        staging.discard()
        raise
    result = BuildResult(
        analysis=replace(analysis, extractions=()),
        articles=len(site.entries),
        incidents=len(site.timeline.incidents),
        undated=len(site.timeline.undated),
        pages=len(staging.hashes),
        written=staging.changed if changed else 0,
        seconds=time.perf_counter() - started,
    )
    cache.put("build", inputs, result)
    Manifest(str(config.output_dir), inputs, staging.hashes, staging.keys).save(cache)
    return replace(result, analysis=analysis)


@dataclass(frozen=True, slots=True)
class Site:
    """A build's timeline and the recipes of its files, before they are made."""

    timeline: Timeline
    entries: tuple[ArticleEntry, ...]
    outputs: Iterator[Output]


def _site(config: Config, analysis: Analysis, previous: History, theme: str, cache: Cache) -> Site:
    """Timeline → page plan → the files' recipes, each with its fingerprint."""
    timeline = build_timeline(i for x in analysis.extractions for i in x.incidents)
    entries = tuple(_article_entries(analysis, timeline))
    data = site_data(timeline, entries, ids.kept(previous, timeline.incidents))
    prints = Fingerprints(theme, data, analysis.article_keys, analysis.corrections)
    pages = render_site(config, data, cache.folder("jinja"), prints, Pieces(cache, prints))
    statics = (
        Output(rel, f"static:{theme}", partial(_read, source))
        for rel, source in static_files(config)
    )
    return Site(timeline, entries, itertools.chain(pages, statics))


def _read(path: Path) -> bytes:
    return path.read_bytes()


# The preview makes the first changed page of each folder (a kind of page) before
# it shows a rebuild, at most this many: a broken template is found then, and the
# last good site stays. The rest are made when they are asked for.
EAGER = 16


def build_in_memory(
    config: Config,
    target: MemorySite,
    memory: Remembered,
    history: History,
    progress: Progress = _quiet,
) -> BuildResult:
    """Read → extract → timeline → render into ``target`` (``sitegen serve``):
    nothing is written to the output folder. The articles' readings stay in
    ``memory`` between builds, the pages' fingerprints in ``target``: a save
    reads one article again, and only pages whose fingerprint changed are made
    again — a few at once, the others when the browser asks for them."""
    started = time.perf_counter()
    cache = Cache(config.root / CACHE_DIR, memory)
    listing = source_files(config.source_dir, config.source)
    analysis = analyse(config, progress, None, cache, listing, lambda: history)
    memory.turn()
    site = _site(config, analysis, history, theme_digest(config), cache)
    changed = target.update(site.outputs, EAGER)
    return BuildResult(
        analysis=analysis,
        articles=len(site.entries),
        incidents=len(site.timeline.incidents),
        undated=len(site.timeline.undated),
        pages=len(target),
        written=changed,
        seconds=time.perf_counter() - started,
    )
