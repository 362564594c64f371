"""Place names in Arabic news text, found in one regex pass per text.

Every gazetteer spelling (``sitegen/data/gazetteer.csv``) is folded and compiled
once into a single prefix-tree alternation, with the Arabic proclitics in front
(بإدلب، وسراقب، للاذقية) and, optionally, an introducer word (قرية، مدينة، ريف،
مطار، محور…). A scan of a text is one left-to-right walk of that regex; the
small amount of Python per hit decides three things the regex cannot:

* which of several same-spelled places is meant (النيرب: the village near
  Saraqib or Nerab airport at Aleppo) -- the introducer's kinds, then the
  governorate of the neighbour in the same list, then the row order in the file;
* whether a name that is also a common word (الباب "the door", كراتين
  "cartons") stands as a place here -- the ``needs_intro`` column;
* the members of a list after a plural/dual introducer ("قرى الطلحية
  والأربيخ وكراتين"), including names that are not in the gazetteer.

An introducer followed by a name that is not in the gazetteer yields an
unknown place (``known=False``, English by :func:`transliterate`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitegen.extract.lexicon import load_table
from sitegen.extract.normalize import WB_AFTER, WB_BEFORE, Folded, fold, fold_word
from sitegen.model import Place


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # offsets in the ORIGINAL text passed in (via fold().span)
    end: int
    text: str  # as written, including the introducer word if any
    place: Place


# ---------------------------------------------------------------------------
# Introducers. Keys are folded (ة→ه, ى→ي, أ/إ/آ→ا).


@dataclass(frozen=True, slots=True)
class _Intro:
    kinds: tuple[str, ...]  # the kinds it prefers when a spelling is ambiguous
    plural: bool = False  # plural/dual: the words after it are a list of places
    strong: bool = False  # may introduce a name that is not in the gazetteer
    in_name: bool = False  # the word is part of the name itself: "تل خطرة", "جبل X"


_SETTLEMENT = ("village", "town", "city")
_VILLAGE = _Intro(("village", "town"), strong=True)
_VILLAGES = _Intro(("village", "town"), plural=True, strong=True)
_TOWN = _Intro(("town", "village", "city"), strong=True)
_TOWNS = _Intro(("town", "village", "city"), plural=True, strong=True)
_CITY = _Intro(("city", "town", "capital"), strong=True)
_CITIES = _Intro(("city", "town", "capital"), plural=True, strong=True)
# An axis names one or two places side by side ("محور الغدفة أبو دفنة").
_AXIS = _Intro(("axis", "village", "town", "hill", "city"), plural=True, strong=True)
_REGION = _Intro(("region",))
_REGIONS = _Intro(("region",), plural=True)
_AIRPORT = _Intro(("airport", "military-base"), strong=True)
_AIRPORTS = _Intro(("airport", "military-base"), plural=True, strong=True)
# "منطقة إدلب" is the province; "منطقتي قمناس والنيرب" the villages.
_AREA_KINDS = ("village", "town", "region", "city", "plain", "mountain")
_AREA = _Intro(_AREA_KINDS)
_AREAS = _Intro(_AREA_KINDS, plural=True)

INTRODUCERS: dict[str, _Intro] = {
    "قريه": _VILLAGE,
    "قري": _VILLAGES,
    "قريتي": _VILLAGES,
    "بلده": _TOWN,
    "بلدتي": _TOWNS,
    "بلدات": _TOWNS,
    "مدينه": _CITY,
    "مدينتي": _CITIES,
    "مدن": _CITIES,
    "محور": _AXIS,
    "محوري": _AXIS,
    "محاور": _AXIS,
    "ريف": _REGION,
    "ريفي": _REGIONS,
    "محافظه": _REGION,
    "محافظتي": _REGIONS,
    "محافظات": _REGIONS,
    "منطقه": _AREA,
    "منطقتي": _AREAS,
    "مناطق": _AREAS,
    "ناحيه": _Intro(("town", "village")),
    "مطار": _AIRPORT,
    "مطاري": _AIRPORTS,
    "مطارات": _AIRPORTS,
    "معسكر": _Intro(("military-base",), strong=True),
    "معسكرات": _Intro(("military-base",), plural=True, strong=True),
    "قاعده": _Intro(("military-base", "airport")),
    "قاعدتي": _Intro(("military-base", "airport"), plural=True),
    "معبر": _Intro(("crossing",), strong=True),
    "تل": _Intro(("hill", "village"), strong=True, in_name=True),
    "تله": _Intro(("hill", "village"), strong=True, in_name=True),
    "جبل": _Intro(("mountain",), strong=True, in_name=True),
    # Weak on purpose: سهل is also "easy", نهر appears in figures of speech.
    "سهل": _Intro(("plain",)),
    "نهر": _Intro(("river",)),
    "العاصمه": _Intro(("capital", "city")),
    "الريف": _REGION,
}
# These two may carry adjectives before the name: "العاصمة الروسية موسكو",
# "الريف الغربي لحلب". Only nisba adjectives (…ي/…يه), at most two.
_ADJ_INTROS = ("العاصمه", "الريف")

# ---------------------------------------------------------------------------
# Context words (folded).


def _wordset(*lines: str) -> frozenset[str]:
    """Word lists are kept as space-separated lines: easier to read and edit."""
    return frozenset(" ".join(lines).split())


_PREPOSITIONS = _wordset(
    "في من الي علي عن نحو باتجاه تجاه قرب حول داخل بين عبر مع حتي منذ عند",
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي محيط اطراف وسط",
)
_PREP_BEFORE = re.compile(
    r"(?:^|[\s,\"'(])[وف]?(?:" + "|".join(sorted(_PREPOSITIONS)) + r")\s+[\"']?$"
)
# "…التح، بريف إدلب الجنوبي", "…تل مصيطف جنوب شرقي إدلب": a locative after a
# name says it is a place.
_LOCATIVE_AFTER = re.compile(
    r"[\"']?\s*,?\s*(?:في\s+)?[وب]?(?:ريف|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|"
    r"شمالا|جنوبا|شرقا|غربا|قرب|بالقرب|محيط)" + WB_AFTER
)
# Between two members of a list: spaces, commas, dashes, a free-standing و.
_LIST_GAP = re.compile(r"[\s,\-–/]*(?:و\s+)?")
# Before an unknown list member: "X وY" or "X، Y" -- but not "X، وY", which
# in news prose mostly starts a new clause ("محور سراقب، وتدور المعارك").
_LIST_LINK = re.compile(r"[ \t]+و(?=[^\W\d_])|[ \t]*,[ \t]*(?!و)")

# Names inside the names of organisations, operations and newspapers.
_BLOCK_AFTER = re.compile(r"\s+(?:الديار|الوطن|الديمقراطيه|بوست|تايمز|للمصالحه)" + WB_AFTER)
_BLOCK_BEFORE = re.compile(r"(?:درع|عمليه)\s+$")
# Country names that are also the accusative of their adjective: "رتلا عسكريا
# تركيا", "13 جنديا تركيا" (= تركياً, Turkish). After another accusative word
# (ending in ا) they are the adjective, unless that word is itself a place.
_ADJECTIVE_LIKE = frozenset({"تركيا", "روسيا", "سوريا"})
_ACCUSATIVE_BEFORE = re.compile(r"[^\W\d_]+ا\s+$")

# Words that never start (or continue) the name of an unknown place.
_STOP_WORDS = _wordset(
    "في من الي علي عن مع حتي منذ عند لدي بين حول نحو تجاه باتجاه قرب بالقرب داخل ",
    "خارج ضمن عبر خلال بعد قبل اثناء ضد دون لدي ثم او بل قد لم لن لا ما كل بعض ",
    "جميع عده عدد كافه اكثر اقل حوالي قرابه ان انه انها التي الذي الذين هذه هذا ",
    "ذلك تلك هناك هنا حيث كما لكن شمال جنوب شرق غرب شمالي جنوبي شرقي غربي ",
    "الشمالي الجنوبي الشرقي الغربي الشماليه الجنوبيه الشرقيه الغربيه شمالا ",
    "جنوبا شرقا غربا ريف الريف المدينه القريه البلده المنطقه المحافظه المحيطه ",
    "المجاوره المحاذيه الواقعه الخاضعه القريبه البعيده المحاصره المدمره ",
    "المحرره المحتله الحدوديه الاستراتيجيه المذكوره نفسها ذاتها اخري اخر ",
    "الاخري الاخيره الاولي الثانيه واحده تقع يقع تبعد يبلغ تضم شهدت تعرضت ",
    "خفض التصعيد الحدود حدود الجبهه جبهات خطوط اطراف محيط اطار اتجاه وسط ",
    "السوريه السوري التركيه التركي الروسيه الروسي النظام المعارضه الجيش قوات ",
    "الدولي الدوليه العسكري العسكريه الجوي الجويه مدني المعارك معارك الاشتباكات ",
    "اشتباكات الهجمات هجمات القصف قصف المواجهات مواجهات",
) | frozenset(INTRODUCERS)

# Words that take the next word into a place name: "كفر عويد", "خربة أبو X".
_HEAD_WORDS = _wordset(
    "كفر تل تله دير عين خربه ابو ام بيت خان معره معر راس بير بئر مزرعه الشيخ شيخ",
    "قلعه وادي باب جب بني عرب حمام نبع جسر سد جبل سهل حي مخيم ظهر ضهر",
)
_LETTERS = r"[^\W\d_]+"
_UNKNOWN_WORDS = re.compile(_LETTERS + r"(?:[ \t]+" + _LETTERS + r"){0,2}")

# The proclitics و، ف، ب، ل، ك. Lazy, unlike normalize.CLITICS: "لبنان" must be
# read as the name "لبنان" before "ل" + "بنان", and "كفرنبل" before "ك" + "فرنبل".
_CLITICS_LAZY = r"[وف]??[بلك]??"
_NEED = {"": 0, "prep": 1, "1": 2}  # needs_intro column → level


# ---------------------------------------------------------------------------
# Gazetteer loading and compilation (once per process).


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    need: int  # 0 free; 1 needs a preposition or better; 2 needs an introducer or better
    order: int  # row number: the default among places spelled the same


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    places: tuple[Place, ...]
    by_name: dict[str, tuple[_Entry, ...]]  # folded spelling → candidates
    regex: re.Pattern[str]


def _place(row: dict[str, str]) -> Place:
    lat, lon = row.get("lat", "").strip(), row.get("lon", "").strip()
    return Place(
        ar=row["ar"].strip(),
        en=row["en"].strip(),
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        admin1=row.get("admin1", "").strip(),
        kind=row.get("kind", "").strip(),
    )


def _spellings(row: dict[str, str]) -> list[tuple[str, int]]:
    """Every folded spelling of a row with its needs_intro level."""
    level = _NEED.get(row.get("needs_intro", "").strip(), 0)
    out = [(fold_word(row["ar"]), level)]
    for variant in row.get("variants", "").split("|"):
        variant = variant.strip()
        if not variant:
            continue
        own = {"!": 2, "?": 1}.get(variant[0])
        out.append((fold_word(variant.lstrip("!?")), level if own is None else own))
    return out


def _article_forms(name: str) -> list[str]:
    """A name with ال also appears as "ل" + stem after the preposition ل:
    "للنيرب" = ل + لنيرب, "للاذقيه" = للاذقيه."""
    if name.startswith("ال") and len(name) > 3:
        return [name, "ل" + name[2:]]
    return [name]


def _trie_regex(words: list[str]) -> str:
    """One alternation for many literals, factored by common prefix, so the
    engine never tries hundreds of branches at a position. Longer continuations
    come before the end of a word, so the longest name wins and shorter ones are
    still tried if the longest fails the word boundary."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + walk(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return walk(trie)


