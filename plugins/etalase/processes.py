"""Whether work may be split over forked processes here."""

from __future__ import annotations

import os
import threading


def can_fork() -> bool:
    """Fork exists, this process may use two cores or more, and it runs no other thread.

    The cores are those this process may use (a container or `taskset` may allow fewer than the
    machine has); a forked copy of a process that runs threads (MkDocs' `serve`) may inherit a lock
    held forever.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and cores >= 2 and threading.active_count() == 1
