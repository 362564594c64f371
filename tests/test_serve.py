"""sitegen serve: the debouncer, the watch filter, the path resolver and a live server on loopback."""

from __future__ import annotations

import http.client
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from sitegen.cache import Remembered
from sitegen.config import load_config
from sitegen.serve import (
    EVENTS,
    PortInUseError,
    Preview,
    PreviewServer,
    Problem,
    bind,
    resolve,
    run_build,
)
from sitegen.watch import Debouncer, Watcher, is_editor_temp, watched
from sitegen.write import MemorySite
from tests.serving import Live, running

# -- the debouncer, on a fake clock --------------------------------------------------------------


def test_one_event_is_due_after_the_quiet_period() -> None:
    d = Debouncer(quiet=0.1, max_wait=1.0)
    assert d.deadline() is None and not d.due(0.0)
    d.add("a.txt", 10.0)
    assert not d.due(10.05)
    assert d.due(10.1)
    assert d.take() == {"a.txt"}
    assert d.deadline() is None


def test_a_burst_is_one_batch_once_it_settles() -> None:
    d = Debouncer(quiet=0.1, max_wait=1.0)
    for i in range(5):  # every 50 ms: each event pushes the deadline back
        d.add(f"f{i % 2}.txt", 0.05 * i)
        assert not d.due(0.05 * i + 0.09)
    assert d.due(0.2 + 0.1)
    assert d.take() == {"f0.txt", "f1.txt"}


def test_a_steady_stream_still_rebuilds_after_the_max_wait() -> None:
    d = Debouncer(quiet=0.1, max_wait=1.0)
    t = 0.0
    while not d.due(t):
        d.add("typing.md", t)
        t = round(t + 0.05, 2)
    assert t == 1.0  # never quiet, but never longer than max_wait


def test_an_atomic_save_is_one_rebuild(tmp_path: Path) -> None:
    """vim/gedit/JetBrains: temp file, write, rename over the article; plus vim's 4913 probe."""
    what = watched(load_config(tmp_path))
    article = str(tmp_path / "seeds" / "003.txt")
    events = [
        str(tmp_path / "seeds" / "4913"),
        str(tmp_path / "seeds" / ".003.txt.swp"),
        str(tmp_path / "seeds" / ".goutputstream-XYZ123"),
        str(tmp_path / "seeds" / "003.txt.tmp"),
        str(tmp_path / "seeds" / "003.txt~"),
        article,  # the rename's destination
    ]
    d = Debouncer()
    for i, path in enumerate(events):
        if what.wants(path):
            d.add(path, i * 0.001)
    assert d.due(0.2)
    assert d.take() == {article}
    assert not d.due(5.0)


def test_changes_during_a_rebuild_make_exactly_one_more() -> None:
    d = Debouncer(quiet=0.1, max_wait=1.0)
    d.add("a.txt", 0.0)
    assert d.take() == {"a.txt"}  # the rebuild starts at 0.1 and runs for 2 s
    for t in (0.5, 0.9, 1.7):
        d.add("b.txt", t)
        d.add("c.txt", t)
    assert d.due(2.1)  # overdue when the rebuild ends: the next one starts at once
    assert d.take() == {"b.txt", "c.txt"}
    assert d.deadline() is None  # and nothing after it


def test_the_rebuild_loop_runs_once_more_for_changes_made_meanwhile(tmp_path: Path) -> None:
    calls: list[set[str]] = []
    building, release = threading.Event(), threading.Event()

    def rebuild(batch: set[str]) -> None:
        calls.append(batch)
        building.set()
        release.wait(5)

    watcher = Watcher(load_config(tmp_path), rebuild, quiet=0.02, max_wait=0.2)
    source = tmp_path / "seeds"
    watcher.thread.start()  # the loop alone; events are fed by hand
    try:
        watcher.notify(str(source / "a.txt"))
        assert building.wait(5)
        for name in ("b.txt", "c.txt", "b.txt"):
            watcher.notify(str(source / name))
        release.set()
        deadline = time.monotonic() + 5
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)  # room for a (wrong) third rebuild
    finally:
        watcher.stop()
    assert calls == [{str(source / "a.txt")}, {str(source / "b.txt"), str(source / "c.txt")}]


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        (".003.txt.swp", True),
        (".003.txt.swx", True),
        ("003.txt~", True),
        (".#003.txt", True),
        ("#003.txt#", True),
        ("4913", True),
        ("003.txt.tmp", True),
        (".goutputstream-ABC123", True),
        ("sedAb12Cd", True),
        ("003.txt", False),
        ("sediment.md", False),
        ("index.html", False),
        ("messages.po", False),
    ],
)
def test_editor_temp_files(name: str, ignored: bool) -> None:
    assert is_editor_temp(name) is ignored


