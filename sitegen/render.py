"""Rendering: the page plan and Jinja2 templates → HTML bytes per output path.

One Jinja2 environment per language (each with its compiled gettext catalog
and Babel formatters), templates compiled once, a typed context per page.
Every internal link is relative, so the site works from ``file://`` and under
any sub-path.
"""

from __future__ import annotations

import html
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markdown as md
from babel import Locale
from babel.dates import format_date, format_interval
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import Translations
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup

from sitegen import charts, exports, i18n, ids, vocabulary
from sitegen.config import Config
from sitegen.extract.normalize import fold
from sitegen.incremental import Fingerprints
from sitegen.model import Casualties, DateRef, Incident, Place
from sitegen.pages import ArticleEntry, Entry, EntryHead, Page, SiteData, plan
from sitegen.theme import lookup_dirs

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Bidi embedding/override/isolate controls in input must not reorder the page.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


@dataclass(frozen=True, slots=True)
class SiteView:
    config: Config
    lang: str
    dir: str
    title: str
    languages: tuple[str, ...]
    data: SiteData


@dataclass(frozen=True, slots=True)
class PageView:
    path: str  # inside the language folder, e.g. "articles/004_x.html"
    title: str
    root: str  # relative prefix to the language folder ("" or "../")
    site_root: str  # relative prefix to the output root
    lang: str

    def alternate(self, lang: str) -> str:
        """The same page in another language, relative to this one."""
        return f"{self.site_root}{lang}/{self.path}"


class Formatter:
    """Dates, numbers and labels for one language (Babel, the data files)."""

    def __init__(self, lang: str, config: Config, translations: Translations) -> None:
        self.lang = lang
        self.gettext = translations.gettext
        # A parsed Locale, not its name: Babel would parse the name on every call.
        self.locale = Locale.parse(config.locale(lang))
        self.arabic_digits = lang == "ar" and config.arabic_digits == "arab"

    def digits(self, text: str) -> str:
        return text.translate(_ARABIC_DIGITS) if self.arabic_digits else text

    def number(self, n: int | None) -> str:
        return "" if n is None else _number(n, self.locale, self.arabic_digits)

    def day(self, d: date, fmt: str = "d MMMM y") -> str:
        return _day(d, fmt, self.locale, self.arabic_digits)

    def span(self, a: date, b: date) -> str:
        return _span(a, b, self.locale, self.arabic_digits)

    def month(self, key: str) -> str:
        y, m = key.split("-")
        return self.day(date(int(y), int(m), 1), "MMMM y")

    def period(self, key: str) -> str:
        """A page's period: "2020-02" → February 2020, "2020-02-20" → 20 February 2020."""
        if key == "undated":
            return self.gettext("Undated")
        if len(key) == 7:
            return self.month(key)
        return self.day(date.fromisoformat(key))

    def date(self, ref: DateRef) -> str:
        """A date with its precision: "20 February 2020", "February 2020", "11–17 Jan 2020"."""
        if ref.start is None or ref.end is None:
            return ""
        if ref.precision == "day" or (ref.precision == "approx" and ref.start == ref.end):
            return self.day(ref.start)
        if ref.precision == "month":
            return self.day(ref.start, "MMMM y")
        if ref.precision == "year":
            return self.day(ref.start, "y")
        return self.span(ref.start, ref.end)

    def type_label(self, key: str, plural: bool = False) -> str:
        return vocabulary.type_label(key, self.lang, plural)

    def actor(self, key: str) -> str:
        return vocabulary.actor_label(key, self.lang)

    def place(self, p: Place) -> str:
        return vocabulary.place_name(p, self.lang)

    def lines(self, numbers: Iterable[int]) -> str:
        """Line numbers as a list in the page's language ("8 و11", "8 and 11")."""
        return format_list([self.number(n) for n in numbers], locale=self.locale)

    def admin1(self, name: str) -> str:
        """A governorate in the page's language; "" when it has no name in it."""
        return vocabulary.admin1_name(name, self.lang)

    def label(self, e: Entry | EntryHead) -> str:
        """An entry's name as a heading, a title or a choice: in English with a
        capital ("Airstrikes"; the vocabulary's type names are lower case)."""
        name = e.label(self.lang)
        return name[:1].upper() + name[1:] if self.lang == "en" else name

    def precision(self, ref: DateRef) -> str:
        names = {
            "day": self.gettext("exact day"),
            "week": self.gettext("a calendar week"),
            "month": self.gettext("a month"),
            "year": self.gettext("a year"),
            "range": self.gettext("a span of days"),
            "approx": self.gettext("approximate"),
            "undated": self.gettext("undated"),
        }
        return names[ref.precision]

    def why(self, ref: DateRef) -> str:
        """Why an incident is undated, in the page's language."""
        if "no publication date" in ref.note:
            return self.gettext("relative date, and the article has no publication date")
        if "override" in ref.note:
            return self.gettext("set as undated by a curator")
        return self.gettext("the text does not place it on the calendar")

    def reasons(self, incidents: Iterable[Incident]) -> list[tuple[str, list[Incident]]]:
        """Undated incidents grouped by why they have no date, in the page's
        language, in the order they come: each reason with the incidents it explains."""
        groups: dict[str, list[Incident]] = {}
        for inc in incidents:
            groups.setdefault(self.why(inc.date), []).append(inc)
        return list(groups.items())

    def acled(self, key: str) -> str:
        t = vocabulary.event_type(key)
        return f"{t.acled_event_type} / {t.acled_sub_event_type}" if t else ""


