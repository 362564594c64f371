"""The build, straight through: read everything, extract, build the timeline,
render, then write — into a staging folder swapped in only at the end."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sitegen.config import Config
from sitegen.extract.pipeline import Extraction, extract
from sitegen.model import Diagnostic, Incident, Timeline
from sitegen.overrides import apply_overrides, load_overrides
from sitegen.pages import ArticleEntry, site_data
from sitegen.read import discover, read_all
from sitegen.render import render_site, static_files
from sitegen.timeline import build_timeline
from sitegen.write import Staging

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the sources say: the articles with their incidents, and every diagnostic."""

    extractions: tuple[Extraction, ...]
    diagnostics: tuple[Diagnostic, ...]

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
    pages: int
    seconds: float


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def analyse(
    config: Config, progress: Progress = _quiet, paths: list[Path] | None = None
) -> Analysis:
    """Read and extract the site's articles (or ``paths``); nothing is written."""
    files = discover(config.source_dir) if paths is None else paths
    read = read_all(files, config.root)
    extractions = []
    total = len(read.articles)
    for n, article in enumerate(read.articles, 1):
        extractions.append(extract(article, config.week_start_index))
        progress("extract", n, total)
    diags = read.diagnostics + tuple(d for x in extractions for d in x.diagnostics)
    corrected, override_diags = _curate(config, extractions)
    return Analysis(corrected, diags + override_diags)


def _curate(
    config: Config, extractions: list[Extraction]
) -> tuple[tuple[Extraction, ...], tuple[Diagnostic, ...]]:
    """Apply the user's corrections (``seeds/_overrides.yaml``) to the incidents."""
    path = config.source_dir / config.overrides
    overrides = load_overrides(path, _label(config, path))
    if not overrides.entries and not overrides.diagnostics:
        return tuple(extractions), ()
    everything = [i for x in extractions for i in x.incidents]
    kept, diags = apply_overrides(everything, overrides)
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


def build(config: Config, progress: Progress = _quiet) -> BuildResult:
    started = time.perf_counter()
    analysis = analyse(config, progress)
    timeline = build_timeline(i for x in analysis.extractions for i in x.incidents)
    entries = tuple(_article_entries(analysis, timeline))
    data = site_data(timeline, entries)
    staging = Staging(config.output_dir)
    try:
        pages = 0
        for rel, payload in render_site(config, data):
            staging.write(rel, payload)
            pages += 1
            progress("render", pages, 0)
        for rel, source in static_files(config):
            staging.copy(rel, source)
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    return BuildResult(
        analysis=analysis,
        articles=len(entries),
        incidents=len(timeline.incidents),
        undated=len(timeline.undated),
        pages=pages,
        seconds=time.perf_counter() - started,
    )
