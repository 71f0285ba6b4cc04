"""The hub's tests: Django settings for them only, on SQLite or (HUB_TEST_DATABASE=postgres)
on a throwaway PostgreSQL cluster.

pytest-django is inert until DJANGO_SETTINGS_MODULE is set; this conftest sets it when the hub
tests are collected, so the kiosk suite (run on its own by `make test`) never sees Django.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from tests.hub.postgres import Cluster

DATABASE = os.environ.get("HUB_TEST_DATABASE", "sqlite")


def pytest_configure(config: pytest.Config) -> None:
    if DATABASE not in {"sqlite", "postgres"}:
        raise pytest.UsageError(f"HUB_TEST_DATABASE is sqlite or postgres, not {DATABASE!r}")
    data_dir = tempfile.mkdtemp(prefix="hub-test-")
    config.add_cleanup(lambda: shutil.rmtree(data_dir, ignore_errors=True))
    os.environ["HUB_DATA_DIR"] = data_dir
    os.environ["HUB_SECRET_KEY"] = "test-only-not-secret"
    os.environ["HUB_REGION"] = "US"
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings"
    import django

    django.setup()  # the test modules import models; pytest-django's own setup ran already


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None):
    """On PostgreSQL, point Django at a fresh cluster before the test database is made."""
    if DATABASE != "postgres":
        yield
        return
    from django.conf import settings
    from django.db import connections

    cluster = Cluster()
    try:
        settings.DATABASES["default"].update(cluster.start())
        connections["default"].close()
        del connections["default"]  # rebuilt on next use, with the PostgreSQL engine
        yield
    finally:
        connections.close_all()
        cluster.stop()


def pytest_report_header() -> str:
    return f"hub database: {DATABASE}"


@pytest.fixture
def kiosk(db):
    """A registered kiosk `lobby-1` at "Lobby"; its secret is `kiosk.secret`."""
    from hub.intake.kiosk_secrets import add_kiosk

    registered, _ = add_kiosk("lobby-1", "Lobby")
    return registered


PASSWORD = "a long test password"


def person(username: str, role: str):
    """An account in `role`'s group ("Specialists" or "IT"), as `clinic-hub user-add` makes."""
    from django.contrib.auth.models import Group, User

    from hub.accounts.roles import ensure_groups

    ensure_groups()
    user = User.objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def specialist(db, client):
    """A signed-in specialist (Django's test client, session made directly)."""
    user = person("specialist", "Specialists")
    client.force_login(user)
    return user


@pytest.fixture
def it_person(db, client):
    """A signed-in member of IT."""
    user = person("it-person", "IT")
    client.force_login(user)
    return user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """Tests sign in a lot; the production hasher (PBKDF2) is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
