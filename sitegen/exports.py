"""Downloads written at build time: JSON, CSV (ACLED columns), TimelineJS,
Atom feeds and the sitemap.

Every export is deterministic — the same timeline gives byte-identical
output: keys are sorted, rows follow the timeline's order and nothing reads
the clock (an Atom ``updated`` is the incident's date, not the build time).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from typing import Protocol, cast
from xml.sax.saxutils import escape as xml_escape

from sitegen import vocabulary
from sitegen.config import Config
from sitegen.model import DateRef, Incident, Place, Timeline
from sitegen.pages import permalink

# What names an incident in a feed's entry ids (tag: URIs or URLs): the address of
# the page per incident sites once had, kept so that feed readers do not see every
# entry as new. Its link is the permalink (pages.permalink: a day page's anchor).
INCIDENT_PATH = "incidents/{id}.html"
# The feed of each language, inside the language folder.
FEED_PATH = "feed.xml"
# Feeds need absolute ids. Without a base_url there is no URL to build them
# from, so ids are tag: URIs (RFC 4151) under this prefix; they stay stable
# across builds, which is all a feed reader needs from an id.
TAG_PREFIX = "tag:sitegen,2020:"
# How many incidents a feed carries (the most recent by start date).
FEED_SIZE = 50

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

CSV_COLUMNS = (
    # ACLED's names, where a column means what ACLED's does
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    # ours
    "date_end",
    "precision",
    "date_text",
    "date_basis",
    "wounded",
    "displaced",
    "approximate",
    "places_ar",
    "quote",
    "file",
    "line",
)


# The incidents of a download in groups (one per month, then the undated), so
# that each group's text can be kept between builds: an edit then serialises one
# month again instead of the whole archive. Groups concatenate in timeline order.
Groups = Sequence[tuple[str, Sequence[Incident]]]


class Memo(Protocol):
    """Gives the text of one group of a download, from ``make`` or from a cache
    that knows what ``(name, key, incidents)`` was made from."""

    def __call__(
        self,
        name: str,
        key: str,
        incidents: Sequence[Incident],
        make: Callable[[Sequence[Incident]], str],
    ) -> str: ...


def made(
    name: str, key: str, incidents: Sequence[Incident], make: Callable[[Sequence[Incident]], str]
) -> str:
    """The memo that keeps nothing."""
    return make(incidents)


def _pieces(
    name: str, groups: Groups, memo: Memo, make: Callable[[Sequence[Incident]], str]
) -> Iterator[str]:
    """The groups' texts, one at a time: the downloads are written piece by
    piece, as one string the JSON alone would take ~1 GB at 10,000 articles."""
    return (text for key, incs in groups if (text := memo(name, key, incs, make)))


class Fmt(Protocol):
    """What the exports need from ``render.Formatter`` (one language)."""

    lang: str

    def date(self, ref: DateRef) -> str: ...
    def type_label(self, key: str, plural: bool = False) -> str: ...
    def place(self, p: Place) -> str: ...


# ---------------------------------------------------------------------------
# Shared helpers


def _actor_en(key: str) -> str:
    return vocabulary.actor_label(key, "en")


def _acled(key: str) -> dict[str, str]:
    t = vocabulary.event_type(key)
    # The type's default mapping: an incident does not keep the trigger group
    # that could refine the sub-event type.
    return {
        "event_type": t.acled_event_type if t else "",
        "sub_event_type": t.acled_sub_event_type if t else "",
    }


def _type_label(key: str, lang: str) -> str:
    return vocabulary.type_label(key, lang)


def _fmt_label(fmt: Fmt, key: str) -> str:
    try:
        return fmt.type_label(key)
    except KeyError:
        return key


def _join_url(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


# ---------------------------------------------------------------------------
# JSON


def incidents_json(
    timeline: Timeline, base_url: str = "", groups: Groups | None = None, memo: Memo = made
) -> Iterator[bytes]:
    """Every incident (dated, then undated) in the ``sitegen extract`` shape,
    with its permalink, each source's own figures, labels and ACLED types.

    ``url`` is relative to the site root (where the downloads live) unless
    ``base_url`` is set. One incident per line, compact: at 10,000 articles
    indentation alone would add a third to the file and triple the time to write it."""

    def lines(incidents: Sequence[Incident]) -> str:
        return ",\n".join(_compact(_incident_row(inc, base_url)) for inc in incidents)

    groups = [("", timeline.incidents)] if groups is None else groups
    first = True
    for text in _pieces("incidents.json", groups, memo, lines):
        yield (("[\n" if first else ",\n") + text).encode()
        first = False
    yield b"[]\n" if first else b"\n]\n"


_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _incident_row(inc: Incident, base_url: str) -> dict[str, object]:
    keys = [*inc.actors, inc.reported_by]
    row = inc.as_json({k: _actor_en(k) for k in keys if k})
    row["url"] = _join_url(base_url, "en/" + permalink(inc))
    row["sources"] = [
        {**json_source, "casualties": source.casualties.as_json()}
        for json_source, source in zip(_listed(row["sources"]), inc.sources, strict=True)
    ]
    row["type_label"] = {lang: _type_label(inc.type, lang) for lang in ("ar", "en")}
    row["acled"] = _acled(inc.type)
    return row


def _listed(value: object) -> list[dict[str, object]]:
    # as_json() is typed loosely (dict[str, object]); its "sources" is a list of dicts
    return cast(list[dict[str, object]], value)


# ---------------------------------------------------------------------------
# CSV


def incidents_csv(
    timeline: Timeline, groups: Groups | None = None, memo: Memo = made
) -> Iterator[bytes]:
    """One row per incident with ACLED's column names where they apply.

    UTF-8 with a BOM: without it Excel reads the file as the local code page
    and the Arabic turns to mojibake."""

    def rows(incidents: Sequence[Incident]) -> str:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        writer.writerows(map(_csv_row, incidents))
        return buf.getvalue()

    yield ("\ufeff" + ",".join(CSV_COLUMNS) + "\r\n").encode()
    groups = [("", timeline.incidents)] if groups is None else groups
    for text in _pieces("incidents.csv", groups, memo, rows):
        yield text.encode()


def time_precision(ref: DateRef) -> str:
    """ACLED's code: 1 a day, 2 within a week (or about a day), 3 a month or longer."""
    if ref.start is None or ref.end is None:
        return ""
    if ref.precision == "day":
        return "1"
    if ref.precision in ("week", "approx") or (
        ref.precision == "range" and (ref.end - ref.start).days < 7
    ):
        return "2"
    return "3"


