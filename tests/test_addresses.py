"""One rule for every address the kiosk sends to: https://, or http:// to this machine only."""

from __future__ import annotations

import re

import pytest

from kiosk.callbacks.endpoint import endpoint_problem
from kiosk.content.updates.settings import SyncConfigError, check_repository_url
from kiosk.health.heartbeat import check_endpoint
from kiosk.net.addresses import address_problem


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://hub.clinic.example/callbacks", ""),
        ("http://127.0.0.1:8000/", ""),
        ("http://[::1]:8000/", ""),
        ("http://localhost/", ""),
        ("http://hub.clinic.example/", "must use https:// (http:// only for this machine)"),
        ("ftp://hub.clinic.example/", "must be an https:// address"),
        ("https://hub.clinic.example:port/", "is not a valid address"),
        ("https:///no-host", "must be an https:// address"),
    ],
)
def test_every_address_setting_is_checked_by_the_same_rule(url, problem):
    expected = f"callbacks.endpoint {problem}" if problem else ""
    assert endpoint_problem(url) == expected == address_problem("callbacks.endpoint", url)
    if problem:
        with pytest.raises(ValueError, match=re.escape(f"status.endpoint {problem}")):
            check_endpoint(url)
        with pytest.raises(SyncConfigError, match=re.escape(f"sync.repository_url {problem}")):
            check_repository_url(url)
    else:
        assert check_endpoint(url) == url == check_repository_url(url)
