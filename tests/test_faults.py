"""Faults while writing: a killed build, a read-only folder, a full disk, and two
builds that must agree byte for byte.

The promise under test (sitegen/write.py): until the final swap ``output/`` is
the previous complete site, after it the new complete one — never a mix — and
what a killed build leaves behind is swept by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from sitegen import cli
from sitegen import write as write_module
from sitegen.write import _sweep
from tests.conftest import REPO, SEEDS

ARTICLES = ("003_306fff49e1a44454.txt",)  # one article: 150 files, a build of about a second
EDITED = ARTICLES[0]
# One more sentence in one article changes its pages, the month, the indexes, the feeds.
EXTRA = "\nوقتل مدنيان في قصف على مدينة أريحا بريف إدلب، أمس.\n"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for rel, data in tree(folder).items():
        h.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.*-*"))


def make_site(root: Path, edited: bool = False) -> Path:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    for name in ARTICLES:
        shutil.copyfile(SEEDS / name, src / name)  # not the mode: the seeds are read-only
    set_version(root, edited)
    return root


def set_version(root: Path, edited: bool) -> None:
    text = (SEEDS / EDITED).read_text(encoding="utf-8")
    (root / "src" / EDITED).write_text(text + (EXTRA if edited else ""), encoding="utf-8")


def build_command(root: Path, output: str = "out", *more: str, source: str = "src") -> list[str]:
    where = ("--root", str(root), "--source", source, "--output", output)
    return [sys.executable, "-m", "sitegen", *where[:2], "build", *where[2:], "-q", *more]


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), **extra}


def run_build(root: Path, output: str = "out", *more: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        build_command(root, output, *more), capture_output=True, text=True, env=env(), timeout=120
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def in_process_build(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli.main(["--root", str(root), "build", "--source", "src", "--output", "out", "-q"])
    return code, err.getvalue()


# -- SIGKILL at random points ----------------------------------------------------------------


# Usually passes; fails when a kill lands between the swap and the manifest (see above).
def test_a_killed_build_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    # The two complete sites, each built whole into a folder of its own (in this
    # process: the same code, and a build's output does not depend on its process).
    known, trees = {}, {}
    for edited in (False, True):
        ref = make_site(tmp_path / f"ref-{edited}", edited)
        assert in_process_build(ref)[0] == 0
        known[tree_hash(ref / "out")] = edited
        trees[edited] = tree(ref / "out")
    assert len(known) == 2

    def version(folder: Path) -> bool:
        """Which complete site ``folder`` is; or a failure naming what differs."""
        found = known.get(tree_hash(folder))
        if found is None:
            now = tree(folder)
            differ = {
                v: sorted(set(now) ^ set(t) | {k for k in now if k in t and now[k] != t[k]})
                for v, t in trees.items()
            }
            raise AssertionError(f"a mix of two builds; differs from each by {differ}")
        return found

    site = make_site(tmp_path / "site")
    out = site / "out"
    assert run_build(site).returncode == 0  # also fills the extraction cache
    set_version(site, True)
    started = time.perf_counter()
    assert run_build(site).returncode == 0
    span = time.perf_counter() - started  # a cached build, start to exit, as below
    assert version(out) is True

    rng = random.Random(20240905)
    finished = gaps = 0
    for _ in range(20):
        current = version(out)
        set_version(site, not current)
        proc = subprocess.Popen(
            build_command(site),
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0, span))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=60)
        if proc.returncode == 0:
            finished += 1
        else:
            assert proc.returncode == -signal.SIGKILL, stderr
        if not out.exists():
            # Killed between the two renames of the swap: the old site waits beside it
            # and the next build puts it back. Nothing else may be missing.
            gaps += 1
            assert [n for n in leftovers(out) if ".old-" in n], leftovers(out)
            _sweep(out)
        version(out)  # the old site or the new one, whole
        # Whatever a kill leaves is swept by the next build: never more than one of each.
        left = leftovers(out)
        assert sum(".new-" in n for n in left) <= 1 and sum(".old-" in n for n in left) <= 1, left

    assert finished < 20, "no run was cut short: the kill times do not cover the build"
    set_version(site, True)
    assert run_build(site).returncode == 0
    assert version(out) is True
    assert leftovers(out) == []
    print(f"{20 - finished} builds killed, {finished} finished, {gaps} between the renames")


def test_a_build_killed_between_the_swap_and_the_manifest_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kill, placed exactly: the swap is done, the build's bookkeeping is not."""
    from sitegen.write import Staging

    site = make_site(tmp_path)
    assert in_process_build(site)[0] == 0
    old = tree_hash(site / "out")
    set_version(site, True)
    real = Staging.commit

    def killed_after_the_swap(self: Staging) -> bool:
        real(self)
        raise KeyboardInterrupt  # SIGKILL, as far as the rest of the build can tell

    monkeypatch.setattr(Staging, "commit", killed_after_the_swap)
    assert in_process_build(site)[0] == 130
    monkeypatch.undo()
    assert tree_hash(site / "out") != old  # the new site is in

    set_version(site, False)  # back to the first version: the output must follow
    assert in_process_build(site)[0] == 0
    assert tree_hash(site / "out") == old


