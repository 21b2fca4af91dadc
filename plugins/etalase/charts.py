"""Charts and the choropleth map, laid out in Python for the SVG templates (partials/chart-bar.html,
partials/map.html): the templates only print coordinates, never count or group.

What a chart or a map holds depends on the years, categories and provinces it shows, never on the
number of innovations: its size on a page is the same at 1,000 and 10,000 innovations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Sequence

from . import geo

if TYPE_CHECKING:
    from .catalog import Award, Catalog
    from .records import Edition, Program, Region, Sector

# Bars: horizontal, one row per category, its value written at its end (readable without colour).
WIDTH = 360  # the viewBox; the SVG scales to the column (readable at 390 px)
LABEL = 112  # the category labels' column
ROW = 22
BAR = 14
TOP = 6
# Series of a stacked chart: each colour has 3:1 or more against white (WCAG 1.4.11) and a pattern
# of its own (partials/chart-patterns.html), so they are told apart without colour too.
SERIES = ("#00695c", "#b3541e", "#4a148c", "#1565c0", "#5d4037", "#ad1457")
SERIES_PATTERNS = ("solid", "hatch", "dots", "cross", "vertical", "horizontal")
# The map's classes, light to dark; 0 has its own grey. Single-hue lightness steps read the same
# in greyscale; the counts are in each province's <title> and in the table.
MAP_CLASSES = ("#b2dfdb", "#4db6ac", "#00897b", "#00695c", "#004d40")
MAP_ZERO = "#ffffff"  # outlined: the outline (#37474f) has 9:1 against the page


@dataclass(frozen=True)
class Segment:
    series: int
    x: float
    width: float
    value: int


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]  # one per series
    total: int
    y: float
    end: float  # where the bar ends: its value is written just after
    segments: tuple[Segment, ...]
    href: Optional[str] = None


@dataclass(frozen=True)
class Chart:
    id: str  # unique on its page: the SVG's ids (title, patterns) derive from it
    title: str
    label: str  # what the categories are ("Tahun", "Urusan"), the table's first column
    unit: str  # what is counted ("inovasi", "pemenang")
    series: tuple[str, ...]
    bars: tuple[Bar, ...]
    height: float
    summary: str  # the text alternative

    @property
    def colours(self) -> list[tuple[str, str, str]]:
        """(name, colour, pattern) of each series."""
        return [(name, SERIES[i % len(SERIES)], SERIES_PATTERNS[i % len(SERIES_PATTERNS)])
                for i, name in enumerate(self.series)]


def bar_chart(id: str, title: str, label: str, unit: str, rows: Iterable[tuple[str, Sequence[int]]],
              series: Sequence[str] = ("Jumlah",), hrefs: Optional[Sequence[Optional[str]]] = None) -> Chart:
    """`rows`: (category, one value per series), in the order shown."""
    table = [(name, tuple(values)) for name, values in rows]
    most = max((sum(values) for _, values in table), default=0) or 1
    # Room for the value written after the longest bar.
    scale = (WIDTH - LABEL - 40) / most
    bars = []
    for index, (name, values) in enumerate(table):
        x = float(LABEL)
        segments = []
        for s, value in enumerate(values):
            if value:
                segments.append(Segment(s, round(x, 1), round(value * scale, 1), value))
                x += value * scale
        bars.append(Bar(name, values, sum(values), TOP + index * ROW, round(x, 1), tuple(segments),
                        hrefs[index] if hrefs else None))
    total = sum(bar.total for bar in bars)
    peak = max(bars, key=lambda bar: bar.total, default=None)
    summary = f"{title}: {total} {unit} dalam {len(bars)} {label.lower()}"
    if peak is not None and peak.total:
        summary += f"; terbanyak {peak.label} ({peak.total} {unit})"
    return Chart(id, title, label, unit, tuple(series), tuple(bars), TOP * 2 + len(bars) * ROW, summary + ".")


@dataclass(frozen=True)
class MapClass:
    low: int
    high: int
    colour: str

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class MapArea:
    code: str
    name: str
    href: str
    innovations: int
    awards: int
    colour: str


@dataclass(frozen=True)
class MapView:
    id: str
    title: str
    unit: str
    classes: tuple[MapClass, ...]
    areas: tuple[MapArea, ...]
    view_box: str


def class_breaks(values: Iterable[int], classes: int = len(MAP_CLASSES)) -> list[MapClass]:
    """Zero, then up to `classes` ranges splitting the nonzero counts into groups of equal size
    (quantiles): a few large provinces do not leave all others in the lightest class."""
    nonzero = sorted(v for v in values if v > 0)
    breaks = [MapClass(0, 0, MAP_ZERO)]
    if not nonzero:
        return breaks
    uppers = sorted({nonzero[min(len(nonzero) - 1, (len(nonzero) * (i + 1)) // classes - 1)] for i in range(classes)})
    low = 1
    # Fewer classes than colours: spread over the ramp, so the steps stay far apart.
    steps = len(uppers) - 1
    colours = [MAP_CLASSES[round(i * (len(MAP_CLASSES) - 1) / steps) if steps else -1] for i in range(len(uppers))]
    for colour, high in zip(colours, uppers, strict=True):
        if high >= low:
            breaks.append(MapClass(low, high, colour))
            low = high + 1
    return breaks


def _colour(value: int, breaks: Sequence[MapClass]) -> str:
    return next(c.colour for c in breaks if value <= c.high)


def map_views(rows: Sequence[dict[str, Any]], href: Callable[[Region], str]) -> tuple[MapView, MapView]:
    """By innovations and by awards, from the provinces' rows (`region`, `innovations`, `awards`)."""
    views = []
    for key, title, unit in (("innovations", "Jumlah inovasi per provinsi", "inovasi"),
                             ("awards", "Jumlah penghargaan per provinsi", "penghargaan")):
        breaks = class_breaks(row[key] for row in rows)
        areas = tuple(MapArea(row["region"].code, row["region"].name, href(row["region"]), row["innovations"],
                              row["awards"], _colour(row[key], breaks)) for row in rows)
        views.append(MapView(f"peta-{unit}", title, unit, tuple(breaks), areas, geo.view_box()))
    return views[0], views[1]


