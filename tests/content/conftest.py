"""Fixtures for publishing and syncing: real keys, a real repository, a real loopback host."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.publishing.signing_keys import create_keys
from kiosk.content.updates.settings import SyncSettings
from tests.content.repo_server import RepoServer


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    """A keys folder made by `kiosk content keys`: four ed25519 keys and root version 1."""
    folder = tmp_path / "keys"
    create_keys(folder)
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    return folder


@pytest.fixture
def server(repo: Path):
    with RepoServer(repo) as running:
        yield running


@pytest.fixture
def settings(server: RepoServer, keys: Path) -> SyncSettings:
    """A kiosk provisioned with the keys' root.json, pointed at the loopback host."""
    return SyncSettings(server.url, keys / "root.json")


@pytest.fixture
def kiosk_dir(tmp_path: Path) -> Path:
    return tmp_path / "kiosk"
