"""Which kind of news an article is (sitegen/data/domains.yaml): the vocabulary
of violence serves other domains too, and their articles yield no violence."""

from __future__ import annotations

import pytest

from sitegen.extract.domain import article_domain


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "سجل الفريق هدفين في المباراة وفاز اللاعب بجائزة أفضل لاعب في الدوري بعد مواجهة "
            "قوية مع الفريق المنافس في الملعب.",
            "sport",
        ),
        (
            "اكتشفت بعثة الآثار مقبرة قائد الجيش في عهد الفراعنة، ويجسد نقش على جدران معبد "
            "الكرنك الملك عائدا منتصرا من حملة عسكرية، وسينقل التمثال إلى المتحف.",
            "culture",
        ),
        (
            "فاز الفيلم بجائزة المهرجان، وقال المخرج إن الممثلة أدت دورها في المسلسل ببراعة "
            "أمام الجمهور.",
            "culture",
        ),
        (
            "قتل 12 مدنيا في غارات جوية على ريف إدلب، وقالت فصائل المعارضة إن قوات النظام "
            "قصفت المدينة بالصواريخ رغم اتفاق الهدنة الذي أعلن في المتحف الوطني.",
            "news",
        ),
        # a disaster's later tolls are no incidents either
        (
            "أدت الفيضانات العارمة إلى مقتل 64 شخصا، وقالت السلطات إن الأمطار الغزيرة "
            "تسببت في انهيارات أرضية، فيما تواصل فرق الإنقاذ البحث وسط السيول.",
            "disaster",
        ),
        (
            "قتل 20 مدنيا في غارات جوية على إدلب بعد يوم من الحريق الذي اندلع في مخيم "
            "للنازحين، وقالت فصائل المعارضة إن قوات النظام قصفت المدينة.",
            "news",
        ),
        # a suspect named Mutreb makes no singer of a murder inquiry
        (
            "قالت السلطات إن ماهر مطرب كان بين 15 شخصا وصلوا إلى إسطنبول، وإن مطرب ظهر في "
            "صور مع ولي العهد، وإن مطرب دخل القنصلية قبل مقتل الصحفي.",
            "news",
        ),
        # a day's digest led by a book's news, a blast among its items
        (
            "نفى ترامب ما جاء في الكتاب الجديد، وذكر الكاتب في كتابه أن الرئيس فكر في "
            "اغتيال الأسد. وقال المتحدث إن 20 شخصا لقوا حتفهم في انفجارين بالعاصمة كابول، "
            "ونشر الكتاب في المكتبات.",
            "news",
        ),
        # a team of inspectors is no football team
        (
            "قالت المنظمة إن فريق استطلاع أمني تعرض لإطلاق نار، وإن فريق الاستطلاع عاد إلى "
            "دمشق، وإن فريق التفتيش سيدخل دوما بعد أن يقيم فريق الأمن الموقع.",
            "news",
        ),
    ],
)
def test_article_domain(text: str, key: str) -> None:
    assert article_domain(text).key == key


def test_a_domain_blocks_violence_but_keeps_arrests_and_protests() -> None:
    culture = article_domain("الفيلم المهرجان المخرج الممثلة الجمهور المسلسل")
    assert not culture.allows("battle") and not culture.allows("airstrike")
    assert culture.allows("arrest") and culture.allows("protest")
