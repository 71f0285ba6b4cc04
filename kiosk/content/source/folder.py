"""Reading a content folder without trusting it: only regular files inside it, read with a cap.

A content folder is the admin's, but a symbolic link in it could make validate read (and
publish copy) a file from anywhere on the machine, and a FIFO or device (`/dev/zero`) would
be read until memory ran out. So every entry is looked at without following links
(`unsafe_entries`), and every read opens the file itself with O_NOFOLLOW, checks it is a
regular file whose folders are not links either, and never reads more than its limit
(`read_regular`): a file swapped for a link between the two checks is still refused.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath


class FileRefused(OSError):
    """A file that may not be read: the message says why and what to do."""


def unsafe_entries(root: Path) -> Iterator[tuple[str, str]]:
    """(path inside `root`, what is wrong) for each link or special file; hidden ones skipped.

    Hidden entries (`.git`, editor files) are never read or published, so they are left be.
    """
    # Plain strings and os calls: a sync's folder holds thousands of files, and this runs on
    # every one (pathlib would spend more time than the checks).
    top = os.fspath(root)
    for folder, dirs, files in os.walk(top, followlinks=False):
        prefix = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in sorted(dirs + files):
            relative = prefix + name
            if name.startswith("."):
                continue
            try:
                mode = os.lstat(os.path.join(folder, name)).st_mode
            except OSError as error:
                yield relative, f"cannot be read ({error.strerror or error})"
                continue
            if stat.S_ISLNK(mode):
                yield relative, "is a symbolic link: put the file itself in the folder"
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                yield relative, "is not a regular file (a device, pipe or socket): remove it"
        dirs[:] = [
            d for d in dirs if not os.path.islink(os.path.join(folder, d)) and not d.startswith(".")
        ]


_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def read_regular(root: Path, relative: str, limit: int) -> bytes:
    """The bytes of the regular file `root/relative`, or FileRefused if it is not one
    (a link, a link in its folders, a device...) or is larger than `limit` bytes."""
    parts = PurePosixPath(relative).parts
    if not parts or any(part in ("", ".", "..") for part in parts):
        raise FileRefused(f"'{relative}' is not a path inside the content folder")
    # Joined as plain strings (the parts are plain names now): this runs for every file.
    folder = os.fspath(root)
    for index, part in enumerate(parts[:-1]):
        folder = f"{folder}/{part}"
        if os.path.islink(folder):
            raise FileRefused(f"its folder {'/'.join(parts[: index + 1])} is a symbolic link")
    path = f"{folder}/{parts[-1]}"
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        if os.path.islink(path):
            raise FileRefused("is a symbolic link: put the file itself in the folder") from None
        raise FileRefused(f"cannot be read ({error.strerror or error})") from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused("is not a regular file (a device, pipe or socket): remove it")
        if status.st_size > limit:
            raise FileRefused(
                f"file is {status.st_size:,} bytes; the limit is {limit:,}: make it smaller"
            )
        data = handle.read(limit + 1)  # the size can change after fstat: never read more
    if len(data) > limit:
        raise FileRefused(f"file is over the limit of {limit:,} bytes: make it smaller")
    return data
