"""The names the site shows: event types and actors, in Arabic and English.

Read from the same data files the extractor compiles (``sitegen/data/events.yaml``,
``actors.yaml``), but only their names and the ACLED mapping: the pages, the
downloads, the charts and the corrections take their labels from here, and do
not load the extraction engine to get them. A key that is not in the data (a
speaker as written, a type from an old correction) is shown as itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitegen.extract.lexicon import load_yaml


@dataclass(frozen=True, slots=True)
class TypeName:
    key: str
    ar: str
    en: str
    ar_plural: str
    en_plural: str
    acled_event_type: str
    acled_sub_event_type: str  # the type's default; a trigger may refine it in extraction

    def label(self, lang: str, plural: bool = False) -> str:
        if lang == "ar":
            return (self.ar_plural or self.ar) if plural else self.ar
        return (self.en_plural or self.en) if plural else self.en


@dataclass(frozen=True, slots=True)
class ActorName:
    key: str
    ar: str
    en: str
    kind: str  # party | org | media | person

    def label(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


@cache
def types() -> dict[str, TypeName]:
    """Every event type, in the extractor's priority order."""
    data = load_yaml("events.yaml")
    rank = {key: n for n, key in enumerate(data["priority"])}
    rows = sorted(data["types"].items(), key=lambda kv: rank.get(kv[0], len(rank)))
    return {
        key: TypeName(
            key,
            row["ar"],
            row["en"],
            row["ar_plural"],
            row["en_plural"],
            row["acled"]["event_type"],
            row["acled"]["sub_event_type"],
        )
        for key, row in rows
    }


@cache
def actors() -> dict[str, ActorName]:
    data = load_yaml("actors.yaml")
    return {
        key: ActorName(key, row["ar"], row["en"], row["kind"])
        for key, row in data["actors"].items()
    }


def event_type(key: str) -> TypeName | None:
    return types().get(key)


@cache
def type_label(key: str, lang: str, plural: bool = False) -> str:
    t = types().get(key)
    return t.label(lang, plural) if t else key


@cache
def actor_label(key: str, lang: str) -> str:
    a = actors().get(key)
    return a.label(lang) if a else key


def actor_kind(key: str) -> str:
    """party, org, media, person; "" for a name that is not in the data."""
    a = actors().get(key)
    return a.kind if a else ""
