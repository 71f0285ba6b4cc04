"""What patients read: daily counts from heartbeats (the latest per kiosk and day), and the
month's page with the most-read cards by title and the languages."""

from __future__ import annotations

import datetime

from django.utils import timezone

from hub.catalog.models import CardTitle
from hub.intake.kiosk_secrets import add_kiosk
from hub.reading.counts import parse_counts
from hub.reading.models import DailyCount
from tests.hub.helpers import heartbeat_body, post

URL = "/api/heartbeats"


def day(offset: int = 0) -> str:
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def counts(visits: int, cytokines_en: int, **more) -> dict:
    return {
        "visits": visits,
        "read_aloud": 1,
        "callbacks_sent": 0,
        "cards": {"cytokines": {"en": cytokines_en, "es": 2}},
        **more,
    }


def stored() -> set[tuple]:
    return set(DailyCount.objects.values_list("day", "name", "card", "lang", "count"))


def test_a_heartbeat_stores_the_days_counts(client, kiosk):
    body = heartbeat_body(counts={day(): counts(12, 5)})
    assert post(client, URL, kiosk.secret, body, msg_id="hb-1").status_code == 200
    today = timezone.localdate()
    assert stored() == {
        (today, "visits", "", "", 12),
        (today, "read_aloud", "", "", 1),
        (today, "cards", "cytokines", "en", 5),
        (today, "cards", "cytokines", "es", 2),
    }  # zeros take no row


def test_a_repeated_or_later_heartbeat_keeps_the_latest_totals_once(client, kiosk):
    now = timezone.now()
    first = heartbeat_body(counts={day(-1): counts(30, 9), day(): counts(1, 1)})
    post(client, URL, kiosk.secret, first, msg_id="hb-1", when=now)
    post(client, URL, kiosk.secret, first, msg_id="hb-1", when=now)  # a retry
    later = heartbeat_body(counts={day(-1): counts(31, 9), day(): counts(4, 2)})
    post(client, URL, kiosk.secret, later, msg_id="hb-2", when=now + datetime.timedelta(seconds=60))
    older = heartbeat_body(counts={day(): counts(99, 99)})
    post(client, URL, kiosk.secret, older, msg_id="hb-0", when=now - datetime.timedelta(seconds=60))
    visits = dict(DailyCount.objects.filter(name="visits").values_list("day", "count"))
    today = timezone.localdate()
    assert visits == {today - datetime.timedelta(days=1): 31, today: 4}
    assert (
        DailyCount.objects.filter(name="cards", card="cytokines", lang="en", day=today).get().count
        == 2
    )


def test_two_kiosks_keep_their_own_counts(client, kiosk):
    _, other_secret = add_kiosk("ward-2", "Ward 2")
    post(client, URL, kiosk.secret, heartbeat_body(counts={day(): counts(3, 1)}), msg_id="a")
    body = heartbeat_body(kiosk_id="ward-2", counts={day(): counts(5, 1)})
    post(client, URL, other_secret, body, msg_id="b")
    assert sorted(DailyCount.objects.filter(name="visits").values_list("count", flat=True)) == [
        3,
        5,
    ]


def test_odd_counts_are_left_out_and_the_status_still_stored(client, kiosk):
    today = timezone.localdate()
    odd = {
        "yesterday": counts(1, 1),
        day(-400): counts(1, 1),
        day(30): counts(1, 1),
        day(): {
            "visits": -3,
            "read_aloud": True,
            "callbacks_sent": "2",
            "cards": {"../etc": {"en": 1}, "cytokines": {"fr": 1, "es": 10**9, "en": 4}},
        },
    }
    assert (
        post(client, URL, kiosk.secret, heartbeat_body(counts=odd), msg_id="hb-1").status_code
        == 200
    )
    assert stored() == {(today, "cards", "cytokines", "en", 4)}
    assert parse_counts("not a dict", today) == {}
    assert parse_counts({day(): "nope"}, today) == {}


def test_the_month_shows_the_most_read_cards_by_title_and_the_languages(client, specialist, kiosk):
    CardTitle.objects.create(card_id="cytokines", lang="en", title="Cytokines", version="1")
    today = timezone.localdate()
    body = heartbeat_body(
        counts={day(): counts(12, 5, cards={"cytokines": {"en": 5, "es": 2}, "car-t": {"es": 9}})}
    )
    post(client, URL, kiosk.secret, body, msg_id="hb-1")
    page = client.get(f"/reading/?month={today:%Y-%m}").content.decode()
    assert "<h1>What patients read</h1>" in page
    assert '<span class="figure">12</span> visits' in page
    assert '<span class="figure">16</span> cards opened' in page
    assert page.index("<code>car-t</code>") < page.index("Cytokines")  # 9 before 7
    assert "Spanish 9" in page and "English 5, Spanish 2" in page
    assert 'Spanish</td><td class="number">11</td><td class="number">69%' in page
    assert "who read what" in page


def test_another_month_is_empty_and_a_bad_month_is_this_one(client, specialist, kiosk):
    post(client, URL, kiosk.secret, heartbeat_body(counts={day(): counts(12, 5)}), msg_id="hb-1")
    assert "No card was opened this month" in client.get("/reading/?month=2020-01").content.decode()
    page = client.get("/reading/?month=soon").content.decode()
    assert '<span class="figure">12</span> visits' in page
