"""Uptime from flips: each change counts, time before a kiosk's first flip does not."""

from __future__ import annotations

import datetime

import pytest

from hub.fleet.uptime import uptime

T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def at(hours: float) -> datetime.datetime:
    return T0 + datetime.timedelta(hours=hours)


def test_never_seen_is_unknown():
    assert uptime([], at(0), at(10)) is None


def test_online_since_installed_mid_window_is_all_up():
    assert uptime([(at(5), True)], at(0), at(10)) == 1.0


def test_an_outage_counts_from_flip_to_flip():
    flips = [(at(0.5), True), (at(4.5), False), (at(6.5), True)]
    assert uptime(flips, at(0.5), at(10.5)) == pytest.approx(0.8)


def test_the_state_before_the_window_carries_in():
    assert uptime([(at(5), True)], at(0), at(10), state_before=False) == pytest.approx(0.5)
    assert uptime([], at(0), at(10), state_before=False) == 0.0


def test_flips_outside_the_window_are_ignored():
    flips = [(at(-3), False), (at(2), True), (at(12), False)]
    assert uptime(flips, at(0), at(10)) == pytest.approx(0.8)
