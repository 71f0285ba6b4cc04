"""Whether this kiosk's settings let callback requests leave it: the one rule, Qt-free and
light to import (no HTTP or TLS stack), so the desk can decide at start-up what to offer."""

from __future__ import annotations

from kiosk.net.addresses import address_problem
from kiosk.net.signing import secret_problem


def endpoint_problem(url: str) -> str:
    """Why `url` cannot receive callbacks, or "" when it can."""
    if not url:
        return "no endpoint configured (callbacks.endpoint is empty); requests stay queued"
    return address_problem("callbacks.endpoint", url)


def delivery_problem(endpoint: str, secret: str) -> str:
    """Why nothing can be delivered with this config, or "" when delivery can go ahead."""
    problem = endpoint_problem(endpoint)
    if not problem and not secret:
        problem = "no shared secret (callbacks.secret is empty); requests stay queued"
    elif not problem and secret_problem(secret):  # the config refuses these; a caller may not
        problem = f"callbacks.secret {secret_problem(secret)}; requests stay queued"
    return problem
