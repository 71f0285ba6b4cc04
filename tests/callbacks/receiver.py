"""A real HTTP receiver on loopback that checks each delivery the way docs/callback-webhook.md
tells receivers to (its own example code, run as written, which verifies with the
`standardwebhooks` library itself), and deduplicates by webhook-id."""

from __future__ import annotations

import datetime
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import standardwebhooks.webhooks as library

DOC = Path(__file__).resolve().parents[2] / "docs" / "callback-webhook.md"
_LIBRARY_CLOCK = threading.Lock()  # one receiver at a time sets the library's idea of now


def doc_code() -> dict:
    """The docs' Python examples, executed in order: `verify_callback` (the library's check),
    `verify_callback_stdlib` (the standard library's), `Rejected`."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), flags=re.DOTALL)
    assert len(blocks) == 2, "the webhook page should hold two Python examples"
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)
    return namespace


def library_clock(clock: Callable[[], float]):
    """The library reads the wall clock itself; this makes its `now` the test's clock (its
    tolerance stays its own), so delivery tests on a fake clock verify for real."""

    class At(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime.fromtimestamp(clock(), tz)

    return mock.patch.object(library, "datetime", At)


class Receiver:
    """Accepts each webhook-id once; replays of a saved id get 200 and change nothing.
    Every request that arrives is kept in `requests` (headers, raw body), signed or not.

    `script` lists what to do with the next requests, one entry each: "500", "422",
    "429:120" (with Retry-After: 120), "hang" (save it, then answer only once `release`
    is set, after the kiosk has given up), "trickle" (save it, answer 200 and then send the
    body one byte every `trickle_seconds`) or "trickle-headers" (save it, then send the
    status line and headers that way). A trickle goes on until `release` is set or the kiosk
    hangs up. With an empty script every request is saved.
    """

    def __init__(self, secret: str, clock: Callable[[], float] = time.time) -> None:
        code = doc_code()
        self.verify, self.rejected_error = code["verify_callback"], code["Rejected"]
        self.secret, self.clock = secret, clock
        self.script: list[str] = []
        self.accepted: dict[str, dict] = {}  # webhook-id -> fields, in arrival order
        self.attempts: list[str] = []  # the id of every signed request that arrived
        self.requests: list[tuple[dict[str, str], bytes]] = []  # everything that arrived
        self.answers: list[int] = []  # the status of each verification failure
        self.rejected = 0
        self.lock = threading.Lock()
        self.saved = threading.Event()  # set whenever a new key is saved
        self.hanging = threading.Event()  # a "hang" request is being held
        self.release = threading.Event()
        self.trickle_seconds = 0.25
        self.port = 0
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/callbacks?token=abc"

    def start(self) -> None:
        """Listen (again, on the same port after a stop)."""
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), _handler(self))
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a killed client is normal
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop listening: connections are refused until start()."""
        assert self.server is not None and self.thread is not None
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
        self.server = None

    def handle(self, headers, body: bytes) -> tuple[int, dict[str, str]]:
        with self.lock:
            self.requests.append(({k.lower(): v for k, v in headers.items()}, body))
        try:
            with _LIBRARY_CLOCK, library_clock(self.clock):
                fields = self.verify(self.secret, headers, body)
        except self.rejected_error as error:
            with self.lock:
                self.rejected += 1
                self.answers.append(error.status)
            return error.status, {}
        key = fields["idempotency_key"]
        with self.lock:
            self.attempts.append(key)
            if key in self.accepted:
                return 200, {}  # a retry of something saved: the same answer, nothing new
            action = self.script.pop(0) if self.script else "save"
            if action in ("save", "hang", "trickle", "trickle-headers"):
                self.accepted[key] = fields
                self.saved.set()
        if action == "hang":
            self.hanging.set()
            self.release.wait(10)
            return 200, {}
        if action == "save":
            return 200, {}
        if action.startswith("trickle"):
            return 200, {"trickle": action}
        status, _, retry_after = action.partition(":")
        return int(status), ({"Retry-After": retry_after} if retry_after else {})


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            status, extra = receiver.handle(self.headers, body)
            if "trickle" in extra:
                trickle(
                    self.wfile,
                    receiver.release,
                    receiver.trickle_seconds,
                    headers_too=extra["trickle"] == "trickle-headers",
                )
                return
            try:
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the kiosk gave up waiting (or was killed)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def trickle(out, release: threading.Event, seconds: float, *, headers_too: bool = False) -> None:
    """Answer 200 and then send the rest (the body, or the headers too) a byte at a time,
    one every `seconds`, until `release` is set or the client hangs up."""
    head = b"HTTP/1.1 200 OK\r\n"
    rest = b"Content-Type: text/plain\r\nContent-Length: 65536\r\n\r\n"
    if not headers_too:
        head, rest = head + rest, b""
    rest += b"x" * 65536
    try:
        out.write(head)
        out.flush()
        for byte in rest:
            if release.wait(seconds):
                return
            out.write(bytes([byte]))
            out.flush()
    except OSError:
        pass  # the kiosk gave up: that is the point
