"""The kiosk's one window: the top bar, the screens, and the idle notice over them.

It wires the Qt-free models (session, navigator, store) to the screens: a move of the
navigator shows a screen, a change of the session re-shows it in the new language or
size, and the idle reset sends everything back to the attract loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.content.store import ContentStore
from kiosk.navigation import ATTRACT, Navigator, Place
from kiosk.session import Session
from kiosk.theme import Theme
from kiosk.ui.idle import IdleMonitor
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.screens.callback import CallbackScreen, SendRequest
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.section import SectionScreen
from kiosk.ui.screens.topic import TopicScreen
from kiosk.ui.translation import Translations
from kiosk.ui.widgets.idle_notice import IdleNotice
from kiosk.ui.widgets.nav_bar import NavBar


def promises(config: Config) -> dict[str, str]:
    """The clinic's own words for what happens after a callback request, where it set them."""
    return {lang: config[f"callbacks.promise.{lang}"] for lang in ("en", "es")}


class KioskWindow(QWidget):
    first_frame_painted = Signal()

    def __init__(
        self,
        config: Config,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        theme: Theme,
        translations: Translations,
        send_callback: SendRequest,
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # holds focus until a key moves it
        self.setWindowTitle("Clinic kiosk")
        self.store, self.session, self.navigator = store, session, navigator
        self.theme, self.translations = theme, translations
        self.nav_bar = NavBar(session)
        # Screens are built the first time they are needed, so start-up pays only for home.
        slide_ms = config["attract.slide_seconds"] * 1000
        self.factories: dict[str, Callable[[], QWidget]] = {
            "attract": lambda: self._attract(AttractScreen(store, session, slide_ms)),
            "home": lambda: HomeScreen(store, session, navigator),
            "section": lambda: SectionScreen(store, session, navigator),
            "topic": lambda: TopicScreen(store, session, navigator, theme),
            "callback": lambda: CallbackScreen(
                store, session, navigator, send_callback, promises(config)
            ),
        }
        self.screens: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav_bar)
        layout.addWidget(self.stack, 1)
        self.notice = IdleNotice(self)
        self.warning_seconds = config["idle.warning_seconds"]
        self.idle = IdleMonitor(
            config["idle.timeout_seconds"] * 1000, self.warning_seconds * 1000, self
        )
        QApplication.instance().installEventFilter(self.idle)
        self._painted = False

        navigator.moved.connect(self._show)
        session.changed.connect(self._session_changed)
        session.reset_requested.connect(self._wipe)
        self.nav_bar.home_requested.connect(navigator.home)
        self.nav_bar.back_requested.connect(navigator.back)
        self.idle.warn.connect(lambda: self.notice.open(self.warning_seconds))
        self.idle.resumed.connect(self.notice.close_notice)
        self.notice.still_here.connect(self.idle.poke)
        self.idle.expired.connect(session.reset)

        self._apply_style()
        translations.use(session.language)
        self._retranslate()

    # -- what is showing --------------------------------------------------------------------

    def current_screen_name(self) -> str:
        return self.navigator.current.screen

    def current_screen(self) -> QWidget:
        return self.screen(self.current_screen_name())

    def screen(self, name: str) -> QWidget:
        """The screen called `name`, built and added on first use."""
        if name not in self.screens:
            screen = self.factories[name]()
            screen.retranslate()
            self.stack.addWidget(screen)
            self.screens[name] = screen
        return self.screens[name]

    def _attract(self, screen: AttractScreen) -> AttractScreen:
        screen.start_requested.connect(self._start_visit)
        return screen

    def _show(self, place: Place, *, keep_scroll: bool = False) -> None:
        screen = self.screen(place.screen)
        screen.show_item(place.item)
        if isinstance(screen, ScrollingScreen) and not keep_scroll:
            screen.scroll_to_top()
        self.stack.setCurrentWidget(screen)
        attract = place.screen == ATTRACT
        self.nav_bar.setVisible(not attract)
        self.nav_bar.update_state(self.navigator.can_go_back)
        if attract:
            self.idle.stop()
        else:
            if "attract" in self.screens:
                self.screens["attract"].stop()
            if not self.idle.watching:
                self.idle.start()

    def _start_visit(self, language: str) -> None:
        self.session.set_language(language)
        self.navigator.home()
        self.idle.poke()

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
        for screen in self.screens.values():
            screen.retranslate()

    def _apply_style(self) -> None:
        QApplication.instance().setStyleSheet(
            self.theme.stylesheet("kiosk.qss", self.session.text_size)
        )

    def _wipe(self) -> None:
        """The idle reset: close the notice and go back to the attract loop."""
        self.notice.close_notice()
        self.navigator.to_attract()

    # -- Qt overrides ----------------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self.setFocus()
        if self.stack.currentWidget() is not self.current_screen():
            self._show(self.navigator.current)

    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        if self.notice.isVisible():
            self.notice.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest and not self._painted:
            self._painted = True
            self.first_frame_painted.emit()
        return handled
