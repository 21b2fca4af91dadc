"""Work split over forked processes: whether it may be done here, and the one way it is done.

`fork()` is used by the build (site/accel/parallel.py: a child that goes on with MkDocs' build, or
writes the search index) and by the parse in a second process (parse/aside.py, through
`compute_aside`). A child hands back bytes through a pipe and ends with `exit_child`: nothing of
the parent's work may run twice.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import Any, BinaryIO, Callable, NoReturn, Optional


def can_fork() -> bool:
    """Fork exists, this process may use two cores or more, and it runs no other thread.

    The cores are those this process may use (a container or `taskset` may allow fewer than the
    machine has); a forked copy of a process that runs threads (MkDocs' `serve`) may inherit a lock
    held forever.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and cores >= 2 and threading.active_count() == 1


class Forked:
    """A forked process, as its parent sees it."""

    def __init__(self, pid: int, pipe: Optional[int]) -> None:
        self.pid = pid
        self.pipe = pipe  # what the child hands back comes through it
        self.outcome: Optional[tuple[bool, bytes]] = None

    def wait(self) -> tuple[bool, bytes]:
        """Wait for the child: whether it ended well, and what it handed back. Asked again (a failed
        wait, then the build's error handler), the same answer: a second waitpid would raise
        ChildProcessError and hide the child's real failure."""
        if self.outcome is None:
            data = b""
            if self.pipe is not None:
                with os.fdopen(self.pipe, "rb") as pipe:
                    data = pipe.read()
                self.pipe = None
            _, status = os.waitpid(self.pid, 0)
            self.outcome = os.waitstatus_to_exitcode(status) == 0, data
        return self.outcome


def fork(hands_back: bool = False) -> tuple[Optional[Forked], Optional[BinaryIO]]:
    """Fork. In the parent: the child, and None. In the child: None, and the pipe to hand bytes back
    through when `hands_back`; the child ends with `exit_child`. Raises OSError when fork fails."""
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe() if hands_back else (None, None)
    try:
        pid = os.fork()
    except OSError:
        for end in (read, write):
            if end is not None:
                os.close(end)
        raise
    if pid:
        if write is not None:
            os.close(write)
        return Forked(pid, read), None
    if read is not None:
        os.close(read)
    return None, (os.fdopen(write, "wb") if write is not None else None)


def exit_child(code: int) -> NoReturn:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no exit handler, no cleanup of the parent's: nothing may run twice


def compute_aside(work: Callable[[], Any]) -> Optional[Forked]:
    """Fork a child that computes `work()` and hands it back (pickled; `result` reads it); None when
    fork fails (too many processes today): the caller does the work itself."""
    try:
        child, pipe = fork(hands_back=True)
    except OSError:
        return None
    if child is not None:
        return child
    assert pipe is not None
    code = 1
    try:
        pipe.write(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
        pipe.close()
        code = 0
    finally:
        exit_child(code)


def result(child: Forked) -> Optional[Any]:
    """What `compute_aside`'s child computed, or None when it failed."""
    ok, data = child.wait()
    return pickle.loads(data) if ok and data else None
