"""Whether each configured server answers: callbacks, content updates, status."""

from __future__ import annotations

import http.client
import socket
import ssl
from urllib.parse import urlsplit

from kiosk.diagnose.check import Check, why
from kiosk.net.transport import Budget, connection

# Each address setting, and the path below it that must answer.
ENDPOINTS = {
    "callbacks.endpoint": "",
    "sync.repository_url": "/metadata/timestamp.json",
    "status.endpoint": "",
}


def check_endpoint(setting: str, url: str, timeout: float = 5.0) -> Check:
    """Some HTTP answer below 500 comes back from `url` within `timeout` seconds."""
    name = f"reach {setting}"
    if not url:
        return Check(name, True, "not configured")
    parts = urlsplit(url)
    https = parts.scheme == "https"
    host, port = parts.hostname or "", parts.port or (443 if https else 80)
    below = ENDPOINTS.get(setting, "")
    path = (parts.path.rstrip("/") + below) if below else (parts.path or "/")
    fix = f"check the network, DNS and firewall for {host} port {port}"
    try:
        # Each step within `timeout`, the whole exchange within twice that: a server that
        # answers a byte at a time cannot hold doctor up.
        conn = connection(url, Budget(timeout, 2 * timeout))
        try:
            conn.request("HEAD", path, headers={"User-Agent": "clinic-kiosk-doctor/1"})
            status = conn.getresponse().status
        finally:
            conn.close()
    except socket.gaierror:
        return Check(name, False, f"cannot resolve {host}", fix)
    except ssl.SSLCertVerificationError as error:
        detail = f"{host}'s certificate is not trusted ({error.verify_message})"
        return Check(name, False, detail, "if the clock is wrong fix it; else the server's chain")
    except TimeoutError:
        return Check(name, False, f"no answer from {host}:{port} within {timeout:g} s", fix)
    except (OSError, http.client.HTTPException) as error:
        return Check(name, False, f"{host}:{port}: {why(error)}", fix)
    if status >= 500 and status != 501:  # 501: up, but HEAD is not implemented there
        return Check(name, False, f"{host} answers HTTP {status}", "ask the server's admins")
    if below and status == 404:
        detail = f"{url} has no {below.lstrip('/')} (HTTP 404)"
        return Check(name, False, detail, f"set {setting} to the folder holding metadata/")
    return Check(name, True, f"{parts.scheme}://{parts.netloc} answers (HTTP {status})")