def _parties(inc: Incident) -> list[str]:
    """ACLED's actor1/actor2 are parties to the event: leave out the reporter
    and the media that only relay it."""
    return [
        _actor_en(a)
        for a in inc.actors
        if a != inc.reported_by and vocabulary.actor_kind(a) != "media"
    ]


def _num(n: int | float | None) -> str:
    return "" if n is None else str(n)


def _country(inc: Incident) -> str:
    """The country the incident's first place lies in (or is)."""
    countries = [p for p in (*inc.places[:1], *inc.context) if p.kind == "country"]
    return countries[0].en if countries else ""


def _csv_row(inc: Incident) -> dict[str, str]:
    ref, c = inc.date, inc.casualties
    first = inc.places[0] if inc.places else None
    parties = [*_parties(inc), "", ""]
    source = inc.sources[0]  # the report the incident's id comes from; the JSON has all
    names_en = [vocabulary.export_name(p, "en") for p in inc.places]
    notes = inc.summary_en
    if len(names_en) > 1:
        notes += f" [places: {'; '.join(names_en)}]"
    return {
        "event_id_cnty": inc.id,
        "event_date": ref.start.isoformat() if ref.start else "",
        "year": str(ref.start.year) if ref.start else "",
        "time_precision": time_precision(ref),
        **_acled(inc.type),
        "actor1": parties[0],
        "actor2": parties[1],
        "country": _country(inc),
        "admin1": first.admin1 if first else "",
        "location": vocabulary.export_name(first, "en") if first else "",
        "latitude": _num(first.lat) if first else "",
        "longitude": _num(first.lon) if first else "",
        "source": _actor_en(inc.reported_by) if inc.reported_by else "",
        "notes": notes,
        "fatalities": _num(c.killed),
        "date_end": ref.end.isoformat() if ref.end else "",
        "precision": ref.precision,
        "date_text": ref.text,
        "date_basis": ref.basis,
        "wounded": _num(c.wounded),
        "displaced": _num(c.displaced),
        "approximate": "true" if c.approximate else "false",
        "places_ar": "; ".join(vocabulary.export_name(p, "ar") for p in inc.places),
        "quote": source.quote,
        "file": source.file,
        "line": str(source.line),
    }


# ---------------------------------------------------------------------------
# TimelineJS


