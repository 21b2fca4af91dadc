"""What every page carried that no visitor needs is left out (site/lean.py): the templates'
indentation and blank lines, the texts of Material's search box, four of five stylesheet links;
code samples keep their white space, and every kind of page looks, in Chromium, as the theme's own
output of it does."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Page

from a11y import PAGE_TYPES, show
from browser import serve
from conftest import ROOT, build_site
from sample_repo import copy_site

# Text whose white space shows, or that is not HTML, and the pages' Markdown content: left as written.
KEPT = re.compile(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
CONTENT = re.compile(r"<(p|li|td|blockquote)\b.*?</\1>", re.DOTALL)
STYLESHEETS = ROOT / "plugins" / "etalase" / "site" / "assets" / "etalase"
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "admin" not in p.relative_to(site).parts)


def test_pages_carry_no_indentation_nor_blank_lines(built_site):
    checked = 0
    for path in pages(built_site):
        text = path.read_text("utf-8")
        outside = CONTENT.sub("", KEPT.sub("", text))
        assert not re.search(r"\n[ \t]+\S", outside), (path, re.search(r"\n[ \t]+\S.{0,80}", outside).group(0))
        if "<pre" not in text and "<code" not in text:
            assert "\n\n" not in text, path
            checked += 1
    assert checked > 100  # the generated pages: none shows code


def test_code_samples_keep_their_white_space(built_site):
    guide = (ROOT / "content" / "panduan" / "menambah-inovasi.md").read_text("utf-8")
    samples = [sample for sample in FENCE.findall(guide) if "\n\n" in sample.strip()]
    assert samples, "the guide has a code sample with blank lines"
    page = html.unescape((built_site / "panduan" / "menambah-inovasi" / "index.html").read_text("utf-8"))
    code = "".join(re.findall(r"<code[^>]*>(.*?)</code>", page, re.DOTALL))
    for sample in samples:
        assert sample.rstrip("\n") in re.sub(r"<[^>]+>", "", code), sample


def test_one_stylesheet_of_ours_and_no_texts_of_materials_search(built_site):
    sources = sorted(STYLESHEETS.glob("*.css"))
    published = (built_site / "assets" / "etalase" / "etalase.css").read_text("utf-8")
    assert len(sources) > 1 and all(path.read_text("utf-8") in published for path in sources)
    assert [p.name for p in (built_site / "assets" / "etalase").glob("*.css")] == ["etalase.css"]
    for path in pages(built_site):
        text = path.read_text("utf-8")
        ours = re.findall(r'<link rel="stylesheet" href="([^"]*assets/etalase/[^"]*)"', text)
        assert len(ours) == 1 and ours[0].endswith("assets/etalase/etalase.css"), (path, ours)
        if 'id="__config"' in text:
            assert "search.result" not in text and "clipboard.copy" in text, path


def test_a_template_compiled_without_the_lean_extension_is_not_reused_with_it(tmp_path, monkeypatch):
    """The compiled-template cache (accel/templatecache.py) sees the template's source, not the extensions
    that rewrite it as it compiles: a template cached by a build without lean.py's must not serve one with it."""
    import jinja2

    from etalase.site import lean
    from etalase.site.accel import templatecache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>a</p>\n    \n    <p>b</p>\n", "utf-8")

    def render(*extensions: type) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "templates"), extensions=extensions)
        templatecache.install(env)
        return env.get_template("page.html").render()

    assert render() == "<p>a</p>\n    \n    <p>b</p>"
    assert render(lean.Compact) == "<p>a</p>\n<p>b</p>"
    assert render() == "<p>a</p>\n    \n    <p>b</p>"  # and back


# The sample site built with lean.py's rewriting turned off: the templates' output as the theme writes it.
THEMES_OWN_OUTPUT = """
import sys
from pathlib import Path
from etalase.site import build, lean
lean.install = lambda env, config: None
lean.blank_lines = lambda page: page
sys.exit(build.build_site(Path(sys.argv[1]), Path(sys.argv[2])))
"""
NOISE, FEW = 8, 50  # levels of 255 (grey) a pixel may differ by; pixels that may differ by more


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """The sample built as the project builds it, and with lean.py turned off; served, their base URLs."""
    folder = tmp_path_factory.mktemp("looks")
    repo = copy_site(folder / "repo")
    build_site(repo, folder / "lean")
    own = subprocess.run([sys.executable, "-c", THEMES_OWN_OUTPUT, str(repo), str(folder / "own")],
                         capture_output=True, text=True)
    assert own.returncode == 0, own.stdout + own.stderr
    page = Path("inovasi", "kota-batu", "adiarta", "index.html")
    assert (folder / "lean" / page).stat().st_size < (folder / "own" / page).stat().st_size, "lean.py was off"
    with serve(folder / "lean") as lean_url, serve(folder / "own") as own_url:
        yield lean_url, own_url


def screenshot(page: Page, site_url: str, kind: str | tuple[str, str]) -> Image.Image:
    """The page once it is at rest, the pointer off the control it pressed (a hovered control is drawn
    darker, and what is under the pointer changes as the screenshot scrolls the whole page into view)."""
    show(page, site_url, kind)
    page.mouse.move(0, 0)
    page.evaluate("Promise.all(document.getAnimations().map(running => running.finished))")
    return Image.open(io.BytesIO(page.screenshot(full_page=True, animations="disabled"))).convert("RGB")


@pytest.mark.parametrize("device", ["page", "phone"], ids=["desktop", "phone"])
@pytest.mark.parametrize("kind", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_lean_pages_look_as_the_themes_own_output(request, both_sites, device, kind):
    page = request.getfixturevalue(device)
    seen, expected = (screenshot(page, site_url, kind) for site_url in both_sites)
    assert seen.size == expected.size
    # Two loads of one page may differ by some levels of anti-aliasing on a few pixels; a moved, missing
    # or wrapped word, or a border a pixel off, changes hundreds of them.
    changed = sum(ImageChops.difference(seen, expected).convert("L").histogram()[NOISE + 1:])
    assert changed <= FEW, f"{changed} pixels differ"
