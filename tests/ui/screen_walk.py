"""Walk every screen of a full-screen kiosk, in both languages at 100 % and 200 % text, in the
standard and the high-contrast theme, and report what is broken on each (tests/ui/layout.py),
optionally saving a picture of each.

It needs a screen of the kiosk's shape, which Qt's offscreen platform reads from a file, so
it runs in a process of its own:

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.ui.screen_walk OUT.json

tests/ui/test_screen_shapes.py runs it for each shape; `--shots DIR` saves the PNGs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import build_window, present
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import TEXT_SIZES, Config
from kiosk.content.updates.first_start import open_store
from kiosk.navigation import CALLBACK, SECTION, TOPIC, TRIALS, Place
from kiosk.staff import modes
from kiosk.ui.window import KioskWindow
from tests.ui.layout import layout_problems
from tests.ui.patient import find

PIN = "4829"
# Delivery is configured (so the form is offered) but never started: nothing is sent.
CONFIG = {
    "callbacks.endpoint": "https://hub.invalid/callbacks",
    "callbacks.secret": "whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
}
# Qt's mock speech engine: Read aloud and the volume buttons show, as with a real one.
CONFIG["speech.engine"] = "mock"
# A made-up clinic's name and logo, as a clinic brands its kiosk.
CONFIG["clinic.name"] = "Riverside Blood Cancer Centre"
CONFIG["clinic.logo"] = str(
    Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "example-clinic-logo.svg"
)
# A printer, so topics offer Print this card (the walk never taps it: nothing is written).
CONFIG["printing.printer"] = str(Path(tempfile.gettempdir()) / "kiosk-walk-card.pdf")


def settle() -> None:
    """Let layout requests and re-flows run until the screen stops changing."""
    for _ in range(4):
        QApplication.processEvents()


def tap(window: KioskWindow, context: str, words: str) -> None:
    """Tap the control named `words` as it reads in the language showing (via its .ts)."""
    settle()
    control = find(window, QCoreApplication.translate(context, words))
    QTest.mouseClick(control, Qt.MouseButton.LeftButton, pos=control.rect().center())
    settle()


def type_into(window: KioskWindow, context: str, field: str, text: str) -> None:
    widget = find(window, QCoreApplication.translate(context, field))
    widget.setFocus()
    QTest.keyClicks(widget, text)


def wait_for(condition: Callable[[], bool], what: str, timeout_ms: int = 10_000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            raise RuntimeError(f"waited {timeout_ms} ms for {what}")
        QTest.qWait(10)


def ask_if_still_there(window: KioskWindow) -> None:
    """Let the idle timer run out now, as if nobody had touched the screen for a while."""
    timer = window.idle.idle_timer
    interval = timer.interval()
    timer.setInterval(1)
    window.idle.poke()
    wait_for(window.notice.isVisible, "the idle notice to open")
    timer.setInterval(interval)


def screens(window: KioskWindow, desk: CallbackDesk) -> Iterator[str]:
    """Show each screen in turn, yielding its name once it is laid out."""
    store, language, go = window.store, window.session.language, window.navigator.go
    window.navigator.to_attract()
    attract = window.screen("attract")
    attract.fade_in.setCurrentTime(attract.fade_in.duration())  # the highlight fully shown
    yield "attract"
    window.navigator.home()
    yield "home"
    tap(window, "NavBar", "Text and colors")
    yield "home-text-and-colors"
    tap(window, "NavBar", "Text and colors")
    tap(window, "NavBar", "Search")
    type_into(window, "SearchScreen", "Search words", "inmuno" if language == "es" else "immune")
    yield "search-results"
    type_into(window, "SearchScreen", "Search words", "zzq")
    yield "search-nothing-found"
    window.navigator.home()
    for section in store.sections(language):
        go(Place(SECTION, section.id))
        yield f"section-{section.id}"
    longest = max(
        store.all_cards(language), key=lambda card: len(store.card(card.id, language).body_text)
    )
    go(Place(TOPIC, longest.id))
    yield "topic-long"
    tap(window, "NavBar", "Text and colors")
    yield "topic-text-and-colors"
    tap(window, "NavBar", "Text and colors")
    tap(window, "ReadAloudBar", "Read aloud")
    wait_for(lambda: window.speech.state == "speaking", "the card to be read aloud")
    tap(window, "ReadAloudBar", "Pause")
    wait_for(lambda: window.speech.state == "paused", "reading aloud to pause")
    yield "topic-read-aloud-paused"
    window.speech.stop()
    go(Place(TRIALS))
    yield "trials"
    go(Place(CALLBACK, "trial:NCT00000002"))
    yield "form-about-a-trial"
    go(Place(TOPIC, "what-is-immunotherapy"))
    topic = window.current_screen()
    settle()
    topic.scroll.ensureWidgetVisible(topic.take_home, 0, 0)
    yield "topic-take-home"
    topic.define("antigen")
    yield "definition"
    topic.close_definition()
    # A kiosk that cannot send requests (here: as if its region check had failed) says what
    # the clinic offers instead.
    desk.problem = "the walk's pretend problem"
    window.navigator.home()
    yield "home-no-callbacks"
    go(Place(TOPIC, longest.id))
    yield "topic-no-callbacks"
    desk.problem = ""
    go(Place(CALLBACK, longest.id))
    yield "form-keyboard"
    tap(window, "CallbackForm", "Change topic")
    yield "topic-picker"
    window.navigator.home()
    go(Place(CALLBACK))
    settle()
    type_into(window, "CallbackForm", "First name", "Test")
    type_into(window, "CallbackForm", "Phone number", "2025550123")
    tap(window, "CallbackForm", "A specialist may call me at this number")
    tap(window, "CallbackScreen", "Send request")
    yield "confirmation"
    window.navigator.home()
    ask_if_still_there(window)
    yield "idle-notice"
    tap(window, "IdleNotice", "Yes, I am still here")
    window.staff.open_pad()
    yield "pin-pad"
    window.staff.check("0000")  # a wrong PIN: the pad says so
    yield "pin-pad-wrong"
    window.staff.check(PIN)
    yield "staff-panel"
    window.staff.close_all()
    window.apply_mode(modes.SIGNAGE)
    QTest.mouseClick(window.current_screen(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    yield "signage"
    window.apply_mode(modes.OUT_OF_SERVICE)
    yield "out-of-service"
    window.apply_mode(modes.PATIENT)
    window.navigator.home()


# A line of reading text holds 45 to 75 characters (at 100 %; larger text has fewer, until
# the screen's edge, but never more than 75).
MEASURE = (45, 75)


def line_lengths(window: KioskWindow) -> list[int]:
    """How many characters each full line of the card on screen holds (a paragraph's last,
    short line left out)."""
    document = window.current_screen().body.document()
    lengths = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        lengths += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    return lengths


MEASURED: dict[str, int] = {}  # the median line of each card measured, for the report


def measure_problems(window: KioskWindow, size: int, label: str) -> list[str]:
    lengths = sorted(line_lengths(window))
    if not lengths:
        return ["the card shows no full line to measure"]
    median = MEASURED[label] = lengths[len(lengths) // 2]
    least = MEASURE[0] if size == TEXT_SIZES[0] else 1
    if not least <= median <= MEASURE[1]:
        return [f"the card's lines hold {median} characters, not {least} to {MEASURE[1]}"]
    return []


def walk(
    window: KioskWindow, desk: CallbackDesk, shots: Path | None, shape: str
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    heights: dict[str, int] = {}
    session = window.session

    def look(label: str) -> None:
        body = getattr(window.current_screen(), "body", None)
        if body is not None:  # a card's pictures decode off the UI thread: show them decoded
            wait_for(lambda: not body.decoding, "the card's pictures")
        settle()
        found[label] = layout_problems(window)
        heights[label] = window.nav_bar.height()
        if shots is not None:
            window.grab().save(str(shots / f"{shape}-{label}.png"))

    for contrast in (False, True):
        for size in (TEXT_SIZES[0], TEXT_SIZES[-1]):
            for language in ("en", "es"):
                session.set_language(language)
                session.set_text_size(size)
                session.set_high_contrast(contrast)
                theme = "contrast-" if contrast else ""
                for name in screens(window, desk):
                    look(f"{theme}{language}-{size}-{name}")
                    if name == "topic-long":
                        label = f"{theme}{language}-{size}-{name}"
                        found[label] += measure_problems(window, size, label)
    session.set_high_contrast(False)
    # The next patient after a visit at 200 %: everything back at its normal size.
    session.reset()
    attract = window.screen("attract")
    attract.fade_in.setCurrentTime(attract.fade_in.duration())
    look("after-reset-attract")
    window.navigator.home()
    look("after-reset-home")
    if heights["after-reset-home"] != heights["en-100-home"]:
        found["after-reset-home"].append(
            f"the bar is {heights['after-reset-home']} px high, {heights['en-100-home']} before"
        )
    return found


def with_trials(store) -> None:
    """The embedded content with the tests' made-up trials list (no real study is named)."""
    import dataclasses

    from kiosk.content.source.loader import load_content
    from tests.trials.samples import sample_list, sample_trial

    many = tuple(sample_trial(n, phase=("1", "2", "3")[n % 3]) for n in range(4, 30))
    trials = sample_list()
    trials = dataclasses.replace(trials, trials=trials.trials + many)
    bundle = dataclasses.replace(load_content(default_content_dir()), trials=trials)
    store.replace(bundle, origin="screen walk")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the problems found, as JSON")
    parser.add_argument("--shots", type=Path, help="save a PNG of every screen here")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = Path(tempfile.mkdtemp(prefix="screen-walk-"))
    try:
        config = Config().replace(**{k.replace(".", "__"): v for k, v in CONFIG.items()})
        store = open_store(data / "data", default_content_dir())
        with_trials(store)
        callbacks = CallbackDesk(config, data)
        window = build_window(app, config, data, store, callbacks)
        window.services.staff.set_pin(PIN)
        present(window, app, fullscreen=True)
        QTest.qWaitForWindowExposed(window)
        window.speech.start()
        wait_for(lambda: window.speech.available, "read aloud to be ready")
        geometry = app.primaryScreen().geometry()
        shape = f"{geometry.width()}x{geometry.height()}"
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        found = walk(window, callbacks, args.shots, shape)
        args.out.write_text(
            json.dumps({"shape": shape, "problems": found, "line_characters": MEASURED}, indent=1)
        )
        window.detach()
        window.speech.shutdown()
        window.services.staff.close()
        callbacks.close()
        store.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
