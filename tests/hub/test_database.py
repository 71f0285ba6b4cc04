"""The hub's tests run on the database they were asked for: never silently on SQLite."""

import pytest
from django.db import connection

from tests.hub.conftest import DATABASE

VENDORS = {"sqlite": "sqlite", "postgres": "postgresql"}


def test_the_tests_use_the_database_asked_for(db):
    assert connection.vendor == VENDORS[DATABASE]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_missing_server_binaries_fail_naming_the_package(monkeypatch):
    from tests.hub import postgres

    monkeypatch.setattr(postgres.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(postgres.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="install the Debian package `postgresql`"):
        postgres.server_bin_dir()
