"""Shared fixtures: fresh content folders, real SQLite stores, and a kiosk window to tap."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.updates.first_start import open_store


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of the embedded content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(default_content_dir(), target)
    return target


@pytest.fixture
def store(tmp_path: Path):
    """A real store file filled from the embedded content, as on a kiosk's first start."""
    opened = open_store(tmp_path / "data", default_content_dir())
    yield opened
    opened.close()
