from __future__ import annotations

from typing import Any

import pytest

from tests import searchindex

SEED_004 = "004_f2a80a27c08aac64"


def open_page(browser: Any, url: str, *, javascript: bool = True) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, errors


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize(
    "path",
    ["index.html", f"articles/{SEED_004}.html", "places/index.html", "about.html", "undated.html"],
)
def test_pages_load_without_console_errors(browser: Any, server: str, lang: str, path: str) -> None:
    context, page, errors = open_page(browser, f"{server}/{lang}/{path}")
    assert page.locator("html").get_attribute("lang") == lang
    assert errors == []
    context.close()


def test_arabic_axis_sits_on_the_right(browser: Any, server: str) -> None:
    for lang, side, other in (("ar", "Right", "Left"), ("en", "Left", "Right")):
        context, page, _ = open_page(browser, f"{server}/{lang}/index.html")
        widths = page.eval_on_selector(
            ".timeline",
            "el => [getComputedStyle(el).borderLeftWidth, getComputedStyle(el).borderRightWidth]",
        )
        style = dict(zip(("Left", "Right"), widths, strict=True))
        assert style[side] == "3px" and style[other] == "0px", (lang, style)
        box = page.locator(".timeline").bounding_box()
        marker = page.locator(".timeline .incident").first.bounding_box()
        if lang == "ar":
            assert marker["x"] + marker["width"] <= box["x"] + box["width"]
        context.close()


def test_language_switch_lands_on_the_same_page(browser: Any, server: str) -> None:
    context, page, _ = open_page(browser, f"{server}/ar/articles/{SEED_004}.html")
    page.click(".lang-switch a[hreflang=en]")
    page.wait_for_load_state()
    assert page.url.endswith(f"/en/articles/{SEED_004}.html")
    page.click(".lang-switch a[hreflang=ar]")
    page.wait_for_load_state()
    assert page.url.endswith(f"/ar/articles/{SEED_004}.html")
    context.close()


def visible_incidents(page: Any) -> int:
    return int(
        page.eval_on_selector_all(
            "#timeline .incident", "els => els.filter(e => !e.closest('[hidden]')).length"
        )
    )


@pytest.mark.parametrize(("lang", "query"), [("en", "Saraqib"), ("ar", "سراقب"), ("ar", "ادلب")])
def test_filter_narrows_and_restores(browser: Any, server: str, lang: str, query: str) -> None:
    context, page, errors = open_page(browser, f"{server}/{lang}/index.html")
    total = visible_incidents(page)
    assert total > 3
    page.fill("#filter input[name=q]", query)
    page.wait_for_function("document.querySelector('.filter-status').textContent !== ''")
    narrowed = visible_incidents(page)
    assert 0 < narrowed < total
    page.click("#filter button[type=reset]")
    page.wait_for_function(
        f"document.querySelectorAll('#timeline .incident:not([hidden])').length === {total}"
    )
    assert errors == []
    context.close()


def test_filter_by_type_and_dates(browser: Any, server: str) -> None:
    context, page, _ = open_page(browser, f"{server}/en/index.html")
    total = visible_incidents(page)
    page.select_option("#filter select[name=type]", "displacement")
    page.wait_for_function("document.querySelector('.filter-status').textContent !== ''")
    assert 0 < visible_incidents(page) < total
    page.click("#filter button[type=reset]")
    page.fill("#filter input[name=from]", "2020-01-01")
    page.fill("#filter input[name=to]", "2020-01-31")
    page.wait_for_function("document.querySelector('.filter-status').textContent !== ''")
    dates = page.eval_on_selector_all(
        "#timeline .incident:not([hidden]) time", "els => els.map(e => e.getAttribute('datetime'))"
    )
    assert dates and all(d <= "2020-01-31" for d in dates)
    context.close()


def test_every_incident_is_listed_without_javascript(
    browser: Any, server: str, built_site: Any
) -> None:
    records = searchindex.records(built_site / "en")
    context, page, _ = open_page(browser, f"{server}/en/index.html", javascript=False)
    ids = set(page.eval_on_selector_all(".incident[data-id]", "els => els.map(e => e.dataset.id)"))
    # Undated incidents are rows leading to their cards on the article pages.
    ids |= set(page.eval_on_selector_all(".row a", "els => els.map(e => e.hash.slice(1))"))
    assert ids == {r["id"] for r in records}
    assert page.locator("#filter").is_hidden()
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize(
    "path", ["index.html", f"articles/{SEED_004}.html", "places/index.html", "about.html"]
)
def test_axe_finds_no_violations(
    browser: Any, server: str, axe_source: str, lang: str, path: str
) -> None:
    context, page, _ = open_page(browser, f"{server}/{lang}/{path}")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    violations = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    assert violations == []
    context.close()


