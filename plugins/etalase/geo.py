"""The provinces map: the boundary file turned once into a small SVG of 38 paths, one per province.

Run `python -m etalase.geo BOUNDARIES.geojson` after the boundaries change; it rewrites
`site/assets/etalase/peta-provinsi.svg`, which is committed, so a build never needs the big file.
The boundaries are "Indonesia GeoJSON & TopoJSON Maps (38 Provinces)" (CC BY 4.0); their
`KODE_PROV` is wrong for the new Papua provinces, so each feature is joined to `content/regions.yml`
by its name. Every province is a `<path id="p<code>">` inside `<g id="semua">`, without a fill of its
own: pages draw it with `<use href="peta-provinsi.svg#p21">` and colour it there, so the geometry
is downloaded once and cached, whatever the number of pages.

The geometry is projected (equirectangular: Indonesia straddles the equator, where it and Mercator
differ by less than 1 %), simplified by Visvalingam-Whyatt and rounded to whole units. That is
a few dozen lines here rather than a library: the Python ones (shapely, simplification, rdp,
visvalingamwyatt) all pull numpy in for a script that runs once on 3,000 points.
"""

from __future__ import annotations

import functools
import heapq
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from slugify import slugify

SPRITE = Path(__file__).parent / "site" / "assets" / "etalase" / "peta-provinsi.svg"
WIDTH = 1000  # units of the SVG's viewBox across the country
MIN_AREA = 0.8  # square units: corners of a smaller triangle are dropped, and rings smaller than this too
# The boundary file's names that differ from content/regions.yml's.
ALIASES = {"Daerah Istimewa Yogyakarta": "DI Yogyakarta"}
ATTRIBUTION = ("Batas provinsi: \u201cIndonesia GeoJSON &amp; TopoJSON Maps (38 Provinces)\u201d, sumber: dev.to/denyherianto, "
               "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); diproyeksikan dan disederhanakan.")

Point = tuple[float, float]


def _key(name: str) -> str:
    return slugify(ALIASES.get(name, name))


