"""A test's HTTP server on this machine's loopback, serving from a thread of its own.

`with Server(...) as server:` starts it and, on the way out, tells slow answers to stop
(`stopping`), shuts it down and waits for its thread, so no test leaves a server behind.
"""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from typing import Any, Self


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler: Any) -> None:
        self.stopping = threading.Event()  # a trickling answer checks it to give up
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join()
