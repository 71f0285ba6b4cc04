"""One patient's visit: the choices a patient can change, and the reset that undoes them all.

The idle reset is `Session.reset()`. Anything that holds a patient's traces (a half-typed
form, a scroll position, a voice reading aloud) connects to `reset_requested` and wipes
itself; then `changed` tells the screens to show the defaults again.
"""

from __future__ import annotations

from kiosk.config import LANGUAGES, TEXT_SIZES
from kiosk.events import Event


class Session:
    def __init__(
        self,
        default_language: str = "en",
        default_text_size: int = 100,
        default_high_contrast: bool = False,
    ) -> None:
        if default_language not in LANGUAGES or default_text_size not in TEXT_SIZES:
            raise ValueError("default language or text size is not one the kiosk offers")
        self.default_language = default_language
        self.default_text_size = default_text_size
        self.default_high_contrast = default_high_contrast
        self.language = default_language
        self.text_size = default_text_size
        self.high_contrast = default_high_contrast
        # emitted with the name of what changed: "language", "text_size" or "high_contrast"
        self.changed = Event()
        self.reset_requested = Event()  # emitted first by reset(); wipe patient traces here

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language != self.language:
            self.language = language
            self.changed.emit("language")

    def set_text_size(self, percent: int) -> None:
        if percent not in TEXT_SIZES:
            raise ValueError(f"text size {percent}% is not one of {TEXT_SIZES}")
        if percent != self.text_size:
            self.text_size = percent
            self.changed.emit("text_size")

    def set_high_contrast(self, on: bool) -> None:
        if on != self.high_contrast:
            self.high_contrast = on
            self.changed.emit("high_contrast")

    def set_defaults(self, language: str, text_size: int, high_contrast: bool) -> None:
        """What the idle reset returns to from now on (chosen by staff)."""
        if language not in LANGUAGES or text_size not in TEXT_SIZES:
            raise ValueError("default language or text size is not one the kiosk offers")
        self.default_language = language
        self.default_text_size = text_size
        self.default_high_contrast = high_contrast

    def larger_text(self) -> None:
        if self.can_enlarge:
            self.set_text_size(TEXT_SIZES[TEXT_SIZES.index(self.text_size) + 1])

    def smaller_text(self) -> None:
        if self.can_shrink:
            self.set_text_size(TEXT_SIZES[TEXT_SIZES.index(self.text_size) - 1])

    @property
    def can_enlarge(self) -> bool:
        return self.text_size != TEXT_SIZES[-1]

    @property
    def can_shrink(self) -> bool:
        return self.text_size != TEXT_SIZES[0]

    def reset(self) -> None:
        """Forget this visit: wipe every trace, then go back to the defaults.

        Every default is in place before the first `changed`, so a listener restyling for
        the text size already sees the default contrast too (and need not restyle twice).
        """
        self.reset_requested.emit()
        before = (self.language, self.text_size, self.high_contrast)
        self.language = self.default_language
        self.text_size = self.default_text_size
        self.high_contrast = self.default_high_contrast
        after = (self.language, self.text_size, self.high_contrast)
        names = ("language", "text_size", "high_contrast")
        for what, old, new in zip(names, before, after, strict=True):
            if old != new:
                self.changed.emit(what)
