"""The hub's systemd units run commands that exist, as their own user, with the settings file."""

from __future__ import annotations

import shlex

import pytest
from django.core.management import get_commands

from hub import environment
from tests.test_packaging import PACKAGING, unit

SERVICES = ("clinic-hub.service", "clinic-hub-prune.service", "clinic-hub-fleet-check.service")


@pytest.mark.parametrize("name", SERVICES)
def test_services_run_as_the_hub_user_with_its_settings(name):
    service = unit(name)["Service"]
    assert service["User"] == ["clinic-hub"] and service["Group"] == ["clinic-hub"]
    assert service["EnvironmentFile"] == ["/etc/clinic-hub/env"]
    assert "HUB_DATA_DIR=/var/lib/clinic-hub" in service["Environment"]
    assert service["StateDirectory"] == ["clinic-hub"]


def test_the_server_is_gunicorn_on_loopback_and_always_restarts():
    service = unit("clinic-hub.service")["Service"]
    words = shlex.split(service["ExecStart"][0])
    assert words[0].endswith("/gunicorn") and words[-1] == "hub.wsgi"
    assert words[words.index("--bind") + 1].startswith("127.0.0.1:")
    assert service["Type"] == ["notify"] and service["Restart"] == ["always"]


@pytest.mark.parametrize(("job", "calendar"), [("prune", "daily"), ("fleet-check", "minutely")])
def test_timers_run_commands_that_exist(job, calendar):
    words = shlex.split(unit(f"clinic-hub-{job}.service")["Service"]["ExecStart"][0])
    assert words[0].endswith("/clinic-hub")
    assert words[1].replace("-", "_") in get_commands()
    assert unit(f"clinic-hub-{job}.timer")["Timer"]["OnCalendar"] == [calendar]


def test_the_example_settings_file_holds_only_known_variables():
    names = {v.name for v in environment.VARIABLES}
    lines = (PACKAGING / "clinic-hub.env.example").read_text().splitlines()
    found = {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}
    assert found and found <= names, sorted(found - names)