def test_what_is_watched(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    what = watched(config)
    wanted = [
        tmp_path / "seeds" / "x.txt",
        tmp_path / "seeds" / "_overrides.yaml",
        tmp_path / "templates" / "index.html",
        tmp_path / "static" / "style.css",
        tmp_path / "sitegen.toml",
    ]
    unwanted = [
        tmp_path / "output" / "ar" / "index.html",
        tmp_path / ".output.new-abc" / "ar" / "index.html",
        tmp_path / ".output.old-123",
        tmp_path / ".sitegen-cache" / "manifest.json",
        tmp_path / "README.md",
        tmp_path / "seeds" / ".x.txt.swp",
    ]
    assert all(what.wants(str(p)) for p in wanted)
    assert not any(what.wants(str(p)) for p in unwanted)


# -- path resolution ---------------------------------------------------------------------------

SECRET = b"SECRET-OUTSIDE-THE-OUTPUT"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A small output folder, a secret beside it, and symlinks that point out."""
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "index.html").write_bytes(SECRET)
    o = tmp_path / "output"
    for rel, text in {
        "index.html": "<html><body><p>root</p></body></html>",
        "ar/index.html": '<html lang="ar" dir="rtl"><body><p>عربي</p></body></html>',
        "en/index.html": "<html><body><p>english</p></BODY></html>",
        "en/about.html": "<html><body>about</body></html>",
        "ar/places/إدلب.html": "<html><body>إدلب</body></html>",
        "static/style.css": "body{color:red}",
        "static/filter.js": "console.log('</body>')",
        "static/favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        "incidents.json": '{"a": "</body>"}',
        "incidents.csv": "id,quote\n1,نص\n",
        "ar/feed.xml": "<feed></feed>",
        ".hidden": "staging",
    }.items():
        (o / rel).parent.mkdir(parents=True, exist_ok=True)
        (o / rel).write_text(text, encoding="utf-8")
    (o / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    (o / "dir-out").symlink_to(tmp_path / "private")
    (o / "en" / "inside.html").symlink_to(o / "en" / "about.html")  # stays inside: fine
    return o


PROBES = [
    "/../secret.txt",
    "/../../etc/passwd",
    "/ar/../../secret.txt",
    "/ar/./../../secret.txt",
    "/./index.html",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/ar%2f..%2f..%2fsecret.txt",
    "/..%2fsecret.txt",
    "/.%2e/secret.txt",
    "/%252e%252e/secret.txt",
    "/%252e%252e%252fsecret.txt",
    "/ar/%25252e%25252e/secret.txt",
    "/..\\secret.txt",
    "/ar\\..\\..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%5csecret.txt",
    "/secret.txt%00.html",
    "/index.html\0",
    "/%c0%ae%c0%ae/secret.txt",
    "/%e0%80%ae%e0%80%ae/secret.txt",
    "/link-out.txt",
    "/dir-out/",
    "/dir-out/index.html",
    "/dir-out",
    "secret.txt",
    "../secret.txt",
    "/.hidden",
    "/%2ehidden",
]


@pytest.mark.parametrize("probe", PROBES)
def test_traversal_probes_are_refused(out: Path, probe: str) -> None:
    found = resolve(out, probe)
    assert found.status in (403, 404), (probe, found)
    assert found.path is None


@pytest.mark.parametrize(
    ("url", "rel"),
    [
        ("/", "index.html"),
        ("/index.html", "index.html"),
        ("/ar/", "ar/index.html"),
        ("//ar//", "ar/index.html"),
        ("/en/about.html?x=1#top", "en/about.html"),
        ("/static/style.css", "static/style.css"),
        ("/ar/places/%D8%A5%D8%AF%D9%84%D8%A8.html", "ar/places/إدلب.html"),
        ("/en/inside.html", "en/about.html"),
    ],
)
def test_legitimate_paths_resolve(out: Path, url: str, rel: str) -> None:
    found = resolve(out, url)
    assert found.status == 200 and found.path == (out / rel).resolve()


def test_a_folder_without_its_slash_redirects(out: Path) -> None:
    assert resolve(out, "/ar").location == "/ar/"
    assert resolve(out, "//ar").location == "/ar/"  # never a protocol-relative "//ar/"
    assert resolve(out, "/missing").status == 404


# -- a live server on 127.0.0.1 -----------------------------------------------------------------


@pytest.fixture
def live(out: Path) -> Iterator[Live]:
    with running(out.parent) as server:
        yield server


def get(
    live: tuple[str, int, Preview], path: str, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(live[0], live[1], timeout=5)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        conn.endheaders()
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("path", "ctype"),
    [
        ("/ar/", "text/html; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/filter.js", "text/javascript; charset=utf-8"),
        ("/incidents.json", "application/json; charset=utf-8"),
        ("/ar/feed.xml", "application/xml; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml; charset=utf-8"),
        ("/incidents.csv", "text/csv; charset=utf-8"),
    ],
)
def test_content_types(live: tuple[str, int, Preview], path: str, ctype: str) -> None:
    status, headers, _ = get(live, path)
    assert status == 200 and headers["Content-Type"] == ctype


def test_html_responses_carry_the_script_but_files_on_disk_never_do(
    live: tuple[str, int, Preview], out: Path
) -> None:
    for url, rel in (("/ar/", "ar/index.html"), ("/en/", "en/index.html"), ("/", "index.html")):
        _, headers, body = get(live, url)
        assert b'<script src="/__sitegen__/live.js"' in body
        assert body.index(b"__sitegen__") < body.lower().rindex(b"</body>")
        assert int(headers["Content-Length"]) == len(body)
        assert "__sitegen__" not in (out / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "rel", ["static/filter.js", "incidents.json", "incidents.csv", "static/style.css"]
)
def test_other_responses_are_the_bytes_on_disk(
    live: tuple[str, int, Preview], out: Path, rel: str
) -> None:
    assert get(live, "/" + rel)[2] == (out / rel).read_bytes()


def test_directory_redirect_404_page_and_head(live: tuple[str, int, Preview]) -> None:
    status, headers, _ = get(live, "/ar")
    assert status == 301 and headers["Location"] == "/ar/"
    status, headers, body = get(live, "/ar/nothing-here.html")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    # the theme's page, its links from the root whatever the depth
    assert b'href="/static/style.css"' in body and b'class="not-found"' in body
    assert b'href="/ar/index.html"' in body and b'href="/en/index.html"' in body
    assert b"/ar/nothing-here.html" in body
    status, headers, body = get(live, "/ar/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


@pytest.mark.parametrize("probe", PROBES[:22])
def test_traversal_probes_over_http(live: tuple[str, int, Preview], probe: str) -> None:
    with socket.create_connection(live[:2], timeout=5) as s:
        raw = probe.replace("\0", "%00") if probe.startswith("/") else "/" + probe
        s.sendall(f"GET {raw} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode("latin-1"))
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    assert reply.split(b" ", 2)[1] in (b"400", b"403", b"404"), (probe, reply[:80])
    assert SECRET not in reply


def read_event(f: BinaryIO) -> tuple[str, dict[str, Any]]:
    """The next named event from an SSE stream (skipping comments and retry lines)."""
    name, data = "", ""
    while True:
        line = f.readline().decode()
        if not line:
            raise EOFError
        line = line.rstrip("\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif line == "" and name:
            return name, json.loads(data)


def open_stream(live: tuple[str, int, Preview]) -> tuple[socket.socket, BinaryIO]:
    s = socket.create_connection(live[:2], timeout=5)
    s.sendall(f"GET {EVENTS} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    f = s.makefile("rb")
    assert f.readline().startswith(b"HTTP/1.1 200")
    return s, f


def test_events_say_reload_and_error(live: tuple[str, int, Preview]) -> None:
    preview = live[2]
    s, f = open_stream(live)
    try:
        name, hello = read_event(f)
        assert name == "hello" and hello["server"] == preview.server_id
        preview.publish([Problem("templates/index.html", 3, "unexpected end")], wrote=False)
        name, data = read_event(f)
        assert name == "error" and data["generation"] == hello["generation"]
        assert data["problems"] == [
            {"file": "templates/index.html", "line": 3, "message": "unexpected end"}
        ]
        preview.publish([], wrote=True)
        name, data = read_event(f)
        assert name == "reload" and data["generation"] == hello["generation"] + 1
        assert data["problems"] == []
    finally:
        s.close()


def test_fifty_event_streams_do_not_block_other_requests(live: tuple[str, int, Preview]) -> None:
    streams = []
    try:
        for _ in range(50):
            streams.append(open_stream(live))
        for _, f in streams:
            assert read_event(f)[0] == "hello"
        started = time.perf_counter()
        for _ in range(20):
            assert get(live, "/ar/")[0] == 200
        assert time.perf_counter() - started < 3.0
        live[2].publish([], wrote=True)
        assert all(read_event(f)[0] == "reload" for _, f in streams)
    finally:
        for s, _ in streams:
            s.close()


def test_a_port_in_use(out: Path) -> None:
    preview = Preview(load_config(out.parent), say=lambda _: None)
    first = bind("127.0.0.1", 0, True, preview)
    taken = first.server_address[1]
    try:
        with pytest.raises(PortInUseError, match=f"port {taken}.*--port"):
            bind("127.0.0.1", taken, True, preview)
        other = bind("127.0.0.1", taken, False, preview)  # not asked for: the next free one
        assert other.server_address[1] != taken
        other.server_close()
    finally:
        first.server_close()


# -- with real builds of the seed site ---------------------------------------------------------


def test_a_broken_template_names_file_and_line(site: Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "index.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ broken(\n', encoding="utf-8"
    )
    problems, wrote = run_build(load_config(site))
    assert not wrote
    assert [(p.file, p.line) for p in problems] == [("templates/index.html", 3)]
    assert "template error" in problems[0].message


def test_the_preview_keeps_the_readings_between_rebuilds(site: Path) -> None:
    preview = Preview(load_config(site), say=lambda _: None)
    preview.rebuild()
    articles = len(list((site / "seeds").glob("*.[tm][xd]*")))
    assert preview.memory.count("article") == articles
    preview.rebuild()
    assert preview.memory.count("article") == articles


def test_a_broken_template_in_memory_keeps_the_last_good_site(site: Path) -> None:
    config, memory, store = load_config(site), Remembered(), MemorySite()
    assert run_build(config, memory, store) == ([], True)
    good = store.get("en/index.html")
    (site / "templates").mkdir()
    (site / "templates" / "index.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ broken(\n', encoding="utf-8"
    )
    problems, wrote = run_build(config, memory, store)
    assert not wrote
    assert [(p.file, p.line) for p in problems] == [("templates/index.html", 3)]
    assert store.get("en/index.html") == good


def test_served_pages_leave_the_built_files_untouched(site: Path) -> None:
    """--write: the build writes the output folder, the server adds its script to
    the responses only."""
    server = PreviewServer(load_config(site), port=0, say=lambda _: None, write=True)
    server.start()
    try:
        host, port = server.httpd.server_address[:2]  # type: ignore[union-attr]
        target = (str(host), int(port), server.preview)
        for url in ("/", "/ar/", "/en/", "/ar/about.html", "/en/undated.html", "/nope"):
            assert b"__sitegen__" in get(target, url)[2]
    finally:
        server.stop()
    files = [p for p in (site / "output").rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert b"__sitegen__" not in path.read_bytes(), path


def test_the_preview_is_built_in_memory(site: Path) -> None:
    """By default nothing is written to the output folder: it stays sitegen
    build's (here, it does not exist)."""
    server = PreviewServer(load_config(site), port=0, say=lambda _: None)
    server.start()
    try:
        host, port = server.httpd.server_address[:2]  # type: ignore[union-attr]
        target = (str(host), int(port), server.preview)
        status, _, body = get(target, "/ar/")
        assert status == 200 and b'dir="rtl"' in body and b"__sitegen__" in body
        assert get(target, "/ar")[0] == 301
        assert get(target, "/static/style.css")[0] == 200
        assert get(target, "/en/search/facets.js")[2].startswith(b"window.SITEGEN_FACETS=")
        assert get(target, "/en/nothing.html")[0] == 404
    finally:
        server.stop()
    assert not (site / "output").exists()


def test_an_atomic_save_under_watch_rebuilds_once(site: Path) -> None:
    said: list[str] = []
    server = PreviewServer(load_config(site), port=0, say=said.append, quiet=0.1)
    server.start()
    try:
        host, port = server.httpd.server_address[:2]  # type: ignore[union-attr]
        target = (str(host), int(port), server.preview)
        assert "بنش".encode() not in get(target, "/ar/")[2]
        article = site / "seeds" / "003_306fff49e1a44454.txt"
        text = article.read_text(encoding="utf-8")
        tmp = article.with_name(".003.txt.tmp")
        tmp.write_text(text + "\nوقتل 5 مدنيين في قصف على بلدة بنش يوم الخميس.\n", encoding="utf-8")
        os.replace(tmp, article)
        deadline = time.monotonic() + 30
        while server.preview.state.version < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # a second (wrong) rebuild would have started by now
        page = get(target, "/ar/")[2]
    finally:
        server.stop()
    assert server.preview.state.version == 2, said
    assert server.preview.state.generation == 2
    assert "بنش".encode() in page


def test_no_thread_runs_before_the_first_build(site: Path) -> None:
    """A build forks a helper process only from a process without threads: the
    preview's first build must not find the watcher's thread already running."""
    before = threading.active_count()
    server = PreviewServer(load_config(site), port=0, say=lambda _: None)
    try:
        assert threading.active_count() == before
    finally:
        server.stop()
