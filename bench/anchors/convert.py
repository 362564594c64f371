#!/usr/bin/env python3
"""Turn a make_corpus site into a Hugo site and a Pelican site with the same articles.

    python bench/anchors/convert.py SITE

SITE is a folder from ``bench/run.py --prepare-only`` (articles in SITE/articles/*.txt,
front matter ``date:``, and ``title:`` for real articles). Writes

* SITE/hugo/: this folder's hugo/ (config and layouts) and content/posts/NNNNN.md
  with YAML front matter (title, date);
* SITE/pelican/: this folder's pelican/pelicanconf.py and content/NNNNN.md with
  Pelican's Markdown metadata (Title, Date, Slug).

The body is the article's text unchanged (its paragraphs are blank-line separated,
which Markdown reads as paragraphs too). The title is the article's, or the one sitegen would
guess: its first twelve words. Conversion is redone only when the corpus changed.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def split(text: str) -> tuple[str, str, str]:
    """(date, title, body) of a bench article; the title is "" when it has none."""
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    head, body = text[4:].split("\n---\n", 1)
    meta = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    title = json.loads(meta["title"]) if "title" in meta else ""  # written as a JSON string
    return meta["date"].strip(), title, body.lstrip("\n")


def title_of(body: str) -> str:
    first = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def fresh_copy(src: Path, dst: Path) -> None:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)


def convert(site: Path) -> tuple[Path, Path]:
    articles = sorted((site / "articles").glob("*.txt"))
    stamp_text = (site / ".corpus-complete").read_text(encoding="utf-8")
    config_files = sorted(
        p
        for tool in ("hugo", "pelican")
        for p in (HERE / tool).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    stamp = json.dumps(
        [stamp_text, len(articles), [p.read_text(encoding="utf-8") for p in config_files]]
    )
    hugo, pelican = site / "hugo", site / "pelican"
    marker = site / ".anchors-converted"
    if marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return hugo, pelican

    fresh_copy(HERE / "hugo", hugo)
    fresh_copy(HERE / "pelican", pelican)
    posts, pages = hugo / "content" / "posts", pelican / "content"
    posts.mkdir(parents=True)
    pages.mkdir(parents=True)
    for path in articles:
        date, title, body = split(path.read_text(encoding="utf-8"))
        title = title or title_of(body)
        # JSON strings are YAML strings: quotes and colons in a title stay safe.
        (posts / f"{path.stem}.md").write_text(
            f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {date}\n---\n\n{body}",
            encoding="utf-8",
        )
        (pages / f"{path.stem}.md").write_text(
            f"Title: {title}\nDate: {date}\nSlug: a{path.stem}\n\n{body}", encoding="utf-8"
        )
    marker.write_text(stamp, encoding="utf-8")
    return hugo, pelican


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    hugo, pelican = convert(Path(argv[0]).resolve())
    print(hugo)
    print(pelican)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