def timelinejs(
    timeline: Timeline,
    lang: str,
    fmt: Fmt,
    title: str = "",
    groups: Groups | None = None,
    memo: Memo = made,
) -> Iterator[bytes]:
    """TimelineJS3 JSON of the dated incidents, in the page language.

    Written as ``json.dumps(doc, sort_keys=True)`` would write it ("events"
    before "title"), with the events made group by group."""

    def events(incidents: Sequence[Incident]) -> str:
        return ",".join(_compact(_tl_event(inc, lang, fmt)) for inc in incidents)

    groups = [("", timeline.dated)] if groups is None else groups
    sep = '{"events":['
    for text in _pieces(f"timeline.{lang}", groups, memo, events):
        yield (sep + text).encode()
        sep = ","
    end = "]" if sep == "," else '{"events":[]'
    if title:
        end += ',"title":' + _compact({"text": {"headline": html.escape(title), "text": ""}})
    yield (end + "}\n").encode()


def _tl_date(d: date, precision: str) -> dict[str, str]:
    """A TimelineJS date: a coarser precision leaves out the finer fields, so
    TimelineJS shows "February 2020" rather than an invented 1 February."""
    out = {"year": str(d.year)}
    if precision != "year":
        out["month"] = str(d.month)
    if precision not in ("year", "month"):
        out["day"] = str(d.day)
    return out


def _tl_event(inc: Incident, lang: str, fmt: Fmt) -> dict[str, object]:
    ref = inc.date
    assert ref.start is not None and ref.end is not None
    event: dict[str, object] = {
        "start_date": _tl_date(ref.start, ref.precision),
        "display_date": fmt.date(ref),
        "text": {
            "headline": html.escape(headline(inc, fmt)),
            "text": html.escape(_body(inc, lang)),
        },
        "group": _fmt_label(fmt, inc.type),
        "unique_id": inc.id,
    }
    if ref.end != ref.start and ref.precision not in ("month", "year"):
        event["end_date"] = _tl_date(ref.end, ref.precision)
    return event


def headline(inc: Incident, fmt: Fmt) -> str:
    """ "Airstrike — Saraqib": the type and the first place."""
    label = _fmt_label(fmt, inc.type)
    label = label[:1].upper() + label[1:]
    return f"{label} — {fmt.place(inc.places[0])}" if inc.places else label


def _body(inc: Incident, lang: str) -> str:
    """Arabic: the words of the source; English: our summary of them."""
    if lang == "ar":
        return inc.sources[0].quote if inc.sources else inc.summary_ar
    return inc.summary_en


# ---------------------------------------------------------------------------
# Atom


def atom_feed(timeline: Timeline, lang: str, config: Config, fmt: Fmt) -> bytes:
    """An Atom 1.0 feed of the most recent dated incidents, for ``lang/feed.xml``.

    With a base_url, ids and links are absolute URLs; without one, links are
    relative to the feed (``months/2020-02-20.html#<id>``) and ids are tag: URIs."""
    recent = sorted(timeline.dated, key=lambda i: i.date.start or date.min, reverse=True)
    recent = recent[:FEED_SIZE]
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": lang})
    _text(feed, "title", config.title(lang))
    _text(feed, "id", _feed_id(config.base_url, lang, FEED_PATH))
    # The newest incident's date, so an unchanged timeline gives an unchanged feed.
    _text(feed, "updated", _stamp(recent[0].date.start if recent else None))
    _link(feed, _feed_link(config.base_url, lang, "index.html"), "alternate", "text/html")
    if config.base_url:
        _link(feed, _join_url(config.base_url, f"{lang}/{FEED_PATH}"), "self")
    author = ET.SubElement(feed, "author")
    _text(author, "name", config.title(lang))
    for inc in recent:
        _entry(feed, inc, lang, config.base_url, fmt)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(feed: ET.Element, inc: Incident, lang: str, base_url: str, fmt: Fmt) -> None:
    entry = ET.SubElement(feed, "entry")
    _text(entry, "title", headline(inc, fmt))
    _text(entry, "id", _feed_id(base_url, lang, INCIDENT_PATH.format(id=inc.id)))
    _text(entry, "updated", _stamp(inc.date.start))
    _link(entry, _feed_link(base_url, lang, permalink(inc)), "alternate", "text/html")
    ET.SubElement(entry, "category", {"term": inc.type, "label": _fmt_label(fmt, inc.type)})
    summary = ET.SubElement(entry, "summary", {"type": "text"})
    summary.text = f"{fmt.date(inc.date)}: {_body(inc, lang)}"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _link(parent: ET.Element, href: str, rel: str, mime: str = "") -> None:
    attrs = {"rel": rel, "href": href}
    if mime:
        attrs["type"] = mime
    ET.SubElement(parent, "link", attrs)


def _feed_id(base_url: str, lang: str, path: str) -> str:
    return _join_url(base_url, f"{lang}/{path}") if base_url else f"{TAG_PREFIX}{lang}/{path}"


