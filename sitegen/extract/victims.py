"""Who the victims of a clause are: civilians, soldiers, fighters…

The groups live in ``data/victims.yaml``. A victim word may be followed by
the party it belonged to: a nationality adjective ("جنديين تركيين"), the
party itself ("عناصر النظام السوري"), or "من" and the party ("عناصر من
قوات الأسد"). One regex pass for the words, one for the actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitegen.extract.actors import (
    CLITIC_GROUP,
    SEP,
    alternation,
    matched_name,
    original_span,
    phrase_regex,
    scan,
)
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, Folded, fold


@dataclass(frozen=True, slots=True)
class VictimGroup:
    key: str
    en: str
    en_plural: str
    ar: str
    ar_plural: str
    civilian: bool


@dataclass(frozen=True, slots=True)
class VictimMention:
    start: int  # offsets in the ORIGINAL text, proclitics excluded
    end: int  # the end of the party phrase when one is attached
    text: str
    group: str  # key of the victims lexicon
    actor: str = ""  # key of the actor lexicon, "" when the phrase names none
    civilian: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    groups: dict[str, VictimGroup]
    by_name: dict[str, str]  # regex group name → victim group / actor key
    regex: re.Pattern[str]
    linker: re.Pattern[str]


def _named(
    table: dict[str, list[str]], prefix: str
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    named: list[tuple[str, str]] = []
    owner: dict[str, str] = {}
    for key, words in table.items():
        for word in words:
            name = f"{prefix}{len(named)}"
            named.append((name, word))
            owner[name] = key
    return named, owner


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("victims.yaml")
    groups = {
        key: VictimGroup(
            key, row["en"], row["en_plural"], row["ar"], row["ar_plural"], bool(row["civilian"])
        )
        for key, row in data["groups"].items()
    }
    words, word_owner = _named({k: r["words"] for k, r in data["groups"].items()}, "g")
    nats, nat_owner = _named(data["nationalities"], "n")
    source = (
        WB_BEFORE
        + CLITIC_GROUP
        + alternation(words, article=True, suffix=True)
        + f"(?:{SEP}{alternation(nats)})?"
        + WB_AFTER
    )
    linkers = "|".join(phrase_regex(w) for w in data["linkers"])
    return _Lexicon(
        groups=groups,
        by_name=word_owner | nat_owner,
        regex=re.compile(source),
        linker=re.compile(rf"[\s\"',]*(?:(?:{linkers}){SEP})?"),
    )


def victim_group(key: str) -> VictimGroup:
    return _lexicon().groups[key]


def all_victim_groups() -> tuple[VictimGroup, ...]:
    return tuple(_lexicon().groups.values())


def _group_of(m: re.Match[str]) -> str:
    return _lexicon().by_name[matched_name(m, "g")]


def _nationality(m: re.Match[str]) -> str:
    lex = _lexicon()
    names = [k for k, v in m.groupdict().items() if v is not None and k.startswith("n")]
    return lex.by_name[names[0]] if names else ""


def civilian_only(folded: Folded) -> bool:
    """True when the text names victims and all of them are civilians."""
    lex = _lexicon()
    kinds = {lex.groups[_group_of(m)].civilian for m in lex.regex.finditer(folded.text)}
    return kinds == {True}


def find_victims(text: str) -> list[VictimMention]:
    """Victim phrases in order, each with the party it names, if any."""
    lex = _lexicon()
    folded = fold(text)
    hits = scan(folded)
    party_at = {h.outer: h for h in hits} | {h.start: h for h in hits}
    out: list[VictimMention] = []
    for m in lex.regex.finditer(folded.text):
        group = lex.groups[_group_of(m)]
        actor, end = _nationality(m), m.end()
        if not actor:
            # The party may start at the victim word itself ("عناصر النظام
            # السوري" is an actor pattern) or after a linker ("من").
            after = lex.linker.match(folded.text, m.end())
            hit = party_at.get(m.end("cl")) or (party_at.get(after.end()) if after else None)
            if hit:
                actor, end = hit.actor.key, max(hit.end, m.end())
        if group.civilian:  # "مدنيين سوريين" are not the Syrian army
            actor, end = "", m.end()
        start, stop = original_span(text, folded, m.end("cl"), end)
        out.append(VictimMention(start, stop, text[start:stop], group.key, actor, group.civilian))
    return out
