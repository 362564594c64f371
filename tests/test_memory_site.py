"""The preview's site in memory: files kept while their fingerprint holds, made
when asked for, a broken page refused before anything is swapped in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pytest

from sitegen.write import DuplicatePathError, MemorySite


@dataclass(frozen=True)
class Out:
    path: str
    key: str | None
    make: Callable[[], bytes | Iterable[bytes]]


class Counter:
    def __init__(self) -> None:
        self.made: list[str] = []

    def recipe(self, path: str, key: str | None, body: bytes = b"x") -> Out:
        def make() -> bytes:
            self.made.append(path)
            return body

        return Out(path, key, make)


def test_files_are_made_when_asked_for_and_kept() -> None:
    c, site = Counter(), MemorySite()
    site.update([c.recipe("ar/index.html", "1", b"<p>a</p>"), c.recipe("x.json", None)])
    assert c.made == []
    assert site.get("ar/index.html") == b"<p>a</p>"
    assert site.get("ar/index.html") == b"<p>a</p>"
    assert c.made == ["ar/index.html"]
    assert site.get("nothing.html") is None
    assert site.is_folder("ar") and site.is_file("x.json") and not site.is_folder("x.json")


def test_a_file_whose_fingerprint_holds_keeps_its_bytes() -> None:
    c, site = Counter(), MemorySite()
    site.update([c.recipe("a.html", "1", b"old"), c.recipe("b.html", "1", b"old")])
    site.get("a.html"), site.get("b.html")
    changed = site.update([c.recipe("a.html", "1", b"new"), c.recipe("b.html", "2", b"new")])
    assert changed == 1
    assert site.get("a.html") == b"old"  # same fingerprint: not made again
    assert site.get("b.html") == b"new"


def test_files_without_a_fingerprint_and_removed_files_count_as_changed() -> None:
    c, site = Counter(), MemorySite()
    site.update([c.recipe("a.html", None), c.recipe("b.html", "1")])
    assert site.update([c.recipe("a.html", None)]) == 2
    assert site.get("b.html") is None


def test_the_first_page_of_each_folder_is_made_before_the_swap() -> None:
    c, site = Counter(), MemorySite()
    outs = [c.recipe(f"ar/months/{n}.html", "1") for n in range(5)]
    outs += [c.recipe("ar/articles/a.html", "1"), c.recipe("ar/search/x.js", "1")]
    outs += [c.recipe("en/months/0.html", "1")]
    site.update(outs, eager=2)
    assert c.made == ["ar/months/0.html", "ar/articles/a.html"]


def test_a_broken_page_leaves_the_last_good_site() -> None:
    c, site = Counter(), MemorySite()
    site.update([c.recipe("a.html", "1", b"good")])

    def broken() -> bytes:
        raise RuntimeError("template error")

    with pytest.raises(RuntimeError):
        site.update([Out("a.html", "2", broken)], eager=8)
    assert site.get("a.html") == b"good"


def test_made_bytes_stay_within_the_budget() -> None:
    c, site = Counter(), MemorySite(budget=10)
    site.update([c.recipe(f"{n}.html", "1", b"12345678") for n in range(3)])
    for n in range(3):
        site.get(f"{n}.html")
    site.get("0.html")  # evicted by the others: made again
    assert c.made == ["0.html", "1.html", "2.html", "0.html"]


def test_two_files_at_one_path_are_refused() -> None:
    c, site = Counter(), MemorySite()
    with pytest.raises(DuplicatePathError):
        site.update([c.recipe("a.html", "1"), c.recipe("a.html", "2")])
