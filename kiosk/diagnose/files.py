"""Checks on the kiosk's own files: config, data directory, databases, trusted root."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from kiosk.config import Config, ConfigError, load_config
from kiosk.database import integrity_problem
from kiosk.diagnose.check import Check, nearest_existing, why


def check_config(path: Path | None) -> tuple[Check, Config | None]:
    """The file parses, every key is known, and settings that go together do."""
    fix = "edit the config file; packaging/kiosk.toml.example explains every setting"
    try:
        config = load_config(path)
    except ConfigError as error:
        return Check("config", False, str(error), fix), None
    where = str(path) if path else "built-in defaults (no config file)"
    problems = setting_problems(config)
    if problems:
        return Check("config", False, f"{where}: {'; '.join(problems)}", fix), None
    return Check("config", True, where), config


def setting_problems(config: Config) -> list[str]:
    """What the running kiosk would refuse, though each value alone has the right type."""
    from kiosk.callbacks.endpoint import endpoint_problem
    from kiosk.content.updates.settings import SyncConfigError, SyncSettings
    from kiosk.health.heartbeat import check_endpoint as heartbeat_problem

    problems = []
    if config["callbacks.endpoint"]:
        problems.append(endpoint_problem(config["callbacks.endpoint"]))
        if not config["callbacks.secret"]:
            problems.append("callbacks.endpoint is set but callbacks.secret is empty")
    try:
        SyncSettings.from_config(config)
    except SyncConfigError as error:
        problems.append(str(error))
    if config["status.endpoint"]:
        try:
            heartbeat_problem(config["status.endpoint"])
        except ValueError as error:
            problems.append(str(error))
        if not config["status.secret"]:
            problems.append("status.endpoint is set but status.secret is empty")
    return [problem for problem in problems if problem]


def check_data_dir(data_dir: Path) -> Check:
    """The kiosk can write its data directory (or make it, before the first start)."""
    existing = nearest_existing(data_dir)
    fix = f"sudo chown -R kiosk:kiosk {data_dir}, or choose another --data-dir"
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".kiosk-doctor-"):
            pass
    except OSError as error:
        return Check("data directory", False, f"{existing} is not writable ({why(error)})", fix)
    if existing != data_dir:
        return Check("data directory", True, f"{data_dir} will be made on the first start")
    return Check("data directory", True, f"{data_dir} is writable")


def check_stores(data_dir: Path) -> Check:
    """SQLite's integrity check passes on each of the kiosk's database files that exists."""
    from kiosk.callbacks.outbox import OUTBOX_FILE
    from kiosk.content.updates.first_start import STORE_FILE
    from kiosk.staff.state import STATE_FILE

    fixes = {
        STORE_FILE: "restart the kiosk: it moves a damaged store aside and rebuilds it",
        STATE_FILE: f"stop the kiosk, move {STATE_FILE} aside, start it, run kiosk set-pin",
        OUTBOX_FILE: f"stop the kiosk, move {OUTBOX_FILE} aside (its queued requests are lost)",
    }
    found = [name for name in fixes if (data_dir / name).exists()]
    for name in found:
        problem = _integrity(data_dir / name)
        if problem:
            return Check("stores", False, f"{data_dir / name} is damaged: {problem}", fixes[name])
    if STORE_FILE not in found:
        return Check("stores", True, "no content store yet: the first start makes it")
    return Check("stores", True, f"intact: {', '.join(found)}")


def _integrity(path: Path) -> str | None:
    """Opened read-only: an unreadable file is reported too, since doctor cannot vouch for it."""
    try:
        return integrity_problem(path, read_only=True)
    except sqlite3.Error as error:
        return str(error)


def check_trusted_root(config: Config) -> Check:
    """With content updates on, the provisioned root.json is there and is a self-signed root."""
    from tuf.api.exceptions import RepositoryError
    from tuf.api.metadata import Metadata, Root

    if not config["sync.repository_url"]:
        return Check("trusted root", True, "not needed: content updates are not configured")
    path = Path(config["sync.trusted_root"]).expanduser()
    fix = f"copy the root.json that `kiosk content keys` made to {path}, readable by kiosk"
    try:
        root = Metadata[Root].from_bytes(path.read_bytes())
        root.signed.verify_delegate(Root.type, root.signed_bytes, root.signatures)
    except OSError as error:
        return Check("trusted root", False, f"{path} cannot be read ({why(error)})", fix)
    except (ValueError, TypeError, KeyError, RepositoryError) as error:
        return Check("trusted root", False, f"{path} is not a signed TUF root ({error})", fix)
    expires = root.signed.expires.date().isoformat()
    return Check("trusted root", True, f"{path}: version {root.signed.version}, to {expires}")
