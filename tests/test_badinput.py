"""The bad-input corpus (tests/badinput/cases.yaml): every case builds a site of one
good article plus the bad input and checks that the build says what is wrong as
``path:line: severity: message``, never crashes, still builds the good article,
and writes nothing unsafe."""

from __future__ import annotations

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitegen import cli
from tests import searchindex
from tests.badinput.generate import GENERATORS
from tests.conftest import REPO, SEEDS

CORPUS = Path(__file__).parent / "badinput"
GOOD = SEEDS / "001_a1a39c06a4cbffd7.txt"
GOOD_ID = GOOD.stem
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
CLI_BUILD_ARGS = ("--source", "src", "--output", "out", "--no-cache")

# -- what no built page may contain -----------------------------------------------------------

URL_ATTRS = {"href", "src", "action", "formaction", "cite", "poster", "data", "xlink:href"}
SHOWN_ATTRS = {"title", "alt", "placeholder", "label"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "applet"}


class SafetyScan(html.parser.HTMLParser):
    """Collects everything in a page that a browser would run or reorder."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event attribute")
            plain = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name in URL_ATTRS and plain.startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}> script URL")
            if name in SHOWN_ATTRS and value and BIDI.search(value):
                self.problems.append(f"<{tag} {name}=…> raw bidi control")
        if tag == "meta" and "url=" in (names.get("content") or "").lower():
            target = (names.get("content") or "").lower().split("url=", 1)[1].strip()
            if target.startswith(BAD_SCHEMES):
                self.problems.append(f"<meta refresh> to {target!r}")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "script":
            src = names.get("src") or ""
            if not src or ":" in src.split("/", 1)[0]:
                self.problems.append(f"<script src={src!r}>: not one of the site's own scripts")
            self.in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.problems.append(f"inline script {data[:40]!r}")
        if BIDI.search(data):
            at = BIDI.search(data)
            assert at is not None
            self.problems.append(
                f"raw bidi control in text: {data[max(0, at.start() - 20) : at.end() + 20]!r}"
            )


def unsafe(page: str) -> list[str]:
    scan = SafetyScan()
    scan.feed(page)
    scan.close()
    problems = scan.problems
    for raw in ("<script>alert", "<img src=x", "<svg onload"):
        if raw in page.lower():
            problems.append(f"raw {raw!r}")
    return problems


def check_output(out: Path) -> None:
    """Every page safe; every feed, sitemap and data file well-formed."""
    problems = []
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if path.suffix == ".html":
            problems += [f"{rel}: {p}" for p in unsafe(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".xml":
            ET.parse(path)  # raises on a control character or a broken escape
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.name == "facets.js":
            searchindex.facets(path.parent.parent)
        elif path.parent.name == "search" and path.suffix == ".js":
            searchindex.shard_records(path)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(
    ("page", "unsafe_too"),
    [
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>", False),
        ('<a href="https://example.org/&quot; onmouseover=&quot;x">a</a>', False),
        ('<script src="../static/filter.js" defer></script>', False),
        ("<p>javascript:alert(1) is only text here</p>", False),
        ("<script>alert(1)</script>", True),
        ('<a href=" JaVa\tScRiPt:alert(1)">a</a>', True),
        ('<a href="data:text/html,x">a</a>', True),
        ("<img src=x onerror=alert(1)>", True),
        ("<svg onload=alert(1)></svg>", True),
        ('<script src="https://evil.example/x.js"></script>', True),
        ("<h1>\u202eabc</h1>", True),
        ('<abbr title="\u2066x">x</abbr>', True),
    ],
)
def test_the_scan_tells_safe_from_unsafe(page: str, unsafe_too: bool) -> None:
    assert bool(unsafe(page)) == unsafe_too, unsafe(page)


# -- running one case ------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    stderr: str
    seconds: float
    out: Path
    diagnostics: list[str] = field(default_factory=list)


def build(root: Path) -> Run:
    """``sitegen build`` in this process (as the CLI runs it), stderr captured.

    The build cache is on (a fresh one per site): it is how ``sitegen build`` runs."""
    import contextlib
    import io

    err = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stderr(err):
        code = cli.main(["--root", str(root), "build", "--source", "src", "--output", "out"])
    text = err.getvalue()
    lines = [ln for ln in text.splitlines() if re.match(r"^.+:\d+: (error|warning): ", ln)]
    return Run(code, text, time.perf_counter() - started, root / "out", lines)


@pytest.fixture(scope="session")
def compiled_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Jinja bytecode cache for every case: compiling the theme is most of a
    small build, and it is the same theme each time."""
    return tmp_path_factory.mktemp("jinja")


