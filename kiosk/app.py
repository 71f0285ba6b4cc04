"""The composition root: builds config, stores, services and the window in one place.

Nothing else creates long-lived services; screens get what they show through their
constructors. The CLI imports this module only for `kiosk run`, so other commands never
load Qt.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The Qt-free modules come before PySide6: once it is loaded, PySide reads the source of every
# module imported after it (looking for `from __feature__ import`), about 0.2 ms each.
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk, Receipt
from kiosk.config import LANGUAGES, Config
from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.first_start import open_store
from kiosk.content.updates.scheduler import SyncScheduler, scheduler_from_config
from kiosk.content.updates.state import mark_shown, read_sync_state
from kiosk.navigation import Navigator
from kiosk.service_manager import ServiceNotifier
from kiosk.session import Session
from kiosk.staff.counts import DailyCounts
from kiosk.staff.state import STATE_FILE, StaffDefaults, StaffState
from kiosk.theme import Theme

# isort: split
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.ui.recovery import recover_from_slot_errors
from kiosk.ui.services import CallbackOffer, Clinic, Services, WindowSettings
from kiosk.ui.speech import Speech
from kiosk.ui.translation import Translations
from kiosk.ui.watchdog import attach_service_manager
from kiosk.ui.window import KioskWindow, import_screens

if TYPE_CHECKING:
    from kiosk.health.heartbeat import Heartbeat
    from kiosk.health.status import KioskStatus

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
    staff: StaffState | None = None,
    speech: Speech | None = None,
) -> KioskWindow:
    """The kiosk window and the services it shows, on the home screen (or the staff's mode).

    `run` passes in everything it owns; tests and benchmarks may leave out the staff state
    and speech, which are then made here (and closed through `window.services`).
    """
    staff = staff or StaffState(data_dir / STATE_FILE)
    speech = speech or make_speech(config, staff)
    defaults = staff.defaults() or StaffDefaults.from_config(config)
    session = Session(defaults.language, defaults.text_size, defaults.high_contrast)
    navigator = Navigator()
    counts = DailyCounts(staff)
    services = Services(
        store=store,
        session=session,
        navigator=navigator,
        theme=Theme.load().with_accent(config["clinic.accent"]),
        translations=Translations(app),
        speech=speech,
        callbacks=callback_offer(config, callbacks, counts),
        staff=staff,
        status=lambda: kiosk_status(config, data_dir, staff, store, callbacks, heartbeat, counts),
        update_now=sync.run_now if sync is not None else None,
        counts=counts,
        clinic=clinic_from(config),
    )
    window = KioskWindow(WindowSettings.from_config(config), services, locked=locked)
    navigator.home()
    window.apply_mode(staff.mode)
    return window


def make_speech(config: Config, staff: StaffState) -> Speech:
    """Read aloud; each change of its availability (or of the reason) goes to staff status."""
    speech = Speech(config["speech.engine"], config["speech.volume"] / 100)
    speech.availability_changed.connect(
        lambda ok: staff.set_problem("speech", None if ok else speech.problem)
    )
    return speech


def kiosk_status(
    config: Config,
    data_dir: Path,
    staff: StaffState,
    store: ContentStore,
    callbacks: CallbackDesk,
    heartbeat: Heartbeat | None,
    counts: DailyCounts | None = None,
) -> KioskStatus:
    """The staff status of this running kiosk, from the objects it owns."""
    from kiosk.health.status import collect_status  # read by staff, never before home

    return collect_status(
        config,
        data_dir,
        staff,
        content=store.info,
        outbox=callbacks.outbox.counts,
        sync=lambda: read_sync_state(data_dir),
        heartbeat=heartbeat.report if heartbeat else None,
        counts=counts.report if counts else None,
    )


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


def callback_offer(
    config: Config, desk: CallbackDesk, counts: DailyCounts | None = None
) -> CallbackOffer:
    """What the screens offer for Contact a specialist: the desk decides whether it can."""

    def send(*form: Any, **more: Any) -> Receipt:
        receipt = desk.send(*form, **more)  # FormErrors go back to the form, uncounted
        if counts is not None:
            counts.callback_sent()
        return receipt

    return CallbackOffer(
        send=send,
        region=config["callbacks.region"],
        available=lambda: desk.available,
        promises={lang: config[f"callbacks.promise.{lang}"] for lang in LANGUAGES},
        unavailable={lang: config[f"callbacks.unavailable_message.{lang}"] for lang in LANGUAGES},
    )


def record_shown(data_dir: Path, store: ContentStore) -> None:
    """The store's content is on screen: mark its version shown (kiosk.content.updates.state)."""
    info = store.info()
    if info is not None:
        mark_shown(data_dir, info.digest)


def start_callbacks(callbacks: CallbackDesk, staff: StaffState) -> None:
    callbacks.start()
    staff.set_problem("callbacks", callbacks.problem or None)


def start_heartbeat(window: KioskWindow, heartbeat: Heartbeat, staff: StaffState) -> QTimer:
    """Send the status now and every interval; collected on the UI thread, sent off it.

    Each round first keeps the heartbeat's last report in the state file, so `kiosk status`
    in another process says how the heartbeat is going (collecting status writes nothing).
    """

    def beat() -> None:
        heartbeat.keep_report(staff)
        heartbeat.submit(window.services.status())

    timer = QTimer(window, interval=int(heartbeat.interval_seconds * 1000))
    timer.timeout.connect(beat)
    heartbeat.start()
    beat()
    timer.start()
    return timer


def run(config: Config, data_dir: Path, *, fullscreen: bool, exit_after_first_frame: bool) -> int:
    """Start the kiosk UI and return its exit code.

    Every long-lived object is made here and closed here, in the reverse order of making, by
    one ExitStack: whatever the way out (an exit code, an exception), nothing is left open.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("clinic-kiosk")
    with contextlib.ExitStack() as owned:
        store = open_store(data_dir, default_content_dir())
        owned.callback(store.close)
        staff = StaffState(data_dir / STATE_FILE)
        owned.callback(staff.close)
        callbacks = CallbackDesk(config, data_dir)
        owned.callback(callbacks.close)
        sync = scheduler_from_config(config, data_dir)
        if sync is not None:
            owned.callback(sync.stop)
        heartbeat = None
        if config["status.endpoint"]:  # the HTTP stack loads only for kiosks that report
            from kiosk.health.heartbeat import heartbeat_from_config

            heartbeat = heartbeat_from_config(config)
            owned.callback(heartbeat.stop)
        speech = make_speech(config, staff)
        owned.callback(speech.shutdown)  # bounded: an engine stuck for good is left behind
        window = build_window(
            app,
            config,
            data_dir,
            store,
            callbacks,
            locked=fullscreen,
            heartbeat=heartbeat,
            sync=sync,
            staff=staff,
            speech=speech,
        )
        owned.callback(window.detach)
        staff.record_start()
        owned.callback(staff.record_stop)
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
            window.first_frame_painted.connect(speech.start)
            window.first_frame_painted.connect(lambda: start_callbacks(callbacks, staff))
            if heartbeat is not None:
                window.first_frame_painted.connect(
                    lambda: start_heartbeat(window, heartbeat, staff)
                )
            if sync is not None:
                window.first_frame_painted.connect(sync.start)
        present(window, app, fullscreen=fullscreen)
        return app.exec()
