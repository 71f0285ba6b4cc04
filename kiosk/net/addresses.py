"""Which addresses the kiosk may talk to in the clear: only this machine (for tests and a
local relay); everything that leaves the machine goes over HTTPS. `address_problem` is the
rule every configured address is checked by."""

from __future__ import annotations

import ipaddress
import socket
import threading
from typing import Any
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    """True for localhost and any loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# Why an address may not be used, as codes (for the status) and in English (`FAULT_WORDS`).
INVALID, HTTP_REMOTE, NOT_HTTPS = "invalid", "http_remote", "not_https"
FAULT_WORDS = {
    INVALID: "{setting} is not a valid address",
    HTTP_REMOTE: "{setting} must use https:// (http:// only for this machine)",
    NOT_HTTPS: "{setting} must be an https:// address",
}


def address_fault(url: str) -> str:
    """Why the kiosk may not send to `url` (INVALID, HTTP_REMOTE, NOT_HTTPS), or "" if it may.

    The one rule for every address the kiosk sends to (callbacks, content updates, fleet
    status): https://, or http:// to this machine only, with a port that is a number.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return INVALID
    host = parts.hostname
    if host and (parts.scheme == "https" or (parts.scheme == "http" and is_loopback(host))):
        return ""
    return HTTP_REMOTE if parts.scheme == "http" else NOT_HTTPS


def address_problem(setting: str, url: str) -> str:
    """Why the kiosk may not send to `url`, the value of `setting`, in words; "" if it may."""
    fault = address_fault(url)
    return FAULT_WORDS[fault].format(setting=setting) if fault else ""


def resolve(host: str, port: int, seconds: float) -> list[tuple[Any, ...]]:
    """The host's addresses, looked up within `seconds`.

    The system resolver has no timeout of ours (with two name servers that do not answer it
    can take half a minute), so the lookup runs on a daemon thread that is left to finish on
    its own if it takes longer; the caller gets TimeoutError at once.
    """
    found: dict[str, Any] = {}

    def look_up() -> None:
        try:
            found["addresses"] = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
        except OSError as error:
            found["error"] = error

    lookup = threading.Thread(target=look_up, name="resolve", daemon=True)
    lookup.start()
    lookup.join(seconds)
    if lookup.is_alive():
        raise TimeoutError(f"looking up {host} took over {seconds:g} s")
    if "error" in found:
        raise found["error"]
    return found["addresses"]
