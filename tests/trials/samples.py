"""Made-up trials lists for the tests and the screen walk (no real study is named)."""

from __future__ import annotations

import datetime

from kiosk.trials.model import Site, Trial, TrialList

PLAIN_RULES = "You are 18 or older. You have a blood cancer. You can come to the clinic each week."
HARD_RULES = (
    "Histologically confirmed relapsed or refractory disease following at least two prior "
    "lines of systemic therapy, including an anti-CD20 monoclonal antibody-containing regimen."
)


def sample_trial(number: int, **changes) -> Trial:
    fields = {
        "nct_id": f"NCT{number:08d}",
        "title": f"A study of test medicine {number} for people whose cancer came back",
        "tested": (f"Test medicine {number}",),
        "phase": "2",
        "cancers": ("lymphoma",),
        "min_age": 18,
        "max_age": None,
        "sex": "all",
        "eligibility": PLAIN_RULES,
        "eligibility_grade": 6.1,
        "eligibility_plain": True,
        "site": Site("Test Cancer Center", "Testville", "Maryland", 4.2 + number),
    }
    return Trial(**(fields | changes))


def sample_list(
    fetched_at: datetime.datetime | None = None, trials: tuple[Trial, ...] | None = None
) -> TrialList:
    """Three trials: a phase 2 lymphoma one with plain rules, a phase 1-2 leukemia one whose
    rules read above grade 8, and a phase 3 myeloma one for women 18 to 75 with no site."""
    if trials is None:
        trials = (
            sample_trial(1),
            sample_trial(
                2,
                phase="1-2",
                cancers=("leukemia",),
                eligibility=HARD_RULES,
                eligibility_grade=17.3,
                eligibility_plain=False,
                tested=("Test cell therapy", "Test antibody"),
            ),
            sample_trial(3, phase="3", cancers=("myeloma",), sex="female", max_age=75, site=None),
        )
    moment = fetched_at or datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return TrialList(moment, 100, ("leukemia", "lymphoma", "myeloma"), trials)
