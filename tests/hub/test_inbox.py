"""The specialists' inbox: signed in, numbers behind a button, claim and outcome, audited."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from hub.inbox.models import AuditEvent
from hub.inbox.phone import for_dialling
from hub.intake.models import CallbackRequest, Kiosk
from tests.hub.conftest import person


def make_request(kiosk: Kiosk, key: str = "key-1", **changes) -> CallbackRequest:
    values = {
        "reference": "7KX4QM",
        "created_at": timezone.now() - datetime.timedelta(minutes=90),
        "first_name": "Test Patient",
        "phone": "+12025550123",
        "best_time": "morning",
        "language": "en",
        "topic": "why-cancer-can-hide",
        **changes,
    }
    return CallbackRequest.objects.create(kiosk=kiosk, idempotency_key=key, **values)


def text(answer) -> str:
    return answer.content.decode()


def test_the_inbox_needs_a_signed_in_user(client, db):
    answer = client.get("/")
    assert answer.status_code == 302 and answer.url.startswith("/sign-in/")
    assert client.get("/count.json").status_code == 401


def test_the_inbox_lists_a_request_without_its_number(client, specialist, kiosk):
    make_request(kiosk)
    page = text(client.get("/"))
    assert "<h1>Callback inbox</h1>" in page
    for shown in ("7KX4QM", "Test Patient", "Morning", "English", "why-cancer-can-hide", "Lobby"):
        assert shown in page
    assert "1\xa0hour" in page  # waiting (Django keeps number and unit together)
    assert "555" not in page and "Show number" in page
    assert not AuditEvent.objects.exists()


def test_show_number_shows_it_for_the_region_and_writes_an_audit_row(client, specialist, kiosk):
    request = make_request(kiosk)
    page = text(client.post(f"/requests/{request.pk}/number"))
    assert "(202) 555-0123" in page
    event = AuditEvent.objects.get()
    assert (event.user, event.request, event.action) == (specialist, request, "showed_number")


def test_show_number_is_post_only(client, specialist, kiosk):
    request = make_request(kiosk)
    assert client.get(f"/requests/{request.pk}/number").status_code == 405


def test_numbers_from_abroad_are_shown_in_international_form(settings):
    settings.HUB_REGION = "US"
    assert for_dialling("+442079460000") == "+44 20 7946 0000"
    assert for_dialling("+12025550123") == "(202) 555-0123"
    assert for_dialling("") == ""


def test_the_language_filter_shows_one_language(client, specialist, kiosk):
    make_request(kiosk, "k-en", reference="EEEEEE", language="en")
    make_request(kiosk, "k-es", reference="SSSSSS", language="es")
    page = text(client.get("/?language=es"))
    assert "SSSSSS" in page and "EEEEEE" not in page
    both = text(client.get("/?language=zz"))
    assert "SSSSSS" in both and "EEEEEE" in both


def test_new_requests_come_first_the_longest_waiting_first(client, specialist, kiosk):
    now = timezone.now()
    make_request(
        kiosk,
        "a",
        reference="AAAAAA",
        created_at=now - datetime.timedelta(hours=3),
        status="claimed",
    )
    make_request(kiosk, "b", reference="BBBBBB", created_at=now - datetime.timedelta(hours=1))
    make_request(kiosk, "c", reference="CCCCCC", created_at=now - datetime.timedelta(hours=2))
    page = text(client.get("/"))
    assert page.index("CCCCCC") < page.index("BBBBBB") < page.index("AAAAAA")


def test_claim_then_no_answer_then_reached(client, specialist, kiosk):
    request = make_request(kiosk)
    assert client.post(f"/requests/{request.pk}/claim").status_code == 302
    request.refresh_from_db()
    assert (request.status, request.claimed_by) == ("claimed", specialist)
    client.post(f"/requests/{request.pk}/outcome", {"outcome": "no_answer"})
    request.refresh_from_db()
    assert request.status == "try_again" and request.closed_at is None
    assert '<td class="id">7KX4QM</td>' in text(client.get("/"))
    client.post(f"/requests/{request.pk}/outcome", {"outcome": "reached"})
    request.refresh_from_db()
    assert (request.status, request.outcome) == ("closed", "reached") and request.closed_at
    assert '<td class="id">7KX4QM</td>' not in text(client.get("/"))
    trail = list(AuditEvent.objects.values_list("action", "detail"))
    assert trail == [("claimed", ""), ("outcome", "no_answer"), ("outcome", "reached")]


@pytest.mark.parametrize("outcome", ["", "lost", "closed"])
def test_an_unknown_outcome_changes_nothing(client, specialist, kiosk, outcome):
    request = make_request(kiosk)
    answer = client.post(f"/requests/{request.pk}/outcome", {"outcome": outcome}, follow=True)
    assert "Choose an outcome" in text(answer)
    request.refresh_from_db()
    assert request.status == "new" and not AuditEvent.objects.exists()


def test_a_closed_request_cannot_be_claimed_or_closed_again(client, specialist, kiosk):
    request = make_request(kiosk, status="closed", closed_at=timezone.now())
    assert "already closed" in text(client.post(f"/requests/{request.pk}/claim", follow=True))
    assert "already closed" in text(
        client.post(f"/requests/{request.pk}/outcome", {"outcome": "done"}, follow=True)
    )
    assert not AuditEvent.objects.exists()


def test_the_count_of_new_requests(client, specialist, kiosk):
    make_request(kiosk, "a")
    make_request(kiosk, "b", status="claimed")
    assert client.get("/count.json").json() == {"new": 1}


def test_the_count_poll_does_not_keep_a_session_alive(client, specialist):
    assert "sessionid" in client.get("/").cookies  # a page visit renews the session
    assert "sessionid" not in client.get("/count.json").cookies


def test_posts_without_the_csrf_token_are_refused(specialist, kiosk):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(specialist)
    request = make_request(kiosk)
    assert strict.post(f"/requests/{request.pk}/claim").status_code == 403
    assert strict.post(f"/requests/{request.pk}/number").status_code == 403
    assert not AuditEvent.objects.exists()


def test_sign_in_works_and_locks_out_after_five_failures(db):
    person("specialist", "Specialists")
    client = Client()
    page = text(client.get("/sign-in/"))
    assert '<label for="id_username">User name</label>' in page
    good = {"username": "specialist", "password": "a long test password"}
    assert client.post("/sign-in/", good).url == "/start/"
    assert client.get("/start/").url == "/"  # a specialist starts on the inbox
    client.post("/sign-out/")
    for _ in range(5):
        client.post("/sign-in/", {"username": "specialist", "password": "wrong"})
    locked = client.post("/sign-in/", good)
    assert locked.status_code in {403, 429}
    assert client.get("/").status_code == 302


def test_a_session_past_its_expiry_is_signed_out(client, specialist):
    from django.contrib.sessions.models import Session

    assert client.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/count.json").status_code == 401
    assert client.get("/").status_code == 302


def test_the_admin_shows_kiosks_and_the_audit_but_never_edits_them(
    client, kiosk, django_user_model
):
    admin = django_user_model.objects.create_superuser("admin", password="a long test password")
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
    kiosks = client.get("/admin/intake/kiosk/")
    assert kiosks.status_code == 200 and "lobby-1" in text(kiosks)
    assert client.get("/admin/intake/kiosk/add/").status_code == 403
    assert kiosk.secret not in text(client.get("/admin/intake/kiosk/lobby-1/change/"))
    assert client.get("/admin/inbox/auditevent/").status_code == 200


def test_a_request_about_a_trial_shows_its_title_and_number(client, specialist, kiosk):
    make_request(kiosk, topic="", trial_id="NCT01234567", trial_title="A test of a new drug")
    page = text(client.get("/"))
    assert "Trial: A test of a new drug" in page and "NCT01234567" in page
