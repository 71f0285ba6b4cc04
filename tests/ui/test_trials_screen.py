"""A patient finds clinical trials near the clinic, filters them, reads each in plain words,
and asks a specialist about one; a list past its age says so."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.source.loader import load_content
from kiosk.content.updates.first_start import open_store
from kiosk.navigation import CALLBACK, TRIALS
from tests.trials.samples import HARD_RULES, PLAIN_RULES, sample_list
from tests.ui.patient import find, tap, visible_text


def with_trials(store, trials) -> None:
    bundle = load_content(default_content_dir())
    store.replace(dataclasses.replace(bundle, trials=trials), origin="test")


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "data", default_content_dir())
    with_trials(opened, sample_list())
    yield opened
    opened.close()


def open_trials(qtbot, window) -> None:
    window.navigator.home()
    tap(qtbot, window, "Clinical trials near this clinic")
    assert window.current_screen_name() == TRIALS


def test_home_offers_trials_only_when_the_content_has_a_list(qtbot, kiosk_window, store):
    open_trials(qtbot, kiosk_window)
    text = visible_text(kiosk_window)
    assert "3 trials found" in text
    store.replace(load_content(default_content_dir()), origin="test")  # a version without one
    kiosk_window.navigator.home()
    assert "Clinical trials near this clinic" not in visible_text(kiosk_window)


def test_each_trial_reads_in_plain_words(qtbot, kiosk_window):
    open_trials(qtbot, kiosk_window)
    text = visible_text(kiosk_window)
    assert "What is tested: Test cell therapy, Test antibody" in text
    assert (
        "Phase 1 and 2: first a safe dose is found, then doctors see if the treatment works."
        in text
    )
    assert "Who may join: women only, ages 18 to 75." in text
    assert "Who may join: women and men, age 18 or older." in text
    assert "Nearest site: Test Cancer Center, Testville, Maryland, about 5.2 miles away." in text
    assert "Nearest site: ask your care team where this trial takes place." in text
    assert PLAIN_RULES in text  # graded at grade 6: shown as it is
    assert HARD_RULES not in text  # graded above 8: left out, and the screen says so
    assert "so it is not shown here. Your care team can go through it with you." in text
    assert "List updated" in text and "may be out of date" not in text


def test_filters_by_cancer_and_phase(qtbot, kiosk_window):
    open_trials(qtbot, kiosk_window)
    tap(qtbot, kiosk_window, "Leukemia")
    text = visible_text(kiosk_window)
    assert "1 trial found" in text and "test medicine 2" in text and "test medicine 1 " not in text
    tap(qtbot, kiosk_window, "Phase 3")
    assert "No trials match these choices" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "All types")
    text = visible_text(kiosk_window)
    assert "1 trial found" in text and "test medicine 3" in text
    assert find(kiosk_window, "Phase 3").isChecked()


def test_in_spanish_the_registrys_english_is_never_shown(qtbot, kiosk_window):
    open_trials(qtbot, kiosk_window)
    kiosk_window.session.set_language("es")
    text = visible_text(kiosk_window)
    assert "Ensayos clínicos cerca de esta clínica" in text
    assert PLAIN_RULES not in text and HARD_RULES not in text
    assert "Fase 2:" in text


def test_a_list_past_its_age_says_it_may_be_out_of_date(qtbot, kiosk_window, store):
    old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=45)
    with_trials(store, sample_list(old.replace(microsecond=0)))
    open_trials(qtbot, kiosk_window)
    assert "This list is 45 days old and may be out of date." in visible_text(kiosk_window)


def test_asking_about_a_trial_sends_its_number_and_title(qtbot, kiosk_window, callbacks, config):
    open_trials(qtbot, kiosk_window)
    tap(qtbot, kiosk_window, "Ask a specialist about this trial (NCT00000002)")
    assert kiosk_window.current_screen_name() == CALLBACK
    title = sample_list().trials[1].title
    assert "The clinical trial NCT00000002" in visible_text(kiosk_window)
    find(kiosk_window, "First name").setText("Test")
    find(kiosk_window, "Phone number").setText("202-555-0123")
    tap(qtbot, kiosk_window, "A specialist may call me at this number")
    tap(qtbot, kiosk_window, "Send request")
    (queued,) = callbacks.outbox.due(now=9e12)
    assert (queued.request.trial_id, queued.request.trial_title) == ("NCT00000002", title)
    assert queued.request.topic == ""


def test_the_keypad_reaches_the_filters_and_the_ask_buttons(qtbot, kiosk_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    open_trials(qtbot, kiosk_window)
    seen = set()
    for _ in range(60):
        qtbot.keyClick(kiosk_window, Qt.Key.Key_Down)
        focused = QApplication.focusWidget()
        if focused is not None:
            seen.add(focused.accessibleName())
    assert {"Leukemia", "Phase 3", "Ask a specialist about this trial (NCT00000003)"} <= seen
    while QApplication.focusWidget().accessibleName() != "Myeloma":
        qtbot.keyClick(kiosk_window, Qt.Key.Key_Up)
    qtbot.keyClick(kiosk_window, Qt.Key.Key_Return)
    assert "1 trial found" in visible_text(kiosk_window)


def test_each_trial_offers_its_public_page_as_a_code_to_take_home(qtbot, kiosk_window):
    open_trials(qtbot, kiosk_window)
    for number in (1, 2, 3):
        page = f"https://clinicaltrials.gov/study/NCT{number:08d}"
        code = find(kiosk_window, f"QR code for {page}")
        assert code.pixmap().width() >= 240  # scans from a phone at arm's length
    assert "Take it home" in visible_text(kiosk_window)


def test_search_finds_a_trial_and_a_tap_shows_it_first(qtbot, kiosk_window):
    from tests.ui.test_search import type_on_keyboard

    kiosk_window.navigator.home()
    tap(qtbot, kiosk_window, "Search")
    type_on_keyboard(qtbot, kiosk_window, "medicine")  # the letters keyboard has no digits
    assert "Clinical trial NCT00000003" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "A study of test medicine 3 for people whose cancer came back")
    assert kiosk_window.current_screen_name() == TRIALS
    cards = [c for c in kiosk_window.current_screen()._card_widgets if c.isVisible()]
    assert cards[0].trial.nct_id == "NCT00000003"  # the one tapped, first
