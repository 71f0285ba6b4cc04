"""Telling systemd how the kiosk is doing: the sd_notify protocol, with the standard library.

systemd starts the kiosk as a `Type=notify` service with a watchdog. The kiosk says READY=1
once its first frame is on screen (not when the process merely exists), then WATCHDOG=1
every half of `WatchdogSec=` from the UI event loop: a frozen UI stops pinging, and systemd
kills and restarts it just as it would a dead process. STOPPING=1 says a quit is deliberate.

The protocol is one datagram of `KEY=VALUE` lines to the AF_UNIX socket named in
$NOTIFY_SOCKET (a leading `@` means Linux's abstract namespace). Without that variable,
as in development and tests, every call does nothing. Sending never raises: a kiosk must
not fall over because its service manager went away.

The kiosk runs under the `cage` compositor, which is the service's main process; the unit
says `NotifyAccess=all` so that systemd accepts messages from the kiosk, cage's child. For
the same reason $WATCHDOG_PID may name the parent (cage) rather than this process.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping, MutableMapping

log = logging.getLogger(__name__)

ENVIRONMENT = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")


class ServiceNotifier:
    """Sends sd_notify messages to systemd; a no-op when not started by it."""

    def __init__(self, address: str | None, watchdog_usec: int | None = None) -> None:
        self.address = address or None
        self.watchdog_usec = watchdog_usec if watchdog_usec and watchdog_usec > 0 else None
        self._warned = False

    @classmethod
    def from_environment(
        cls, environ: MutableMapping[str, str] | None = None, *, unset: bool = True
    ) -> ServiceNotifier:
        """The notifier systemd set up for this process, if any.

        With `unset` the variables are removed from the environment, as sd_notify's
        `unset_environment` does, so helpers the kiosk starts (speech-dispatcher, a doctor's
        subprocess) never speak for the kiosk.
        """
        environ = os.environ if environ is None else environ
        address = environ.get("NOTIFY_SOCKET", "")
        usec = _watchdog_usec(environ)
        if unset:
            for name in ENVIRONMENT:
                environ.pop(name, None)
        return cls(address, usec)

    @property
    def enabled(self) -> bool:
        return self.address is not None

    @property
    def watchdog_interval(self) -> float | None:
        """Seconds between WATCHDOG=1 pings (half of WatchdogSec=), or None without a watchdog."""
        if not self.enabled or self.watchdog_usec is None:
            return None
        return self.watchdog_usec / 2 / 1_000_000

    def notify(self, *assignments: str) -> bool:
        """Send `KEY=VALUE` lines in one datagram; True if systemd got them."""
        if not self.enabled or not assignments:
            return False
        message = "\n".join(assignments).encode("utf-8")
        address = self.address
        if address.startswith("@"):  # abstract namespace: a NUL byte, not a path
            address = "\0" + address[1:]
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message, address)
        except OSError as error:
            if not self._warned:  # once: a watchdog ping failing every few seconds is noise
                log.warning("cannot notify the service manager at %s: %s", self.address, error)
                self._warned = True
            return False
        return True

    def ready(self, status: str = "") -> bool:
        """Start-up is done: the kiosk shows its first frame."""
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        """The UI event loop is alive."""
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        """One line for `systemctl status kiosk`; no personal data, ever."""
        return self.notify(f"STATUS={_one_line(text)}")

    def stopping(self) -> bool:
        """The kiosk is quitting on purpose (staff exit, systemctl stop)."""
        return self.notify("STOPPING=1")


def _watchdog_usec(environ: Mapping[str, str]) -> int | None:
    """$WATCHDOG_USEC if it is meant for this process (or its parent, cage), else None."""
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = environ.get("WATCHDOG_PID", "")
    if pid:
        try:
            meant_for = int(pid)
        except ValueError:
            return None
        if meant_for not in (os.getpid(), os.getppid()):
            return None  # inherited by a grandchild: the watchdog is someone else's
    return usec if usec > 0 else None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]
