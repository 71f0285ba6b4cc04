"""The Qt-free models behind the screens: a visit's choices, its reset, and the way back."""

from __future__ import annotations

import pytest

from kiosk.navigation import ATTRACT, HOME, SECTION, TOPIC, Navigator, Place
from kiosk.session import Session


def test_text_size_moves_in_steps_and_stops_at_the_ends():
    session = Session()
    assert not session.can_shrink
    for _ in range(5):
        session.larger_text()
    assert session.text_size == 200 and not session.can_enlarge
    session.smaller_text()
    assert session.text_size == 160


def test_reset_wipes_first_then_restores_defaults_and_says_so():
    session = Session("es", 130)
    session.set_language("en")
    session.set_text_size(200)
    heard = []
    session.reset_requested.connect(lambda: heard.append(("wipe", session.language)))
    session.changed.connect(lambda what: heard.append((what, session.language)))
    session.reset()
    assert heard == [("wipe", "en"), ("language", "es"), ("text_size", "es")]
    assert (session.language, session.text_size) == ("es", 130)


def test_unknown_choices_are_refused():
    with pytest.raises(ValueError):
        Session().set_language("fr")
    with pytest.raises(ValueError):
        Session(default_text_size=120)


def test_history_goes_back_and_home_clears_it():
    navigator = Navigator()
    moves = []
    navigator.moved.connect(moves.append)
    assert navigator.current == Place(ATTRACT) and not navigator.can_go_back
    navigator.home()
    navigator.go(Place(SECTION, "basics"))
    navigator.go(Place(TOPIC, "a"))
    navigator.go(Place(TOPIC, "a"))  # tapping the same place twice adds nothing
    navigator.go(Place(TOPIC, "b"))
    navigator.back()
    assert navigator.current == Place(TOPIC, "a")
    navigator.home()
    assert navigator.current == Place(HOME) and not navigator.can_go_back
    navigator.back()
    assert navigator.current == Place(HOME)
    assert len(moves) == 6


def test_reset_sets_every_default_before_the_first_change_is_heard():
    session = Session("en", 100, False)
    session.set_text_size(200)
    session.set_high_contrast(True)
    seen = []
    session.changed.connect(
        lambda what: seen.append((what, session.text_size, session.high_contrast))
    )
    session.reset()
    assert seen == [("text_size", 100, False), ("high_contrast", 100, False)]


def test_each_mode_shows_its_screen():
    from kiosk.staff.modes import OUT_OF_SERVICE, PATIENT, SIGNAGE, screen_for_mode

    assert screen_for_mode(OUT_OF_SERVICE, "topic") == "resting"
    assert screen_for_mode(SIGNAGE, "home") == "attract"
    assert screen_for_mode(PATIENT, "resting") == "attract"
    assert screen_for_mode(PATIENT, "topic") is None
