"""Clinical trials near this clinic: the list that came with the content, filtered by blood
cancer and by phase, each trial in plain words, with a way to ask a specialist about it.

The list is fetched by an admin (`kiosk trials fetch`) and arrives signed with the cards, so
the screen is offline like the rest. Past `trials.stale_days` it says the list may be out of
date. The registry's eligibility text is shown only when it was graded at or below grade 8 and
the patient reads in English (it is English); otherwise the screen says it is left out and
that the care team can go through it.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QVBoxLayout, QWidget

from kiosk.content.storage.store import ContentStore
from kiosk.navigation import CALLBACK, Navigator, Place
from kiosk.session import Session
from kiosk.trials.model import Trial, TrialList
from kiosk.ui.screens.base import ScrollingScreen
from kiosk.ui.screens.topic import reviewed_on
from kiosk.ui.services import CallbackOffer
from kiosk.ui.widgets.button_row import ButtonRow
from kiosk.ui.widgets.buttons import TouchButton, heading
from kiosk.ui.widgets.choices import Choice
from kiosk.ui.widgets.contact_fallback import ContactFallback
from kiosk.ui.widgets.take_home import TakeHome

MOST_SHOWN = 20  # trials shown at once, nearest first; the rest are counted
TRIAL_TOPIC = "trial:"  # the callback form's topic for a trial: "trial:NCT01234567"


class TrialCard(QFrame):
    """One trial in plain words, and Ask a specialist about this trial."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrialCard")
        self.title = heading("title")
        self.lines = [heading("lead") for _ in range(5)]
        self.ask = TouchButton()
        self.take_home = TakeHome()  # the trial's public page, to read at home
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 16, 0, 16)
        column.setSpacing(8)
        column.addWidget(self.title)
        for line in self.lines:
            column.addWidget(line)
        column.addWidget(self.ask, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.take_home)