def _feed_link(base_url: str, lang: str, path: str) -> str:
    """Absolute with a base_url; otherwise relative to the feed in ``lang/``."""
    return _join_url(base_url, f"{lang}/{path}") if base_url else path


def _stamp(d: date | None) -> str:
    # An empty feed still needs an ``updated``; the epoch keeps it deterministic.
    return f"{(d or date(1970, 1, 1)).isoformat()}T00:00:00Z"


# ---------------------------------------------------------------------------
# Sitemap


# The sitemaps protocol's limits for one file (sitemaps.org/protocol.html): 50,000
# URLs and 50 MB uncompressed. A larger site lists its parts in a sitemap index.
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50_000_000
_SITEMAP_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n'
)
_SITEMAP_TAIL = "</urlset>\n"

Made = Callable[[], bytes]


def sitemaps(
    paths: Iterable[str],
    base_url: str,
    languages: Sequence[str],
    limits: tuple[int, int] = (SITEMAP_MAX_URLS, SITEMAP_MAX_BYTES),
) -> list[tuple[str, Made]]:
    """The sitemap files, each with a function that makes it: ``sitemap.xml``
    alone, or — past the protocol's limits — ``sitemap.xml`` as an index of
    ``sitemap-1.xml``, ``sitemap-2.xml``…

    Each page is listed with its language versions as hreflang alternates. A
    path under a language folder stands for that page in every language (the
    plans are the same), so one language's paths are enough. The protocol
    requires absolute URLs, so with no base_url there is no sitemap."""
    if not base_url:
        return []
    urls = _Urls(base_url, languages)
    parts = urls.parts(sorted(_every_language(paths, languages)), limits)
    if len(parts) == 1:
        return [("sitemap.xml", partial(urls.urlset, parts[0]))]
    names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    return [
        ("sitemap.xml", partial(urls.index, names)),
        *((name, partial(urls.urlset, part)) for name, part in zip(names, parts, strict=True)),
    ]


# Characters ElementTree escapes in text or attribute values.
_XML_SPECIAL = re.compile(r"[&<>\"\n\r\t]")


class _Urls:
    """Sitemap entries under one base URL, written as text rather than through
    ElementTree: a 10,000-article site has ~300,000 URLs, and the parts must be
    measured before they are made. The bytes are what ElementTree would write."""

    def __init__(self, base_url: str, languages: Sequence[str]) -> None:
        self.base_url = base_url
        root = base_url.rstrip("/")
        self.text_root = xml_escape(root) + "/"
        self.attr_root = _attr(root) + "/"
        self.languages = frozenset(languages)
        self.escaped = [_attr(lang) for lang in languages]  # in the order given

    def entry(self, path: str) -> str:
        """One ``<url>`` with its alternates, indented as ElementTree would."""
        special = _XML_SPECIAL.search(path) is not None
        loc = self.text_root + (xml_escape(path) if special else path)
        lang, _, rest = path.partition("/")
        if not rest or lang not in self.languages:
            return f"  <url>\n    <loc>{loc}</loc>\n  </url>\n"
        rest = _attr(rest) if special else rest
        links = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{code}" '
            f'href="{self.attr_root}{code}/{rest}" />\n'
            for code in self.escaped
        )
        return f"  <url>\n    <loc>{loc}</loc>\n{links}  </url>\n"

    def parts(self, paths: list[str], limits: tuple[int, int]) -> list[list[str]]:
        """``paths`` cut, in order, into runs that each fit in one sitemap file."""
        most_urls, most_bytes = limits
        room = most_bytes - len(_SITEMAP_HEAD) - len(_SITEMAP_TAIL)
        parts: list[list[str]] = [[]]
        size = 0
        for path in paths:
            entry = len(self.entry(path).encode())
            if parts[-1] and (len(parts[-1]) == most_urls or size + entry > room):
                parts.append([])
                size = 0
            parts[-1].append(path)
            size += entry
        return parts

    def urlset(self, paths: list[str]) -> bytes:
        return (_SITEMAP_HEAD + "".join(map(self.entry, paths)) + _SITEMAP_TAIL).encode()

    def index(self, names: list[str]) -> bytes:
        root = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
        for name in names:
            _text(ET.SubElement(root, "sitemap"), "loc", _join_url(self.base_url, name))
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _attr(value: str) -> str:
    # What ElementTree escapes in an attribute value.
    return xml_escape(value, {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"})


def _every_language(paths: Iterable[str], languages: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for path in paths:
        lang, _, rest = path.partition("/")
        out.update(
            [f"{other}/{rest}" for other in languages] if lang in languages and rest else [path]
        )
    return out
