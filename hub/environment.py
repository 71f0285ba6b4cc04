"""The hub's settings from the environment: one declared list, read in one place.

Every setting is an environment variable (name, default, help), so `docs/hub.md` can list
them all and a test checks that it does. The data directory holds the SQLite file and the
generated secret key when no database URL or key is given.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    help: str


VARIABLES = (
    Variable(
        "HUB_DATA_DIR", "(the platform's user data dir)/clinic-hub", "SQLite file and secret key"
    ),
    Variable("DATABASE_URL", "", "e.g. postgres://hub@/hub; empty: SQLite in the data dir"),
    Variable("HUB_SECRET_KEY", "", "Django's secret key; empty: generated into the data dir"),
    Variable("HUB_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]", "host names the hub answers to"),
    Variable("HUB_DEBUG", "0", "1 for Django's debug pages (never in production)"),
    Variable("HUB_REGION", "US", "region for showing phone numbers (ISO 3166 code)"),
    Variable("HUB_RETENTION_DAYS", "30", "days after closing that name and phone are erased"),
    Variable(
        "HUB_OPEN_RETENTION_DAYS",
        "14",
        "days after it arrived that a request nobody closed loses name and phone, and closes",
    ),
    Variable(
        "HUB_KEY_DAYS", "15", "days a request's idempotency key is kept (kiosks retry for 14)"
    ),
    Variable("HUB_COUNTS_DAYS", "400", "days the kiosks' daily counts are kept"),
    Variable("HUB_SESSION_MINUTES", "30", "a specialist is signed out after this long idle"),
    Variable("HUB_OFFLINE_MINUTES", "15", "a kiosk silent this long is offline"),
    Variable("HUB_BEHIND_TLS_PROXY", "0", "1 to trust the proxy's X-Forwarded-Proto header"),
    Variable(
        "HUB_PROXY_COUNT",
        "0",
        "proxies in front that append to X-Forwarded-For (0: the client is REMOTE_ADDR)",
    ),
    Variable("HUB_TIME_ZONE", "UTC", "the clinic's time zone, e.g. America/New_York"),
    Variable("HUB_CONTENT_URL", "", "the published content (the folder with metadata/, targets/)"),
    Variable("HUB_CONTENT_ROOT", "", "the root.json the kiosks trust, to verify that content"),
    Variable("HUB_CONTENT_MINUTES", "10", "how often fleet-check reads the published content"),
)
DEFAULTS = {v.name: v.default for v in VARIABLES}


def get(name: str) -> str:
    """The variable's value, or its default."""
    return os.environ.get(name, "") or DEFAULTS[name]


def get_int(name: str, minimum: int = 1) -> int:
    value = get(name)
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return number


def get_bool(name: str) -> bool:
    return get(name).strip().lower() in {"1", "true", "yes", "on"}


def data_dir() -> Path:
    """The data directory, created (owner only) if missing."""
    configured = os.environ.get("HUB_DATA_DIR", "")
    path = Path(configured) if configured else Path(platformdirs.user_data_dir("clinic-hub"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def secret_key() -> str:
    """HUB_SECRET_KEY, or the key generated into the data directory on the first run."""
    configured = os.environ.get("HUB_SECRET_KEY", "")
    if configured:
        return configured
    path = data_dir() / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process wrote it just now
        return path.read_text().strip()
    with os.fdopen(fd, "w") as file:
        file.write(key)
    return key


def time_zone() -> str:
    """HUB_TIME_ZONE, checked: an IANA name such as America/New_York."""
    import zoneinfo

    name = get("HUB_TIME_ZONE").strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        message = f"HUB_TIME_ZONE {name!r} is not a time zone (e.g. America/New_York)"
        raise ValueError(message) from None
    return name
