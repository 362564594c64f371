"""English summaries generated from an incident's fields (no machine translation).

"Airstrike in Idlib: 2 Turkish soldiers killed, 5 wounded (Turkish Ministry of
Defence)". Every word comes from the data files' English names.
"""

from __future__ import annotations

from sitegen.extract import actors, events
from sitegen.extract.places import transliterate
from sitegen.model import Casualties, Incident


def summary_en(incident: Incident) -> str:
    label = events.event_type(incident.type).en if incident.type else "Event"
    head = label[:1].upper() + label[1:]
    if incident.places:
        head += " in " + _join([p.en for p in incident.places[:4]])
    figures = casualty_phrase(incident.casualties)
    text = f"{head}: {figures}" if figures else head
    if incident.reported_by:
        text += f" ({actor_name(incident.reported_by)})"
    return text


def casualty_phrase(c: Casualties) -> str:
    parts = []
    for value, word in ((c.killed, "killed"), (c.wounded, "wounded"), (c.displaced, "displaced")):
        if value is not None:
            prefix = "more than " if c.approximate else ""
            parts.append(f"{prefix}{value:,} {word}")
    return ", ".join(parts)


def actor_name(key: str) -> str:
    """The English name; a speaker the data does not know, as written in Arabic,
    is transliterated: an English summary never shows Arabic script."""
    try:
        return actors.actor(key).en
    except KeyError:
        return transliterate(key) if any("\u0600" <= ch <= "\u06ff" for ch in key) else key


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
