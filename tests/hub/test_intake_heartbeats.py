"""POST /api/heartbeats: the latest status per kiosk, and a Flip when it goes or comes back."""

from __future__ import annotations

import datetime

from django.utils import timezone

from hub.intake.heartbeats import mark_offline
from hub.intake.models import Flip, KioskStatus
from tests.hub.helpers import heartbeat_body, post

URL = "/api/heartbeats"


def test_the_first_heartbeat_stores_the_status_and_an_online_flip(client, kiosk):
    answer = post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-1")
    assert answer.status_code == 200
    status = KioskStatus.objects.get(kiosk=kiosk)
    assert (status.mode, status.content_version, status.app_version) == (
        "patient",
        "2026.01.05",
        "0.1.0",
    )
    assert (status.outbox_pending, status.outbox_failed) == (2, 1)
    assert status.failed_checks == ["No staff PIN is set."]
    assert list(Flip.objects.values_list("online", flat=True)) == [True]


def test_a_newer_heartbeat_replaces_the_status_an_older_one_does_not(client, kiosk):
    now = timezone.now()
    post(client, URL, kiosk.secret, heartbeat_body(mode="staff"), msg_id="hb-2", when=now)
    earlier = now - datetime.timedelta(seconds=60)
    answer = post(client, URL, kiosk.secret, heartbeat_body(mode="patient"), "hb-1", when=earlier)
    assert answer.status_code == 200 and "older" in answer.json()["status"]
    assert KioskStatus.objects.get().mode == "staff"
    post(client, URL, kiosk.secret, heartbeat_body(mode="closed"), msg_id="hb-3")
    assert KioskStatus.objects.get().mode == "closed"
    assert Flip.objects.count() == 1


def went_quiet(hours: float) -> None:
    """As if everything stored so far had happened `hours` ago."""
    for status in KioskStatus.objects.all():
        status.received_at -= datetime.timedelta(hours=hours)
        status.save()
    for flip in Flip.objects.all():
        flip.created -= datetime.timedelta(hours=hours)
        flip.save()


def flips() -> list[bool]:
    return list(Flip.objects.order_by("created").values_list("online", flat=True))


def test_a_silent_kiosk_flips_offline_and_back_online(client, kiosk):
    post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-1")
    went_quiet(hours=1)
    assert mark_offline() == 1
    assert mark_offline() == 0  # once
    assert not KioskStatus.objects.get().online
    post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-2")
    assert flips() == [True, False, True]
    assert KioskStatus.objects.get().online


def test_a_kiosk_that_went_quiet_unnoticed_gets_both_flips(client, kiosk, settings):
    post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-1")
    went_quiet(hours=24)
    post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-2")
    assert flips() == [True, False, True]
    went_offline = Flip.objects.get(online=False).created
    first_silent = KioskStatus.objects.get().received_at - datetime.timedelta(hours=24)
    assert went_offline - first_silent < datetime.timedelta(
        minutes=settings.HUB_OFFLINE_MINUTES + 1
    )


def test_a_kiosk_heard_from_in_time_stays_online(client, kiosk):
    post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-1")
    went_quiet(hours=0.1)
    assert mark_offline() == 0
    post(client, URL, kiosk.secret, heartbeat_body(), msg_id="hb-2")
    assert flips() == [True]


def test_odd_values_are_stored_as_blanks(client, kiosk):
    body = heartbeat_body(mode=5, content="none", outbox={"pending": -1, "failed": True})
    post(client, URL, kiosk.secret, body, msg_id="hb-1")
    status = KioskStatus.objects.get()
    assert (status.mode, status.content_version) == ("", "")
    assert (status.outbox_pending, status.outbox_failed) == (None, None)


def test_a_badly_signed_heartbeat_stores_nothing(client, kiosk):
    answer = post(client, URL, "whsec_" + "B" * 44, heartbeat_body(), msg_id="hb-1")
    assert answer.status_code == 401
    assert not KioskStatus.objects.exists() and not Flip.objects.exists()


def test_a_first_heartbeat_racing_another_is_stored_as_an_update(kiosk, monkeypatch):
    from django.db import IntegrityError

    from hub.intake import heartbeats

    real, calls = heartbeats._record, []

    def first_one_loses(*args):
        calls.append(args)
        if len(calls) == 1:
            real(*args)  # the other request's row
            raise IntegrityError("duplicate key")
        return real(*args)

    monkeypatch.setattr(heartbeats, "_record", first_one_loses)
    fields = {"kiosk_id": "lobby-1", "mode": "patient"}
    assert heartbeats.record_heartbeat(kiosk, fields, 100)
    assert len(calls) == 2 and KioskStatus.objects.get().mode == "patient"
