"""What each output file depends on, as a short digest.

A page is rendered again only when its fingerprint changes; otherwise the
previous build's file is kept as it is (same bytes, same mtime). A fingerprint
covers the code and theme, the page's neighbours (the day or month before
and after it), and the page's own content: its incidents, each identified by its id,
its source spans, the cache keys of the articles they come from (an article's
cache key already covers its bytes and the extractor's version), the user's
correction of it, if any, and the addresses of the place pages it links to.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from sitegen import __version__
from sitegen.cache import Cache, tree_digest
from sitegen.config import Config
from sitegen.model import Incident
from sitegen.pages import ArticleEntry, Entry, EntryHead, Month, Page, Part, SiteData
from sitegen.theme import lookup_dirs

_PACKAGE = Path(__file__).resolve().parent


def _hash(*parts: str) -> str:
    """A digest of the parts, each ended by a NUL (one call: a page has hundreds)."""
    text = "\0".join(parts) + "\0"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """sitegen's version and every file of the package (code, data, catalogs)."""
    files = [p for p in sorted(_PACKAGE.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    return tree_digest(__version__, files, _PACKAGE)


def theme_digest(config: Config) -> str:
    """The code, the configuration and every template and static file in use."""
    parts = [code_digest(), repr(config)]
    for kind in ("templates", "static"):
        for folder in lookup_dirs(config.root, kind):
            files = [p for p in sorted(folder.rglob("*")) if p.is_file()]
            parts.append(tree_digest(kind, files, folder))
    return _hash(*parts)


def input_signature(config: Config, files: Iterable[Path], extractor: str, theme: str) -> str:
    """Names, sizes, inodes and mtimes of every input, like git's index: equal
    signatures mean nothing was edited since the build that recorded it."""
    h = hashlib.blake2b(f"{extractor}\0{theme}".encode(), digest_size=16)
    for path in [*files, config.source_dir / config.overrides, config.root / "sitegen.toml"]:
        try:
            st = os.stat(path)
        except OSError:
            h.update(f"{path}:-\0".encode("utf-8", "surrogateescape"))
            continue
        line = f"{path}:{st.st_size}:{st.st_ino}:{st.st_mtime_ns}\0"
        h.update(line.encode("utf-8", "surrogateescape"))
    return h.hexdigest()


class Fingerprints:
    """Fingerprints of one build's pages, per language."""

    def __init__(
        self,
        theme: str,
        data: SiteData,
        article_keys: dict[str, str],
        corrections: dict[str, str],
    ) -> None:
        self.article_keys = article_keys
        self.corrections = corrections
        self.data = data
        self._incidents: dict[str, str] = {}
        self._figures: dict[str, str] = {}
        self.base = theme

    def incident(self, inc: Incident) -> str:
        known = self._incidents.get(inc.id)
        if known is None:
            parts = [inc.id, self.corrections.get(inc.id, "")]
            parts += [self.data.place_slug(p) for p in inc.places]
            for s in inc.sources:
                parts += [self.article_keys.get(s.article_id, "?"), str(s.line), s.quote]
            known = self._incidents[inc.id] = _hash(*parts)
        return known

    def _shown(self, incidents: tuple[Incident, ...], parts: tuple[Part, ...]) -> list[str]:
        """What a month or entry page shows: its incidents, or, when it is cut
        into parts, each part's size and the figures the totals sum."""
        if not parts:
            return list(map(self.incident, incidents))
        figures = [self.figures(i) for i in incidents]
        return [f"{p.key}:{len(p.incidents)}" for p in parts] + [_hash(*figures)]

    def figures(self, inc: Incident) -> str:
        known = self._figures.get(inc.id)
        if known is None:
            c = inc.casualties
            known = self._figures[inc.id] = f"{c.killed}:{c.wounded}:{c.displaced}"
        return known

    def shard(
        self, lang: str, key: str, incidents: Sequence[Incident], kind: str = "search"
    ) -> str:
        """The fingerprint of one month's part of the search index (or of another
        ``kind`` of file made month by month)."""
        return _hash(self.base, lang, kind, key, *map(self.incident, incidents))

    def page(self, lang: str, page: Page) -> str | None:
        """The page's fingerprint, or None for pages that show site-wide
        figures (front page, undated, indexes) and are always rendered."""
        if not page.data:
            return None
        parts = [self.base, lang, page.path, page.template]
        for name, value in sorted(page.data.items()):
            if isinstance(value, Incident):
                parts += [name, self.incident(value)]
            elif isinstance(value, Month):
                parts += [name, value.key, *self._shown(value.incidents, value.days)]
            elif isinstance(value, Part):
                parts += [name, value.key, *map(self.incident, value.incidents)]
            elif isinstance(value, Entry):
                parts += [name, value.key, value.slug, *self._shown(value.incidents, value.months)]
            elif isinstance(value, EntryHead):
                parts += [name, repr(value)]
            elif isinstance(value, ArticleEntry):
                key = self.article_keys.get(value.article.id, "?")
                parts += [name, key, *map(self.incident, value.incidents)]
            elif isinstance(value, str):
                parts += [name, value]
            else:
                return None
        return _hash(*parts)


class Pieces:
    """The downloads' month-sized pieces (``exports.Memo``), kept in the cache
    under their incidents' fingerprints: an edit serialises one month again,
    not the whole archive."""

    def __init__(self, cache: Cache, prints: Fingerprints) -> None:
        self.cache = cache
        self.prints = prints

    def __call__(
        self,
        name: str,
        key: str,
        incidents: Sequence[Incident],
        make: Callable[[Sequence[Incident]], str],
    ) -> str:
        digest = self.prints.shard("", key, incidents, kind=name)
        text = self.cache.get("piece", digest)
        if not isinstance(text, str):
            text = make(incidents)
            self.cache.put("piece", digest, text)
        return text
