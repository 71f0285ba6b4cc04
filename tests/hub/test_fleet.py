"""IT's fleet page: every kiosk's latest heartbeat, offline ones first and said at the top,
each kiosk's content against the newest published; showing it writes nothing."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hub.catalog.models import PublishedContent
from hub.intake.kiosk_secrets import add_kiosk
from hub.intake.models import Flip, KioskStatus

DIGEST = "a" * 64


def test_the_fleet_needs_a_signed_in_user(client, db):
    assert client.get("/fleet/").status_code == 302


def test_offline_kiosks_are_at_the_top_and_announced_without_writing(client, it_person, kiosk):
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
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/fleet/").content.decode()
    assert "2 kiosks offline" in page
    assert page.index("ward-2") < page.index("zz-new") < page.index("lobby-1")
    for shown in ("2026.01.05", "2 / 1", "No staff PIN is set.", "Lobby", "never"):
        assert shown in page
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert [w for w in writes if "django_session" not in w] == []
    assert not Flip.objects.exists() and KioskStatus.objects.get(kiosk=quiet).online


def test_a_kiosk_gone_quiet_counts_as_offline_in_its_uptime_before_fleet_check(
    client, it_person, kiosk
):
    now = timezone.now()
    KioskStatus.objects.create(
        kiosk=kiosk, received_at=now - datetime.timedelta(days=1), signed_at=0
    )
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=2), online=True)
    page = client.get("/fleet/").content.decode()
    assert "Offline" in page and "50.5%" in page  # a day and 15 minutes online, of 2 days


def test_all_online_says_so(client, it_person, kiosk):
    KioskStatus.objects.create(kiosk=kiosk, received_at=timezone.now(), signed_at=0)
    page = client.get("/fleet/").content.decode()
    assert "All kiosks sent a heartbeat" in page and "Offline" not in page


def test_uptime_over_the_last_30_days_comes_from_flips(client, it_person, kiosk):
    now = timezone.now()
    KioskStatus.objects.create(kiosk=kiosk, received_at=now, signed_at=0)
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=40), online=True)
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=3), online=False)
    Flip.objects.create(kiosk=kiosk, created=now - datetime.timedelta(days=0), online=True)
    page = client.get("/fleet/").content.decode()
    assert "Online, last 30 days" in page and "90.0%" in page


def test_each_kiosk_against_the_newest_published_content(client, it_person, kiosk, settings):
    settings.HUB_CONTENT_URL = "http://127.0.0.1:9/content"
    now = timezone.now()
    PublishedContent.objects.create(
        pk=1, version="2026.02", digest=DIGEST, cards=12, read_at=now, checked_at=now
    )
    KioskStatus.objects.create(
        kiosk=kiosk, received_at=now, signed_at=0, content_version="2026.02", content_digest=DIGEST
    )
    old, _ = add_kiosk("ward-2", "Ward 2")
    KioskStatus.objects.create(
        kiosk=old, received_at=now, signed_at=0, content_version="2026.01", content_digest="b" * 64
    )
    page = client.get("/fleet/").content.decode()
    assert "version 2026.02</strong>, 12 cards" in page and "1 kiosk behind." in page
    assert '2026.02 <span class="note">(the newest)</span>' in page
    assert "(behind: newest is 2026.02)" in page


def test_the_page_says_when_the_published_content_cannot_be_read(client, it_person, settings):
    assert "set <code>HUB_CONTENT_URL</code>" in client.get("/fleet/").content.decode()
    settings.HUB_CONTENT_URL = "http://127.0.0.1:9/content"
    assert "not read yet" in client.get("/fleet/").content.decode()
    PublishedContent.objects.create(pk=1, checked_at=timezone.now(), error="ConnectionError: no")
    page = client.get("/fleet/").content.decode()
    assert "could not be read:</span> ConnectionError: no" in page
