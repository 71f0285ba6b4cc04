"""A real published repository for the hub's tests: the kiosk's own content, signed with real
keys by `publish`, served by a plain static web host on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.assets import default_content_dir
from kiosk.content.publishing.publish import PublishResult, publish
from kiosk.content.publishing.signing_keys import create_keys


class Repository:
    def __init__(self, folder: Path) -> None:
        self.source = folder / "content"
        self.keys = folder / "keys"
        self.repo = folder / "repo"
        shutil.copytree(default_content_dir(), self.source)
        create_keys(self.keys)
        self.repo.mkdir()

    @property
    def root(self) -> Path:
        return self.keys / "root.json"

    def publish(self, version: str) -> PublishResult:
        """Publish the content as `version` (its content.toml label)."""
        toml = self.source / "content.toml"
        lines = [line for line in toml.read_text().splitlines() if not line.startswith("version")]
        toml.write_text(f'version = "{version}"\n' + "\n".join(lines) + "\n")
        return publish(self.source, self.repo, self.keys)

    def retitle(self, card: str, old: str, new: str) -> None:
        path = self.source / "cards" / card
        path.write_text(path.read_text().replace(f'title = "{old}"', f'title = "{new}"'))
