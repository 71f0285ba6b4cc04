"""The kiosk's one window: the top bar, the screens, and the idle notice over them.

It wires the Qt-free models (session, navigator, store) to the screens: a move of the
navigator shows a screen, a change of the session re-shows it in the new language or
size, and the idle reset sends everything back to the attract loop.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.navigation import ATTRACT, HOME, RESTING, SEARCH, TOPIC, Place
from kiosk.staff import modes
from kiosk.staff.state import StaffDefaults
from kiosk.ui.idle import IdleMonitor
from kiosk.ui.input_router import InputRouter
from kiosk.ui.keypad import KeypadNavigator
from kiosk.ui.lockdown import LockDown
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.services import Services, WindowSettings
from kiosk.ui.staff_access import StaffAccess
from kiosk.ui.styling import SheetKeeper
from kiosk.ui.widgets.idle_notice import IdleNotice
from kiosk.ui.widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from kiosk.ui.screens.attract import AttractScreen

# Screens other than home, imported when first built or by `import_screens` after the first
# frame, so that start-up imports only what home needs.
LATER_SCREENS = ("attract", "section", "topic", "callback", "resting", "trials", "search")


def screen_class(name: str) -> type[QWidget]:
    """The class of screen `name`: "topic" is TopicScreen in kiosk/ui/screens/topic.py."""
    return getattr(importlib.import_module(f"kiosk.ui.screens.{name}"), f"{name.title()}Screen")


def import_screens() -> None:
    """Import every screen's module now, so the first visit to each does not wait for it."""
    for name in LATER_SCREENS:
        screen_class(name)


