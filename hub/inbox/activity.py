"""Sessions end after HUB_SESSION_MINUTES without a page visit.

Every request but the count poll marks the session as touched, so Django re-sends it with a
fresh expiry; the poll (every 30 s from an open inbox) must not keep an unattended
screen signed in.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

POLL_PATHS = frozenset({"/count.json"})


class ActivityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info not in POLL_PATHS and not request.session.is_empty():
            request.session.modified = True
        return self.get_response(request)
