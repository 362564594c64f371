"""Named sites: the market, hospital, square or headquarters an event hit.

"غارة دمرت مركز سعيد المسحال الثقافي في غرب غزة", "على سوق السمك ومستشفى
الثورة": the gazetteer cannot list such sites, and the analysts place the
event there. A site is a place of its own (kind "site", named as the text
writes it, no map position) when its word (sitegen/data/sites.yaml) follows
a preposition of place or a verb of attack and the words after it name it.
places.find_places adds them to the places it finds; the pipeline puts a
site before the other places of its clause and takes none of them away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitegen.extract import places
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, Folded, fold, fold_word, unmarked
from sitegen.extract.places import PlaceMention
from sitegen.model import Place


def with_sites(text: str, folded: Folded, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions ``found``, with the sites named where an event happened
    ("في ساحة التحرير", "قصف مركز سعيد المسحال الثقافي") as places of their
    own beside them: "سوق قانية" is a market, in the town Qaniya."""
    sites: list[PlaceMention] = []
    last_end = -1
    for m in _site_regex().finditer(folded.text):
        end = _site_end(folded.text, m)
        # (a site joined to the one before it by "و" is where that one is:
        # "على سوق السمك ومستشفى الثورة")
        joined = m.group("all").startswith("و") and 0 <= m.start() - last_end <= 1
        if end > m.end("word") and (joined or _at_lead(folded.text, m)):
            place = _site(text, folded, m.start("word"), end)
            sites.append(places.mention_of(text, folded, m.start("all"), end, place))
            last_end = end
    # A site the gazetteer knows by its whole name is its row ("ساحة التحرير",
    # a square of Baghdad); a town named after the site's word stays beside
    # the site ("سوق قانية": the market, in the town Qaniya).
    sites = [n for n in sites if not any(_named_whole(f, n) for f in found)]
    if not sites:
        return found
    kept = [f for f in found if not any(f.start < n.start < f.end for n in sites)]
    return sorted(kept + sites, key=lambda p: (p.start, -p.end))


def _named_whole(known: PlaceMention, site: PlaceMention) -> bool:
    if not (known.start <= site.start < known.end or site.start <= known.start < site.end):
        return False
    word = fold_word(site.place.ar.split()[0])
    return fold(known.place.ar).text.startswith(word)


def _site(text: str, folded: Folded, start: int, end: int) -> Place:
    """Named as written; in English its name, then what it is: "al-Samk market"."""
    o_start, o_end = folded.span(start, end)
    ar = places.as_written(unmarked(text[o_start:o_end]))  # "#قصر_اليمامة"
    word, _, name = ar.partition(" ")
    kind_en = _sites().english.get(fold_word(word))
    en = f"{places.transliterate(name)} {kind_en}" if name and kind_en else places.transliterate(ar)
    return Place(ar=ar, en=en, kind="site", known=False)


def _site_end(s: str, m: re.Match[str]) -> int:
    """Where a site's name ends: -1 when the words after its opener name none."""
    data = _sites()
    words = list(re.finditer(r"\S+", s[m.end("word") : m.end("word") + 120]))
    end = -1
    for i, w in enumerate(words[: data.max_words]):
        word = w.group(0)
        clean = word.strip(_SITE_MARKS)
        if not clean or clean != word.rstrip(_SITE_MARKS) or word[0] in _SITE_MARKS:
            break  # a mark before the word: the name is over
        number = any(ch.isdigit() for ch in clean)
        if clean in data.stops or (i and _joined_word(clean)) or (number and i == 0):
            break
        if (
            i
            and clean.startswith("ل")
            and not (clean.startswith("لل") and _of_belonging(words[i - 1]))
        ):
            break  # "مستشفى الثورة لمعالجة", "ساحة الشهداء للاحتفال": what it is for
        if i == 0 and (clean in data.not_names or clean.startswith(("ل", "ه"))):
            return -1
        end = m.end("word") + w.start() + len(clean)
        if clean != word or number:
            break  # a mark after it ends the name; a number closes it ("مقر الكتيبة 101")
    if end < 0 or not _a_name(s[m.end("word") : end].split()):
        return -1
    return end


def _of_belonging(w: re.Match[str]) -> bool:
    """An adjective of belonging: "المؤسسة الوطنية للنفط" goes on after it."""
    return w.group(0).strip(_SITE_MARKS).endswith(("يه", "ي"))


def _joined_word(word: str) -> bool:
    """A word with "و", "ف" or a "ب" of place glued to it goes on the sentence,
    not the name: "ومستشفى", "فدمرته", "بالمدنيين", "بدمشق", "بنفسه" (not
    "بطرس")."""
    if word.startswith(("و", "ف", "بال")):
        return True
    if word.startswith("ب") and word.endswith(("ه", "ها", "هم")):
        return True  # "مدرسة باركلاند بنفسه": a pronoun's word
    return word.startswith("ب") and any(m.start == 3 for m in places.find_places("في " + word[1:]))


def _a_name(words: list[str]) -> bool:
    """The words after a site's opener name it (sites.yaml)."""
    if any(w.startswith("ال") for w in words[:2]):
        return True
    return any(m.start == 0 for m in places.find_places(words[0]))


_SITE_MARKS = ".,،؛;:!?؟()\"«»“”'-–"


def _at_lead(s: str, m: re.Match[str]) -> bool:
    """Where an event happened: "بمستشفى", "في ساحة", "استهدف مركز"."""
    if m.group("bi"):
        return True
    data = _sites()
    before = re.split(r"[.,،؛;:!?؟()\"«»]", s[max(0, m.start() - 40) : m.start()])[-1].split()
    lead = before[-1].lstrip("و") if before else ""
    if lead in data.leads and lead not in data.not_led_by.get(m.group("word"), ()):
        return True
    words = [w.lstrip("وف") for w in before[-SITE_LEAD_WORDS:]]
    return any(w in data.verbs or (w[1:] in data.verbs and w[0] in "بل") for w in words)


SITE_LEAD_WORDS = 3  # a verb, its subject, then the site: "وهاجم مسلحون مقر"


@dataclass(frozen=True, slots=True)
class _Sites:
    english: dict[str, str]
    leads: frozenset[str]
    verbs: frozenset[str]
    stops: frozenset[str]
    not_names: frozenset[str]
    not_led_by: dict[str, frozenset[str]]
    max_words: int


@lru_cache(maxsize=1)
def _sites() -> _Sites:
    data = load_yaml("sites.yaml")
    return _Sites(
        english={fold_word(w): en for w, en in data["words"].items()},
        leads=frozenset(fold_word(w) for w in data["leads"]),
        verbs=frozenset(fold_word(w) for w in data["verbs"]),
        stops=frozenset(fold_word(w) for w in data["stops"]),
        not_names=frozenset(fold_word(w) for w in data["not_names"]),
        not_led_by={
            fold_word(w): frozenset(fold_word(x) for x in leads)
            for w, leads in data["not_led_by"].items()
        },
        max_words=int(data["max_words"]),
    )


@lru_cache(maxsize=1)
def _site_regex() -> re.Pattern[str]:
    words = "|".join(sorted(_sites().english, key=len, reverse=True))
    return re.compile(rf"{WB_BEFORE}(?P<all>[وف]?(?P<bi>ب)?(?P<word>{words})){WB_AFTER}\s+")
