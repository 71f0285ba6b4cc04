"""A receiver that answers and then trickles holds delivery no longer than the deadline.

A real receiver on loopback sends one byte every 0.25 s: each byte comes well inside the
per-read timeout (1 s), so only the whole exchange's deadline (2 s) can end the wait. The
pass runs in a thread joined with a bound, so a regression fails instead of hanging.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from kiosk.callbacks.delivery import PassResult
from kiosk.net import transport
from tests.callbacks.conftest import REQUEST

TIMEOUT, DEADLINE = 1.0, 2.0
SLACK = 3.0  # a busy machine's scheduling, on top of the deadline


def timed_pass(worker) -> tuple[PassResult | None, float]:
    """Run one delivery pass; its result and how long it took (None if it overran)."""
    results: list[PassResult] = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: results.append(worker.deliver_due()), daemon=True)
    thread.start()
    thread.join(DEADLINE + 3 * SLACK)
    return (results[0] if results else None), time.monotonic() - started


def test_a_receiver_that_trickles_its_body_does_not_hold_the_next_request(
    outbox, receiver, make_worker
):
    first, second = outbox.submit(REQUEST, "lobby-1"), outbox.submit(REQUEST, "lobby-1")
    receiver.script = ["trickle"]  # 200, then a 64 KB body at 4 bytes a second
    worker = make_worker(timeout=TIMEOUT, deadline=DEADLINE)

    result, took = timed_pass(worker)

    assert result == PassResult(delivered=2), f"still waiting after {took:.1f} s"
    assert DEADLINE - 0.1 <= took < DEADLINE + SLACK  # the first took its deadline, no more
    assert [f["reference"] for f in receiver.accepted.values()] == [first, second]
    assert worker.status().last_error == ""


def test_a_receiver_that_trickles_its_headers_times_out_and_a_new_request_still_goes(
    outbox, receiver, make_worker
):
    outbox.submit(REQUEST, "lobby-1")
    receiver.script = ["trickle-headers"]
    worker = make_worker(timeout=TIMEOUT, deadline=DEADLINE)

    result, took = timed_pass(worker)
    assert result == PassResult(retried=1) and took < DEADLINE + SLACK
    assert worker.status().last_error == "timed out"

    newer = outbox.submit(REQUEST, "lobby-1")  # a patient's submit probes the receiver
    worker.wake()
    result, took = timed_pass(worker)
    assert result == PassResult(delivered=1) and took < SLACK
    assert list(receiver.accepted.values())[-1]["reference"] == newer


def test_a_tls_handshake_that_never_comes_is_bounded_too():
    """A host that takes the TCP connection and then says nothing: no ServerHello."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        started = time.monotonic()
        outcome = transport.post(f"https://127.0.0.1:{port}/c", b"{}", {}, TIMEOUT, DEADLINE)
        took = time.monotonic() - started
    assert outcome == transport.Outcome(transport.RETRY, "timed out")
    assert TIMEOUT - 0.1 <= took < TIMEOUT + SLACK


def test_the_budget_bounds_each_step_by_what_is_left():
    budget = transport.Budget(timeout=10.0, deadline=0.5)
    assert 0 < budget.step() <= 0.5
    budget = transport.Budget(timeout=1.0, deadline=60.0)
    assert budget.step() == 1.0
    budget.ends_at = time.monotonic() - 1
    with pytest.raises(TimeoutError):
        budget.step()


def test_a_name_lookup_that_never_answers_is_bounded_too(monkeypatch):
    """The system resolver has no deadline of ours; here it never answers (standing in for
    name servers that do not reply: a real one cannot be made to hang from a test)."""
    answer = threading.Event()
    real = socket.getaddrinfo

    def silent_resolver(host, *args, **kwargs):
        if host == "hub.clinic.invalid":
            answer.wait(30)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", silent_resolver)
    started = time.monotonic()
    try:
        outcome = transport.post("https://hub.clinic.invalid/callbacks", b"{}", {}, 0.3, 0.6)
    finally:
        answer.set()
    assert outcome.kind == transport.RETRY and outcome.detail == "timed out"
    assert time.monotonic() - started < 5  # the lookup's own bound, not the resolver's
