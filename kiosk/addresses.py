"""Which addresses the kiosk may talk to in the clear: only this machine (for tests and a
local relay); everything that leaves the machine goes over HTTPS. `address_problem` is the
rule every configured address is checked by."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    """True for localhost and any loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def address_problem(setting: str, url: str) -> str:
    """Why the kiosk may not send to `url`, the value of `setting`, or "" when it may.

    The one rule for every address the kiosk sends to (callbacks, content updates, fleet
    status): https://, or http:// to this machine only, with a port that is a number.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return f"{setting} is not a valid address"
    host = parts.hostname
    if host and (parts.scheme == "https" or (parts.scheme == "http" and is_loopback(host))):
        return ""
    if parts.scheme == "http":
        return f"{setting} must use https:// (http:// only for this machine)"
    return f"{setting} must be an https:// address"
