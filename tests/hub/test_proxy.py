"""Sign-in lockout by the client's address behind the clinic's proxy (HUB_PROXY_COUNT)."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from hub.proxy import client_address
from tests.hub.conftest import PASSWORD, person


def address(settings, hops: int, forwarded: str | None, remote: str = "10.0.0.2") -> str | None:
    settings.HUB_PROXY_COUNT = hops
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy configured: the header is not trusted
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left one the client made up
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # shorter than the proxies: not through them
        (1, "not-an-address", "10.0.0.2"),
        (1, None, "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_address_the_clinics_proxies_wrote(settings, hops, forwarded, expected):
    assert address(settings, hops, forwarded) == expected


def sign_in(client: Client, password: str, forwarded: str):
    return client.post(
        "/sign-in/",
        {"username": "specialist", "password": password},
        HTTP_X_FORWARDED_FOR=forwarded,
        REMOTE_ADDR="127.0.0.1",  # every request comes from the proxy
    )


def test_behind_the_proxy_a_lockout_holds_the_guessers_address_only(db, settings):
    settings.HUB_PROXY_COUNT = 1
    person("specialist", "Specialists")
    guesser, colleague = Client(), Client()
    for _ in range(5):
        sign_in(guesser, "wrong", "198.51.100.7")
    assert sign_in(guesser, PASSWORD, "198.51.100.7").status_code in {403, 429}
    assert sign_in(colleague, PASSWORD, "203.0.113.20").url == "/start/"
