"""Where the patient is, and the way back: a small history of places, free of Qt."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.events import Event

ATTRACT, HOME, SECTION, TOPIC = "attract", "home", "section", "topic"
CALLBACK, RESTING, SEARCH = "callback", "resting", "search"
TRIALS = "trials"  # clinical trials near the clinic
TOPIC_PICKER = "topics"  # the callback form's view for choosing a topic


@dataclass(frozen=True)
class Place:
    screen: str
    item: str | None = None  # the section or card id (the callback form's topic: a card id,
    # or "trial:" and a trial's NCT number)
    view: str = ""  # a part of the screen with its own step back (the form's topic picker)


class Navigator:
    """A stack of places; `moved` is emitted with the new place after every change."""

    def __init__(self) -> None:
        self._stack: list[Place] = [Place(ATTRACT)]
        self.moved = Event()

    @property
    def current(self) -> Place:
        return self._stack[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._stack) > 1

    def go(self, place: Place) -> None:
        if place == self.current:
            return
        if place.screen in (ATTRACT, HOME, RESTING):
            self._stack = [place]
        else:
            self._stack.append(place)
        self.moved.emit(place)

    def back(self) -> None:
        if self.can_go_back:
            self._stack.pop()
            self.moved.emit(self.current)

    def home(self) -> None:
        self.go(Place(HOME))

    def to_attract(self) -> None:
        self.go(Place(ATTRACT))
