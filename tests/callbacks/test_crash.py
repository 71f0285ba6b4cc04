"""SIGKILL at random moments: a process that submits and delivers is killed right after a
submit returns; a new process delivers what is left. Nothing lost, nothing accepted twice."""

from __future__ import annotations

import collections
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from tests.callbacks.conftest import SECRET

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20

SUBMITTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.callbacks.delivery import DeliveryWorker
    from kiosk.callbacks.outbox import Outbox
    from kiosk.callbacks.request import CallbackRequest

    path, endpoint, secret = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    worker = DeliveryWorker(path, endpoint, secret, "crash-test", 14)
    worker.start()
    outbox = Outbox(path)
    request = CallbackRequest("Test Patient", "+12025550123", "any", "en", "")
    while True:
        print(outbox.submit(request, "crash-test"), flush=True)
        worker.wake()
    """
)

DELIVERER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.callbacks.delivery import DeliveryWorker
    from kiosk.callbacks.outbox import Outbox

    path, endpoint, secret = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    worker = DeliveryWorker(path, endpoint, secret, "crash-test", 14)
    outbox = Outbox(path)
    for _ in range(20):
        worker.deliver_due()
        if outbox.counts().pending == 0:
            break
    worker.stop()
    print(outbox.counts())
    """
)


def run_until_killed(args: list[str], lines_before_kill: int) -> list[str]:
    """Start the submitter, read `lines_before_kill` references, then SIGKILL it."""
    child = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    guard = threading.Timer(30, child.kill)  # a hung child fails the test, not the suite
    guard.start()
    try:
        references = []
        while len(references) < lines_before_kill:
            line = child.stdout.readline()
            assert line, f"submitter died: {child.stderr.read()}"
            references.append(line.strip())
        child.send_signal(signal.SIGKILL)  # no chance to close, flush or finish a delivery
    finally:
        guard.cancel()
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return references


def test_killed_submitters_lose_nothing_and_duplicate_nothing(tmp_path, receiver):
    receiver.clock = time.time
    path = tmp_path / "callbacks.db"
    rng = random.Random(7)
    confirmed: list[str] = []  # references a patient would have seen on screen
    submitter = [sys.executable, "-c", SUBMITTER, str(path), receiver.url, SECRET]
    for _ in range(ROUNDS):
        confirmed += run_until_killed(submitter, rng.randint(1, 8))

    deliverer = [sys.executable, "-c", DELIVERER, str(path), receiver.url, SECRET]
    result = subprocess.run(deliverer, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "pending=0" in result.stdout and "failed=0" in result.stdout

    stored = sqlite3.connect(path)
    try:
        in_table = {ref for (ref,) in stored.execute("SELECT reference FROM outbox")}
    finally:
        stored.close()
    accepted = collections.Counter(f["reference"] for f in receiver.accepted.values())
    lost = set(confirmed) - set(accepted)
    duplicated = {ref: n for ref, n in accepted.items() if n > 1}
    assert (len(confirmed), lost, duplicated) == (len(set(confirmed)), set(), {})
    assert set(accepted) == in_table  # even those killed before their confirmation showed
    print(
        f"{ROUNDS} kills: {len(confirmed)} confirmed, {len(accepted)} accepted, "
        f"{len(receiver.attempts) - len(accepted)} resent and deduplicated, "
        f"{receiver.rejected} cut off mid-request"
    )
