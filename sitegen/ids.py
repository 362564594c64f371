"""Incident ids: names that survive edits of the sentence, and old names kept working.

An incident's permalink is its day page and its id as anchor
(``months/2020-02-20.html#<id>``; see ``pages.permalink``).

An incident's id is its article's id, its type, its place and its ordinal
among the article's incidents of that type and place
(``004_f2a8…-shelling-saraqib-2``). Correcting a word of the sentence
(خمسة → سبعة) leaves it as it was, so links and overrides keep working.

When an id does change (an edit moved the incident to another place, or an
earlier site named incidents otherwise), the id the previous site published
is matched to the incident it became — same article, overlapping words — and
kept: as an extra anchor on the incident's card (its old permalink still
lands on it), and, for sites that once had a page per incident
(``incidents/<id>.html``), as a small page that leads there. The previous
site is the output folder (``build``, ``serve``) or the pages branch
(``publish``); its ``redirects.json`` carries the older names forward, so a
link made years ago still lands.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen.extract.normalize import fold
from sitegen.model import Incident, Place

REDIRECTS = "redirects.json"
INCIDENTS = "incidents.json"
# Where a site before the day-page plan had its incident pages (in each language).
INCIDENT_PAGE = "incidents/{id}.html"
# How much of a previous quote the new one must share (words, after folding) to be
# the same incident told with a correction, rather than another sentence.
SAME_QUOTE = 0.5


def slugify(text: str) -> str:
    """A URL-safe, lowercase ASCII slug ("Jisr al-Shughur" → "jisr-al-shughur")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def incident_id(article_id: str, kind: str, places: Sequence[Place], seen: dict[str, int]) -> str:
    """``article-type-place`` and, from the second such incident of the article on,
    its ordinal; ``seen`` counts the bases given so far in this article."""
    place = slugify(places[0].en)[:40].strip("-") if places else ""
    base = "-".join(part for part in (article_id, kind, place) if part)
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


@dataclass(frozen=True, slots=True)
class Known:
    """An incident the previous site published: its id, and the words it came from."""

    id: str
    article_id: str
    quotes: tuple[str, ...]