# Where an innovation spread: the original's province and those of its replications.
SPREAD_ORIGIN = "#b3541e"  # the locator map's highlight (partials/locator.html), circled too
SPREAD_COPIES = "#00695c"


@dataclass(frozen=True)
class SpreadArea:
    code: str
    name: str
    href: str
    origin: bool  # the original innovation's province
    replications: int  # replications in this province
    colour: str
    centre: Optional[tuple[int, int]]  # where its ring (the origin) or dot (replications) is drawn


@dataclass(frozen=True)
class SpreadMap:
    areas: tuple[SpreadArea, ...]  # the origin's province first, then by replications (most first), then name
    view_box: str
    legend: tuple[tuple[str, str, str], ...]  # (colour, its mark: "ring" or "dot", what it marks)
    summary: str  # the text alternative


def spread_map(origin: Optional[Region], copies: Sequence[Region], href: Callable[[Region], str]) -> SpreadMap:
    """`origin`: the original's province (None if unknown); `copies`: each replication's province, once
    per replication. The map holds one area per province named, whatever the number of replications."""
    named = {p.code: p for p in copies}
    counts = Counter(p.code for p in copies)
    if origin:
        named[origin.code] = origin
    home = origin.code if origin else None
    ordered = sorted(named.values(), key=lambda p: (p.code != home, -counts[p.code], p.name))
    centres = {code: (spot["x"], spot["y"]) for code in named if (spot := geo.locator(code))}
    areas = tuple(SpreadArea(p.code, p.name, href(p), p.code == home, counts[p.code],
                             SPREAD_ORIGIN if p.code == home else SPREAD_COPIES, centres.get(p.code)) for p in ordered)
    where = f"berasal dari Provinsi {origin.name}, " if origin else ""
    summary = (f"Sebaran inovasi ini: {where}direplikasi {sum(counts.values())} kali di {len(counts)} provinsi "
               f"({', '.join(f'{named[code].name} {count}' for code, count in counts.most_common())}).")
    legend = [(SPREAD_ORIGIN, "ring", "Provinsi asal (dilingkari)")] if origin else []
    legend.append((SPREAD_COPIES, "dot", "Provinsi dengan replikasi (bertitik)"))
    return SpreadMap(areas, geo.view_box(), tuple(legend), summary)


