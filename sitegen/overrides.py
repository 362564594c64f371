"""Curation: correct the machine without editing the articles.

``seeds/_overrides.yaml`` is keyed by incident id (stable across rebuilds and edits
of the sentence; see ``sitegen.ids``):

    004_f2a80a27c08aac64-shelling-idlib:
      date: 2020-01-21              # or {start: …, end: …, precision: week}
      places: [Idlib, سراقب]        # English or Arabic, as the gazetteer or the pages name them
      type: battle
      summary_en: "…"
      note: why this was changed     # shown to nobody; for the curators
    002_d4f3851b5aa9acad-battle-2:
      drop: true                    # a false incident
    001_a1a39c06a4cbffd7-airstrike-saraqib:
      confirmed: true               # read right by the machine
      killed: 3                     # figures: killed, wounded
      by: Lina                      # who decided, and when (sitegen serve --review)
      at: 2026-12-02T12:40:00Z
    004_f2a80a27c08aac64-battle-idlib-2:
      merge_into: 004_f2a80a27c08aac64-battle-idlib   # the same event, told twice

An override whose incident no longer exists is reported with its line, so
stale corrections do not pile up silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from sitegen import vocabulary
from sitegen.extract import places, summary
from sitegen.extract.normalize import fold_word
from sitegen.extract.temporal import TIMELINE_YEARS
from sitegen.model import DateRef, Diagnostic, Incident, Place, Precision, Review

# What a correction may set; the first group changes what the incident says.
CORRECTED = ("date", "places", "type", "actors", "killed", "wounded", "summary_en", "summary_ar")
FIELDS = {*CORRECTED, "drop", "note", "confirmed", "merge_into", "by", "at"}
PRECISIONS = ("day", "week", "month", "year", "range", "approx")


@dataclass(frozen=True, slots=True)
class Override:
    incident_id: str
    line: int
    values: tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Overrides:
    path: str
    entries: tuple[Override, ...]
    diagnostics: tuple[Diagnostic, ...]


class _Bad(Exception):
    pass


def load_overrides(path: Path, label: str) -> Overrides:
    if not path.is_file():
        return Overrides(label, (), ())
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.reason if isinstance(exc, UnicodeDecodeError) else exc.strerror or str(exc)
        msg = f"cannot read the overrides file ({why}); save it as UTF-8 and check its permissions"
        return Overrides(label, (), (Diagnostic(label, 1, msg, "error"),))
    try:
        raw = yaml.safe_load(text) or {}
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        diag = Diagnostic(label, line, f"overrides file is not valid YAML: {exc}; fix it", "error")
        return Overrides(label, (), (diag,))
    if not isinstance(raw, dict):
        diag = Diagnostic(label, 1, "overrides must map incident ids to corrections", "error")
        return Overrides(label, (), (diag,))
    lines = {m.group(1): n for n, ln in enumerate(text.splitlines(), 1) if (m := _KEY.match(ln))}
    entries, diags = [], []
    for key, values in raw.items():
        line = lines.get(str(key), 1)
        if not isinstance(values, dict) or not set(values) <= FIELDS:
            bad = sorted(map(str, set(values) - FIELDS)) if isinstance(values, dict) else values
            msg = (
                f"override for '{key}': unknown fields {bad}; allowed: {', '.join(sorted(FIELDS))}"
            )
            diags.append(Diagnostic(label, line, msg, "error"))
            continue
        entries.append(Override(str(key), line, tuple(values.items())))
    return Overrides(label, tuple(entries), tuple(diags))


_KEY = re.compile(r"^[\"']?([\w.-]+)[\"']?\s*:")


def rename_overrides(overrides: Overrides, renamed: dict[str, str]) -> Overrides:
    """Corrections keyed by an incident id that changed apply to the incident it
    became (``ids.moved``), with a warning to update the key."""
    entries, diags = [], list(overrides.diagnostics)
    for o in overrides.entries:
        new = renamed.get(o.incident_id)
        if new is None:
            entries.append(o)
            continue
        entries.append(replace(o, incident_id=new))
        msg = (
            f"override for '{o.incident_id}' now applies to '{new}' (the incident's id "
            "changed); rename the key"
        )
        diags.append(Diagnostic(overrides.path, o.line, msg, "warning"))
    return replace(overrides, entries=tuple(entries), diagnostics=tuple(diags))


def apply_overrides(
    incidents: Iterable[Incident], overrides: Overrides
) -> tuple[list[Incident], list[Diagnostic]]:
    out, diags = _corrected(incidents, overrides)
    return _merged(out, overrides, diags), diags


def _merged(
    incidents: list[Incident], overrides: Overrides, diags: list[Diagnostic]
) -> list[Incident]:
    """``merge_into``: the incident is one more telling of another; its sources
    join that one's (figures reconcile as when articles are merged)."""
    from sitegen.timeline import combine  # the same rules as the timeline's merge

    into = {
        o.incident_id: (str(dict(o.values)["merge_into"]), o.line)
        for o in overrides.entries
        if dict(o.values).get("merge_into")
    }
    if not into:
        return incidents
    by_id = {inc.id: inc for inc in incidents}
    gone: set[str] = set()
    for source, (target, line) in into.items():
        if source not in by_id:
            continue
        if target not in by_id or target == source or target in gone:
            msg = f"override for '{source}': merge_into '{target}' matches no incident; fix it"
            diags.append(Diagnostic(overrides.path, line, msg, "error"))
            continue
        by_id[target] = replace(combine(by_id[target], by_id[source]), review=by_id[target].review)
        gone.add(source)
    return [by_id[inc.id] for inc in incidents if inc.id not in gone]