def make_site(
    tmp_path: Path, case: dict[str, Any], mp: pytest.MonkeyPatch, jinja: Path | None = None
) -> tuple[Path, str]:
    """The site folder, and the bad input's default path for messages."""
    root, outside = tmp_path / "site", tmp_path / "outside"
    src = root / "src"
    src.mkdir(parents=True)
    if jinja is not None:  # the build cache's "jinja" folder (sitegen.cache.Cache.folder)
        (root / ".sitegen-cache").mkdir()
        (root / ".sitegen-cache" / "jinja").symlink_to(jinja, target_is_directory=True)
    outside.mkdir()
    shutil.copyfile(GOOD, src / GOOD.name)
    if "file" in case:
        shutil.copyfile(CORPUS / "files" / case["file"], src / case["file"])
        return root, f"src/{case['file']}"
    GENERATORS[case["generate"]](src, outside, mp)
    return root, "src/bad.txt"


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def test_the_corpus_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 40
    for case in CASES:
        assert ("file" in case) != ("generate" in case), case["id"]
        assert "file" not in case or (CORPUS / "files" / case["file"]).is_file(), case["id"]
        assert "generate" not in case or case["generate"] in GENERATORS, case["id"]
        assert case["exit"] in (0, 1), case["id"]
        errors = any(d["severity"] == "error" for d in case["expect"])
        assert case["exit"] == (1 if errors else 0), f"{case['id']}: exit follows the errors"
    used = {c["file"] for c in CASES if "file" in c}
    assert used == {p.name for p in (CORPUS / "files").iterdir()}, "a file no case uses"
    assert {c["generate"] for c in CASES if "generate" in c} == set(GENERATORS)


@pytest.mark.parametrize("case", _params())
def test_bad_input(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled_templates: Path
) -> None:
    root, bad_path = make_site(tmp_path, case, monkeypatch, compiled_templates)
    run = build(root)
    monkeypatch.undo()

    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert run.code == case["exit"], run.stderr
    for want in case["expect"]:
        path, line = want.get("path", bad_path), want.get("line")
        where = re.escape(f"{path}:{line}:") if line else re.escape(f"{path}:") + r"\d+:"
        pattern = f"^{where} {want['severity']}: .*{re.escape(want['message'])}"
        assert any(re.match(pattern, d) for d in run.diagnostics), (pattern, run.diagnostics)
    if not case["expect"]:  # renders safely: nothing at all to say about the bad input
        others = [d for d in run.diagnostics if not d.startswith(f"src/{GOOD.name}:")]
        assert others == [], others
    assert not [d for d in run.diagnostics if d.startswith(f"src/{GOOD.name}:")]
    assert run.seconds < case.get("max_seconds", 15), f"{run.seconds:.1f}s"

    for lang in ("ar", "en"):
        assert (run.out / lang / "articles" / f"{GOOD_ID}.html").is_file()
        for article_id in case.get("built", []):
            assert (run.out / lang / "articles" / f"{article_id}.html").is_file(), article_id
        for article_id in case.get("not_built", []):
            assert not (run.out / lang / "articles" / f"{article_id}.html").exists(), article_id
    for rel in case.get("pages", []):
        assert (run.out / rel).is_file(), rel

    check_output(run.out)
    # (incidents.csv starts with a BOM for spreadsheets: that one is meant)
    files = sorted(p for p in run.out.rglob("*") if p.is_file())
    everything = b"".join(p.read_bytes().removeprefix(b"\xef\xbb\xbf") for p in files)
    for text in case.get("absent", []):
        assert text.encode() not in everything, text
    incidents = json.loads((run.out / "incidents.json").read_text(encoding="utf-8"))
    for phrase in case.get("undated", []):
        dated = [i for i in incidents if phrase in i["date"]["text"] and i["date"]["start"]]
        assert dated == [], dated
    if "max_title" in case:
        page = (run.out / "en" / "articles" / "bad.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None and len(title.group(1)) < case["max_title"] + 60


# -- the same through a real process ----------------------------------------------------------


@pytest.mark.parametrize("generate", ["binary_png", "yaml_alias_bomb", "fifty_megabytes"])
def test_the_command_line_reports_without_a_traceback(generate: str, tmp_path: Path) -> None:
    """``python -m sitegen build``: the message, the exit code, no traceback."""
    case = {"generate": generate}
    with pytest.MonkeyPatch.context() as mp:
        root, bad_path = make_site(tmp_path, case, mp)
    done = subprocess.run(
        [sys.executable, "-m", "sitegen", "--root", str(root), "build", *CLI_BUILD_ARGS],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert re.search(rf"^{re.escape(bad_path)}:\d+: error: ", done.stderr, re.M), done.stderr
    assert (root / "out" / "ar" / "articles" / f"{GOOD_ID}.html").is_file()