# Archives repeat the same few thousand days and figures: Babel formats each once.
@lru_cache(maxsize=65536)
def _number(n: int, locale: Locale, arabic: bool) -> str:
    text = format_decimal(n, locale=locale)
    return text.translate(_ARABIC_DIGITS) if arabic else text


@lru_cache(maxsize=65536)
def _day(d: date, fmt: str, locale: Locale, arabic: bool) -> str:
    text = format_date(d, fmt, locale=locale)
    return text.translate(_ARABIC_DIGITS) if arabic else text


@lru_cache(maxsize=65536)
def _span(a: date, b: date, locale: Locale, arabic: bool) -> str:
    text = format_interval(a, b, "yMMMd", locale=locale)
    return text.translate(_ARABIC_DIGITS) if arabic else text


# Links an article may keep: the web, mail, and addresses without a scheme.
_SAFE_URL = re.compile(r"^\s*(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    """Drop ``javascript:``, ``data:`` and other scheme links from article Markdown."""

    def run(self, root: Any) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None and not _SAFE_URL.match(_as_browser_reads(value)):
                    del el.attrib[attr]


def _as_browser_reads(url: str) -> str:
    """The link as the browser will read it: Markdown keeps entities encoded
    ("javascript&#58;…"), and browsers ignore whitespace and controls in schemes."""
    url = html.unescape(url.replace(AMP_SUBSTITUTE, "&"))
    return "".join(ch for ch in url if ch > " " and ch != "\x7f")


def article_markdown(text: str) -> str:
    """Markdown of a collected article: raw HTML is shown as text, never run
    (scraped pages carry scripts and event attributes), and only safe links stay."""
    converter = md.Markdown()
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_SafeLinks(converter), "safe_links", 0)
    return converter.convert(text)


def clean(text: str) -> str:
    """Drop bidi controls from input text (they could reorder the page)."""
    return text.translate(_BIDI_CONTROLS)


def make_env(lang: str, config: Config, cache_dir: Path | None = None) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([str(d) for d in lookup_dirs(config.root, "templates")])
    # Compiled templates are kept between builds (Jinja checks each source's mtime).
    bytecode = jinja2.FileSystemBytecodeCache(str(cache_dir)) if cache_dir else None
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=bytecode,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    translations = i18n.load(lang)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    fmt = Formatter(lang, config, translations)
    env.globals["fmt"] = fmt
    env.globals["paragraphs"] = article_paragraphs
    env.filters["clean"] = clean
    env.globals["lang_of"] = lang_of
    return env


_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def lang_of(text: str) -> str:
    """The language a title is written in, as far as marking it goes (WCAG
    3.1.2): Arabic script, or a Latin-script language shown as English."""
    return "ar" if _ARABIC_LETTER.search(text) else "en"


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: int
    text: str
    marks: tuple[tuple[str, str], ...]  # (text piece, incident id or "")
    html: str = ""  # rendered Markdown, for .md articles
    lang: str = ""  # a line in another script than the article's (a quoted tweet)


def article_paragraphs(entry: ArticleEntry) -> Iterator[Paragraph]:
    """The article text by line, with the quoted words of each incident marked."""
    article = entry.article
    if article.fmt == "markdown":
        yield Paragraph(article.body_line, "", (), article_markdown(clean(article.body)))
        return
    quotes: dict[int, list[tuple[str, str]]] = {}
    for inc in entry.incidents:
        for s in inc.sources:
            if s.article_id == article.id:
                quotes.setdefault(s.line, []).append((s.quote, inc.id))
    for offset, line in enumerate(article.body.split("\n")):
        if line.strip():
            number = article.body_line + offset
            marks = tuple(_marks(line, quotes.get(number, [])))
            yield Paragraph(number, line, marks, lang=line_lang(line, article.lang))


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_TURKISH = re.compile(r"[ğĞışŞİ]")


def line_lang(line: str, article_lang: str) -> str:
    """The language of a line written mostly in Latin script inside an Arabic
    article (a quoted tweet, a widget): Turkish when it has Turkish letters,
    else English; "" when the line is in the article's own script."""
    if article_lang != "ar":
        return ""
    latin = len(_LATIN.findall(line))
    if latin <= len(_ARABIC_LETTER.findall(line)):
        return ""
    return "tr" if _TURKISH.search(line) else "en"


def _marks(line: str, quotes: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    pos = 0
    spans = sorted((line.find(q), q, iid) for q, iid in quotes if line.find(q) >= 0)
    for start, quote, iid in spans:
        if start < pos:
            continue
        if start > pos:
            yield line[pos:start], ""
        yield quote, iid
        pos = start + len(quote)
    if pos < len(line):
        yield line[pos:], ""


@dataclass(frozen=True, slots=True)
class Output:
    """One file of the site: where it goes, what it depends on, how to make it."""

    path: str
    key: str | None  # fingerprint; None: always made again
    make: Callable[[], bytes | Iterable[bytes]]  # a large file comes in chunks


def render_site(
    config: Config,
    data: SiteData,
    cache_dir: Path | None = None,
    prints: Fingerprints | None = None,
    memo: exports.Memo = exports.made,
) -> Iterator[Output]:
    """Every file of every language and the root page, made only when asked."""
    pages = plan(data)
    dated: exports.Groups = [(m.key, m.incidents) for m in data.months]
    every = [*dated, ("undated", data.timeline.undated)]
    search_text: dict[str, str] = {}  # folded words per incident, shared by the languages
    for lang in config.languages:
        env = make_env(lang, config, cache_dir)
        site = SiteView(
            config,
            lang,
            "rtl" if lang == "ar" else "ltr",
            config.title(lang),
            config.languages,
            data,
        )
        fragments = Fragments(env, site)
        env.globals["card"] = fragments.card
        env.globals["row"] = fragments.row
        env.globals["chrome"] = fragments.chrome
        fmt: Formatter = env.globals["fmt"]  # type: ignore[assignment]
        extras = lazy_extras(config, data, lang, fmt)
        for page in pages:
            key = prints.page(lang, page) if prints is not None else None
            yield Output(f"{lang}/{page.path}", key, partial(_page, env, site, page, extras))
        yield Output(f"{lang}/{FACETS}", None, partial(search_facets, data, fmt))
        for shard, incidents in search_shards(data):
            key = prints.shard(lang, shard, incidents) if prints is not None else None
            yield Output(
                f"{lang}/search/{shard}.js",
                key,
                partial(search_index, shard, incidents, fmt, search_text, data.links),
            )
        for old, new in data.kept.pages.items():
            yield Output(
                f"{lang}/{ids.INCIDENT_PAGE.format(id=old)}",
                f"redirect:{prints.base if prints else ''}:{data.link(new)}",
                partial(_redirect, env, site, new),
            )
        yield Output(
            f"{lang}/feed.xml", None, partial(exports.atom_feed, data.timeline, lang, config, fmt)
        )
        title = config.title(lang)
        yield Output(
            f"{lang}/timeline.json",
            None,
            partial(exports.timelinejs, data.timeline, lang, fmt, title, dated, memo),
        )
    root_env = make_env(config.default_language, config, cache_dir)
    yield Output(
        "index.html",
        None,
        partial(env_render, root_env, "root.html", config=config, default=config.default_language),
    )
    yield Output("404.html", None, partial(not_found_page, root_env, config, site_path(config)))
    base = config.base_url
    yield Output(
        "incidents.json", None, partial(exports.incidents_json, data.timeline, base, every, memo)
    )
    yield Output("incidents.csv", None, partial(exports.incidents_csv, data.timeline, every, memo))
    yield Output(ids.REDIRECTS, None, partial(ids.redirects_json, data.kept))
    first = config.languages[0]
    paths = [f"{first}/{p.path}" for p in pages]
    for path, make in exports.sitemaps(paths, config.base_url, config.languages):
        yield Output(path, None, make)


def site_path(config: Config) -> str:
    """The path the site is served under ("/", or "/repo/" for base_url
    https://user.github.io/repo/): where absolute links start."""
    path = urlsplit(config.base_url).path if config.base_url else "/"
    return path if path.endswith("/") else path + "/"


def not_found_page(env: jinja2.Environment, config: Config, base: str, missing: str = "") -> bytes:
    """The page for an address the site does not have (GitHub Pages serves
    ``404.html`` at any depth, so its links are absolute from ``base``); the
    preview names the ``missing`` address."""
    first = config.default_language
    languages = [first, *(lang for lang in config.languages if lang != first)]
    return env_render(
        env, "404.html", config=config, base=base, languages=languages, missing=missing
    )


def _redirect(env: jinja2.Environment, site: SiteView, new: str) -> bytes:
    """An old incident address, kept working: it leads to where the incident is now."""
    link = site.data.link(new)
    return env_render(
        env, "redirect.html", site=site, target="../" + link, link=link, target_id=new
    )


def _page(
    env: jinja2.Environment, site: SiteView, page: Page, extras: Callable[[str], dict[str, Any]]
) -> bytes:
    return render_page(env, site, page, extras(page.path))


class Fragments:
    """Incident cards and index rows, rendered once per incident and language
    and reused by every page that shows them.

    A row is shown on an article page and on each of its place, type and actor
    pages, all over the plan: rows are kept for the whole language. A card is
    shown on its month (or day) page and on its own page, which the plan puts
    one after the other: only the latest cards are kept, so memory does not grow
    with the archive."""

    CARDS_KEPT = 2048  # more than most month or day pages show (over 500 a month is cut)

    def __init__(self, env: jinja2.Environment, site: SiteView) -> None:
        self.module: Any = env.get_template("_incident.html").make_module({"site": site})
        self.chrome_module: Any = env.get_template("_chrome.html").make_module({"site": site})
        self.cache: dict[tuple[str, str, str], Markup] = {}
        self.cards: OrderedDict[tuple[str, str], Markup] = OrderedDict()

    def chrome(self, part: str, page: PageView) -> Markup:
        """The header or footer of a page at this depth."""
        key = (part, page.root, page.site_root)
        if key not in self.cache:
            self.cache[key] = Markup(getattr(self.chrome_module, part)(page.root, page.site_root))
        return self.cache[key]

    def card(self, inc: Incident, root: str) -> Markup:
        key = (inc.id, root)
        made = self.cards.get(key)
        if made is None:
            made = self.cards[key] = Markup(self.module.incident(inc, root))
            if len(self.cards) > self.CARDS_KEPT:
                self.cards.popitem(last=False)
        return made

    def row(self, inc: Incident, root: str) -> Markup:
        key = ("row", inc.id, root)
        if key not in self.cache:
            self.cache[key] = Markup(self.module.row(inc, root))
        return self.cache[key]


def lazy_extras(
    config: Config, data: SiteData, lang: str, fmt: Formatter
) -> Callable[[str], dict[str, Any]]:
    """Context that only one page needs (the front page's chart and map, the
    about text), computed when that page is rendered."""

    def link(p: Place) -> str:
        return f"places/{data.place_slug(p)}.html"

    def extras(path: str) -> dict[str, Any]:
        if path == "index.html":
            return {
                "chart": charts.casualty_chart(data.timeline, lang, fmt),
                "map": charts.incident_map(data.timeline, lang, fmt, link),
            }
        if path == "about.html":
            return {"about": about_html(config, lang)}
        return {}

    return extras


def search_shards(data: SiteData) -> Iterator[tuple[str, tuple[Incident, ...]]]:
    """The filter's index in one file per month (and one for the undated), so
    that an edit rewrites one small file and a page loads only what it needs."""
    for month in data.months:
        yield month.key, month.incidents
    if data.timeline.undated:
        yield "undated", data.timeline.undated


SEARCH_GLOBAL = "SITEGEN_SEARCH"
FACETS = "search/facets.js"
FACETS_GLOBAL = "SITEGEN_FACETS"


def search_facets(data: SiteData, fmt: Formatter) -> bytes:
    """The filter's choices (types and places, by name) and the index's shards,
    in one small script: the pages carry an empty form, so a new place or month
    changes this file, not every page that has the filter."""
    shards = [key for key, _ in search_shards(data)]
    facets = {
        "shards": shards,
        "type": sorted(([e.key, fmt.label(e)] for e in data.types), key=lambda kv: kv[1]),
        "place": sorted(([e.key, fmt.label(e)] for e in data.places), key=lambda kv: kv[1]),
    }
    payload = json.dumps(facets, ensure_ascii=False, separators=(",", ":"))
    return f"window.{FACETS_GLOBAL}={payload};\n".encode()


def search_index(
    shard: str,
    incidents: Iterable[Incident],
    fmt: Formatter,
    texts: dict[str, str],
    links: dict[str, str],
) -> bytes:
    """One month of the filter's index: a compact record per incident, text
    folded like the extractor folds it, loaded as a script so it works from
    file:// too."""
    records = []
    for inc in incidents:
        text = texts.get(inc.id)
        if text is None:
            text = texts[inc.id] = search_text(inc)
        head = inc.summary_en if fmt.lang == "en" else inc.summary_ar
        records.append({
            "id": inc.id,
            "s": inc.date.start.isoformat() if inc.date.start else "",
            "e": inc.date.end.isoformat() if inc.date.end else "",
            "t": inc.type,
            "p": [p.key for p in inc.places],
            "x": text,
            "u": links.get(inc.id, ""),
            "d": fmt.date(inc.date),
            "h": head,
        })  # fmt: skip
    payload = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    name = json.dumps(shard)
    return f"(window.{SEARCH_GLOBAL}=window.{SEARCH_GLOBAL}||{{}})[{name}]={payload};\n".encode()


def search_text(inc: Incident) -> str:
    """What the free-text filter matches, in both languages (so a reader can
    type a place's English name on the Arabic pages and the other way round)."""
    words = [inc.summary_ar, inc.summary_en]
    for lang in ("ar", "en"):
        words.append(vocabulary.type_label(inc.type, lang))
        words += [vocabulary.actor_label(a, lang) for a in inc.actors]
    words += [p.ar for p in inc.places] + [p.en for p in inc.places]
    # ... and as the pages name it ("Hodeidah", "Daraa Governorate")
    words += [vocabulary.place_name(p, lang) for p in inc.places for lang in ("ar", "en")]
    words += [s.quote for s in inc.sources]
    return fold(" ".join(dict.fromkeys(words))).text.lower()


def about_html(config: Config, lang: str) -> str:
    """The about page's Markdown (``about.<lang>.md``, the site's own first)."""
    for folder in lookup_dirs(config.root, "templates"):
        path = folder / f"about.{lang}.md"
        if path.is_file():
            return md.markdown(clean(path.read_text(encoding="utf-8")))
    return ""


def render_page(
    env: jinja2.Environment, site: SiteView, page: Page, extra: dict[str, Any] | None = None
) -> bytes:
    depth = page.path.count("/")
    title = page.shown_title(env.globals["fmt"])  # type: ignore[arg-type]
    view = PageView(page.path, title, "../" * depth, "../" * (depth + 1), site.lang)
    return env_render(env, page.template, site=site, page=view, **page.context(), **(extra or {}))


def env_render(env: jinja2.Environment, template: str, **context: Any) -> bytes:
    return env.get_template(template).render(**context).encode("utf-8")


def casualty_items(c: Casualties) -> Iterable[tuple[str, int]]:
    for kind in ("killed", "wounded", "displaced"):
        value = getattr(c, kind)
        if value is not None:
            yield kind, value


def static_files(config: Config) -> Iterator[tuple[str, Path]]:
    """(output path, source file) for the theme's static files, site first."""
    seen: set[str] = set()
    for folder in lookup_dirs(config.root, "static"):
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and rel not in seen and not rel.startswith("."):
                seen.add(rel)
                yield f"static/{rel}", path