def _corrected(
    incidents: Iterable[Incident], overrides: Overrides
) -> tuple[list[Incident], list[Diagnostic]]:
    by_id = {o.incident_id: o for o in overrides.entries}
    out, diags, used = [], list(overrides.diagnostics), set()
    for inc in incidents:
        o = by_id.get(inc.id)
        if o is None:
            out.append(inc)
            continue
        used.add(o.incident_id)
        try:
            changed = _apply(inc, dict(o.values))
        except _Bad as exc:
            diags.append(
                Diagnostic(overrides.path, o.line, f"override for '{inc.id}': {exc}", "error")
            )
            out.append(inc)
            continue
        if changed is not None:
            out.append(changed)
    for o in overrides.entries:
        if o.incident_id not in used:
            msg = (
                f"override for '{o.incident_id}' matches no incident (the text changed?); remove it"
            )
            diags.append(Diagnostic(overrides.path, o.line, msg, "warning"))
    return out, diags


def _apply(inc: Incident, values: dict[str, Any]) -> Incident | None:
    if values.get("drop"):
        return None
    machine = inc
    inc = _fields(inc, values)
    changed = tuple((f, _shown(machine, f)) for f in CORRECTED if f in values and f != "summary_ar")
    status: Literal["", "confirmed", "corrected"] = (
        "corrected" if changed else "confirmed" if values.get("confirmed") else ""
    )
    by, at = str(values.get("by") or ""), str(values.get("at") or "")
    return replace(inc, review=Review(status, by, at, changed))


def _shown(inc: Incident, name: str) -> str:
    """What the machine said of a field, as the card shows it."""
    if name == "date":
        d = inc.date
        return d.start.isoformat() if d.start and d.start == d.end else f"{d.start}/{d.end}"
    if name == "places":
        return ", ".join(p.en for p in inc.places) or "—"
    if name == "actors":
        return ", ".join(vocabulary.actor_label(a, "en") for a in inc.actors) or "—"
    if name in ("killed", "wounded"):
        value = getattr(inc.casualties, name)
        return "—" if value is None else str(value)
    return str(getattr(inc, name))


