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


def make_request(kiosk: Kiosk, key: str | None, closed_days_ago: float | None) -> CallbackRequest:
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


def test_prune_erases_and_closes_requests_nobody_closed_in_time(kiosk, settings):
    settings.HUB_OPEN_RETENTION_DAYS = 14
    stale = make_request(kiosk, "stale", closed_days_ago=None)
    fresh = make_request(kiosk, "fresh", closed_days_ago=None)
    CallbackRequest.objects.filter(pk=stale.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=15)
    )
    assert "1 open request(s) erased and closed" in run("prune")
    stale.refresh_from_db()
    assert (stale.first_name, stale.phone, stale.status, stale.outcome) == (
        "",
        "",
        "closed",
        "expired",
    )
    assert stale.closed_at and stale.erased_at
    fresh.refresh_from_db()
    assert fresh.phone and fresh.status == "new"


def test_prune_forgets_idempotency_keys_after_the_kiosks_stop_retrying(kiosk, settings, client):
    from tests.hub.helpers import KEY, callback_body, post

    settings.HUB_KEY_DAYS = 15
    assert post(client, "/api/callbacks", kiosk.secret, callback_body()).status_code == 201
    CallbackRequest.objects.update(received_at=timezone.now() - datetime.timedelta(days=16))
    make_request(kiosk, "recent", closed_days_ago=None)
    assert "1 idempotency key(s) forgotten" in run("prune")
    keys = set(CallbackRequest.objects.values_list("idempotency_key", flat=True))
    assert keys == {None, "recent"} and KEY not in keys
    make_request(kiosk, None, closed_days_ago=None)  # two forgotten keys do not collide
    assert CallbackRequest.objects.filter(idempotency_key__isnull=True).count() == 2


def test_prune_deletes_daily_counts_older_than_kept(kiosk, settings):
    from hub.reading.models import DailyCount

    settings.HUB_COUNTS_DAYS = 400
    today = timezone.localdate()
    for days in (401, 399):
        DailyCount.objects.create(
            kiosk=kiosk, day=today - datetime.timedelta(days=days), name="visits", count=1
        )
    assert "1 old daily count(s) deleted" in run("prune")
    assert DailyCount.objects.get().day == today - datetime.timedelta(days=399)
