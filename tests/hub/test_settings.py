"""Settings from the environment; the `clinic-hub` command starts on a fresh data directory."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hub import environment
from tests.hub.helpers import callback_body, post

ROOT = Path(__file__).resolve().parents[2]


def test_the_secret_key_is_generated_once_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("HUB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HUB_SECRET_KEY")
    key = environment.secret_key()
    path = tmp_path / "data" / "secret_key"
    assert len(key) > 40 and path.read_text() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert environment.secret_key() == key
    monkeypatch.setenv("HUB_SECRET_KEY", "from-the-environment")
    assert environment.secret_key() == "from-the-environment"


def test_numbers_are_checked(monkeypatch):
    monkeypatch.setenv("HUB_RETENTION_DAYS", "soon")
    with pytest.raises(ValueError, match="HUB_RETENTION_DAYS must be a whole number"):
        environment.get_int("HUB_RETENTION_DAYS")
    monkeypatch.setenv("HUB_RETENTION_DAYS", "0")
    with pytest.raises(ValueError, match="at least 1"):
        environment.get_int("HUB_RETENTION_DAYS")


def test_every_variable_is_in_the_docs():
    page = (ROOT / "docs" / "hub.md").read_text()
    for variable in environment.VARIABLES:
        assert f"| `{variable.name}` |" in page, variable.name
        assert variable.help in page, f"{variable.name} help"


def test_clinic_hub_starts_on_a_fresh_data_dir(tmp_path):
    command = shutil.which("clinic-hub", path=str(Path(sys.executable).parent))
    assert command, "clinic-hub is not installed: pip install -e '.[hub]'"
    env = {k: v for k, v in os.environ.items() if k not in {"HUB_SECRET_KEY", "DATABASE_URL"}}
    env |= {"HUB_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "hub.settings"}
    done = subprocess.run(
        [command, "migrate", "--check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1  # the fresh database has migrations to apply: it says so
    assert (tmp_path / "secret_key").exists()
    done = subprocess.run(
        [command, "makemigrations", "--check", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, "a model changed without its migration: " + done.stdout


def test_nothing_personal_is_logged(client, kiosk, caplog):
    caplog.set_level(logging.DEBUG)
    post(client, "/api/callbacks", kiosk.secret, callback_body())
    post(client, "/api/callbacks", "whsec_" + "D" * 44, callback_body(phone="+12025550199"))
    logged = caplog.text
    assert "Test Patient" not in logged and "555" not in logged
