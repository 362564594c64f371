"""Site configuration: an optional ``sitegen.toml`` at the site root.

Every setting has a default, so a folder of articles with no config builds.
Unknown keys and wrong types are errors that name the key: a typo in a
config file should never be silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

CONFIG_NAME = "sitegen.toml"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class ConfigError(Exception):
    """A problem in sitegen.toml; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    title_ar: str = "الخط الزمني للأحداث"
    title_en: str = "Incident timeline"
    languages: tuple[str, ...] = ("ar", "en")
    default_language: str = "ar"
    # Babel locale for Arabic pages: ar_SY gives Levantine month names
    # (شباط، آذار), ar_EG Egyptian ones (فبراير، مارس).
    arabic_locale: str = "ar_SY"
    # "arab" writes Arabic-Indic digits (٢٠٢٠) on Arabic pages, "latn" Western (2020).
    arabic_digits: str = "latn"
    source: str = "seeds"
    output: str = "output"
    base_url: str = ""
    cname: str = ""
    # The first day of a calendar week for "last week": Sunday, as the working
    # week in Syria, Iraq, Egypt and the Gulf, and within a day of both the
    # ISO week annotators use and ACLED's Saturday–Friday one.
    week_start: str = "sunday"
    overrides: str = "_overrides.yaml"
    # Review (``sitegen serve --review``): "all" publishes every incident and marks
    # those nobody confirmed; "confirmed-only" publishes only the confirmed and
    # corrected ones. ``reviewer`` is written with each decision.
    review: str = "all"
    reviewer: str = ""

    @property
    def source_dir(self) -> Path:
        return (self.root / self.source).resolve()

    @property
    def output_dir(self) -> Path:
        return (self.root / self.output).resolve()

    @property
    def week_start_index(self) -> int:
        return WEEKDAYS.index(self.week_start)

    def title(self, lang: str) -> str:
        return self.title_ar if lang == "ar" else self.title_en

    def locale(self, lang: str) -> str:
        return self.arabic_locale if lang == "ar" else "en_GB"


_CHOICES: dict[str, tuple[str, ...]] = {
    "review": ("all", "confirmed-only"),
    "arabic_digits": ("latn", "arab"),
    "week_start": WEEKDAYS,
    "default_language": ("ar", "en"),
    "arabic_locale": (
        "ar",
        "ar_SY",
        "ar_EG",
        "ar_LB",
        "ar_JO",
        "ar_IQ",
        "ar_SA",
        "ar_MA",
        "ar_DZ",
        "ar_TN",
        "ar_AE",
        "ar_PS",
    ),
}


def load_config(root: Path, **overrides: Any) -> Config:
    """Read ``root/sitegen.toml`` if present; keyword overrides win (CLI flags)."""
    path = root / CONFIG_NAME
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
    values = _flatten(raw, path)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Config(root=root.resolve(), **_validated(values, path))


def _flatten(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    """Accept ``[title] ar = … en = …`` as well as ``title_ar = …``."""
    out = dict(raw)
    title = out.pop("title", None)
    if isinstance(title, dict):
        for lang, text in title.items():
            out[f"title_{lang}"] = text
    elif isinstance(title, str):
        out["title_en"] = out["title_ar"] = title
    elif title is not None:
        raise ConfigError(f"{path}: key 'title' must be a string or a table with ar/en")
    return out


def _validated(values: dict[str, Any], path: Path) -> dict[str, Any]:
    known = {f.name: f for f in fields(Config) if f.name != "root"}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown key '{key}' (known: {', '.join(sorted(known))})")
        default = getattr(Config(), key)
        if isinstance(default, tuple):
            if not (isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)):
                raise ConfigError(f"{path}: key '{key}' must be a list of strings")
            value = tuple(value)
        elif not isinstance(value, type(default)):
            want = type(default).__name__
            raise ConfigError(f"{path}: key '{key}' must be {want}, not {type(value).__name__}")
        if key in _CHOICES and value not in _CHOICES[key]:
            raise ConfigError(f"{path}: key '{key}' must be one of {', '.join(_CHOICES[key])}")
        out[key] = value
    langs = out.get("languages", Config().languages)
    if not set(langs) <= {"ar", "en"} or not langs:
        raise ConfigError(f"{path}: key 'languages' may list only 'ar' and 'en'")
    return out
