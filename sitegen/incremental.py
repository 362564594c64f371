"""Incremental building: what each input and output depends on, as digests.

One module owns it: the extractor's version and the articles' cache keys
(``digest``), the signature of a site's inputs (``input_signature``: a
build with nothing edited stops there), the preview's file signatures
(``stat_of``/``seen``), the fingerprint of every output file
(``Fingerprints``: a page is made again only when it changes) and the
manifest of what the last build wrote (``Manifest``). The values themselves
are stored by ``cache.Cache``.

A fingerprint covers the code and theme, and what the page says it depends
on (``pages.Page.depends``): its incidents, each identified by its id, its
source spans, the cache keys of the articles they come from (an article's
cache key already covers its bytes and the extractor's version), the user's
correction of it, if any, and the addresses of the place pages it links to;
a day or month page also its neighbours.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitegen import __version__
from sitegen.cache import Cache
from sitegen.config import Config
from sitegen.model import Incident
from sitegen.pages import Page, Part, SiteData
from sitegen.theme import lookup_dirs

_PACKAGE = Path(__file__).resolve().parent

# -- the articles: cache keys --------------------------------------------------------------------


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """sitegen's version plus a digest of the extraction code and data files."""
    kinds = (".py", ".yaml", ".csv", ".json")
    files = [
        path
        for folder in ("extract", "data")
        for path in sorted((_PACKAGE / folder).rglob("*"))
        if path.is_file() and path.suffix in kinds
    ]
    # model.py: records are pickled as constructor arguments, so a changed record
    # type must not load an old entry.
    extra = [_PACKAGE / "read.py", _PACKAGE / "model.py"]
    return tree_digest(__version__, [*files, *extra], _PACKAGE)[:16]


def tree_digest(seed: str, paths: Iterable[Path], root: Path) -> str:
    """A digest of files' names (relative to ``root``) and bytes, in the order given."""
    h = hashlib.sha256(seed.encode())
    for path in paths:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


# -- the inputs and the pages: signatures and fingerprints ------------------------------


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

    def shown(self, incidents: tuple[Incident, ...], parts: tuple[Part, ...]) -> list[str]:
        """What a month or entry page shows: its incidents, or, when it is cut
        into parts, each part's size and the figures the totals sum."""
        if not parts:
            return list(map(self.incident, incidents))
        figures = [self.figures(i) for i in incidents]
        return [f"{p.name}:{len(p.incidents)}" for p in parts] + [_hash(*figures)]

    def article(self, article_id: str) -> str:
        """The cache key of the article's bytes as read (covers the extractor too)."""
        return self.article_keys.get(article_id, "?")

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
        """The page's fingerprint, or None for pages that are always made."""
        depends = page.depends(self)
        if depends is None:
            return None
        return _hash(self.base, lang, page.path, page.template, *depends)


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


# -- the preview: files not read again ---------------------------------------------------------


def stat_of(path: Path) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def seen(cache: Cache, name: str, stat: tuple[int, ...] | None) -> tuple[str, Any] | None:
    """A long-running caller's last reading of a file whose size, times and inode
    are those it had then: not read again (10,000 articles read and hashed on
    every save cost the preview ~1 s). A plain build always reads."""
    if cache.memory is None or stat is None:
        return None
    kept = cache.memory.get("stat", name)
    if kept is None or kept[0] != stat:
        return None
    reading = cache.get("article", kept[1])
    return None if reading is None else (kept[1], reading)


# -- what the last build wrote ------------------------------------------------------------------

# The last build's inputs and output folder also live in a small file of their own,
# so that a build with nothing edited need not load the manifest of every output file.
_LAST_BUILD = "last-build"


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the last build wrote to which output folder, from which inputs."""

    output: str
    inputs: str
    hashes: dict[str, str]  # file → content hash
    keys: dict[str, str]  # file → fingerprint of what it was made from

    @classmethod
    def last_inputs(cls, cache: Cache, config: Config) -> str:
        raw = cache.load_manifest(_LAST_BUILD)
        if raw.get("output") != [str(config.output_dir)] or not config.output_dir.is_dir():
            return ""
        return (raw.get("inputs") or [""])[0]

    @staticmethod
    def forget(cache: Cache) -> None:
        cache.save_manifest({}, _LAST_BUILD)
        cache.save_manifest({})

    @classmethod
    def load(cls, cache: Cache, config: Config) -> Manifest:
        raw = cache.load_manifest()
        if raw.get("output") != [str(config.output_dir)] or not config.output_dir.is_dir():
            return cls(str(config.output_dir), "", {}, {})
        inputs = (raw.pop("inputs", None) or [""])[0]
        raw.pop("output", None)
        hashes = {k: v[0] for k, v in raw.items() if v}
        keys = {k: v[1] for k, v in raw.items() if len(v) > 1}
        return cls(str(config.output_dir), inputs, hashes, keys)

    def save(self, cache: Cache) -> None:
        head = {"output": [self.output], "inputs": [self.inputs]}
        cache.save_manifest(_Entries(head, self.hashes, self.keys))
        cache.save_manifest(head, _LAST_BUILD)


class _Entries(Mapping[str, list[str]]):
    """The manifest as saved — ``head`` and, per file, [content hash, fingerprint] —
    read from the build's own dictionaries rather than copied into a new one
    (290,000 entries at 10,000 articles)."""

    def __init__(
        self, head: dict[str, list[str]], hashes: dict[str, str], keys: dict[str, str]
    ) -> None:
        self.head, self.hashes, self.fingerprints = head, hashes, keys

    def __getitem__(self, name: str) -> list[str]:
        if name not in self.hashes:
            return self.head[name]
        key = self.fingerprints.get(name)
        return [self.hashes[name]] if key is None else [self.hashes[name], key]

    def __iter__(self) -> Iterator[str]:
        yield from (name for name in self.head if name not in self.hashes)
        yield from self.hashes

    def __len__(self) -> int:
        return len(self.hashes) + sum(name not in self.hashes for name in self.head)
