"""What one `kiosk doctor` check found: a name, a verdict, a detail and the line that fixes it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str
    fix: str = ""  # one line, only when the check failed


def nearest_existing(path: Path) -> Path:
    """`path`, or its closest ancestor that exists (a data directory not made yet)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def why(error: BaseException) -> str:
    """An OS error's short reason ("Permission denied"), else the error's text or type."""
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