def _compile(names: list[str]) -> re.Pattern[str]:
    intro_words = _trie_regex(list(INTRODUCERS))
    adjectives = r"(?:\s+ال" + _LETTERS + r"يه?" + r"){0,2}"
    intro = (
        r"[وف]?[بلك]?(?P<intro>(?:"
        + "|".join(_ADJ_INTROS)
        + ")"
        + adjectives
        + "|"
        + intro_words
        + r")\s+"
    )
    strong = [w for w, i in INTRODUCERS.items() if i.strong]
    known = rf"(?:{intro})?(?P<cl>{_CLITICS_LAZY})(?P<name>{_trie_regex(names)}){WB_AFTER}"
    unknown = rf"[وف]?[بلك]?(?P<uintro>{_trie_regex(strong)})[ \t]+(?P<unk>{_LETTERS}){WB_AFTER}"
    return re.compile(rf"{WB_BEFORE}(?:{known}|{unknown})")


@lru_cache(maxsize=1)
def _load() -> _Gazetteer:
    places: list[Place] = []
    by_name: dict[str, list[_Entry]] = {}
    for order, row in enumerate(load_table("gazetteer.csv")):
        place = _place(row)
        places.append(place)
        for name, need in _spellings(row):
            for form in _article_forms(name):
                entries = by_name.setdefault(form, [])
                if all(e.place != place for e in entries):
                    entries.append(_Entry(place, need, order))
    names = sorted(by_name, key=len, reverse=True)
    frozen = {k: tuple(v) for k, v in by_name.items()}
    return _Gazetteer(tuple(places), frozen, _compile(names))


