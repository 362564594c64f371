"""Review in the preview (``sitegen serve --review``): the machine proposes, the
analyst decides, and each decision is a line of ``_overrides.yaml``.

The server side of the review controls: a per-session token, the checks every
request passes (the token, a loopback ``Host`` naming this server, a valid
correction), and the write itself — the incident's block of the overrides file
replaced or added, everything else in the file (comments, other entries) kept as
it is, written to a temporary file and renamed over the old one. Each write
keeps the file as it was, so "undo" puts it back. The normal watcher sees the
file change and rebuilds; nothing in the articles is ever touched.

Also what is left to review, for ``sitegen check``: incidents nobody confirmed or
corrected, most consequential first.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sitegen.model import Diagnostic, Incident
from sitegen.overrides import CORRECTED, problem

PATH = "/__sitegen__/review"  # POST: one decision (serve.PREFIX)
SCRIPT = "/__sitegen__/review.js"  # the controls on every card
MAX_BODY = 64 * 1024
ACTIONS = ("confirm", "reject", "edit", "merge", "undo")


@dataclass
class Desk:
    """One preview session's review: its token and the overrides file it writes."""

    overrides: Path
    reviewer: str = ""
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _before: list[bytes | None] = field(default_factory=list)  # the file before each write

    def allowed(self, token: str) -> bool:
        return hmac.compare_digest(token.encode(), self.token.encode())

    def decide(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Carry out one decision; (HTTP status, reply)."""
        if not isinstance(request.get("token"), str) or not self.allowed(request["token"]):
            return 403, {"error": "this page's review token is not this session's; reload it"}
        action = request.get("action")
        if action not in ACTIONS:
            return 400, {"error": f"action must be one of {', '.join(ACTIONS)}"}
        if action == "undo":
            return self._undo()
        incident = request.get("id")
        if not isinstance(incident, str) or not re.fullmatch(r"[\w.-]{1,200}", incident):
            return 400, {"error": "no incident id"}
        values = _values(action, request.get("values"))
        if isinstance(values, str):
            return 400, {"error": values}
        why = problem(values)
        if why:
            return 400, {"error": why}
        stamp = {"by": self.reviewer} if self.reviewer else {}
        stamp["at"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._lock:
            return self._write(incident, {**values, **stamp})

    def _write(self, incident: str, values: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        old = self.overrides.read_bytes() if self.overrides.is_file() else None
        text = old.decode("utf-8-sig") if old is not None else ""
        try:
            current = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            return 409, {"error": f"{self.overrides.name} is not valid YAML ({exc}); fix it first"}
        if not isinstance(current, dict):
            return 409, {"error": f"{self.overrides.name} must map incident ids to corrections"}
        entry = dict(current.get(incident) or {})
        if values.get("drop") or values.get("confirmed"):
            entry.pop("drop", None)
            entry.pop("confirmed", None)
        entry.update(values)
        _atomic_write(self.overrides, replace_block(text, incident, entry))
        self._before.append(old)
        return 200, {"ok": True, "id": incident, "entry": entry}

    def _undo(self) -> tuple[int, dict[str, Any]]:
        with self._lock:
            if not self._before:
                return 409, {"error": "nothing to undo in this session"}
            old = self._before.pop()
            if old is None:
                self.overrides.unlink(missing_ok=True)
            else:
                _atomic_write(self.overrides, old.decode("utf-8-sig"))
            return 200, {"ok": True, "undone": True}


def _values(action: str, raw: Any) -> dict[str, Any] | str:
    """The correction an action makes, or why it cannot."""
    if action == "confirm":
        return {"confirmed": True}
    if action == "reject":
        return {"drop": True}
    if not isinstance(raw, dict):
        return "values must be an object"
    if action == "merge":
        return {"merge_into": raw.get("into")}
    allowed = set(CORRECTED) - {"summary_ar"}  # the form edits the English summary only
    edit = {k: v for k, v in raw.items() if k in allowed}
    if not edit:
        return f"an edit sets one of {', '.join(sorted(allowed))}"
    return edit


_KEY = re.compile(r"^(?P<q>[\"']?)(?P<key>[\w.-]+)(?P=q)\s*:")


def replace_block(text: str, key: str, values: dict[str, Any]) -> str:
    """``text`` with the top-level entry ``key`` set to ``values``: its block
    rewritten in place, or added at the end; every other line kept as it was."""
    block = yaml.safe_dump({key: values}, allow_unicode=True, sort_keys=False, width=100)
    lines = text.splitlines(keepends=True)
    start = next((n for n, ln in enumerate(lines) if (m := _KEY.match(ln)) and m["key"] == key), -1)
    if start < 0:
        joiner = "" if not text or text.endswith("\n") else "\n"
        return text + joiner + block
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t#"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # the blank lines after the block stay where they are
    return "".join(lines[:start]) + block + "".join(lines[end:])


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def parse(body: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


# --- what is left to review -------------------------------------------------------

INFERRED = ("relative", "inherited", "publication")  # dates the text gives only indirectly


def unreviewed(incidents: Iterable[Incident], paths: dict[str, str]) -> list[Diagnostic]:
    """Incidents nobody confirmed or corrected, as ``path:line`` lines, most
    consequential first: with deaths (most first), then with an inferred date,
    then the rest."""

    def weight(inc: Incident) -> tuple[int, int, int]:
        killed = inc.casualties.killed or 0
        return (0 if killed else 1, -killed, 0 if inc.date.basis in INFERRED else 1)

    todo = sorted((i for i in incidents if not i.review.status), key=weight)
    out = []
    for inc in todo:
        s = inc.sources[0]
        when = inc.date.start.isoformat() if inc.date.start else "undated"
        msg = f"to review: {inc.id} ({when}): {inc.summary_en}"
        out.append(Diagnostic(paths.get(s.article_id, s.file), s.line, msg, "info"))
    return out


# --- the controls -----------------------------------------------------------------


@cache
def script() -> str:
    """review.js with the event types to offer and the endpoint's path."""
    from sitegen import vocabulary

    types = {key: [t.ar, t.en] for key, t in vocabulary.types().items() if key != "statement"}
    text = resources.files("sitegen").joinpath("review.js").read_text(encoding="utf-8")
    return text.replace("__TYPES__", json.dumps(types, ensure_ascii=False)).replace(
        "__PATH__", PATH
    )