class KioskWindow(QWidget):
    first_frame_painted = Signal()
    content_changed = Signal()  # new content is in the store (emitted from the sync thread)
    content_shown = Signal()  # the store's content is on screen: at the first frame, after news

    def __init__(
        self, settings: WindowSettings, services: Services, *, locked: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # holds focus until a key moves it
        self.setWindowTitle("Clinic kiosk")
        self.services = services
        store, session, navigator = services.store, services.session, services.navigator
        self.store, self.session, self.navigator = store, session, navigator
        self.theme, self.translations = services.theme, services.translations
        self.speech = services.speech
        self.sheets = SheetKeeper(self)  # each part's stylesheet: the shown ones kept current
        self._sheet_texts: dict[tuple[int, bool], str] = {}
        self._background = QColor(self.theme.palette(session.high_contrast)["background"])
        self.nav_bar = NavBar(session, self.speech)
        # Screens are built the first time they are needed, so start-up pays only for home.
        slide_ms = settings.slide_ms
        self.factories: dict[str, Callable[[], QWidget]] = {
            "attract": lambda: self._attract(
                screen_class("attract")(store, session, slide_ms, services.clinic)
            ),
            "home": lambda: HomeScreen(
                store, session, navigator, self.theme, services.callbacks, services.clinic
            ),
            "section": lambda: screen_class("section")(store, session, navigator, self.theme),
            "topic": lambda: self._topic(
                screen_class("topic")(
                    store,
                    session,
                    navigator,
                    self.theme,
                    self.speech,
                    services.callbacks,
                    printer=settings.printer,
                    restyle=self.sheets.follow,
                )
            ),
            "callback": lambda: screen_class("callback")(
                store, session, navigator, services.callbacks
            ),
            "resting": lambda: screen_class("resting")(settings.resting_messages),
            "trials": lambda: screen_class("trials")(
                store, session, navigator, services.callbacks, settings.trials_stale_days
            ),
            "search": lambda: screen_class("search")(store, session, navigator, services.callbacks),
        }
        self.screens: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.bar_at_bottom = False  # a portrait screen's bar is at its bottom: see _arrange
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav_bar)
        layout.addWidget(self.stack, 1)
        self.notice = IdleNotice(self)
        self.sheets.follow(self.notice)
        self.warning_seconds = settings.idle_warning_seconds
        self.idle = IdleMonitor(settings.idle_timeout_ms, self.warning_seconds * 1000, self)
        self.keypad = KeypadNavigator(
            self, back=self._key_back, help=self._speak_help, reachable=self.reachable
        )
        self.lockdown = LockDown(self)
        self.lockdown.enabled = locked
        self.allow_close = not locked
        self.staff = StaffAccess(
            self,
            services.staff,
            services.status,
            services.update_now,
            self.exit_to_desktop,
            settings.staff_defaults,
            restyle=self.sheets.follow,
        )
        # Order matters: the lock-down eats a key before the keypad could act on it.
        watchers = [self.lockdown, self.idle, self.staff, self.keypad]
        self.input_router = InputRouter(watchers, self)  # started at the first frame
        self._painted = False
        self._fitted_screen: QScreen | None = None

        navigator.moved.connect(self._show)
        session.changed.connect(self._session_changed)
        session.reset_requested.connect(self._wipe)
        services.staff.mode_changed.connect(self.apply_mode)
        self.content_changed.connect(self._content_changed)
        services.staff.defaults_changed.connect(self._defaults_changed)
        self.nav_bar.home_requested.connect(navigator.home)
        self.nav_bar.back_requested.connect(navigator.back)
        self.nav_bar.search_requested.connect(lambda: navigator.go(Place(SEARCH)))
        self.idle.warn.connect(self._warn)
        self.idle.resumed.connect(self.notice.close_notice)
        self.notice.still_here.connect(self.idle.poke)
        self.notice.finished.connect(session.reset)
        self.idle.expired.connect(session.reset)
        self.counts = services.counts
        if self.counts is not None:
            self.idle.visit_began.connect(self.counts.visit)

        self._defaults_changed(services.staff.defaults())
        self._apply_style()
        self.translations.use(session.language)
        self._retranslate()

    def fit_to(self, screen: QScreen) -> None:
        """Cover `screen` exactly, now and whenever it changes size.

        The window's size is fixed to the screen's, so no screen's content (large text, a
        long word, the keyboard) can push the window past the screen's edges: what does not
        fit must wrap or scroll inside it.
        """
        self.setGeometry(screen.geometry())
        self.setFixedSize(screen.geometry().size())
        if self._fitted_screen is not screen:
            if self._fitted_screen is not None:
                self._fitted_screen.geometryChanged.disconnect(self._screen_resized)
            screen.geometryChanged.connect(self._screen_resized)
            self._fitted_screen = screen

    def _arrange(self) -> None:
        """The layout for this window's shape, chosen from its aspect: on a portrait screen
        (a floor stand, 1080x1920) Home, Back, the languages and the accessibility sheet sit
        in a bar along the bottom, within a seated patient's reach (the ADA's 15 to 48
        inches), with the content above; on a landscape screen along the top, where eyes
        start. Each screen lays out its own content for the width it gets."""
        bottom = self.height() > self.width()
        if bottom == self.bar_at_bottom:
            return
        self.bar_at_bottom = bottom
        layout = self.layout()
        layout.removeWidget(self.nav_bar)
        layout.insertWidget(1 if bottom else 0, self.nav_bar)
        self.nav_bar.set_at_bottom(bottom)

    def _screen_resized(self) -> None:
        if self._fitted_screen is not None:
            self.fit_to(self._fitted_screen)

    def detach(self) -> None:
        """Stop watching the application's events (tests build many windows in one process)."""
        self.input_router.stop()
        self.idle.stop()
        if "attract" in self.screens:
            self.screens["attract"].stop()

    # -- what is showing --------------------------------------------------------------------

    def current_screen_name(self) -> str:
        return self.navigator.current.screen

    def current_screen(self) -> QWidget:
        return self.screen(self.current_screen_name())

    def screen(self, name: str) -> QWidget:
        """The screen called `name`, built and added on first use."""
        if name not in self.screens:
            screen = self.factories[name]()
            self.sheets.keep(screen)  # not polished yet: nearly free
            screen.retranslate()
            self.stack.addWidget(screen)
            self.screens[name] = screen
        return self.screens[name]

    def reachable(self) -> QWidget:
        """What a finger or a key can reach: the cover on top (the staff panel, the PIN pad,
        the idle notice) while one covers the screen, else the whole window."""
        covers = [*self.definitions(), self.notice, *self.staff.covers()]
        return next((cover for cover in reversed(covers) if cover.isVisible()), self)

    def definitions(self) -> list[QWidget]:
        """The glossary definitions a topic opened over the window (kiosk/ui/widgets/definition)."""
        topic = self.screens.get("topic")
        cover = getattr(topic, "definition", None)
        return [cover] if cover is not None else []

    def _attract(self, screen: AttractScreen) -> AttractScreen:
        screen.start_requested.connect(self._start_visit)
        screen.card_requested.connect(self._start_with_card)
        screen.set_signage(self.services.staff.mode == modes.SIGNAGE)
        return screen

    def _topic(self, screen: QWidget) -> QWidget:
        if self.counts is not None:
            screen.read_aloud.read.clicked.connect(self.counts.read_aloud)
        return screen

    def _show(self, place: Place, *, keep_scroll: bool = False) -> None:
        if not keep_scroll:
            self.speech.stop()  # a new screen never goes on reading the old one
        screen = self.screen(place.screen)
        self.sheets.keep(screen)  # hidden through a change of text size or contrast: restyle
        screen.show_item(place.item)
        card = getattr(screen, "card", None) if place.screen == TOPIC else None
        if card is not None and self.counts is not None and not keep_scroll:
            self.counts.card_opened(card.id, card.lang)
        if isinstance(screen, ScrollingScreen) and not keep_scroll:
            screen.scroll_to_top()
        self.stack.setCurrentWidget(screen)
        quiet = place.screen in (ATTRACT, RESTING)  # nobody's visit to time out
        self.nav_bar.setVisible(not quiet)
        self.nav_bar.update_state(self.navigator.can_go_back)
        if quiet:
            self.idle.stop()
        else:
            if "attract" in self.screens:
                self.screens["attract"].stop()
            if not self.idle.watching:
                self.idle.start()

    def apply_mode(self, mode: str) -> None:
        """Patient, signage or out of service: what the screen offers from now on."""
        if "attract" in self.screens:
            self.screens["attract"].set_signage(mode == modes.SIGNAGE)
        target = modes.screen_for_mode(mode, self.navigator.current.screen)
        if target == RESTING:
            self.navigator.go(Place(RESTING))
        elif target == ATTRACT:
            self.navigator.to_attract()

    def exit_to_desktop(self) -> None:
        """The staff's way out (audited by the panel); the only one there is."""
        self.allow_close = True
        QApplication.instance().exit(0)

    def _content_changed(self) -> None:
        """New content: screens not showing are rebuilt when next opened; the card a patient
        is reading stays as it is, and the home and attract screens refresh at once."""
        self._drop_hidden_screens()
        if self.navigator.current.screen in (ATTRACT, HOME):
            self._show(self.navigator.current, keep_scroll=True)
        self.content_shown.emit()  # only reached when showing it raised nothing

    def _defaults_changed(self, defaults: StaffDefaults | None) -> None:
        if defaults is not None:
            self.session.set_defaults(defaults.language, defaults.text_size, defaults.high_contrast)

    def _start_visit(self, language: str) -> None:
        self.session.set_language(language)
        self.navigator.home()
        self.idle.poke()

    def _start_with_card(self, language: str, card_id: str) -> None:
        """A highlight tapped on the attract loop: that card, in its language; Back goes home."""
        self._start_visit(language)
        self.navigator.go(Place(TOPIC, card_id))

    # -- changes to the visit ---------------------------------------------------------------

    def _session_changed(self, what: str) -> None:
        if what == "language":
            self.translations.use(self.session.language)
            self._retranslate()
        else:
            self._apply_style()
        self._show(self.navigator.current, keep_scroll=True)

    def _retranslate(self) -> None:
        self.nav_bar.retranslate()
        self.notice.retranslate()
        self.staff.retranslate()
        for screen in self.screens.values():
            screen.retranslate()

    def _apply_style(self) -> None:
        """Restyle for the session's text size and contrast, in place.

        Qt restyles every descendant of a widget given a new stylesheet, hidden or not, so
        the window holds none: its parts do (kiosk.ui.styling). The top bar, the screen
        showing and the covers are restyled now; the other screens keep what they hold and
        are restyled when next shown. A part's own stylesheet, not the application's: after
        a new application stylesheet Qt polishes each widget once more for each ancestor.
        """
        self._use_style(self.session.text_size, self.session.high_contrast)
        shown = self.screens.get(self.navigator.current.screen)
        # Covers not showing are restyled as they open (before Cover.cover_window sizes one).
        covers = [c for c in (self.notice, *self.staff.covers()) if c.isVisible()]
        with self.input_router.paused():
            for part in (self.nav_bar, *covers, *([shown] if shown is not None else [])):
                self.sheets.keep(part)
        self.update()  # the window's own background

    def _warn(self) -> None:
        """ "Are you still there?", in the style of the visit (it waits for it hidden)."""
        self.sheets.keep(self.notice)
        self.notice.open(self.warning_seconds)

    def _use_style(self, text_size: int, high_contrast: bool) -> None:
        """Make this the style every part is restyled to, as it shows (or now, if it does)."""
        key = (text_size, high_contrast)
        if key not in self._sheet_texts:  # a few of them, each made once
            self._sheet_texts[key] = self.theme.stylesheet("kiosk.qss", text_size, high_contrast)
        if self.sheets.use(self._sheet_texts[key]):
            self._background = QColor(self.theme.palette(high_contrast)["background"])

    def _drop_hidden_screens(self) -> None:
        current = self.screens.get(self.navigator.current.screen)
        for name, screen in list(self.screens.items()):
            if screen is not current:
                if name == ATTRACT:
                    screen.stop()
                self.stack.removeWidget(screen)
                screen.setParent(None)  # out of the window now: no restyle before it goes
                screen.deleteLater()
                del self.screens[name]

    def _wipe(self) -> None:
        """The idle reset: close the notice and the options, go back to the attract loop."""
        self.notice.close_notice()
        self.nav_bar.close_options()
        self.staff.close_all()
        self.speech.reset()
        # The attract loop shows in the defaults' style, not first in this visit's and again.
        self._use_style(self.session.default_text_size, self.session.default_high_contrast)
        if self.navigator.current.screen != RESTING:
            self.navigator.to_attract()

    # -- the keypad path -------------------------------------------------------------------

    def _key_back(self) -> None:
        """Escape: close what is open on top first, else go back a screen."""
        if self.notice.isVisible():
            self.idle.poke()
        elif any(cover.isVisible() for cover in self.definitions()):
            self.screens["topic"].close_definition()
        elif self.nav_bar.options.isVisible():
            self.nav_bar.close_options()
        else:
            self.navigator.back()

    def _speak_help(self) -> None:
        focused = QApplication.focusWidget()
        where = focused.accessibleName() if focused is not None else ""
        text = self.tr("Press Up or Down to move, Enter to choose, and Escape to go back.")
        if where:
            text = self.tr("You are on: %1.").replace("%1", where) + " " + text
        self.speech.speak(text, self.session.language)

    # -- Qt overrides ----------------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self.setFocus()
        if self.stack.currentWidget() is not self.current_screen():
            self._show(self.navigator.current)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The window's background (it holds no stylesheet), behind the bar and the screens."""
        QPainter(self).fillRect(event.rect(), self._background)

    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        for cover in (*self.definitions(), self.notice, *self.staff.covers()):
            if cover.isVisible():
                cover.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Locked down, only the staff panel's exit closes the kiosk; Alt+F4 and friends do not."""
        if self.allow_close:
            super().closeEvent(event)
        else:
            self.lockdown.blocked += 1
            event.ignore()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest and not self._painted:
            self._painted = True
            self.input_router.start()
            self.first_frame_painted.emit()
            self.content_shown.emit()
        return handled
