"""Delivery to a real receiver on loopback, with a fake clock: no test waits for a backoff."""

from __future__ import annotations

import logging
import time

from kiosk.callbacks.delivery import PassResult
from kiosk.callbacks.outbox import PERSONAL_FIELDS, Outbox, OutboxCounts
from kiosk.callbacks.request import CallbackRequest
from tests.callbacks.conftest import NAME, PHONE, REQUEST, file_bytes

PHONE_DIGITS = PHONE[2:].encode()  # "2025550123", however it might be stored


def row(outbox, reference: str) -> dict:
    cursor = outbox.db.execute("SELECT * FROM outbox WHERE reference = ?", [reference])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def test_failures_then_success_deliver_once_and_erase(
    outbox, outbox_path, receiver, make_worker, clock
):
    reference = outbox.submit(REQUEST, "lobby-1")
    assert NAME.encode() in file_bytes(outbox_path.parent)  # so the check below means something
    worker = make_worker(timeout=0.3)

    receiver.script = ["500"]
    assert worker.deliver_due() == PassResult(retried=1)
    assert row(outbox, reference)["next_attempt_at"] == clock.now + 5  # random() = 1.0
    assert worker.deliver_due() == PassResult()  # not due yet: nothing is sent
    assert len(receiver.attempts) == 1

    clock.advance(5)
    receiver.stop()
    assert worker.deliver_due() == PassResult(retried=1)
    assert worker.status().last_error == "connection refused"
    assert worker.status().consecutive_failures == 2

    clock.advance(10)
    receiver.start()  # the same port again
    receiver.script = ["hang"]  # saved, but the answer comes after the kiosk gave up
    assert worker.deliver_due() == PassResult(retried=1)
    assert worker.status().last_error == "timed out"
    receiver.release.set()

    clock.advance(20)
    assert worker.deliver_due() == PassResult(delivered=1)
    key = row(outbox, reference)["idempotency_key"]
    assert receiver.attempts == [key, key, key]  # the same key on every retry that arrived
    sent = receiver.requests  # the same webhook-id and body, a fresh timestamp and signature
    assert [h["webhook-id"] for h, _ in sent] == [key, key, key]
    assert len({body for _, body in sent}) == 1
    assert [int(h["webhook-timestamp"]) for h, _ in sent] == [clock.now - t for t in (35, 20, 0)]
    assert len({h["webhook-signature"] for h, _ in sent}) == 3
    assert not any("idempotency-key" in h for h, _ in sent)  # webhook-id is the key
    assert list(receiver.accepted) == [key]  # and the receiver kept one
    assert receiver.accepted[key]["reference"] == reference and receiver.rejected == 0
    assert outbox.counts() == OutboxCounts(0, 1, 0, 0, None)
    stored = row(outbox, reference)
    assert stored["status"] == "delivered" and stored["attempts"] == 4
    assert all(stored[field] is None for field in PERSONAL_FIELDS)
    assert worker.status().last_error == "" and worker.status().paused_until is None
    on_disk = file_bytes(outbox_path.parent)
    assert NAME.encode() not in on_disk and PHONE_DIGITS not in on_disk


def test_a_refusal_keeps_the_request_for_staff_until_it_expires(
    outbox, outbox_path, receiver, make_worker, clock
):
    reference = outbox.submit(REQUEST, "lobby-1")
    worker = make_worker()
    receiver.script = ["422"]
    assert worker.deliver_due() == PassResult(failed=1)
    assert outbox.counts() == OutboxCounts(0, 0, 1, 0, None)
    assert row(outbox, reference)["first_name"] == NAME  # kept for staff
    assert worker.status().last_error == "HTTP 422"

    clock.advance(14 * 86400 + 1)
    assert worker.deliver_due() == PassResult(expired=1)
    assert outbox.counts() == OutboxCounts(0, 0, 0, 1, None)
    assert all(row(outbox, reference)[field] is None for field in PERSONAL_FIELDS)
    on_disk = file_bytes(outbox_path.parent)
    assert NAME.encode() not in on_disk and PHONE_DIGITS not in on_disk
    assert receiver.accepted == {}


