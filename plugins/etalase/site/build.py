"""Running MkDocs from the command line tool: a strict build of the repository's mkdocs.yml."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Optional

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..validate import Checked


def build_site(root: Path, site_dir: Optional[Path] = None, checked: Optional[Checked] = None) -> int:
    """Build the site; returns a process exit code (0 on success). `checked`: the repository as just validated."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    options = {"strict": True}
    if site_dir is not None:
        options["site_dir"] = str(site_dir.resolve())
    try:
        config = load_config(str(root / "mkdocs.yml"), **options)
        if checked is not None and "etalase" in config.plugins:
            config.plugins["etalase"].prechecked = (root.resolve(), checked)
        build(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        logging.getLogger("etalase").error("%s", exc)
        return 1
    return 0
