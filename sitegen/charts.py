"""Pictures as static SVG, drawn at build time: no JavaScript, no tile server.

Both pictures are deterministic (the same timeline gives the same bytes) and
carry a ``<title>`` and ``<desc>`` that say in words what the picture shows.
Text uses ``currentColor`` so a chart follows the page's light or dark theme.

The casualty chart mirrors for right-to-left languages: time runs from right
to left and the value axis sits on the right. The map does not mirror
(geography has no reading direction).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Protocol
from xml.sax.saxutils import escape, quoteattr

from sitegen import i18n
from sitegen.extract.places import gazetteer
from sitegen.model import Place, Timeline
from sitegen.timeline import month_key


class Fmt(Protocol):
    """What the charts need from ``render.Formatter`` (one language)."""

    lang: str

    def number(self, n: int | None) -> str: ...
    def month(self, key: str) -> str: ...
    def day(self, d: date, fmt: str = ...) -> str: ...
    def place(self, p: Place) -> str: ...


# Words the message catalog does not have (yet); a translator may move them there.
TEXT = {
    "en": {
        "chart_title": "Killed and wounded per month",
        "chart_desc": "Reported killed and wounded, by the month each incident began",
        "no_figures": "No incident in the timeline reports killed or wounded.",
        "lowest": "Where reports disagree the lowest figure is counted.",
        "killed": "Killed",
        "wounded": "Wounded",
        "map_title": "Map of incidents",
        "map_desc": "Places named in the incidents; a larger dot means more incidents",
        "no_places": "No incident names a place with known coordinates.",
    },
    "ar": {
        "chart_title": "القتلى والجرحى شهرياً",
        "chart_desc": "أعداد القتلى والجرحى المذكورة، بحسب الشهر الذي بدأت فيه كل حادثة",
        "no_figures": "لا تذكر أي حادثة في الخط الزمني قتلى أو جرحى.",
        "lowest": "حين تختلف المصادر يُحتسب الرقم الأدنى.",
        "killed": "قتلى",
        "wounded": "جرحى",
        "map_title": "خريطة الحوادث",
        "map_desc": "الأماكن المذكورة في الحوادث؛ كلما كبرت النقطة زاد عدد الحوادث",
        "no_places": "لا تذكر أي حادثة مكاناً معروف الإحداثيات.",
    },
}

# Both colours reach at least 5:1 against white (WCAG asks 3:1 for graphics)
# and stay apart for red-green colour blindness (red against blue).
KILLED = "#b2182b"
WOUNDED = "#2166ac"


def _t(lang: str, key: str) -> str:
    return TEXT.get(lang, TEXT["en"])[key]


def _plural(lang: str, singular: str, n: int, num: str) -> str:
    """A catalog string with Arabic's six plural forms ("%(num)s killed")."""
    return i18n.load(lang).ngettext(singular, singular, n) % {"num": num}


def _n(v: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(
    name: str,
    lang: str,
    size: tuple[int, int],
    text: tuple[str, str],
    body: Iterable[str],
    role: str = "img",
) -> str:
    """The root element. ``name`` makes the ids unique on a page; ``text`` is
    (title, desc)."""
    title, desc = text
    width, height = size
    attrs = (
        f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="{name}" lang="{lang}" role="{role}" '
        f'aria-labelledby="{name}-title {name}-desc" font-family="inherit"'
    )
    head = (
        f'<title id="{name}-title">{escape(title)}</title>'
        f'<desc id="{name}-desc">{escape(desc)}</desc>'
    )
    return f"<svg {attrs}>{head}{''.join(body)}</svg>\n"


def _text(x: float, y: float, text: str, anchor: str, size: int = 11, extra: str = "") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="currentColor"{extra}>{escape(text)}</text>'
    )


# ---------------------------------------------------------------------------
# Casualties per month

WIDTH, HEIGHT = 720, 240
TOP, BOTTOM = 34, 28  # room for the legend above, month labels below
AXIS_SIDE, FAR_SIDE = 52, 12  # room for the value labels on the axis side
MAX_LABELS = 6  # month labels along the axis; more would overlap at 720 wide