def gazetteer() -> tuple[Place, ...]:
    """All known places, in file order (for indexes and maps)."""
    return _load().places


# ---------------------------------------------------------------------------
# Scanning.


@dataclass(frozen=True, slots=True)
class _Last:
    """What the previous mention leaves behind for the one after it."""

    end: int  # folded offset
    intro: _Intro | None  # its own or inherited introducer
    admin1: str


def find_places(text: str) -> list[PlaceMention]:
    """Place mentions in ``text``: non-overlapping, in text order."""
    gz = _load()
    folded = fold(text)
    s = folded.text
    out: list[PlaceMention] = []
    last: _Last | None = None
    pos = 0
    while pos < len(s):
        m = gz.regex.search(s, pos)
        unknown = _list_member(s, pos, last, m.start() if m else len(s))
        if unknown is not None:
            mention, last = _unknown_mention(text, folded, unknown, last)
            out.append(mention)
            pos = unknown[1]
            continue
        if m is None:
            break
        hit = _known(m, text, folded, last, gz) if m.group("name") else None
        if hit is None and m.group("uintro"):
            hit = _introduced_unknown(m, text, folded)
        if hit is None:
            pos = m.end("intro") if m.group("intro") else m.start() + 1
            continue
        mention, last = hit
        out.append(mention)
        pos = m.end()
    return out


