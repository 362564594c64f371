"""Rendering: the page plan and Jinja2 templates → HTML bytes per output path.

One Jinja2 environment per language (each with its compiled gettext catalog
and Babel formatters), templates compiled once, a typed context per page.
Every internal link is relative, so the site works from ``file://`` and under
any sub-path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import markdown as md
from babel.dates import format_date, format_interval

from sitegen import i18n
from sitegen.config import Config
from sitegen.extract import actors, events
from sitegen.model import Article, Casualties, DateRef, Incident, Place, Timeline
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


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # inside the language folder
    template: str
    title: str
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    article: Article
    incidents: tuple[Incident, ...]


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything the renderer needs, computed once for both languages."""

    timeline: Timeline
    articles: tuple[ArticleEntry, ...]


class Formatter:
    """Dates, numbers and labels for one language (Babel, the data files)."""

    def __init__(self, lang: str, config: Config) -> None:
        self.lang = lang
        self.locale = config.locale(lang)
        self.arabic_digits = lang == "ar" and config.arabic_digits == "arab"

    def digits(self, text: str) -> str:
        return text.translate(_ARABIC_DIGITS) if self.arabic_digits else text

    def number(self, n: int | None) -> str:
        return "" if n is None else self.digits(f"{n:,}" if self.lang == "en" else f"{n}")

    def day(self, d: date, fmt: str = "d MMMM y") -> str:
        return self.digits(format_date(d, fmt, locale=self.locale))

    def span(self, a: date, b: date) -> str:
        return self.digits(format_interval(a, b, "yMMMd", locale=self.locale))

    def month(self, key: str) -> str:
        y, m = key.split("-")
        return self.day(date(int(y), int(m), 1), "MMMM y")

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
        if not key:
            return ""
        t = events.event_type(key)
        return getattr(t, f"{self.lang}_plural", None) or getattr(t, self.lang) if plural else getattr(t, self.lang)

    def actor(self, key: str) -> str:
        try:
            return str(getattr(actors.actor(key), self.lang))
        except KeyError:
            return key

    def place(self, p: Place) -> str:
        return p.ar if self.lang == "ar" else p.en


def clean(text: str) -> str:
    """Drop bidi controls from input text (they could reorder the page)."""
    return text.translate(_BIDI_CONTROLS)


def make_env(lang: str, config: Config) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([str(d) for d in lookup_dirs(config.root, "templates")])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_translations(i18n.load(lang), newstyle=True)  # type: ignore[attr-defined]
    fmt = Formatter(lang, config)
    env.globals["fmt"] = fmt
    env.filters["clean"] = clean
    return env


def plan(data: SiteData) -> list[Page]:
    """The pages of one language; both languages have the same plan."""
    pages = [Page("index.html", "timeline.html", "", {"timeline": data.timeline, "groups": _months(data)})]
    for entry in data.articles:
        pages.append(
            Page(
                f"articles/{entry.article.id}.html",
                "article.html",
                entry.article.title,
                {"entry": entry, "paragraphs": list(article_paragraphs(entry))},
            )
        )
    return pages


def _months(data: SiteData) -> list[tuple[str, list[Incident]]]:
    by_id = {i.id: i for i in data.timeline.dated}
    return [(month, [by_id[i] for i in ids]) for month, ids in data.timeline.by_month]


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: int
    text: str
    marks: tuple[tuple[str, str], ...]  # (text piece, incident id or "")
    html: str = ""  # rendered Markdown, for .md articles


def article_paragraphs(entry: ArticleEntry) -> Iterator[Paragraph]:
    """The article text by line, with the quoted words of each incident marked."""
    article = entry.article
    if article.fmt == "markdown":
        yield Paragraph(article.body_line, "", (), md.markdown(clean(article.body)))
        return
    quotes: dict[int, list[tuple[str, str]]] = {}
    for inc in entry.incidents:
        for s in inc.sources:
            if s.article_id == article.id:
                quotes.setdefault(s.line, []).append((s.quote, inc.id))
    for offset, line in enumerate(article.body.split("\n")):
        if line.strip():
            number = article.body_line + offset
            yield Paragraph(number, line, tuple(_marks(line, quotes.get(number, []))))


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


def render_site(config: Config, data: SiteData) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) for every page of every language, and the root page."""
    pages = plan(data)
    for lang in config.languages:
        env = make_env(lang, config)
        site = SiteView(config, lang, "rtl" if lang == "ar" else "ltr", config.title(lang), config.languages)
        for page in pages:
            yield f"{lang}/{page.path}", render_page(env, site, page)
    root_env = make_env(config.default_language, config)
    root = env_render(root_env, "root.html", config=config, default=config.default_language)
    yield "index.html", root


def render_page(env: jinja2.Environment, site: SiteView, page: Page) -> bytes:
    depth = page.path.count("/")
    view = PageView(page.path, page.title, "../" * depth, "../" * (depth + 1), site.lang)
    return env_render(env, page.template, site=site, page=view, **page.data)


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
