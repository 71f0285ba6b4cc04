"""Files written whole and locks held across processes: one way for every part of the kiosk.

A file is written to a temporary name beside it, flushed to disk and renamed over the old one,
so a power cut leaves either the old bytes or all of the new. A lock is an advisory `flock` on
a lock file: the OS drops it when its process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write `data` so that `path` holds either its old bytes or all of the new ones."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def held_lock(path: Path, *, wait: bool) -> Iterator[None]:
    """Hold the exclusive lock on the file at `path` (made if missing) while the block runs.

    With `wait` False, BlockingIOError at once when another process holds it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
