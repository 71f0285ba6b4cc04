"""Why a network exchange got no answer, as a code: the one list for every outbound flow.

Content sync (kiosk/content/updates/outcome.py), callbacks and the heartbeat
(kiosk/net/transport.py) all name the cause of a failure with these codes, so each face
(the staff panel through Qt's translations, `kiosk status` in English) words it once.
"""

from __future__ import annotations

import enum


class Cause(enum.StrEnum):
    """What went wrong under a download that never got an answer."""

    CONNECTION_REFUSED = "connection_refused"
    HOST_NOT_FOUND = "host_not_found"
    TLS_UNTRUSTED = "tls_untrusted"
    TLS_ERROR = "tls_error"
    TIMED_OUT = "timed_out"
    CONNECTION_LOST = "connection_lost"
    SYSTEM = "system"  # cause_detail: the system's own words (strerror)
    OTHER = "other"  # cause_detail: the error's type


CAUSE_ENGLISH = {
    Cause.CONNECTION_REFUSED: "connection refused",
    Cause.HOST_NOT_FOUND: "host name not found",
    Cause.TLS_UNTRUSTED: "TLS certificate not trusted",
    Cause.TLS_ERROR: "TLS error",
    Cause.TIMED_OUT: "timed out",
    Cause.CONNECTION_LOST: "connection lost",
    Cause.SYSTEM: "{cause_detail}",
    Cause.OTHER: "{cause_detail}",
}


def network_cause(error: BaseException) -> tuple[Cause, str] | None:
    """What went wrong under a failed download: the deepest cause that says it.

    python-tuf wraps urllib3, which wraps the socket's own error (a refused connection is a
    NewConnectionError in a MaxRetryError in a SlowRetrievalError); only the socket's counts.
    """
    chain: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    for cause in reversed(chain):
        found = socket_cause(cause)
        if found:
            return found
    deepest = chain[-1]
    return (Cause.OTHER, type(deepest).__name__) if deepest is not error else None


def socket_cause(error: BaseException) -> tuple[Cause, str] | None:
    import socket
    import ssl

    if isinstance(error, ConnectionRefusedError):
        return Cause.CONNECTION_REFUSED, ""
    if isinstance(error, socket.gaierror):
        return Cause.HOST_NOT_FOUND, ""
    if isinstance(error, ssl.SSLCertVerificationError):
        return Cause.TLS_UNTRUSTED, ""
    if isinstance(error, ssl.SSLError):
        return Cause.TLS_ERROR, ""
    if isinstance(error, TimeoutError):
        return Cause.TIMED_OUT, ""
    if isinstance(error, ConnectionError):
        return Cause.CONNECTION_LOST, ""
    if isinstance(error, OSError) and error.strerror:
        return Cause.SYSTEM, error.strerror.lower()
    return None