def test_staff_can_queue_failed_requests_again(outbox, receiver, make_worker):
    outbox.submit(REQUEST, "lobby-1")
    worker = make_worker()
    receiver.script = ["401"]
    assert worker.deliver_due() == PassResult(failed=1)
    assert outbox.retry_failed() == 1
    assert worker.deliver_due() == PassResult(delivered=1)
    assert len(receiver.accepted) == 1


def test_retry_after_is_honoured_when_longer(outbox, receiver, make_worker, clock):
    reference = outbox.submit(REQUEST, "lobby-1")
    worker = make_worker()
    receiver.script = ["429:120"]
    assert worker.deliver_due() == PassResult(retried=1)
    assert row(outbox, reference)["next_attempt_at"] == clock.now + 120
    clock.advance(119)
    assert worker.deliver_due() == PassResult()
    clock.advance(1)
    assert worker.deliver_due() == PassResult(delivered=1)


def test_backing_off_holds_the_queue_but_a_new_request_probes(outbox, receiver, make_worker, clock):
    for _ in range(3):
        outbox.submit(REQUEST, "lobby-1")
    worker = make_worker()
    receiver.script = ["503"]
    assert worker.deliver_due() == PassResult(retried=1)  # the others are not hammered
    assert worker.deliver_due() == PassResult()
    outbox.submit(REQUEST, "lobby-1")
    worker.wake()  # what the UI does after a submit: one try, at once
    assert worker.deliver_due() == PassResult(delivered=3)  # it worked: the rest follow
    clock.advance(5)
    assert worker.deliver_due() == PassResult(delivered=1)
    assert len(receiver.accepted) == 4


def test_no_endpoint_keeps_requests_and_says_why(outbox, outbox_path, make_worker, clock):
    outbox.submit(REQUEST, "lobby-1")
    worker = make_worker(endpoint="")
    assert worker.deliver_due() == PassResult()
    status = worker.status()
    assert not status.configured and "callbacks.endpoint" in status.problem
    assert outbox.counts().pending == 1
    clock.advance(13 * 86400)
    assert worker.deliver_due() == PassResult()
    assert outbox.counts().pending == 1  # kept for the whole retention period
    clock.advance(86400)
    assert worker.deliver_due() == PassResult(expired=1)
    assert NAME.encode() not in file_bytes(outbox_path.parent)


def test_unusable_settings_are_reported(make_worker):
    plain = make_worker(endpoint="http://callbacks.example.org/in").status()
    assert "https://" in plain.problem
    assert make_worker(secret="").status().problem.startswith("no shared secret")
    wrong = make_worker(secret="test-secret-of-the-old-kind").status()
    assert not wrong.configured and "callbacks.secret must start with 'whsec_'" in wrong.problem
    assert "old-kind" not in wrong.problem
    assert make_worker(endpoint="http://[::1]:8/x").status().configured


def test_delivery_resumes_after_a_restart_from_the_table(outbox, receiver, make_worker, clock):
    first, second, third = (outbox.submit(REQUEST, "lobby-1") for _ in range(3))
    receiver.script = ["500"]
    make_worker().deliver_due()  # `first` waits 5 s; the worker is then "restarted"
    outbox.db.execute("UPDATE outbox SET status = 'failed' WHERE reference = ?", [third])
    restarted = make_worker()
    assert restarted.deliver_due() == PassResult(delivered=1)  # `second` was due
    clock.advance(5)
    assert restarted.deliver_due() == PassResult(delivered=1)  # then `first`
    references = {fields["reference"] for fields in receiver.accepted.values()}
    assert references == {first, second}
    assert outbox.counts() == OutboxCounts(0, 2, 1, 0, None)


def test_a_clock_set_back_does_not_strand_a_retry(outbox, receiver, make_worker, clock):
    outbox.submit(REQUEST, "lobby-1")
    worker = make_worker()
    receiver.script = ["500"]
    worker.deliver_due()
    clock.advance(-86400)  # someone set the kiosk's clock back a day
    receiver.clock = lambda: clock.now  # the receiver agrees, so the signature is fresh
    worker.wake()
    assert worker.deliver_due() == PassResult(delivered=1)


