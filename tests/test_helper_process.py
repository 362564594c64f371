"""The second process that makes one language's pages alongside the build
(sitegen/write.py ``write_all``): the same bytes as making everything in one
process, and its failures reported like the build's own."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from pathlib import Path

import pytest

from sitegen import cli
from sitegen import write as write_module
from sitegen.build import build
from sitegen.config import load_config
from tests.test_faults import in_process_build, leftovers, make_site, set_version, tree, tree_hash


@pytest.fixture
def helper_shares(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A helper process for any number of pages; records the size of each share."""
    monkeypatch.setattr(write_module, "HELPER_MIN", 1)
    monkeypatch.setattr(write_module.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(write_module.threading, "active_count", lambda: 1)
    monkeypatch.setattr(write_module, "BATCH", 7)  # its report comes in many batches
    shares: list[int] = []
    real = write_module._Helper.__enter__

    def enter(self: write_module._Helper) -> write_module._Helper:
        if self.share:
            shares.append(len(self.share))
        return real(self)

    monkeypatch.setattr(write_module._Helper, "__enter__", enter)
    return shares


def test_a_helper_process_makes_the_same_site(site: Path, helper_shares: list[int]) -> None:
    build(load_config(site), use_cache=False)
    assert helper_shares and helper_shares[0] > 50, "no helper process took a share"
    with_helper = tree(site / "output")
    shutil.rmtree(site / "output")
    write_module.HELPER_MIN = 10**9  # monkeypatched: restored after the test
    build(load_config(site), use_cache=False)
    assert len(helper_shares) == 1
    alone = tree(site / "output")
    assert sorted(with_helper) == sorted(alone)
    assert [rel for rel in alone if alone[rel] != with_helper[rel]] == []


def test_what_the_helper_stored_is_remembered_for_the_next_build(
    site: Path, helper_shares: list[int]
) -> None:
    build(load_config(site))
    article = next((site / "seeds").glob("003_*.txt"))
    article.write_text(
        article.read_text(encoding="utf-8")
        + "\nوقتل 7 مدنيين في قصف على مدينة سراقب يوم الخميس.\n",
        encoding="utf-8",
    )
    edited = build(load_config(site))
    assert len(helper_shares) == 2
    assert 0 < edited.written < edited.pages / 4  # the helper's unchanged files were known
    incremental = tree(site / "output")
    shutil.rmtree(site / "output")
    build(load_config(site), use_cache=False)
    assert tree(site / "output") == incremental


def test_the_helper_takes_one_language(site: Path, helper_shares: list[int]) -> None:
    todo = [(f"{lang}/p{n}.html", None) for lang in ("ar", "en") for n in range(3)]
    todo += [("incidents.json", None), ("en/extra.html", None)]
    assert write_module._helpers_share(todo) == "en"  # type: ignore[arg-type]
    assert write_module._helpers_share(todo[:3]) is None  # one folder only: nothing to split


def test_no_helper_is_forked_from_a_threaded_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview server builds in a thread; a fork would copy its locks mid-use."""
    monkeypatch.setattr(write_module, "HELPER_MIN", 1)
    monkeypatch.setattr(write_module.os, "cpu_count", lambda: 2)
    todo = [(f"{lang}/p{n}.html", None) for lang in ("ar", "en") for n in range(3)]
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert write_module._helpers_share(todo) is None  # type: ignore[arg-type]
    finally:
        release.set()
        other.join()


def built_then_edited(tmp_path: Path) -> tuple[Path, Path, str]:
    """A site built once, then edited so that the next build has pages to make:
    the site, its output folder and the hash of that output."""
    site = make_site(tmp_path)
    assert in_process_build(site)[0] == 0
    before = tree_hash(site / "out")
    set_version(site, True)
    return site, site / "out", before


def test_a_full_disk_in_the_helper_is_a_clear_error_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helper_shares: list[int]
) -> None:
    site, out, before = built_then_edited(tmp_path)
    monkeypatch.setattr(write_module, "_helpers_share", lambda todo: "en")
    real = write_module._write_file

    def full_in_the_helper(path: str, data: bytes) -> None:
        if f".{out.name}.new-" in path and "/en/" in path:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(write_module, "_write_file", full_in_the_helper)
    code, text = in_process_build(site)
    assert code == cli.EXIT_ATTENTION, text
    assert "No space left on device" in text and "/en/" in text, text
    assert "the previous output is unchanged" in text
    assert tree_hash(out) == before
    assert leftovers(out) == []


def test_a_helper_that_dies_is_a_clear_error_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helper_shares: list[int]
) -> None:
    site, out, before = built_then_edited(tmp_path)
    monkeypatch.setattr(write_module, "_make_share", lambda *args: os._exit(9))
    code, text = in_process_build(site)
    assert code == cli.EXIT_ATTENTION, text
    assert "stopped without finishing (exit code 9" in text, text
    assert "Traceback" not in text and "internal error" not in text
    assert tree_hash(out) == before
    assert leftovers(out) == []
