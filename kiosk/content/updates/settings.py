"""Where a kiosk gets its content updates from, and whom it trusts: read from the config."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.net.addresses import address_problem


class SyncConfigError(ValueError):
    """The sync settings cannot work; the message names the setting."""


@dataclass(frozen=True)
class SyncSettings:
    repository_url: str  # the folder holding metadata/ and targets/, without a trailing slash
    trusted_root: Path  # the root.json this kiosk was provisioned with

    @classmethod
    def from_config(cls, config: Any) -> SyncSettings | None:
        """The settings in `config`, or None when updates are off (no repository URL)."""
        url = config["sync.repository_url"].strip()
        if not url:
            return None
        root = config["sync.trusted_root"].strip()
        if not root:
            raise SyncConfigError("sync.repository_url is set but sync.trusted_root is empty")
        return cls(check_repository_url(url).rstrip("/"), Path(root).expanduser())

    @property
    def metadata_url(self) -> str:
        return f"{self.repository_url}/metadata/"

    @property
    def targets_url(self) -> str:
        return f"{self.repository_url}/targets/"

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.repository_url).netloc

    def trusted_root_bytes(self) -> bytes:
        """The provisioned root; a kiosk without it refuses every update."""
        try:
            return self.trusted_root.read_bytes()
        except OSError as error:
            raise SyncConfigError(
                f"sync.trusted_root {self.trusted_root} cannot be read ({error.strerror or error})"
            ) from None


def check_repository_url(url: str) -> str:
    """`url` if the kiosk may fetch from it (see kiosk.net.addresses); else SyncConfigError."""
    problem = address_problem("sync.repository_url", url)
    if problem:
        raise SyncConfigError(problem)
    return url
