"""One entry per real event: the same event told again is one more source (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest

from sitegen.extract.pipeline import extract
from sitegen.model import Article, Incident, Published
from sitegen.read import guess_title


def incidents(text: str, published: str = "2018-06-09", title: str = "") -> tuple[Incident, ...]:
    pub = Published(date.fromisoformat(published), "front-matter", "test", 2)
    return extract(Article("a", "a.txt", title, "ar", pub, text, 3)).incidents


def test_an_undated_toll_after_the_event_s_day_is_its_toll() -> None:
    found = incidents(
        "أعلن الجيش اليمني، السبت، أن قواته أحبطت هجوماً إرهابياً شنه عناصر تنظيم داعش، "
        "استهدف مواقع الجيش الوطني في محافظة البيضاء وسط البلاد.\n"
        "ونقلت وكالة الأنباء اليمنية الرسمية، عن مصدر عسكري، أن الجيش الوطني أحبط هجوماً "
        "إرهابياً، مساء الجمعة، استهدف مواقعه في منطقة يكلا بمحافظة البيضاء.\n"
        "وبحسب المصدر، فإن اشتباكات عنيفة بمختلف الأسلحة وقعت بين الجيش الوطني والعناصر "
        "الإرهابية المهاجمة أسفرت عن مقتل جميع المهاجمين واستشهاد ثلاثة من الجيش الوطني.\n",
        "2018-03-31",
    )
    assert len(found) == 1 and len(found[0].sources) == 3
    assert found[0].date.start == date(2018, 3, 30) and found[0].casualties.killed == 3


def test_an_attack_told_at_a_time_the_text_does_not_place_is_another() -> None:
    """ "في أكتوبر" in July's news gives no year: that bombing is no retelling of
    last week's attack, and its 500 dead are not that attack's."""
    found = incidents(
        "قال ضابط بالشرطة الصومالية، السبت، إن قوات الأمن قتلت 3 متطرفين في مقديشو.\n"
        "ويأتي ذلك بعد أسبوع من هجوم مماثل على مجمع وزارة الداخلية في مقديشو أسفر عن "
        "مقتل 9 أشخاص على الأقل.\n"
        "واتهمت حركة الشباب بتفجير شاحنة في أكتوبر في مقديشو أسفر عن مقتل أكثر من 500 "
        "شخص في أخطر هجوم في تاريخ البلاد.\n",
        "2018-07-14",
    )
    week_before = next(i for i in found if i.date.start == date(2018, 7, 7))
    assert week_before.casualties.killed == 9 and week_before.date.precision == "approx"
    october = next(i for i in found if i.casualties.killed == 500)
    assert october.date.start is None and len(october.sources) == 1


def test_an_undated_toll_after_an_operation_begun_days_ago_is_its_toll() -> None:
    found = incidents(
        "وبدأت القوات التي تضم مقاتلين أكراد وعرب هجوما بريا، الاثنين، ضد مسلحين في محيط "
        "بلدة هجين، وسط منطقة وادي الفرات.\n"
        "وقال التحالف الدولي إنه يتوقع معركة صعبة.\n"
        "وقال قائد في قوات سوريا الديمقراطية إن 15 مسلحا على الأقل من تنظيم الدولة قتلوا، "
        "خلال اليوم الأول لعملية هجين.\n",
        "2018-09-11",
    )
    assert len(found) == 1 and len(found[0].sources) == 2
    d = found[0].date
    assert (d.start, d.end, d.precision) == (date(2018, 9, 10), date(2018, 9, 11), "range")
    assert found[0].casualties.killed == 15


def test_a_sea_and_a_strait_on_it_are_one_place() -> None:
    found = incidents(
        "وكانت قوات البحرية التابعة للتحالف العربي، أفشلت، الثلاثاء، هجوما حوثيا على إحدى "
        "ناقلات النفط السعودية، بالمياه الدولية غرب مضيق باب المندب.\n"
        "وتبنت ميليشيا الحوثي في وسائل إعلامها، استهداف ناقلة النفط السعودية في البحر "
        "الأحمر، وقالت إنه تم استهدافها بسلاح مناسب.\n",
        "2018-04-04",
    )
    assert len(found) == 1 and len(found[0].sources) == 2
    assert [p.en for p in found[0].places] == ["Bab al-Mandab", "Red Sea"]


def test_a_definite_subject_of_a_past_verb_where_it_struck_is_told_afresh() -> None:
    found = incidents(
        "شنت مقاتلات التحالف في اليمن الأحد غارات جوية استهدفت مواقع وتعزيزات تابعة "
        "لميليشيات الحوثي في المناطق التي يسيطرون عليها.\n"
        'وأضاف مراسل "العربية" بالأراضي اليمنية أن المقاتلات استهدفت مواقع وتعزيزات '
        "ميليشيا الحوثي في مديرية الملاجم، شرق محافظة البيضاء وسط اليمن.\n",
        "2018-04-01",
    )
    assert len(found) == 1 and len(found[0].sources) == 2
    assert "الملاجم" in [p.ar for p in found[0].places]
    # ... not what came before another ("بعدما سيطرت على الغوطة الشرقية")
    found = incidents(
        "وقتل 79 عنصراً من قوات النظام في المعارك جنوب دمشق الجمعة.\n"
        "وتأتي العملية العسكرية الحالية في إطار سعي قوات النظام لاستعادة كامل العاصمة "
        "بعدما سيطرت على الغوطة الشرقية.\n",
        "2018-04-28",
    )
    assert "الغوطة الشرقية" not in [p.ar for i in found for p in i.places]


def test_the_last_stronghold_is_not_another_event_and_the_attack_points_back() -> None:
    # "دوما، آخر معقل للمعارضة" is its last stronghold, not "another" attack;
    # "أن الهجوم أسفر عن مصرع سبعين شخصا", told as shelling, is the same attack
    found = incidents(
        "تعهد الرئيسان ترامب وماكرون برد فعل قوي على هجوم كيميائي يشتبه في أن النظام "
        "السوري شنه على المعارضة في بلدة دوما بالغوطة الشرقية.\n"
        "وأفادت عدة تقارير بتعرض مدينة دوما، آخر معقل للمعارضة المسلحة قرب دمشق، إلى ما "
        "يشتبه بأنه هجوم كيماوي، تباينت التقديرات بشأن عدد ضحاياه.\n"
        "وأكدت مجموعة الدفاع المدني التطوعية أن الهجوم أسفر عن مصرع سبعين شخصا على الأقل، "
        "كما نشرت صورا لجثامين في أحد الأقبية التي قالت إن القصف قد استهدفها.\n",
        "2018-04-09",
    )
    assert len(found) == 1 and len(found[0].sources) == 3
    assert found[0].casualties is not None and found[0].casualties.killed == 70


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a later toll tells the lede's strike again
        (
            "قتل صالح الصماد في غارة جوية للتحالف ظهر الخميس على مدينة الحديدة.\n"
            "وأوردت مصادر أمنية أن الصماد قتل بغارة للتحالف يوم الخميس في ضاحية البريهي.\n",
            "2018-04-23",
            date(2018, 4, 19),
        ),
        # an event spoken of a day later, dated by the saying: the event's own day
        (
            "قتل ثلاثة أشخاص في هجوم مسلح على مطعم في تورونتو مساء الأحد.\n"
            "وقالت شرطة مدينة تورونتو، الاثنين، إن المشتبه به في الهجوم المسلح يدعى فيصل حسين.\n",
            "2018-07-24",
            date(2018, 7, 22),
        ),
        # the lede dated by the day it was said, a later telling by the event's own
        (
            "أعلن الجيش اليمني، السبت، أن قواته أحبطت هجوماً إرهابياً استهدف مواقعه في محافظة البيضاء.\n"
            "ونقلت الوكالة عن مصدر عسكري أن الجيش أحبط هجوماً إرهابياً، مساء الجمعة، استهدف "
            "مواقعه في منطقة يكلا بمحافظة البيضاء.\n",
            "2018-03-31",
            date(2018, 3, 30),
        ),
        # a definite noun of violence of the same day, told as another kind
        (
            "قتل 15 شخصا على الأقل الثلاثاء في هجوم انتحاري أعقبه إطلاق نار استهدف مقر هيئة "
            "اللاجئين والعائدين بمدينة جلال آباد شرقي أفغانستان.\n"
            "واستهدف الهجوم في جلال آباد مقر هيئة اللاجئين والعائدين، وأعقبه تبادل لإطلاق "
            "النار استمر أكثر من خمس ساعات بين المسلحين وقوات الأمن.\n",
            "2018-08-01",
            date(2018, 7, 31),
        ),
        # told "some days ago", then on its day: the day, though the vague
        # span (26 to 31 August) only touches it
        (
            "أكدت القوات الأمريكية في أفغانستان، الأحد، أن قائد تنظيم داعش في البلاد قتل في "
            "هجوم، قبل أيام.\n"
            "ووقع الهجوم، السبت 25 أغسطس/ آب الماضي، في المنطقة الشرقية من محافظة نانغارهار.\n",
            "2018-09-02",
            date(2018, 8, 25),
        ),
        # a bombardment after air raids, told with no day of its own: the raids
        (
            "قصفت طائرات حربية سورية وروسية الجمعة منطقة حوض اليرموك في ريف درعا.\n"
            "وطال القصف بلدات وقرى عدة بينها سحم الجولان والشجرة.\n",
            "2018-07-21",
            date(2018, 7, 20),
        ),
        # "other areas" are more places of the strikes, not another event
        (
            "أكد الجيش الإسرائيلي الخميس، أنه استهدف مواقع للنظام السوري في ريف القنيطرة.\n"
            'وقال المرصد السوري "هزت انفجارات مناطق في ريف القنيطرة الشمالي، ومناطق أخرى '
            'بالقرب من الجولان، ناجمة عن قصف طال مواقع لقوات النظام".\n',
            "2018-07-12",
            date(2018, 7, 12),
        ),
        # a lede dated only by the day it was published, then the attack
        # ("الهجوم", with "30 شخصا آخر" besides its dead) on the day before
        (
            "قتل عشرون شخصا على الأقل كانوا يحضرون حفل زفاف، في غارة جوية على شمال غربي اليمن.\n"
            "وقالت فرق الإنقاذ إن أكثر من 30 شخصا آخر أصيبوا بجراح في الهجوم الذي وقع في "
            "وقت متأخر أمس الأحد.\n",
            "2018-04-23",
            date(2018, 4, 22),
        ),
        # a definite telling dated only by the day it was said on (so left
        # undated) after the event's own day
        (
            'قالت وسائل الإعلام الرسمية السورية السبت إن الدفاعات الجوية تصدت "لهدف معاد" '
            "اخترق الأجواء غربي العاصمة دمشق فوق منطقة دير العشائر.\n"
            'نقلت الوكالة عن مراسلها السبت أن هدفا جويا "معاديا" اخترق أجواء منطقة دير '
            "العشائر، مما أدى إلى إطلاق الدفاعات الجوية وابلا من القذائف أثناء التصدي له.\n",
            "2018-08-11",
            date(2018, 8, 11),
        ),
    ],
)
def test_a_later_telling_is_one_more_source_of_the_first(
    text: str, published: str, day: date
) -> None:
    found = incidents(text, published)
    assert len(found) == 1 and len(found[0].sources) == 2
    assert found[0].date.start == day


def test_meetings_on_days_before_the_saying_stay_apart() -> None:
    found = incidents(
        "أعلن وزراء الخارجية العرب في الرياض، الخميس، خلال اجتماع تحضيري للقمة أن القرار مرفوض.\n"
        "وخلال لقائه الرئيس الأمريكي دونالد ترامب الثلاثاء في الرياض، أكد الأمير رفض بلاده.\n",
        "2018-04-13",
    )
    assert len(found) == 2


def test_a_running_total_after_one_death_is_not_its_toll() -> None:
    found = incidents(
        "وقالت حركة حماس إن شخصا آخر قُتل برصاص القوات الإسرائيلية أثناء مظاهرات الحدود "
        "الجمعة الماضية.\n"
        "واتهم الجيش الإسرائيلي الفصائل الفلسطينية بإطلاق عشرات الصواريخ من غزة.\n"
        "في المقابل، تقول السلطات في مصر وإسرائيل إن الحصار يعتبر ضرورة أمنية.\n"
        "وقالت مصادر طبية في غزة إن أكثر من 130 فلسطينيا قتلوا وأصيب 15 ألف برصاص القوات "
        "الإسرائيلية أثناء الاحتجاجات.\n",
        "2018-07-15",
    )
    assert (found[0].date.start, found[0].casualties.killed) == (date(2018, 7, 13), 1)
    assert len(found[0].sources) == 1


def test_a_total_ten_times_the_day_s_dead_is_background_not_its_toll() -> None:
    found = incidents(
        "قتل ثلاثة فلسطينيين وأصيب أكثر من 400 آخرين، برصاص الجيش الإسرائيلي، خلال تظاهرات"
        " قرب الشريط الحدودي بين قطاع غزة وإسرائيل يوم الجمعة.\n"
        "وتظاهر آلاف الفلسطينيين على طول الحدود.\n"
        "وأشعل شبان عشرات إطارات السيارات.\n"
        "وصرح المفوض السامي زيد رعد الحسين في بيان، مشيرا إلى مقتل 42 شخصا من بينهم أربعة"
        " فتيان وإصابة نحو 5500 آخرين بجروح.\n",
        "2018-04-27",
    )
    assert (found[0].casualties.killed, found[0].casualties.wounded) == (3, 400)
    assert [i.casualties.killed for i in found if i.casualties.killed] == [3]
    assert len(found[0].sources) == 1


def test_the_dead_of_strikes_after_a_shelling_s_few_are_the_strikes_own() -> None:
    # Ten times the dead, but told with a means of their own (air raids after
    # the Houthis' shelling): another event, not the shelling's running total.
    found = incidents(
        "ومن جهة أخرى، قتل 5 مدنيين وأصيب 7 آخرون في قصف عشوائي لميليشيات الحوثي، على"
        " مناطق سكنية في قرية المنظر جنوبي مدينة الحديدة، خلال اليومين الماضيين.\n"
        "وأفادت مصادر عسكرية وطبية بمقتل نحو 79 مسلحا من ميليشيات الحوثي، في غارات لتحالف"
        " دعم الشرعية في اليمن، على مناطق متفرقة من الساحل الغربي.\n",
        "2018-08-10",
    )
    assert [(i.type, i.casualties.killed) for i in found] == [("shelling", 5), ("airstrike", 79)]


@pytest.mark.parametrize(
    ("text", "published", "killed"),
    [
        # a higher toll told as the attack's is its toll
        (
            "قتل خمسة مواطنين روس في هجوم للتحالف الدولي على قوات موالية للنظام في دير الزور"
            " في 7 شباط/فبراير.\n"
            "لكن وسائل إعلام روسية أشارت إلى حصيلة أكبر تفوق 200 قتيلا.\n",
            "2018-02-17",
            [200],
        ),
        # a toll since a campaign began is no event of its means, nor the day's toll
        (
            "قتل 12 مدنيا في قصف على دوما الأربعاء.\n"
            "ويرتفع بذلك عدد القتلى لأكثر من 1560 شخصا منذ بدء تصعيد القصف الجوي والبري على"
            " الغوطة الشرقية.\n",
            "2018-03-22",
            [12],
        ),
    ],
)
def test_a_later_toll_of_the_same_kind(text: str, published: str, killed: list[int]) -> None:
    assert [i.casualties.killed for i in incidents(text, published)] == killed


def test_a_toll_since_then_is_not_the_day_s_killing() -> None:
    found = incidents(
        "أعلنت وزارة الصحة الفلسطينية، الجمعة، مقتل شاب فلسطيني بعد إطلاق النار عليه من قبل "
        "الجيش الإسرائيلي في مدينة الخليل.\n"
        "وقالت الوزارة إن الشاب قتل، مساء الجمعة، خلال مواجهات اندلعت في مدينة الخليل جنوبي "
        "الضفة الغربية.\n"
        "ووقعت الجمعة مواجهات متفرقة في الضفة الغربية وقطاع غزة، احتجاجا على قرار الإدارة "
        "الأميركية الاعتراف بمدينة القدس عاصمة لإسرائيل، حيث قتل 30 فلسطينيا على الأقل، منذ "
        "ذلك الحين.\n",
        "2018-03-09",
    )
    assert found[0].casualties.killed == 1 and len(found[0].sources) == 2


def test_a_war_toll_after_a_strike_is_not_the_strike_s_toll() -> None:
    found = incidents(
        "وكانت السعودية قد أكدت الأربعاء شن التحالف غارة في اليمن أدت إلى مقتل صالح الصماد.\n"
        "وتقول تقديرات إن الحرب في اليمن أدت إلى مقتل حوالي 10 آلاف شخص.\n",
        "2018-04-28",
    )
    assert [i.casualties.killed for i in found] == [None]
    assert len(found[0].sources) == 1


def test_a_toll_of_thousands_so_far_is_the_running_offensive_s() -> None:
    found = incidents(
        "وتشن قوات النظام منذ 18 شباط/فبراير حملة جوية عنيفة على الغوطة الشرقية.\n"
        "وتسبب الهجوم حتى الآن بمقتل أكثر من 1220 مدنيا بينهم 248 طفلا، وفق المرصد.\n",
        "2018-03-15",
    )
    assert [i.casualties.killed for i in found] == [1220]
    assert found[0].date.start == date(2018, 2, 18) and len(found[0].sources) == 2


def test_this_year_s_toll_so_far_is_not_the_day_s_attack() -> None:
    """ "في 2018" is this year, to publication: its 26 dead are the city's so
    far, not Sunday's shooting's."""
    found = incidents(
        "قتل شخصان وأصيب 13 في هجوم مسلح بمدينة تورونتو الكندية الأحد.\n"
        "وأظهرت بيانات للشرطة أن عدد القتلى من أعمال عنف بأسلحة نارية في المدينة ارتفع"
        " ليسجل 26 قتيلا حتى الآن في 2018.\n",
        "2018-07-24",
    )
    shooting = [i for i in found if i.date.precision == "day"]
    assert [(i.date.start, i.casualties.killed) for i in shooting] == [(date(2018, 7, 22), 2)]


def test_a_war_toll_after_a_span_long_past_is_background() -> None:
    found = incidents(
        "وتعرض اليمن لدمار كبير من جراء تصاعد الصراع فيه مطلع عام 2015، عندما سيطر الحوثيون"
        " على معظم الأجزاء الغربية في البلاد من بينها العاصمة صنعاء.\n"
        "وقد قتل نحو 10 آلاف شخص، ثلثاهما من المدنيين، وجُرح 55 ألفا آخرون في القتال الدائر"
        " في اليمن.\n",
        "2018-10-01",
    )
    assert [i.casualties.killed for i in found] == [None]


def test_an_old_dated_event_is_not_the_date_of_an_undated_one() -> None:
    found = incidents(
        "وكشف الجنرال صوراً لمقاتلات الشبح وهي تحلق في سماء بيروت، وقال إن إسرائيل قصفت مرتين"
        " بواسطة مقاتلات الشبح على جبهتين مختلفتين في الشرق الأوسط.\n"
        "وعرض فيلماً عن استهداف المفاعل النووي السوري في دير الزور عام 2007.\n",
        "2018-05-22",
    )
    # Recalled from more than a year back: neither the strikes' date nor news.
    assert [i.date.start.year for i in found if i.date.start] == [2018]
    found = incidents(
        "وتدور معارك عنيفة على جبهات أخرى في عفرين.\n"
        "وشنت تركيا وفصائل سورية موالية لها في 20 كانون الثاني/يناير هجوما ضد منطقة عفرين.\n",
        "2018-03-10",
    )
    # Older than a month but this year: an event of its own, on its own day.
    assert sorted(str(i.date.start) for i in found) == ["2018-01-20", "2018-03-10"]


def test_more_dead_told_with_also_add_to_the_toll() -> None:
    found = incidents(
        "واندلعت اشتباكات عنيفة السبت في مدينة البوكمال.\n"
        "وقتل في الاشتباكات 30 من أفراد القوات الحكومية.\n"
        "وقتل أيضا 21 من مسلحي تنظيم الدولة.\n"
    )
    assert [i.casualties.killed for i in found] == [51]


def test_a_higher_toll_updates_the_first() -> None:
    found = incidents(
        "قتل 32 شخصا في هجمات انتحارية على مدينة السويداء الأربعاء.\n"
        "وارتفعت حصيلة الهجمات على مدينة السويداء إلى 221 قتيلا.\n",
        "2018-07-25",
    )
    assert [i.casualties.killed for i in found] == [221]


@pytest.mark.parametrize(
    "text",
    [
        # two villages, two strikes
        "قصفت الطائرات بلدة سراقب الجمعة.\nوقصفت الطائرات بلدة أريحا الجمعة.\n",
        # the text says it is another one
        "شنت الطائرات غارة على بلدة سراقب الجمعة.\nوشنت غارة أخرى على مواقع قرب المدينة.\n",
        # two named days
        "قتل 26 مدنيا في قصف جوي الجمعة.\nوقتل ستة مدنيين في غارات جوية السبت.\n",
        # one sentence, two days, an event on each
        "قتل ثلاثة مدنيين في قصف على مدينة سراقب الأربعاء، وقتل خمسة في غارة على بلدة كفرنبل الخميس.\n",
        # two places the gazetteer does not know, named apart
        "ويوم الثلاثاء هاجم مسلحون بيتا في إقليم ساريبول وقتلوا 15 شخصا.\n"
        "وقال المتحدث إن القتال يدور منذ أكثر من أسبوع في منطقتي دارزاب وقوش طيبة.\n",
        # the town an airport is named after is no place of the airport's fight
        "اشتبكت القوات مع الحوثيين في مدينة الحديدة الجمعة.\n"
        "واشتبكت القوات مع الحوثيين داخل مطار الحديدة الجمعة.\n",
        # a country beside a town in it is no wider place that holds both
        "شنت الدول الثلاث الضربات على أهداف للنظام السوري في حمص.\n"
        "وكان آخر هذه الضربات غارة إسرائيلية في التاسع من يونيو استهدفت قاعدة التيفور.\n",
        # a definite noun in another district than the raids told before
        "شنت مقاتلات التحالف غارات على مواقع الحوثيين في مديرية نهم.\n"
        "كما استهدفت الغارات تعزيزات للميليشيات في مديرية الحالي بمحافظة الحديدة.\n",
        # an event told as earlier, at no time the text gives, is not a dated one
        "وأضاف الأسير أن عنصرا إيرانيا كان يقاتل في صفوف الميليشيا قتل في وقت سابق.\n"
        "ووصلت 17 جثة من قتلى الحوثيين إلى مستشفى حجة سقطوا في المعارك التي دارت الأحد في "
        "مديرية حرض.\n",
        # another car (bomb): "أخرى" after the means of an event is another one
        "انفجرت سيارة مفخخة في سوق بمدينة بغداد الأحد.\n"
        "ثم انفجرت سيارة أخرى كانت متوقفة قرب المسجد في بغداد الأحد.\n",
        # other places said as elsewhere ("في أماكن أخرى"), not as more places
        "فجر انتحاري نفسه أمام مركز اقتراع في مدينة كويتا الجمعة.\n"
        "وفي أماكن أخرى قتل شخصان وجرح آخرون في انفجار صغير الجمعة.\n",
        # fighting going on as the article is written, after a village taken on Sunday
        "سيطرت القوات الحكومية على قرية مديرا يوم الأحد.\n"
        "وقال المرصد إن اشتباكات عنيفة تجري قرب حرستا، في المنطقة الواقعة بين مديرا وعربين، "
        "وفي مناطق اخرى.\n",
    ],
)
def test_two_events_stay_two(text: str) -> None:
    assert len(incidents(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # another source, past its adjective ("مصدر طبي آخر"), tells no new event
        "قتل خمسة يمنيين وأصيب 18 بجروح في قصف بصاروخ كاتيوشا أصاب حيا سكنيا في وسط مأرب "
        "الأحد.\n"
        "ونقلت وكالة الأنباء الرسمية عن مصدر طبي آخر في المدينة أن القصف الذي أدى إلى مقتل "
        "اليمنيين الخمسة أصاب حيا سكنيا.\n",
        # nor one more person hurt in it ("وإصابة مواطن آخر")
        "قتل فلسطيني وأصيب آخر بجروح في قصف إسرائيلي على شمال قطاع غزة الاثنين.\n"
        "وأعلن المتحدث باسم الوزارة مقتل المواطن محمد الرضيع وإصابة مواطن آخر بجروح جراء "
        "استهداف الاحتلال لشمال قطاع غزة الاثنين.\n",
    ],
)
def test_another_person_or_source_is_no_other_event(text: str) -> None:
    found = incidents(text)
    assert len(found) == 1 and len(found[0].sources) == 2


def test_a_total_since_the_protests_began_is_not_the_day_s_toll() -> None:
    # ("منذ انطلاقها": since they began; "آخر إحصاء", the latest count)
    found = incidents(
        "قتل فلسطينيان برصاص الجيش الإسرائيلي خلال مظاهرات قرب السياج الفاصل بين قطاع غزة "
        "وإسرائيل الجمعة.\n"
        "وحسب آخر إحصاء لوزارة الصحة، فإن إجمالي عدد القتلى الفلسطينيين في هذه المظاهرات "
        "منذ انطلاقها بلغ 168 قتيلا.\n"
    )
    friday = [i for i in found if i.date.start == date(2018, 6, 8)]
    assert len(friday) == 1 and friday[0].casualties.killed == 2
    assert len(friday[0].sources) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a region may hold the town told before
        "شنت الطائرات غارات على مدينة دوما الجمعة.\n"
        "وأدت الغارات على الغوطة الشرقية إلى دمار واسع.\n",
        # a demonstrative points back, wherever the telling puts it
        "شنت مقاتلات التحالف غارات على مواقع الحوثيين في مديرية التحيتا.\n"
        "وجاءت هذه الغارات على مديرية الحالي بعد تقدم القوات.\n",
        # a governorate, then its capital, named after it ("تعز")
        "لقي قيادي حوثي بارز مصرعه، الأربعاء، بانفجار لغم أرضي في محافظة تعز.\n"
        "وأفاد بيان للمركز الإعلامي لمحور تعز العسكري أن القيادي لقي مصرعه إثر انفجار لغم "
        "أرضي، غرب تعز.\n",
    ],
)
def test_a_definite_noun_where_the_first_may_be_is_that_event(text: str) -> None:
    assert len(incidents(text)) == 1


@pytest.mark.parametrize(
    ("text", "published", "town"),
    [
        # a region's advance, then the village of it the forces took that day
        (
            "قال المرصد السوري إن قوات الحكومة حققت تقدما الأربعاء، بعد اشتباكات مع مقاتلي "
            "المعارضة في الغوطة الشرقية قرب دمشق.\n"
            "وأضاف المرصد أن قوات الحكومة تقدمت في منطقة حوش الضواهرة على الطرف الشرقي من "
            "معقل المعارضة المحاصر.\n",
            "2018-02-28",
            "Hosh al-Dawahira",
        ),
        # raids on a region, then the town they struck
        (
            "قال المرصد السوري إن طائرات النظام نفذت غارات على مناطق يسيطر عليها الثوار في "
            "الغوطة الشرقية.\n"
            "وقال المرصد في التقرير إن مقاتلات النظام استهدفت منطقة الشيفونية.\n",
            "2018-02-25",
            "al-Shifuniyah",
        ),
        # a rocket fired on a region's edge, then where it fell, another toll
        (
            "تسببت قذيفة صاروخية أطلقت من منطقة الغوطة الشرقية في مقتل 35 شخصا.\n"
            "وقالت وكالة سانا إن القذيفة الصاروخية سقطت على سوق مزدحم في جرمانا، ما أدى إلى "
            "مقتل 20 شخصا.\n",
            "2018-03-20",
            "Jaramana",
        ),
        # a region across provinces (regions.yaml), then a district of one of them
        (
            "قتل 16 من مسلحي الميليشيات الحوثية وأصيب 22 آخرين، في اشتباكات بين قوات المقاومة "
            "الوطنية والمتمردين على جبهة الساحل الغربي، خلال الساعات الماضية.\n"
            "وتركزت المواجهات بين الطرفين شمالي مديرية حيس.\n",
            "2018-05-01",
            "Hays",
        ),
    ],
)
def test_a_town_of_the_region_told_before_says_where(text: str, published: str, town: str) -> None:
    (found,) = incidents(text, published)
    assert town in [p.en for p in found.places]


@pytest.mark.parametrize(
    "text",
    [
        # fewer dead, at a strike not pointed back to: a share of the day's toll
        "أفادت مصادر طبية في الغوطة الشرقية بارتفاع عدد القتلى، السبت، إلى 35 قتيلا في "
        "غارات جوية.\n"
        "وقال مدير الدفاع المدني إن طائرة حربية قصفت مدينة حرستا السبت، ما أدى إلى مقتل 11 "
        "مدنيا.\n",
        # more dead in the town than in all the region: another event
        "قتل شخصان في قصف على بلدة حمورية الأربعاء.\n"
        "وقتل شخص في قصف بقذائف الهاون على الغوطة الشرقية الأربعاء.\n",
    ],
)
def test_a_town_s_toll_that_does_not_fit_the_region_s_is_another_event(text: str) -> None:
    assert len(incidents(text, "2018-03-14")) == 2


def test_the_fire_a_strike_answered_is_an_incident_where_it_fell() -> None:
    """ "ردا على إطلاق صواريخ … باتجاه إسرائيل": the rockets are an event of their
    own, on Israel, dated with the strikes they brought on Gaza (the night
    before the day it was said, not that day)."""
    found = incidents(
        'أعلن الجيش الإسرائيلي الأربعاء أنه ضرب 25 "هدفا عسكريا" لحماس بغارات جوية في قطاع'
        " غزة ليلا ردا على إطلاق صواريخ وقذائف من القطاع باتجاه إسرائيل، في تصعيد عسكري"
        " غير مسبوق منذ حرب العام 2014.\n",
        "2018-05-30",
    )
    got = [(i.type, i.date.start, "Israel" in [p.en for p in i.places]) for i in found]
    assert got == [("airstrike", date(2018, 5, 29), False), ("shelling", date(2018, 5, 29), True)]


def test_the_fire_told_again_as_the_cause_of_strikes_is_one_more_source() -> None:
    found = incidents(
        "قصفت طائرات حربية إسرائيلية أكثر من 12 موقعا لحركة حماس في قطاع غزة، وأوضح بيان"
        " للجيش الإسرائيلي الأحد، أن الضربات الجوية جاءت ردا على إطلاق أربع قذائف أطلقت من"
        " القطاع المحاصر على إسرائيل.\n"
        "وأعلن الجيش الإسرائيلي في بيان الأحد أن طائرات حربية إسرائيلية قصفت أكثر من 12"
        " موقعا لحركة حماس في غزة ردا على إطلاق صواريخ على إسرائيل.\n",
        "2018-06-03",
    )
    fire = [i for i in found if i.type == "shelling"]
    assert [(len(i.sources), [p.en for p in i.places]) for i in fire] == [(2, ["Israel"])]


def test_a_meeting_and_the_attack_it_discussed_are_two_events() -> None:
    found = incidents(
        "والتقى أعضاء مجلس الأمن الـ 15، الاثنين، في جلسة طارئة في نيويورك، لمناقشة الهجوم "
        "الكيماوي المفترض الذي وقع، السبت، في مدينة دوما السورية وأوقع عشرات القتلى.\n",
        "2018-04-10",
    )
    assert [(i.type, i.date.start, [p.en for p in i.places]) for i in found] == [
        ("diplomacy", date(2018, 4, 9), ["New York"]),
        ("battle", date(2018, 4, 7), ["Douma"]),
    ]


@pytest.mark.parametrize(
    ("text", "strike"),
    [
        (
            "وبعد أسبوع من الهجوم، الذي وقع يوم 7 أبريل/ نيسان، شنت الولايات المتحدة وبريطانيا "
            "وفرنسا ضربة عسكرية ضد مواقع تابعة للحكومة السورية.",
            (date(2018, 4, 14), "approx"),
        ),
        (
            "شنت إسرائيل غارة على مطار التيفور بعد يومين من الهجوم الذي وقع يوم 7 أبريل.",
            (date(2018, 4, 9), "day"),
        ),
    ],
)
def test_an_event_counted_from_is_one_of_its_own_on_its_day(
    text: str, strike: tuple[date, str]
) -> None:
    found = incidents(text + "\n", "2018-04-16")
    assert sorted((i.type, i.date.start, i.date.precision) for i in found) == [
        ("airstrike", *strike),
        ("battle", date(2018, 4, 7), "day"),
    ]


def test_a_piece_cut_off_is_cut_again() -> None:
    found = incidents(
        'وصل فريق لتقصي الحقائق من "OPCW" إلى سوريا، السبت، في اليوم ذاته التي وجهت فيه كل من '
        "الولايات المتحدة وبريطانيا وفرنسا ضربات جوية ضد أهداف تابعة للحكومة السورية، رداً على "
        "هجوم كيماوي في 7 إبريل/نيسان بدوما.\n",
        "2018-04-15",
    )
    assert [(i.type, i.date.start) for i in found] == [
        ("diplomacy", date(2018, 4, 14)),
        ("airstrike", date(2018, 4, 14)),
        ("battle", date(2018, 4, 7)),
    ]


def test_an_inquiry_and_the_attack_it_looks_into_are_two_events() -> None:
    found = incidents(
        "دخلت لجنة تقصي الحقائق التابعة لمنظمة حظر الأسلحة الكيميائية الثلاثاء إلى مدينة دوما "
        "بحسب ما أعلنت وكالة الأنباء السورية، للتحقيق في هجوم كيميائي مفترض وقع قبل عشرة أيام.\n",
        "2018-04-17",
    )
    assert [(i.date.start, [p.en for p in i.places]) for i in found] == [
        (date(2018, 4, 17), ["Douma"]),
        (date(2018, 4, 7), ["Douma"]),
    ]


@pytest.mark.parametrize(
    ("second", "n"),
    [
        ("والتقى الرئيس الأمريكي دونالد ترامب الثلاثاء بالرئيس الفرنسي إيمانويل ماكرون.", 2),
        ("والتقى بوتين الثلاثاء أردوغان.", 1),
    ],
)
def test_meetings_of_one_day_are_one_when_they_share_a_party(second: str, n: int) -> None:
    first = "التقى الرئيس الروسي فلاديمير بوتين الثلاثاء بالرئيس التركي رجب طيب أردوغان."
    assert len(incidents(f"{first}\n{second}\n", "2018-04-10")) == n


def test_an_arrest_told_on_the_day_it_was_said_takes_its_own_day() -> None:
    found = incidents(
        "اعتقلت السلطات الألمانية 4 سوريين للاشتباه بتورطهم في محاولة قتل وهجوم بالقنابل "
        "الحارقة على مصلى، وفقا لما ذكرته الشرطة الألمانية، الخميس.\n"
        "واعتقلت الشرطة المشتبه بهم، الأربعاء، بحسب البيان.\n",
        "2018-03-30",
    )
    assert [(i.type, i.date.start) for i in found] == [("arrest", date(2018, 3, 28))]


def test_the_west_of_a_country_is_not_its_east() -> None:
    found = incidents(
        "قتل 15 شخصا الثلاثاء في هجوم انتحاري بمدينة جلال آباد شرقي أفغانستان.\n"
        "وفي غرب أفغانستان انفجرت قنبلة أثناء مرور حافلة ركاب ما أسفر عن مقتل 11 شخصا.\n",
        "2018-08-01",
    )
    assert [i.casualties.killed for i in found] == [15, 11]


def test_one_sentence_two_days_each_event_its_own_day() -> None:
    found = incidents(
        "والرئيس الذي اتصل به الخميس، والرئيس الإيراني روحاني الذي اتصل به الأحد في طهران.\n",
        "2018-03-06",
    )
    assert [i.date.start for i in found] == [date(2018, 3, 1), date(2018, 3, 4)]


def test_a_day_counted_from_the_one_before_opens_an_event_of_its_own() -> None:
    found = incidents(
        "قتل جندي في 20 فبراير 2018 في حلب، وفي اليوم التالي قصفت الطائرات حرستا.\n",
        "2018-02-25",
    )
    assert [(i.date.start, [p.en for p in i.places][:1]) for i in found] == [
        (date(2018, 2, 20), ["Aleppo"]),
        (date(2018, 2, 21), ["Harasta"]),
    ]


def test_an_event_told_by_a_relative_clause_with_its_own_day_is_its_own() -> None:
    found = incidents(
        "ويعقد مجلس الأمن الدولي الثلاثاء جلسة علنية، بطلب من موسكو، للاطّلاع على ما توصّلت "
        "إليه القمة التي عقدت بين روسيا وإيران وتركيا في طهران الجمعة حول محافظة إدلب.\n",
        "2018-09-11",
    )
    assert (date(2018, 9, 7), "Tehran") in [(i.date.start, i.places[0].en) for i in found]


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        # an event another was done in keeps what was done in it
        (
            'يمثل شخص "نباتي" أمام محكمة فرنسية، الخميس، وقد يواجه عقوبة بالسجن بسبب رسالة '
            'نشرها على فيسبوك، قال فيها إنه "لا يتعاطف بالمرة" مع جزار قتل في الهجوم الذي وقع '
            "في بلدة تريب على يد متشدد الأسبوع الماضي.\n",
            "2018-03-29",
            [(date(2018, 3, 18), "week")],
        ),
        # an event planned is none
        (
            "بعث ترامب، الخميس، رسالة إلى كيم جونغ أون يخبره فيها بإلغاء القمة التي كانت "
            "مزمعة في سنغافورة يوم 12 مايو.\n",
            "2018-05-24",
            [],
        ),
    ],
)
def test_a_relative_clause_opens_no_event_of_what_was_done_in_it_or_planned(
    text: str, published: str, dates: list[tuple[date, str]]
) -> None:
    assert [(i.date.start, i.date.precision) for i in incidents(text, published)] == dates


def test_a_place_told_by_a_relative_clause_opens_no_event() -> None:
    found = incidents(
        "والسبت، تجولت جولي في الموصل، المدينة الرئيسية في شمال العراق التي استعادت القوات "
        "النظامية السيطرة عليها العام الماضي.\n",
        "2018-06-18",
    )
    assert [(i.date.start, i.places[0].en) for i in found] == [(date(2018, 6, 16), "Mosul")]


def test_a_day_counted_from_the_one_before_is_cut_at_its_nearest_and() -> None:
    found = incidents(
        "• 7-9 يناير 2015: هاجم مسلحان مقر مجلة شارلي إيبدو وقتلا 17 شخصا، وقتل مسلح آخر "
        "شرطية في اليوم التالي.\n",
        "2018-03-25",
    )
    assert [(i.date.start, i.casualties.killed) for i in found] == [
        (date(2015, 1, 7), 17),
        (None, None),  # the day after a range of days is no day
    ]


def test_two_days_inside_one_report_are_two_events_and_one_after_this_a_third() -> None:
    found = incidents(
        "قال الجيش الإسرائيلي في بيان إن طائراته قصفت فجر الأربعاء مواقع لحركة حماس في غزة، ردا "
        'على تسلل من سمتهم "إرهابيين فلسطينيين" صباح الثلاثاء إلى إسرائيل.\n\n'
        "وكانت دبابة إسرائيلية فتحت النار الثلاثاء على موقع لحماس في أعقاب عملية التسلل هذه.\n",
        "2018-05-23",
    )
    assert [(i.date.start, i.places[0].en) for i in found] == [
        (date(2018, 5, 23), "Gaza Strip"),
        (date(2018, 5, 22), "Israel"),
        (date(2018, 5, 22), "Gaza Strip"),
    ]


def test_a_toll_then_how_and_where_in_one_sentence_is_one_event() -> None:
    found = incidents(
        "قال المرصد إن ثلاثة مدنيين قتلوا فيما أصيب عدد آخر بإلقاء مروحيات النظام براميل "
        "متفجرة على مدينة الحراك.\n",
        "2018-07-06",
    )
    assert [(i.type, i.casualties.killed, [p.en for p in i.places][:1]) for i in found] == [
        ("airstrike", 3, ["Al Hirak"])
    ]


def test_another_that_with_its_own_day_in_a_report_is_another_event() -> None:
    found = incidents(
        "وأفاد المرصد السوري لحقوق الإنسان أن نحو 20 ألف مدني خرجوا من الغوطة الشرقية الخميس، "
        "وأن نحو ألفين خرجوا الجمعة من بلدة سقبا.\n",
        "2018-03-17",
    )
    assert [(i.type, i.date.start) for i in found] == [
        ("displacement", date(2018, 3, 15)),
        ("displacement", date(2018, 3, 16)),
    ]


def test_an_anchor_word_opens_the_later_day_s_event_before_its_own_and() -> None:
    found = incidents(
        "أفادت سانا عن إصابة خمسة مدنيين بجروح الجمعة، غداة مقتل أربعة مدنيين وإصابة 52 آخرين "
        "الخميس.\n",
        "2018-04-20",
    )
    assert [
        (i.date.start, i.casualties.killed, i.casualties.wounded, i.sources[0].quote[:9])
        for i in found
    ] == [
        (date(2018, 4, 20), None, 5, "أفادت سان"),
        (date(2018, 4, 19), 4, 52, "غداة مقتل"),
    ]


def test_a_response_and_its_cause_on_other_days_are_two_events() -> None:
    found = incidents(
        "ونفذت الولايات المتحدة وفرنسا ضربات جوية على سوريا فجر السبت ردا على هجوم كيميائي "
        "مفترض وقع في السابع من نيسان/أبريل في مدينة دوما.\n",
        "2018-04-15",
    )
    assert [(i.date.start, [p.en for p in i.places]) for i in found] == [
        (date(2018, 4, 14), ["Syria"]),
        (date(2018, 4, 7), ["Douma"]),
    ]


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # the dead of the attack responded to are not the response's
        (
            "أعلنت وكالة فارس أن الحرس الثوري شن، فجر الإثنين، هجوما صاروخيا على مقر "
            "الإرهابيين بسوريا، ردا على هجوم الأحواز، الذي أسفر عن مقتل 25 شخصا قبل أيام.\n",
            None,
            None,
        ),
        ("شنت إسرائيل غارات على غزة الاثنين ردا على إصابة أربعة جنود إسرائيليين.\n", None, None),
        # ... unless the clause is dated inside the cause's phrase: it tells the cause
        (
            "وعرقل هجوم لقوات الحكومة السورية التعاون الهش بين أنقرة وموسكو بعد مقتل 13 "
            "جنديا تركيا في الأسبوعين الماضيين.\n",
            13,
            None,
        ),
        # ... but what follows the cause's phrase is the response's own again
        (
            "شنت إسرائيل غارات على غزة الاثنين ردا على إطلاق صواريخ، ما أسفر عن مقتل 3 "
            "فلسطينيين.\n",
            3,
            None,
        ),
    ],
)
def test_a_cause_s_toll_is_not_the_response_s(
    text: str, killed: int | None, wounded: int | None
) -> None:
    first = incidents(text, "2018-10-01")[0]
    assert (first.casualties.killed, first.casualties.wounded) == (killed, wounded)


def test_the_day_an_attack_was_spoken_of_after_its_speaker_is_not_its_day() -> None:
    found = incidents(
        "ينتظر الخبراء الضوء الأخضر ليبدأوا تقصي الأدلة بشأن الهجوم الكيميائي المحتمل على "
        "مدينة دوما السورية، وفق ما أعلن السفير السوري بشار الجعفري الثلاثاء.\n\n"
        "وقالت الوزارة إن أدلة قد تختفي من موقع الهجوم الكيميائي المفترض في السابع من "
        "نيسان/أبريل في دوما.\n",
        "2018-04-18",
    )
    assert [(i.date.start, [p.en for p in i.places]) for i in found] == [
        (date(2018, 4, 7), ["Douma"])
    ]


def test_an_attack_told_then_attributed_to_a_day_s_speaker_is_the_dated_one() -> None:
    # the day after "بحسب ما أفاد قصر الإليزيه" is the saying's: the attack it
    # tells is the one the next sentence dates
    found = incidents(
        'وكان الرئيسان ماكرون وترمب قد طالبا المجتمع الدولي بـ"رد حازم" على الهجوم '
        "الكيمياوي على مدينة دوما في سوريا، بحسب ما أفاد قصر الإليزيه مساء الاثنين.\n\n"
        "وناقش الرئيسان التطورات التي حصلت منذ الهجوم الكيميائي الذي استهدف في 7 "
        "نيسان/أبريل سكان دوما.\n",
        "2018-04-10",
    )
    assert [(i.date.start, len(i.sources)) for i in found] == [(date(2018, 4, 7), 2)]


def test_one_night_told_twice_in_a_sentence_is_one_event() -> None:
    found = incidents(
        "بث الجيش، ليل الخميس، مقطع فيديو يظهر استهداف منصة صواريخ، خلال الهجمات التي شنتها "
        "الطائرات فجر الخميس على أهداف في بلدة سراقب.\n",
        "2018-05-11",
    )
    assert len(found) == 1


def test_reporters_are_not_parties_and_states_in_relations_are_not_places() -> None:
    (found,) = incidents(
        "قال المرصد السوري إن الطائرات الروسية قصفت بلدة سراقب الجمعة، بحسب وكالة رويترز، "
        "مما فاقم التوتر بين أنقرة ودمشق.\n"
    )
    assert found.reported_by == "sohr"
    assert "sohr" not in found.actors and "reuters" not in found.actors
    assert [p.en for p in found.places] == ["Saraqib"]


def test_a_country_struck_is_the_place_when_nothing_finer_is_named() -> None:
    (found,) = incidents(
        "ونفذت الولايات المتحدة وفرنسا وبريطانيا ضربات جوية على سوريا فجر السبت.\n"
    )
    assert [p.en for p in found.places] == ["Syria"]


def test_what_a_threat_responds_to_is_the_incident_undated() -> None:
    (found,) = incidents(
        'حذرت روسيا الاثنين من "تداعيات خطرة" إذا تعرضت سوريا لضربة عسكرية ردا على هجوم '
        "كيميائي مفترض استهدف مدينة دوما.\n",
        "2018-04-10",
    )
    assert found.type == "battle" and [p.en for p in found.places] == ["Douma"]
    assert found.date.start is None and "responds to" in found.date.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # condemned, with the town it struck: the event, undated, the speaker reports it
        (
            'أدانت السعودية "الهجوم الكيماوي المروع الذي تعرضت له مدينة دوما،" الأحد.',
            [("battle", ["Douma"], None)],
        ),
        # a demand for an inquiry into reports of it
        (
            'دعت الخارجية البريطانية، الأحد، إلى "تحقيق عاجل" في تقارير حول هجوم كيماوي '
            "بمدينة دوما.",
            [("battle", ["Douma"], None)],
        ),
        # the accused's act, dated after its trigger
        (
            "الهجوم الكيميائي الذي تتهم الحكومة السورية بشنه على بلدة دوما في 7 أبريل.",
            [("battle", ["Douma"], date(2018, 4, 7))],
        ),
        # a place named before the trigger is the speaker's, not the event's
        ("وبشأن الوضع في عفرين، ندد هولاند ببيع السلاح لتركيا التي تقصف المدنيين.", []),
        # a threat is no event spoken of
        ("هددت تركيا بشأن عملية عسكرية ضد المقاتلين الأكراد في منبج.", []),
        # long past: recalled, not news
        ("وهو مطلوب في تركيا بشأن تفجير في أنقرة عام 2013.", []),
        # a crime told of a person
        ("بعد أولى اتهامات الاعتداء الجنسي الموجهة إليه في نيويورك.", []),
    ],
)
def test_an_event_spoken_of_is_an_incident_where_the_clause_places_it(
    text: str, expected: list[tuple[str, list[str], date | None]]
) -> None:
    found = incidents(text + "\n", "2018-04-10")
    assert [(i.type, [p.en for p in i.places], i.date.start) for i in found] == expected


def test_an_unplaced_incident_happened_where_the_sentence_before_is_set() -> None:
    found = incidents(
        "وقال مسؤول في مدينة دوما إن المفاوضات مستمرة.\n"
        "وأفادت وكالة سانا بخروج 1092 مدنيا الأحد.\n",
        "2018-03-26",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found] == [("displacement", ["Douma"])]


def test_a_place_scene_does_not_reach_past_two_sentences() -> None:
    found = incidents(
        "وقال مسؤول في مدينة دوما إن المفاوضات مستمرة.\n"
        "وقال المسؤول إن الحافلات جاهزة.\n"
        "وأكد الوزير أن الاتفاق قريب.\n"
        "وقتل ثلاثة مدنيين الأحد.\n",
        "2018-03-26",
    )
    assert [list(i.places) for i in found] == [[]]


_FAR = "وقال المسؤول إن الحافلات جاهزة.\nوأكد الوزير أن الاتفاق قريب.\n"  # past the scene


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the town" is the one the sentences before introduced as a town
        (
            "وتقصف قوات النظام بلدة بصر الحرير منذ أيام.\n"
            "وقال المرصد إن المعارك تتواصل في ريف درعا الشرقي.\n"
            "إذ تعرضت البلدة لقصف سوري بأكثر من 20 برميلا متفجرا، تزامنا مع قصف على منطقة اللجاة.\n",
            ["Busr al-Harir", "al-Lajat"],
        ),
        (
            "وقال مسؤول في مدينة جرابلس إن الحافلات جاهزة.\n"
            + _FAR
            + "وقد قصفت الطائرات المدينة.\n",
            ["Jarabulus"],
        ),
        # "the Strip" is the Gaza Strip named before
        (
            "وقال مسؤول في قطاع غزة إن الحافلات جاهزة.\n"
            + _FAR
            + "وتجمع آلاف الفلسطينيين على طول الحدود الشرقية للقطاع للتظاهر.\n",
            ["Gaza Strip"],
        ),
        # "the same front", "the same district": the front or district named before
        (
            "وقال مسؤول في جبهة صرواح إن الحافلات جاهزة.\n"
            + _FAR
            + "كما قصفت مدفعية الجيش مواقعهم وتجمعاتهم في ذات الجبهة.\n",
            ["Sirwah"],
        ),
        (
            "وقال مسؤول في مديرية المصلوب إن الحافلات جاهزة.\n"
            + _FAR
            + "وانفجر لغم أرضي بمركبة عسكرية بالقرب من موقع عسكري بالمديرية ذاتها.\n",
            ["Al Maslub"],
        ),
        # "the airport": the airport named before
        (
            "وقال مسؤول في مطار الحديدة إن الحافلات جاهزة.\n"
            + _FAR
            + "ونفذت مقاتلات التحالف غارات مكثفة على تجمعات الحوثيين في محيط المطار.\n",
            ["Hodeidah International Airport"],
        ),
        # "the governorate": the governorate named before ("أبرمت روسيا وفصائل معارضة
        # في المحافظة … اتفاق هدنة" after "محافظة درعا")
        (
            "وقال مسؤول في محافظة درعا إن الحافلات جاهزة.\n"
            + _FAR
            + "وقصفت الطائرات مواقع الفصائل في المحافظة في السادس من حزيران/يونيو.\n",
            ["Daraa"],
        ),
        # ... not when the clause introduces its own ("مركز المحافظة" of "محافظة درعا")
        (
            "وقال مسؤول في محافظة القنيطرة إن الحافلات جاهزة.\n"
            + _FAR
            + "وتم التوصل إلى اتفاق تسوية في محافظة درعا، جرى تنفيذه في بلداتها وصولا"
            " إلى المدينة مركز المحافظة.\n",
            ["Daraa"],
        ),
        # ... but one it introduces after the word is another ("إجلاء المقاتلين … في
        # محافظة إدلب")
        (
            "وقال مسؤول في محافظة درعا إن الحافلات جاهزة.\n"
            + _FAR
            + "وقصفت الطائرات مواقع الفصائل في المحافظة في السادس من حزيران/يونيو قبل"
            " إجلاء المقاتلين إلى محافظة إدلب.\n",
            ["Daraa", "Idlib"],
        ),
        # ... and through a relative clause after the word ("المدينة التي")
        (
            "وقال مسؤول في مدينة جرابلس إن الحافلات جاهزة.\n"
            + _FAR
            + "وقد استهدف قصف جوي ومدفعي المدينة التي يختبئ سكانها في الأبنية.\n",
            ["Jarabulus"],
        ),
        # ... or the heading right above names
        (
            "وقتل 171 فلسطينيا في غزة منذ بدء مسيرات العودة.\n"
            "قطاع غزة المحاصر يشهد ثلاث موجات من التصعيد\n"
            "وشهد القطاع ثلاث موجات تصعيد آخرها في 9 حزيران/يونيو عندما أطلق من القطاع 180"
            " صاروخا باتجاه إسرائيل التي ردت بغارات كثيفة.\n",
            ["Gaza Strip"],
        ),
        # ... not a town the sentences named otherwise, nor "the old city"
        (
            "وقال مسؤول إن المسلحين سيخرجون إلى جرابلس.\n" + _FAR + "وقد قصفت الطائرات المدينة.\n",
            [],
        ),
        (
            "وقال مسؤول في مدينة جرابلس إن الحافلات جاهزة.\n"
            + _FAR
            + "وقد قصفت الطائرات المدينة القديمة.\n",
            [],
        ),
        # ... nor one named before a heading of another story
        (
            "وقال مسؤول في قطاع غزة إن الحافلات جاهزة.\n"
            "تظاهرات في الضفة الغربية\n"
            "وتجمع آلاف الفلسطينيين على طول الحدود الشرقية للقطاع للتظاهر.\n",
            [],
        ),
    ],
)
def test_the_town_a_sentence_names_by_its_kind_is_the_one_introduced_so(
    text: str, expected: list[str]
) -> None:
    found = incidents(text, "2018-06-25")
    assert [p.en for p in found[-1].places] == expected


def test_a_site_alone_makes_no_claim_a_report() -> None:
    """A quoted boast that names a street ("في شارع بغداد") is no report of a
    battle there: a site is not the town a claim needs."""
    found = incidents(
        'وقال في تغريدة: "أبشركم المجاهدين استولوا على نصف المدينة في شارع بغداد".\n',
        "2018-04-04",
    )
    assert found == ()


def test_a_site_alone_still_takes_the_scene_it_is_in() -> None:
    """A clause that names only a site ("مقر القنصلية الجديدة") happened where the
    sentences before it are set: the site goes before the town."""
    found = incidents(
        "وقال مسؤول في مدينة البصرة إن الوضع متوتر.\n"
        "واقتحم محتجون مقر القنصلية الجديدة مساء الجمعة.\n",
        "2018-09-08",
    )
    assert [p.ar for p in found[-1].places][:2] == ["مقر القنصلية الجديدة", "البصرة"]


def test_an_unplaced_incident_happened_in_the_country_the_article_is_set_in() -> None:
    found = incidents(
        "وتقاتل القوات الروسية في سوريا منذ سنوات.\n"
        "وقالت الولايات المتحدة إن نحو 100 من القوات الموالية للحكومة قتلوا في ضربات أميركية.\n"
        "ويعمل المتعاقدون الروس في سوريا.\n",
        "2018-02-18",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found] == [("airstrike", ["Syria"])]


def test_a_quarter_of_the_country_is_of_the_country_the_article_is_set_in() -> None:
    # the sentence before places a sending in Paris: no scene for eastern Syria
    found = incidents(
        "وتشارك فرنسا في التحالف الدولي ضد تنظيم داعش في سوريا والعراق.\n"
        "وكشف الوزير أن باريس أرسلت قوات خاصة كتعزيزات إلى سوريا.\n"
        "وأعلنت قوات سوريا الديمقراطية، الثلاثاء، عن إطلاق المرحلة النهائية من هجومها على "
        "تنظيم داعش شرقي البلاد.\n"
        "ويقاتل التنظيم في دير الزور والحسكة في سوريا.\n",
        "2018-05-04",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found][-1] == (
        "battle",
        ["Syria", "eastern Syria"],
    )


@pytest.mark.parametrize(
    ("second", "places"),
    [
        # a scene in the country places it finer
        ("وقتل 26 مسلحا في ضربات جوية جنوب البلاد.", ["Daraa"]),
        # a heading there is no place of it
        ("وفر الآلاف من المدنيين الأحد في قوافل تتجه إلى شمال البلاد.", ["Daraa"]),
    ],
)
def test_a_quarter_of_the_country_yields_to_a_scene_in_it(second: str, places: list[str]) -> None:
    found = incidents("وتشتد المعارك في محافظة درعا في سوريا.\n" + second + "\n", "2018-07-04")
    assert [p.en for p in found[-1].places] == places


def test_a_town_the_gazetteer_may_not_place_in_a_country_still_sets_the_scene() -> None:
    found = incidents(
        "استفحلت أزمة نازحي مدينة تاورغاء في ليبيا بسبب نكث الميليشيات بوعد إعادتهم.\n"
        "وتظاهر عدد من سكان المدينة الواقعة شمال غربي البلاد الجمعة، في الصحراء.\n",
        "2018-03-02",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found] == [("protest", ["Tawrgha"])]


def test_people_who_fled_the_city_the_article_is_about_fled_from_there() -> None:
    found = incidents(
        "وتواصل القوات التركية تقدمها نحو مدينة عفرين في شمال سوريا.\n\n"
        "وأعلنت الأمم المتحدة أن المساعدات وصلت.\n\n"
        "وقالت إن الجيش التركي طوق عفرين.\n\n"
        "وفر نحو 250 ألف مدني من المدينة خلال الأيام الأخيرة.\n",
        "2018-03-19",
    )
    fled = [i for i in found if i.type == "displacement"]
    assert [[p.en for p in i.places][:1] for i in fled] == [["Afrin"]]


def test_an_unplaced_incident_in_gaza_s_news_happened_in_the_gaza_strip() -> None:
    # Palestine is split into territories the news tells apart (territories.yaml).
    found = incidents(
        "تجمع آلاف الفلسطينيين قرب السياج الحدودي في قطاع غزة.\n"
        "وقتل رجل آخر في هجوم جوي إسرائيلي بالقرب من الحدود الخميس.\n"
        "وتقول إسرائيل إن حماس تستغل الاحتجاجات في قطاع غزة.\n",
        "2018-04-07",
    )
    strike = [i for i in found if i.type == "airstrike"]
    assert [[p.en for p in i.places] for i in strike] == [["Gaza Strip"]]


_SET_IN_SYRIA = (
    "وتتواصل المعارك في سوريا منذ سنوات.\n{}\nوتقول الأمم المتحدة إن الوضع في سوريا صعب.\n"
)


@pytest.mark.parametrize(
    ("title", "sentence", "place"),
    [
        # The one place the title names is the story's (FR-middleEast-709).
        ("سوريا: قتلى في غارات دموية على درعا", "وقتل 22 مدنيا الخميس في غارات جوية.", "Daraa"),
        (
            "الدفاعات السورية تدمّر هدفا معاديا غربي دمشق",
            "وتصدت الدفاعات الجوية لهدف معاد الخميس.",
            "Damascus",
        ),
        # A governorate may have a war's toll ("نزوح 50 ألف شخص"); a town may not.
        ("تقارير: قوات تركية تتمركز في ريف إدلب", "ونزح 30 ألف شخص الخميس.", "Idlib"),
        ("قتلى في غارات على سراقب", "وقتل 1200 مدني الخميس في غارات جوية.", "Syria"),
        # Two places in the title: which one is the event's?
        ("غارات على درعا وإدلب", "وقتل 22 مدنيا الخميس في غارات جوية.", "Syria"),
        # A capital that acts is its government, no place of the story.
        (
            "دمشق تتهم إسرائيل باستهداف إحدى مقاتلاتها",
            "وقتل 22 مدنيا الخميس في غارات جوية.",
            "Syria",
        ),
        # A place abroad is no place of the article's country.
        ("موسكو تحذر من التصعيد", "وقتل 22 مدنيا الخميس في غارات جوية.", "Syria"),
        # History the article recalls is no story of its title's days.
        ("سوريا: قتلى في غارات دموية على درعا", "وقتل 22 مدنيا في غارات جوية عام 2013.", "Syria"),
        # The event's own place comes first.
        ("سوريا: قتلى في غارات دموية على درعا", "وقتل 22 مدنيا الخميس في غارات على إدلب.", "Idlib"),
    ],
)
def test_an_unplaced_event_of_the_title_s_days_is_at_the_title_s_place(
    title: str, sentence: str, place: str
) -> None:
    found = incidents(_SET_IN_SYRIA.format(sentence), "2018-06-29", title)
    assert [next(p.en for p in i.places) for i in found] == [place]


def test_a_title_guessed_from_the_text_is_no_title() -> None:
    # With no title given, the reader takes the first words as one, spaces
    # evened out: they are no title naming the story's place.
    text = (
        "قتل  ثلاثة مدنيين الأربعاء في قصف على درعا في جنوب سوريا، بحسب المرصد السوري "
        "لحقوق الإنسان الذي قال إن القصف استهدف البلدات الواقعة في ريف المحافظة.\n"
        "وتتواصل المعارك في سوريا منذ سنوات.\n"
        "وتقول الأمم المتحدة إن الوضع في سوريا صعب.\n"
        "ويعيش السكان ظروفا صعبة في سوريا.\n"
        "وقتل 22 مدنيا الخميس في غارات جوية.\n"
    )
    found = incidents(text, "2018-06-29", guess_title(text))
    assert [[p.en for p in i.places] for i in found if i.casualties.killed == 22] == [["Syria"]]


@pytest.mark.parametrize(
    "text",
    [
        # Two countries the article sets things in: no home.
        "وقصفت الطائرات مواقع في سوريا.\nوقتل 100 مقاتل في ضربات أميركية.\n"
        "ودارت معارك في العراق.\n",
        # Countries named as parties are not where things happen.
        "ونفت روسيا أي دور.\nوقتل 100 مقاتل في ضربات أميركية.\nوردت روسيا على واشنطن.\n",
    ],
)
def test_no_country_is_guessed_for_an_article_set_in_several_or_none(text: str) -> None:
    unplaced = [i for i in incidents(text, "2018-02-18") if "ضربات" in i.sources[0].quote]
    assert [list(i.places) for i in unplaced] == [[]]


def test_a_word_for_the_article_s_place_takes_its_main_place() -> None:
    text = (
        "قصفت الطائرات الغوطة الشرقية السبت.\n\n"
        "وقال سكان في الغوطة الشرقية إن الحصار مستمر.\n\n"
        "وتقع الغوطة الشرقية قرب دمشق في سوريا.\n\n"
        "وتحدث الرئيس عن الوضع الإنساني الصعب.\n\n"
        "ونقلت وكالات الأنباء عن مصادر طبية قولها إن الأوضاع صعبة.\n\n"
        "وأدى القصف، الذي بدأ في 18 فبراير، إلى مقتل 1600 مدني وتدمير المنطقة.\n\n"
        "وقتل 100 مقاتل في ضربات أميركية.\n"
    )
    found = {i.casualties.killed: [p.en for p in i.places] for i in incidents(text, "2018-04-02")}
    assert found[1600] == ["Eastern Ghouta"]  # "المنطقة": the place the article is about
    assert found[100] == ["Syria"]  # no word for it: the country only


def test_the_only_place_an_article_names_twice_is_its_main_place() -> None:
    text = (
        "عبر المجلس الخميس عن مخاوفه لأكثر من 50 ألف شخص خرجوا من الغوطة الشرقية في سوريا.\n\n"
        "وقال مكتب الأمم المتحدة الأربعاء إن 1600 شخص قتلوا منذ 18 فبراير عندما بدأت العمليات "
        "العسكرية على المنطقة المحاصرة.\n\n"
        "ويتوقع خروج المزيد من الغوطة الشرقية.\n"
    )
    found = {i.casualties.killed: [p.en for p in i.places] for i in incidents(text, "2018-03-22")}
    assert found[1600] == ["Eastern Ghouta"]


def test_a_call_takes_no_country_from_the_article() -> None:
    found = incidents(
        "وقصفت الطائرات مواقع في سوريا.\n\nواتصل ماكرون بالرئيس بوتين الإثنين.\n\n"
        "ودارت معارك عنيفة في سوريا.\n",
        "2018-02-18",
    )
    assert [list(i.places) for i in found if i.type == "diplomacy"] == [[]]


def test_a_moment_of_an_operation_is_not_the_operation_told_again() -> None:
    found = incidents(
        "بدأت تركيا في 20 يناير الماضي عملية عسكرية لطرد وحدات حماية الشعب من عفرين.\n"
        "وفي وقت سابق من الشهر الحالي سيطرت قوات تدعمها تركيا على مركز مدينة عفرين.\n",
        "2018-03-30",
    )
    assert [(i.date.start, i.date.end) for i in found] == [
        (date(2018, 1, 20), date(2018, 3, 30)),
        (date(2018, 3, 1), date(2018, 3, 30)),  # the month, up to publication
    ]


def test_the_day_an_operation_began_told_again_is_the_operation() -> None:
    found = incidents(
        "وأطلق الجيش الوطني عملية عسكرية واسعة فجر الأحد في مديرية ميدي.\n"
        "وقال المركز الإعلامي إن الجيش سيطر الأحد على تباب في مديرية ميدي.\n",
        "2018-05-07",
    )
    assert len(found) == 1


def test_the_same_dead_told_again_with_the_wounded_is_one_event() -> None:
    found = incidents(
        "فتح التحالف تحقيقا بشأن الهجوم الذي استهدف حافلة في محافظة صعدة الخميس، "
        "والذي أسفر عن مقتل 51 شخصا.\n"
        "وقتل 51 شخصا وأصيب 79 شخصا في قصف جوي استهدف الحافلة الخميس في محافظة صعدة.\n",
        "2018-08-10",
    )
    assert [(i.casualties.killed, i.casualties.wounded) for i in found] == [(51, 79)]


def test_a_cause_told_with_its_own_day_is_its_own_event() -> None:
    found = incidents(
        "وأتت الغارات بعد مقتل تسعة مقاتلين ليل الثلاثاء الأربعاء جراء قصف صاروخي "
        "استهدف منطقة الكسوة في ريف دمشق.\n",
        "2018-05-11",
    )
    assert [(i.date.start, i.casualties.killed) for i in found if i.date.is_dated] == [
        (date(2018, 5, 8), 9)
    ]


def test_a_cause_told_with_its_own_place_is_its_own_event() -> None:
    found = incidents(
        "وكانت إسرائيل ضربت ليل الأربعاء الخميس عشرات الأهداف العسكرية في سوريا، رداً على "
        "إطلاق صواريخ ضد مواقع إسرائيلية في هضبة الجولان المحتلة، بحسب ما أعلن متحدث "
        "باسم الجيش الإسرائيلي الخميس.\n",
        "2018-05-10",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found] == [
        ("airstrike", ["Syria"]),
        ("shelling", ["Golan Heights"]),
    ]
    assert (found[0].date.start, found[0].date.end) == (date(2018, 5, 9), date(2018, 5, 10))


def test_the_response_to_an_event_is_another_event() -> None:
    found = incidents(
        "وانفجرت عبوة ناسفة السبت قرب الحدود بين قطاع غزة وإسرائيل.\n"
        "ردا على ذلك، استهدفت دبابات إسرائيلية نقطة مراقبة لحماس شمال قطاع غزة السبت.\n",
        "2018-03-18",
    )
    assert [i.type for i in found] == ["explosion", "shelling"]


def test_strikes_repeated_on_the_town_are_another_event() -> None:
    found = incidents(
        "قتل 32 مدنيا خلال 24 ساعة في غارات للتحالف على بلدة السوسة بريف دير الزور.\n"
        "وكرر التحالف الدولي غاراته مجددا، الجمعة، على البلدة ذاتها موقعا 14 مدنيا.\n",
        "2018-10-19",
    )
    assert len(found) == 2


def test_a_regional_toll_takes_no_town_from_the_sentence_before() -> None:
    found = incidents(
        "وقال مسؤول في بلدة محردة إن المفاوضات مستمرة.\n"
        "وأدت المعارك منذ ديسمبر 2019 إلى نزوح أكثر من 800 ألف شخص.\n",
        "2020-02-15",
    )
    assert [(i.type, list(i.places)) for i in found] == [("displacement", [])]


def test_a_definite_telling_dated_only_by_publication_joins_its_event() -> None:
    """ "وقتل عدد منهم في الغارة" days after the strike: the publication day is
    assumed, not told, and does not keep it apart from the strike it names."""
    found = incidents(
        "قتل صالح الصماد في غارة جوية للتحالف ظهر الخميس على مدينة الحديدة.\n"
        "وكان عدد من القيادات برفقة الصماد، وقتل عدد منهم في الغارة.\n",
        "2018-04-23",
    )
    assert len(found) == 1 and found[0].date.start == date(2018, 4, 19)


def test_a_definite_event_the_article_told_nowhere_else_is_an_incident() -> None:
    """ "الضربات التي نفذتها …" names the strikes the reader knows of: with no
    earlier telling of a strike in the article, it is the first one."""
    found = incidents(
        "قال مسؤولون إن الضربات التي نفذتها الولايات المتحدة ضد أهداف في سوريا دمرت مواقع.\n",
        "2018-04-14",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found] == [("airstrike", ["Syria"])]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # told before: the definite noun refers back to it
        ("شنت الطائرات غارات على مدينة سراقب الجمعة.\nوقال المرصد إن الغارات دمرت منازل.\n", 1),
        # says no place: any attack
        ("وقال المتحدث إن الهجوم لن يمر دون رد.\n", 0),
        # pointed at ("هذه", "هذا"): told before, even where that telling made none
        ("اتهمت إسرائيل حركة حماس بلعب دور بارز في إشعال هذه الاحتجاجات.\n", 0),
        ('وأكد المتحدث أن الجيش يأخذ "هذا الهجوم الإيراني ضد إسرائيل بجدية".\n', 0),
    ],
)
def test_a_definite_event_told_before_or_nowhere_adds_no_incident(text: str, count: int) -> None:
    assert len(incidents(text)) == count


def test_a_telling_that_names_only_the_governorate_joins_the_one_that_names_the_town() -> None:
    found = incidents(
        'قتل نجل البغدادي في هجوم نفذه مع جهاديين في محافظة حمص وسط سوريا، بحسب ما أفادت وكالة "أعماق" الثلاثاء.\n'
        'وجاء في بيان النعي إنه "قتل في المحطة الحرارية بمدينة حمص" الثلاثاء.\n',
        "2018-07-04",
    )
    assert len(found) == 1


def test_two_tellings_that_each_name_their_own_towns_in_a_governorate_stay_two() -> None:
    found = incidents(
        "قصفت الطائرات بلدة سراقب في ريف إدلب الجمعة.\nوقصفت الطائرات مدينة إدلب الجمعة.\n",
    )
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "وشهدت العاصمة الفرنسية باريس احتجاجات طلابية في عام 1968 تحدت حكم الرئيس ديغول.\n",
        "وكان الملك فرديناند وراء سيطرة الإسبان على غرناطة عام 1492 بعد حروب مع العرب.\n",
    ],
)
def test_history_the_article_recalls_is_no_incident(text: str) -> None:
    assert incidents(text, "2018-05-11") == ()


def test_an_event_of_recent_years_is_still_an_incident() -> None:
    found = incidents("وقتل أكثر من 240 شخصا في هجمات إرهابية في باريس عام 2015.\n", "2018-06-15")
    assert [i.date.start for i in found] == [date(2015, 1, 1)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # one raid told as air strikes, then as "القصف"
        (
            "أفادت وسائل إعلام بسقوط قتلى وجرحى في غارة جوية على موقع عسكري في ريف دير الزور.\n"
            "وتحدث المصدر العسكري عن مقتل وإصابة عدد من الأشخاص جراء القصف.\n",
            1,
        ),
        # guns on the ground are not the air raid told before
        (
            "قال مركز المصالحة الروسي إن طائرات سو 24 الروسية شنت غارات جوية على الإرهابيين.\n"
            "وأضاف المركز أن أربعة جنود سوريين أصيبوا جراء المدفعية التركية.\n",
            2,
        ),
        # ... unless the shelling is told as from the air too
        (
            "واصلت القوات الحكومية قصفها الجوي والمدفعي على مخيم اليرموك جنوبي دمشق.\n"
            "وقالت مصادر محلية إن غارات جوية روسية وسورية استهدفت أطراف مخيم اليرموك.\n",
            1,
        ),
    ],
)
def test_a_strike_told_as_air_then_as_shelling_is_one_event(text: str, count: int) -> None:
    assert len(incidents(text, "2018-06-18")) == count


def test_a_day_and_the_week_that_holds_it_tell_one_strike() -> None:
    found = incidents(
        "قتل صالح الصماد في غارة جوية للتحالف ظهر الخميس على مدينة الحديدة.\n"
        "وقتل الصماد، رئيس المجلس السياسي للحوثيين، في غارة جوية الأسبوع الماضي في اليمن.\n",
        "2018-04-23",
    )
    assert [i.date.start for i in found] == [date(2018, 4, 19)]


def test_a_vague_span_of_many_attacks_does_not_swallow_a_day() -> None:
    found = incidents(
        "قتل 8 عناصر من قوات النظام اليوم الأربعاء خلال اشتباكات مع فصائل المعارضة.\n"
        "وكانت قوات النظام قد نفذت عدة هجمات، في الأيام الماضية، على مواقع الفصائل.\n",
        "2020-01-22",
    )
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "وكتب نتنياهو أن الجيش لن يتلقى دروسا من شخص يقوم منذ سنوات بقصف مدنيين عشوائيا.\n",
        "وتقود الولايات المتحدة تحالفا دوليا منذ سنوات يستهدف تنظيم الدولة في سوريا.\n",
    ],
)
def test_a_situation_over_years_is_background(text: str) -> None:
    assert incidents(text, "2018-04-01") == ()


@pytest.mark.parametrize(
    "text",
    [
        "ويواصل الجيش هجومه على الغوطة الشرقية منذ بدء الهجوم في 18 فبراير.\n",
        # the operation, then the verb that began it, then the date
        "وباتت القوات تسيطر على الغوطة الشرقية، إثر هجوم عنيف بدأته في 18 فبراير.\n",
    ],
)
def test_an_offensive_going_on_for_weeks_is_still_an_incident(text: str) -> None:
    found = incidents(text, "2018-03-20")
    assert [(i.date.start, i.date.end, i.date.precision) for i in found] == [
        (date(2018, 2, 18), date(2018, 3, 20), "range")
    ]


def test_the_undated_lines_of_a_this_day_in_history_column_stay_undated() -> None:
    found = incidents(
        "في 1 أكتوبر من عام 1918 سيطرت القوات العربية على مدينة دمشق.\n"
        "في 30 سبتمبر من عام 1980 اعتمدت إسرائيل الشيكل عملة رسمية.\n"
        "مقتل 68 شخصاً بقصف إسرائيلي على مقر منظمة التحرير الفلسطينية في تونس.\n",
        "2018-10-01",
    )
    assert [(i.casualties.killed, i.date.precision) for i in found] == [(68, "undated")]


def test_a_mine_told_in_the_governorate_then_in_its_town_is_one_event() -> None:
    found = incidents(
        "أفادت مصادر محلية بمحافظة الحديدة اليمنية، السبت، بمقتل ثلاثة مدنيين بعد انفجار لغم أرضي.\n"
        "وذكرت المصادر أن مواطنا واثنين من أبنائه قتلوا بانفجار لغم أرضي شمالي مدينة الخوخة.\n",
        "2018-07-21",
    )
    assert len(found) == 1 and "Al Khawkhah" in [p.en for p in found[0].places]


def test_killed_while_another_number_were_wounded_is_one_event() -> None:
    found = incidents(
        "قالت مصادر إن أكثر من عشرة عناصر من الميليشيات قتلوا فيما أصيب عدد آخر خلال تصدي "
        "الفصائل لمحاولة تقدم على جبهة خلصة في ريف حلب الجنوبي.\n",
        "2018-08-02",
    )
    assert len(found) == 1 and found[0].casualties.killed == 10


def test_a_running_total_since_the_start_is_not_one_more_telling() -> None:
    found = incidents(
        "كما قتل 12 من قوات النظام ليل الجمعة جراء معارك في الريف الشرقي لدرعا.\n"
        "وبذلك، يرتفع إلى 96 عدد عناصر قوات النظام الذين قتلوا منذ بدء التصعيد، بحسب المرصد.\n",
        "2018-06-30",
    )
    assert found[0].casualties.killed == 12 and len(found[0].sources) == 1


def test_a_strike_told_as_an_aggression_on_a_post_is_one_event() -> None:
    found = incidents(
        "أفادت وسائل إعلام سورية بسقوط قتلى وجرحى في غارة جوية على موقع عسكري في ريف دير الزور.\n"
        'ونقلت الوكالة عن مصدر عسكري قوله إن التحالف "اعتدى على أحد مواقعنا العسكرية في بلدة الهري'
        ' جنوب شرق البوكمال".\n',
        "2018-06-18",
    )
    assert [(i.type, len(i.sources)) for i in found] == [("airstrike", 2)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "دبي، الإمارات العربية المتحدة (CNN) -- قتل 5 مدنيين في غارة جوية الأربعاء.\n",
            [],
        ),
        (
            "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- قال مسؤولون إن العملية مستمرة.\n"
            "وقتل 5 مدنيين في غارة جوية الأربعاء.\n",
            [],
        ),
        (
            "دبي، الإمارات العربية المتحدة (CNN)— أعلنت حماس، الأربعاء، التوصل لاتفاق وقف إطلاق نار في "
            "قطاع غزة.\n",
            ["Gaza Strip"],
        ),
    ],
)
def test_a_dateline_is_where_the_story_was_filed_not_where_it_happened(
    text: str, places: list[str]
) -> None:
    (found,) = incidents(text, "2018-05-30")
    assert [p.en for p in found.places] == places


def test_a_definite_displacement_over_a_list_of_governorates_is_no_first_telling() -> None:
    found = incidents(
        "وتأتي هذه التصريحات بالتزامن مع تصعيد مستمر يطال مناطق متفرقة من محافظات إدلب وحلب "
        "واللاذقية وحماة، والتي تسبب بمزيد من النزوح ومن الدمار والقتل.\n",
        "2020-02-20",
    )
    assert found == ()


def test_two_towns_on_either_side_of_while_are_two_events() -> None:
    found = incidents(
        "وأضاف أن 20 مدنياً قتلوا بقصف بالنابالم على مدينة دوما، بينما قتل خمسة مدنيين "
        "وأصيب آخرون، في مدينة عربين.\n",
        "2018-03-11",
    )
    assert [([p.en for p in i.places], i.casualties.killed) for i in found] == [
        (["Douma"], 20),
        (["Arbin"], 5),
    ]


def test_the_killed_and_wounded_of_one_strike_across_while_are_one_event() -> None:
    found = incidents("أن جنديين تركيين قتلا، بينما أصيب خمسة آخرون في غارة جوية في إدلب.\n")
    assert [(i.casualties.killed, i.casualties.wounded) for i in found] == [(2, 5)]


def test_the_event_named_after_the_day_before_is_its_own_on_that_day() -> None:
    found = incidents(
        "شنت إسرائيل السبت سلسلة غارات جوية على مواقع لحركة حماس في قطاع غزة، غداة "
        "مواجهات على الحدود قتل فيها فلسطينيان وأصيب أكثر من 200 آخرين.\n",
        "2018-07-14",
    )
    assert [(i.type, str(i.date.start), i.casualties.killed) for i in found] == [
        ("airstrike", "2018-07-14", None),
        ("battle", "2018-07-13", 2),
    ]


def test_a_protest_the_day_after_a_killing_is_an_event_of_its_own() -> None:
    found = incidents(
        "تظاهر الآلاف في إدلب الأحد غداة مقتل 20 مدنياً في غارة على مدينة سراقب.\n",
        "2018-04-16",
    )
    assert [(i.type, str(i.date.start)) for i in found] == [
        ("protest", "2018-04-15"),
        ("airstrike", "2018-04-14"),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the named event's word stands far into the phrase "غداة" opens
        (
            "غداة إطلاق حركتي حماس والجهاد الإسلامي عشرات الصواريخ وقذائف الهاون على "
            "إسرائيل، يجتمع مجلس الأمن الدولي الأربعاء.\n",
            "2018-05-29",
        ),
        # what was said in the phrase is not the event named: the meeting is Saturday's
        (
            "غداة تأكيد الرئيس الأمريكي أن عقد قمته مع بيونغ يانغ لا يزال ممكنا، أعلن "
            "البيت الأزرق أن مون جاي آن التقى كيم جونغ أون السبت في المنطقة المنزوعة السلاح.\n",
            "2018-05-26",
        ),
    ],
)
def test_the_event_named_anywhere_in_the_phrase_after_the_day_before(text: str, day: str) -> None:
    found = incidents(text, "2018-05-30" if "حماس" in text else "2018-05-27")
    assert [str(i.date.start) for i in found] == [day]


def test_a_day_and_a_week_past_are_two_events() -> None:
    found = incidents(
        "شنت الولايات المتحدة وبريطانيا وفرنسا ضربات على سوريا صباح اليوم السبت ردا على "
        "هجوم بالغاز السام في دوما أسفر عن مقتل 40 شخصا الأسبوع الماضي.\n",
        "2018-04-14",
    )
    assert [(i.type, str(i.date.start), i.date.precision, i.casualties.killed) for i in found] == [
        ("airstrike", "2018-04-14", "day", None),
        ("battle", "2018-04-01", "week", 40),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وتقاتل الجماعة الشيعية في سوريا دعما لرئيس النظام السوري بشار الأسد.\n",
        "وتدعم تركيا مجموعات من المعارضة السورية المسلحة التي تقاتل ضد القوات الموالية.\n",
        # what someone tries or insists on doing, in the present
        "ويحاول الأسد إحكام سيطرته على المناطق المجاورة للعاصمة بدعم من روسيا.\n",
        # what is usually done
        "وعادة ما يشن التحالف الدولي بقيادة الولايات المتحدة غارات ضد الجهاديين في سوريا.\n",
        # done again and again, the verb before "مرارا": the setting, not one event
        "ومنذ بدء النزاع في سوريا في 2011، قصفت إسرائيل مرارا أهدافا عسكرية للجيش السوري.\n",
    ],
)
def test_the_setting_of_the_news_is_no_event(text: str) -> None:
    assert incidents(text, "2018-09-12") == ()


def test_a_day_after_the_anchor_is_the_named_events_own() -> None:
    found = incidents(
        "قتل ثلاثة من رجال الأمن في مداهمة في مدينة السلط السبت، وذلك غداة تفجير "
        "استهدف دورية للدرك راح ضحيته رجل أمن يوم الجمعة.\n",
        "2018-08-11",
    )
    assert "2018-08-09" not in [str(i.date.start) for i in found]


def test_dates_are_read_from_the_day_the_text_calls_today() -> None:
    pub = Published(date(2018, 4, 2), "front-matter", "test", 2)
    article = Article("a", "a.txt", "", "ar", pub, "شن متطرفون، اليوم الأحد، هجوما على قاعدة.\n", 3)
    result = extract(article)
    (found,) = result.incidents
    assert found.date.start == date(2018, 4, 1)
    assert result.article.published.date == date(2018, 4, 2)  # the date itself stays
    (note,) = [d for d in result.diagnostics if "as today" in d.message]
    assert note.severity == "info" and "2018-04-01" in note.message


def test_a_quotation_s_own_dates_do_not_date_the_event_told_outside_it() -> None:
    (found,) = incidents(
        'وقال دي ميستورا في اجتماع مجلس الأمن الدولي، الأربعاء، حول سوريا: "إن نيتي هي '
        'تكريس هذا الشهر الحاسم للتحقق من جدوى تنفيذ لجنة دستورية".\n',
        "2018-10-17",
    )
    assert found.type == "diplomacy" and found.date.start == date(2018, 10, 17)
    assert found.date.precision == "day"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # planned, and no day given: not held by the day it was told
        ("وتابع أن الوزير سيجري محادثات مع نظيره الأميركي في سنغافورة.\n", False),
        ("وطلبت فرنسا وبريطانيا عقد اجتماع عاجل للمجلس.\n", False),
        # convened today: held that day
        ("يستعد مجلس الأمن لعقد اجتماع طارئ مساء اليوم.\n", True),
        # two officials before the press together met
        ("وجاء هذا خلال مؤتمر صحفي مشترك للوزير مع نظيره التركي في أنقرة.\n", True),
    ],
)
def test_a_meeting_is_an_incident_when_held(text: str, held: bool) -> None:
    found = incidents(text, "2018-08-01")
    assert [i.type for i in found] == (["diplomacy"] if held else [])


def test_a_war_going_on_for_years_dates_no_clash_of_its_own_time() -> None:
    # "المستمرة هناك منذ 17 عاما": the war's span, a word of place before "منذ"
    found = incidents(
        "اشتدت حدة الاشتباكات بين طالبان والقوات الأفغانية في غزنة بالتزامن مع تزايد "
        "الضغوط لإنهاء الحرب المستمرة هناك منذ 17 عاما.\n",
        "2018-08-12",
    )
    assert all(i.date.start is None or i.date.start.year == 2018 for i in found)


def test_a_campaign_s_toll_since_its_start_is_no_war_toll_of_a_strike() -> None:
    found = incidents(
        "قتل خمسة مدنيين في غارة على بلدة سقبا في الغوطة الشرقية الأحد.\n"
        "وأدى القصف، الذي بدأ في 18 من فبراير/ شباط الماضي، إلى مقتل 1600 مدني في الغوطة الشرقية.\n",
        "2018-04-02",
    )
    assert [(i.casualties.killed, i.date.precision) for i in found] == [(5, "day"), (1600, "range")]


def test_a_cause_told_again_further_on_is_one_more_telling() -> None:
    found = incidents(
        "ونفذت الولايات المتحدة وفرنسا وبريطانيا ضربات جوية على سوريا فجر السبت، ردا على "
        "هجوم كيميائي اتهم بتنفيذه في مدينة دوما، قرب دمشق.\n"
        "وجاءت الضربات ردا على هجوم كيميائي مفترض وقع في السابع من نيسان/أبريل في مدينة دوما "
        "التي كانت آخر معاقل الفصائل المعارضة قرب دمشق.\n",
        "2018-04-15",
    )
    attacks = [i for i in found if any(p.en == "Douma" for p in i.places)]
    assert len(attacks) == 1 and len(attacks[0].sources) == 2
    assert attacks[0].date.start == date(2018, 4, 7)


def test_an_event_spoken_of_told_as_happened_on_its_day_is_an_incident() -> None:
    found = incidents(
        "وقال المسؤول إن الفريق سيجمع عينات في إطار التحقيق حول هجوم مفترض بغاز سام وقع في "
        "المدينة في 7 نيسان/ابريل الحالي.\n",
        "2018-04-26",
    )
    assert [i.date.start for i in found] == [date(2018, 4, 7)]


def test_a_claimed_event_said_to_have_taken_place_is_an_incident() -> None:
    found = incidents(
        "أكدت وزارة الخارجية الروسية أن بضع عشرات من المواطنين الروس قد قتلوا وجرحوا "
        "في معركة وقعت مؤخرا في سوريا.\n",
        "2018-02-20",
    )
    assert [(i.type, [p.en for p in i.places]) for i in found] == [("battle", ["Syria"])]


@pytest.mark.parametrize(
    "text",
    [
        "وقالت إسرائيل إنها شنت سلسلة من الغارات الجوية على أهداف عسكرية سورية.\n",
        # ... an adverb between the verb and the batch it carried out
        "وقالت إسرائيل إنها شنت بعدها سلسلة من الغارات الجوية على أهداف عسكرية سورية.\n",
    ],
)
def test_a_claim_told_by_the_verb_that_carried_out_a_batch_is_an_incident(text: str) -> None:
    assert [i.type for i in incidents(text, "2018-02-11")] == ["airstrike"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the past verb of what was said, before the word that types the event
        (
            "أعلنت مصادر عسكرية تابعة للحركة الحوثية أن الحوثيين قتلوا العشرات من الجنود "
            "السودانيين التابعين للتحالف في معارك.\n",
            ["battle"],
        ),
        # ... not the past verb of the speech frame itself
        ("وقالت المصادر التي نقلت الخبر إن المعارك قد تتجدد.\n", []),
    ],
)
def test_a_claim_told_by_a_past_verb_before_its_trigger(text: str, kinds: list[str]) -> None:
    assert [i.type for i in incidents(text, "2018-04-07")] == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # people gone and forces arrived, told by a past verb, are claimed done
        (
            "وقالت وسائل إعلام سورية رسمية إن عددا صغيرا من المقاتلين وعائلاتهم غادروا "
            "المنطقة ووصلوا إلى نقطة تفتيش خارجها.\n",
            ["displacement"],
        ),
        ("وأضاف عبد الرحمن أن تعزيزات موالية للحكومة وصلت إلى المنطقة.\n", ["deployment"]),
        # a past verb of talks in a claim is as often an opinion or history
        (
            "وأوضح أن الرياض ناقشت هذه الفكرة مع إدارة الرئيس الأمريكي السابق باراك أوباما.\n",
            [],
        ),
    ],
)
def test_a_claim_of_people_moved_told_by_a_past_verb(text: str, kinds: list[str]) -> None:
    assert [i.type for i in incidents(text, "2018-03-10")] == kinds


def test_one_of_the_last_strongholds_is_no_other_event() -> None:
    found = incidents(
        "تعرضت محافظة إدلب لقصف جوي من قبل مقاتلات روسية، السبت، وذلك بعد يوم من فشل روسيا "
        "وتركيا وإيران بالتوصل إلى هدنة في المحافظة الواقعة شمال سوريا.\n"
        "وأشارت المنظمة والمرصد إلى أن المحافظة التي تعد أحد آخر معاقل فصائل المعارضة "
        "المسلحة في سوريا، تعرضت لقصف جوي شنته مقاتلات روسية على المحافظة الواقعة شمال سوريا.\n"
        "بدورها، قالت منظمة الخوذ البيضاء إن القصف أسفر عن مقتل 4 أشخاص وإصابة 5 آخرين.\n",
        "2018-09-08",
    )
    assert [(i.casualties.killed, len(i.sources)) for i in found] == [(4, 3)]


def test_a_toll_since_the_start_is_dated_by_the_start_told_elsewhere() -> None:
    text = (
        "وبدأت قوات النظام في 19 حزيران/يونيو هجوما على محافظة درعا.\n\n"
        "وذكر المرصد الجمعة أن 93 مدنيا قتلوا منذ بدء الهجوم في المحافظة.\n"
    )
    toll = next(i for i in incidents(text, "2018-06-29") if i.casualties.killed == 93)
    assert (toll.date.start, toll.date.end, toll.date.precision) == (
        date(2018, 6, 19),
        date(2018, 6, 29),
        "range",
    )
    # ... not by a start more than a year back ("منذ 2007" is a siege's)
    older = text.replace("في 19 حزيران/يونيو", "في حزيران/يونيو 2016")
    assert (
        next(i for i in incidents(older, "2018-06-29") if i.casualties.killed == 93).date.precision
        != "range"
    )


def test_a_weak_word_dated_only_by_its_saying_needs_a_town_or_a_count() -> None:
    named = incidents(
        "ذكرت وسائل إعلام تركية، الاثنين، أن المدعي العام أصدر مذكرات توقيف بحق 25 شخصا "
        "في القوات الجوية.\n",
        "2018-04-30",
    )
    assert named == ()
    located = incidents(
        "وأعلنت الحكومة، الأحد، أن اجتماعا للقيادة الفلسطينية عقد في مدينة رام الله.\n",
        "2018-05-14",
    )
    assert [i.type for i in located] == ["diplomacy"]


def test_a_superlative_since_is_no_running_total() -> None:
    found = incidents(
        "قتل 25 مدنيا على الأقل الخميس في غارات على محافظة درعا السورية، في حصيلة تعد "
        "الأكثر دموية منذ شن قوات النظام هجومها على المحافظة.\n"
        "وتواصل الطائرات الحربية السورية والروسية الخميس استهداف مناطق سيطرة الفصائل "
        "المعارضة في ريفي درعا الشرقي والغربي بعشرات الغارات.\n",
        "2018-06-29",
    )
    assert len(found) == 1 and found[0].casualties.killed == 25


def test_an_event_named_the_day_before_is_not_the_day_s_event() -> None:
    found = incidents(
        "قتل 25 مدنيا على الأقل الخميس في غارات على محافظة درعا السورية.\n"
        "وتأتي هذه الحصيلة غداة مقتل 21 مدنيا جراء الغارات.\n",
        "2018-06-29",
    )
    assert sorted((i.date.start, i.casualties.killed) for i in found) == [
        (date(2018, 6, 27), 21),
        (date(2018, 6, 28), 25),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وتشهد سوريا نزاعا داميا تسبب منذ اندلاعه في منتصف مارس 2011 بمقتل أكثر من 350 ألف شخص.\n",
        "وأسفرت الحرب السورية عن مقتل ما يقدر بنحو نصف مليون شخص وفرار قرابة 5.6 مليون.\n",
        "وأسفرت الحرب عن مقتل عشرات آلاف الأشخاص ودفعت نحو 4 ملايين إلى الفرار من منازلهم.\n",
    ],
)
def test_a_whole_war_s_toll_is_no_incident(text: str) -> None:
    assert incidents(text) == ()


def test_a_large_toll_of_one_event_is_still_an_incident() -> None:
    found = incidents("قتل أكثر من 1100 مدني في قصف على الغوطة الشرقية منذ 18 فبراير.\n")
    assert [i.casualties.killed for i in found] == [1100]


def test_an_event_condemned_with_its_own_day_after_it_is_an_incident() -> None:
    found = incidents(
        "أدانت وزارة الخارجية الكويتية إطلاق 7 صواريخ من قبل الحوثيين من اليمن إلى المملكة "
        "العربية السعودية خلال الساعات الأولى من يوم الإثنين.\n",
        "2018-03-26",
    )
    assert [(i.type, str(i.date.start), [p.en for p in i.places]) for i in found] == [
        ("shelling", "2018-03-26", ["Saudi Arabia"])
    ]
    # ... not one spoken of on the day it was spoken
    assert not incidents("أدانت الخارجية الكويتية يوم الإثنين إطلاق صواريخ.\n", "2018-03-26")


def test_the_event_after_this_attack_s_anchor_is_counted_back_from_its_day() -> None:
    found = incidents(
        "قتل 10 جنود في هجوم لطالبان على قاعدة في ولاية فارياب الأربعاء.\n\n"
        "ويأتي هذا الهجوم بعد ثلاثة أيام من هجوم واسع على مدينة غزنة شرقي أفغانستان، "
        "قتل خلاله أكثر من 100 عنصر أمني.\n",
        "2018-08-15",
    )
    assert [(str(i.date.start), [p.en for p in i.places]) for i in found] == [
        ("2018-08-15", ["Faryab"]),
        ("2018-08-12", ["Ghazni"]),
    ]


def test_a_day_after_a_comma_is_another_phrase_s_not_the_event_spoken_of() -> None:
    found = incidents(
        "وذلك ردا على عملية عسكرية فرنسية في مالي، حسب ما ورد في رسالة تلقتها "
        "وكالة الأخبار الموريتانية الخاصة السبت.\n",
        "2018-03-04",
    )
    assert [str(i.date.start) for i in found if i.date.precision == "day"] == []


def test_an_event_spoken_of_with_no_day_then_told_is_one() -> None:
    # the attack on the Ghouta spoken of with no day, then told in Douma, inside it
    found = incidents(
        'وقال الرئيس الأميركي، دونالد ترمب، الاثنين، إنه سيتم اتخاذ "قرارات مهمة" خلال يوم أو '
        "يومين بشأن الرد على الهجوم المفترض بأسلحة كيمياوية على الغوطة الشرقية، محذرا بأن "
        'دمشق "ستدفع ثمنا باهظاً" نظير هذا الهجوم.\n'
        "وكان هجوم كيمياوي قد أوقع السبت عشرات القتلى في دوما بالغوطة الشرقية.\n",
        "2018-04-09",
    )
    assert [(i.type, i.date.start, len(i.sources)) for i in found] == [
        ("battle", date(2018, 4, 7), 2)
    ]


def test_a_country_spoken_of_holds_more_than_one_event() -> None:
    found = incidents(
        "ويأتي هذا الهجوم بعد أيام من الهجوم الأميركي البريطاني الفرنسي على أهداف سورية.\n"
        "وقصفت طائرات إسرائيلية مطار التيفور في حمص الأسبوع الماضي.\n",
        "2018-04-17",
    )
    assert len(found) == 2


def test_a_toll_told_after_an_accident_is_the_accident_s() -> None:
    found = incidents(
        "لقي 7 أشخاص مصرعهم عندما انقلب قطار في المغرب.\n"
        'وكان مدير شركة النقل بالسكك الحديدية أفاد "بمقتل 6 أشخاص".\n'
    )
    assert found == ()


def test_after_an_accident_violence_told_by_its_means_is_an_incident() -> None:
    found = incidents(
        "لقي 7 أشخاص مصرعهم عندما انقلب قطار في المغرب.\n"
        "وفي سوريا، قتل 3 جنود في هجوم على حاجز قرب إدلب السبت.\n"
        "وقتل مدني آخر في المدينة.\n"
    )
    assert [i.type for i in found] == ["battle", "attack"]  # the accident's toll is over


def test_a_fire_missiles_caused_is_no_accident() -> None:
    found = incidents(
        "قال إن الدفاعات الجوية دمرت صاروخين في منطقة الكسوة، ونشر صورا لحريق ناجم عن "
        "إسقاط الصاروخين.\n"
        "وأدت ضربة في التاسع من أبريل إلى مقتل سبعة عسكريين في قاعدة جوية سورية.\n",
        "2018-05-09",
    )
    assert any(i.casualties.killed == 7 for i in found)


@pytest.mark.parametrize(
    ("text", "published", "killed", "quote"),
    [
        # a toll told inside a denial is the toll of the attack told before
        (
            "وذلك في إطار التحقيق حول هجوم مفترض بغاز سام وقع في مدينة دوما في 7 نيسان/ابريل.\n"
            "وكان النظام السوري الذي ينفي الاتهامات الغربية بالضلوع في الهجوم الكيميائي "
            "المفترض الذي أوقع نحو 40 قتيلا بحسب مسعفين، دعا منظمة حظر الأسلحة الكيميائية "
            "إلى المجيء لدوما.\n",
            "2018-04-25",
            40,
            "الهجوم الكيميائي المفترض الذي أوقع نحو 40 قتيلا",
        ),
        # ... or as the cause of a response: the toll of the event at that place
        (
            "كانت مدينة الأحواز الإيرانية قد شهدت حادثة دموية، السبت قبل الماضي، بعد أن قام "
            "مسلحون بإطلاق النار على الحضور خلال عرض عسكري.\n"
            "وأطلق الحرس الثوري صواريخ على شرق سوريا فجر الاثنين ردا على هجوم الأحواز الذي "
            "أسفر عن مقتل 25 شخصا.\n",
            "2018-10-01",
            25,
            "هجوم الأحواز الذي أسفر عن مقتل 25 شخصا",
        ),
    ],
)
def test_a_toll_told_of_an_event_only_named_is_that_event_s(
    text: str, published: str, killed: int, quote: str
) -> None:
    tolled = [i for i in incidents(text, published) if i.casualties and i.casualties.killed]
    assert len(tolled) == 1 and tolled[0].casualties.killed == killed
    assert any(quote in s.quote for s in tolled[0].sources[1:])


@pytest.mark.parametrize(
    "text",
    [
        # a campaign's toll is no one day's
        "وأحرزت القوات السورية السبت تقدما في حملتها لاستعادة الغوطة الشرقية.\n"
        "ونفت الحكومة مسؤوليتها عن العمليات العسكرية التي أدت إلى مقتل 900 من المدنيين.\n",
        # an event the text only mentions, not dated, is not the one named
        "وتتحدث تركيا باستمرار عن مجازر متبادلة خلال حرب أهلية ومجاعة.\n"
        "وذكّرت أنقرة هولندا بالمجزرة التي راح ضحيتها أكثر من ثمانية آلاف صبي ورجل مسلمين "
        "في سريبرينيتسا.\n",
        # two attacks of the kind told on a day: which one is not said
        "قتل مسلحون جنديا في هجوم على حاجز في درعا يوم الأحد.\n"
        "وهاجم مسلحون دورية في إدلب يوم الاثنين.\n"
        "ونفت الحكومة أي صلة لها بالهجوم الذي أسفر عن مقتل 5 أشخاص.\n",
    ],
)
def test_a_toll_of_a_named_event_that_is_not_one_told_lends_nothing(text: str) -> None:
    found = incidents(text, "2018-03-12")
    assert all(i.casualties is None or i.casualties.killed in (None, 1) for i in found)


def test_the_same_few_days_told_in_the_same_words_are_one_time() -> None:
    found = incidents(
        'بحث الوزراء فكرة "نقاط إنزال" للمهاجرين في البحر الأبيض المتوسط والتي اقترحت في قمة '
        "أوروبية نهاية حزيران/يونيو ببروكسل.\n"
        "وخلال قمتهم نهاية حزيران/يونيو تعهد قادة الاتحاد الأوروبي بدرس فكرة نقاط إنزال "
        "المهاجرين الذين تتم نجدتهم في البحر الأبيض المتوسط.\n",
        "2018-07-12",
    )
    summits = [i for i in found if i.date.start == date(2018, 6, 21)]
    assert len(summits) == 1 and len(summits[0].sources) == 2


def test_the_same_few_days_told_in_other_words_are_one_time() -> None:
    found = incidents(
        "واعتقلت السلطات المصرية المواطنة اللبنانية نهاية مايو/أيار في مطار القاهرة.\n"
        "وأوقفت السلطات المصرية المذبوح نهاية أيار/مايو الماضي وقررت حبسها احتياطيا.\n",
        "2018-07-07",
    )
    assert len(found) == 1 and len(found[0].sources) == 2


def test_a_meeting_to_be_held_on_a_day_named_with_both_month_names_is_no_event() -> None:
    # "سبتمبر أيلول" is one month: the meeting is on the 7th, after publication,
    # not held in September so far
    found = incidents(
        "ويقول الكرملين إن الاجتماع سيعقد في طهران في السابع من سبتمبر أيلول.\n", "2018-09-03"
    )
    assert found == ()


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # one more person hurt ("وأصيب ثالث"), not another explosion
        (
            "قتل فلسطينيان وأصيب ثالث، الأحد، جراء انفجار داخل مبنى سكني في غزة.\n"
            'وأفادت وكالة الأنباء الفلسطينية "وفا" بأن أحمد منصور حسان (35 عاما)، ونجله لؤي '
            "(13 عاما) قتلا وأصيب ثالث بجروح إثر انفجار مبنى غرب مدينة غزة.\n",
            "2018-07-15",
        ),
        # "كما جرح آخر": one more wounded by the same shelling
        (
            "قتل مزارع فلسطيني في قصف إسرائيلي، الجمعة، وفق ما أعلنت وزارة الصحة في قطاع غزة.\n"
            "وقال ناطق باسم الوزارة إن مزارعاً، في الـ27 من العمر، قتل، كما جرح آخر في قصف "
            "مدفعي بالقرب من خانيونس بجنوب القطاع.\n",
            "2018-03-30",
        ),
        # "آخر معاقل": the last stronghold, not another offensive
        (
            "وثق مقطع فيديو للجيش اليمني، الاثنين، لحظة هروب عناصر ميليشيا الحوثي من جبهة "
            "صرواح غرب مأرب، على وقع الهجوم العنيف للجيش الوطني على مواقعهم.\n"
            "وكثف الجيش اليمني، باسناد من طيران تحالف دعم الشرعية في اليمن، عملياته العسكرية "
            "لتحرير بقية اجزاء مديرية صرواح آخر معاقل تواجد ميليشيا الحوثي غرب مأرب.\n",
            "2018-04-10",
        ),
    ],
)
def test_another_person_or_the_last_of_names_no_new_event(text: str, published: str) -> None:
    found = incidents(text, published)
    assert len(found) == 1 and len(found[0].sources) >= 2


def test_on_the_other_hand_turns_to_another_event() -> None:
    # "من جهة أخرى" opens another story, whatever else it shares
    found = incidents(
        "قالت مصادر ميدانية بمحافظة تعز إن ميليشيا الحوثي أقدمت على قتل أحد عناصرها في "
        "مديرية مقبنة غرب مدينة تعز.\n"
        "من جهة أخرى، اندلعت اشتباكات عنيفة بين قوات الجيش اليمني والميليشيات الحوثية في "
        "البركنة والمضابي وجبل العويد بجبهة مقبنة، أسفرت عن مصرع خمسة من عناصر الحوثيين.\n",
        "2018-03-01",
    )
    assert sorted(i.casualties.killed or 0 for i in found) == [1, 5]


def test_a_definite_noun_retells_the_event_of_its_type_not_the_nearest() -> None:
    """ "الانفجار وقع شرق خان يونس" after the blast and the tank's fire in reply
    to it: the blast's place, not the reply's."""
    blast, reply = incidents(
        "وأصيب أربعة جنود إسرائيليين، السبت، بتفجير عبوة ناسفة قرب السياج الحدودي مع غزة.\n"
        "وأعلن الجيش الإسرائيلي في بيان أن إحدى دباباته أطلقت النار السبت على مركز مراقبة "
        "داخل قطاع غزة، ردا على التفجير.\n"
        "من جهتها، أشارت مصادر أمنية فلسطينية إلى أن الانفجار وقع شرق خان يونس في جنوب "
        "قطاع غزة.\n",
        "2018-02-18",
    )
    assert (blast.type, len(blast.sources)) == ("explosion", 2)
    assert "Khan Yunis" in [p.en for p in blast.places]
    assert [p.en for p in reply.places] == ["Gaza Strip"]


def test_also_with_the_clause_s_second_casualty_word_adds_no_toll() -> None:
    """ "أصاب خلاله أيضا 5 آخرين" joins the five wounded to the one killed in the
    same clause: the toll told before again, not more of it (as "وقتل أيضا
    مدنيان" is)."""
    (attack,) = incidents(
        "وذلك بعد أسبوع على اعتداء بالسكين أوقع قتيلا و5 جرحى في باريس.\n"
        "وذكرت السلطات الفرنسية أن مهاجما قتل أحد المارة في هجوم بسكين أصاب خلاله أيضا 5 "
        "آخرين في قلب باريس، مساء السبت الماضي، قبل أن تقتله الشرطة بالرصاص.\n",
        "2018-05-18",
    )
    assert (attack.casualties.killed, attack.casualties.wounded) == (1, 5)
    (raid,) = incidents(
        "قتل جندي في هجوم على حاجز في إدلب السبت.\n"
        "وقتل أيضا مدنيان في الهجوم على الحاجز في إدلب.\n",
        "2018-05-18",
    )
    assert raid.casualties.killed == 3
