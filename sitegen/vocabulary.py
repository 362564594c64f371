"""The names the site shows: event types, actors and places, in Arabic and English.

Read from the same data files the extractor compiles (``sitegen/data/events.yaml``,
``actors.yaml``; ``place_kinds.yaml`` for facilities), but only their names and
the ACLED mapping: the pages, the
downloads, the charts and the corrections take their labels from here, and do
not load the extraction engine to get them. A key that is not in the data (a
speaker as written, a type from an old correction) is shown as itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sitegen.extract.lexicon import load_table, load_yaml
from sitegen.model import Place


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
    """An actor's name; a name the data does not know is shown as written, and
    on English pages, when written in Arabic, transliterated (never Arabic script)."""
    a = actors().get(key)
    if a:
        return a.label(lang)
    return latin(key) if lang == "en" else key


def latin(name: str) -> str:
    """``name`` in Latin script: transliterated when it is written in Arabic."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in name):
        return name
    from sitegen.extract.places import transliterate  # the spelling rules only

    return transliterate(name)


def actor_kind(key: str) -> str:
    """party, org, media, person; "" for a name that is not in the data."""
    a = actors().get(key)
    return a.kind if a else ""


_NOT_KINDS = frozenset({"exported_named", "exported_named_en", "admin_units", "english_names"})


@cache
def _place_kinds() -> dict[str, dict[str, Any]]:
    return {k: v for k, v in load_yaml("place_kinds.yaml").items() if k not in _NOT_KINDS}


@cache
def _exported_named(lang: str) -> frozenset[str]:
    data = load_yaml("place_kinds.yaml")
    return frozenset(data["exported_named"] + (data["exported_named_en"] if lang == "en" else []))


@cache
def _admin_units() -> dict[tuple[str, str], str]:
    """The gazetteer's governorates (ids "gov-…" of the countries admin_units
    lists) by Arabic and English name: the kind they are named as."""
    units = load_yaml("place_kinds.yaml")["admin_units"]
    return {
        (row["ar"], row["en"]): units[row["country"]]
        for row in load_table("gazetteer.csv")
        if row["id"].startswith("gov-") and row["country"] in units
    }


@cache
def _english_names() -> dict[str, str]:
    return dict(load_yaml("place_kinds.yaml")["english_names"])


def _name(p: Place, lang: str) -> str:
    """The name as the news writes it ("Hodeidah", not GeoNames' "Al Hudaydah")."""
    return p.ar if lang == "ar" else news_name(p)


def news_name(p: Place) -> str:
    """The English name as the news writes it, with no word of its kind
    (summaries: "Shelling on Hodeidah")."""
    return _english_names().get(p.en, p.en)


def _kind(p: Place) -> str:
    """The kind a place is named by: a region that is a governorate says so."""
    if p.kind == "region":
        return _admin_units().get((p.ar, p.en), p.kind)
    return p.kind


def export_name(p: Place, lang: str) -> str:
    """A place's name in exports (``sitegen extract``, incidents.json): a kind
    whose word is part of its everyday name says it ("معبر نصيب", "Nasib
    crossing"); an airbase goes by its name alone ("التيفور"), as the news
    names it as often; a governorate says so in English ("Daraa Governorate",
    not the city; place_kinds.yaml exported_named, exported_named_en)."""
    if _kind(p) in _exported_named(lang):
        return place_name(p, lang)
    return _name(p, lang)


def place_name(p: Place, lang: str) -> str:
    """A place's name in ``lang``; a facility says what it is ("مطار النيرب",
    "Nerab airport"), so that it is not taken for the town of its name, and a
    governorate ("محافظة درعا", "Daraa Governorate") for its capital."""
    name = _name(p, lang)
    kind = _place_kinds().get(_kind(p), {})
    pattern = kind.get(lang)
    if not pattern or not name:
        return name
    if lang == "en" and any(w in name.lower() for w in kind.get("named", ())):
        return name  # "Shayrat Airbase" says what it is
    before, after = pattern.split("{name}")
    if name.startswith(before) and name.endswith(after):
        return name  # already named so: "مطار الحديدة"
    return pattern.format(name=name)


@cache
def _admin1_arabic() -> dict[str, str]:
    """Governorates by their English name, from the curated gazetteer: the
    region itself, or the city it is named after ("Idlib": "إدلب")."""
    out: dict[str, str] = {}
    for row in load_table("gazetteer.csv"):
        if row["kind"] in ("region", "city", "capital") and row["en"] == row["admin1"]:
            out.setdefault(row["en"], row["ar"])
    return out


def admin1_name(name: str, lang: str) -> str:
    """A governorate's name in ``lang``; "" in Arabic when the gazetteer has
    none (the page then shows the English name, marked as English)."""
    return name if lang == "en" else _admin1_arabic().get(name, "")
