"""``sitegen serve``: build, serve, rebuild on change, reload the browser.

The site is built in memory (``build.build_in_memory``), as ``hugo server``
does: the articles' readings and the pages' fingerprints stay between saves,
a save reads one article again, and a page is made again only when its
fingerprint changed — a few at once, the rest when the browser asks. The
output folder is ``sitegen build``'s and is left alone.

With ``--write`` the build writes the output folder and the server reads it,
resolving every path afresh: the build swaps a new folder in by renames, so a
cached listing or an open handle would serve a deleted site. A request that
lands in the instant of the swap is retried once.

The browser learns about rebuilds through Server-Sent Events. The small
script that listens is added to HTML *responses* only, never to the files on
disk, so a previewed site is byte for byte the site ``sitegen build`` writes.
Tabs share one event stream through a SharedWorker: a browser allows only six
connections per host over HTTP/1.1, so fifty tabs each holding their own
stream would starve the page loads themselves.
"""

from __future__ import annotations

import errno
import html
import json
import mimetypes
import secrets
import signal
import socket
import sys
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import jinja2

from sitegen import render
from sitegen.build import build, build_in_memory
from sitegen.cache import Remembered
from sitegen.config import CONFIG_NAME, Config, ConfigError, load_config
from sitegen.ids import History
from sitegen.read import SourceError
from sitegen.review import MAX_BODY as MAX_REVIEW_BODY
from sitegen.review import PATH as REVIEW_PATH
from sitegen.review import SCRIPT as REVIEW_JS
from sitegen.review import Desk
from sitegen.review import parse as parse_review
from sitegen.review import script as review_script
from sitegen.watch import MAX_WAIT, QUIET, Watcher
from sitegen.write import MemorySite

PREFIX = "/__sitegen__/"
EVENTS = PREFIX + "events"
LIVE_JS = PREFIX + "live.js"
WORKER_JS = PREFIX + "worker.js"
HEARTBEAT = 15.0  # seconds; keeps proxies and the browser from timing the stream out
IDLE_TIMEOUT = 60.0
PORT_TRIES = 20

_TEXT = "; charset=utf-8"
CONTENT_TYPES = {
    ".html": "text/html" + _TEXT,
    ".htm": "text/html" + _TEXT,
    ".css": "text/css" + _TEXT,
    ".js": "text/javascript" + _TEXT,
    ".mjs": "text/javascript" + _TEXT,
    ".json": "application/json" + _TEXT,
    ".xml": "application/xml" + _TEXT,
    ".svg": "image/svg+xml" + _TEXT,
    ".csv": "text/csv" + _TEXT,
    ".txt": "text/plain" + _TEXT,
    ".md": "text/markdown" + _TEXT,
    ".webmanifest": "application/manifest+json" + _TEXT,
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".ico": "image/x-icon",
}