# What the pages chart, counted from the catalog's indexes (one pass over what a page shows).

TOP_SECTORS = 8
TOP_PROGRAMS = 5


def province_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """Each province with its innovations and awards (its cities' included), by name."""
    return [{"region": province, "innovations": len(catalog.innovations_by_region.get(province.code, [])),
             "awards": len(catalog.awards_by_region.get(province.code, []))} for province in catalog.provinces]


def home_charts(catalog: Catalog, sector_href: Callable[[Sector], str]) -> list[Chart]:
    from .labels import LABELS

    by_year = sorted(catalog.innovations_by_year.items())
    types: Counter[str] = Counter(innovation.type for innovation in catalog.innovations.values())
    stages: Counter[str] = Counter(innovation.stage for innovation in catalog.innovations.values())
    sectors = sorted(((catalog.sectors[s], len(items)) for s, items in catalog.innovations_by_sector.items()
                      if s in catalog.sectors), key=lambda x: (-x[1], x[0].label))[:TOP_SECTORS]
    return [
        bar_chart("grafik-tahun", "Inovasi menurut tahun peluncuran", "Tahun", "inovasi",
                  [(str(year), (len(items),)) for year, items in by_year]),
        bar_chart("grafik-jenis", "Inovasi menurut jenis", "Jenis", "inovasi",
                  [(name, (types[key],)) for key, name in LABELS["type"].items()]),
        bar_chart("grafik-tahapan", "Inovasi menurut tahapan", "Tahapan", "inovasi",
                  [(name, (stages[key],)) for key, name in LABELS["stage"].items()]),
        bar_chart("grafik-urusan", "Urusan dengan inovasi terbanyak", "Urusan", "inovasi",
                  [(sector.label, (count,)) for sector, count in sectors],
                  hrefs=[sector_href(sector) for sector, _ in sectors]),
    ]


def winners_chart(editions: Iterable[Edition], programs: dict[str, Program]) -> Chart:
    """Winners per year, one series per program (stacked): the TOP_PROGRAMS with the most winners,
    the others together, so the chart stays readable (and its size bounded) with many programs."""
    editions = [e for e in editions if e.program in programs]
    totals: Counter[str] = Counter()
    for edition in editions:
        totals[edition.program] += len(edition.winners)
    ranked = sorted(totals, key=lambda p: (-totals[p], programs[p].name.casefold()))
    shown = sorted(ranked[:TOP_PROGRAMS], key=lambda p: programs[p].name.casefold())
    series = [programs[p].short_name or programs[p].name for p in shown]
    if len(ranked) > TOP_PROGRAMS:
        series.append(f"{len(ranked) - TOP_PROGRAMS} ajang lain")
    counts: dict[int, list[int]] = {}
    for edition in editions:
        index = shown.index(edition.program) if edition.program in shown else TOP_PROGRAMS
        counts.setdefault(edition.year, [0] * len(series))[index] += len(edition.winners)
    return bar_chart("grafik-pemenang", "Pemenang per tahun menurut ajang", "Tahun", "pemenang",
                     [(str(year), counts[year]) for year in sorted(counts)], series=series)


def program_chart(editions: Iterable[Edition]) -> Chart:
    return bar_chart("grafik-edisi", "Pemenang per edisi", "Edisi", "pemenang",
                     [(str(e.year), (len(e.winners),)) for e in sorted(editions, key=lambda e: e.year)])


def region_chart(awards: Iterable[Award]) -> Chart:
    years = Counter(award.edition.year for award in awards)
    return bar_chart("grafik-penghargaan", "Penghargaan per tahun", "Tahun", "penghargaan",
                     [(str(year), (years[year],)) for year in sorted(years)])
