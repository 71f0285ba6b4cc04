"""Callback outbox speed: how long a submit takes to be durable, and delivery throughput.

Run with `.venv/bin/python benchmarks/callback_delivery.py`. Prints figures; asserts nothing.
- `validate_request` + `Outbox.submit` to durable return (WAL, synchronous=FULL: one fsync
  per request), median, p95 and max over BENCH_SUBMITS requests. The UI's "Send" to
  confirmation must stay under 50 ms, and this is nearly all of it.
- Delivery of a backlog of BENCH_BACKLOG queued requests to a receiver on loopback (its own
  process) that checks every signature, in one pass of the worker: requests per second.
  Each delivery is one POST on a fresh connection plus one fsynced commit that marks it
  delivered and erases its personal fields.
The files go in a temporary folder under BENCH_DIR (default: the system's temp folder);
point it at the kiosk's real disk, since fsync on tmpfs costs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from kiosk.callbacks.delivery import DeliveryWorker
from kiosk.callbacks.outbox import Outbox
from kiosk.callbacks.request import validate_request

SUBMITS = int(os.environ.get("BENCH_SUBMITS", "300"))
BACKLOG = int(os.environ.get("BENCH_BACKLOG", "1000"))
SECRET = "whsec_YmVuY2gtc2VjcmV0LW5vdC1mb3ItdXNl"  # "bench-secret-not-for-use"
KEY = base64.b64decode(SECRET.removeprefix("whsec_"))


class Receiver(BaseHTTPRequestHandler):
    """Checks the signature and answers 200; counts what it accepted."""

    accepted: ClassVar[set[str]] = set()
    lock = threading.Lock()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        message_id = self.headers["webhook-id"]  # Standard Webhooks, as in the docs
        signed = f"{message_id}.{self.headers['webhook-timestamp']}.".encode() + body
        digest = hmac.new(KEY, signed, hashlib.sha256).digest()
        expected = "v1," + base64.b64encode(digest).decode()
        ok = hmac.compare_digest(expected, self.headers["webhook-signature"])
        if ok:
            with self.lock:
                self.accepted.add(message_id)
        self.send_response(200 if ok else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        body = str(len(self.accepted)).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def filesystem(path: Path) -> str:
    """The mount's type (ext4, tmpfs...) from /proc/mounts, where there is one."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    best = max((m for m in mounts if str(path).startswith(m[1])), key=lambda m: len(m[1]))
    return best[2]


def submit_times(folder: Path) -> list[float]:
    """Milliseconds per validate + submit, each one committed and fsynced."""
    outbox = Outbox(folder / "submit.db")
    times = []
    try:
        for _ in range(SUBMITS):
            start = time.perf_counter()
            request = validate_request("Test Patient", "202-555-0123", "any", "en", "", True)
            outbox.submit(request, "bench")
            times.append((time.perf_counter() - start) * 1000)
    finally:
        outbox.close()
    return times


def serve() -> None:
    """The receiver, in its own process (as it would be): prints its port, serves until killed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def delivery_rate(folder: Path) -> tuple[float, int]:
    """Requests per second for one pass over a backlog, and how many the receiver accepted."""
    path = folder / "backlog.db"
    outbox = Outbox(path)
    request = validate_request("Test Patient", "202-555-0123", "any", "en", "", True)
    for _ in range(BACKLOG):
        outbox.submit(request, "bench")
    outbox.close()
    receiver = subprocess.Popen([sys.executable, __file__, "--serve"], stdout=subprocess.PIPE)
    try:
        port = int(receiver.stdout.readline())
        endpoint = f"http://127.0.0.1:{port}/callbacks"
        worker = DeliveryWorker(path, endpoint, SECRET, "bench", 14)
        start = time.perf_counter()
        result = worker.deliver_due()
        elapsed = time.perf_counter() - start
        worker.stop()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accepted") as response:
            accepted = int(response.read())
    finally:
        receiver.terminate()
        receiver.wait()
        receiver.stdout.close()
    assert result.delivered == BACKLOG, result
    return BACKLOG / elapsed, accepted


def main() -> None:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as name:
        folder = Path(name)
        print(f"files in {folder} ({filesystem(folder)})")
        times = sorted(submit_times(folder))
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"validate + submit to durable return ({SUBMITS} requests): median "
            f"{statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms"
        )
        rate, accepted = delivery_rate(folder)
        print(
            f"delivery of a {BACKLOG}-request backlog to a loopback receiver: "
            f"{rate:.0f} requests/s ({BACKLOG / rate:.2f} s in all, {accepted} accepted)"
        )


if __name__ == "__main__":
    serve() if sys.argv[1:] == ["--serve"] else main()
