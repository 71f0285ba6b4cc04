"""The heartbeat, against a real HTTP server on 127.0.0.1: signed, retried, latest only."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time

import pytest
from standardwebhooks import Webhook

from kiosk.health.heartbeat import Heartbeat, check_endpoint, heartbeat_from_config
from kiosk.net.signing import secret_key, signature
from tests.callbacks.receiver import library_clock, trickle

SECRET = "whsec_ZmxlZXQtc2VjcmV0LWZvci10ZXN0cy1vbmx5"  # "fleet-secret-for-tests-only"


class StatusServer(http.server.ThreadingHTTPServer):
    """Records each POST and answers with the next scripted code (then 204s); "trickle"
    answers 200 and sends the body a byte every 0.25 s until `release` is set."""

    def __init__(self, codes=()):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.codes = list(codes)
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.got_one = threading.Event()
        self.release = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/status"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        if self.server.codes and self.server.codes[0] == "trickle":
            self.server.codes.pop(0)
            trickle(self.wfile, self.server.release, 0.25, headers_too=True)
            return
        self.send_response(self.server.codes.pop(0) if self.server.codes else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.server.got_one.set()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    running = StatusServer()
    thread = threading.Thread(target=running.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield running
    running.release.set()
    running.shutdown()
    running.server_close()
    thread.join()


def make_heartbeat(server, clock, **kwargs):
    return Heartbeat(
        server.url,
        SECRET,
        interval_seconds=300,
        clock=clock,
        wall_clock=clock,
        jitter=lambda: 1.0,  # the top of the jitter range, so delays are exact
        **kwargs,
    )


def sent_statuses(server):
    return [json.loads(body)["n"] for _, body in server.received]


def test_status_is_posted_as_json_signed_the_standard_webhooks_way(server, clock):
    heartbeat = Heartbeat(server.url, SECRET, clock=clock)  # the wall clock signs
    heartbeat.submit({"n": 1, "mode": "patient"})
    assert heartbeat.send_pending() is None  # sent; nothing left
    ((headers, body),) = server.received
    assert Webhook(SECRET).verify(body, headers) == {"n": 1, "mode": "patient"}  # the library
    assert headers["Content-Type"] == "application/json"
    assert re.fullmatch(r"status-[0-9a-f]{32}", headers["webhook-id"])
    stamp = int(headers["webhook-timestamp"])
    assert abs(stamp - time.time()) < 60
    expected = signature(secret_key(SECRET), headers["webhook-id"], stamp, body)
    assert headers["webhook-signature"] == expected
    assert not {"X-Kiosk-Signature", "X-Kiosk-Timestamp"} & set(headers)
    assert heartbeat.report().last_error is None


def test_a_retry_keeps_its_id_and_body_with_a_fresh_timestamp_and_signature(server, clock):
    server.codes = [503, 503]
    heartbeat = make_heartbeat(server, clock)
    heartbeat.submit({"n": 1})
    assert heartbeat.send_pending() == 5
    clock.advance(5)
    assert heartbeat.send_pending() == 10
    clock.advance(10)
    assert heartbeat.send_pending() is None
    heartbeat.submit({"n": 2})
    assert heartbeat.send_pending() is None
    first, second, third, fourth = server.received
    assert first[1] == second[1] == third[1] != fourth[1]
    ids = [h["webhook-id"] for h, _ in server.received]
    assert ids[0] == ids[1] == ids[2] != ids[3]  # a new status, a new id
    stamps = [int(h["webhook-timestamp"]) for h, _ in server.received]
    assert stamps == [int(clock.now) - 15, int(clock.now) - 10, int(clock.now), int(clock.now)]
    assert len({h["webhook-signature"] for h, _ in server.received}) == 4
    with library_clock(clock):  # the library, at the test's time
        for headers, body in server.received:
            assert Webhook(SECRET).verify(body, headers)["n"] in (1, 2)
    with library_clock(lambda: clock.now + 301), pytest.raises(Exception, match="too old"):
        Webhook(SECRET).verify(first[1], first[0])


def test_a_secret_not_in_the_standard_form_is_refused_without_repeating_it(server):
    for secret, words in (("fleet-pass", "must start with"), ("whsec_c2hvcnQ=", "5 bytes")):
        with pytest.raises(ValueError, match=words) as caught:
            Heartbeat(server.url, secret)
        assert secret not in str(caught.value) and "c2hvcnQ" not in str(caught.value)


def test_failures_back_off_and_only_the_latest_status_is_kept(server, clock):
    server.codes = [503, 500, 503]
    heartbeat = make_heartbeat(server, clock)
    heartbeat.submit({"n": 1})
    assert heartbeat.send_pending() == 5  # failed: first retry after 5 s
    assert heartbeat.report().last_error == "HTTP 503"

    heartbeat.submit({"n": 2})
    heartbeat.submit({"n": 3})  # replaces 2, which never goes out
    assert heartbeat.send_pending() == 5  # not due yet: nothing sent
    clock.advance(5)
    assert heartbeat.send_pending() == 10  # 3 failed: the wait doubles
    clock.advance(10)
    assert heartbeat.send_pending() == 20
    clock.advance(20)
    assert heartbeat.send_pending() is None  # delivered at last
    assert sent_statuses(server) == [1, 3, 3, 3]
    assert heartbeat.pending is None and heartbeat.failures == 0
    assert heartbeat.report().last_error is None


def test_backoff_is_capped_at_the_interval_and_jittered(server, clock):
    server.codes = [503] * 10
    jitter = iter([1.0] * 7 + [0.0])
    heartbeat = Heartbeat(
        server.url, SECRET, interval_seconds=60, clock=clock, jitter=lambda: next(jitter)
    )
    heartbeat.submit({"n": 1})
    delays = []
    for _ in range(7):
        delays.append(heartbeat.send_pending())
        clock.advance(delays[-1])
    assert delays == [5, 10, 20, 40, 60, 60, 60]
    assert heartbeat.send_pending() == 60  # jitter 0 halves the 320 s wait, still over the cap


def test_a_trickling_status_endpoint_holds_the_post_no_longer_than_its_deadline(server, clock):
    """Each byte comes inside the 1 s read timeout; only the 2 s deadline ends the wait."""
    server.codes = ["trickle"]
    heartbeat = make_heartbeat(server, clock, timeout_seconds=1.0, deadline_seconds=2.0)
    heartbeat.submit({"n": 1})
    done = threading.Event()
    started = time.monotonic()
    thread = threading.Thread(target=lambda: (heartbeat.send_pending(), done.set()), daemon=True)
    thread.start()
    assert done.wait(11), "the heartbeat is still waiting on a trickling endpoint"
    took = time.monotonic() - started
    assert 1.9 <= took < 5
    assert heartbeat.report().last_error == "timed out" and heartbeat.pending is not None
    assert heartbeat.send_pending() == 5.0  # backing off, as for any retryable failure
    clock.advance(5)
    assert heartbeat.send_pending() is None and sent_statuses(server) == [1, 1]


def test_an_unreachable_endpoint_is_a_retry_not_a_crash(clock):
    probe = StatusServer()
    url = probe.url
    probe.server_close()  # nothing listens there now
    heartbeat = Heartbeat(url, SECRET, clock=clock, jitter=lambda: 1.0)
    heartbeat.submit({"n": 1})
    assert heartbeat.send_pending() == 5
    assert heartbeat.report().last_error == "connection refused"
    assert heartbeat.pending is not None


def test_the_background_thread_sends_what_is_submitted_and_stops(server):
    heartbeat = Heartbeat(server.url, SECRET)
    heartbeat.start()
    try:
        heartbeat.submit({"n": 7})
        assert server.got_one.wait(5)
    finally:
        heartbeat.stop()
    assert sent_statuses(server) == [7]


def test_a_refused_status_is_dropped_not_retried_and_redirects_are_never_followed(server, clock):
    server.codes = [401, 307]
    heartbeat = make_heartbeat(server, clock)
    for n in (1, 2):
        heartbeat.submit({"n": n})
        assert heartbeat.send_pending() is None  # nothing left to send
    assert sent_statuses(server) == [1, 2] and heartbeat.failures == 0
    assert heartbeat.report().last_error == "refused (HTTP 307)"
    heartbeat.submit({"n": 3})
    heartbeat.send_pending()
    assert heartbeat.report().last_error is None


@pytest.mark.parametrize(
    "url",
    [
        "http://status.example.org/",
        "ftp://127.0.0.1/",
        "https://",
        "127.0.0.1:8080",
        "https://fleet.example:99999/",
    ],
)
def test_only_https_or_loopback_http_endpoints(url):
    with pytest.raises(ValueError, match=r"https://|not a valid address"):
        check_endpoint(url)


@pytest.mark.parametrize(
    "url",
    ["https://status.example.org/k", "http://127.0.0.1:9/", "http://[::1]/", "http://localhost/"],
)
def test_endpoints_the_kiosk_may_use(url):
    assert check_endpoint(url) == url


def test_heartbeat_from_config(caplog):
    base = {"status.endpoint": "", "status.secret": "", "status.interval_minutes": 5}
    assert heartbeat_from_config(base) is None
    assert heartbeat_from_config(base | {"status.endpoint": "https://fleet.example/s"}) is None
    assert "needs a shared secret" in caplog.text
    bad = base | {"status.endpoint": "https://fleet.example/s", "status.secret": "fleet-secret"}
    assert heartbeat_from_config(bad) is None
    assert "must start with 'whsec_'" in caplog.text and "fleet-secret" not in caplog.text
    made = heartbeat_from_config(
        base | {"status.endpoint": "https://fleet.example/s", "status.secret": SECRET}
    )
    assert made is not None and made.interval_seconds == 300
