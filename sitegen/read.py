"""Reading articles: files → ``Article`` values, or a diagnostic and a skip.

A bad file never stops the build: it is reported as ``path:line: message``
and the other articles go on.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from sitegen.model import Article, Diagnostic, Published

SUFFIXES = {".txt": "text", ".md": "markdown"}
KNOWN_KEYS = ("date", "title", "source", "url", "lang")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")
# A headline is a short first line with no sentence-final punctuation.
_SENTENCE_END = re.compile(r"[.!؟?:]\s*$")
HEADLINE_MAX_WORDS = 20
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


class ReadError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def discover(source: Path) -> list[Path]:
    """Article files under ``source``, in a stable order.

    Names starting with ``_`` or ``.`` are not articles (overrides, editor
    backups); symlinks that lead outside the source folder are not followed.
    """
    root = source.resolve()
    found = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root):
            continue
        found.append(path)
    return found


def label_for(path: Path, root: Path | None) -> str:
    """How messages name a file: relative to the site root when inside it."""
    return _label(path, root)


def _label(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def read_article(path: Path, label: str | None = None) -> tuple[Article, list[Diagnostic]]:
    return parse_article(path, label or str(path), read_bytes(path))


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise ReadError(1, f"cannot read the file ({why}); check its permissions") from exc


def parse_article(path: Path, label: str, data: bytes) -> tuple[Article, list[Diagnostic]]:
    """An article from a file's bytes (``path`` gives its id and format)."""
    text, warnings = decode(data, label)
    meta, body, body_line = split_front_matter(text)
    return _article(path, label, meta, body, body_line), warnings


def decode(data: bytes, label: str) -> tuple[str, list[Diagnostic]]:
    """UTF-8 (with or without BOM); else Windows-1256, the common legacy Arabic encoding."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(
            1, "this looks like a binary file, not an article; move it out of the source folder"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ReadError(1, f"invalid UTF-16 ({exc.reason}); save the file as UTF-8") from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise ReadError(line, "neither UTF-8 nor Windows-1256; save the file as UTF-8") from exc
        msg = "not valid UTF-8 (first bad byte here); read as Windows-1256: save it as UTF-8"
        return text, [Diagnostic(label, line, msg, "warning")]


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


def _parse_yaml(src: str) -> dict[str, Any]:
    try:
        meta = yaml.safe_load(src)
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 2) if exc.problem_mark else 1
        raise ReadError(line, f"front matter is not valid YAML: {exc.problem}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise ReadError(2, f"front matter is not valid YAML: {exc}") from exc
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ReadError(2, "front matter must be 'key: value' lines")
    return {str(k): v for k, v in meta.items()}


def _article(path: Path, label: str, meta: dict[str, Any], body: str, body_line: int) -> Article:
    key_lines: dict[str, int] = meta.pop("_lines", {})
    published = _published(meta.get("date"), key_lines.get("date", 2))
    for key in ("title", "source", "url", "lang"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            raise ReadError(key_lines.get(key, 2), f"'{key}' must be text; put it in quotes")
    extra = tuple(
        (k, str(v)) for k, v in sorted(meta.items()) if k not in KNOWN_KEYS and v is not None
    )
    return Article(
        id=path.stem,
        path=label,
        title=(meta.get("title") or "").strip() or guess_title(body),
        lang=(meta.get("lang") or "").strip() or guess_lang(body),
        published=published,
        body=body,
        body_line=body_line,
        fmt="markdown" if SUFFIXES[path.suffix.lower()] == "markdown" else "text",
        source=(meta.get("source") or "").strip(),
        url=(meta.get("url") or "").strip(),
        meta=extra,
    )


def _published(value: Any, line: int) -> Published:
    if value is None:
        return Published(None)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError as exc:
            raise ReadError(line, f"'date: {value}' is not a date; write it as YYYY-MM-DD") from exc
    if not isinstance(value, dt.date):
        raise ReadError(line, f"'date: {value}' is not a date; write it as YYYY-MM-DD")
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
