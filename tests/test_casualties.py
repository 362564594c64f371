from __future__ import annotations

import pytest

from sitegen.extract.casualties import find_casualties, unharmed

# (clause, killed, wounded, displaced, approximate)
CASES = [
    (
        "ذكرت وزارة الدفاع التركية أن جنديين تركيين قتلا ، بينما أصيب خمسة آخرون في غارة جوية",
        2,
        5,
        None,
        False,
    ),
    ("وأضاف المركز أيضًا أن أربعة جنود سوريين أصيبوا جراء المدفعية التركية.", None, 4, None, False),
    ("مشيراً إلى مقتل 3 من قوات الأسد وجرح ثمانية، خلال هذا الهجوم.", 3, 8, None, False),
    ("أدى لمقتل عنصرين اثنين من قوات النظام وجرح 5 آخرين.", 2, 5, None, False),
    ("أعلنت روسيا عن مقتل 8 عناصر من قوات الأسد، اليوم الأربعاء", 8, None, None, False),
    ("فيما استشد 4 مدنيين من عائلة واحدة في قصف روسي استهدف قرية بيلون", 4, None, None, False),
    (
        "وأدت المعارك في محافظة إدلب منذ ديسمبر 2019 إلى نزوح أكثر من 800 ألف شخص",
        None,
        None,
        800000,
        True,
    ),
    ('وأشار أكار إلى "نزوح قرابة 400 ألف شخص" نتيجة الهجمات', None, None, 400000, True),
    # maimed, the UN's word for the children it counts hurt
    ("ذكرت منظمة يونيسيف توثيقها مقتل 53 طفلاً وتشوّه 92 آخرين", 53, 92, None, False),
    # one volunteer, one conscript; a military source is no one
    ("قُتلت متطوعة بريطانية بوحدة حماية المرأة الكردية في سوريا", 1, None, None, False),
    ("أسفرت العمليات عن إصابة مجند أثناء الاشتباكات", None, 1, None, False),
    ('نقلاً عن مصدر عسكري وقوع "شهداء وجرحى جراء العدوان بالصواريخ', None, None, None, False),
    # died of wounds, in the singular, is one death; in the plural, the count
    ("توفي صحفي فلسطيني، الأربعاء، متأثرا بجروح أصيب بها برصاص الجيش", 1, None, None, False),
    ("إن فتى فلسطينياً توفي صباح السبت متأثراً بجروح أصيب بها", 1, None, None, False),
    ("توفي 3 فلسطينيين متأثرين بجروح أصيبوا بها", 3, None, None, False),
    # the noun of death ("وفاة") counts like "مقتل"
    ("وأعلنت الوزارة وفاة الطفل معاذ زياد الصوري إثر إصابته بطلق ناري", 1, None, None, False),
    ("أعلنت وزارة الصحة الفلسطينية وفاة اثنين، جراء القصف الذي وقع شرق رفح", 2, None, None, False),
    # one of those counted before, by a pronoun right after the word
    (
        "واستهدف المهاجم في وقت متأخر من ليل السبت، خمسة أشخاص قتل أحدهم في حين أصيب أربعة آخرين",
        1,
        4,
        None,
        False,
    ),
    ("قام المهاجم بإطلاق النار باتجاه أربعة من رجال الأمن فأصيب أحدهم", None, 1, None, False),
    # one of a group, with the doer between or right before the word
    ("أعدم تنظيم الدولة الإسلامية أحد الرهائن الذين خطفهم", 1, None, None, False),
    ('أعدم تنظيم "الدولة الإسلامية"، أحد الرهائن الذين خطفهم', 1, None, None, False),
    # ... and a singular victim after the comma that closes the doer
    ("كما قتلت ميليشيات الحوثي، امرأة بشظايا صاروخ كاتيوشا", 1, None, None, False),
    ("قتل قناص حوثي، امرأة في قرية آل أحمد", 1, None, None, False),
    ("قتلت الغارات، الجمعة، 5 مدنيين في حلب", 5, None, None, False),
    ("قتل في الغارات، مدنيون في حلب", None, None, None, False),
    ("وأضافت المجموعة أن أحد أعضائها قتل في غارة جوية مزدوجة", 1, None, None, False),
    ("وأصيب في الهجوم أحد عشر جنديا", None, 11, None, False),
    # "one man at least", a protester; the count after the object is the next word's
    ("إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في سلسلة من الغارات", 1, 6, None, False),
    # ... and an age between says nothing of how many
    ("إن فتى فلسطينيا في الخامسة عشرة من العمر قتل بنيران القوات", 1, None, None, False),
    ("وقالت مصادر إن طفلة (3 أعوام) أصيبت بشظايا قذيفة", None, 1, None, False),
    # ... and the words that say who he is, up to the singular verb after "أن"
    (
        "أكدت القوات الأمريكية، الأحد، أن قائد تنظيم داعش في البلاد قتل في هجوم",
        1,
        None,
        None,
        False,
    ),
    (
        "وأضاف الأسير أن عنصرا إيرانيا كان يقاتل في صفوف الميليشيا قتل في وقت سابق",
        1,
        None,
        None,
        False,
    ),
    (
        "تفيد بأن قياديا في جماعة #أبو_سياف تلقى تعليمه في الشرق الأوسط توفي بعد إصابته",
        1,
        None,
        None,
        False,
    ),
    # ... but not a verb with its object (he killed), nor a count between
    ("وقال الجيش إن قائد الكتيبة قتل خمسة مسلحين في اشتباك", 5, None, None, False),
    ("وقال إن قائد الهجوم الذي أوقع 5 قتلى قتل في غارة", 5, None, None, False),
    ("قتل محتج وأصيب 14 في تجدد للاحتجاجات العنيفة بمدينة البصرة", 1, 14, None, False),
    ("وفي دمشق لقي شخص مصرعه وأصيب آخران بعد سقوط قذائف هاون", 1, 2, None, False),
    ("لقي 13 عنصرا من ميليشيات الحوثي الانقلابية مصرعهم", 13, None, None, False),
    # another fate bars the count after the word; "آخر" after it is one more
    ("إن نحو 119 من عناصر الميليشيا قتلوا وتم أسر 17 مسلحا آخر في صعدة", 119, None, None, True),
    ("لقي طفل حتفه وجرح آخر، السبت، في انفجار لغم", 1, 1, None, False),
    ("وفي تطور آخر قتل وأصيب العشرات من المسلحين", None, None, None, True),
    # a singular noun in the accusative is one person; after its count it is not
    ("وقالت وسائل الإعلام إن طفلا قتل وأصيب 15 مدنيا في قصف", 1, 15, None, False),
    ("وقتل 14 شخصا وجرح آخرون في القصف", 14, None, None, False),
    # ... and after a word of where it happened
    ("ووقع الهجوم على القاعدة التي قُتل فيها جندي أميركي مساء الجمعة", 1, None, None, False),
    ("هاجم مسلحون حاجزا في العريش أصيب خلاله شرطي", None, 1, None, False),
    ("الغارة التي قتل فيها جنود وقعت الجمعة", None, None, None, False),
    # inflicting dead: the count right after the word; a site is no toll
    ("وكرر التحالف غاراته على البلدة ذاتها موقعا 14 مدنيا", 14, None, None, False),
    ("وردت الفصائل باستهداف دمشق، موقعة أكثر من 20 مدنيا", 20, None, None, True),
    ("استهدفت ثلاث غارات موقعا عسكريا قرب حماة", None, None, None, False),
    ("استهدفت الطائرات موقعا يضم 30 عنصرا", None, None, None, False),
    # the strikes they died in are no count: the victims before the word are
    ("أن 5 مسلحين من القوات الشعبية السورية قتلوا في ثلاث غارات تركية", 5, None, None, False),
    ("وأصيب مدنيان في أربع قذائف سقطت على الحي", None, 2, None, False),
    # dead and wounded in one count: no toll of either, harm told
    ("وأسفر القصف عن سقوط 15 قتيلا وجريحا في صفوف المدنيين", None, None, None, False),
    ("وقصفت المدفعية البلدة موقعة 70 قتيلا وجريحا", None, None, None, False),
    # one's own and those with him, after a word of his death
    ("يذكر أن إسبر قد اغتيل بتفجير استهدف سيارته وأدى إلى مقتله وسائقه", 2, None, None, False),
    ("لقي مصرعه وزوجته في القصف", 2, None, None, False),
    # the attackers' dead, however far after the first toll, add to it ...
    (
        "مقتل أربعة جنود روس في معركة استمرت نحو ساعة تمكنت من خلالها القوة الروسية"
        " من قتل 43 مسلحا من المهاجمين",
        47,
        None,
        None,
        False,
    ),
    # ... not one of them who wounded
    ("هناك مصاب واحد جرح بعصا كان يحملها واحد من المهاجمين", None, 1, None, False),
    # ... not when they are some of the dead told
    ("ارتفع عدد القتلى إلى 30 شخصا بينهم خمسة من المهاجمين", 30, None, None, False),
    # ... a word or two on, the same: the dead and the wounded together
    ("ارتفعت حصيلة قتلى الهجمات إلى نحو 60 شخصا بين جريح وقتيل", None, None, None, False),
    ("بلغت ما يقارب 350 عنصراً، ما بين قتيل وجريح", None, None, None, False),
    # died of wounds
    ("توفي ثلاثة فلسطينيين متأثرين بجروح أصيبوا بها برصاص الاحتلال الجمعة", 3, None, None, False),
    # driven to flight: the article and the clitics of the displacement word
    ("ودفعت العملية العسكرية أكثر من 320 ألف مدني للنزوح من منازلهم", None, None, 320000, True),
    # fled: "للفرار", "على الهروب"; the towns they fled are no count
    ("قد دفع أكثر من 50 ألف شخص للفرار من ثلاث بلدات باتجاه دوما", None, None, 50000, True),
    ("أن أكثر من 120 ألف شخص أجبروا على الهروب جنوب غربي سوريا", None, None, 120000, True),
    ("فرّ أكثر من 11 ألف شخص بسبب تصعيد العمل العسكري", None, None, 11000, True),
    ("ودفع تقدم القوات أكثر من مئتي ألف مدني إلى الفرار من المدينة", None, None, 200000, True),
    ("سمحت الممرات لقرابة أربعة آلاف شخص بالفرار من المدينة", None, None, 4000, True),
    ("أنه تم تدمير أكثر من 50 من عناصر النظام السوري", 50, None, None, True),
    ("أعلن الجيش المصري القضاء على 13 من العناصر التكفيرية المسلحة", 13, None, None, False),
    ("كما قتلت مسعفة تبلغ من العمر 21 عاما في حزيران", 1, None, None, False),
    # a figure glued to the word, as the news sometimes prints it
    ("وقبل أيام قتل45  مسلحا مواليا للنظام", 45, None, None, False),
    # right after the word, a singular noun with its article is one person too;
    # before it, "الدفاع المدني" is no victim
    ("وأكدت الوحدات مصرع المقاتلة البريطانية في 15 مارس", 1, None, None, False),
    ("اعتقلت السلطات المشتبه به بقتل العاملة الفلبينية في الكويت", 1, None, None, False),
    # ... and after the day it happened
    ("وقتل الخميس جندي تركي في هجوم", 1, None, None, False),
    ("أعلن الدفاع المدني مقتل عدد من الأشخاص", None, None, None, False),
    (
        "حيث بلغ عدد قتلى قوات النظام نتيجة القصف التركي وهجمات فصائل المعارضة أكثر من 60 عنصراً",
        60,
        None,
        None,
        True,
    ),
    ("ما أدى إلى مقتل عشرات المدنيين، حسبما وثقت فرق الدفاع المدني", None, None, None, True),
    ("فيما فارق شخص الحياة متأثراً بجراحه التي أصيب بها جراء القصف", 1, None, None, False),
    ("بعد مقتل 13 جنديا تركيا في الأسبوعين الماضيين.", 13, None, None, False),
    ("قُتل خمسة وعشرون مدنياً وجُرح العشرات", 25, None, None, True),
    ("مقتل ١٢ مدنياً وإصابة ٣٠ آخرين في قصف", 12, 30, None, False),
    # Counts of things, or of a unit, are not casualties.
    (
        "وأضاف البيان أن المجموعة مكونة من 30 عنصراً، تدعمهم 4 شاحنات مسلحة، شنت هجوماً",
        None,
        None,
        None,
        False,
    ),
    ("دخل رتل عسكري مؤلف من 50 آلية عسكرية", None, None, None, False),
    ("دمرت القوات دبابة وست مركبات", None, None, None, False),
    ("كما ذكر أنه تم تدمير 386 وكر ومخزن وخندق بمناطق العمليات", None, None, None, False),
    ("تم تدمير والتحفظ على 26 عربة و25 دراجة نارية", None, None, None, False),
    ("قتل 3 مزارعين في قصف", 3, None, None, False),
    ("وأفاد البيان أنه تم تدمير أكثر من 50 من عناصر النظام", 50, None, None, True),
    # A part and its whole: the toll is the whole, never a sum.
    ("قتل سبعة إيرانيين من بين 14 شخصاً في الغارة", 14, None, None, False),
    ("قتل 40 شخصاً، من بين القتلى 18 عنصراً من الميليشيات الإيرانية", 40, None, None, False),
    ("ومن بين القتلى 18 عنصراً من الميليشيات الإيرانية", None, None, None, False),
    ("مقتل 8 عناصر بينهم 3 ضباط", 8, None, None, False),
    ("لقي 26 مدنيا على الأقل، بينهم 11 طفلا مصرعهم الجمعة", 26, None, None, True),
    # the toll's noun phrase may run a few words before "بينهم" ("واحدة" is no toll)
    ("إن 12 مدنيا على الأقل من عائلة واحدة بينهم 4 أطفال قتلوا في قصف", 12, None, None, True),
    ("أن 14 شخصا أصيبوا بجروح بينهم اثنان في حالة خطيرة، جراء هجوم", None, 14, None, False),
    # "of them": the dead of a larger group, not a part of a toll
    ("يحارب أكثر من مئة مقدوني في سوريا والعراق قُتل منهم نحو عشرين", 20, None, None, True),
    # a day or a source set off by commas stands between the word and its count
    ("وقتل الخميس، أيضا وفق المرصد، 8 مدنيين بينهم 3 أطفال في قصف", 8, None, None, False),
    ("أصيب، السبت، 4 مدنيين بقصف على إدلب", None, 4, None, False),
    ("قتل، على الأقل، 5 مدنيين في القصف", 5, None, None, True),
    (
        "إن مجموع المدنيين الذين قتلوا في الغوطة الشرقية ارتفع إلى 1181 شخصا",
        1181,
        None,
        None,
        False,
    ),
    # a tally's count is no day of a month
    (
        "يرتفع عدد الذين قتلوا منذ اندلاع الاحتجاجات في 30 آذار/مارس الماضي إلى 36 فلسطينيا",
        36,
        None,
        None,
        False,
    ),
    # "لقي … مصرعهم": the count opening the subject, however long the subject
    ("لقي 13 عنصرا من ميليشيات الحوثي الانقلابية مصرعهم", 13, None, None, False),
    ("لقي خمسة أشخاص، من بينهم ثلاثة أطفال وامرأة، مصرعهم", 5, None, None, False),
    ("لقي الجمعة فلسطينيان بينهما فتى يبلغ من العمر نحو 13 عاما، حتفهم", 2, None, None, False),
    # a plural verb closing its subject counts the number opening it
    ("وكان 70 عنصرا من الميليشيات الموالية لإيران قد قتلوا في غارات", 70, None, None, False),
    ("إن 23 مدنيا على الأقل، بينهم نساء وأطفال، قد قتلوا في الهجوم", 23, None, None, True),
    ("قتل في محافظة الحديدة منذ 13 حزيران، عشرات قتلوا", None, None, None, True),
    # a woman activist named by her title is one person
    ("وأظهر مقطع فيديو لحظة مقتل الناشطة في منطقة العباسية", 1, None, None, False),
    # "25 من الشهر الجاري" is a day of the month, not 25 killed: the activist
    # named after it is one
    ("كما قتلت في 25 من الشهر الجاري، الناشطة سعاد العلي بإطلاق نار", 1, None, None, False),
    ("رفات جنديين يعتقد إنهما قتلا في حرب 2014 على غزة", 2, None, None, False),
    ("وأفادت التقارير أن الطيارين قتلا وهما يحاولان إنقاذ الطائرة", 2, None, None, False),
    ("تمكن الطياران من القفز، حيث لقي أحدهما مصرعهما بالرصاص", 1, None, None, False),
    # ... and "كا-29" is a model, not 29 ("طيارين" may be two or more, and
    # "قتلا" also the noun: no count)
    ("وقال البيان إن طاقم المروحية كا-29 يضم طيارين وقد قتلا", None, None, None, False),
    # a dual of time or of things counts no one: "قبل أسبوعين" is no toll
    ("إطلاق نار في مدرسة أوقع 17 قتيلا قبل أسبوعين", 17, None, None, False),
    ("وقتل في الهجومين 16 شخصا", 16, None, None, False),
    # a man and his daughter are two, not her age (not counted yet: no figure at all)
    ("لقي رجل وابنته البالغة من العمر 11 عاما حتفهم", None, None, None, False),
    # one dead, then the count of the wounded after "و": not five dead
    ("بعد أسبوع على اعتداء بالسكين أوقع قتيلاً وخمسة جرحى في باريس", 1, 5, None, False),
    ("ما أوقع قتيلا و3 جرحى", 1, 3, None, False),
    ('وقال المسؤول إن "الحصيلة قتيل و37 جريحا"', 1, 37, None, False),
    # ... though a count right before it is its own
    ("أسفر الهجوم عن 23 قتيلا و40 جريحا", 23, 40, None, False),
    # ... one with no count after it, or the next word's count after it
    ("إن حادث طعن في باريس أسفر عن سقوط قتيل وإصابة 5 آخرين", 1, 5, None, False),
    ("أسفر القصف عن سقوط قتيل في مدينة تعز", 1, None, None, False),
    ("وكان بابتشينكو قد أردي قتيلا بإطلاق النار عليه خارج سكنه", 1, None, None, False),
    # ... but none at all, more than one, any; and not a state or a wounded man
    ("انفجرت عبوة في بغداد دون سقوط أي قتيل", None, None, None, False),
    ("انفجرت عبوة في بغداد لكنها لم تسفر عن سقوط قتيل", None, None, None, False),
    ("وأوقع الانفجار أكثر من قتيل", None, None, None, False),
    ("وكما استلمنا اليمن جريحا سيسلمه التحالف لشعبه متعافيا", None, None, None, False),
    ("أن يحتسب نفسه كمن يضحي ويقدم شهيدا أو جريحا", None, None, None, False),
    # A misspelling seen in the news (as استشد for استشهد).
    ("قتل 3 وأصيب 12 جريجا في القصف", 3, 12, None, False),
    # Killed or wounded, no number: no figure (see test_unnumbered).
    ("قتل وأصيب عدد من المدنيين في القصف", None, None, None, False),
    # ... nor "others" after a count of those taken: the four are captives
    ("أسفرت عن أسر 4 حوثيين وقتل وجرح عناصر أخرى", None, None, None, False),
    ("أسفرت العملية عن أسر 4 حوثيين ومقتل آخرين", None, None, None, False),
    ("أسفرت الحملة عن اعتقال 12 شخصا وإصابة آخرين", None, None, None, False),
    # (the dead counted, then others wounded: the count stays the dead's)
    ("قتل 4 جنود وأصيب آخرون في هجوم", 4, None, None, False),
    ("وكان 5 أشخاص قتلوا وأصيب آخرون في الهجوم", 5, None, None, False),
    ("تسبب بارتقاء 3 شهداء وإصابة اثنين آخرين بجراح", 3, 2, None, False),
    ("فيما يعيش ستة ملايين نازح آخرين داخل البلاد", None, None, 6_000_000, False),
    # the masdar "مصرع" counts like "مقتل"; a casualty word with a one-person
    # pronoun, or a singular victim noun beside it, is one
    ("وأسفرت الغارات التركية على المدينة عن مصرع خمسة مقاتلين على الأقل", 5, None, None, True),
    ("وكان أحد المسلحين قد لقي مصرعه في الاشتباك", 1, None, None, False),
    ("توفي متأثرا بجراحه التي أصيب بها أمس", 1, None, None, False),
    ("لقي ثلاثة أشخاص مصرعهم في القصف", 3, None, None, False),
    ("في حادث مقتل عاملة منزل فلبينية في الكويت", 1, None, None, False),
    # workers are people ("عام", a year, is a word of its own)
    ("أكدت الهند مقتل 39 عامل بناء، كان التنظيم قد اختطفهم", 39, None, None, False),
    ("لقي طفل فلسطيني (15 عاما) مصرعه اليوم السبت", 1, None, None, False),
    ("وكان معه رجلان آخران، في سن 33، و38 عاما، وقد أصيبا بجروح خطيرة", None, 2, None, False),
    ("وتوفي الرضيع علي وعمره 18 شهراً", 1, None, None, False),
    # ... and the first of a list of ages
    ("وقالت التقارير إن أعمار الرجال الذين لقوا حتفهم هي 18 و20 و29 عاما", None, None, None, False),
    ("قتل 5 و3 آخرون في القصف", 5, None, None, False),
    # a name with its age is one person, as a name with a title is
    ("وقُتلت رزان النجار، 21 عاما، بالرصاص أثناء ركضها تجاه الجدار الحدودي", 1, None, None, False),
    ("مقطع فيديو للحظة مقتل عبد الفتاح عبد النبي (19 عاماً) في قطاع غزة", 1, None, None, False),
    (
        "وقد قتل سالم محمد صباح 17 عاماً، وعبد الله أيمن الرميلات، 15 عاماً، ليلة السبت",
        2,
        None,
        None,
        False,
    ),
    ("وكان قد قتل قبل 20 عاما في غارة", None, None, None, False),
    # ... and a singular noun opening "كان … قد", or an employee, an Israeli
    ("وكان موظف باللجنة يحمل الجنسية اللبنانية قد قُتل على أيدي مسلحين", 1, None, None, False),
    ("وكانت طفلة قد أصيبت بجروح في قصف على دوما", None, 1, None, False),
    ("وكان مسلح قد قتل 3 أشخاص في هجوم على كنيسة", 3, None, None, False),
    (
        "ليس من الواضح ما إذا كان عامل الاستقبال في المدرسة قد أصيب بالنيران",
        None,
        None,
        None,
        False,
    ),
    ("التي شهدت مقتل إسرائيلي طعنا، الخميس", 1, None, None, False),
    ("أسفر سقوط إحدى الشظايا عن مقتل مقيم مصري وإصابة مصريين اثنين", 1, 2, None, False),
    # one person and others not counted: at least two; a victim noun belongs
    # to the casualty word before it, not to the one after ("and others wounded")
    ("أن القيادي الحوثي علي القيز لقي مصرعه، وعدد من مرافقيه في مواجهات", 2, None, None, True),
    # ... "with" them, as with a count of them ("مع 6 من مرافقيه")
    ("لقي القيادي المكنى أبو الفضل، مصرعه مع عدد من مرافقيه بغارات", 2, None, None, True),
    ("وأكدت مصادر عسكرية مقتل قيادي حوثي مع مرافقيه، في غارة جوية", 2, None, None, True),
    ("لقي المدعو عيد راجحي مصرعه مع شقيقه وعناصر حوثية أخرى بانفجار لغم", 2, None, None, True),
    # ... but not others of another harm: the one killed is counted
    ("لقي جندي مصرعه وعدد من الجرحى في هجوم", 1, None, None, False),
    # ... not others met in a fight
    ("قتل جندي في اشتباكات مع عدد من المسلحين", 1, None, None, False),
    ("لقي جندي مصرعه في اشتباك مع عناصر من داعش", 1, None, None, False),
    (
        "عن مقتل قيادي ميداني بارز في #ميليشيات_الحوثي ومعه آخرون، خلال المعارك",
        2,
        None,
        None,
        True,
    ),
    ("قتل القيادي الحوثي أبو مجد وآخرون، في جبهة قانية", 2, None, None, True),
    ("قتل جندي وأصيب آخرون في الهجوم", 1, None, None, False),
    ("مقتل مدني وإصابة آخرين", 1, None, None, False),
    # bodies are the dead, where no other toll is told
    ("أفادت مصادر محلية بعثور الأهالي على 20 جثة لمدنيين قضوا نتيجة القصف", 20, None, None, False),
    ("نقلوا الليلة الماضية 18 جثة، غير أن عدد القتلى ارتفع إلى 30 شخصا", 30, None, None, False),
    # ... and their remains ("جثامين", the dual "جثماني"); not one's in a funeral
    ("تمكنت طواقم الإسعاف من انتشال جثماني فلسطينيين اثنين شرق رفح", 2, None, None, False),
    ("وانتشلت فرق الدفاع المدني جثامين 5 أشخاص من تحت الأنقاض", 5, None, None, False),
    ("واخترق الموكب المدينة بأكملها حتى وصل جثمان الزعيم", None, None, None, False),
    # put to death outside a court; one the relative pronoun stands for, not an
    # attack that killed nor a place where
    ("أعدمت الميليشيا 3 مدنيين ميدانيا", 3, None, None, False),
    ("صالح الصماد، والذي قتل في غارة جوية للتحالف", 1, None, None, False),
    ("وقام بطعن حارس أمام المقر، وأصيب حارس بجروح", None, 1, None, False),
    # a second toll joined by "و" is more dead, unless it counts some of the first
    ('معلنا مقتل "52 تكفيريا" و"استشهاد ضابط وضابط صف وجندي"', 55, None, None, False),
    ("مقتل 20 مدنيا ومقتل 5 مسلحين في الاشتباكات", 25, None, None, False),
    ("قتل 10 أشخاص ومقتل 4 أطفال منهم", 10, None, None, False),
    # the count first, then the tally it raises
    ("توفي فلسطيني آخر متأثرا بجروحه، ما يرفع إلى تسعة عدد القتلى", 9, None, None, False),
    # a dual casualty word is its own count
    ("وسقط قتيلان في القصف", 2, None, None, False),
    ("سقط قتيلان و3 جرحى في الاشتباك", 2, 3, None, False),
    ("وعثر على امرأة ووالدتها مقتولتين في شارع", 2, None, None, False),
    ("إن الجنديين، الأمريكي والبريطاني المقتولان في منطقة منبج", 2, None, None, False),
    # the duals of fishermen, farmers, workers (their -ين forms are plurals too)
    ("قتل صيادان بلغم أرضي زرعه الحوثيون", 2, None, None, False),
    ("أصيب عاملان في الانفجار", None, 2, None, False),
    ("قتل رضيعين في القصف", 2, None, None, False),
    # a cleric named by his title is one person
    ("مقتل الملا فضل الله إثر ضربة جوية أميركية", 1, None, None, False),
    # "ذهب ضحيتها" as "راح ضحيتها": the dead
    ("بعد ساعات من جريمة مماثلة، ذهب ضحيتها اثنين صيادين", 2, None, None, False),
    ("والتي ذهب ضحيتها أكثر من 15 فلسطينيا", 15, None, None, True),
    # a place named by its distance is no count
    ("قتل مدنيان في منطقة الكيلو 16 بالحديدة", 2, None, None, False),
    # an army statement's count in brackets
    ("ومقتل عدد (6) عنصر تكفيري أثناء تبادل لإطلاق النيران", 6, None, None, False),
    ("والقضاء على عدد ( 13 ) فرد من العناصر التكفيرية المسلحة", 13, None, None, False),
    ("ما أدى إلى وقوع جريحين", None, 2, None, False),
    # "أرداه قتيلا": shot him dead, one
    ("أطلق القيادي الرصاص على شقيقه وأرداه قتيلا", 1, None, None, False),
    ("أطلقت عناصر الأمن النار على مسلح وأردته قتيلا", 1, None, None, False),
    # Duals of people beyond soldiers and civilians; a feminine verb of wounding.
    (
        "إن ضربات التحالف الجوية قتلت زعيمين بجماعة أنصار الله الحوثية في صنعاء.",
        2,
        None,
        None,
        False,
    ),
    (
        "ولقي قياديان بارزان في ميليشيات الحوثي مصرعهما في غارات استهدفت موقعا في صعدة.",
        2,
        None,
        None,
        False,
    ),
    ("وأصيبت امرأتان بجروح جراء انفجار لغم أرضي غربي محافظة الجوف.", None, 2, None, False),
    # One person killed "with" N others: N + 1.
    ("وقال الحوثي إن الصماد قٌتل مع 6 من مرافقيه، الخميس الماضي", 7, None, None, False),
    ("لقي القيادي مصرعه مع 6 آخرين بغارات من طائرات التحالف", 7, None, None, False),
    # ... or named, then "و" and the count of the others.
    (
        "وأضاف أنه قتل زعيم شبكة النفط والغاز أبو خطاب العراقي وثلاثة أعضاء آخرين في التنظيم",
        4,
        None,
        None,
        False,
    ),
    ("مقتل القيادي الحوثي أبو علي و3 من مرافقيه", 4, None, None, False),
    ("أسفرت المواجهات عن مقتل جندي وثلاثة مسلحين", 4, None, None, False),
    ("قتل جندي وأصيب ثلاثة آخرون", 1, 3, None, False),  # the three are wounded
    # An age is no count: "في الثانية والثلاثين من العمر".
    ("ما أدى إلى مقتل امرأة في الثانية والثلاثين من العمر وجرح 19 شخصا", 1, 19, None, False),
    # ... nor one told with a pronoun ("من عمره"): "عشرة" counts no one here.
    ("إن فتى في الخامسة عشرة من عمره توفي متأثرا بإصابته برصاص الاحتلال", 1, None, None, False),
    ("قتل طفل في الثالثة عشرة من عمرها في غارة على البلدة", 1, None, None, False),
    # "أصاب/أصابت" with people after it: the wounded; what was hit is no count.
    ("قتل مسلحون 11 سائقا وأصابوا أربعة آخرين بجروح", 11, 4, None, False),
    ("إن قواته أطلقت النار وأصابت ثلاثة أشخاص كانوا يقتربون من الحدود", None, 3, None, False),
    ("وقتلت قوات الاحتلال 15 فلسطينياً وجرحت نحو 1500 آخرين", 15, 1500, None, True),
    ("أصابت الصواريخ 3 منازل في البلدة", None, None, None, False),
    # An assassination is a death; an attempted one is none.
    ("اغتيل بالرصاص أمام منزله الجمعة", 1, None, None, False),
    ("اغتيلت الناشطة بإطلاق نار في البصرة", 1, None, None, False),
    ("اغتالت إسرائيل 3 قادة من الحركة", 3, None, None, False),
    ("أمس، اغتال حزب الله شخصية مدنية مسالمة أخرى", 1, None, None, False),
    # the wounded counted as a noun, singular after a hundred
    ("وأسقط ما لايقل عن 60 قتيلا وما يربو على مئة مصاب", 60, 100, None, True),
    ("أسفر عن 12 قتيلا و30 مصابا", 12, 30, None, False),
    ("تصاعدت عمليات اغتيال الناشطين في المدينة", None, None, None, False),
    ("نجا من محاولة اغتيال استهدفت موكبه", None, None, None, False),
    ("استخدمت روسيا مادة كيماوية لمحاولة قتل مواطن بريطاني وابنته", None, None, None, False),
    # Years and distances are no count: "قبل 3 عقود", "تبعد نحو 100 كيلومتر".
    ("قتل طفل يبلغ من العمر تسع سنوات", 1, None, None, False),
    ("اتهم الأمير باغتيال والده قبل 3 عقود", None, None, None, False),
    # A leader named by his rank is one person.
    ("قتل قيادي في تنظيم القاعدة، مساء الاثنين، في غارة جوية", 1, None, None, False),
    # One's death by its pronoun, or a name and then a comma and a title
    ("أكدت مصادر تركية مقتله داخل القنصلية السعودية", 1, None, None, False),
    ("لم تكن تعيش مع زوجها وقت مقتلها", 1, None, None, False),
    ("أدت الغارة إلى مقتلهم", None, None, None, False),
    ("غارة أدت إلى مقتل صالح الصماد، رئيس المجلس السياسي الأعلى", 1, None, None, False),
    ("قتل شريف إسماعيل، العميد في القوات الخاصة", 1, None, None, False),
    ("وردت أنباء عن مقتل حذيفة البدري، ابن أبو بكر البغدادي", 1, None, None, False),
    # ... or a title with no comma: its article, or after "أكبر" or "وهو"
    ("خبر مقتل صالح الصماد القيادي في جماعة الحوثي", 1, None, None, False),
    ("قُتل في 24 أبريل منوّر المطيري المقاتل في تنظيم داعش", 1, None, None, False),
    ("أسفرت الغارة عن مقتل صالح علي الصماد أكبر مسؤول سياسي للحوثيين", 1, None, None, False),
    ('أدت غارة أخرى إلى مقتل "سيماك" وهو مسؤول في تنظيم داعش', 1, None, None, False),
    # ... not words that name no one
    ("قتل مدنيون في قصف على إدلب وهو ما أدانته الأمم المتحدة", None, None, None, False),
    ("أعلن الجيش مقتل على الأقل القيادي في التنظيم", None, None, None, False),
    # one of a group of people, not one of a group of things
    ("اعترفت الميليشيات بمقتل أحد كبار قادتها الميدانيين", 1, None, None, False),
    ("أعلن الجيش مقتل أحد عناصر الأمن", 1, None, None, False),
    ("لتسفر العملية عن مقتل أحد رجال الدرك", 1, None, None, False),
    ("أطلقت القوات أعيرة نارية وأصيب أحد المحتجين في ساقه", None, 1, None, False),
    ("قتل أحد المارة في إطلاق نار في وسط المدينة", 1, None, None, False),
    ("تمكن بعضها من إصابة أحد مباني مركز البحوث", None, None, None, False),
    ("قتل أحد عشر جنديا", 11, None, None, False),
    ("أعلن الجيش مقتل مسلحين، وقائد الكتيبة", None, None, None, False),
    ("أعلن الجيش مقتل مسلحين، في ريف درعا", None, None, None, False),
    ("أسفرت الغارة عن مقتل 3 مدنيين، بينهم طفل", 3, None, None, False),
    # singular nouns joined by "و", each one person
    ("وأصيب ضابط صف وجندي من القوات المشاركة", None, 2, None, False),
    ("قتل جندي تركي ومدني سوري في عفرين", 2, None, None, False),
    # one's kin named by a pronoun is one more
    ("وقتلت امرأة فلسطينية حامل وطفلتها الرضيعة في قصف اسرائيلي", 2, None, None, False),
    ("قتل رجل وزوجته في غارة على البلدة", 2, None, None, False),
    # ... and with "مع" ("she and her child"), one more
    ("قتلت امرأة يمنية مع طفلها، الثلاثاء، بانفجار لغم", 2, None, None, False),
    ("قتل رجل مع زوجته في غارة على صعدة", 2, None, None, False),
    ("قتل جندي مع قائده في هجوم", 1, None, None, False),
    ("أصيب طفل وامرأة بجروح في القصف", None, 2, None, False),
    ("قتل جندي في درعا ومدني في حمص", 1, None, None, False),
    # a dual verb or pronoun is two, the wounds they died of none
    ("إن جنديا أميركيا وشخصا آخر من التحالف قتلا في انفجار", 2, None, None, False),
    ("إن رجلا وامرأة لقيا مصرعهما في قصف على البلدة", 2, None, None, False),
    (
        "وكان القياديان قد وصلا قبل أن يلقيا مصرعيهما، الاثنين، في جبهة المهاشمة",
        2,
        None,
        None,
        False,
    ),
    ("لقي مسلحان حتفيهما في اشتباك مع الشرطة", 2, None, None, False),
    ("وكان جندي ومدني قد أصيبا في قصف على درعا", None, 2, None, False),
    ("وفاة فلسطينيين متأثرين بجروح أصيبا بها بالرصاص", None, None, None, False),
    # "قتلا" is also the noun: two only after the two it names
    ("وقالت كفى قتلا كفى خطفا لأبناء شعبنا", None, None, None, False),
    ("رفات جنديين يعتقد إنهما قتلا في حرب 2014 على غزة", 2, None, None, False),
    # "توفي" with who died ("أنها توفي بوعيدها", fulfils, names no one)
    ("حين أصيب نحو 14 مدنيا بحالات اختناق، وتوفي لاحقا طفلان بينهم", 2, 14, None, True),
    ("توفي مختطف يمني جديد، جراء التعذيب في سجون ميليشيات الحوثي", 1, None, None, False),
    # one more death that raises a toll: the toll
    (
        "وأضافت أن فلسطينيا آخر توفي متأثرا بجروحه، ما يرفع إلى تسعة عدد القتلى",
        9,
        None,
        None,
        False,
    ),
    ("قتل شخص وأصيب آخرون", 1, None, None, False),
    # Counts joined by "و" add up, their nouns written with tanween or not
    ("وسجل التقرير مقتل 14 طفلاً و9 نساء و53 شاباً", 76, None, None, False),
    ("إضافة إلى إصابة 24 طفلاً و8 نساء و58 شابا", None, 90, None, False),
    # "شهيدا" after its count, "توفوا", gassed as wounded
    ("الحصيلة الأولية 40 شهيدا ومئات الإصابات", 40, None, None, False),
    ("مشيرا إلى أن 11 شخصا بينهم أربعة أطفال توفوا في هذه الظروف", 11, None, None, False),
    ("أفاد المرصد بتسجيل 70 حالة اختناق إثر قصف جوي", None, 70, None, False),
    ("لتعطي انطباعا أنها توفي بوعيدها", None, None, None, False),
    # a noun whose count the word before took takes none after it
    (
        "إن حصيلة القتلى حتى صباح الثلاثاء بلغت 59 شهيدا و2271 مصابا بينهم نحو 1400 أصيبوا",
        59,
        2271,
        None,
        True,
    ),
    # A number that names a unit or a resolution is no count.
    ("أعلنت الميليشيا مقتل قائد اللواء 405 مشاة التابع لها", 1, None, None, False),
    ("قتل 3 من عناصر الفرقة 17 في هجوم", 3, None, None, False),
    ("قتل 12 شخصا رغم القرار 2401", 12, None, None, False),
    # A passive verb opening its clause counts its subject past a time and a place.
    ("وقتل ليلاً في مدينتي زملكا وعربين أكثر من 50 شخصا جراء قصف عنيف", 50, None, None, True),
    ("قتل في الهجوم على بلدة كفرنبل 12 مدنيا بينهم 3 أطفال", 12, None, None, False),
    ("وقتل في غارة على مدينة تضم 50 ألف نسمة", None, None, None, False),
    ("قتلت شابة بريطانية خلال مشاركتها في المعارك", 1, None, None, False),
    # a passive verb's subject, far after it, set off by a comma, past a day
    ("وقتل في محافظة الحديدة منذ بدء الهجوم في 13 حزيران/يونيو، 483 شخصا", 483, None, None, False),
    (
        "وقد قتل فيما يشتبه بأنه هجوم كيمياوي وقع يوم السبت، 60 شخصا على الأقل، وأصيب أكثر من 1000",
        60,
        1000,
        None,
        True,
    ),
    # a toll risen, "أعداد" as "عدد"
    (
        "أعلن المرصد عن ارتفاع أعداد قتلى الضربات الصاروخية، التي استهدفت منطقة الكسوة، إلى 15",
        15,
        None,
        None,
        False,
    ),
    # stabbed or beaten to death: one, told by the verb's person
    ("وكان آري فولد تعرض للطعن حتى الموت في مركز تسوق", 1, None, None, False),
    ("وكان رجلان تعرضا للطعن حتى الموت في مركز تسوق", 2, None, None, False),
    # "واحدة" counts the family, not the dead
    ("قالوا إن أربعة أشخاص من عائلة واحدة قتلوا في غارة", 4, None, None, False),
    ("وقتل رجل واحد وأصيب آخر", 1, 1, None, False),
    # a point between thousands: the war's toll, not ten dead
    ("وقد أدت الحرب في اليمن حتى الآن إلى قتل أكثر من 10.000 شخص", 10000, None, None, True),
    # Bullets are no wounded: one person was hit, uncounted.
    (
        "وأصيبت مارييل بأربع رصاصات في الرأس، بينما أصيب السائق بثلاث رصاصات.",
        None,
        None,
        None,
        False,
    ),
    # the dead after "بحياة", with the cause or the day between the words
    ("وأودى انفجار لغم أرضي الخميس بحياة 3 مدنيين، في منطقة الظهر الحمر", 3, None, None, False),
    ("فإن التفجيرين أوديا بحياة 14 شخصاً وأصيب نحو 54 آخرون", 14, 54, None, True),
    # a feminine dual is never a plural
    ("قام التونسي أحمد حنشي بقتل شابتين على رصيف محطة سان شارل", 2, None, None, False),
    # the abducted are not the dead
    ("قتل حارس واختطف سائحان بريطانيان الجمعة في محمية طبيعية", 1, None, None, False),
    # lives taken, counted ("أرواح" alone counts no one: test_unnumbered)
    (
        "حصد إطلاق نار جماعي في مدرسة ثانوية بولاية تكساس الأميركية أرواح 10 طلبة",
        10,
        None,
        None,
        False,
    ),
    # a rate is no toll
    (
        "هذه الآفة التي تحصد في الولايات المتحدة أرواح 200 شخص يومياً",
        None,
        None,
        None,
        False,
    ),
    ("وقال إن الغارات قتلت 130 مدنيا كل يوم خلال الحملة", None, None, None, False),
    ("قتل 5 أشخاص في اليوم الثالث من المعارك", 5, None, None, False),
    # the learned and the clergy are one person each, and a beheading kills
    ("قتل عالم الطاقة الفلسطيني فادي محمد البطش السبت في كوالالمبور", 1, None, None, False),
    ("إن مسلحين قتلا قسا رومانيا كاثوليكيا عند مذبح كنيسة", 1, None, None, False),
    ("والخميس، أقدم التنظيم على قطع رأس أحد المختطفين", 1, None, None, False),
    # ... but "أمام" (before) is no imam
    ("الإرهابيين الذين يواجهون حتفهم أمام الجيش", None, None, None, False),
    # a rank is one soldier or policeman (BB-middleEast-244)
    ("مقتل رقيب شرطة على الأقل وإصابة أربعة آخرين من قوات الأمن", 1, 4, None, False),
    ("أعلنت وزارة الداخلية استشهاد الرقيب محمد علي في هجوم", 1, None, None, False),
    ("وأعلن الحرس الثوري مقتل عميد في هجوم على الحدود", 1, None, None, False),
    # ... and the dean of a faculty who speaks is no one dead
    ("وقال عميد كلية الهندسة إن القصف استهدف الجامعة", None, None, None, False),
]