# incidents.json has one incident a line; its top-level "id" is the only "id" key in
# it (a quote's own quote marks are escaped), so ids are found without parsing.
_ID = re.compile(rb'"id":"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True, slots=True)
class History:
    """The ids a previous site published, and the redirects it already kept.

    Only the incidents whose ids are gone are parsed (``known``): at 10,000
    articles the file is ~100 MB, and most ids stay."""

    lines: dict[str, bytes]  # id → its line of incidents.json
    pages: tuple[tuple[str, str], ...] = ()  # old incident pages kept → the id they lead to
    anchors: tuple[tuple[str, str], ...] = ()  # old ids kept as anchors → the id now

    @property
    def redirects(self) -> tuple[tuple[str, str], ...]:
        return self.pages + self.anchors

    @classmethod
    def read(cls, read: Callable[[str], bytes | None]) -> History:
        """From a site's ``incidents.json`` and ``redirects.json`` (``read`` gives a
        file's bytes, or None); a file that is missing or unreadable counts as empty."""
        lines = {}
        for line in (read(INCIDENTS) or b"").splitlines():
            found = _ID.search(line)
            if found is not None:
                lines[found.group(1).decode("utf-8", "replace")] = line
        kept = _json(read(REDIRECTS), dict)
        assert isinstance(kept, dict)
        if "pages" in kept or "anchors" in kept:
            return cls(lines, _pairs(kept.get("pages")), _pairs(kept.get("anchors")))
        return cls(lines, _pairs(kept))  # a site with a page per incident: all pages

    def known(self, incident_id: str) -> Known | None:
        try:
            row = json.loads(self.lines[incident_id].rstrip(b",[]"))
        except (KeyError, ValueError):
            return None
        if not isinstance(row, dict):
            return None
        sources = [s for s in row.get("sources") or () if isinstance(s, dict)]
        files = [str(s.get("file", "")) for s in sources]
        article = files[0].rsplit(".", 1)[0] if files else ""
        return Known(incident_id, article, tuple(str(s.get("quote", "")) for s in sources))

    @classmethod
    def in_folder(cls, folder: Path) -> History:
        def read(name: str) -> bytes | None:
            try:
                return (folder / name).read_bytes()
            except OSError:
                return None

        return cls.read(read)


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        return ()
    return tuple((k, v) for k, v in sorted(value.items()) if isinstance(v, str))


def _json(data: bytes | None, kind: type) -> object:
    if not data:
        return kind()
    try:
        value = json.loads(data)
    except ValueError:
        return kind()
    return value if isinstance(value, kind) else kind()


def moved(history: History, incidents: Iterable[Incident]) -> dict[str, str]:
    """Old id → the id of the incident it became, for each id of the previous site
    (or of its redirects) that names no incident now. An old incident that matches
    none (its sentence was deleted) is left out: its link ends in "not found"."""
    incidents = list(incidents)
    now = {i.id for i in incidents}
    by_article: dict[str, list[Incident]] = {}
    for inc in incidents:
        for article_id in dict.fromkeys(s.article_id for s in inc.sources):
            by_article.setdefault(article_id, []).append(inc)
    out: dict[str, str] = {}
    for old in history.lines.keys() - now:
        known = history.known(old)
        found = _best(known, by_article.get(known.article_id, ())) if known else None
        if found is not None:
            out[old] = found
    for old, target in history.redirects:
        if old in now or old in out:
            continue
        final = target if target in now else out.get(target)
        if final is not None:
            out[old] = final
    return dict(sorted(out.items()))


@dataclass(frozen=True, slots=True)
class Kept:
    """The old names a site keeps working (both: old id → the incident's id now)."""

    pages: dict[str, str]  # incident pages an earlier site had: each kept, leading on
    anchors: dict[str, str]  # old ids whose anchor sits on the incident's card

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Incident id → its old ids (anchors on its card)."""
        out: dict[str, list[str]] = {}
        for old, new in (*self.anchors.items(), *self.pages.items()):
            if old != new:
                out.setdefault(new, []).append(old)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def kept(history: History, incidents: Iterable[Incident]) -> Kept:
    incidents = list(incidents)
    return Kept(kept_pages(history, incidents), moved(history, incidents))


def kept_pages(history: History, incidents: Iterable[Incident]) -> dict[str, str]:
    """Old incident pages kept working: page id → the incident it leads to now.

    Sites before the day-page plan had a page per incident (``incidents/<id>.html``);
    every such page a previous site published — its own, or one it already kept —
    stays, as a redirect to where the incident is now (its day page, with its
    anchor). New incidents get no page: their permalink is an anchor."""
    incidents = list(incidents)
    now = {i.id for i in incidents}
    renamed = moved(history, incidents)
    out: dict[str, str] = {}
    for old, line in history.lines.items():
        if b"/incidents/" in line:  # its url was an incident page
            new = old if old in now else renamed.get(old)
            if new is not None:
                out[old] = new
    for old, target in history.pages:
        if old not in out:
            new = target if target in now else renamed.get(target)
            if new is not None:
                out[old] = new
    return dict(sorted(out.items()))


def _best(known: Known, candidates: Iterable[Incident]) -> str | None:
    words = _words(" ".join(known.quotes))
    if not words:
        return None
    best, score = None, 0.0
    for inc in candidates:
        for source in inc.sources:
            shared = len(words & _words(source.quote)) / len(words)
            if shared >= SAME_QUOTE and shared > score:
                best, score = inc.id, shared
    return best


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text).text))


def redirects_json(kept: Kept) -> bytes:
    """What the next build reads back: the pages kept, and the anchors."""
    data = {"anchors": kept.anchors, "pages": kept.pages}
    return (json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n").encode()
