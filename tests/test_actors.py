"""Actors, attribution, victims and their data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.extract.actors import (
    actor,
    affiliations,
    all_actors,
    find_actors,
    find_attribution,
    phrase_regex,
)
from sitegen.extract.lexicon import load_yaml
from sitegen.extract.normalize import fold_word
from sitegen.extract.victims import all_victim_groups, find_victims

from .conftest import Shared

ROOT = Path(__file__).resolve().parents[1]


def seed(name: str) -> str:
    return next((ROOT / "seeds").glob(f"{name}_*.txt")).read_text(encoding="utf-8")


# --- who reports ------------------------------------------------------------

# (sentence, expected English name; "ar:<words>" for an ad-hoc speaker; None).
ATTRIBUTION: list[tuple[str, str | None]] = [
    (
        "وفقًا لمركز المصالحة الروسي في سوريا ، قام المقاتلون باختراق دفاعات",
        "Russian Reconciliation Center",
    ),
    (
        "قال مركز المصالحة الروسي في سوريا في بيان إن طائرات شنت غارات",
        "Russian Reconciliation Center",
    ),
    (
        "في غضون ذلك ، ذكرت وزارة الدفاع التركية أن جنديين تركيين قتلا",
        "Turkish Ministry of Defence",
    ),
    ("أعلنت روسيا عن مقتل 8 عناصر من قوات الأسد", "Russia"),
    (
        "وأفاد المرصد السوري لحقوق الإنسان بأن رتلا عسكريا تركيا دخل إدلب",
        "Syrian Observatory for Human Rights",
    ),
    ("وأكدت المصادر أن الفصائل دمرت دبابة لجيش النظام", "Local sources"),
    ("وأفادت مصادر محلية ، إن فصائل المعارضة تهاجم", "Local sources"),
    (
        "ما أدى إلى مقتل عشرات المدنيين، حسبما وثقت فرق “الدفاع المدني” العاملة في المنطقة",
        "Syrian Civil Defence",
    ),
    (
        "يواصل الجيش السوري عملياته العسكرية في إدلب، وفق المرصد السوري لحقوق الإنسان",
        "Syrian Observatory for Human Rights",
    ),
    ("أدت المعارك إلى نزوح أكثر من 800 ألف شخص، بحسب الأمم المتحدة.", "United Nations"),
    ("ذكرت بلومبرج نقلاً عن مسؤول تركي كبير أن أنقرة طلبت بطاريتي دفاع جوي", "Bloomberg"),
    ("ووفقا لبلومبرج ، طلبت تركيا من الولايات المتحدة نشر البطاريات", "Bloomberg"),
    ("صرح الرئيس التركي رجب طيب أردوغان أن أنقرة غير راضية", "Recep Tayyip Erdogan"),
    ("وقال الكرملين في بيان إن الجنود الأتراك قتلوا", "the Kremlin"),
    ("وذكرت الرئاسة التركية أن أردوغان أجرى اتصالا", "Turkish Presidency"),
    ("أكد رئيس دائرة الاتصال بالرئاسة التركية فخر الدين ألطون أن الرئيس", "Fahrettin Altun"),
    (
        "وأعلن المتحدث باسم الخارجية التركية أن الوفد الروسي سيغادر أنقرة",
        "Turkish Foreign Ministry",
    ),
    ("أكد مقاتلون من المعارضة السورية المسلحة، أن إمدادات أسلحة", "Opposition factions"),
    ("وشددت الدفاع الروسية على أن هذه المزاعم", "Russian Ministry of Defence"),
    ("يذكر أن وزارة الدفاع الروسية أعلنت عن مقتل 47 عنصراً", "Russian Ministry of Defence"),
    ("فصائل المعارضة المسلحة تحدثت عن استقدام تعزيزات عسكرية", "Opposition factions"),
    (
        "وقال مدير “مركز إدلب الإعلامي”، عبيدة الفاضل، لـ “السورية نت”، إن فصائل",
        "Idlib Media Center",
    ),
    ("واعتبر نائب الرئيس التركي، فؤاد أوقطاي، السبت، أن أنقرة أوفت", "Fuat Oktay"),
    ("وأكد لافروف أنه لا يمكن التسامح مع وجود المتشددين", "Sergey Lavrov"),
    ("وتقول أنقرة إنها ترمي إلى تعزيز نقاط المراقبة", "Turkey"),
    ("وقالت الرسالة: القوات السورية دمرت دبابة", "ar:الرسالة"),
    (
        "حسبما صرح الرئيس الدوري السفير البلجيكي مارك بيكستين الذي قال",
        "ar:الرئيس الدوري السفير البلجيكي",
    ),
    ('وقال ناجي مصطفى "هذه القوات الخاصة الروسية الآن متواجدة في الميدان"', "ar:ناجي مصطفى"),
    # the day of the saying is no part of the speaker's name
    ("قال الجيش الإسرائيلي الثلاثاء إن قذائف سقطت جنوبي إسرائيل", "ar:الجيش الإسرائيلي"),
    ("قالت وزارة الصحة الفلسطينية يوم الجمعة إن ثلاثة قتلوا", "ar:وزارة الصحة الفلسطينية"),
    ("وذكر أن تركيا نقلت موقفها إلى روسيا، بشأن إدلب خلال المحادثات.", None),
    ("كما وقع هجوم آخر على محور الغدفة أبو دفنة", None),
    # a dash closes the aside the speaker stands in
    ("قتل عشرون شخصا كانوا - بحسب تقارير - يحضرون حفل زفاف", "ar:تقارير"),
    ("وأودت غاراته - كما تقول رويترز - إلى قتل مئات المدنيين", "Reuters"),
]


def _name(mention: object) -> str | None:
    if mention is None:
        return None
    a = mention.actor  # type: ignore[attr-defined]
    return a.en or "ar:" + a.ar


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTION)
def test_attribution(sentence: str, expected: str | None) -> None:
    assert _name(find_attribution(sentence)) == expected


def test_attribution_span_is_in_the_sentence() -> None:
    sentence = "وفقًا لمركز المصالحة الروسي في سوريا ، قام المقاتلون"
    m = find_attribution(sentence)
    assert m is not None
    assert sentence[m.start : m.end] == m.text == "مركز المصالحة الروسي"


# With the article as context: anaphors and states resolve to what it names.
IN_CONTEXT: list[tuple[str, str, str]] = [
    (
        "000",
        "وأضاف المركز أيضًا أن أربعة جنود سوريين أصيبوا جراء المدفعية التركية.",
        "Russian Reconciliation Center",
    ),
    (
        "000",
        "وأضافت الوزارة أنه تم تدمير أكثر من 50 من عناصر النظام السوري",
        "Turkish Ministry of Defence",
    ),
    (
        "004",
        "أعلنت روسيا عن مقتل 8 عناصر من قوات الأسد، اليوم الأربعاء",
        "Russian Ministry of Defence",
    ),
    ("003", "وتقول أنقرة إنها ترمي من وراء ذلك إلى تعزيز نقاط المراقبة", "Turkey"),
    (
        "001",
        "وفي العاصمة موسكو، أنهى الرئيس بوتين اجتماعاً لمجلس الأمن القومي بشأن إدلب، "
        "حيث اعتبر المجلس أن التصعيد",
        "the Kremlin",
    ),
]


@pytest.mark.parametrize(("article", "sentence", "expected"), IN_CONTEXT)
def test_attribution_in_context(article: str, sentence: str, expected: str) -> None:
    context = seed(article)
    assert sentence in context
    m = find_attribution(sentence, context)
    assert m is not None and m.actor.en == expected
    assert sentence[m.start : m.end] == m.text


def test_gold_reported_by(shared: Shared) -> None:
    """Every gold reported_by comes out of the sentence holding its cue."""
    for article in shared.seed_gold()["articles"]:
        body = (ROOT / "seeds" / article["file"]).read_text(encoding="utf-8")
        for incident in article["incidents"]:
            if not incident.get("reported_by"):
                continue
            at = body.index(incident["cue"])
            start = body.rfind("\n", 0, at) + 1
            end = body.find("\n", at)
            m = find_attribution(body[start:end], body)
            assert m is not None and m.actor.en == incident["reported_by"], incident["id"]


# --- who is named -----------------------------------------------------------

ACTORS: list[tuple[str, list[str]]] = [
    ("قوات النظام والميليشيات التابعة لها", ["syrian-government", "pro-government-militias"]),
    ("استهدف سلاح الجو السوري مناطق", ["syrian-air-force"]),
    (
        "يواصل الطيران الحربي التابع لنظام الأسد والطيران الروسي",
        ["syrian-air-force", "russian-air-force"],
    ),
    ("بدعم من المدفعية التركية", ["turkish-forces"]),
    ("طائرات “سو 24” الروسية شنت غارات", ["russian-air-force"]),
    (
        "ونشرت الدفاع الروسية بياناً لمركز “حميميم للمصالحة”",
        ["russia-mod", "russian-reconciliation-center"],
    ),
    ("ذكرت وزارة الدفاع الروسية", ["russia-mod"]),
    ("عناصر ينتمون لـ “الحزب التركستاني الإسلامي”", ["turkistan-islamic-party"]),
    (
        "الحزب الإسلامي التركستاني والحزب التركستاني",
        ["turkistan-islamic-party", "turkistan-islamic-party"],
    ),
    ("لقائد جيش العزة والجبهة الوطنية للتحرير", ["jaysh-al-izza", "nlf"]),
    ("وأفاد المرصد", ["sohr"]),
    ("فرق الدفاع المدني والخوذ البيضاء", ["civil-defence", "civil-defence"]),
    ("بحسب الأمم المتحدة ومجلس الأمن الدولي", ["un", "unsc"]),
    ("أنهى اجتماعاً لمجلس الأمن القومي", ["kremlin"]),
    ("بين أنقرة وموسكو", ["turkey", "russia"]),
    ("وإيران والاتحاد الأوروبي والولايات المتحدة", ["iran", "european-union", "united-states"]),
    ("بوتين وأردوغان وترامب ولافروف وأكار", ["putin", "erdogan", "trump", "lavrov", "akar"]),
    ("هيئة تحرير الشام", ["hts"]),
    ("قوات النمر والمسلحين", ["tiger-forces"]),
    ("لوكالة رويترز", ["reuters"]),
    ("إدلب – NPA", ["npa"]),
    ("المقاتلون المدعومون من الأتراك", ["opposition-factions"]),
    ("جنديين تركيين قتلا", ["turkish-forces"]),
]


@pytest.mark.parametrize(("text", "keys"), ACTORS)
def test_find_actors(text: str, keys: list[str]) -> None:
    mentions = find_actors(text)
    assert [m.actor.key for m in mentions] == keys
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_mention_span_excludes_proclitics() -> None:
    (m,) = find_actors("وللجيش السوري")
    assert m.text == "لجيش السوري"  # the article's alef is dropped after ل
    (m,) = find_actors("وبقوات الأسد")
    assert m.text == "قوات الأسد"


def test_affiliations() -> None:
    center = actor("russian-reconciliation-center")
    assert affiliations(center) == ("russia-mod", "russia")
    assert affiliations(actor("oktay")) == ("turkish-presidency", "turkey")


# --- victims ----------------------------------------------------------------

VICTIMS: list[tuple[str, list[tuple[str, str]]]] = [
    ("أربعة جنود سوريين أصيبوا", [("soldiers", "syrian-government")]),
    ("جنديين تركيين قتلا", [("soldiers", "turkish-forces")]),
    ("مقتل 13 جنديا تركيا", [("soldiers", "turkish-forces")]),
    ("مقتل 8 عناصر من قوات الأسد", [("fighters", "syrian-government")]),
    ("تدمير أكثر من 50 من عناصر النظام السوري", [("fighters", "syrian-government")]),
    ("سقط العشرات من جنود النظام", [("soldiers", "syrian-government")]),
    (
        "مجموعة عناصر ينتمون لـ “الحزب التركستاني الإسلامي”",
        [("fighters", "turkistan-islamic-party")],
    ),
    ("استشد 4 مدنيين من عائلة واحدة", [("civilians", "")]),
    ("مقتل عشرات المدنيين", [("civilians", "")]),
    ("مدنيين سوريين", [("civilians", "")]),
    ("مقتل طفلين وامرأة", [("children", ""), ("women", "")]),
    ("فارق شخص الحياة", [("persons", "")]),
    ("مقتل العشرات من جنوده", [("soldiers", "")]),
]


@pytest.mark.parametrize(("text", "expected"), VICTIMS)
def test_find_victims(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_victims(text)
    assert [(v.group, v.actor) for v in found] == expected
    for v in found:
        assert text[v.start : v.end] == v.text


# --- the data files ---------------------------------------------------------

KINDS = {"party", "org", "media", "person"}


@pytest.mark.parametrize(
    ("entry", "text", "matches"),
    [
        ("ألغام", "الالغام", True),  # folded "الألغام": the article before a hamza'd alef
        ("ألغام", "لغام", False),  # "لغام البعير" is a camel's foam
        ("إلقاء", "لقاء", False),  # "للقاء" is to meet, not to throw
        ("الغارة", "الغارة", True),
        ("الغارة", "غاره", False),  # a written article stays required
    ],
)
def test_a_hamzad_alef_is_no_article(entry: str, text: str, matches: bool) -> None:
    pattern = re.compile(phrase_regex(entry, article=True) if matches else phrase_regex(entry))
    assert bool(pattern.fullmatch(fold_word(text))) == matches


def test_every_actor_well_formed() -> None:
    data = load_yaml("actors.yaml")
    for a in all_actors():
        assert a.en and a.ar, a.key
        assert a.side in data["sides"], a.key
        assert a.kind in KINDS, a.key
        assert not a.affiliation or actor(a.affiliation), a.key
        assert data["actors"][a.key]["patterns"], a.key


def test_english_names_unique() -> None:
    names = [a.en for a in all_actors()]
    assert len(names) == len(set(names))


def test_no_pattern_under_two_actors() -> None:
    seen: dict[str, str] = {}
    for key, row in load_yaml("actors.yaml")["actors"].items():
        for pattern in row["patterns"]:
            folded = fold_word(pattern)
            assert seen.get(folded, key) == key, (pattern, key, seen[folded])
            seen[folded] = key


def test_gold_speakers_exist() -> None:
    names = {a.en for a in all_actors()}
    for name in (
        "Russian Reconciliation Center",
        "Turkish Ministry of Defence",
        "Russian Ministry of Defence",
    ):
        assert name in names


def test_victims_data_well_formed() -> None:
    data = load_yaml("victims.yaml")
    for g in all_victim_groups():
        assert g.en and g.en_plural and g.ar and g.ar_plural, g.key
    for key in data["nationalities"]:
        assert actor(key), key
    words = [fold_word(w) for g in data["groups"].values() for w in g["words"]]
    assert len(words) == len(set(words))
