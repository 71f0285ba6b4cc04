"""Where a kiosk keeps its content updates, and how the last one went.

Everything lives under DATA_DIR/sync/, apart from the content store:

    metadata/          TUF metadata this kiosk has verified (rollback and freeze protection)
    cache/<sha256>     verified target files, named by hash: reused, never fetched twice
    staging/           a version being assembled; cleared at the start of every sync
    verified/<digest>/ the last content folder verified and stored, and the last one shown,
                       to rebuild a corrupt store from (the shown one first)
    verified.json      which folders those are (`digest` stored, `shown` shown by the window)
    listing.json       the files and hashes of the version stored last (what an update is
                       compared with; its hash is in verified.json)
    state.json         last success, last error (a code and its parameters; an older kiosk's
                       text still reads): what the staff status screen shows
    lock               held while a sync runs, so the kiosk and `kiosk sync` never overlap

No TUF here: first start and the status screen read these files without loading it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from kiosk.content.updates.outcome import SyncError
from kiosk.files import held_lock, write_file_atomically

log = logging.getLogger(__name__)

SYNC_DIR = "sync"


class SyncBusy(Exception):
    """Another process is syncing this kiosk's content right now."""


@dataclass(frozen=True)
class SyncState:
    """How syncing has gone lately (ISO 8601 times, UTC), kept across restarts."""

    last_success: str | None = None
    last_error: SyncError | None = None
    last_error_at: str | None = None
    last_attempt: str | None = None
    content_version: str | None = None


@dataclass(frozen=True)
class SyncPaths:
    """The files of DATA_DIR/sync/, named in one place."""

    root: Path

    @classmethod
    def under(cls, data_dir: Path) -> SyncPaths:
        return cls(Path(data_dir) / SYNC_DIR)

    @property
    def metadata(self) -> Path:
        return self.root / "metadata"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def verified(self) -> Path:
        return self.root / "verified"

    @property
    def verified_pointer(self) -> Path:
        return self.root / "verified.json"

    @property
    def listing(self) -> Path:
        return self.root / "listing.json"

    @property
    def state(self) -> Path:
        return self.root / "state.json"

    def make(self) -> None:
        for folder in (self.metadata, self.cache, self.staging, self.verified):
            folder.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the sync lock (released by the OS too if the process dies)."""
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(held_lock(self.root / "lock", wait=False))
            except BlockingIOError:
                raise SyncBusy("another content update is running on this kiosk") from None
            yield


# -- state.json --------------------------------------------------------------------------------


def read_sync_state(data_dir: Path) -> SyncState:
    """The last recorded outcome; a missing or unreadable file means "never synced"."""
    try:
        raw = json.loads(SyncPaths.under(data_dir).state.read_text(encoding="utf-8"))
        known = {k: v for k, v in raw.items() if k in SyncState.__dataclass_fields__}
        times = {
            k: v if isinstance(v, str) else None for k, v in known.items() if k != "last_error"
        }
        return SyncState(**times, last_error=SyncError.from_stored(known.get("last_error")))
    except (OSError, ValueError, AttributeError):
        return SyncState()


def record_success(data_dir: Path, version: str | None, now: datetime.datetime) -> SyncState:
    when = _iso(now)
    state = SyncState(last_success=when, last_attempt=when, content_version=version)
    _write_state(data_dir, state)
    return state


def record_failure(data_dir: Path, error: SyncError, now: datetime.datetime) -> SyncState:
    """Keep the error (and the last success before it) for the status screen."""
    when = _iso(now)
    state = replace(
        read_sync_state(data_dir), last_error=error, last_error_at=when, last_attempt=when
    )
    _write_state(data_dir, state)
    return state


def _write_state(data_dir: Path, state: SyncState) -> None:
    values = asdict(state)
    values["last_error"] = state.last_error.stored() if state.last_error else None
    _write_json(SyncPaths.under(data_dir).state, values)


# -- the last verified content folder ---------------------------------------------------------


def last_verified_content(data_dir: Path) -> Path | None:
    """The content folder to rebuild a corrupt store from: the last version this kiosk stored
    and then showed (`mark_shown`), else the last it stored, if there is one."""
    paths = SyncPaths.under(data_dir)
    pointer = read_verified_pointer(paths)
    for digest in (pointer.get("shown"), pointer.get("digest")):
        if isinstance(digest, str) and digest and (paths.verified / digest).is_dir():
            return paths.verified / digest
    return None


def read_verified_pointer(paths: SyncPaths) -> dict[str, Any]:
    try:
        pointer = json.loads(paths.verified_pointer.read_text(encoding="utf-8"))
        return pointer if isinstance(pointer, dict) else {}
    except (OSError, ValueError):
        return {}


def keep_verified(paths: SyncPaths, staged: Path, digest: str, pointer: dict[str, Any]) -> Path:
    """Make the fully verified `staged` folder the one to rebuild from; drop older ones.

    The folder is moved into place first and the pointer replaced after, so a crash
    leaves the pointer naming either the old complete folder or the new complete one.
    The version the kiosk last showed stays too, until the window shows this one
    (`mark_shown`): stored is not yet known to be showable.
    """
    target = paths.verified / digest
    if target.exists():
        shutil.rmtree(target)
    os.replace(staged, target)
    shown = read_verified_pointer(paths).get("shown")
    _write_json(paths.verified_pointer, {**pointer, "digest": digest, "shown": shown})
    _prune_verified(paths, {digest, shown})
    return target


def mark_shown(data_dir: Path, digest: str) -> None:
    """The window showed the stored content `digest`: it is the copy to rebuild from now.

    Called on the UI thread at the first frame and after each content update is shown; a
    small atomic write, and nothing when `digest` is not the last stored version (a kiosk
    with no downloaded content, or one showing the embedded content).
    """
    paths = SyncPaths.under(data_dir)
    if read_verified_pointer(paths).get("shown") == digest:
        return
    try:
        with paths.locked():  # never between a sync's read and write of the pointer
            pointer = read_verified_pointer(paths)
            if pointer.get("digest") != digest:
                return
            _write_json(paths.verified_pointer, {**pointer, "shown": digest})
            _prune_verified(paths, {digest})
    except SyncBusy:  # a sync is running; the next showing tries again
        log.info("a content update is running: the shown version is recorded next time")
    except OSError as error:
        log.warning("could not record the shown content version: %s", error)


def _prune_verified(paths: SyncPaths, keep: set[Any]) -> None:
    for old in paths.verified.iterdir():
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


# -- small helpers ------------------------------------------------------------------------------


def _write_json(path: Path, value: dict[str, Any]) -> None:
    write_file_atomically(path, json.dumps(value, indent=1, sort_keys=True).encode("utf-8"))


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")
