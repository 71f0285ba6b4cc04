"""A real static web host on loopback, serving a published repository, counting what it serves.

It is the plain `http.server`, as dumb as nginx or a bucket: it knows nothing of TUF.
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from tests.loopback import LoopbackServer


class _Handler(SimpleHTTPRequestHandler):
    server: RepoServer

    def do_GET(self) -> None:
        self.server.record(self.path)
        if self.server.trickle and self.path.endswith(self.server.trickle):
            self._trickle()
        else:
            super().do_GET()

    def _trickle(self) -> None:
        """Answer 200 with the right length, then one byte at a time, slowly, until hung up."""
        data = (Path(self.directory) / self.path.lstrip("/")).read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        for byte in data:
            if self.server.stopping.wait(self.server.trickle_gap):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return  # the kiosk hung up

    def log_message(self, format: str, *args: object) -> None:  # quiet, like a test should be
        pass


class RepoServer(LoopbackServer):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.requests: list[str] = []
        self.trickle: str | None = None  # paths ending so are sent a byte per trickle_gap
        self.trickle_gap = 0.2
        super().__init__(self._handler)

    def _handler(self, *args: object) -> _Handler:
        return functools.partial(_Handler, directory=str(self.folder))(*args)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def take_requests(self) -> list[str]:
        """The paths asked for since the last call, in order."""
        with self._lock:
            taken, self.requests = self.requests, []
        return taken

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a kiosk hanging up on an oversize file is expected here, not an error


def signed_targets(repo: Path, targets_version: int) -> dict:
    """Every TargetFile a published version signs: index.json in N.targets.json, the other
    files in the hash bins the snapshot of that version names."""
    from tuf.api.metadata import Metadata

    meta = repo / "metadata"
    top = Metadata.from_bytes((meta / f"{targets_version}.targets.json").read_bytes()).signed
    snapshots = sorted(meta.glob("*.snapshot.json"), key=lambda p: int(p.name.split(".")[0]))
    snapshot = next(
        s.signed
        for s in (Metadata.from_bytes(p.read_bytes()) for p in snapshots)
        if s.signed.meta["targets.json"].version == targets_version
    )
    files = dict(top.targets)
    for name in top.delegations.succinct_roles.get_roles():
        version = snapshot.meta[f"{name}.json"].version
        role = Metadata.from_bytes((meta / f"{version}.{name}.json").read_bytes()).signed
        files.update(role.targets)
    return files