@pytest.mark.parametrize("address", ["ar/2020/02/nothing.html", "en/a/b/missing.html", "gone"])
def test_a_missing_address_gets_the_themed_404_page(
    browser: Any, server: str, axe_source: str, address: str
) -> None:
    """The host answers with 404.html at the missing address: styled by the
    theme, both languages marked, its links leading home, no axe violations."""
    context, page, errors = open_page(browser, f"{server}/{address}")
    main = page.locator("main.not-found")
    # the one console error is the document's own status; a missing stylesheet
    # or script would add another
    assert main.count() == 1 and len(errors) == 1 and "404" in errors[0], errors
    # the stylesheet loaded from this depth: the theme's width applies
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
    assert page.locator("section[lang='ar'][dir='rtl'] h1").inner_text() == "الصفحة غير موجودة"
    assert page.locator("section[lang='en'][dir='ltr'] h1").inner_text() == "Page not found"
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    assert [v["id"] for v in result["violations"]] == []
    page.locator("section[lang='en'] a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{server}/en/index.html"
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


# Text that is a quote of the source keeps the source's scripts: quotes, the
# article's own text, code (file names), and the document's <title> (no markup).
LANGUAGE_OF_PARTS = """() => {
  const page = document.documentElement.lang;
  const foreign = page === "ar" ? /[A-Za-z]{2,}/ : /[\\u0600-\\u06ff]{2,}/;
  const exempt = "blockquote, q, code, pre, .text, script, style, title, noscript";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(exempt) || !foreign.test(n.data)) continue;
    const marked = el.closest("[lang]");
    if (marked && marked.lang !== page) continue;  // marked as another language
    found.push(n.data.trim().slice(0, 60));
  }
  return found;
}"""

PAGES_OF_EVERY_KIND = [
    "index.html",
    "about.html",
    "undated.html",
    "places/index.html",
    "places/nerab.html",
    "actors/index.html",
    "types/index.html",
    "months/2020-02.html",
    "months/2020-02-28.html",
    f"articles/{SEED_004}.html",
    "articles/000_62a7b35b78715ad0.html",
    "articles/002_d4f3851b5aa9acad.html",
]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("path", PAGES_OF_EVERY_KIND)
def test_every_change_of_language_is_marked(
    browser: Any, server: str, lang: str, path: str
) -> None:
    """WCAG 3.1.2: no Latin-script words on an Arabic page and no Arabic on an
    English one, outside quotes of the source, unless marked with their lang."""
    context, page, _ = open_page(browser, f"{server}/{lang}/{path}")
    assert page.evaluate(LANGUAGE_OF_PARTS) == []
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_citations_are_isolated(browser: Any, server: str, lang: str) -> None:
    """A citation's article title sits in its own <bdi>, so that a title in the
    other script does not reorder the words around it."""
    context, page, _ = open_page(browser, f"{server}/{lang}/months/2020-02.html")
    footers = page.locator("blockquote.quote footer a")
    assert footers.count() > 0
    for i in range(footers.count()):
        assert footers.nth(i).locator("bdi").count() == 1
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_chart_and_map_stay_readable_on_a_phone(browser: Any, server: str, lang: str) -> None:
    """At 390 px the chart and the map keep their drawn size and scroll
    sideways: their words are at least 8 px high."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/{lang}/index.html")
    heights = page.evaluate(
        "() => [...document.querySelectorAll('figure svg text')]"
        ".map(t => t.getBoundingClientRect().height).filter(h => h > 0)"
    )
    assert heights and min(heights) >= 8, sorted(heights)[:5]
    context.close()


def test_the_skip_link_passes_the_map(browser: Any, server: str) -> None:
    """Keyboard users reach the list without tabbing through the map's links."""
    context, page, _ = open_page(browser, f"{server}/en/index.html")
    skip = page.locator("a.skip-figures")
    skip.focus()
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('svg, figure') === null")
    assert focused
    context.close()


def test_the_arabic_chart_legend_does_not_cover_its_words(browser: Any, server: str) -> None:
    context, page, _ = open_page(browser, f"{server}/ar/index.html")
    boxes = page.evaluate(
        """() => {
      const svg = document.querySelector('svg.casualty-chart');
      const rects = [...svg.querySelectorAll('rect[width="10"][height="10"]')];
      const texts = [...svg.querySelectorAll('text')].filter(t => t.getAttribute('y') === '19');
      return [rects.map(r => r.getBoundingClientRect().toJSON()),
              texts.map(t => t.getBoundingClientRect().toJSON())];
    }"""
    )
    squares, words = boxes
    assert len(squares) == 2 and len(words) == 2
    for s in squares:
        for w in words:
            overlap = min(s["right"], w["right"]) - max(s["left"], w["left"])
            assert overlap <= 0.5, (s, w)
    context.close()
