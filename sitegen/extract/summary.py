"""Summaries generated from an incident's fields, in English and in Arabic (no
machine translation): what happened, by whom, where, the toll and who reports it.

"Shelling on Balyun and Jabal al-Zawiya: 4 killed (Local sources)" /
"قصف على بيلون وجبل الزاوية: 4 قتلى (مصادر محلية)". Every word comes
from the data files (``summaries.yaml`` and the names in events, actors,
victims and the gazetteer); the source sentence is quoted under it on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

from sitegen import vocabulary
from sitegen.extract import actors, events
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.victims import victim_group
from sitegen.model import Casualties, Incident, Place


@cache
def _data() -> dict[str, Any]:
    return dict(load_yaml("summaries.yaml"))


def summary_en(incident: Incident) -> str:
    return _summary(incident, _ENGLISH)


def summary_ar(incident: Incident) -> str:
    return _summary(incident, _ARABIC_WORDS)


@dataclass(frozen=True, slots=True)
class _Language:
    """What differs between the summaries: the words and how names are joined."""

    key: str  # "en" | "ar": the words of summaries.yaml, the type's name
    event: str  # a type-less incident
    actor: Callable[[str], str]
    place: Callable[[Place], str]
    join: Callable[[list[str], str], str]
    toll: Callable[[Casualties], str]
    capital: bool  # English starts with a capital


def _summary(incident: Incident, lang: _Language) -> str:
    """ "What between whom, on/in where: toll (reporter)"."""
    words = _data()[lang.key]
    head = getattr(events.event_type(incident.type), lang.key) if incident.type else lang.event
    if lang.capital:
        head = head[:1].upper() + head[1:]
    parties = _parties(incident)
    if len(parties) > 1 and incident.type == "battle":
        head += f" {words['between']} " + lang.join([lang.actor(a) for a in parties], words["and"])
    if incident.places:
        prep = words["on"] if incident.type in _data()["on_place"] else words["in"]
        names = [lang.place(p) for p in incident.places[:4]]
        head += f" {prep} " + lang.join(names, words["and"])
    toll = lang.toll(incident.casualties)
    text = f"{head}: {toll}" if toll else head
    if incident.reported_by:
        text += f" ({lang.actor(incident.reported_by)})"
    return text


def casualty_phrase(c: Casualties) -> str:
    """ "4 civilians killed, 5 wounded": the victims named with the first figure."""
    more = _data()["en"]["more_than"]
    if c.killed == 0 and c.wounded == 0 and c.displaced is None:
        return _data()["en"]["unharmed"]  # "دون وقوع إصابات"
    parts: list[str] = []
    for value, word in ((c.killed, "killed"), (c.wounded, "wounded"), (c.displaced, "displaced")):
        if value == 0:
            parts.append(f"no one {word}")
        elif value is not None:
            prefix = f"{more} " if c.approximate else ""
            who = _victims_en(c.victims, value) if not parts else ""
            parts.append(f"{prefix}{value:,} {who + ' ' if who else ''}{word}")
    return ", ".join(parts)


def _toll_ar(c: Casualties) -> str:
    forms = _data()["ar_toll"]
    more = _data()["ar"]["more_than"]
    parts = []
    for value, kind in ((c.killed, "killed"), (c.wounded, "wounded"), (c.displaced, "displaced")):
        if value is not None:
            phrase = forms[kind][_ARABIC.plural_form(value)].format(n=f"{value:,}")
            parts.append(f"{more} {phrase}" if c.approximate else phrase)
    return "، ".join(parts)


_ARABIC = Locale("ar")


def _victims_en(key: str, n: int) -> str:
    if not key:
        return ""
    try:
        group = victim_group(key)
    except KeyError:
        return ""
    return group.en if n == 1 else group.en_plural


def _parties(incident: Incident) -> list[str]:
    """The parties to the event (not the one reporting it). Who did what to whom
    is not extracted (in "استهدفت طائرات مسيرة مواقع لقوات النظام" the one party
    named is the target), so parties are named only in a battle ("between"),
    where no side is the doer; the card lists them all."""
    return [a for a in incident.actors if a != incident.reported_by][:3]


def actor_name(key: str) -> str:
    """The English name; a speaker the data does not know, as written in Arabic,
    is transliterated: an English summary never shows Arabic script."""
    try:
        return actors.actor(key).en
    except KeyError:
        return vocabulary.latin(key)


def _actor_ar(key: str) -> str:
    try:
        return actors.actor(key).ar
    except KeyError:
        return key


def _for(name: str) -> str:
    """ "لـ" joined to a name: "للقوات الروسية", "لتركيا"."""
    return "ل" + name[1:] if name.startswith("ال") else "ل" + name


def _join(names: list[str], and_: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {and_} " + names[-1]


def _join_ar(names: list[str], and_: str) -> str:
    """ "سراقب، إدلب وحلب": the conjunction joins the last name."""
    if len(names) <= 1:
        return "".join(names)
    return "، ".join(names[:-1]) + f" {and_}" + names[-1]


_ENGLISH = _Language("en", "Event", actor_name, vocabulary.news_name, _join, casualty_phrase, True)
_ARABIC_WORDS = _Language("ar", "حدث", _actor_ar, lambda p: p.ar, _join_ar, _toll_ar, False)