# -- a folder that cannot be written, a full disk --------------------------------------------


def test_a_read_only_output_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path)
    parent = site / "public"
    parent.mkdir()
    monkeypatch.chdir(tmp_path)
    args = ["--root", str(site), "build", "--source", "src", "--output", "public/out", "-q"]
    with contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(args) == 0
    before = tree_hash(parent / "out")

    set_version(site, True)
    parent.chmod(0o555)
    try:  # as root (CAP_DAC_OVERRIDE) permissions stop nothing
        (parent / "probe").touch()
    except PermissionError:
        pass
    else:  # make the folder refuse as it would
        (parent / "probe").unlink()
        real = tempfile.mkdtemp

        def refuse(*a: Any, **kw: Any) -> Any:
            if Path(str(kw.get("dir"))) == parent:
                raise PermissionError(errno.EACCES, "Permission denied", str(parent))
            return real(*a, **kw)

        monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    try:
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = cli.main(args)
    finally:
        parent.chmod(0o755)
        monkeypatch.undo()
    text = err.getvalue()
    assert code == cli.EXIT_ATTENTION, text
    assert "Traceback" not in text and "internal error" not in text
    assert f"sitegen: {parent}" in text and "Permission denied" in text, text
    assert "the previous output is unchanged" in text
    assert tree_hash(parent / "out") == before
    assert leftovers(parent / "out") == []


def test_a_full_disk_is_a_clear_error_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path)
    assert in_process_build(site)[0] == 0
    out = site / "out"
    before = tree_hash(out)

    set_version(site, True)  # new pages to write, not only hard links to the old ones
    real = write_module._write_file
    written = []

    def fill_up(path: str, data: bytes) -> None:
        if f".{out.name}.new-" in path:
            written.append(path)
            if len(written) > 5:
                raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(write_module, "_write_file", fill_up)
    code, text = in_process_build(site)
    monkeypatch.undo()
    assert code == cli.EXIT_ATTENTION, text
    assert "Traceback" not in text and "internal error" not in text
    assert "No space left on device" in text and str(written[-1]) in text, text
    assert "the previous output is unchanged" in text
    assert tree_hash(out) == before
    assert leftovers(out) == []  # the half-written staging folder is gone

    assert in_process_build(site)[0] == 0  # with room again, the build goes through
    assert tree_hash(out) != before


# -- determinism -----------------------------------------------------------------------------


def test_two_builds_of_the_same_input_are_byte_identical(site: Path) -> None:
    """Separate processes with different hash seeds (set and dict order, ``hash()``),
    into different folders, without the cache: every file the same, byte for byte."""
    outputs = []
    for n, seed in enumerate(("1", "4242")):
        done = subprocess.run(
            build_command(site, f"out-{n}", "--no-cache", source="seeds"),
            capture_output=True,
            text=True,
            env=env(PYTHONHASHSEED=seed),
            timeout=120,
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        outputs.append(tree(site / f"out-{n}"))
    first, second = outputs
    assert len(first) > 100
    assert sorted(first) == sorted(second)
    differ = [rel for rel in first if first[rel] != second[rel]]
    assert differ == []
