"""Which kind of news an article is: conflict news, or sport, markets, technology, culture.

The vocabulary of violence serves every domain ("مواجهة" and "هجوم" in
football, a trade "حرب", a rocket "إطلاق", a film's killings). An article
whose words are mostly another domain's yields no incident of the types
``domains.yaml`` blocks. The words and thresholds are data; one regex finds
them all in one pass.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from sitegen.extract.actors import CLITIC_GROUP, alternation, matched_name
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, fold

NEWS = "news"
NEUTRAL = "neutral"  # domains.yaml's phrases that count for no domain


@dataclass(frozen=True, slots=True)
class Domain:
    key: str  # "news", or a key of domains.yaml ("sport", "economy"…)
    blocked: frozenset[str]  # the incident types it never yields

    def allows(self, kind: str) -> bool:
        return kind not in self.blocked


NEWS_DOMAIN = Domain(NEWS, frozenset())


@dataclass(frozen=True, slots=True)
class _Lexicon:
    regex: re.Pattern[str]
    domain_of: dict[str, str]  # regex group name → domain key ("" for conflict)
    min_words: int
    ratio: float
    blocked: dict[str, frozenset[str]]  # domain → types; "default" for the others


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("domains.yaml")
    named: list[tuple[str, str]] = []
    domain_of: dict[str, str] = {}
    lists = [("", data["conflict"]), (NEUTRAL, data["neutral"]), *data["domains"].items()]
    for key, words in lists:
        for word in words:
            name = f"d{len(named)}"
            named.append((name, word))
            domain_of[name] = key
    source = WB_BEFORE + CLITIC_GROUP + alternation(named, article=True, suffix=True) + WB_AFTER
    blocked = {key: frozenset(types) for key, types in data["blocked"].items()}
    return _Lexicon(
        re.compile(source), domain_of, int(data["min_words"]), float(data["ratio"]), blocked
    )


def article_domain(text: str) -> Domain:
    """The article's domain, from how often each domain's words occur in it."""
    lex = _lexicon()
    counts: Counter[str] = Counter(
        lex.domain_of[matched_name(m, "d")] for m in lex.regex.finditer(fold(text).text)
    )
    conflict = counts.pop("", 0)
    counts.pop(NEUTRAL, None)
    if not counts:
        return NEWS_DOMAIN
    key, n = counts.most_common(1)[0]
    if n >= lex.min_words and n >= lex.ratio * conflict:
        return Domain(key, lex.blocked.get(key, lex.blocked["default"]))
    return NEWS_DOMAIN
