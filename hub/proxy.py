"""The client's address behind the clinic's proxy, for django-axes' sign-in lockout.

Behind a proxy every request comes from the proxy's address, so a lockout by address would
lock out everyone at once, or nobody. With HUB_PROXY_COUNT = N (the proxies in front of
gunicorn that each append the address they saw to X-Forwarded-For), the client is the N-th
address from the right: what the clinic's own proxies wrote. Anything further left came
from the client and could be made up, so it is never used. With 0 (the default), or a
header shorter than N (not through the proxies), the address is REMOTE_ADDR.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    hops = settings.HUB_PROXY_COUNT
    if hops <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [part.strip() for part in header.split(",") if part.strip()]
    if len(chain) < hops:
        return remote
    candidate = chain[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy that writes something else: do not trust it
        return remote
