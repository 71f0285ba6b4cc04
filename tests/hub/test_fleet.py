"""IT's fleet page: every kiosk's latest heartbeat, offline ones first and said at the top."""

from __future__ import annotations

import datetime

from django.utils import timezone

from hub.intake.kiosk_secrets import add_kiosk
from hub.intake.models import Flip, KioskStatus


def test_the_fleet_needs_a_signed_in_user(client, db):
    assert client.get("/fleet/").status_code == 302


def test_offline_kiosks_are_at_the_top_and_announced(client, specialist, kiosk):
    now = timezone.now()
    KioskStatus.objects.create(
        kiosk=kiosk,
        received_at=now,
        signed_at=0,
        mode="patient",
        content_version="2026.01.05",
        outbox_pending=2,
        outbox_failed=1,
        failed_checks=["No staff PIN is set."],
    )
    quiet, _ = add_kiosk("ward-2", "Ward 2")
    KioskStatus.objects.create(
        kiosk=quiet, received_at=now - datetime.timedelta(hours=2), signed_at=0, mode="staff"
    )
    add_kiosk("zz-new", "Day unit")
    page = client.get("/fleet/").content.decode()
    assert "2 kiosks offline" in page
    assert page.index("ward-2") < page.index("zz-new") < page.index("lobby-1")
    for shown in ("2026.01.05", "2 / 1", "No staff PIN is set.", "Lobby", "never"):
        assert shown in page
    assert Flip.objects.filter(kiosk=quiet, online=False).exists()  # noticed on the way


def test_all_online_says_so(client, specialist, kiosk):
    KioskStatus.objects.create(kiosk=kiosk, received_at=timezone.now(), signed_at=0)
    page = client.get("/fleet/").content.decode()
    assert "All kiosks sent a heartbeat" in page and "Offline" not in page


def test_uptime_over_the_last_30_days_comes_from_flips(client, specialist, kiosk):
    now = timezone.now()
    KioskStatus.objects.create(kiosk=kiosk, received_at=now, signed_at=0)
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=40), online=True)
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=3), online=False)
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=0), online=True)
    page = client.get("/fleet/").content.decode()
    assert "Online, last 30 days" in page and "90.0%" in page