def join(features: Iterable[dict[str, Any]], provinces: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each feature by the code of the province of the same name (`provinces`: code -> name).

    Raises ValueError naming what does not join, both ways."""
    codes = {_key(name): code for code, name in provinces.items()}
    joined: dict[str, dict[str, Any]] = {}
    unknown = []
    for feature in features:
        name = feature["properties"]["PROVINSI"]
        code = codes.get(_key(name))
        if code is None:
            unknown.append(name)
        else:
            joined[code] = feature
    missing = sorted(provinces[code] for code in provinces if code not in joined)
    if unknown or missing:
        raise ValueError(f"tidak cocok: di batas {sorted(unknown)}, di regions.yml {missing}")
    return joined


def _rings(geometry: dict[str, Any]) -> list[list[Point]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def _area(a: Point, b: Point, c: Point) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def visvalingam(ring: Sequence[Point], min_area: float) -> list[Point]:
    """Drop, smallest first, every corner whose triangle with its neighbours is under `min_area`."""
    n = len(ring)
    if n <= 4:
        return list(ring)
    prev = list(range(-1, n - 1))
    nxt = list(range(1, n + 1))
    prev[0], nxt[-1] = n - 1, 0  # a closed ring: the ends are neighbours
    alive = [True] * n
    heap = [(_area(ring[prev[i]], ring[i], ring[nxt[i]]), i) for i in range(n)]
    heapq.heapify(heap)
    left = n
    while heap and left > 4:
        area, i = heapq.heappop(heap)
        if not alive[i] or area != _area(ring[prev[i]], ring[i], ring[nxt[i]]):
            continue  # removed, or its area changed since it was pushed
        if area >= min_area:
            break
        alive[i] = False
        left -= 1
        p, q = prev[i], nxt[i]
        nxt[p], prev[q] = q, p
        for j in (p, q):
            heapq.heappush(heap, (_area(ring[prev[j]], ring[j], ring[nxt[j]]), j))
    return [point for point, keep in zip(ring, alive, strict=True) if keep]


def _ring_area(ring: Sequence[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2


def _path(rings: list[list[tuple[int, int]]]) -> str:
    """Relative moves and lines: most steps are one or two digits."""
    parts: list[str] = []
    x0 = y0 = 0
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        parts.append(f"M{x},{y}" if not parts else f"m{x - x0},{y - y0}")
        x0, y0 = x, y
        steps = []
        for px, py in rest:
            steps.append(f"{px - x0} {py - y0}")
            x0, y0 = px, py
        parts.append("l" + " ".join(steps) + "z")
        x0, y0 = ring[0]  # after z the pen is back at the ring's start
    return "".join(parts).replace(" -", "-")


def sprite(joined: dict[str, dict[str, Any]]) -> str:
    rings = {code: _rings(feature["geometry"]) for code, feature in joined.items()}
    points = [p for code_rings in rings.values() for ring in code_rings for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    scale = WIDTH / (east - west)
    height = round((north - south) * scale)
    paths = []
    for code in sorted(rings):
        kept = []
        projected = [[((lon - west) * scale, (north - lat) * scale) for lon, lat in ring[:-1]] for ring in rings[code]]
        # The largest ring always stays: a small province (Jakarta) keeps its outline.
        largest = max(range(len(projected)), key=lambda i: _ring_area(projected[i]))
        for index, ring in enumerate(projected):
            if index != largest and _ring_area(ring) < MIN_AREA * 4:
                continue
            simple = visvalingam(ring, MIN_AREA)
            rounded = [(round(x), round(y)) for x, y in simple]
            rounded = [p for i, p in enumerate(rounded) if p != rounded[i - 1]] or rounded[:1]
            if len(rounded) >= 3 or index == largest:
                kept.append(rounded)
        big = projected[largest]
        # Where the locator map circles the province (small ones are hard to see otherwise).
        centre = (round((min(x for x, _ in big) + max(x for x, _ in big)) / 2),
                  round((min(y for _, y in big) + max(y for _, y in big)) / 2))
        paths.append(f'<path id="p{code}" data-centre="{centre[0]},{centre[1]}" d="{_path(kept)}"/>')
    body = "\n".join(paths)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}">\n'
            f"<desc>{ATTRIBUTION}</desc>\n"
            f'<g id="semua" fill="#cfd8dc" stroke="#fff" stroke-width="0.6">\n{body}\n</g>\n</svg>\n')


@functools.cache
def _read() -> tuple[str, dict[str, tuple[int, int]]]:
    text = SPRITE.read_text(encoding="utf-8")
    box = re.search(r'viewBox="([^"]+)"', text)
    centres = {code: (int(x), int(y)) for code, x, y in re.findall(r'id="p([0-9]+)" data-centre="(-?[0-9]+),(-?[0-9]+)"', text)}
    return box.group(1) if box else "0 0 1000 400", centres


def view_box() -> str:
    """The sprite's viewBox, for the pages that draw it."""
    return _read()[0]


def locator(code: str) -> Optional[dict[str, Any]]:
    """What a locator map needs to highlight a province: its id in the sprite and where to circle it."""
    centre = _read()[1].get(code)
    return None if centre is None else {"code": code, "x": centre[0], "y": centre[1], "view_box": view_box()}


def main(argv: list[str]) -> None:
    import yaml

    source = Path(argv[0])
    regions_file = Path(argv[1]) if len(argv) > 1 else Path("content/regions.yml")
    regions = yaml.safe_load(regions_file.read_text(encoding="utf-8"))
    provinces = {str(r["code"]): r["name"] for r in regions if r.get("kind") == "provinsi"}
    joined = join(json.loads(source.read_text(encoding="utf-8"))["features"], provinces)
    SPRITE.write_text(sprite(joined), encoding="utf-8")
    print(f"{SPRITE}: {SPRITE.stat().st_size} bytes, {len(joined)} provinces")


if __name__ == "__main__":
    main(sys.argv[1:])