def test_the_thread_delivers_when_woken_and_stops(outbox_path, receiver, make_worker):
    receiver.clock = time.time
    worker = make_worker(clock=time.time, max_wait=30)
    worker.start()
    assert worker.status().running
    outbox = Outbox(outbox_path)
    try:
        outbox.submit(REQUEST, "lobby-1")
        worker.wake()
        assert receiver.saved.wait(5), "the worker did not deliver"
    finally:
        outbox.close()
    worker.stop()
    assert not worker.status().running


def test_the_ui_thread_never_waits_on_the_network(outbox_path, receiver, make_worker):
    receiver.clock = time.time
    receiver.script = ["hang"]
    worker = make_worker(clock=time.time, timeout=5)
    outbox = Outbox(outbox_path)
    try:
        worker.start()
        outbox.submit(REQUEST, "lobby-1")
        worker.wake()
        assert receiver.hanging.wait(5)
        started = time.perf_counter()
        worker.wake()
        worker.status()
        outbox.submit(REQUEST, "lobby-1")  # the worker holds no lock while it waits
        assert time.perf_counter() - started < 2  # the hung delivery takes 5 s to time out
    finally:
        receiver.release.set()
        outbox.close()


def test_logs_never_hold_personal_data(outbox, receiver, make_worker, clock, caplog):
    caplog.set_level(logging.DEBUG)
    worker = make_worker(timeout=0.3)
    for script in (["500"], ["422"], ["hang"], []):
        outbox.submit(REQUEST, "lobby-1")
        receiver.script = list(script)
        worker.deliver_due()
        receiver.release.set()
        clock.advance(600)
    receiver.stop()
    worker.deliver_due()
    clock.advance(15 * 86400)
    worker.deliver_due()
    text = caplog.text
    assert "delivered" in text and "refused" in text and "expired" in text
    assert NAME not in text and PHONE[2:] not in text and "0123" not in text


def test_many_names_all_gone_from_the_file_after_delivery(outbox, outbox_path, make_worker):
    names = [f"Testpatient {_letters(i)}" for i in range(300)]
    for name in names:
        outbox.submit(CallbackRequest(name, PHONE, "any", "es", ""), "lobby-1")
    assert b"Testpatient" in file_bytes(outbox_path.parent)
    assert make_worker(batch=40).deliver_due() == PassResult(delivered=300)
    on_disk = file_bytes(outbox_path.parent)
    assert b"Testpatient" not in on_disk and PHONE_DIGITS not in on_disk


def _letters(number: int) -> str:
    word = ""
    for _ in range(3):
        number, digit = divmod(number, 26)
        word += chr(ord("a") + digit)
    return word.capitalize()


def test_a_request_about_a_trial_carries_its_number_and_title_then_erases_them(
    outbox, outbox_path, receiver, make_worker
):
    import dataclasses

    title = "A study of test medicine 1 for people whose lymphoma came back"
    about = dataclasses.replace(REQUEST, topic="", trial_id="NCT00000001", trial_title=title)
    reference = outbox.submit(about, "lobby-1")
    assert make_worker().deliver_due() == PassResult(delivered=1)
    (key,) = receiver.accepted
    received = receiver.accepted[key]
    assert (received["trial_id"], received["trial_title"]) == ("NCT00000001", title)
    assert received["topic"] == "" and received["reference"] == reference
    stored = row(outbox, reference)
    assert stored["trial_id"] is None and stored["trial_title"] is None
    assert title.encode() not in file_bytes(outbox_path.parent)


def test_a_request_about_no_trial_sends_no_trial_fields(outbox, receiver, make_worker):
    outbox.submit(REQUEST, "lobby-1")
    make_worker().deliver_due()
    (received,) = receiver.accepted.values()
    assert "trial_id" not in received and "trial_title" not in received
