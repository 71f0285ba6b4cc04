"""The kiosk's modes, chosen by staff and kept across restarts, and the out-of-service words.

Patient is the normal kiosk. Signage plays the attract loop only (a tap shows a short
notice). Out of service shows one calm full-screen message and nothing to touch. The mode
codes are stored in the state file, so they never change once shipped. This is their one
home; each face names them once: `kiosk status` in kiosk/health/english.py (`MODE_WORDS`),
the staff panel in kiosk/ui/widgets/status_view.py (`mode_name`, translated).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.config import Config

PATIENT = "patient"
SIGNAGE = "signage"
OUT_OF_SERVICE = "out_of_service"
MODES = (PATIENT, SIGNAGE, OUT_OF_SERVICE)
DEFAULT_MODE = PATIENT

# Shown when `out_of_service.message.<lang>` is empty.
OUT_OF_SERVICE_MESSAGES = {
    "en": "This information screen is not available right now. Our front desk team is happy "
    "to help you.",
    "es": "Esta pantalla de información no está disponible en este momento. El personal de "
    "la recepción le ayudará con gusto.",
}

# What a tap on the attract loop says in signage mode, in both languages at once.
SIGNAGE_NOTES = {
    "en": "This screen shows information only right now. Please ask at the front desk.",
    "es": "En este momento, esta pantalla solo muestra información. Por favor, pregunte en la "
    "recepción.",
}


def screen_for_mode(mode: str, showing: str) -> str | None:
    """Where the kiosk goes when staff choose `mode` while screen `showing` is up: "resting"
    (out of service), "attract" (signage, or back from resting), or None (stay)."""
    if mode == OUT_OF_SERVICE:
        return "resting"
    if mode == SIGNAGE or showing == "resting":
        return "attract"
    return None


def check_mode(mode: str) -> str:
    """Return `mode` if the kiosk has it, else raise ValueError naming the ones it has."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; the modes are {', '.join(MODES)}")
    return mode


def out_of_service_message(config: Config | Mapping[str, Any], language: str) -> str:
    """The out-of-service words in `language`: the clinic's own, or the built-in sentence."""
    configured = config[f"out_of_service.message.{language}"].strip()
    return configured or OUT_OF_SERVICE_MESSAGES[language]
