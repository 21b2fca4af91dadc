"""The provinces map and the charts, read from the built sample site and checked against the records.

Innovation counts come from the content files (front matter); award counts from the catalog the
validator builds (an award's region follows from its recipient, a rule the records leave implicit).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from etalase import charts, geo
from etalase.validate import check_repository

from conftest import ROOT, build_site

BOUNDARIES = Path("data") / "indonesia-38-provinces" / "indonesia-38-provinces.geojson"


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def front_matters(root: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8").split("---", 2)[1]) for p in sorted((root / "innovations").glob("*/*.md"))]


def provinces() -> dict[str, str]:
    regions = yaml.safe_load((ROOT / "content" / "regions.yml").read_text("utf-8"))
    return {r["code"]: r["name"] for r in regions if r["kind"] == "provinsi"}


def shared_boundaries() -> Path:
    """The boundary file in the shared folder beside the repository (as in CI)."""
    for parent in ROOT.parents:
        if (parent / "shared" / BOUNDARIES).is_file():
            return parent / "shared" / BOUNDARIES
    pytest.fail(f"shared/{BOUNDARIES} not found beside the repository")


def table(figure) -> dict[str, list[int]]:
    """A chart's data table: each row's heading → its numbers."""
    rows = {}
    for row in figure.find("table").find("tbody").find_all("tr"):
        rows[row.find("th").get_text(strip=True)] = [int(td.get_text(strip=True).replace(".", "")) for td in row.find_all("td")]
    return rows


# -- the geometry -------------------------------------------------------------------------------


def test_all_38_boundaries_join_to_the_provinces_by_name_and_the_committed_map_is_theirs():
    features = json.loads(shared_boundaries().read_text("utf-8"))["features"]
    names = provinces()
    joined = geo.join(features, names)
    assert len(names) == 38 and sorted(joined) == sorted(names)
    # The file's own codes are wrong for the Papua provinces (six features, two codes): not used.
    assert len({f["properties"]["KODE_PROV"] for f in features}) < 38
    for code, feature in joined.items():
        expected = geo.ALIASES.get(feature["properties"]["PROVINSI"], feature["properties"]["PROVINSI"])
        assert names[code] == expected
    # The committed map is what the script makes of the shared file: rerunning it changes nothing.
    assert geo.sprite(joined) == geo.SPRITE.read_text("utf-8")


def test_the_committed_map_has_one_path_per_province_and_stays_small():
    svg = ET.fromstring(geo.SPRITE.read_text("utf-8"))
    ids = {p.get("id") for p in svg.iter("{http://www.w3.org/2000/svg}path")}
    assert ids == {f"p{code}" for code in provinces()}
    assert geo.SPRITE.stat().st_size < 20_000
    assert "CC BY 4.0" in geo.SPRITE.read_text("utf-8")


def test_a_bad_name_is_reported_both_ways():
    with pytest.raises(ValueError, match="Atlantis.*Aceh"):
        geo.join([{"properties": {"PROVINSI": "Atlantis"}}], {"11": "Aceh"})


# -- the map on /daerah/ and the home page ------------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    return check_repository(ROOT).catalog


def expected_counts(catalog) -> dict[str, tuple[int, int]]:
    innovations = Counter(str(fm["region"]).split(".")[0] for fm in front_matters(ROOT))
    return {code: (innovations[code], len(catalog.awards_by_region.get(code, []))) for code in provinces()}


@pytest.mark.parametrize("url", ["daerah", ""])
def test_the_map_links_every_province_with_its_real_counts(built_site, catalog, url):
    soup = page(built_site, url)
    counts = expected_counts(catalog)
    names = provinces()
    for view, key in (("peta-inovasi", 0), ("peta-penghargaan", 1)):
        figure = soup.find("figure", id=view)
        links = figure.select("svg a")
        assert len(links) == 38
        seen = {}
        for link in links:
            code = re.search(r"#p([0-9]+)$", link.find("use")["href"]).group(1)
            target = (built_site / url / link["href"] / "index.html").resolve()
            assert target.is_file(), link["href"]
            assert BeautifulSoup(target.read_text("utf-8"), "html.parser").find("h1").get_text(strip=True) == names[code]
            seen[code] = link.find("title").get_text()
        assert sorted(seen) == sorted(names)
        for code, title in seen.items():
            innovations, awards = counts[code]
            assert title == f"{names[code]}: {innovations} inovasi, {awards} penghargaan"
        # Each province's colour is its class in the legend, and the legend covers every count.
        legend = [li.get_text(" ", strip=True) for li in figure.select(".etalase-map__legend li")]
        bands = charts.class_breaks(c[key] for c in counts.values())
        assert legend == [f"{band.label} {'inovasi' if key == 0 else 'penghargaan'}" for band in bands]
        for link in links:
            code = re.search(r"#p([0-9]+)$", link.find("use")["href"]).group(1)
            value = counts[code][key]
            band = next(b for b in bands if b.low <= value <= b.high)
            assert link.find("use")["fill"] == band.colour


def test_the_three_judged_provinces_show_their_counts(built_site, catalog):
    titles = {t.get_text() for t in page(built_site, "daerah").select("#peta-inovasi svg a title")}
    counts = expected_counts(catalog)
    for code, name in (("21", "Kepulauan Riau"), ("35", "Jawa Timur"), ("63", "Kalimantan Selatan")):
        assert f"{name}: {counts[code][0]} inovasi, {counts[code][1]} penghargaan" in titles
    assert counts["21"][0] > 0 and counts["35"][0] > 0 and counts["63"][1] > 0


def test_the_home_map_has_its_figures_as_a_table(built_site, catalog):
    soup = page(built_site, "")
    rows = table(soup.find("div", class_="etalase-map"))
    names = provinces()
    assert rows == {names[code]: list(value) for code, value in expected_counts(catalog).items()}


def test_province_and_region_pages_locate_their_province(built_site):
    for url, code in (("daerah/jawa-timur", "35"), ("daerah/kota-batu", "35"), ("daerah/kota-batam", "21")):
        locator = page(built_site, url).find("figure", class_="etalase-locator")
        uses = [u["href"] for u in locator.find_all("use")]
        assert uses[0].endswith("peta-provinsi.svg#semua") and uses[1].endswith(f"peta-provinsi.svg#p{code}")
        assert (built_site / url / uses[1].split("#")[0]).resolve().is_file()


# -- charts -------------------------------------------------------------------------------------


def test_home_charts_equal_the_records(built_site):
    records = front_matters(ROOT)
    soup = page(built_site, "")
    years = Counter(str(fm["launched"])[:4] for fm in records if fm.get("launched"))
    assert table(soup.find("figure", id="grafik-tahun")) == {y: [n] for y, n in sorted(years.items())}
    types = Counter(fm["type"] for fm in records)
    assert table(soup.find("figure", id="grafik-jenis")) == {"Digital": [types["digital"]], "Non-digital": [types["non-digital"]]}
    stages = Counter(fm["stage"] for fm in records)
    assert table(soup.find("figure", id="grafik-tahapan")) == {
        "Inisiatif": [stages["inisiatif"]], "Uji coba": [stages["uji-coba"]], "Penerapan": [stages["penerapan"]]}
    labels = {s["id"]: s["label"] for s in yaml.safe_load((ROOT / "content" / "sectors.yml").read_text("utf-8"))}
    sectors = Counter(labels[s] for fm in records for s in dict.fromkeys(fm["sectors"]))
    shown = table(soup.find("figure", id="grafik-urusan"))
    top = sorted(sectors.items(), key=lambda x: (-x[1], x[0]))[:charts.TOP_SECTORS]
    assert shown == {label: [n] for label, n in top}


def editions() -> list[tuple[str, int, int]]:
    """(program name or short name, year, winner entries) of every edition file."""
    found = []
    for folder in sorted((ROOT / "content" / "awards").iterdir()):
        program = yaml.safe_load((folder / "program.yml").read_text("utf-8"))
        for path in sorted(folder.glob("[0-9]*.yml")):
            edition = yaml.safe_load(path.read_text("utf-8"))
            found.append((program.get("short_name") or program["name"], int(path.stem), len(edition.get("winners") or [])))
    return found


def test_winners_chart_equals_the_edition_files(built_site):
    figure = page(built_site, "pemenang").find("figure", id="grafik-pemenang")
    series = [th.get_text(strip=True) for th in figure.find("thead").find_all("th")][1:-1]
    rows = table(figure)
    expected: dict[str, dict[str, int]] = {}
    for name, year, winners in editions():
        expected.setdefault(str(year), Counter())[name] += winners
    assert sorted(rows) == sorted(expected)
    for year, values in rows.items():
        assert dict(zip(series, values[:-1])) == {name: expected[year][name] for name in series}
        assert values[-1] == sum(expected[year].values())
    # Several programs: each has a pattern of its own, in the legend too.
    assert len(figure.select(".etalase-chart__legend li")) == len(series) > 1
    assert len({p["id"] for p in figure.select("pattern")}) == len(series)


def test_program_and_region_charts_equal_the_records(built_site, catalog):
    folder = ROOT / "content" / "awards" / "innovative-government-award"
    rows = table(page(built_site, "penghargaan/innovative-government-award").find("figure", id="grafik-edisi"))
    assert rows == {p.stem: [len(yaml.safe_load(p.read_text("utf-8")).get("winners") or [])]
                    for p in sorted(folder.glob("[0-9]*.yml"))}
    batu = next(r for r in catalog.regions.values() if r.slug == "kota-batu")
    years = Counter(a.edition.year for a in catalog.awards_by_region[batu.code])
    rows = table(page(built_site, "daerah/kota-batu").find("figure", id="grafik-penghargaan"))
    assert rows == {str(y): [n] for y, n in sorted(years.items())}


def test_every_chart_has_a_title_and_a_text_alternative(built_site):
    for url in ("", "pemenang", "penghargaan/innovative-government-award", "daerah/kota-batu"):
        for figure in page(built_site, url).find_all("figure", class_="etalase-chart"):
            svg = figure.find("svg", class_="etalase-chart__svg")
            assert svg["role"] == "img"
            title_id, desc_id = svg["aria-labelledby"].split()
            assert figure.find(id=title_id).get_text(strip=True) == figure.find("figcaption").get_text(strip=True)
            assert figure.find(id=desc_id).get_text(strip=True)
            # Each bar carries its value as text: readable without telling colours apart.
            values = [t.get_text() for t in svg.select("text.etalase-chart__value")]
            assert values == [str(v[-1]) for v in table(figure).values()]


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_pass_wcag_aa_and_map_classes_differ_in_lightness():
    for colour in charts.SERIES:  # bars and their outlines against the white page: 3:1 (graphics)
        assert contrast(colour, "#ffffff") >= 3, colour
    assert len(set(charts.SERIES_PATTERNS)) == len(charts.SERIES)
    assert contrast("#37474f", "#ffffff") >= 3  # the provinces' outline
    assert contrast("#b3541e", "#cfd8dc") >= 3  # the located province against the others
    shades = [luminance(c) for c in (charts.MAP_ZERO, *charts.MAP_CLASSES)]
    assert shades == sorted(shades, reverse=True) and len(set(shades)) == len(shades)
    for dark, light in zip(shades[1:], shades):  # steps told apart in greyscale too
        assert (light + 0.05) / (dark + 0.05) >= 1.25


# -- cost does not depend on the number of innovations ---------------------------------------------


def visuals(site: Path) -> dict[str, tuple[int, Counter]]:
    """Per page: the bytes of its maps and charts, and how many of each element they hold."""
    found = {}
    for url in ("", "daerah", "pemenang", "daerah/jawa-timur"):
        parts = page(site, url).select(".etalase-map, .etalase-chart, .etalase-locator")
        found[url] = (sum(len(str(part)) for part in parts), Counter(tag.name for part in parts for tag in part.find_all(True)))
    return found


def test_maps_and_charts_cost_the_same_at_two_catalog_sizes(tmp_path):
    """Maps and charts depend on provinces, years and (at most TOP_PROGRAMS + 1) programs, not on
    innovations. A generated repository of 500 innovations, then the same with every innovation
    four times (2,000: same regions, years, sectors and awards): the maps and charts hold the same
    elements, and their bytes differ only by the digits they print."""
    from etalase.generate import write_tree

    root = tmp_path / "repo"
    write_tree(root, innovations=500, seed=7)
    small = tmp_path / "small"
    build_site(root, small)
    for path in sorted((root / "innovations").glob("*/*.md")):
        for copy in (2, 3, 4):
            path.with_name(f"{path.stem}-{copy}.md").write_text(path.read_text("utf-8"), "utf-8")
    large = tmp_path / "large"
    build_site(root, large)
    few, many = visuals(small), visuals(large)
    assert page(large, "").find(class_="etalase-figure__value").get_text() == "2.000"
    for url in few:
        assert few[url][1] == many[url][1], url
        assert abs(few[url][0] - many[url][0]) <= 0.02 * many[url][0], url


def test_the_map_switches_views_without_javascript_and_fits_a_phone(site_url, browser):
    from browser import PHONE

    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "daerah/")
    innovations, awards = tab.locator("#peta-inovasi"), tab.locator("#peta-penghargaan")
    assert innovations.is_visible() and not awards.is_visible()
    tab.get_by_text("Menurut penghargaan").click()
    assert awards.is_visible() and not innovations.is_visible()
    box = awards.locator("svg.etalase-map__svg").bounding_box()
    assert 300 <= box["width"] <= PHONE["width"]
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    # The shared geometry is drawn: a province has an area on screen, and its link leads to its page.
    jatim = awards.locator("a", has=tab.locator("title", has_text="Jawa Timur:"))
    assert jatim.locator("use").bounding_box()["width"] > 10
    jatim.click()
    assert tab.locator("h1").inner_text() == "Jawa Timur"
    context.close()
