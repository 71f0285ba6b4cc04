"""Through a real loopback server: the kiosk's own HTTP transport reads the hub's answers.

The request is signed by the `standardwebhooks` library and posted by kiosk/callbacks/
transport.py, so this checks the retry contract end to end: what the hub stores the kiosk
counts as delivered, and what it refuses the kiosk marks failed instead of retrying forever.
"""

from __future__ import annotations

from hub.intake.models import CallbackRequest
from kiosk.net import transport
from tests.hub.helpers import callback_body, signed_headers


def test_the_kiosk_transport_delivers_once_and_is_refused_when_badly_signed(live_server, kiosk):
    url = f"{live_server.url}/api/callbacks"
    body = callback_body()
    first = transport.post(url, body, signed_headers(kiosk.secret, body), timeout=5, deadline=10)
    again = transport.post(url, body, signed_headers(kiosk.secret, body), timeout=5, deadline=10)
    assert (first.kind, first.detail) == (transport.DELIVERED, "HTTP 201")
    assert (again.kind, again.detail) == (transport.DELIVERED, "HTTP 200")
    forged = signed_headers("whsec_" + "C" * 44, body)
    refused = transport.post(url, body, forged, timeout=5, deadline=10)
    assert (refused.kind, refused.detail) == (transport.FAILED, "HTTP 401")
    assert CallbackRequest.objects.count() == 1
