"""When a slot raises, the kiosk logs it and goes home instead of showing a broken screen.

PySide6 hands an exception that escapes a slot to `sys.excepthook` and carries on; left at
that, a patient could be stranded on a half-drawn screen. The hook logs the error (type and
traceback only: the kiosk never logs what a patient typed) and returns to the home screen.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)


def recover_from_slot_errors(go_home: Callable[[], None]) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error(
            "unexpected %s in the UI; returning home", kind.__name__, exc_info=(kind, error, trace)
        )
        QTimer.singleShot(0, go_home)

    sys.excepthook = hook
