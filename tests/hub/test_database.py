"""The hub's tests run on the database they were asked for: never silently on SQLite."""

from django.db import connection

from tests.hub.conftest import DATABASE

VENDORS = {"sqlite": "sqlite", "postgres": "postgresql"}


def test_the_tests_use_the_database_asked_for(db):
    assert connection.vendor == VENDORS[DATABASE]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
