"""The sd_notify protocol against a real AF_UNIX datagram socket, as systemd listens on one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import uuid

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.service_manager import ServiceNotifier
from kiosk.ui.watchdog import WatchdogPinger, attach_service_manager


class Listener:
    """A bound datagram socket standing in for systemd's notify socket."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(address.replace("@", "\0", 1) if address.startswith("@") else address)
        self.sock.settimeout(5)

    def receive(self) -> list[str]:
        return self.sock.recv(4096).decode().split("\n")

    def pending(self) -> list[list[str]]:
        """Every message waiting now, without waiting for more."""
        self.sock.setblocking(False)
        messages = []
        try:
            while True:
                messages.append(self.sock.recv(4096).decode().split("\n"))
        except BlockingIOError:
            pass
        finally:
            self.sock.settimeout(5)
        return messages


@pytest.fixture
def listener(tmp_path):
    path = tmp_path / "notify"
    if len(str(path)) > 100:  # AF_UNIX paths are limited to 108 bytes
        pytest.skip("tmp_path too long for an AF_UNIX socket")
    opened = Listener(str(path))
    yield opened
    opened.sock.close()


def test_ready_status_watchdog_and_stopping_arrive_as_datagrams(listener):
    notifier = ServiceNotifier(listener.address)
    assert notifier.ready("showing the kiosk")
    assert listener.receive() == ["READY=1", "STATUS=showing the kiosk"]
    assert notifier.watchdog()
    assert listener.receive() == ["WATCHDOG=1"]
    assert notifier.status("content version 3\nloaded")
    assert listener.receive() == ["STATUS=content version 3 loaded"]  # one line, always
    assert notifier.stopping()
    assert listener.receive() == ["STOPPING=1"]


def test_abstract_namespace_address():
    listener = Listener(f"@kiosk-test-{uuid.uuid4().hex}")
    try:
        assert ServiceNotifier(listener.address).ready()
        assert listener.receive() == ["READY=1"]
    finally:
        listener.sock.close()


def test_without_notify_socket_everything_is_a_quiet_no_op():
    notifier = ServiceNotifier.from_environment({"WATCHDOG_USEC": "30000000"})
    assert not notifier.enabled
    assert notifier.watchdog_interval is None
    assert not notifier.ready() and not notifier.watchdog() and not notifier.stopping()


def test_a_vanished_socket_is_logged_once_and_never_raises(tmp_path, caplog):
    notifier = ServiceNotifier(str(tmp_path / "gone"))
    assert not notifier.watchdog()
    assert not notifier.watchdog()
    assert len([r for r in caplog.records if "cannot notify" in r.message]) == 1


def test_watchdog_interval_is_half_of_watchdog_usec_and_the_environment_is_consumed(listener):
    environ = {
        "NOTIFY_SOCKET": listener.address,
        "WATCHDOG_USEC": "30000000",
        "WATCHDOG_PID": str(os.getpid()),
        "OTHER": "kept",
    }
    notifier = ServiceNotifier.from_environment(environ)
    assert notifier.enabled and notifier.watchdog_interval == 15.0
    assert environ == {"OTHER": "kept"}  # helpers the kiosk starts never speak for it


@pytest.mark.parametrize(
    ("pid", "expected"),
    [
        (None, 1.0),
        (lambda: os.getpid(), 1.0),
        (lambda: os.getppid(), 1.0),  # cage, the service's main process, started the kiosk
        (lambda: 1, None),  # someone else's watchdog, inherited
        (lambda: "junk", None),
    ],
)
def test_watchdog_pid_must_be_this_process_or_its_parent(listener, pid, expected):
    environ = {"NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "2000000"}
    if pid is not None:
        environ["WATCHDOG_PID"] = str(pid())
    assert ServiceNotifier.from_environment(environ).watchdog_interval == expected


def test_bad_watchdog_usec_means_no_watchdog(listener):
    for value in ("", "0", "-5", "soon"):
        environ = {"NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": value}
        assert ServiceNotifier.from_environment(environ).watchdog_interval is None


class PaintingWidget(QWidget):
    first_frame_painted = Signal()


def test_the_ui_loop_pings_after_the_first_frame_and_a_frozen_loop_does_not(qtbot, listener):
    notifier = ServiceNotifier(listener.address, watchdog_usec=100_000)  # a ping every 50 ms
    window = PaintingWidget()
    qtbot.addWidget(window)
    pinger = attach_service_manager(QApplication.instance(), window, notifier)
    assert not pinger.active and listener.pending() == []  # nothing before the first frame
    window.first_frame_painted.emit()
    assert listener.receive() == ["READY=1", "STATUS=showing the kiosk"]
    assert listener.receive() == ["WATCHDOG=1"]
    _wait_for_pings(qtbot, listener, 2)  # from the timer, as the event loop turns
    time.sleep(0.3)  # the UI thread is stuck: this sleep *is* the frozen UI under test
    assert listener.pending() == []  # a timer only fires while the event loop turns
    _wait_for_pings(qtbot, listener, 2)  # thawed: the pings come back
    pinger.stopping()
    assert not pinger.active
    assert listener.pending()[-1] == ["STOPPING=1"]


def test_without_a_watchdog_the_pinger_stays_idle(qtbot, listener):
    pinger = WatchdogPinger(ServiceNotifier(listener.address))
    pinger.start()
    assert not pinger.active and listener.pending() == []


def test_a_whole_qt_process_says_ready_pings_and_stopping_on_quit(listener):
    """The wiring kiosk/app.py uses: READY after the first frame, STOPPING when exec() ends."""
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QTimer, Signal
        from PySide6.QtWidgets import QApplication, QWidget
        from kiosk.service_manager import ServiceNotifier
        from kiosk.ui.watchdog import attach_service_manager

        class Window(QWidget):
            first_frame_painted = Signal()

        app = QApplication([])
        window = Window()
        pinger = attach_service_manager(app, window, ServiceNotifier.from_environment())
        pings = []

        def pinged():  # quit after the third ping from the timer, however slow the machine
            pings.append(1)
            if len(pings) == 3:
                app.quit()

        pinger.timer.timeout.connect(pinged)
        QTimer.singleShot(0, window.first_frame_painted.emit)
        app.exec()
        """
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": listener.address,
        "WATCHDOG_USEC": "100000",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    messages = listener.pending()
    assert messages[0] == ["READY=1", "STATUS=showing the kiosk"]
    assert messages.count(["WATCHDOG=1"]) >= 4  # one at READY, three from the UI loop
    assert messages[-1] == ["STOPPING=1"]


def _wait_for_pings(qtbot, listener: Listener, count: int) -> None:
    received: list[list[str]] = []

    def enough() -> bool:
        received.extend(listener.pending())
        return received.count(["WATCHDOG=1"]) >= count

    qtbot.waitUntil(enough, timeout=2000)


def test_kiosk_run_tells_systemd_ready_after_its_first_frame_and_stopping_at_the_end(
    listener, tmp_path
):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": listener.address,
        "WATCHDOG_USEC": "30000000",
        "WATCHDOG_PID": str(os.getpid()),  # the parent: as cage is the kiosk's under systemd
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "run",
            "--exit-after-first-frame",
            "--data-dir",
            str(tmp_path / "data"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    messages = listener.pending()
    assert messages[0] == ["READY=1", "STATUS=showing the kiosk"]
    assert messages[1] == ["WATCHDOG=1"]  # the first ping, from the UI loop
    assert messages[-1] == ["STOPPING=1"]
