"""Switches the UI's own words between languages with Qt's translators (.ts sources, .qm files).

The source strings are English; each language has `assets/i18n/kiosk_<lang>.qm`, compiled
from its `.ts` file with `make translations` (English's holds only plural forms and the
few sentences that name the language).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.assets import assets_dir

log = logging.getLogger(__name__)


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.translators: dict[str, QTranslator] = {}
        self.current: QTranslator | None = None

    def use(self, language: str) -> None:
        self.clear()
        translator = self.translators.get(language)
        if translator is None:
            translator = QTranslator(self.app)
            path = assets_dir() / "i18n" / f"kiosk_{language}.qm"
            if not translator.load(str(path)):
                log.error("translation file %s could not be loaded; showing source text", path)
                return
            self.translators[language] = translator
        self.app.installTranslator(translator)
        self.current = translator

    def clear(self) -> None:
        """Back to the source text (English, singular-and-plural as written)."""
        if self.current is not None:
            self.app.removeTranslator(self.current)
            self.current = None
