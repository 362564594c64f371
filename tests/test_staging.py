"""The staging folder (sitegen/write.py): a file made again with the same bytes
keeps the previous build's inode and mtime, whether it comes whole or in chunks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.write import DuplicatePathError, Staging


def first_build(out: Path) -> Staging:
    staging = Staging(out)
    staging.write("whole.txt", b"one two")
    staging.claim("chunked.txt")
    staging.record("chunked.txt", *staging.store("chunked.txt", iter([b"one ", b"two"])), None)
    staging.commit()
    return staging


@pytest.mark.parametrize("chunked", [False, True])
def test_the_same_bytes_keep_the_previous_file(tmp_path: Path, chunked: bool) -> None:
    out = tmp_path / "out"
    before = first_build(out)
    assert before.hashes["whole.txt"] == before.hashes["chunked.txt"]
    inode = (out / "chunked.txt").stat().st_ino
    staging = Staging(out, before.hashes)
    rel = staging.claim("chunked.txt")
    data = iter([b"one", b" two"]) if chunked else b"one two"
    sha, written = staging.store(rel, data)
    assert (sha, written) == (before.hashes["chunked.txt"], False)
    assert os.stat(staging.dir / rel).st_ino == inode
    assert sorted(os.listdir(staging.dir)) == ["chunked.txt"]  # no ".same" left behind


def test_changed_chunks_are_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = first_build(out)
    staging = Staging(out, before.hashes)
    rel = staging.claim("chunked.txt")
    sha, written = staging.store(rel, iter([b"three"]))
    assert written and sha != before.hashes["chunked.txt"]
    assert (staging.dir / rel).read_bytes() == b"three"
    staging.discard()


def test_a_path_is_claimed_once(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "out")
    staging.claim("a.html")
    with pytest.raises(DuplicatePathError):
        staging.write("a.html", b"")
    staging.discard()