class TrialsScreen(ScrollingScreen):
    name = "trials"

    def __init__(
        self,
        store: ContentStore,
        session: Session,
        navigator: Navigator,
        callbacks: CallbackOffer,
        stale_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.session, self.navigator = store, session, navigator
        self.callbacks, self.stale_days = callbacks, stale_days
        self.trials: TrialList | None = None
        self.cancer, self.phase = "", ""
        self.title = heading()
        self.lead = heading("lead")
        self.updated = heading("small")
        self.stale = heading("lead")
        self.cancer_label, self.phase_label = heading("field"), heading("field")
        self.cancer_choices: dict[str, Choice] = {}
        self.phase_choices: dict[str, Choice] = {}
        self.cancer_row = QVBoxLayout()
        self.phase_row = QVBoxLayout()
        self.count = heading("title")
        self.cards = QVBoxLayout()
        self.cards.setSpacing(12)
        self.more = heading("lead")
        self.care_team = heading("lead")
        self._card_widgets: list[TrialCard] = []
        self._offer_marker = QWidget()  # the fallback's "contact": the cards' buttons follow it
        self._offer_marker.setFixedHeight(0)
        self.no_contact = ContactFallback(callbacks, self._offer_marker)
        for widget in (self.title, self.lead, self.updated, self.stale, self.cancer_label):
            self.column.addWidget(widget)
        self.column.addLayout(self.cancer_row)
        self.column.addWidget(self.phase_label)
        self.column.addLayout(self.phase_row)
        self.column.addWidget(self.count)
        self.column.addWidget(self.no_contact)
        self.column.addWidget(self._offer_marker)
        self.column.addLayout(self.cards)
        self.column.addWidget(self.more)
        self.column.addWidget(self.care_team)
        self.column.addStretch(1)
        self.retranslate()

    # -- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Clinical trials near this clinic"))
        self.lead.setText(
            self.tr(
                "A clinical trial is a research study that tests a new way to treat cancer. "
                "These trials are looking for people to join. Only your care team can tell you "
                "if one is right for you."
            )
        )
        self.cancer_label.setText(self.tr("Type of blood cancer"))
        self.phase_label.setText(self.tr("Phase of the trial"))
        self.care_team.setText(
            self.tr(
                "Trials change often. Please talk with your care team before you decide "
                "anything about a trial."
            )
        )
        self.no_contact.retranslate(self.session.language)
        if self.trials is not None:
            self._label_choices()
            self._show_trials()

    def cancer_words(self, code: str) -> str:
        return {
            "": self.tr("All types"),
            "leukemia": self.tr("Leukemia"),
            "lymphoma": self.tr("Lymphoma"),
            "myeloma": self.tr("Myeloma"),
        }[code]

    def phase_name(self, code: str) -> str:
        return {
            "": self.tr("All phases"),
            "early-1": self.tr("Early phase 1"),
            "1": self.tr("Phase 1"),
            "1-2": self.tr("Phase 1 and 2"),
            "2": self.tr("Phase 2"),
            "2-3": self.tr("Phase 2 and 3"),
            "3": self.tr("Phase 3"),
            "4": self.tr("Phase 4"),
            "none": self.tr("No phase"),
        }[code]

    def phase_sentence(self, code: str) -> str:
        """What the phase means, in one plain sentence."""
        return {
            "early-1": self.tr(
                "Early phase 1: a very small first study to see how a new treatment acts "
                "in the body."
            ),
            "1": self.tr(
                "Phase 1: a small group tries a new treatment to find a safe dose and learn "
                "about side effects."
            ),
            "1-2": self.tr(
                "Phase 1 and 2: first a safe dose is found, then doctors see if the treatment "
                "works."
            ),
            "2": self.tr(
                "Phase 2: a larger group tries the treatment to see if it works and how safe it is."
            ),
            "2-3": self.tr(
                "Phase 2 and 3: doctors see if the treatment works and compare it with the "
                "usual treatment."
            ),
            "3": self.tr(
                "Phase 3: many people take part to compare the new treatment with the usual "
                "treatment."
            ),
            "4": self.tr(
                "Phase 4: the treatment is already approved, and doctors learn more about it "
                "over time."
            ),
            "none": self.tr(
                "This study has no phase: it may test a device, a test, or a way of caring "
                "for people."
            ),
        }[code]

    def who_may_join(self, trial: Trial) -> str:
        low, high = trial.min_age, trial.max_age
        if low is not None and high is not None:
            ages = self.tr("ages %1 to %2").replace("%1", str(low)).replace("%2", str(high))
        elif low is not None:
            ages = self.tr("age %1 or older").replace("%1", str(low))
        elif high is not None:
            ages = self.tr("age %1 or younger").replace("%1", str(high))
        else:
            ages = self.tr("any age")
        sex = {
            "all": self.tr("women and men"),
            "female": self.tr("women only"),
            "male": self.tr("men only"),
        }[trial.sex]
        return self.tr("Who may join: %1, %2.").replace("%1", sex).replace("%2", ages)

    def site_words(self, trial: Trial) -> str:
        site = trial.site
        if site is None:
            return self.tr("Nearest site: ask your care team where this trial takes place.")
        place = ", ".join(part for part in (site.name, site.city, site.state) if part)
        miles = f"{site.miles:.0f}" if site.miles >= 10 else f"{site.miles:.1f}"
        return (
            self.tr("Nearest site: %1, about %2 miles away.")
            .replace("%1", place)
            .replace("%2", miles)
        )

    def eligibility_words(self, trial: Trial) -> str:
        if trial.eligibility_plain and self.session.language == "en" and trial.eligibility:
            return self.tr("Who can join, in the study's own words: %1").replace(
                "%1", trial.eligibility
            )
        return self.tr(
            "The full list of who can join uses hard medical words, so it is not shown here. "
            "Your care team can go through it with you."
        )

    # -- showing ---------------------------------------------------------------------------

    def show_item(self, item: str | None = None) -> None:
        """The list; `item`, a trial's NCT number (from search), is shown whatever the filters."""
        self.no_contact.update_offer()
        trials = self.store.trials()
        if trials is not self.trials or item:
            self.trials = trials
            self.cancer, self.phase = "", ""
            self._make_choices()
        self._show_trials(first=item or "")

    def _make_choices(self) -> None:
        for row, choices in (
            (self.cancer_row, self.cancer_choices),
            (self.phase_row, self.phase_choices),
        ):
            while row.count():
                widget = row.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
            choices.clear()
        listed = self.trials
        cancers = ["", *(listed.cancers if listed else ())]
        phases = ["", *(listed.phases() if listed else [])]
        for codes, choices, row, chosen in (
            (cancers, self.cancer_choices, self.cancer_row, self._choose_cancer),
            (phases, self.phase_choices, self.phase_row, self._choose_phase),
        ):
            for code in codes:
                choice = Choice()
                choice.toggled.connect(lambda on, c=code, pick=chosen: on and pick(c))
                choices[code] = choice
            buttons = ButtonRow(choices.values())
            group = QButtonGroup(buttons)  # goes with its row when a new list replaces it
            group.setExclusive(True)
            for choice in choices.values():
                group.addButton(choice)
            choices[""].setChecked(True)
            row.addWidget(buttons)
        self._label_choices()

    def _label_choices(self) -> None:
        for code, choice in self.cancer_choices.items():
            choice.setText(self.cancer_words(code))
        for code, choice in self.phase_choices.items():
            choice.setText(self.phase_name(code))

    def _choose_cancer(self, code: str) -> None:
        if code != self.cancer:
            self.cancer = code
            self._show_trials()

    def _choose_phase(self, code: str) -> None:
        if code != self.phase:
            self.phase = code
            self._show_trials()

    def _show_trials(self, first: str = "") -> None:
        listed = self.trials
        has_list = listed is not None
        for widget in (self.cancer_label, self.phase_label, self.updated, self.care_team):
            widget.setVisible(has_list)
        if listed is None:
            self.stale.hide()
            self.count.setText(
                self.tr(
                    "There is no list of trials on this kiosk yet. Your care team can tell you "
                    "about trials."
                )
            )
            self._fill([])
            self.more.hide()
            return
        now = datetime.datetime.now(datetime.UTC)
        day = listed.fetched_at.date()
        self.updated.setText(
            self.tr("List updated %1").replace("%1", reviewed_on(day, self.session.language))
        )
        stale = listed.is_stale(now, self.stale_days)
        self.stale.setVisible(stale)
        if stale:
            self.stale.setText(
                self.tr(
                    "This list is %n day(s) old and may be out of date. Some trials may be full "
                    "or closed. Your care team has the latest list.",
                    "",
                    int(listed.age_days(now)),
                )
            )
        chosen = listed.matching(self.cancer, self.phase)
        # A trial a search found comes first, so the patient sees the one they tapped.
        chosen.sort(key=lambda t: t.nct_id != first)
        if chosen:
            self.count.setText(self.tr("%n trial(s) found", "", len(chosen)))
        else:
            self.count.setText(
                self.tr("No trials match these choices. Try All types or All phases.")
            )
        self._fill(chosen[:MOST_SHOWN])
        self.more.setVisible(len(chosen) > MOST_SHOWN)
        self.more.setText(
            self.tr(
                "Showing the %n nearest. Your care team can tell you about the others.",
                "",
                MOST_SHOWN,
            )
        )

    def _fill(self, trials: list[Trial]) -> None:
        while len(self._card_widgets) < len(trials):
            card = TrialCard()
            card.ask.clicked.connect(lambda _=False, c=card: self._ask(c))
            self.cards.addWidget(card)
            self._card_widgets.append(card)
        can_ask = self.callbacks.available()
        for card, trial in zip(self._card_widgets, trials, strict=False):
            card.trial = trial
            card.title.setText(trial.title)
            tested = ", ".join(trial.tested) or self.tr("ask your care team")
            card.lines[0].setText(self.tr("What is tested: %1").replace("%1", tested))
            card.lines[1].setText(self.phase_sentence(trial.phase))
            card.lines[2].setText(self.who_may_join(trial))
            card.lines[3].setText(self.site_words(trial))
            card.lines[4].setText(self.eligibility_words(trial))
            card.ask.setText(
                self.tr("Ask a specialist about this trial (%1)").replace("%1", trial.nct_id)
            )
            card.ask.setVisible(can_ask)
            card.take_home.show_address(trial.page)
            card.show()
        for card in self._card_widgets[len(trials) :]:
            card.hide()

    def _ask(self, card: TrialCard) -> None:
        trial = getattr(card, "trial", None)
        if trial is not None:
            self.navigator.go(Place(CALLBACK, TRIAL_TOPIC + trial.nct_id))
