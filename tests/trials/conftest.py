"""A loopback ClinicalTrials.gov and the settings that point a fetch at it."""

from __future__ import annotations

import pytest

from kiosk.trials.studies import TrialsSettings
from tests.trials.api_server import TrialsApi

CLINIC = (39.0, -77.0)


@pytest.fixture
def api():
    with TrialsApi() as running:
        yield running


@pytest.fixture
def trial_settings(api: TrialsApi) -> TrialsSettings:
    return TrialsSettings(
        api_url=api.url,
        latitude=CLINIC[0],
        longitude=CLINIC[1],
        radius_miles=50,
        conditions=("leukemia", "lymphoma", "myeloma"),
        deadline_seconds=30.0,
    )
