"""Everything the window shows or drives, built by the composition root (kiosk/app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.callbacks.desk import SendRequest
from kiosk.content.store import ContentStore
from kiosk.navigation import Navigator
from kiosk.session import Session
from kiosk.staff.state import StaffState
from kiosk.theme import Theme
from kiosk.ui.speech import Speech
from kiosk.ui.translation import Translations


@dataclass(frozen=True)
class CallbackOffer:
    """Whether to offer Contact a specialist, and what the form needs when it does."""

    send: SendRequest
    region: str  # whose phone numbers the form accepts (callbacks.region)
    available: Callable[[], bool]  # whether a request can leave this kiosk (CallbackDesk)
    promises: dict[str, str] = field(default_factory=dict)  # the clinic's words, by language
    unavailable: dict[str, str] = field(default_factory=dict)  # shown instead, when set


@dataclass(frozen=True)
class Clinic:
    """Whose kiosk this is: the clinic's name and logo (an SVG's bytes), from the config."""

    name: str = ""
    logo: bytes | None = None


@dataclass
class Services:
    store: ContentStore
    session: Session
    navigator: Navigator
    theme: Theme
    translations: Translations
    speech: Speech
    callbacks: CallbackOffer
    staff: StaffState
    status: Callable[[], dict[str, Any]]  # the staff status (kiosk.staff.status), no personal data
    # Starts a content update in the background and calls back (from any thread) with the
    # result in words; None when content updates are not configured.
    update_now: Callable[[Callable[[str], None]], None] | None = None
    clinic: Clinic = field(default_factory=Clinic)
