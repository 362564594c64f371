"""Bad inputs that cannot be committed as plain text files, made at test time.

Each generator writes into ``src`` (the site's articles folder); ``outside`` is a
folder beside it that the build must never read. ``mp`` is pytest's monkeypatch,
for what cannot be set up on disk (an unreadable file, when the tests run as root).
Referenced by name from ``cases.yaml``.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# A short dated article, and a line of it, reused below in other encodings.
ARTICLE = (
    "---\ndate: 2020-02-20\ntitle: قصف على سراقب\n---\n"
    "قتل ثلاثة مدنيين في قصف على مدينة سراقب بريف إدلب، أمس الأربعاء.\n"
    "وأصيب خمسة آخرون بجروح.\n"
)
LINE = "وقال الدفاع المدني إن فرقه انتشلت جثتي طفلين من تحت الأنقاض في أريحا.\n"
SECRET = "TOP-SECRET-OUTSIDE-THE-SOURCE"


Generator = Callable[[Path, Path, pytest.MonkeyPatch], None]
GENERATORS: dict[str, Generator] = {}


def generator(fn: Generator) -> Generator:
    GENERATORS[fn.__name__] = fn
    return fn


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


# -- encodings -------------------------------------------------------------------------------


@generator
def utf16_le_bom(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le"))


@generator
def utf16_be_bom(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"))


@generator
def utf16_truncated(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """A BOM, then an odd number of bytes and a lone surrogate."""
    _write(src / "bad.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le") + b"\x00\xd8\x41")


@generator
def utf16_no_bom(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE.encode("utf-16-le"))


@generator
def windows_1256(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE.encode("cp1256"))


@generator
def mixed_encodings(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """UTF-8 for the front matter and two lines, then a pasted Windows-1256 line (line 7)."""
    _write(src / "bad.txt", ARTICLE.encode("utf-8") + LINE.encode("cp1256") + LINE.encode())


@generator
def invalid_utf8_bytes(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """Stray bytes no encoder writes (overlong, 0xFF) on line 6."""
    _write(src / "bad.txt", ARTICLE.encode() + b"\xc0\xaf\xff\xfe " + LINE.encode())


@generator
def bom_in_the_middle(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """Two files concatenated: the second one's UTF-8 BOM sits at the start of line 7."""
    _write(src / "bad.txt", ARTICLE.encode() + b"\xef\xbb\xbf" + LINE.encode())


