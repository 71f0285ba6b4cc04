"""Opening the store for the kiosk, whole: filled on first start, rebuilt if found corrupt.

Later starts use the store exactly as it is (updates arrive through sync, not through here).
A store that fails SQLite's integrity check is moved aside (kept for diagnosis) and rebuilt
from the last update that verified completely, or, failing that, from the embedded content,
so a damaged disk costs at most the newest update, never a blank kiosk.

Filling from the embedded content does not load it: `assets/content.db`, built from it by
`make store` (`build_prebuilt`), is copied in, so a first start costs what a later one does.
It is used only while it was built from exactly the files shipped beside it (the SHA-256 of
every path and byte, and of the code that reads them: `seed_fingerprint`) by this schema;
else the content is loaded as ever.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import sqlite3
from pathlib import Path

from kiosk.content.storage import schema
from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.state import last_verified_content
from kiosk.database import integrity_problem

STORE_FILE = "content.db"
CORRUPT_SUFFIX = ".corrupt"
SOURCE_CODE = Path(__file__).resolve().parents[1] / "source"  # kiosk/content/source
PREBUILT_FILE = "content.db"  # beside the embedded content folder: its store, built already
FINGERPRINT_KEY = "seed_fingerprint"
log = logging.getLogger(__name__)


def open_store(data_dir: Path, seed: Path) -> ContentStore:
    """Open the store in `data_dir`; fill it from `seed` (or the last verified update) if empty.

    If the store is corrupt it is rebuilt first; errors other than corruption (a locked or
    unreadable file) are raised as they are.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / STORE_FILE
    problem = integrity_problem(path) if path.exists() else None
    if problem:
        aside = _move_aside(path)
        log.error("content store %s is corrupt (%s); moved to %s, rebuilding", path, problem, aside)
    if not path.exists() and last_verified_content(data_dir) is None:
        origin = (
            f"rebuilt from embedded {seed.name}" if problem else f"first start from {seed.name}"
        )
        version = _place_prebuilt(path, seed, origin)  # else filled below, by loading it
        if version is not None and problem:
            log.warning("content rebuilt from the embedded content (prebuilt), version %s", version)
        elif version is not None:
            log.info("first start: loaded content version %s into %s (prebuilt)", version, path)
    store = ContentStore(path)
    if store.is_empty():
        _fill(store, data_dir, seed, rebuilding=bool(problem))
    return store


def _fill(store: ContentStore, data_dir: Path, seed: Path, rebuilding: bool) -> None:
    verified = last_verified_content(data_dir)
    if verified is not None:
        from kiosk.content.source.loader import ContentError, load_content  # Markdown: here only

        try:
            bundle = load_content(verified)
            if bundle.digest != verified.name:
                raise ContentError([])
            store.replace(bundle, origin="restored from the last verified update")
        except Exception as error:  # whatever it holds, the embedded content still starts
            # replace() is one transaction: a failed one leaves the store empty, as it was.
            log.error(
                "the last verified update in %s cannot be used (%s); skipping it",
                verified,
                type(error).__name__,
            )
        else:
            log.warning(
                "content restored from the last verified update, version %s", bundle.version
            )
            return
    from kiosk.content.source.loader import load_content

    bundle = load_content(seed)
    if rebuilding:
        store.replace(bundle, origin=f"rebuilt from embedded {seed.name}")
        log.warning("content rebuilt from the embedded content, version %s", bundle.version)
    else:
        store.replace(bundle, origin=f"first start from {seed.name}")
        log.info("first start: loaded content version %s into %s", bundle.version, store.path)


def seed_fingerprint(seed: Path) -> str:
    """SHA-256 of every file under `seed` (its path and bytes, in path order), hidden ones
    left out as the loader leaves them, and of what turns them into rows (the code reading
    and rendering a folder, and the Markdown and nh3 versions): whether a prebuilt store is
    of these very files, made the way this kiosk would make it."""
    from importlib import metadata  # 30 ms to import: only where a store is filled

    digest = hashlib.sha256()
    for name in ("markdown", "nh3"):  # read from the metadata: neither is imported here
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    for code in sorted(SOURCE_CODE.glob("*.py")):
        digest.update(code.name.encode() + b"\0" + code.read_bytes() + b"\0")
    for folder, dirs, files in os.walk(seed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder) / name
            digest.update(path.relative_to(seed).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _place_prebuilt(path: Path, seed: Path, origin: str) -> str | None:
    """Copy the prebuilt store of `seed` to `path` (where no store is yet) and say its
    content's version; None if there is none usable (missing, stale, of another schema,
    unreadable): then `seed` is loaded."""
    prebuilt = seed.parent / PREBUILT_FILE
    if not prebuilt.is_file():
        return None
    try:
        source = sqlite3.connect(f"file:{prebuilt}?mode=ro", uri=True)
        try:
            row = source.execute(
                "SELECT value FROM content_meta WHERE key = ?", (FINGERPRINT_KEY,)
            ).fetchone()
            if row is None or row[0] != seed_fingerprint(seed) or not schema.is_current(source):
                log.warning(
                    "the prebuilt store %s is not of %s as shipped; loading it", prebuilt, seed
                )
                return None
            target = sqlite3.connect(path)
            try:
                source.backup(target)
                now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
                with target:
                    meta = "UPDATE content_meta SET value = ? WHERE key = ?"
                    target.executemany(meta, [(now, "loaded_at"), (origin, "origin")])
                    target.execute("DELETE FROM content_meta WHERE key = ?", (FINGERPRINT_KEY,))
                (version,) = target.execute(
                    "SELECT value FROM content_meta WHERE key = 'version'"
                ).fetchone()
            finally:
                target.close()
        finally:
            source.close()
    except (sqlite3.Error, OSError, TypeError) as error:  # TypeError: a row missing
        log.warning("the prebuilt store %s cannot be used (%s); loading %s", prebuilt, error, seed)
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)  # never half a copy: the loader fills it anew
        return None
    return str(version)


def build_prebuilt(seed: Path) -> Path:
    """Write `seed`'s prebuilt store beside it (`make store` after changing the embedded
    content): loaded and rendered once here instead of on every kiosk's first start."""
    from kiosk.content.source.loader import load_content

    target = seed.parent / PREBUILT_FILE
    building = target.with_name(target.name + ".building")
    building.unlink(missing_ok=True)
    store = ContentStore(building)
    try:
        store.replace(load_content(seed), origin=f"first start from {seed.name}")
        with store.db:
            store.db.execute(
                "INSERT INTO content_meta (key, value) VALUES (?, ?)",
                (FINGERPRINT_KEY, seed_fingerprint(seed)),
            )
        store.db.execute("PRAGMA journal_mode = DELETE")  # one file, readable read-only
        store.db.execute("VACUUM")
    finally:
        store.close()
    os.replace(building, target)
    return target


def _move_aside(path: Path) -> Path:
    """Rename the store (and its WAL) out of the way, replacing an older corrupt copy."""
    aside = path.with_name(path.name + CORRUPT_SUFFIX)
    os.replace(path, aside)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + extra))
    return aside
