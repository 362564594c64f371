"""Reading articles: files → ``Article`` values, or a diagnostic and a skip.

A bad file never stops the build: it is reported as ``path:line: message``
and the other articles go on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitegen.extract.normalize import INVISIBLE
from sitegen.extract.temporal import TIMELINE_YEARS
from sitegen.model import Article, Diagnostic, Published

SUFFIXES = {".txt": "text", ".md": "markdown"}
KNOWN_KEYS = ("date", "title", "source", "url", "lang")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")
# A headline is a short first line with no sentence-final punctuation.
_SENTENCE_END = re.compile(rf"[.!؟?:][\s{INVISIBLE}]*$")  # (marks of direction may follow)
HEADLINE_MAX_WORDS = 20
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
# An article is a news report, not a dump: a bigger file is refused before it is
# read (the extractor's time grows with the text, and one file must not stall a build).
MAX_ARTICLE_BYTES = 1024 * 1024
TITLE_MAX = 200  # characters; a title is shown on every page that lists the article
# C0 controls other than tab and newline, and DEL: invisible, and invalid in the XML feed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters in a file name that break the page's relative links (the id is the URL).
# Bidi controls are invisible and reorder the text around them.
_URL_BREAKERS = re.compile(r'[#?%"<>\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]')
# What YAML would read as a date (and its datetimes, whose time is dropped).
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


class ReadError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class SourceError(Exception):
    """The articles folder is missing, or holds no article: nothing to build."""


@dataclass(frozen=True, slots=True)
class Listing:
    articles: list[Path]  # in a stable order
    skipped: list[Path]  # other files a user may have meant as articles (.docx, .pdf…)


def discover(source: Path) -> list[Path]:
    """Article files under ``source``, in a stable order."""
    return scan(source).articles


def scan(source: Path) -> Listing:
    """Article files under ``source``, and the other files there.

    Names starting with ``_`` or ``.`` are not articles (overrides, editor
    backups) and are not listed at all; symlinks that lead outside the source
    folder are not followed. A link that loops or leads nowhere is listed, so
    that reading it reports it.
    """
    root = source.resolve()
    found: list[str] = []
    skipped: list[str] = []
    folders = [str(source)]
    while folders:  # scandir's entries know their type: no stat, no resolve per file
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith((".", "_")):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)  # a linked folder is not followed
            elif os.path.splitext(entry.name)[1].lower() in SUFFIXES and (
                entry.is_file(follow_symlinks=False) or _inside(Path(entry.path), root)
            ):
                found.append(entry.path)
            elif entry.is_file(follow_symlinks=False) and not entry.name.endswith("~"):
                skipped.append(entry.path)
    return Listing(_sorted_paths(found), _sorted_paths(skipped))


def _sorted_paths(paths: list[str]) -> list[Path]:
    """As ``sorted`` orders Paths (part by part), without comparing Path objects."""
    return [Path(p) for p in sorted(paths, key=lambda p: p.split(os.sep))]


def source_files(source: Path, shown: str) -> Listing:
    """The articles of a site's source folder; a folder that is missing or has no
    article is an error, not an empty site (a typo in --source must not publish one)."""
    if not source.is_dir():
        where = f" ({source})" if shown != str(source) else ""
        raise SourceError(
            f"the source folder '{shown}' does not exist{where}; "
            "check --source or 'source' in sitegen.toml"
        )
    listing = scan(source)
    if not listing.articles:
        others = f" (only {len(listing.skipped)} other files)" if listing.skipped else ""
        raise SourceError(
            f"the source folder '{shown}' has no articles{others}: "
            "sitegen reads .txt and .md files; add one, or check --source"
        )
    return listing


def skipped_notes(skipped: list[Path], root: Path | None) -> list[Diagnostic]:
    """One note per file in the source folder that is not read as an article."""
    out = []
    for path in skipped:
        kind = path.suffix.lower() or "file with no extension"
        msg = (
            f"not read: sitegen reads only .txt and .md articles, and this is a {kind}; "
            "save it as text to include it, or move it out of the source folder"
        )
        out.append(Diagnostic(_label(path, root), 0, msg, "info"))
    return out


def _inside(link: Path, root: Path) -> bool:
    """Whether a link leads to a file inside ``root``; a link that loops or leads
    nowhere counts, so that reading it reports it."""
    if not link.is_symlink():
        return False  # a socket, a fifo…
    try:
        real = link.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return True
    return real.is_file() and real.is_relative_to(root)


def label_for(path: Path, root: Path | None) -> str:
    """How messages name a file: relative to the site root when inside it."""
    return _label(path, root)


def labels_for(paths: list[Path], root: Path | None) -> list[str]:
    """``label_for`` of many files, each folder resolved once (10,000 articles
    in a few folders: resolving each file's folder again cost ~1 s)."""
    if root is None:
        return [str(p) for p in paths]
    try:
        base = root.resolve()
    except (OSError, RuntimeError):
        return [str(p) for p in paths]
    folders: dict[str, str | None] = {}
    out = []
    for path in paths:
        text = str(path)
        folder, _, name = text.rpartition(os.sep)
        if folder not in folders:
            try:
                rel = path.parent.resolve().relative_to(base)
                folders[folder] = "" if str(rel) == "." else f"{rel}{os.sep}"
            except (ValueError, OSError, RuntimeError):
                folders[folder] = None
        prefix = folders[folder]
        out.append(text if prefix is None else prefix + name)
    return out


def _label(path: Path, root: Path | None) -> str:
    if root is not None:
        try:  # the folder is resolved, not the file: a link is named as itself
            return str((path.parent.resolve() / path.name).relative_to(root.resolve()))
        except (ValueError, OSError, RuntimeError):
            pass
    return str(path)


def read_article(path: Path, label: str | None = None) -> tuple[Article, list[Diagnostic]]:
    return parse_article(path, label or str(path), read_bytes(path))


def read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The file's bytes; a file over ``limit`` bytes is refused unread."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise ReadError(1, _too_big(size, limit))
            data = fh.read(limit + 1)  # it may have grown since
    except OSError as exc:
        raise ReadError(1, f"cannot read the file ({_why(exc)})") from exc
    if len(data) > limit:
        raise ReadError(1, _too_big(len(data), limit))
    return data


def _too_big(size: int, limit: int) -> str:
    return (
        f"the file is {size:,} bytes, over the limit of {limit:,} bytes "
        f"({limit // 1024:,} KiB) for one article; split it or move it out of the source folder"
    )


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; check its permissions"
    if exc.errno == errno.ELOOP:
        return "a symbolic link that loops; fix or remove the link"
    if exc.errno == errno.ENOENT:
        return "it is gone, or a symbolic link to nothing; fix or remove it"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    return exc.strerror or str(exc)


def parse_article(path: Path, label: str, data: bytes) -> tuple[Article, list[Diagnostic]]:
    """An article from a file's bytes (``path`` gives its id and format)."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ReadError(1, _too_big(len(data), MAX_ARTICLE_BYTES))
    if "\\" in path.stem:  # a folder separator on Windows, and in the page's URL
        msg = "the file name has a backslash, which cannot be part of a page's address; rename it"
        raise ReadError(1, msg)
    text, warnings = decode(data, label)
    text, more = _sanitise(text, label)
    warnings += more
    if not text.strip():
        raise ReadError(
            1, "the file is empty (or only white space); write the article or remove it"
        )
    meta, body, body_line = split_front_matter(text)
    article, more = _article(path, label, meta, body, body_line)
    if not body.strip():
        msg = "no article text after the front matter; nothing to extract"
        more.append(Diagnostic(label, body_line, msg, "warning"))
    return article, warnings + more + _name_warnings(path, label)


def _sanitise(text: str, label: str) -> tuple[str, list[Diagnostic]]:
    """Drop what no article means to contain: control characters (a warning names the
    first line with one) and byte-order marks left inside the text by concatenation."""
    text = text.replace("\ufeff", "")
    found = _CONTROLS.search(text)
    if found is None:
        return text, []
    line = text.count("\n", 0, found.start()) + 1
    msg = f"control character U+{ord(found.group()):04X} removed (and any others after it)"
    return _CONTROLS.sub("", text), [Diagnostic(label, line, msg, "warning")]


def _name_warnings(path: Path, label: str) -> list[Diagnostic]:
    bad = sorted(set(_URL_BREAKERS.findall(path.stem)))
    if not bad:
        return []
    shown = " ".join(f"U+{ord(c):04X}" if not c.isprintable() else repr(c) for c in bad)
    msg = (
        f"the file name has characters that break or reorder links to its page ({shown}); "
        "rename it with letters, digits, '-' and '_'"
    )
    return [Diagnostic(label, 1, msg, "warning")]


BINARY = "this looks like a binary file, not an article; move it out of the source folder"


def decode(data: bytes, label: str) -> tuple[str, list[Diagnostic]]:
    """UTF-8 (with or without BOM), UTF-16 with a BOM; else, line by line, Windows-1256,
    the common legacy Arabic encoding — when what it gives reads as Arabic text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ReadError(1, f"invalid UTF-16 ({exc.reason}); save the file as UTF-8") from exc
    if b"\x00" in data:
        if _utf16_without_bom(data):
            raise ReadError(
                1, "this looks like UTF-16 without a byte-order mark; save the file as UTF-8"
            )
        raise ReadError(1, BINARY)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return _legacy(data, data.count(b"\n", 0, exc.start) + 1, label)


def _legacy(data: bytes, first_bad: int, label: str) -> tuple[str, list[Diagnostic]]:
    """Lines that are not UTF-8 read as Windows-1256 (a line pasted from an old file
    into a UTF-8 one stays readable), if they read as Arabic text at all."""
    lines, legacy = [], []
    for raw in data.removeprefix(b"\xef\xbb\xbf").split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1256", errors="replace"))
            legacy.append(lines[-1])
    read = "\n".join(legacy)
    if not _readable(read):
        raise ReadError(first_bad, BINARY)
    if not _arabic(read):
        raise ReadError(
            first_bad,
            "not valid UTF-8, and read as Windows-1256 it is not Arabic text (Latin-1 or "
            "another single-byte encoding?); save the file as UTF-8",
        )
    msg = "not valid UTF-8 (first bad byte here); read as Windows-1256: save it as UTF-8"
    return "\n".join(lines), [Diagnostic(label, first_bad, msg, "warning")]


# What text is made of: letters, digits, spaces and punctuation of the scripts news is
# written in. Random bytes decoded as UTF-16 or Windows-1256 give control codes,
# CJK ideographs and replacement characters instead.
_TEXT_CHAR = re.compile(
    r"[\t\n\r\x20-\x7e\xa0-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    r"\u2000-\u206f\u20ac\ufb50-\ufdff\ufe70-\ufeff]"
)
_LATIN_LETTER = re.compile(r"[A-Za-z\xc0-\u024f]")
_ARABIC_WORD = re.compile(r"\w*[\u0621-\u064a]\w*")


