"""The composition root: builds config, stores, services and the window in one place.

Nothing else creates long-lived services; screens get what they show through their
constructors. The CLI imports this module only for `kiosk run`, so other commands never
load Qt.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# The Qt-free modules come before PySide6: once it is loaded, PySide reads the source of every
# module imported after it (looking for `from __feature__ import`), about 0.2 ms each.
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import LANGUAGES, Config
from kiosk.content.first_start import open_store
from kiosk.content.scheduler import SyncScheduler, scheduler_from_config
from kiosk.content.store import ContentStore
from kiosk.content.sync_state import mark_shown, read_sync_state
from kiosk.navigation import Navigator
from kiosk.service_manager import ServiceNotifier
from kiosk.session import Session
from kiosk.staff.state import STATE_FILE, StaffDefaults, StaffState
from kiosk.staff.status import collect_status
from kiosk.theme import Theme

# isort: split
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.ui.recovery import recover_from_slot_errors
from kiosk.ui.services import CallbackOffer, Clinic, Services
from kiosk.ui.speech import Speech
from kiosk.ui.translation import Translations
from kiosk.ui.watchdog import attach_service_manager
from kiosk.ui.window import KioskWindow, import_screens

if TYPE_CHECKING:
    from kiosk.staff.heartbeat import Heartbeat

log = logging.getLogger(__name__)


def build_window(
    app: QApplication,
    config: Config,
    data_dir: Path,
    store: ContentStore,
    callbacks: CallbackDesk,
    *,
    locked: bool = False,
    heartbeat: Heartbeat | None = None,
    sync: SyncScheduler | None = None,
) -> KioskWindow:
    """The kiosk window and the services it shows, on the home screen (or the staff's mode)."""
    staff = StaffState(data_dir / STATE_FILE)
    defaults = staff.defaults() or StaffDefaults.from_config(config)
    session = Session(defaults.language, defaults.text_size, defaults.high_contrast)
    navigator = Navigator()

    def status() -> dict:
        return collect_status(
            config,
            data_dir,
            staff,
            content=store.info,
            outbox=callbacks.outbox.counts,
            sync=lambda: read_sync_state(data_dir),
            heartbeat=heartbeat.report if heartbeat else None,
        )

    def update_now(report: Callable[[str], None]) -> None:
        sync.run_now(lambda result: report(result.describe()))

    speech = Speech(config["speech.engine"], config["speech.volume"] / 100)
    # On every change of availability or of its reason, timeouts included.
    speech.availability_changed.connect(
        lambda ok: staff.set_problem("speech", None if ok else speech.problem)
    )
    services = Services(
        store=store,
        session=session,
        navigator=navigator,
        theme=Theme.load().with_accent(config["clinic.accent"]),
        translations=Translations(app),
        speech=speech,
        callbacks=callback_offer(config, callbacks),
        staff=staff,
        status=status,
        update_now=update_now if sync is not None else None,
        clinic=clinic_from(config),
    )
    window = KioskWindow(config, services, locked=locked)
    navigator.home()
    window.apply_mode(staff.mode)
    return window


def clinic_from(config: Config) -> Clinic:
    """The clinic's name and logo; the config checked the logo when it was loaded."""
    logo = config["clinic.logo"]
    try:
        data = Path(logo).read_bytes() if logo else None
    except OSError:  # gone since the config was read: no logo rather than no kiosk
        log.warning("the clinic's logo %s can no longer be read; showing none", logo)
        data = None
    return Clinic(config["clinic.name"].strip(), data)


def present(window: KioskWindow, app: QApplication, *, fullscreen: bool) -> None:
    """Show the window: covering the whole screen on a kiosk, or 1280x800 for development."""
    if fullscreen:
        # Without a window manager (a bare X session) full-screen is only a wish: size it too.
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        window.fit_to(app.primaryScreen())
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()


def callback_offer(config: Config, desk: CallbackDesk) -> CallbackOffer:
    """What the screens offer for Contact a specialist: the desk decides whether it can."""
    return CallbackOffer(
        send=desk.send,
        region=config["callbacks.region"],
        available=lambda: desk.available,
        promises={lang: config[f"callbacks.promise.{lang}"] for lang in LANGUAGES},
        unavailable={lang: config[f"callbacks.unavailable_message.{lang}"] for lang in LANGUAGES},
    )


def record_shown(data_dir: Path, store: ContentStore) -> None:
    """The store's content is on screen: mark its version shown (kiosk.content.sync_state)."""
    info = store.info()
    if info is not None:
        mark_shown(data_dir, info.digest)


def start_callbacks(window: KioskWindow, callbacks: CallbackDesk) -> None:
    callbacks.start()
    window.services.staff.set_problem("callbacks", callbacks.problem or None)


def start_heartbeat(window: KioskWindow, heartbeat: Heartbeat) -> QTimer:
    """Send the status now and every interval; collected on the UI thread, sent off it."""
    timer = QTimer(window, interval=int(heartbeat.interval_seconds * 1000))
    timer.timeout.connect(lambda: heartbeat.submit(window.services.status()))
    heartbeat.start()
    heartbeat.submit(window.services.status())
    timer.start()
    return timer


def run(config: Config, data_dir: Path, *, fullscreen: bool, exit_after_first_frame: bool) -> int:
    """Start the kiosk UI and return its exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("clinic-kiosk")
    store = open_store(data_dir, default_content_dir())
    callbacks = CallbackDesk(config, data_dir)
    heartbeat = None
    if config["status.endpoint"]:  # the HTTP stack loads only for kiosks that report
        from kiosk.staff.heartbeat import heartbeat_from_config

        heartbeat = heartbeat_from_config(config)
    sync = scheduler_from_config(config, data_dir)
    window = build_window(
        app, config, data_dir, store, callbacks, locked=fullscreen, heartbeat=heartbeat, sync=sync
    )
    window.services.staff.record_start()
    # READY=1 after the first frame, WATCHDOG=1 from the UI loop; nothing without systemd.
    attach_service_manager(app, window, ServiceNotifier.from_environment())
    recover_from_slot_errors(window.navigator.home)
    if sync is not None:
        # Runs on the sync thread; the signal carries the news to the UI thread.
        sync.on_change = lambda result: window.content_changed.emit()
    # Stored and shown: only now is a downloaded version the one to rebuild a store from.
    window.content_shown.connect(lambda: record_shown(data_dir, store))
    if exit_after_first_frame:
        # exit(), not quit(): quit() asks the windows first, and a locked-down one says no.
        # At once, not from a timer: what waits for the first frame (kinetic scrolling, ...)
        # has nothing to do in a process that only shows it once.
        window.first_frame_painted.connect(lambda: app.exit(0))
    else:
        # Everything that can wait does, until the patient already sees the home screen.
        window.first_frame_painted.connect(import_screens)
        window.first_frame_painted.connect(window.speech.start)
        window.first_frame_painted.connect(lambda: start_callbacks(window, callbacks))
        if heartbeat is not None:
            window.first_frame_painted.connect(lambda: start_heartbeat(window, heartbeat))
        if sync is not None:
            window.first_frame_painted.connect(sync.start)
    present(window, app, fullscreen=fullscreen)
    code = app.exec()
    window.services.staff.record_stop()
    window.detach()
    window.speech.shutdown()  # bounded: an engine stuck for good is left behind
    if heartbeat is not None:
        heartbeat.stop()
    if sync is not None:
        sync.stop()
    callbacks.close()
    window.services.staff.close()
    store.close()
    return code