def content_type(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return guessed + _TEXT if guessed.startswith("text/") else guessed


# -- path resolution ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a URL path maps to: a file (200), a redirect (301), refused (403) or nothing (404)."""

    status: int
    path: Path | None = None
    location: str = ""
    rel: str = ""  # in the site in memory


def resolve(root: Path | MemorySite, url_path: str) -> Resolved:
    """Map a request path to a file inside ``root`` (a folder, or the site in
    memory), refusing anything that could leave it."""
    raw = url_path.split("?", 1)[0].split("#", 1)[0]
    if not raw.startswith("/") or "\\" in raw or "\0" in raw:
        return Resolved(403)
    try:
        decoded = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return Resolved(403)
    # A second round of decoding must change nothing: "%252e%252e" is someone probing.
    if "\\" in decoded or "\0" in decoded or unquote(decoded) != decoded:
        return Resolved(403)
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        return Resolved(403)
    if any(s.startswith(".") for s in segments):
        return Resolved(404)  # the build's staging folders and other dotfiles are not the site
    slash = decoded.endswith("/") or not segments
    if isinstance(root, MemorySite):
        return _in_memory(root, segments, slash)
    return _inside(root, segments, slash)


def _in_memory(site: MemorySite, segments: list[str], slash: bool) -> Resolved:
    rel = "/".join(segments)
    if not segments or site.is_folder(rel):
        if not slash:
            return Resolved(301, location="/" + "/".join(quote(s) for s in segments) + "/")
        rel = f"{rel}/index.html" if rel else "index.html"
    return Resolved(200, Path(rel), rel=rel) if site.is_file(rel) else Resolved(404)


def _inside(root: Path, segments: list[str], slash: bool) -> Resolved:
    base = root.resolve()
    real = base.joinpath(*segments).resolve()  # follows symlinks: the real target is judged
    if real != base and base not in real.parents:
        return Resolved(403)
    if real.is_dir():
        if not slash:  # "/ar" → "/ar/", so the page's relative links resolve
            return Resolved(301, location="/" + "/".join(quote(s) for s in segments) + "/")
        real = (real / "index.html").resolve()
        if base not in real.parents:
            return Resolved(403)
    return Resolved(200, real) if real.is_file() else Resolved(404)


# -- build state shared with the browsers -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class State:
    version: int  # bumps after every rebuild, good or bad
    generation: int  # bumps when the output folder changed
    problems: tuple[Problem, ...]


class Preview:
    """Runs rebuilds and tells every waiting event stream about the outcome."""

    def __init__(
        self,
        config: Config,
        say: Callable[[str], None] | None = None,
        heartbeat: float = HEARTBEAT,
        write: bool = False,
        review: bool = False,
    ) -> None:
        self.config = config
        self.output = config.output_dir
        # ``--review``: the controls on every card, and the endpoint that writes
        # the overrides file (sitegen/review.py).
        self.review = (
            Desk(config.source_dir / config.overrides, config.reviewer) if review else None
        )
        # The site served: in memory, or (``--write``) the output folder a build writes.
        self.site: MemorySite | None = None if write else MemorySite()
        self._history: History | None = None
        self.server_id = secrets.token_hex(6)
        self.heartbeat = heartbeat
        self.say = say or _stderr
        self.cond = threading.Condition()
        self.state = State(0, 0, ())
        self.stopping = False
        # The articles' extraction records, kept between rebuilds.
        self.memory = Remembered()

    def rebuild(self, changed: Iterable[str] = ()) -> State:
        started = time.perf_counter()
        if self.site is None:
            problems, wrote = run_build(self.config, self.memory)
        else:
            problems, wrote = run_build(self.config, self.memory, self.site, self.history)
        state = self.publish(problems, wrote)
        self._report(sorted(changed), problems, time.perf_counter() - started)
        return state

    @property
    def history(self) -> History:
        """The ids the built site has (its ``incidents.json``): what links point to."""
        if self._history is None:
            self._history = History.in_folder(self.output)
        return self._history

    def publish(self, problems: Iterable[Problem], wrote: bool) -> State:
        """Record a rebuild's outcome and wake every event stream."""
        with self.cond:
            s = self.state
            self.state = State(s.version + 1, s.generation + wrote, tuple(problems))
            self.cond.notify_all()
            return self.state

    def _report(self, changed: list[str], problems: list[Problem], seconds: float) -> None:
        what = f" after {_label(self.config.root, changed[0])}" if changed else ""
        if len(changed) > 1:
            what += f" and {len(changed) - 1} more"
        if problems:
            self.say(f"rebuild failed{what} ({seconds:.2f}s); still serving the last good site:")
            for p in problems:
                self.say(f"  {p}")
        else:
            self.say(f"rebuilt{what} in {seconds:.2f}s")

    def wait(self, seen: int | None, timeout: float) -> State | None:
        """The state once its version differs from ``seen``; None on timeout or shutdown."""
        with self.cond:
            changed = self.cond.wait_for(
                lambda: self.stopping or self.state.version != seen, timeout
            )
            return self.state if changed and not self.stopping else None

    def stop(self) -> None:
        with self.cond:
            self.stopping = True
            self.cond.notify_all()

    def payload(self, state: State) -> dict[str, Any]:
        return {
            "server": self.server_id,
            "generation": state.generation,
            "problems": [
                {"file": p.file, "line": p.line, "message": p.message} for p in state.problems
            ],
        }


def run_build(
    config: Config,
    memory: Remembered | None = None,
    site: MemorySite | None = None,
    history: History | None = None,
) -> tuple[list[Problem], bool]:
    """One build, into ``site`` (in memory) or else the output folder; returns
    the problems to show and whether the site changed."""
    root = config.root
    try:
        # sitegen.toml may have changed; the source and output folders stay what they were.
        fresh = load_config(root, source=config.source, output=config.output)
        if site is None:
            result = build(fresh, memory=memory)
        else:
            history = history or History.in_folder(fresh.output_dir)
            result = build_in_memory(
                fresh, site, memory if memory is not None else Remembered(), history
            )
    except ConfigError as exc:
        return [Problem(CONFIG_NAME, 0, str(exc).removeprefix(f"{root / CONFIG_NAME}: "))], False
    except SourceError as exc:
        return [Problem(config.source, 0, str(exc))], False
    except Exception as exc:  # a template, a bug or an unreadable file: show it, keep serving
        return [_problem(exc, root)], False
    errors = [d for d in result.analysis.diagnostics if d.severity == "error"]
    # An incremental build reports how many files it changed: none means no reload.
    wrote = bool(getattr(result, "written", True))
    return [Problem(d.path, d.line, d.message) for d in errors], wrote


def _problem(exc: Exception, root: Path) -> Problem:
    if isinstance(exc, jinja2.TemplateError):
        return template_problem(exc, root)
    return _crash_problem(exc, root)


def template_problem(exc: jinja2.TemplateError, root: Path) -> Problem:
    """The template file and line a Jinja2 error comes from."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or "template"
        return Problem(_label(root, where), exc.lineno, f"template error: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return Problem(_label(root, str(exc.name or "template")), 0, "template not found")
    # Jinja2 rewrites tracebacks so that template lines appear as frames of the template file.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_template(f.filename)]
    if frames:
        return Problem(
            _label(root, frames[-1].filename), frames[-1].lineno or 0, f"template error: {exc}"
        )
    return Problem("template", 0, f"template error: {exc}")


def _is_template(filename: str) -> bool:
    return filename.endswith((".html", ".xml", ".md", ".txt", ".j2")) or "/templates/" in filename


def _crash_problem(exc: Exception, root: Path) -> Problem:
    frames = traceback.extract_tb(exc.__traceback__)
    file, line = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("sitegen", 0)
    if isinstance(exc, OSError) and exc.filename:
        file, line = str(exc.filename), 0
    return Problem(_label(root, file), line, f"{type(exc).__name__}: {exc}")


def _label(root: Path, path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(root))
    except (ValueError, OSError):
        return path


def _stderr(line: str) -> None:
    print(f"sitegen: {line}", file=sys.stderr, flush=True)


# -- the HTTP side ---------------------------------------------------------------------------------


class PreviewHTTPServer(ThreadingHTTPServer):
    # One thread per connection, never joined at exit: an open event stream must not
    # keep Ctrl-C waiting.
    daemon_threads = True
    block_on_close = False
    # socketserver listens with a backlog of 5: a burst of connections (a page's assets,
    # tabs reconnecting their streams after a restart) overflows it and each extra
    # connection waits a full second for the SYN to be sent again.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], preview: Preview) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.preview = preview
        super().__init__(address, Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closed the tab mid-response is not an error worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    server: PreviewHTTPServer
    protocol_version = "HTTP/1.1"  # keep-alive: a page and its assets reuse one connection
    server_version = "sitegen-serve"
    # Seconds a connection may stay silent (half a request, an idle keep-alive, a stream
    # nobody reads) before the server hangs up: a stalled client must not hold a thread
    # for ever. Event streams write a heartbeat well within it.
    timeout = IDLE_TIMEOUT

    def do_GET(self) -> None:
        if self._foreign_host():
            return
        self._route(head=False)

    def do_POST(self) -> None:
        desk = self.server.preview.review
        if self._foreign_host():
            return
        if desk is None or self.path.split("?", 1)[0] != REVIEW_PATH:
            self._send(405, "text/plain" + _TEXT, b"405 the preview takes no POST here\n", False)
            return
        length = int(self.headers.get("Content-Length") or 0)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if kind != "application/json" or not 0 < length <= MAX_REVIEW_BODY:
            self._reply(400, {"error": "send one JSON decision (Content-Type application/json)"})
            return
        request = parse_review(self.rfile.read(length))
        if request is None:
            self._reply(400, {"error": "the body is not a JSON object"})
            return
        status, reply = desk.decide(request)
        self._reply(status, reply)

    def _reply(self, status: int, reply: dict[str, Any]) -> None:
        body = json.dumps(reply, ensure_ascii=False).encode()
        self._send(status, "application/json" + _TEXT, body, False)

    def _foreign_host(self) -> bool:
        """In review mode, refuse a request whose Host is not this server's own
        loopback address: a page of another site that re-pointed its name at
        127.0.0.1 (DNS rebinding) must not read a page and its token."""
        if self.server.preview.review is None:
            return False
        port = self.server.server_address[1]
        host = (self.headers.get("Host") or "").lower()
        if host in {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")}:
            return False
        self._send(
            421, "text/plain" + _TEXT, b"421 this preview answers to 127.0.0.1 only\n", False
        )
        return True

    def do_HEAD(self) -> None:
        if self._foreign_host():
            return
        self._route(head=True)

    def log_message(self, format: str, *args: Any) -> None:
        return None  # a preview that prints every request drowns the rebuild messages

    def _route(self, head: bool) -> None:
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            self._events()
        elif path == LIVE_JS:
            self._send(200, "text/javascript" + _TEXT, LIVE_SCRIPT.encode(), head)
        elif path == WORKER_JS:
            self._send(200, "text/javascript" + _TEXT, WORKER_SCRIPT.encode(), head)
        elif path == REVIEW_JS and self.server.preview.review is not None:
            self._send(200, "text/javascript" + _TEXT, review_script().encode(), head)
        else:
            self._file(head)

    def _file(self, head: bool) -> None:
        preview = self.server.preview
        state = preview.state  # read before the file: the page is at least this new
        try:
            found, body = self._read(preview.site or preview.output)
        except Exception as exc:  # a page made on demand, by a broken template
            problem = _problem(exc, preview.config.root)
            page = failed_page(self.path, problem)
            self._send(500, CONTENT_TYPES[".html"], inject(page, self._snippet(state)), head)
            return
        if found.status == 301:
            self._send(301, "text/plain" + _TEXT, b"", head, {"Location": found.location})
        elif found.status == 403:
            self._send(403, "text/plain" + _TEXT, b"403 forbidden\n", head)
        elif found.path is None or body is None:
            page = self._not_found()
            self._send(404, CONTENT_TYPES[".html"], inject(page, self._snippet(state)), head)
        else:
            ctype = content_type(found.path)
            if ctype.startswith("text/html"):
                body = inject(body, self._snippet(state))
            self._send(200, ctype, body, head)

    def _not_found(self) -> bytes:
        """The theme's 404 page, its links from the preview's root; the plain one
        when the theme's cannot be made (a broken template is reported anyway)."""
        config = self.server.preview.config
        try:
            env = render.make_env(config.default_language, config)
            shown = unquote(self.path.split("?", 1)[0], errors="replace")
            return render.not_found_page(env, config, "/", shown)
        except Exception:
            return not_found_page(self.path, config.languages)

    def _read(self, root: Path | MemorySite) -> tuple[Resolved, bytes | None]:
        """Resolve and read; once more if the build was swapping folders at that instant."""
        if isinstance(root, MemorySite):
            found = resolve(root, self.path)
            if found.status != 200:
                return found, None
            body = root.get(found.rel)  # None: gone in a rebuild since it was resolved
            return (found, body) if body is not None else (Resolved(404), None)
        found = Resolved(404)
        for attempt in range(2):
            found = resolve(root, self.path)
            if found.status == 200 and found.path is not None:
                try:
                    return found, found.path.read_bytes()
                except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                    pass
            elif found.status != 404:
                return found, None
            if attempt == 0:
                time.sleep(0.02)
        return Resolved(404), None

    def _snippet(self, state: State) -> bytes:
        p = self.server.preview
        review = ""
        if p.review is not None:
            review = f'<script src="{REVIEW_JS}" data-token="{p.review.token}" defer></script>\n'
        return (
            f'<script src="{LIVE_JS}" data-server="{p.server_id}" '
            f'data-generation="{state.generation}"></script>\n{review}'
        ).encode()

    def _send(
        self, status: int, ctype: str, body: bytes, head: bool, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        # A preview is always fresh: never let the browser reuse a page from before a rebuild.
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        """One event stream: its own thread, waiting on the preview's condition."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" + _TEXT)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        preview = self.server.preview
        try:
            self._emit(b"retry: 1000\n\n")  # after a restart the browser reconnects within 1 s
            state = preview.state
            self._emit(_event("hello", preview.payload(state)))
            seen: int | None = state.version
            while not preview.stopping:
                new = preview.wait(seen, preview.heartbeat)
                if new is None:
                    self._emit(b": ping\n\n")  # a dead client shows up as a failed write here
                    continue
                seen = new.version
                self._emit(_event("error" if new.problems else "reload", preview.payload(new)))
        except OSError:  # the tab went away
            return

    def _emit(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()


def _event(name: str, payload: dict[str, Any]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n".encode()


def inject(page: bytes, snippet: bytes) -> bytes:
    """Put ``snippet`` before the last ``</body>`` (or at the end of a page without one)."""
    at = page.lower().rfind(b"</body>")
    return page + snippet if at < 0 else page[:at] + snippet + page[at:]


def failed_page(path: str, problem: Problem) -> bytes:
    """A page the preview could not make (it is made when asked for): why."""
    shown = html.escape(unquote(path.split("?", 1)[0], errors="replace"))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>500 · could not make this page</title></head><body>"
        f'<h1>Could not make this page</h1><p><code dir="ltr">{shown}</code></p>'
        f'<pre dir="ltr">{html.escape(str(problem))}</pre>'
        "<p>Fix the file named above and save: the page reloads.</p></body></html>"
    ).encode()


def not_found_page(path: str, languages: Iterable[str]) -> bytes:
    names = {"ar": ("الخط الزمني بالعربية", "rtl"), "en": ("The timeline in English", "ltr")}
    links = "".join(
        f'<li><a href="/{lang}/" hreflang="{lang}" lang="{lang}" dir="{names[lang][1]}">'
        f"{names[lang][0]}</a></li>"
        for lang in languages
        if lang in names
    )
    shown = html.escape(unquote(path.split("?", 1)[0], errors="replace"))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>404 · not found</title></head><body>"
        f'<h1>Not found</h1><p><code dir="ltr">{shown}</code> is not in the built site.</p>'
        '<p lang="ar" dir="rtl">هذه الصفحة غير موجودة في الموقع المبني.</p>'
        f"<ul>{links}</ul></body></html>"
    ).encode()


# -- the browser side ------------------------------------------------------------

# Loaded by every served page. It keeps the scroll position over a reload, shows the
# build's problems in an overlay, and reloads when the server restarts (a new id) or
# the output changed after this page was served (a newer generation).
LIVE_SCRIPT = r"""(() => {
  "use strict";
  const me = document.currentScript.dataset;
  const key = "sitegen-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    const [x, y] = JSON.parse(saved);
    const go = () => window.scrollTo(x, y);
    if (document.readyState === "complete") go(); else addEventListener("load", go, { once: true });
  }
  function reload() {
    sessionStorage.setItem(key, JSON.stringify([scrollX, scrollY]));
    location.reload();
  }
  function overlay(problems) {
    let box = document.getElementById("sitegen-overlay");
    if (!problems.length) { if (box) box.remove(); return; }
    const rtl = getComputedStyle(document.documentElement).direction === "rtl";
    if (!box) {
      box = document.createElement("div");
      box.id = "sitegen-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset-inline:1rem;bottom:1rem;z-index:2147483647;" +
        "max-height:50vh;overflow:auto;background:#fff4f4;color:#600;border:2px solid #b00020;" +
        "border-radius:6px;padding:.75rem 1rem;font:14px/1.5 system-ui,sans-serif;" +
        "box-shadow:0 4px 16px rgba(0,0,0,.3);text-align:start";
      document.body.append(box);
    }
    box.dir = rtl ? "rtl" : "ltr";
    const title = document.createElement("strong");
    title.textContent = rtl ? "تعذّرت إعادة البناء، ويُعرض آخر موقع سليم:"
                            : "The rebuild failed; showing the last good site:";
    const list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding-inline-start:1.25rem";
    for (const p of problems) {
      const item = document.createElement("li");
      const where = document.createElement("code");
      where.dir = "ltr";
      where.textContent = p.line ? p.file + ":" + p.line : p.file;
      item.append(where, " ", p.message);
      list.append(item);
    }
    box.replaceChildren(title, list);
  }
  function handle(msg) {
    if (msg.server !== me.server || msg.generation > Number(me.generation)) reload();
    else overlay(msg.problems);
  }
  if (typeof SharedWorker === "function") {
    try {
      const worker = new SharedWorker("/__sitegen__/worker.js", { name: "sitegen-live" });
      worker.port.onmessage = (e) => handle(e.data);
      worker.port.start();
      addEventListener("pagehide", () => worker.port.postMessage("bye"));
      return;
    } catch (e) { /* fall back to a stream of our own */ }
  }
  const stream = new EventSource("/__sitegen__/events");
  for (const t of ["hello", "reload", "error"]) {
    stream.addEventListener(t, (e) => handle(JSON.parse(e.data)));
  }
})();
"""

# One event stream per browser, shared by all its tabs on this server.
WORKER_SCRIPT = r""""use strict";
const ports = new Set();
let latest = null;
const stream = new EventSource("/__sitegen__/events");
for (const t of ["hello", "reload", "error"]) {
  stream.addEventListener(t, (e) => {
    latest = JSON.parse(e.data);
    for (const port of ports) port.postMessage(latest);
  });
}
onconnect = (e) => {
  const port = e.ports[0];
  ports.add(port);
  port.onmessage = (m) => { if (m.data === "bye") ports.delete(port); };
  port.start();
  if (latest) port.postMessage(latest);
};
"""


# -- putting it together ----------------------------------------------------------


class PortInUseError(OSError):
    pass


def bind(host: str, port: int, explicit: bool, preview: Preview) -> PreviewHTTPServer:
    """Bind ``port``, or (unless it was asked for explicitly) the next free one."""
    candidates = [port] if explicit or port == 0 else range(port, port + PORT_TRIES)
    for candidate in candidates:
        try:
            return PreviewHTTPServer((host, candidate), preview)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
    if explicit:
        raise PortInUseError(
            f"port {port} on {host} is in use (another sitegen serve?); "
            "stop it or choose another with --port"
        )
    raise PortInUseError(
        f"ports {port}–{port + PORT_TRIES - 1} on {host} are all in use; use --port"
    )


LOOPBACK = ("127.0.0.1", "localhost", "::1")


class ReviewError(Exception):
    """``--review`` asked for where it cannot run."""


class PreviewServer:
    """The whole preview: first build, HTTP server thread, watcher. ``stop`` undoes it all."""

    def __init__(
        self,
        config: Config,
        host: str = "127.0.0.1",
        port: int = 8000,
        explicit_port: bool = False,
        say: Callable[[str], None] | None = None,
        quiet: float = QUIET,
        max_wait: float = MAX_WAIT,
        heartbeat: float = HEARTBEAT,
        write: bool = False,
        review: bool = False,
    ) -> None:
        if review and host not in LOOPBACK:
            raise ReviewError(
                f"--review writes files: it listens on 127.0.0.1 only, not on {host}; drop --host"
            )
        self.config = config
        self.preview = Preview(config, say, heartbeat, write, review)
        self.say = self.preview.say
        self.host, self.port, self.explicit_port = host, port, explicit_port
        self.watcher = Watcher(config, self._rebuild, quiet, max_wait)
        self.httpd: PreviewHTTPServer | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def _rebuild(self, changed: set[str]) -> None:
        self.preview.rebuild(changed)

    def start(self) -> None:
        # Bind first, so a port in use is said at once, not after a long first build.
        self.httpd = bind(self.host, self.port, self.explicit_port, self.preview)
        if self.httpd.server_address[1] != self.port and self.port != 0:
            self.say(f"port {self.port} is in use; using {self.httpd.server_address[1]}")
        try:
            self.preview.rebuild()  # in the caller's thread: Ctrl-C here discards the staging
        except BaseException:
            self.httpd.server_close()
            raise
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        )
        self.thread.start()
        self.watcher.start()

    def stop(self, grace: float | None = None) -> None:
        """Stop watching, end the streams, close. A rebuild under way gets ``grace`` seconds
        (None: all it needs) to finish; cut short, it leaves the output folder untouched."""
        if not self.watcher.stop(grace):
            self.say("a rebuild was under way: it is abandoned; nothing of it is kept")
        self.preview.stop()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def run(
    config: Config,
    host: str,
    port: int,
    explicit_port: bool,
    open_browser: bool,
    quiet: bool = False,
    write: bool = False,
    review: bool = False,
) -> int:
    """``sitegen serve``: runs until Ctrl-C (or SIGTERM); ``quiet`` says only what
    failed; ``write``: the output folder is built and served, not memory;
    ``review``: the review controls (sitegen/review.py)."""
    say = _errors_only if quiet else _stderr
    try:
        server = PreviewServer(
            config, host, port, explicit_port, say=say, write=write, review=review
        )
    except ReviewError as exc:
        _stderr(str(exc))
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.start()
    except PortInUseError as exc:
        _stderr(str(exc))
        return 2
    if host not in ("127.0.0.1", "localhost", "::1"):
        say(f"warning: listening on {host}: other machines can reach this preview")
    say(f"serving {server.url} (Ctrl-C to stop)")
    if review:
        who = f" as {config.reviewer}" if config.reviewer else " (set reviewer in sitegen.toml)"
        say(f"review mode{who}: decisions are written to {config.source}/{config.overrides}")
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        say("stopping…")
    finally:
        server.stop(grace=5.0)
    return 0


def _errors_only(line: str) -> None:
    """What ``--quiet`` lets through: failed rebuilds and their problems."""
    if line.startswith(("rebuild failed", "  ")):
        _stderr(line)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
