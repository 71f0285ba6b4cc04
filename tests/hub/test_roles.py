"""Roles: specialists see patients' requests, IT sees the fleet, admins see everything;
nobody sees what their role does not need."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from hub.accounts.roles import ROLES
from hub.intake.models import CallbackRequest
from tests.hub.conftest import PASSWORD, person

PATIENT_PAGES = ("/", "/count.json", "/export/")


@pytest.fixture
def request_row(kiosk) -> CallbackRequest:
    return CallbackRequest.objects.create(
        kiosk=kiosk,
        idempotency_key="key-1",
        reference="7KX4QM",
        created_at=timezone.now(),
        first_name="Test Patient",
        phone="+12025550123",
        best_time="any",
        language="en",
    )


def test_the_groups_exist_after_migrate_with_their_permissions(db):
    for name, codes in ROLES.items():
        held = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=name).permissions.all()
        }
        assert held == set(codes), name


def test_it_sees_the_fleet_and_counts_but_no_patient_data(client, it_person, request_row):
    assert client.get("/fleet/").status_code == 200
    assert client.get("/reading/").status_code == 200
    assert client.get("/").url == "/start/"
    assert client.get("/start/").url == "/fleet/"
    assert client.get("/count.json").status_code == 403
    assert client.get("/export/").status_code == 302  # a GET goes to their own start page
    for action in ("number", "claim", "outcome"):
        answer = client.post(f"/requests/{request_row.pk}/{action}", {"outcome": "done"})
        assert answer.status_code == 403
    assert client.post("/export/", {"first_day": "2026-01-01"}).status_code == 403
    request_row.refresh_from_db()
    assert request_row.status == "new" and not request_row.audit.exists()
    nav = client.get("/fleet/").content.decode()
    assert "Callback inbox" not in nav and "What patients read" in nav


def test_a_specialist_sees_the_inbox_and_counts_but_not_the_fleet(client, specialist):
    assert client.get("/").status_code == 200
    assert client.get("/reading/").status_code == 200
    assert client.get("/fleet/").status_code == 403
    assert "Kiosks</a>" not in client.get("/").content.decode()


def test_an_account_without_a_role_sees_nothing(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("new-person"))
    assert client.get("/start/").status_code == 403
    assert "No role yet" in client.get("/start/").content.decode()
    for page in ("/fleet/", "/reading/", "/count.json"):
        assert client.get(page).status_code == 403
    assert client.get("/").url == "/start/"


def test_an_admin_sees_everything(client, django_user_model, request_row):
    client.force_login(django_user_model.objects.create_superuser("admin", password=PASSWORD))
    for page in ("/", "/fleet/", "/reading/", "/export/", "/admin/"):
        assert client.get(page).status_code == 200, page


def test_user_add_puts_the_account_in_its_group(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command("user_add", "alex", "--role", "it", "--password-stdin", stdout=out)
    assert "alex can sign in now, as IT." in out.getvalue()
    client = Client()
    assert client.post("/sign-in/", {"username": "alex", "password": PASSWORD}).url == "/start/"
    assert client.get("/start/").url == "/fleet/"
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(CommandError, match="too short"):
        call_command("user_add", "sam", "--role", "specialist", "--password-stdin")
    with pytest.raises(CommandError, match="already has an account"):
        call_command("user_add", "alex", "--role", "specialist", "--password-stdin")


def test_people_in_both_groups_see_both(client, db):
    user = person("both", "Specialists")
    user.groups.add(Group.objects.get(name="IT"))
    client.force_login(user)
    assert client.get("/").status_code == 200 and client.get("/fleet/").status_code == 200
