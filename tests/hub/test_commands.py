"""clinic-hub's own commands: kiosk-add, kiosk-rotate, prune and fleet-check."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from hub import manage
from hub.inbox.models import AuditEvent
from hub.intake.models import CallbackRequest, Kiosk


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_kiosk_add_prints_a_standard_webhooks_secret_once(db):
    printed = run("kiosk_add", "lobby-1", "--location", "Lobby")
    secret = next(line for line in printed.splitlines() if line.startswith("whsec_"))
    Webhook(secret)  # the library accepts it
    kiosk = Kiosk.objects.get()
    assert (kiosk.id, kiosk.location, kiosk.secret) == ("lobby-1", "Lobby", secret)
    with pytest.raises(CommandError, match="already registered"):
        run("kiosk_add", "lobby-1", "--location", "Lobby")


def test_kiosk_rotate_replaces_the_secret(kiosk):
    old = kiosk.secret
    printed = run("kiosk_rotate", "lobby-1")
    kiosk.refresh_from_db()
    assert kiosk.secret != old and kiosk.secret in printed and kiosk.rotated_at
    with pytest.raises(CommandError, match="no kiosk"):
        run("kiosk_rotate", "nowhere")


def test_clinic_hub_accepts_hyphenated_command_names(kiosk, capsys):
    manage.main(["clinic-hub", "kiosk-rotate", "lobby-1"])
    assert "whsec_" in capsys.readouterr().out


def make_request(kiosk: Kiosk, key: str, closed_days_ago: float | None) -> CallbackRequest:
    closed = (
        None
        if closed_days_ago is None
        else timezone.now() - datetime.timedelta(days=closed_days_ago)
    )
    return CallbackRequest.objects.create(
        kiosk=kiosk,
        idempotency_key=key,
        reference="7KX4QM",
        created_at=timezone.now(),
        first_name="Test Patient",
        phone="+12025550123",
        best_time="any",
        language="en",
        status="closed" if closed else "new",
        closed_at=closed,
    )


def test_prune_erases_name_and_phone_of_long_closed_requests_only(
    kiosk, settings, django_user_model
):
    settings.HUB_RETENTION_DAYS = 30
    old = make_request(kiosk, "old", closed_days_ago=31)
    recent = make_request(kiosk, "recent", closed_days_ago=29)
    still_open = make_request(kiosk, "open", closed_days_ago=None)
    user = django_user_model.objects.create_user("specialist")
    AuditEvent.objects.create(user=user, request=old, action="outcome", detail="reached")
    assert "1 request(s) erased" in run("prune")
    old.refresh_from_db()
    assert (old.first_name, old.phone, old.reference) == ("", "", "7KX4QM") and old.erased_at
    assert old.audit.count() == 1
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.phone == "+12025550123"
    assert "0 request(s) erased" in run("prune")


def test_fleet_check_reports_how_many_went_offline(db):
    assert "0 kiosk(s) went offline" in run("fleet_check")


def test_prune_keeps_the_flips_the_uptime_needs(kiosk):
    from hub.intake.models import Flip

    now = timezone.now()
    for days, online in ((50, True), (40, False), (35, True), (10, False), (1, True)):
        Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=days), online=online)
    assert "2 old flip(s) deleted" in run("prune")
    left = Flip.objects.order_by("created").values_list("online", flat=True)
    assert list(left) == [True, False, True]  # the one from 35 days ago says how the window opens
    assert "0 old flip(s) deleted" in run("prune")