def _known(
    m: re.Match[str], text: str, folded: Folded, last: _Last | None, gz: _Gazetteer
) -> tuple[PlaceMention, _Last] | None:
    s = folded.text
    name = re.sub(r"\s+", " ", m.group("name"))
    intro_word = _intro_word(m.group("intro"))
    entries = gz.by_name[name]
    # "ريف دمشق", "سهل الغاب": the introducer is part of a gazetteer name.
    whole = f"{intro_word} {name}" if intro_word else ""
    if whole in gz.by_name:
        entries, intro_word = gz.by_name[whole], ""
    intro = INTRODUCERS.get(intro_word) if intro_word else None
    token_start = m.start("cl") if not intro_word else m.start()
    in_list = intro is None and _continues(s, last, token_start)
    if in_list and last is not None:
        intro = last.intro
    if _blocked(text, folded, m.start("name"), m.end("name")):
        return None
    if _adjective(s, m, name, last):
        return None
    level = _context(s, m, introduced=bool(intro_word) or in_list)
    hint = last.admin1 if in_list and last is not None else ""
    entry = _choose(entries, level, intro, hint)
    if entry is None:
        return None
    start = m.start("intro") if m.group("intro") else m.start("name")
    mention = _mention(text, folded, start, m.end("name"), entry.place)
    return mention, _Last(m.end("name"), intro, entry.place.admin1)


def _intro_word(intro: str | None) -> str:
    """The introducer proper: "العاصمه الروسيه" → "العاصمه"."""
    return intro.split()[0] if intro else ""


def _continues(s: str, last: _Last | None, start: int) -> bool:
    """Is the token at ``start`` the next member of the previous mention's list?"""
    if last is None or start < last.end:
        return False
    gap = s[last.end : start]
    if not _LIST_GAP.fullmatch(gap):
        return False
    # Bare juxtaposition lists only after an axis: "محور الغدفة أبو دفنة".
    joined = "," in gap or "-" in gap or "–" in gap or "/" in gap or "و" in gap
    attached_wa = s.startswith("و", start) or s.startswith("ف", start)
    return joined or attached_wa or (last.intro is _AXIS)