@dataclass(frozen=True, slots=True)
class _Month:
    key: str
    killed: int
    wounded: int


def monthly_figures(timeline: Timeline) -> list[_Month]:
    """Killed and wounded per start month, for months that report any.

    An incident dated only to a year has no month to go in, so it is left out."""
    killed: Counter[str] = Counter()
    wounded: Counter[str] = Counter()
    for inc in timeline.dated:
        if inc.date.precision != "year":
            killed[month_key(inc.date)] += inc.casualties.killed or 0
            wounded[month_key(inc.date)] += inc.casualties.wounded or 0
    keys = sorted(k for k in killed if killed[k] or wounded[k])
    return [_Month(k, killed[k], wounded[k]) for k in keys]


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, so empty months keep their place."""
    y, m = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))  # numbers, not strings: "10000-01" < "9999-12"
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × 10ⁿ) giving at most ``ticks`` gridlines up to ``top``."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, int(factor * power))
    return int(10 * power)


class _Frame:
    """The plot area in reading order: ``x(0)`` is where time starts (left in
    English, right in Arabic), so the drawing code never thinks about direction."""

    def __init__(self, rtl: bool, months: int, top_value: int) -> None:
        self.rtl = rtl
        # the value axis is on the side where time starts
        self.left = FAR_SIDE if rtl else AXIS_SIDE
        self.right = WIDTH - (AXIS_SIDE if rtl else FAR_SIDE)
        self.top, self.bottom = TOP, HEIGHT - BOTTOM
        self.slot = (self.right - self.left) / months
        self.top_value = top_value

    def x(self, offset: float) -> float:
        """Distance along the time axis from where time starts → SVG x."""
        return self.right - offset if self.rtl else self.left + offset

    def rect_x(self, offset: float, width: float) -> float:
        return self.x(offset + width) if self.rtl else self.x(offset)

    def y(self, value: float) -> float:
        return self.bottom - (self.bottom - self.top) * value / self.top_value

    def axis_x(self) -> float:
        return self.right if self.rtl else self.left

    def anchor(self, toward_start: bool) -> str:
        """text-anchor for text that extends toward (or away from) the start of time."""
        return "end" if toward_start != self.rtl else "start"


def casualty_chart(timeline: Timeline, lang: str, fmt: Fmt) -> str:
    """Bars of killed and wounded per month, mirrored for Arabic."""
    data = monthly_figures(timeline)
    title, rtl = _t(lang, "chart_title"), lang == "ar"
    if not data:
        desc = f"{_t(lang, 'chart_desc')}. {_t(lang, 'no_figures')}"
        return _svg("casualty-chart", lang, (WIDTH, HEIGHT), (title, desc), ())
    months = month_range(data[0].key, data[-1].key)
    step = nice_step(max(max(m.killed, m.wounded) for m in data))
    top_value = step * math.ceil(max(max(m.killed, m.wounded) for m in data) / step)
    frame = _Frame(rtl, len(months), top_value)
    body = [
        *_grid(frame, step, fmt),
        *_legend(frame, lang),
        *_month_labels(frame, months, fmt),
        *(_bars(frame, months.index(m.key), m, lang, fmt) for m in data),
    ]
    desc = _chart_desc(data, lang, fmt)
    return _svg("casualty-chart", lang, (WIDTH, HEIGHT), (title, desc), body)


def _chart_desc(data: list[_Month], lang: str, fmt: Fmt) -> str:
    parts = [f"{fmt.month(m.key)}: {_figures(m, lang, fmt)}" for m in data]
    sep = "؛ " if lang == "ar" else "; "
    return f"{_t(lang, 'chart_desc')}. {sep.join(parts)}. {_t(lang, 'lowest')}"


def _figures(m: _Month, lang: str, fmt: Fmt) -> str:
    parts = [
        _plural(lang, f"%(num)s {kind}", n, fmt.number(n))
        for kind, n in (("killed", m.killed), ("wounded", m.wounded))
        if n
    ]
    return ("، " if lang == "ar" else ", ").join(parts)


def _grid(frame: _Frame, step: int, fmt: Fmt) -> Iterator[str]:
    """Horizontal gridlines with their values on the axis side."""
    x0, x1 = sorted((frame.x(0), frame.x(frame.right - frame.left)))
    label_x = frame.axis_x() + (6 if frame.rtl else -6)
    for value in range(0, frame.top_value + 1, step):
        y = frame.y(value)
        opacity = "0.6" if value == 0 else "0.15"
        yield (
            f'<line x1="{_n(x0)}" y1="{_n(y)}" x2="{_n(x1)}" y2="{_n(y)}" '
            f'stroke="currentColor" stroke-opacity="{opacity}"/>'
        )
        yield _text(label_x, y + 4, fmt.number(value), frame.anchor(toward_start=True), 10)


def _legend(frame: _Frame, lang: str) -> Iterator[str]:
    offset = 0.0
    for key, colour in (("killed", KILLED), ("wounded", WOUNDED)):
        label = _t(lang, key)
        x = _n(frame.rect_x(offset, 10))
        yield f'<rect x="{x}" y="10" width="10" height="10" fill="{colour}"/>'
        # "start" in the page's direction: the word begins beside its square and
        # runs away from it (leftwards on an Arabic page).
        yield _text(frame.x(offset + 14), 19, label, "start")
        offset += 14 + 8 * len(label) + 16  # a rough width: the legend only needs to not overlap


def _month_labels(frame: _Frame, months: list[str], fmt: Fmt) -> Iterator[str]:
    every = math.ceil(len(months) / MAX_LABELS)
    for i in range(0, len(months), every):
        y, m = map(int, months[i].split("-"))
        x = frame.x((i + 0.5) * frame.slot)
        yield _text(x, HEIGHT - 8, fmt.day(date(y, m, 1), "MMM y"), "middle", 10)


def _bars(frame: _Frame, index: int, m: _Month, lang: str, fmt: Fmt) -> str:
    """One month: killed then wounded in reading order, with a tooltip."""
    width = min(frame.slot * 0.35, 28)
    centre = (index + 0.5) * frame.slot
    parts = [f"<title>{escape(fmt.month(m.key))}: {escape(_figures(m, lang, fmt))}</title>"]
    for n, (kind, value, colour) in enumerate(
        (("killed", m.killed, KILLED), ("wounded", m.wounded, WOUNDED))
    ):
        if value:
            x, y = frame.rect_x(centre - width + n * width, width), frame.y(value)
            parts.append(
                f'<rect class="{kind}" x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" '
                f'height="{_n(frame.bottom - y)}" fill="{colour}"/>'
            )
    return f'<g class="month" data-month="{m.key}">{"".join(parts)}</g>'


# ---------------------------------------------------------------------------
# Map

MAP_WIDTH = 720
# Not drawn as dots: a country's centroid is not where anything happened.
BROAD_KINDS = ("country",)
LAND, SYRIA, SEA, BORDER = "#f4f1ea", "#e8dcc2", "#dce9f2", "#8a8a8a"
DOT = "#b2182b"


@cache
def basemap() -> dict[str, Any]:
    """Country outlines around Syria (Natural Earth via world-atlas; see the file)."""
    text = resources.files("sitegen").joinpath("data", "basemap.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


class _Projection:
    """Equirectangular, x scaled by cos(latitude) at the map's middle so that
    distances east-west and north-south look alike at Syria's latitude."""

    def __init__(self, bbox: list[float], width: int) -> None:
        self.west, self.south, self.east, self.north = bbox
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.kx)
        self.width = width
        self.height = round((self.north - self.south) * self.scale)

    def inside(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def incident_map(timeline: Timeline, lang: str, fmt: Fmt, link: Callable[[Place], str]) -> str:
    """Syria and its neighbours with a dot per place (sized by its incidents),
    each a link to ``link(place)`` with a tooltip."""
    base = basemap()
    proj = _Projection(base["bbox"], MAP_WIDTH)
    places = mapped_places(timeline, proj.inside)
    body = [
        f'<rect width="{proj.width}" height="{proj.height}" fill="{SEA}"/>',
        *(_country(f, proj) for f in base["features"]),
        *_labels(base, proj, lang),
        *_capitals(proj, lang, fmt, _dot_circles(places, proj)),
        *(_dot(p, n, proj, lang, fmt, link) for p, n in places),
        # The credit is English on every page: laid out left to right and marked
        # as English, or an Arabic page's right-to-left layout runs it off the map.
        _text(
            proj.width - 6,
            proj.height - 6,
            base["attribution"],
            "end",
            9,
            ' fill-opacity="0.7" direction="ltr" lang="en" unicode-bidi="embed"',
        ),
    ]
    desc = _map_desc(places, lang, fmt)
    # role="group", not "img": an img's children are hidden from assistive
    # technology, and the dots are links that must stay reachable.
    text = (_t(lang, "map_title"), desc)
    return _svg("incident-map", lang, (proj.width, proj.height), text, body, role="group")


def mapped_places(
    timeline: Timeline, inside: Callable[[float, float], bool]
) -> list[tuple[Place, int]]:
    """(place, incidents naming it) for each place the map can show, the
    biggest first so that smaller dots are drawn on top of bigger ones."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for inc in timeline.incidents:
        for key in {p.key for p in inc.places}:
            counts[key] += 1
        for p in inc.places:
            first.setdefault(p.key, p)
    shown = [
        (first[k], n)
        for k, n in counts.items()
        if _mappable(first[k]) and inside(first[k].lon or 0.0, first[k].lat or 0.0)
    ]
    return sorted(shown, key=lambda item: (-item[1], item[0].key))


def _mappable(p: Place) -> bool:
    return p.lat is not None and p.lon is not None and p.kind not in BROAD_KINDS


def _path(polygons: list[list[list[list[float]]]], proj: _Projection) -> str:
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points = [proj(lon, lat) for lon, lat in ring]
            rings.append("M" + "L".join(f"{_n(x)},{_n(y)}" for x, y in points) + "Z")
    return "".join(rings)


def _country(feature: dict[str, Any], proj: _Projection) -> str:
    fill = SYRIA if feature["id"] == "SY" else LAND
    width = "1.2" if feature["id"] == "SY" else "0.6"
    d = _path(feature["geometry"]["coordinates"], proj)
    return (
        f'<path d="{d}" fill="{fill}" stroke="{BORDER}" stroke-width="{width}" '
        'fill-rule="evenodd"/>'
    )


def _labels(base: dict[str, Any], proj: _Projection, lang: str) -> Iterator[str]:
    """Country and sea names, faint, behind the dots; kept inside the map (a sea
    named near the edge is moved in rather than cut)."""
    for item in [*base["features"], *base.get("seas", [])]:
        if item.get("label"):
            x, y = proj(*item["label"])
            name = item["name"][lang]
            half = _text_width(name, 13) / 2 + 3
            x = min(max(x, half), proj.width - half)
            yield _text(x, y, name, "middle", 13, ' fill-opacity="0.45"')


Box = tuple[float, float, float, float]  # left, top, right, bottom
Circle = tuple[float, float, float]  # x, y, radius

# Where a town's name may go around its point: (dx, dy, anchor) in the page's
# reading direction, the first that covers no dot and no other name wins.
_SPOTS = ((5, -3, "after"), (5, 11, "after"), (-5, -3, "before"), (-5, 11, "before"),
          (0, -7, "middle"), (0, 15, "middle"))  # fmt: skip


def _dot_circles(places: list[tuple[Place, int]], proj: _Projection) -> list[Circle]:
    out = []
    for p, n in places:
        assert p.lat is not None and p.lon is not None
        x, y = proj(p.lon, p.lat)
        out.append((x, y, dot_radius(n) + 1))
    return out


def _capitals(proj: _Projection, lang: str, fmt: Fmt, dots: list[Circle]) -> Iterator[str]:
    """Syria's governorate capitals, lightly, to find one's way; each name placed
    beside its point where it covers no incident dot and no other name."""
    taken: list[Box] = []
    rtl = lang == "ar"
    for p in governorate_capitals():
        assert p.lat is not None and p.lon is not None
        if not proj.inside(p.lon, p.lat):
            continue  # a capital abroad with its province (Khartoum) is off this map
        x, y = proj(p.lon, p.lat)
        name = fmt.place(p)
        width = _text_width(name, 10)
        spots = [_spot(x, y, width, spot, rtl) for spot in _SPOTS]
        inside = [s for s in spots if s[3][0] >= 0 and s[3][2] <= proj.width] or spots
        lx, ly, anchor, box = min(inside, key=lambda s: _clash(s[3], dots, taken))
        taken.append(box)
        yield f'<circle cx="{_n(x)}" cy="{_n(y)}" r="1.5" fill="currentColor" fill-opacity="0.5"/>'
        yield _text(lx, ly, name, anchor, 10, ' fill-opacity="0.6"')


def _spot(
    x: float, y: float, width: float, spot: tuple[int, int, str], rtl: bool
) -> tuple[float, float, str, Box]:
    """A candidate place for a name: its anchor point, text-anchor and box. The
    text runs in the page's direction ("start" is the right end on Arabic pages)."""
    dx, dy, side = spot
    dx = -dx if rtl else dx  # "after" the point is to its left in Arabic
    lx, ly = x + dx, y + dy
    if side == "middle":
        return lx, ly, "middle", (lx - width / 2, ly - 9, lx + width / 2, ly + 2)
    goes_right = (side == "after") != rtl
    box = (lx, ly - 9, lx + width, ly + 2) if goes_right else (lx - width, ly - 9, lx, ly + 2)
    return lx, ly, "start" if side == "after" else "end", box


def _clash(box: Box, dots: list[Circle], taken: list[Box]) -> float:
    """How much a name's box covers dots and other names (0: none); the first
    spot wins among those that cover nothing."""
    left, top, right, bottom = box
    score = 0.0
    for cx, cy, r in dots:
        nx, ny = min(max(cx, left), right), min(max(cy, top), bottom)
        if (nx - cx) ** 2 + (ny - cy) ** 2 < r * r:
            score += r
    for o in taken:
        w = min(right, o[2]) - max(left, o[0])
        h = min(bottom, o[3]) - max(top, o[1])
        if w > 0 and h > 0:
            score += w * h / 10
    return score


def _text_width(text: str, size: int) -> float:
    """A rough width: the layout only needs names not to cover dots or each other."""
    return 0.55 * size * len(text)


def governorate_capitals() -> tuple[Place, ...]:
    """Gazetteer cities named like their governorate (and the capital)."""

    def bare(name: str) -> str:
        return name.removeprefix("al-").lower()

    found = [
        p
        for p in gazetteer()
        if p.admin1
        and p.lat is not None
        and p.lon is not None
        and (p.kind == "capital" or (p.kind == "city" and bare(p.en) == bare(p.admin1)))
    ]
    return tuple(sorted(found, key=lambda p: p.en))


def dot_radius(count: int) -> float:
    """The dot's area grows with the count; capped so one place cannot cover a region."""
    return min(3.0 + 2.5 * math.sqrt(count - 1), 16.0)


def _dot(
    p: Place, count: int, proj: _Projection, lang: str, fmt: Fmt, link: Callable[[Place], str]
) -> str:
    assert p.lat is not None and p.lon is not None
    x, y = proj(p.lon, p.lat)
    tip = f"{fmt.place(p)}: {_plural(lang, '%(num)s incident', count, fmt.number(count))}"
    return (
        f"<a href={quoteattr(link(p))}><title>{escape(tip)}</title>"
        f'<circle class="place" cx="{_n(x)}" cy="{_n(y)}" r="{_n(dot_radius(count))}" '
        f'fill="{DOT}" fill-opacity="0.75" stroke="#ffffff" stroke-width="1"/></a>'
    )


def _map_desc(places: list[tuple[Place, int]], lang: str, fmt: Fmt) -> str:
    if not places:
        return f"{_t(lang, 'map_desc')}. {_t(lang, 'no_places')}"
    sep = "؛ " if lang == "ar" else "; "
    parts = [
        f"{fmt.place(p)}: {_plural(lang, '%(num)s incident', n, fmt.number(n))}" for p, n in places
    ]
    return f"{_t(lang, 'map_desc')}. {sep.join(parts)}."
