"""A stand-in for ClinicalTrials.gov's /api/v2/studies on loopback, serving pages the tests make.

It answers the way the real API does (a JSON page of `studies`, a `nextPageToken` while more
are left), keeps every query it was asked, and can be told to answer a few requests with a
status first (429 with Retry-After, 503, 400) or to hold a request without answering.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.loopback import LoopbackServer


def study(
    number: int,
    *,
    title: str = "",
    phases: tuple[str, ...] = ("PHASE2",),
    interventions: tuple[str, ...] = ("Test Drug A",),
    criteria: str = "You are 18 or older.\nYou have not had this drug before.",
    sex: str = "ALL",
    min_age: str | None = "18 Years",
    max_age: str | None = None,
    sites: tuple[tuple[str, float, float], ...] = (("Test Cancer Center", 39.0, -77.1),),
) -> dict[str, Any]:
    """One study as the API returns it (only the fields the kiosk asks for)."""
    eligibility: dict[str, Any] = {"eligibilityCriteria": criteria, "sex": sex}
    if min_age:
        eligibility["minimumAge"] = min_age
    if max_age:
        eligibility["maximumAge"] = max_age
    return {
        "protocolSection": {
            "identificationModule": {
                "nctId": f"NCT{number:08d}",
                "briefTitle": title or f"A study of test drug {number}",
            },
            "designModule": {"phases": list(phases)},
            "armsInterventionsModule": {
                "interventions": [{"type": "DRUG", "name": name} for name in interventions]
            },
            "eligibilityModule": eligibility,
            "contactsLocationsModule": {
                "locations": [
                    {
                        "facility": name,
                        "city": "Testville",
                        "state": "Maryland",
                        "country": "United States",
                        "status": "RECRUITING",
                        "geoPoint": {"lat": lat, "lon": lon},
                    }
                    for name, lat, lon in sites
                ]
            },
        }
    }


class _Handler(BaseHTTPRequestHandler):
    server: TrialsApi

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.server.record(parts.path, query)
        if self.server.hold.is_set():
            self.server.stopping.wait(30)
            return
        scripted = self.server.next_scripted()
        if scripted is not None:
            status, headers, body = scripted
            self._answer(status, body, headers)
            return
        if parts.path != "/api/v2/studies":
            self._answer(404, b"Not found")
            return
        studies = self.server.studies.get(query.get("query.cond", ""), [])
        size = int(query.get("pageSize", "10"))
        start = int(query.get("pageToken", "0") or 0)
        page: dict[str, Any] = {"studies": studies[start : start + size]}
        if start + size < len(studies):
            page["nextPageToken"] = str(start + size)
        self._answer(200, json.dumps(page).encode(), {"Content-Type": "application/json"})

    def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class TrialsApi(LoopbackServer):
    def __init__(self) -> None:
        self.studies: dict[str, list[dict[str, Any]]] = {}  # by query.cond
        self.queries: list[tuple[str, dict[str, str]]] = []
        self.scripted: list[tuple[int, dict[str, str], bytes]] = []
        self.hold = threading.Event()
        super().__init__(_Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/v2"

    def record(self, path: str, query: dict[str, str]) -> None:
        with self._lock:
            self.queries.append((path, query))

    def next_scripted(self) -> tuple[int, dict[str, str], bytes] | None:
        with self._lock:
            return self.scripted.pop(0) if self.scripted else None
