"""Follow the clauses of one article through the extraction stages.

    python tools/trace.py ARTICLE NEEDLE

Prints, after segmentation and after each stage of ``sitegen.extract.pipeline``
(``STAGES``), every clause whose text (or a retelling folded into it) contains
NEEDLE, with what the stage left on it: type, trigger tier, the flags that
weigh it (weak, definite, hearsay, cause, future, said_day), its date and its
places. Where an incident goes missing or gets its date or place, this shows
the stage that did it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitegen.extract import pipeline
from sitegen.extract.domain import article_domain
from sitegen.read import read_article


def describe(c: pipeline.Clause) -> str:
    d = c.date
    flags = [
        name
        for name in ("weak", "definite", "hearsay", "cause", "future", "said_day", "own_date")
        if getattr(c, name)
    ]
    places = ", ".join(p.en or p.ar for p in c.places)
    return (
        f"type={c.type or '-'} tier={c.tier or '-'} [{' '.join(flags)}] "
        f"date={d.start}/{d.end} {d.precision} ({d.basis}) places=[{places}]\n"
        f"      {c.text[:160]}"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip())
        return 2
    path, needle = Path(argv[0]), argv[1]
    article, diagnostics = read_article(path)
    for d in diagnostics:
        print(d)
    article = pipeline.date_article(article)
    ctx = pipeline.Context(
        article, pipeline.temporal.WEEK_START_SUNDAY, article_domain(article.body)
    )
    for stage, clauses in pipeline.run_stages(ctx):
        name = stage.__name__ if stage else "segment"
        hits = [c for c in clauses if needle in c.text or any(needle in a.text for a in c.also)]
        print(f"--- {name}: {len(hits)} of {len(clauses)} clauses")
        for c in hits:
            print("   ", describe(c))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
