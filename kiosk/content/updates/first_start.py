"""Opening the store for the kiosk, whole: filled on first start, rebuilt if found corrupt.

Later starts use the store exactly as it is (updates arrive through sync, not through here).
A store that fails SQLite's integrity check is moved aside (kept for diagnosis) and rebuilt
from the last update that verified completely, or, failing that, from the embedded content,
so a damaged disk costs at most the newest update, never a blank kiosk.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.state import last_verified_content
from kiosk.database import integrity_problem

STORE_FILE = "content.db"
CORRUPT_SUFFIX = ".corrupt"
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
    store = ContentStore(path)
    if store.is_empty():
        _fill(store, data_dir, seed, rebuilding=bool(problem))
    return store


def _fill(store: ContentStore, data_dir: Path, seed: Path, rebuilding: bool) -> None:
    from kiosk.content.source.loader import (  # Markdown: only when filling
        ContentError,
        load_content,
    )

    verified = last_verified_content(data_dir)
    if verified is not None:
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
    bundle = load_content(seed)
    if rebuilding:
        store.replace(bundle, origin=f"rebuilt from embedded {seed.name}")
        log.warning("content rebuilt from the embedded content, version %s", bundle.version)
    else:
        store.replace(bundle, origin=f"first start from {seed.name}")
        log.info("first start: loaded content version %s into %s", bundle.version, store.path)


def _move_aside(path: Path) -> Path:
    """Rename the store (and its WAL) out of the way, replacing an older corrupt copy."""
    aside = path.with_name(path.name + CORRUPT_SUFFIX)
    os.replace(path, aside)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + extra))
    return aside
