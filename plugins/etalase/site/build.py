"""Running MkDocs from the command line tool: a strict build of the repository's mkdocs.yml."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from typing import Optional

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..validate import Checked
from .sitedir import SiteDirError, claim


def build_site(root: Path, site_dir: Optional[Path] = None, checked: Optional[Checked] = None,
               incremental: bool = True) -> int:
    """Build the site; returns a process exit code (0 on success).

    `checked`: the repository as just validated. `incremental`: rewrite only what changed since the
    previous build into the same folder (see incremental.py), else empty the folder first.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    options = {"strict": True}
    if site_dir is not None:
        options["site_dir"] = str(site_dir.resolve())
    lock = None
    try:
        config = load_config(str(root / "mkdocs.yml"), **options)
        lock = claim(Path(config.site_dir), root)
        plugin = config.plugins.get("etalase")
        if plugin is not None:
            plugin.prechecked = (root.resolve(), checked) if checked is not None else None
            plugin.dirty = incremental
        build(config, dirty=incremental and plugin is not None)
    except (Abort, ConfigurationError, PluginError, SiteDirError) as exc:
        logging.getLogger("etalase").error("%s", exc)
        return 1
    except OSError as exc:  # a folder that cannot be written (read-only, full disk)
        where = f" ({exc.filename})" if exc.filename else ""
        logging.getLogger("etalase").error("Situs gagal ditulis%s: %s", where, exc.strerror or exc)
        return 1
    except Exception as exc:  # noqa: BLE001  said with its page by the plugin's on_build_error; no traceback
        logging.getLogger("etalase").error("Situs tidak dibangun: %s: %s", type(exc).__name__, exc)
        return 1
    finally:
        if lock is not None:
            os.close(lock)
    return 0


# Outside git (an exported tarball) the build date is this fixed day, 2024-01-01 00:00 UTC.
FALLBACK_EPOCH = "1704067200"


def source_date_epoch(root: Path) -> str:
    """The build date for MkDocs and the award stages: the time of the repository's last commit.

    MkDocs dates the sitemap and pages with SOURCE_DATE_EPOCH when it is set, and the award pages
    judge whether a stage is over against that date; taking it from the last commit makes two builds
    of the same commit byte-identical, and the date moves forward with every merge.
    """
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return FALLBACK_EPOCH
    return result.stdout.strip() or FALLBACK_EPOCH