def _readable(text: str, share: float = 0.95) -> bool:
    return not text or len(_TEXT_CHAR.findall(text)) >= share * len(text)


def _arabic(text: str) -> bool:
    """Mostly Arabic words, not Latin words with a stray Arabic letter in them — which is
    what Latin-1 ("Größe", "café") read as Windows-1256 gives."""
    words = _ARABIC_WORD.findall(text)
    if not words:
        return not _LATIN_LETTER.search(re.sub(r"[\x00-\x7f]", "", text))
    mixed = sum(bool(_LATIN_LETTER.search(w)) for w in words)
    return mixed <= 0.1 * len(words)


def _utf16_without_bom(data: bytes) -> bool:
    """Text in UTF-16 has its zero bytes (the high byte of ASCII) all on one side, and
    decodes to letters, not to the ideographs that random bytes make."""
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) % 2 or min(even, odd) or max(even, odd) < 4:
        return False
    try:
        text = sample.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return _readable(text)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Return (metadata, body, file line of the body's first line).

    The metadata carries ``_lines``: the file line of each top-level key, so
    that a bad value is reported where it stands.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            meta = _parse_yaml("\n".join(lines[1:i]))
            meta["_lines"] = {
                m.group(1): n + 2 for n, ln in enumerate(lines[1:i]) if (m := _KEY.match(ln))
            }
            return meta, "\n".join(lines[i + 1 :]), i + 2
    raise ReadError(1, "front matter opened with '---' is never closed; add a '---' line after it")


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without two traps: dates stay text, so that a bad one is reported on
    its own line as a bad date; and aliases are refused (a "billion laughs" front
    matter of nested aliases expands without end when its values are shown)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", mark
            )
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(src: str) -> dict[str, Any]:
    try:
        meta = yaml.load(src, Loader=_FrontMatterLoader)
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 2) if exc.problem_mark else 2
        raise ReadError(line, f"front matter is not valid YAML: {exc.problem}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise ReadError(2, f"front matter is not valid YAML: {exc}") from exc
    except RecursionError as exc:
        raise ReadError(2, "front matter is nested too deeply; write 'key: value' lines") from exc
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ReadError(2, "front matter must be 'key: value' lines")
    return {str(k): v for k, v in meta.items()}


def _article(
    path: Path, label: str, meta: dict[str, Any], body: str, body_line: int
) -> tuple[Article, list[Diagnostic]]:
    key_lines: dict[str, int] = meta.pop("_lines", {})
    warnings: list[Diagnostic] = []
    published = _published(meta.get("date"), key_lines.get("date", 2))
    for key in ("title", "source", "url", "lang"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            raise ReadError(key_lines.get(key, 2), f"'{key}' must be text; put it in quotes")
        # YAML's escapes ("\x00", "\a") make controls the file's text did not hold
        if isinstance(meta.get(key), str) and _CONTROLS.search(meta[key]):
            meta[key] = _CONTROLS.sub("", meta[key])
            msg = f"control characters removed from '{key}'"
            warnings.append(Diagnostic(label, key_lines.get(key, 2), msg, "warning"))
    first, last = TIMELINE_YEARS
    if published.date is not None and not first <= published.date.year <= last:
        msg = (
            f"'date: {published.date.isoformat()}' is outside the years {first}–{last} "
            "a timeline covers; check the year"
        )
        raise ReadError(published.line, msg)
    extra = tuple(
        (k, str(v)) for k, v in sorted(meta.items()) if k not in KNOWN_KEYS and v is not None
    )
    warnings += _unknown_keys(label, meta, key_lines)
    title = (meta.get("title") or "").strip()
    if len(title) > TITLE_MAX:
        msg = f"'title' is {len(title):,} characters; it is cut to {TITLE_MAX}"
        warnings.append(Diagnostic(label, key_lines.get("title", 2), msg, "warning"))
    lang = (meta.get("lang") or "").strip()
    if lang and not _LANG_TAG.match(lang):
        msg = f"'lang: {lang[:40]}' is not a language tag (ar, en…); guessed from the text"
        warnings.append(Diagnostic(label, key_lines.get("lang", 2), msg, "warning"))
        lang = ""
    if (lang and lang.split("-")[0].lower() != "ar") or (not lang and _no_arabic(body)):
        warnings.append(_not_arabic(label, lang, key_lines.get("lang", body_line)))
    url = (meta.get("url") or "").strip()
    if url and not url.lower().startswith(("https://", "http://")):
        msg = f"'url: {url[:60]}' is not an http(s) address; it is kept but not linked"
        warnings.append(Diagnostic(label, key_lines.get("url", 2), msg, "warning"))
    article = Article(
        id=path.stem,
        path=label,
        title=_cut(title or guess_title(body)),
        lang=lang or guess_lang(body),
        published=published,
        body=body,
        body_line=body_line,
        fmt="markdown" if SUFFIXES[path.suffix.lower()] == "markdown" else "text",
        source=(meta.get("source") or "").strip(),
        url=url,
        meta=extra,
    )
    return article, warnings


def _unknown_keys(label: str, meta: dict[str, Any], key_lines: dict[str, int]) -> list[Diagnostic]:
    """A key sitegen does not read is most often a typo ("datee:"): say so, with the
    known keys, as sitegen.toml does."""
    out = []
    for key in meta:
        if key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        msg = (
            f"unknown front-matter key '{key[:40]}' is ignored; {hint}"
            f"the keys sitegen reads are: {', '.join(KNOWN_KEYS)}"
        )
        out.append(Diagnostic(label, key_lines.get(key, 2), msg, "warning"))
    return out


def _no_arabic(body: str) -> bool:
    """Hardly an Arabic word: markup around an Arabic text does not count."""
    return bool(body.strip()) and len(_ARABIC.findall(body[:20000])) < 20


def _not_arabic(label: str, lang: str, line: int) -> Diagnostic:
    said = f"'lang: {lang}'" if lang else "the text has hardly any Arabic"
    msg = (
        f"{said}: only Arabic text is extracted, so this article yields no incidents; "
        "its page shows the text as written"
    )
    return Diagnostic(label, line, msg, "warning")


def _cut(title: str) -> str:
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1].rstrip() + "…"


def _published(value: Any, line: int) -> Published:
    if value is None:
        return Published(None)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        shown = value.strip()[:40]
        found = _ISO_DATE.match(value.strip())
        if found is None:
            raise ReadError(line, f"'date: {shown}' is not a date; write it as YYYY-MM-DD")
        try:
            value = dt.date(*(int(g) for g in found.groups()))
        except ValueError as exc:  # 2020-02-31
            msg = f"'date: {shown}' is not a calendar date ({exc}); write it as YYYY-MM-DD"
            raise ReadError(line, msg) from exc
    if not isinstance(value, dt.date):
        shown = str(value)[:40]
        raise ReadError(line, f"'date: {shown}' is not a date; write it as YYYY-MM-DD")
    return Published(value, "front-matter", "front matter 'date'", line)


def guess_title(body: str) -> str:
    """The first line when it reads as a headline, else the opening words."""
    first = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
    if is_headline(first, body):
        return first
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def is_headline(line: str, body: str) -> bool:
    words = line.split()
    more = body.strip().count("\n") > 0
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line) and more


def guess_lang(body: str) -> str:
    sample = body[:2000]
    return "ar" if len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)) else "en"