@pytest.mark.parametrize(("clause", "killed", "wounded", "displaced", "approx"), CASES)
def test_casualties(
    clause: str, killed: int | None, wounded: int | None, displaced: int | None, approx: bool
) -> None:
    c = find_casualties(clause)
    assert (c.killed, c.wounded, c.displaced, c.approximate) == (killed, wounded, displaced, approx)


@pytest.mark.parametrize(
    ("clause", "unnumbered"),
    [
        ("قتل وأصيب عدد من المدنيين في القصف", True),
        ("بسقوط قتلى وجرحى في غارة جوية على موقع عسكري", True),
        ("قتل 3 مدنيين في القصف", False),
        ("نزوح آلاف العائلات من المدينة", False),  # displaced, not harmed
        ("استهدف القصف مواقع للجيش", False),
        # words that tell harm only with their count
        ("تعهد الجيش بالقضاء على الإرهاب", False),
        ("تم تدمير مستودع للأسلحة", False),
        ("تكبدت فيها الميليشيا خسائر فادحة في الأرواح والعتاد", False),
        ("الوقوف دقيقة صمت على أرواح ضحايا العدوان", False),
        ("الهجوم الذي قتل مدنيين", True),
        ("المدينة التي قتل فيها مدنيون", True),
    ],
)
def test_unnumbered(clause: str, unnumbered: bool) -> None:
    """A casualty event with no number is flagged as one, with no figure invented."""
    assert find_casualties(clause).unnumbered is unnumbered


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("قصفت طائرة سيارة مدنية، دون أن يؤدي الحادث إلى وقوع إصابات", 0, 0),
        ("شنت مقاتلات غارات على قطاع غزة لم تسفر عن وقوع إصابات", 0, 0),
        ("وقالت إن الضربة لم تسفر عن أي خسائر في الأرواح", 0, 0),
        ("سقطت قذيفة على منزل دون وقوع ضحايا", 0, 0),
        ("انفجرت عبوة ناسفة دون سقوط قتلى", 0, None),
        ("أكد الجيش الروسي عدم وجود أي قتلى بين المدنيين أو العسكريين", 0, None),
        ("أعلن الجيش الروسي عدم وقوع ضحايا من المدنيين والعسكريين جراء الضربات", 0, 0),
        # the number not told is not nil; no serious injuries says nothing of others
        ("قصفت الطائرات البلدة دون أن يحدد المصدر عدد الضحايا", None, None),
        ("دون ذكر حجم الخسائر البشرية", None, None),
        ("ولم تقع إصابات خطيرة", None, None),
    ],
)
def test_no_one_hurt_is_a_count_of_nought(clause: str, killed: int, wounded: int) -> None:
    found = unharmed(clause)
    got = (found.killed, found.wounded) if found else (None, None)
    assert got == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "killed", "wounded"),
    [
        ("قتل 15 طفلا وامرأتان في غارة جوية استهدفت مدرسة", 17, None),  # joined: one toll
        ("قتل 5 مدنيين و3 عناصر من الجيش", 8, None),
        # both sides of a battle, each with its noun phrase
        ("كما قتل أكثر من 370 مقاتلا كرديا ونحو 340 عنصرا من الفصائل", 710, None),
        ("وقتل 12 عنصرا من قوات النظام و7 من الفصائل في اشتباكات", 19, None),
        ("قتل 5 مدنيين في إدلب و3 في حلب", 5, None),  # another place: another toll
        ("أصيب 12 شخصا و3 قتلوا", 3, 12),  # each count with its own word
        # a noun that follows its count takes the one right before it
        ("أنها تلقت 770 قتيلاً و 4050 جريحاً من منطقة الغوطة الشرقية", 770, 4050),
        ("حيث سقط نحو 62 قتيلا و3 آلاف جريح", 62, 3000),
        ("وأسقط ما لايقل عن 60 قتيلا وما يربو على مئة مصاب", 60, 100),
        # the other side's dead of the same fight, "مقابل" and its noun left out
        (
            "عن سقوط عشرة قتلى في صفوف الفصائل المسلحة، مقابل سبعة في صفوف قوات النظام",
            17,
            None,
        ),
        ("قتل 12 عنصرا من قوات النظام مقابل 9 من الفصائل", 21, None),
        # "قتلى", "جرحى" follow their count: the next count is the wounded's
        ("أدى خروج قطار عن سكته إلى سقوط عشرة قتلى و73 جريحا", 10, 73),
        ("بلغ 3 قتلى و20 مصابا", 3, 20),
        ("وبلغ عدد قتلى الهجوم 50", 50, None),
        # quotation marks are no words; an age is no count
        ('معلنا مقتل "52 تكفيريا"', 52, None),
        ('أوقع ثلاثة قتلى و"16 جريحا بينهم اثنان على الأقل في حالة الخطر"', 3, 16),
        ('إن المهاجم البالغ السادسة والعشرين "قُتل في مكان" الهجوم', None, None),
        ("أصيب البالغ عددهم 30 شخصا", None, 30),
        ("قتل الدكتور شطح في انفجار سيارة مفخخة", 1, None),  # a title names one person
        ("مقتل نجل البغدادي في هجوم", 1, None),
    ],
)
def test_counts_joined_and_single_people(
    clause: str, killed: int | None, wounded: int | None
) -> None:
    c = find_casualties(clause)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("clause", "leaving", "displaced"),
    [
        # In a clause that reports a displacement, those counted leaving are displaced.
        ("وقد خرج حوالى أربعة آلاف من مقاتليه وأفراد عائلاتهم منذ الاثنين", True, 4000),
        ("وأفادت وكالة سانا بخروج 1092 مدنيا الأحد", True, 1092),
        # A count after "بينهم" is a part of the count before it.
        ("إن 76 شخصا بينهم 49 طفلا غادروا الغوطة الشرقية", True, 76),
        # the count a few words before the verb, its bound between
        ("إن 20 ألف شخص على الأقل غادروا الغوطة الشرقية", True, 20000),
        ("أجبر القصف أكثر من 160 ألف من سكان درعا على النزوح", False, 160000),
        # a ratio counts no one, nor do buses
        ("وذكر التحقيق أن واحدا من كل 8 من سكان المنطقة نزح عنها", True, None),
        ("وغادرت مئة حافلة تقل قرابة سبعة آلاف شخص المنطقة", True, 7000),
        # ... nor the towns they fled from
        ("قد دفع أكثر من 50 ألف شخص للفرار من ثلاث مدن باتجاه دوما", False, 50000),
        # Elsewhere leaving counts nothing: "خرج آلاف المتظاهرين" is a protest.
        ("خرج 5 آلاف متظاهر إلى الشوارع", False, None),
        # the day set off by a comma before it only: an aside all the same
        ("غادر، الخميس نحو 12 ألف مدني مدينة حمورية بغوطة دمشق الشرقية", True, 12000),
    ],
)
def test_those_counted_leaving_in_a_displacement(
    clause: str, leaving: bool, displaced: int | None
) -> None:
    assert find_casualties(clause, leaving=leaving).displaced == displaced


