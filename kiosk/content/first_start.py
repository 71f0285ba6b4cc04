"""Opening the store for the kiosk: on the very first start it is filled from embedded content.

Later starts use the store exactly as it is (updates arrive through sync, not through here).
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.content.store import ContentStore

STORE_FILE = "content.db"
log = logging.getLogger(__name__)


def open_store(data_dir: Path, seed: Path) -> ContentStore:
    """Open the store in `data_dir`; if it holds no content yet, load the folder `seed` into it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    store = ContentStore(data_dir / STORE_FILE)
    if store.is_empty():
        from kiosk.content.loader import (
            load_content,
        )  # Markdown and the sanitizer: first start only

        bundle = load_content(seed)
        store.replace(bundle, origin=f"first start from {seed.name}")
        log.info("first start: loaded content version %s into %s", bundle.version, store.path)
    return store
