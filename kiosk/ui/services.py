"""Everything the window shows or drives, built by the composition root (kiosk/app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.callbacks.desk import SendRequest
from kiosk.content.store import ContentStore
from kiosk.navigation import Navigator
from kiosk.session import Session
from kiosk.staff.state import StaffState
from kiosk.theme import Theme
from kiosk.ui.speech import Speech
from kiosk.ui.translation import Translations


@dataclass
class Services:
    store: ContentStore
    session: Session
    navigator: Navigator
    theme: Theme
    translations: Translations
    speech: Speech
    send_callback: SendRequest
    staff: StaffState
    status: Callable[[], dict[str, Any]]  # the staff status (kiosk.staff.status), no personal data
    # Starts a content update in the background and calls back (from any thread) with the
    # result in words; None when content updates are not configured.
    update_now: Callable[[Callable[[str], None]], None] | None = None
