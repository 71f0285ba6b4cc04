"""Which addresses the kiosk may talk to in the clear: only this machine (for tests and a
local relay); everything that leaves the machine goes over HTTPS."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """True for localhost and any loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