def _context(s: str, m: re.Match[str], introduced: bool) -> int:
    """The strongest evidence that the name is a place here: 2 introducer, list
    or locative after; 1 a preposition before (or ب/ل attached); 0 none."""
    if introduced or _LOCATIVE_AFTER.match(s, m.end("name")):
        return 2
    clitic = m.group("cl") or ""
    before = s[max(0, m.start("cl") - 24) : m.start("cl")]
    if "ب" in clitic or "ل" in clitic or _PREP_BEFORE.search(before):
        return 1
    return 0


def _choose(
    entries: tuple[_Entry, ...], level: int, intro: _Intro | None, hint: str
) -> _Entry | None:
    """Pick among places spelled the same: allowed here, then the introducer's
    preferred kind, then the neighbour's governorate, then file order."""
    allowed = [e for e in entries if e.need <= level]
    if not allowed:
        return None
    if intro is not None:
        for kind in intro.kinds:
            by_kind = [e for e in allowed if e.place.kind == kind]
            if by_kind:
                allowed = by_kind
                break
    if hint:
        allowed = [e for e in allowed if e.place.admin1 == hint] or allowed
    return min(allowed, key=lambda e: e.order)


def _blocked(text: str, folded: Folded, start: int, end: int) -> bool:
    s = folded.text
    if _BLOCK_AFTER.match(s, end) or _BLOCK_BEFORE.search(s[max(0, start - 12) : start]):
        return True
    # An indefinite accusative (tanween fath) is an adverb, not a place:
    # "دوماً" (always) folds to "دوما" (Douma).
    o_start, o_end = folded.span(start, end)
    return "\u064b" in text[o_start : o_end + 1]


def _adjective(s: str, m: re.Match[str], name: str, last: _Last | None) -> bool:
    if name not in _ADJECTIVE_LIKE or m.group("cl") or m.group("intro"):
        return False
    before = s[max(0, m.start("name") - 30) : m.start("name")]
    after_place = last is not None and not s[last.end : m.start("name")].strip()
    return bool(_ACCUSATIVE_BEFORE.search(before)) and not after_place


def _mention(text: str, folded: Folded, start: int, end: int, place: Place) -> PlaceMention:
    o_start, o_end = folded.span(start, end)
    return PlaceMention(o_start, o_end, text[o_start:o_end], place)


# ---------------------------------------------------------------------------
# Unknown names.


def _introduced_unknown(
    m: re.Match[str], text: str, folded: Folded
) -> tuple[PlaceMention, _Last] | None:
    intro = INTRODUCERS[m.group("uintro")]
    span = _unknown_span(folded.text, m.start("unk"))
    if span is None:
        return None
    start = m.start("uintro") if intro.in_name else span[0]
    place = _unknown_place(text, folded, start, span[1], intro)
    mention = _mention(text, folded, m.start("uintro"), span[1], place)
    return mention, _Last(span[1], intro, "")


def _list_member(s: str, pos: int, last: _Last | None, limit: int) -> tuple[int, int] | None:
    """An unknown name continuing a list after a plural introducer, before the
    next gazetteer hit: "قرى الطلحية وكفرعين" → كفرعين."""
    if last is None or last.intro is None or not last.intro.strong or pos != last.end:
        return None
    if not last.intro.plural:
        return None
    link = _LIST_LINK.match(s, pos)
    if link is None or last.intro is _AXIS:
        return None
    start = link.end()
    if start >= limit:  # the next member is in the gazetteer
        return None
    # The span may run over a gazetteer name after a head word: "ومعرة الصين".
    return _unknown_span(s, start)


def _unknown_mention(
    text: str, folded: Folded, span: tuple[int, int], last: _Last | None
) -> tuple[PlaceMention, _Last]:
    assert last is not None and last.intro is not None
    place = _unknown_place(text, folded, span[0], span[1], last.intro)
    return _mention(text, folded, span[0], span[1], place), _Last(span[1], last.intro, "")