def _fields(inc: Incident, values: dict[str, Any]) -> Incident:
    if "date" in values:
        inc = replace(inc, date=_date(values["date"]))
    if "places" in values:
        told = tuple(_place(p) for p in _list(values["places"]))
        inc = replace(inc, places=told, context=places.context_of(told))
    if "type" in values:
        if not isinstance(values["type"], str) or values["type"] not in vocabulary.types():
            raise _Bad(f"unknown type '{values['type']}'")
        inc = replace(inc, type=str(values["type"]))
    if "actors" in values:
        inc = replace(inc, actors=tuple(_actor(a) for a in _list(values["actors"])))
    if "killed" in values:
        inc = replace(inc, casualties=replace(inc.casualties, killed=_count(values["killed"])))
    if "wounded" in values:
        inc = replace(inc, casualties=replace(inc.casualties, wounded=_count(values["wounded"])))
    if set(values) & {"places", "type", "actors", "killed", "wounded"}:  # the summaries tell them
        inc = replace(inc, summary_ar=summary.summary_ar(inc), summary_en=summary.summary_en(inc))
    if "summary_en" in values:
        inc = replace(inc, summary_en=str(values["summary_en"]))
    if "summary_ar" in values:
        inc = replace(inc, summary_ar=str(values["summary_ar"]))
    return inc


def _date(value: Any) -> DateRef:
    if isinstance(value, dt.date | str):
        day = _day(value)
        return DateRef(day, day, "day", day.isoformat(), "explicit", "set by an override")
    if isinstance(value, dict):
        start, end = _day(value.get("start")), _day(value.get("end", value.get("start")))
        precision = value.get("precision", "range" if start != end else "day")
        if not isinstance(precision, str) or precision not in PRECISIONS or end < start:
            raise _Bad(f"date needs start ≤ end and a precision among {', '.join(PRECISIONS)}")
        kind = cast(Precision, precision)
        return DateRef(start, end, kind, f"{start}/{end}", "explicit", "set by an override")
    if value is None:
        return DateRef.undated("", "set as undated by an override")
    raise _Bad("date must be YYYY-MM-DD, {start, end, precision} or null")


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):  # "2020-01-21 10:00": a datetime never meets a date
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise _Bad(f"'{value}' is not a date (YYYY-MM-DD)") from exc
    first, last = TIMELINE_YEARS
    if not first <= day.year <= last:
        raise _Bad(f"'{day.isoformat()}' is outside the years {first}–{last} a timeline covers")
    return day


def _count(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**7:
        raise _Bad(f"a figure must be a whole number from 0, or null; not '{value}'")
    return value


def _actor(name: str) -> str:
    """An actor's key, from its key or its Arabic or English name."""
    for key in vocabulary.actors():
        if name in (key, vocabulary.actor_label(key, "en"), vocabulary.actor_label(key, "ar")):
            return key
    raise _Bad(f"unknown actor '{name}'")


def _list(value: Any) -> list[str]:
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _place(name: str) -> Place:
    if not any(c.isalnum() for c in name):
        raise _Bad(f"place name '{name}' has no letters")
    key = fold_word(name)
    for p in places.gazetteer():
        if name.lower() in (p.en.lower(), vocabulary.place_name(p, "en").lower()):
            return p
        if key in (fold_word(p.ar), fold_word(vocabulary.place_name(p, "ar"))):
            return p  # "مطار حميميم", as the pages and the exports name it
    # Not in the gazetteer: an Arabic name gets a Latin spelling (its page needs a slug).
    en = places.transliterate(name) if _ARABIC.search(name) else name
    return Place(ar=name, en=en or name, known=False)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def problem(values: dict[str, Any]) -> str | None:
    """Why ``values`` cannot be a correction (a bad date, an unknown type, place
    or actor, a negative figure), or None when they can."""
    unknown = set(values) - FIELDS
    if unknown:
        return f"unknown fields {sorted(unknown)}"
    probe = Incident("probe", DateRef.undated(), "battle", ())
    try:
        _fields(probe, values)
    except _Bad as exc:
        return str(exc)
    target = values.get("merge_into")
    if target is not None and not (isinstance(target, str) and _ID.fullmatch(target)):
        return f"merge_into must be an incident id, not '{target}'"
    return None


_ID = re.compile(r"[\w.-]{1,200}")
