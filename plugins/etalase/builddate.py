"""The day a site is built for: the same for validation, the award stages and MkDocs' sitemap."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from functools import cache
from pathlib import Path

# Outside git (an exported tarball) the build date is this fixed day, 2024-01-01 00:00 UTC.
FALLBACK_EPOCH = "1704067200"


def source_date_epoch(root: Path) -> str:
    """The time of the repository's last commit, for SOURCE_DATE_EPOCH.

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


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH's day in UTC (as MkDocs reads it), or today's when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return _day(epoch) if epoch else dt.datetime.now(dt.UTC).date()


@cache  # asked for every date and year a record holds
def _day(epoch: str) -> dt.date:
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