def _unknown_span(s: str, start: int) -> tuple[int, int] | None:
    """1-3 words from ``start`` that can be a place name, or None."""
    m = _UNKNOWN_WORDS.match(s, start)
    if m is None:
        return None
    words = m.group(0).split()
    if not _name_word(words[0], first=True):
        return None
    taken = [words[0]]
    while len(taken) < len(words) and taken[-1] in _HEAD_WORDS:
        nxt = words[len(taken)]
        if not _name_word(nxt, first=False):
            break
        taken.append(nxt)
    if taken[-1] in _HEAD_WORDS and len(taken) == 1:
        return None  # "قرية كفر" with nothing after: not a name
    # Find the end on the text itself: the spaces between words may be wider.
    ends = [w.end() for w in re.finditer(_LETTERS, s[start : m.end()])]
    return start, start + ends[len(taken) - 1]


def _name_word(word: str, first: bool) -> bool:
    if len(word) < 2 or (word in _STOP_WORDS and word not in _HEAD_WORDS):
        return False
    # A clitic on a stop word: "بريف", "والتي", "لمدينه".
    if word[0] in "وفبلك" and word[1:] in _STOP_WORDS:
        return False
    # A conjunction starts the next list member, not the rest of this name.
    return first or not word.startswith("و") or word.startswith("وادي")


def _unknown_place(text: str, folded: Folded, start: int, end: int, intro: _Intro) -> Place:
    o_start, o_end = folded.span(start, end)
    ar = text[o_start:o_end]
    return Place(ar=ar, en=transliterate(ar), kind=intro.kinds[0], known=False)


# ---------------------------------------------------------------------------
# Transliteration.

_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ئ": "", "ؤ": "", "ة": "a", "ى": "a",
}  # fmt: skip
# Words with a settled spelling in news English.
_WORDS = {
    "كفر": "Kafr", "تل": "Tal", "تله": "Tallat", "جبل": "Jabal", "خربه": "Khirbet",
    "ابو": "Abu", "ام": "Umm", "دير": "Deir", "عين": "Ain", "معره": "Maarat",
    "بيت": "Beit", "خان": "Khan", "راس": "Ras", "بير": "Bir", "قلعه": "Qalaat",
    "وادي": "Wadi", "مزرعه": "Mazraat", "جسر": "Jisr", "الشيخ": "al-Sheikh",
    "شيخ": "Sheikh", "سهل": "Sahl", "نهر": "Nahr", "حي": "Hay", "مخيم": "Mukhayyam",
    "باب": "Bab", "تلال": "Tilal",
}  # fmt: skip
_VOWELS = set("aeiou")


def transliterate(ar: str) -> str:
    """A rough Latin spelling of an Arabic name ("تل الكرامة" → "Tal al-Karama").

    Good enough to label a place that is not in the gazetteer; not a standard
    romanisation (short vowels are not written in Arabic, so they are guessed).
    """
    # Not fold(): it turns ة into ه, and the ending -a must survive.
    plain = re.sub("[\u064b-\u0652\u0670\u0640]", "", ar)
    plain = re.sub("[أإآٱ]", "ا", plain)
    return " ".join(_word(w) for w in plain.split())


def _word(word: str) -> str:
    key = fold_word(word)
    if key in _WORDS:
        return _WORDS[key]
    if word.startswith("ال") and len(word) > 3:
        return "al-" + _word(word[2:])
    if word.endswith(("ية", "يه")) and len(word) > 3:  # the nisba ending: Talhiya
        return (_letters(word[:-2]) + "iya").capitalize()
    return _letters(word).capitalize()


def _letters(word: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        prev_vowel = not out or out[-1][-1:] in _VOWELS
        if ch in "وي" and i > 0 and not prev_vowel and i + 1 < len(word):
            out.append("u" if ch == "و" else "i")  # a long vowel between consonants
        elif ch == "ي" and i == len(word) - 1 and i > 0:
            out.append("i")
        else:
            out.append(_LATIN.get(ch, ch))
        # Two consonants at the start of a word: Arabic has a vowel between.
        if i == 0 and len(word) > 1 and word[1] not in "اويه" and out[-1][-1:] not in _VOWELS:
            out.append("a")
    return "".join(out)
