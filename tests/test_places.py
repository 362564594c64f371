"""Place matching (sitegen/extract/places.py) and the gazetteer it reads."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from sitegen.extract.lexicon import load_table
from sitegen.extract.normalize import fold_word
from sitegen.extract.places import PlaceMention, find_places, gazetteer, transliterate

from .conftest import Shared

ROOT = Path(__file__).resolve().parents[1]

# (sentence, the English names found, in order)
CASES: list[tuple[str, list[str]]] = [
    # --- each seed's core places, on the seed's own sentence ---
    ("باختراق دفاعات الجيش السوري في منطقتي قمناس والنيرب.", ["Qminas", "Nayrab"]),
    ("أصيب خمسة آخرون في غارة جوية في إدلب السورية", ["Idlib"]),
    (
        "وتدور المعارك في قرى الطلحية والأربيخ وكراتين بريف إدلب وتخوض معارك شرسة في مدينة سراقب",
        ["Talhiya", "Arbikh", "Kraitin", "Idlib", "Saraqib"],
    ),
    (
        "استهدفت الصواريخ مطاري كويرس والنيرب في حلب ومعسكر جورين في ريف حماة",
        ["Kuweires", "Nerab", "Aleppo", "Jurin", "Hama"],
    ),
    ("4 مدنيين في قصف روسي استهدف قرية بيلون في جبل الزاوية", ["Balyun", "Jabal al-Zawiya"]),
    ("اجتماع انعقد بين الوفدين الروسي والتركي في العاصمة أنقرة", ["Ankara"]),
    ("استهدفت الفصائل صباح اليوم الجمعة مناطق في بلدة محردة", ["Mhardeh"]),
    (
        "مناطق في معرزيتا ومعرة حرمة وكفرسجنة وجسر الشغور غربي وجنوبي إدلب",
        ["Maarzita", "Maarat Hurma", "Kafr Sajna", "Jisr al-Shughur", "Idlib"],
    ),
    ("القصف المدفعي على مناطق في قسطون بسهل الغاب", ["Qastoun", "al-Ghab plain"]),
    ("رتلا عسكريا تركيا مؤلفا من 50 آلية عسكرية دخل إدلب وحلب", ["Idlib", "Aleppo"]),
    ("أدت المعارك في محافظة إدلب منذ ديسمبر 2019", ["Idlib"]),
    ("شنت هجوماً مباغتاً على بلدة خربة عزمارين، في ريف إدلب الغربي", ["Khirbet Azmarin", "Idlib"]),
    ("كما وقع هجوم آخر على محور الغدفة أبو دفنة، شرقي إدلب", ["Ghadfa", "Abu Dafna", "Idlib"]),
    ("إضافة إلى هجوم ثالث على قرية التح، بريف إدلب الجنوبي", ["al-Tah", "Idlib"]),
    (
        "تقدم للمعارضة على محور أبو جريف وتل خطرة وتل مصيطف جنوب شرقي إدلب",
        ["Abu Jreif", "Tal Khatra", "Tal Msaytef", "Idlib"],
    ),
    # --- proclitics and the article ---
    ("وصلت التعزيزات بإدلب", ["Idlib"]),
    ("من حلب وسراقب", ["Aleppo", "Saraqib"]),
    ("الطريق الواصل لإدلب", ["Idlib"]),
    ("اشتباكات بالنيرب", ["Nayrab"]),
    ("عاد النازحون فجسر الشغور", ["Jisr al-Shughur"]),
    ("الطريق من اللاذقية إلى حلب", ["Latakia", "Aleppo"]),
    ("وصل الرتل للاذقية", ["Latakia"]),
    ("ادلب وإدلب وإدلِب", ["Idlib", "Idlib", "Idlib"]),
    ("قصف على معرّة النعمان وكفر نبل", ["Maarat al-Numan", "Kafr Nabl"]),
    ("زار الوفد لبنان", ["Lebanon"]),
    # --- introducers pick the kind and the region ---
    ("ريف حلب الغربي", ["Aleppo"]),
    ("محافظات إدلب وحلب واللاذقية وحماة", ["Idlib", "Aleppo", "Latakia", "Hama"]),
    ("قصف طال مطار حلب الدولي", ["Nerab"]),
    ("غارة على مطار حماة العسكري", ["Hama"]),
    ("بلدات ريف دمشق", ["Rif Dimashq"]),
    ("وصل إلى العاصمة الروسية موسكو", ["Moscow"]),
    ("يواصل الطيران تصعيد القصف على مدن وبلدات الريف الغربي لحلب", ["Aleppo"]),
    ("المعارك في مدينة الباب", ["al-Bab"]),
    ("تقدم على محور سراقب", ["Saraqib"]),
    ("نهر العاصي يمر في سهل الغاب", ["Orontes", "al-Ghab plain"]),
    # --- unknown names after an introducer ---
    ("قصف على قرية كفرعين في ريف إدلب", ["Kafrin", "Idlib"]),
    ("قصف على قرى كفرعين وحزارين ومعرة الصين", ["Kafrin", "Hazarin", "Maarat al-Sin"]),
    ("سيطرت القوات على تل الكرامة قرب سراقب", ["Tal al-Karama", "Saraqib"]),
    ("قرية أبو حبة، في ريف إدلب", ["Abu Haba", "Idlib"]),
    ("اشتباكات في منطقة خفض التصعيد", []),
    ("زار القرية التي دمرت", []),
    ("قصف قرية في ريف إدلب", ["Idlib"]),
    # --- false-positive traps ---
    ("فتح الباب أمام الحل السياسي", []),
    ("التح", []),
    ("قوات سوريا الديمقراطية", []),
    ("أعلن المرصد السوري لحقوق الإنسان", []),
    ("مواجهات سورية تركية", []),
    ("القضاء على الإرهاب في سورية", ["Syria"]),
    ("يا حماة الديار عليكم سلام", []),
    ("تسعى دوماً إلى التهدئة", []),
    ("صفقة بقيمة بليون دولار", []),
    ("نقل الكراتين إلى المستودع", []),
    ("المظاهرات السلمية", []),
    ("الحلبي والحلبية", []),
    ("عملية درع الفرات", []),
    ("أسلحة تركية وقوات برية روسية", []),
    ("العاصمة", []),
    ("مركز حميميم للمصالحة", []),
    # --- ambiguity: the Syrian place wins; kind by context ---
    ("قصف على أريحا", ["Ariha"]),
    ("محادثات في عمان", ["Amman"]),
]


def names(sentence: str) -> list[str]:
    return [m.place.en for m in find_places(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_find_places(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 40


def test_mentions_point_at_the_original_text() -> None:
    text = "وتخوض معارك شرسة في مدينةِ سَراقِب وبإدلب"
    found = find_places(text)
    assert [m.text for m in found] == ["مدينةِ سَراقِب", "إدلب"]
    for m in found:
        assert isinstance(m, PlaceMention)
        assert text[m.start : m.end] == m.text


def test_nayrab_village_and_nerab_airport_are_told_apart() -> None:
    village = find_places("في منطقتي قمناس والنيرب")[1].place
    airport = find_places("مطاري كويرس والنيرب")[1].place
    assert (village.kind, village.admin1) == ("village", "Idlib")
    assert (airport.kind, airport.admin1) == ("airport", "Aleppo")
    assert village.ar == airport.ar == "النيرب"


def test_governorate_and_city_rows() -> None:
    city = find_places("مدينة إدلب")[0].place
    region = find_places("ريف إدلب")[0].place
    bare = find_places("في إدلب")[0].place
    assert city.kind == "city" and region.kind == "region" and bare == city
    assert city.en == region.en == "Idlib"


def test_unknown_place() -> None:
    (m,) = find_places("قصف قرية بيت ياشوط في")
    assert not m.place.known
    assert m.place.ar == "بيت ياشوط"
    assert m.place.en == "Beit Yashut"
    assert m.place.lat is None and m.place.lon is None
    assert m.text == "قرية بيت ياشوط"


def test_unknown_name_stops_at_prepositions_and_conjunctions() -> None:
    found = find_places("قرية كفرعين من جهة الشرق")
    assert [m.place.ar for m in found] == ["كفرعين"]
    found = find_places("بلدة حزارين وقصفت الطائرات")
    assert [m.place.ar for m in found] == ["حزارين"]


def test_known_places_are_from_the_gazetteer() -> None:
    for m in find_places("في قرية بيلون وسراقب والعاصمة أنقرة"):
        assert m.place.known
        assert m.place in gazetteer()


def test_transliterate() -> None:
    assert transliterate("تل الكرامة") == "Tal al-Karama"
    assert transliterate("كفر عويد") == "Kafr Uwayd".replace("Uwayd", transliterate("عويد"))
    assert transliterate("خربة أبو حبة").startswith("Khirbet Abu")
    assert re.fullmatch(r"[A-Za-z' -]+", transliterate("معرة الصين"))


def test_runs_in_one_pass_on_a_long_text() -> None:
    text = (ROOT / "seeds" / "001_a1a39c06a4cbffd7.txt").read_text(encoding="utf-8") * 20
    found = find_places(text)
    assert len(found) > 20 * 20
    ends = [m.end for m in found]
    starts = [m.start for m in found]
    assert all(a <= b for a, b in zip(ends, starts[1:], strict=False))


# --- the seed gold file: every core place is found on its incident's line ---


def _gold_incidents(shared: Shared) -> list[tuple[str, str, list[str], list[str]]]:
    out = []
    for article in shared.seed_gold()["articles"]:
        text = (ROOT / "seeds" / article["file"]).read_text(encoding="utf-8")
        for inc in article["incidents"]:
            if inc.get("core") and inc.get("places"):
                line = next(ln for ln in text.splitlines() if inc["cue"] in ln)
                out.append((inc["id"], line, inc["places"], inc["places_ar"]))
    return out


def _loose(name: str) -> str:
    return re.sub(r"^al|[^a-z]", "", name.lower().replace("al-", ""))


def test_gold_places(shared: Shared) -> None:
    incidents = _gold_incidents(shared)
    assert incidents
    missed = []
    for incident, line, places, places_ar in incidents:
        found = find_places(line)
        found_en = {_loose(m.place.en) for m in found}
        found_ar = {fold_word(m.place.ar) for m in found}
        for en, ar in zip(places, places_ar, strict=True):
            if not (_loose(en) in found_en or fold_word(ar) in found_ar):
                missed.append((incident, en))
    assert not missed


# --- the gazetteer file itself ---

KINDS = {
    "country", "capital", "city", "town", "village", "airport", "military-base", "hill",
    "axis", "mountain", "plain", "region", "river", "crossing",
}  # fmt: skip
SOURCES = {"curated", "geonames", "curated-approx"}
ROWS = load_table("gazetteer.csv")


def test_gazetteer_columns_and_size() -> None:
    header = ["id", "en", "ar", "variants", "kind", "admin1", "lat", "lon", "country"]
    assert list(ROWS[0]) == [*header, "source", "needs_intro"]
    assert len(ROWS) >= 250
    assert len(gazetteer()) == len(ROWS)


def test_gazetteer_ids_unique() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_gazetteer_row(row: dict[str, str]) -> None:
    assert row["en"] and row["ar"]
    assert re.search("[\u0621-\u064a]", row["ar"])
    assert row["kind"] in KINDS
    assert row["source"] in SOURCES
    assert row["needs_intro"] in {"", "1", "prep"}
    assert re.fullmatch(r"[A-Z]{2}", row["country"])
    assert all(v.strip() for v in row["variants"].split("|")) or row["variants"] == ""
    if row["lat"] or row["lon"]:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    if row["country"] == "SY":
        assert row["admin1"] or row["kind"] == "country", "a Syrian place needs its governorate"
        lat, lon = float(row["lat"]), float(row["lon"])
        assert 32.3 <= lat <= 37.4 and 35.6 <= lon <= 42.4, "outside Syria"
    else:
        assert not row["admin1"], "admin1 is for Syrian governorates only"


def test_no_spelling_names_two_places_of_the_same_kind() -> None:
    """Two rows may share a spelling only if their kinds differ, so that an
    introducer (مطار، قرية، ريف…) can tell them apart."""
    owners: dict[str, dict[str, str]] = defaultdict(dict)
    for row in ROWS:
        spellings = [row["ar"], *(v.lstrip("!?") for v in row["variants"].split("|") if v)]
        for spelling in {fold_word(s) for s in spellings}:
            other = owners[spelling].get(row["kind"])
            assert other is None, f"{spelling!r}: {other} and {row['id']} are both {row['kind']}"
            owners[spelling][row["kind"]] = row["id"]
