"""One HTTP POST to the receiver, and what its answer means for the request.

http.client rather than urllib: redirects are never followed (urllib would turn a redirected
POST into a GET without the body), and nothing else is needed. Answers are sorted into three
outcomes: DELIVERED (2xx), RETRY (408, 429, 5xx, timeouts, network and TLS errors) and FAILED
(every other status: the receiver refused this request, so trying again cannot help). The
outcome's detail is for staff and logs: a status code or an error kind, never a body.
"""

from __future__ import annotations

import http.client
import socket
import ssl
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

DELIVERED, RETRY, FAILED = "delivered", "retry", "failed"
RETRYABLE_STATUSES = frozenset({408, 429})
USER_AGENT = "clinic-kiosk-callbacks/1"


@dataclass(frozen=True)
class Outcome:
    kind: str  # DELIVERED, RETRY or FAILED
    detail: str  # "HTTP 503", "connection refused", ...
    retry_after: str | None = None  # the raw Retry-After header, if any


def outcome_for_status(status: int, retry_after: str | None = None) -> Outcome:
    detail = f"HTTP {status}"
    if 200 <= status < 300:
        return Outcome(DELIVERED, detail)
    if status in RETRYABLE_STATUSES or 500 <= status < 600:
        return Outcome(RETRY, detail, retry_after)
    return Outcome(FAILED, detail)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Outcome:
    """POST `body` to `url` once; never raises for network trouble, only returns RETRY."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=timeout, context=_tls_context()
        )
    else:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"User-Agent": USER_AGENT, **headers})
        response = conn.getresponse()
        response.read(64 * 1024)  # drained, never kept: it may echo what we sent
        return outcome_for_status(response.status, response.getheader("Retry-After"))
    except TimeoutError:
        return Outcome(RETRY, "timed out")
    except ConnectionRefusedError:
        return Outcome(RETRY, "connection refused")
    except ssl.SSLCertVerificationError:
        return Outcome(RETRY, "TLS certificate not trusted")
    except ssl.SSLError:
        return Outcome(RETRY, "TLS error")
    except socket.gaierror:
        return Outcome(RETRY, "host name not found")
    except (OSError, http.client.HTTPException) as error:
        return Outcome(RETRY, f"network error ({type(error).__name__})")
    finally:
        conn.close()


@cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()
