"""Everything the window shows or drives, built by the composition root (kiosk/app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.callbacks.desk import SendRequest
from kiosk.config import LANGUAGES, Config
from kiosk.content.storage.store import ContentStore
from kiosk.navigation import Navigator
from kiosk.session import Session
from kiosk.staff import modes
from kiosk.staff.state import StaffDefaults, StaffState
from kiosk.theme import Theme
from kiosk.ui.speech import Speech
from kiosk.ui.translation import Translations

if TYPE_CHECKING:  # types only: status and sync results load when staff first need them
    from kiosk.content.updates.outcome import SyncResult
    from kiosk.health.status import KioskStatus
    from kiosk.staff.counts import DailyCounts


@dataclass(frozen=True)
class CallbackOffer:
    """Whether to offer Contact a specialist, and what the form needs when it does."""

    send: SendRequest
    region: str  # whose phone numbers the form accepts (callbacks.region)
    available: Callable[[], bool]  # whether a request can leave this kiosk (CallbackDesk)
    promises: dict[str, str] = field(default_factory=dict)  # the clinic's words, by language
    unavailable: dict[str, str] = field(default_factory=dict)  # shown instead, when set


@dataclass(frozen=True)
class WindowSettings:
    """What the window needs from the config, read by the composition root."""

    slide_ms: int  # attract.slide_seconds
    idle_timeout_ms: int  # idle.timeout_seconds
    idle_warning_seconds: int  # idle.warning_seconds
    resting_messages: dict[str, str]  # the out-of-service words, by language
    staff_defaults: StaffDefaults  # what the idle reset returns to when staff chose nothing
    trials_stale_days: int = 30  # trials.stale_days: older, the trials list may be out of date
    printer: str = ""  # printing.printer: a CUPS printer, a .pdf path, or empty (no printing)

    @classmethod
    def from_config(cls, config: Config) -> WindowSettings:
        return cls(
            slide_ms=config["attract.slide_seconds"] * 1000,
            idle_timeout_ms=config["idle.timeout_seconds"] * 1000,
            idle_warning_seconds=config["idle.warning_seconds"],
            resting_messages={
                lang: modes.out_of_service_message(config, lang) for lang in LANGUAGES
            },
            staff_defaults=StaffDefaults.from_config(config),
            trials_stale_days=config["trials.stale_days"],
            printer=config["printing.printer"],
        )


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
    status: Callable[[], KioskStatus]  # the staff status (kiosk.health.status), no personal data
    # Starts a content update in the background and calls back (from any thread) with its
    # SyncResult; None when content updates are not configured.
    update_now: Callable[[Callable[[SyncResult], None]], None] | None = None
    # What patients did today, as counts only (kiosk.staff.counts); None counts nothing.
    counts: DailyCounts | None = None
    clinic: Clinic = field(default_factory=Clinic)