def test_the_other_two_are_two() -> None:
    found = find_casualties("قتل ثلاثة مدنيين وأصيب آخران في ضربة")
    assert (found.killed, found.wounded) == (3, 2)


@pytest.mark.parametrize(
    ("clause", "killed", "approx"),
    [
        # a bound set off by commas is no barrier, and makes the count a minimum
        ("لقي 4 مقاتلين روس، على الأقل، مصرعهم في هجوم", 4, True),
        # nor of its months: the one assassinated is one dead
        ("عدا كونه اغتيل بعد ستة أشهر فقط من عودته من المنفى", 1, False),
        # a count of the span's days is no count of the dead
        ("إن 500 عنصر من ميليشيات الحوثي قتلوا خلال الأيام الستة الماضية", 500, False),
        ("إن 500 عنصر من ميليشيات الحوثي قتلوا خلال الستة الأيام الماضية", 500, False),
        ("قتل، الخميس 5 مدنيين في غارة على حرستا", 5, False),
        # one farmer, one paramedic: the singular noun is one person
        ("أعلنت وزارة الصحة الفلسطينية مقتل مزارع فلسطيني في قصف إسرائيلي", 1, False),
    ],
)
def test_asides_and_single_victims(clause: str, killed: int, approx: bool) -> None:
    found = find_casualties(clause)
    assert (found.killed, found.approximate) == (killed, approx)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a meeting or an accord has no dead of its own: those its sentence
        # counts are the attack's
        (
            "والنظام السوري الذي ينفي الضلوع في الهجوم الكيميائي المفترض الذي أوقع نحو 40 "
            "قتيلا، كان قد دعا المنظمة، لكن الخبراء الذين وصلوا إلى سوريا في الرابع عشر من "
            "نيسان/أبريل لم يتمكنوا من دخول المدينة.",
            "diplomacy",
        ),
    ],
)
def test_a_meeting_or_an_accord_counts_no_toll(text: str, kind: str) -> None:
    from tests.test_retellings import incidents

    found = [i for i in incidents(text, "2018-04-21") if i.type == kind]
    assert found and all(i.casualties is None or i.casualties.is_empty for i in found)
