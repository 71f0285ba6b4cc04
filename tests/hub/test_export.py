"""Exporting the requests list: a CSV for a date range, no names or numbers, each audited."""

from __future__ import annotations

import csv
import datetime
import io

from django.utils import timezone

from hub.inbox.models import ExportEvent
from hub.intake.models import CallbackRequest


def make(kiosk, key: str, days_ago: int, **changes) -> CallbackRequest:
    values = {
        "reference": "7KX4QM",
        "created_at": timezone.now() - datetime.timedelta(days=days_ago),
        "first_name": "Test Patient",
        "phone": "+12025550123",
        "best_time": "morning",
        "language": "es",
        "topic": "cytokines",
        **changes,
    }
    return CallbackRequest.objects.create(kiosk=kiosk, idempotency_key=key, **values)


def export(client, first: datetime.date, last: datetime.date):
    return client.post("/export/", {"first_day": first.isoformat(), "last_day": last.isoformat()})


def test_the_export_holds_the_range_without_names_or_numbers_and_is_audited(
    client, specialist, kiosk
):
    today = timezone.localdate()
    inside = make(kiosk, "a", 2, reference="AAAAAA")
    closed = make(kiosk, "b", 5, reference="BBBBBB", status="closed", outcome="reached")
    closed.closed_at = timezone.now()
    closed.save()
    make(kiosk, "c", 40, reference="CCCCCC")
    answer = export(client, today - datetime.timedelta(days=10), today)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert "attachment" in answer["Content-Disposition"] and answer["Cache-Control"] == "no-store"
    text = answer.content.decode()
    assert "Test Patient" not in text and "555" not in text and "morning" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["reference"] for row in rows] == ["BBBBBB", "AAAAAA"]
    assert rows[0]["outcome"] == "Reached" and rows[0]["closed_at"]
    assert (rows[1]["kiosk"], rows[1]["call_language"], rows[1]["card_id"]) == (
        "Lobby",
        "es",
        "cytokines",
    )
    event = ExportEvent.objects.get()
    assert event.user == specialist and set(event.requests.all()) == {inside, closed}
    assert event.first_day == today - datetime.timedelta(days=10) and event.last_day == today


def test_a_bad_range_exports_nothing(client, specialist, kiosk):
    today = timezone.localdate()
    assert export(client, today, today - datetime.timedelta(days=1)).status_code == 400
    assert export(client, today - datetime.timedelta(days=400), today).status_code == 400
    answer = client.post("/export/", {"first_day": "soon", "last_day": ""})
    assert answer.status_code == 400 and "Choose the first and the last day." in answer.text
    assert not ExportEvent.objects.exists()


def test_an_empty_range_is_still_audited(client, specialist, db):
    today = timezone.localdate()
    text = export(client, today, today).content.decode()
    assert text.splitlines() == [
        "reference,sent_at,kiosk,call_language,card_id,card_title,trial_id,trial_title,status,outcome,closed_at"
    ]
    assert ExportEvent.objects.get().requests.count() == 0


def test_a_kiosk_location_cannot_become_a_spreadsheet_formula(client, specialist, kiosk):
    kiosk.location = "=HYPERLINK(1)"
    kiosk.save()
    make(kiosk, "a", 0)
    today = timezone.localdate()
    rows = list(csv.DictReader(io.StringIO(export(client, today, today).content.decode())))
    assert rows[0]["kiosk"] == "'=HYPERLINK(1)"


def test_the_form_offers_the_last_30_days(client, specialist):
    page = client.get("/export/").content.decode()
    assert "no names and no phone numbers" in page
    assert f'value="{timezone.localdate().isoformat()}"' in page
