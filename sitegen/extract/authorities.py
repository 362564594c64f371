"""The country of a domestic authority named with its adjective.

"أعلنت السلطات الكندية مقتل 4 أشخاص في حادث إطلاق نار في فريدريكتون": the
police, the courts, the ministry of the interior act at home, so an event they
report or carry out that names no place the gazetteer knows happened in their
country. Which authorities, and the adjectives the rule cannot derive, are in
``sitegen/data/authorities.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from sitegen.extract import places
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, fold, fold_word
from sitegen.extract.numbers import word_alternation
from sitegen.model import Place


def authority_country(text: str, at: int) -> Place | None:
    """The country of a domestic authority named with its adjective at the head
    of the clause or within a few words of ``at`` (the event's word, an offset
    in ``text``): the authority that tells or carries out the event ("أعلنت
    السلطات الكندية، الجمعة، مقتل …", "واعتقلت السلطات التركية …"), not one
    that only denies it further on."""
    regex, countries = _compiled()
    folded = fold(text)
    trigger = folded.folded_index(at)
    for m in regex.finditer(folded.text):
        head = len(folded.text[: m.start()].split()) <= HEAD
        if trigger < m.start():
            between = folded.text[trigger : m.start()]
        else:
            between = folded.text[m.end() : trigger]
        if head or len(between.split()) <= REACH:
            return countries[_bare(m.group("adj"))]
    return None


HEAD = 4  # words before an authority that opens the clause ("من جهة أخرى، أعلنت")
REACH = 6  # words between the authority and the event's word


def lands(text: str) -> list[places.PlaceMention]:
    """A country's land named by its adjective ("باتجاه الأراضي السعودية",
    "بلدات إسرائيلية"), as a mention of the country."""
    regex, countries = _lands()
    folded = fold(text)
    out = []
    for m in regex.finditer(folded.text):
        start, end = folded.span(m.start(), m.end())
        out.append(places.PlaceMention(start, end, text[start:end], countries[_bare(m["adj"])]))
    return out


def owned_target(text: str) -> Place | None:
    """The state a strike's target is named as belonging to ("ضد ثلاث مواقع
    سورية", "على مواقع للنظام السوري"): authorities.yaml ``targets``."""
    regex, countries = _targets()
    m = regex.search(fold(text).text)
    return countries[_bare(m["adj"])] if m else None


@cache
def _targets() -> tuple[re.Pattern[str], dict[str, Place]]:
    data = load_yaml("authorities.yaml")["targets"]
    _, every = _compiled()
    countries = {adj: p for adj, p in every.items() if p.en in data["states"]}
    words = word_alternation(data["words"])
    adjectives = word_alternation(sorted(countries) + ["ال" + a for a in countries])
    regex = re.compile(
        rf"{WB_BEFORE}[وفبل]?{words}(?:\s+\S+){{0,4}}?\s+(?P<adj>{adjectives}){WB_AFTER}"
    )
    return regex, countries


@cache
def _lands() -> tuple[re.Pattern[str], dict[str, Place]]:
    _, countries = _compiled()
    words = word_alternation(load_yaml("authorities.yaml")["lands"])
    adjectives = word_alternation(sorted(countries) + ["ال" + a for a in countries])
    regex = re.compile(rf"{WB_BEFORE}[وفبل]?{words}\s+(?P<adj>{adjectives}){WB_AFTER}")
    return regex, countries


@cache
def _compiled() -> tuple[re.Pattern[str], dict[str, Place]]:
    data = load_yaml("authorities.yaml")
    countries: dict[str, Place] = {}
    for country in places.gazetteer():
        if country.kind != "country" or country.en in data["no_adjective"]:
            continue
        for adjective in data["adjectives"].get(country.en) or _by_rule(country.ar):
            countries.setdefault(_bare(adjective), country)
    authorities = word_alternation(data["authorities"])
    adjectives = word_alternation(sorted(countries) + ["ال" + a for a in countries])
    regex = re.compile(rf"{WB_BEFORE}[وفبل]?{authorities}\s+(?P<adj>{adjectives}){WB_AFTER}")
    return regex, countries


def _by_rule(name: str) -> list[str]:
    """كندا → كندي، كندية; ألمانيا → ألماني، ألمانية; العراق → عراقي، عراقية.
    Names of several words have no adjective by rule."""
    if " " in name:
        return []
    stem = name[2:] if name.startswith("ال") else name
    stem = stem[:-2] if stem.endswith("يا") else stem[:-1] if stem.endswith("ا") else stem
    return [stem + "ي", stem + "ية"]


def _bare(adjective: str) -> str:
    """The folded adjective without its article, the key of the table."""
    folded = fold_word(adjective)
    return folded[2:] if folded.startswith("ال") else folded