@generator
def bom_before_front_matter(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", b"\xef\xbb\xbf" + ARTICLE.encode())


@generator
def control_characters(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE + "قصف\x07 على\x1b[31m أريحا\x0b\x7f.\n")


@generator
def crlf_and_cr_line_ends(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE.replace("\n", "\r\n") + LINE.replace("\n", "\r") * 3)


@generator
def unicode_line_separators(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE + LINE.replace("،", "\u2028") + "\u2029" + LINE + "\x85")


# -- binary, empty, big ----------------------------------------------------------------------


@generator
def binary_png(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    rng = random.Random(1)
    _write(src / "bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000))


@generator
def binary_without_zero_bytes(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """High bytes and control codes but no NUL: it decodes as Windows-1256, with warnings."""
    rng = random.Random(2)
    _write(src / "bad.txt", bytes(rng.choice(range(1, 256)) for _ in range(3000)))


@generator
def binary_like_utf16(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """Random bytes whose few zero bytes all fall on one side, as UTF-16's do."""
    _write(src / "bad.txt", random.Random(24).randbytes(1000))


@generator
def latin1(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """A French note saved as Latin-1: Windows-1256 would read it without an error."""
    text = "---\ndate: 2020-02-20\n---\nLe café était fermé à côté de l'hôtel, même après l'été.\n"
    _write(src / "bad.txt", text.encode("latin-1"))


@generator
def zero_byte_late(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """Text for 8 kB, then a NUL: a file cut off by a crash, padded with zeros."""
    _write(src / "bad.txt", (ARTICLE + LINE * 80).encode() + b"\x00" * 512)


@generator
def english_article(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", "---\ndate: 2020-02-20\nlang: en\n---\nThree civilians were killed.\n")


@generator
def english_article_without_lang(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", "---\ndate: 2020-02-20\n---\nThree civilians were killed in Saraqib.\n")


@generator
def misspelt_key(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE.replace("date: 2020-02-20", "datee: 2020-02-20"))


@generator
def empty(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", b"")


@generator
def whitespace_only(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", " \t\n\n\u00a0\u3000\r\n   \n")


@generator
def bom_only(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", b"\xef\xbb\xbf\n")


@generator
def fifty_megabytes(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """50 MB of real-looking text (a sparse file would be cheating the size check less)."""
    block = (LINE * 200).encode()
    with (src / "bad.txt").open("wb") as fh:
        fh.write(ARTICLE.encode())
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)


@generator
def just_over_the_limit(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    from sitegen.read import MAX_ARTICLE_BYTES

    data = ARTICLE.encode() + b"x" * MAX_ARTICLE_BYTES
    _write(src / "bad.txt", data[: MAX_ARTICLE_BYTES + 1])


@generator
def very_long_line(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """One 250 kB line of casualty reports with no punctuation: once quadratic."""
    _write(src / "bad.txt", ARTICLE + "قتل 5 أشخاص وأصيب شخص " * 10000 + "\n")


@generator
def very_long_word(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """A 300 kB first line without a space: it must not become a 300 kB title."""
    _write(src / "bad.txt", "ب" * 150_000 + "\n" + LINE)


@generator
def many_empty_lines(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE + "\n" * 200_000 + LINE)


# -- front matter that YAML cannot or should not build ---------------------------------------


@generator
def yaml_alias_bomb(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """The "billion laughs": nine levels of nine aliases (387 million strings if expanded)."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    _write(src / "bad.txt", "---\n" + "\n".join(lines) + "\n---\n" + LINE)


@generator
def yaml_deep_nesting(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", "---\ntags: " + "[" * 5000 + "]" * 5000 + "\n---\n" + LINE)


# -- file system -----------------------------------------------------------------------------


@generator
def symlink_out_of_source(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(outside / "secret.txt", ARTICLE + SECRET + "\n")
    (src / "bad.txt").symlink_to(outside / "secret.txt")


@generator
def symlinked_folder_out_of_source(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(outside / "private" / "secret.txt", ARTICLE + SECRET + "\n")
    (src / "linked").symlink_to(outside / "private", target_is_directory=True)


@generator
def symlink_by_absolute_path(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    (src / "passwd.txt").symlink_to("/etc/passwd")


@generator
def symlink_loop(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    (src / "loop-a.txt").symlink_to("loop-b.txt")
    (src / "loop-b.txt").symlink_to("loop-a.txt")


@generator
def folder_symlink_loop(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """A folder that contains a link to itself (and to its parent)."""
    (src / "deep").mkdir()
    (src / "deep" / "again").symlink_to("..", target_is_directory=True)
    (src / "deep" / "self").symlink_to(".", target_is_directory=True)
    _write(src / "deep" / "bad.txt", ARTICLE)


@generator
def dangling_symlink(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    (src / "bad.txt").symlink_to(outside / "deleted.txt")


@generator
def symlink_inside_source(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE)
    (src / "alias.txt").symlink_to("bad.txt")


@generator
def folder_named_like_an_article(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    (src / "bad.txt").mkdir()
    _write(src / "bad.txt" / "inner.md", ARTICLE)


@generator
def fifo_named_like_an_article(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """Reading a named pipe would block for ever."""
    os.mkfifo(src / "bad.txt")


@generator
def unreadable(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """chmod 000; root reads it anyway, so there the open itself is made to fail."""
    path = src / "bad.txt"
    _write(path, ARTICLE)
    path.chmod(0)
    try:
        path.open("rb").close()
    except PermissionError:
        return  # permissions apply: the real thing
    real_open = Path.open  # as root (CAP_DAC_OVERRIDE) they stop nothing: refuse as they would

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "bad.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    mp.setattr(Path, "open", refuse)


@generator
def backslash_in_the_name(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "a\\..\\..\\bad.txt", ARTICLE)


@generator
def url_breaking_name(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad #1?%.txt", ARTICLE)


@generator
def bidi_in_the_name(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad\u202etxt.exe\u202c.txt", ARTICLE)


@generator
def names_differing_in_case(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "Bad.txt", ARTICLE)
    _write(src / "bad.txt", ARTICLE.replace("ثلاثة", "أربعة"))


@generator
def same_id_two_formats(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(src / "bad.txt", ARTICLE)
    _write(src / "bad.md", ARTICLE)


@generator
def duplicate_id_in_subfolder(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    good = next(src.glob("001_*.txt"))
    _write(src / "sub" / good.name, good.read_bytes())


# -- overrides --------------------------------------------------------------------------------


def _overrides(src: Path, text: str | bytes) -> None:
    _write(src / "_overrides.yaml", text)


def _an_incident_id(src: Path) -> str:
    """The id of an incident the good article yields (ids are stable by design)."""
    from sitegen.build import analyse
    from sitegen.config import load_config

    analysis = analyse(load_config(src.parent, source=src.name))
    return analysis.extractions[0].incidents[0].id


@generator
def stale_override(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _overrides(
        src,
        "# corrections\n001_a1a39c06a4cbffd7-deadbeef:\n  type: battle\n  note: stale\n",
    )


@generator
def override_with_traversal_keys(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _overrides(src, '"../../etc/passwd":\n  drop: true\n"/etc/passwd":\n  drop: true\n')


@generator
def override_with_wrong_types(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    iid = _an_incident_id(src)
    _overrides(src, f"{iid}:\n  type: [1, 2]\n  date: tomorrow\n")


@generator
def override_with_a_datetime(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    iid = _an_incident_id(src)
    _overrides(src, f"{iid}:\n  date: 2020-02-27 10:30:00\n")


@generator
def override_with_odd_keys(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _overrides(src, "x:\n  1: a\n  b: c\n  null: d\n")


@generator
def override_places_that_slug_alike(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """Unknown places whose names collide after slugging, one of them a path."""
    iid = _an_incident_id(src)
    _overrides(
        src,
        f'{iid}:\n  places: ["Foo Bar", "foo-bar", "FOO  BAR!", "../../etc/passwd", "قرية الزيتونة"]\n',
    )


@generator
def override_with_empty_place_names(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """A place with no letters has no page name (its slug would be empty)."""
    iid = _an_incident_id(src)
    _overrides(src, f'{iid}:\n  places: ["", "؟؟", "—"]\n')


@generator
def override_with_markup(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    iid = _an_incident_id(src)
    _overrides(
        src,
        f"{iid}:\n"
        '  summary_en: "<script>alert(1)</script><img src=x onerror=alert(1)>"\n'
        '  summary_ar: "\u202eنص معكوس<script>alert(1)</script>"\n'
        '  places: ["<img src=x onerror=alert(1)>", "javascript:alert(1)"]\n',
    )


@generator
def override_file_not_utf8(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _overrides(src, "x:\n  summary_ar: قصف\n".encode("cp1256"))


@generator
def override_file_broken_yaml(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _overrides(src, "x:\n  type: battle\n\ty: [unclosed\n")


@generator
def override_file_binary(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _overrides(src, random.Random(3).randbytes(2000))


# -- bidi controls ----------------------------------------------------------------------------

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@generator
def bidi_title(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    """No title in the front matter: the first line is the title, with every control."""
    title = f"قصف\u202e على {BIDI} سراقب"
    body = "قتل ثلاثة مدنيين\u202e في قصف على \u2067سراقب\u2069 بريف إدلب، أمس.\n"
    text = f"---\ndate: 2020-02-20\n---\n{title}\n\n{body}وأصيب \u202dخمسة\u202c آخرون.\n"
    _write(src / "bad.txt", text)


@generator
def bidi_front_matter(src: Path, outside: Path, mp: pytest.MonkeyPatch) -> None:
    _write(
        src / "bad.txt",
        f'---\ndate: 2020-02-20\ntitle: "\u202eغارة{BIDI}"\nsource: "\u2066وكالة\u2069\u202e"\n'
        f'url: "https://example.org/\u202e/x"\n---\n'
        f"قتل ثلاثة مدنيين في قصف على \u202eسراقب بريف إدلب، أمس.\n",
    )
