"""The fields of a callback request (docs/callback-webhook.md), checked before storing.

A signed body from a known kiosk can still be wrong (a kiosk bug, a newer format): each field
is checked against the contract, and a body that fails is refused with 400 and the field's
name only, never its value. Unknown fields are accepted and ignored.
"""

from __future__ import annotations

import datetime
from typing import Any

import phonenumbers

from hub.intake.webhook import Refused

# The kiosk's own rules, one home each (the hub ships in the same package).
from kiosk.callbacks.reference import is_reference
from kiosk.callbacks.request import BEST_TIMES
from kiosk.content.model import ID_PATTERN, LANGUAGES
from kiosk.trials.model import MAX_TITLE, NCT_PATTERN


def callback_fields(fields: dict[str, Any], webhook_id: str) -> dict[str, Any]:
    """The model fields for a stored request, or Refused(400) naming the first bad field."""
    text = {name: fields.get(name) for name in _NAMES}
    for name, value in text.items():
        if not isinstance(value, str):
            raise Refused(400, f"{name} is missing or not text")
    if text["idempotency_key"] != webhook_id:
        raise Refused(400, "idempotency_key does not match webhook-id")
    if not (0 < len(webhook_id) <= 100) or not is_reference(text["reference"]):
        raise Refused(400, "reference or idempotency_key is malformed")
    first_name = text["first_name"].strip()
    # Lenient on purpose: the kiosk checked the letters; a refusal here strands a request.
    if not (1 <= len(first_name) <= 40 and first_name.isprintable()):
        raise Refused(400, "first_name is malformed")
    if text["best_time"] not in BEST_TIMES:
        raise Refused(400, "best_time is not one of morning, afternoon, evening, any")
    if text["language"] not in LANGUAGES:
        raise Refused(400, "language is not en or es")
    if text["topic"] and not (len(text["topic"]) <= 100 and ID_PATTERN.match(text["topic"])):
        raise Refused(400, "topic is not a card id")
    trial_id, trial_title = fields.get("trial_id", ""), fields.get("trial_title", "")
    if not isinstance(trial_id, str) or (trial_id and not NCT_PATTERN.match(trial_id)):
        raise Refused(400, "trial_id is not an NCT number")
    if not isinstance(trial_title, str) or bool(trial_id) != bool(trial_title.strip()):
        raise Refused(400, "trial_title must come with trial_id, and only with it")
    if len(trial_title) > MAX_TITLE or not trial_title.isprintable():
        raise Refused(400, "trial_title is malformed")
    return {
        "idempotency_key": webhook_id,
        "reference": text["reference"],
        "created_at": _utc_time(text["created_at"]),
        "first_name": first_name,
        "phone": _e164(text["phone"]),
        "best_time": text["best_time"],
        "language": text["language"],
        "topic": text["topic"],
        "trial_id": trial_id,
        "trial_title": trial_title.strip(),
    }


_NAMES = (
    "reference",
    "idempotency_key",
    "created_at",
    "first_name",
    "phone",
    "best_time",
    "language",
    "topic",
)


def _utc_time(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise Refused(400, "created_at is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise Refused(400, "created_at has no time zone")
    return moment.astimezone(datetime.UTC)


def _e164(value: str) -> str:
    if not value.startswith("+") or len(value) > 32:
        raise Refused(400, "phone is not E.164")
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise Refused(400, "phone is not E.164") from None
    if not phonenumbers.is_valid_number(number):
        raise Refused(400, "phone is not a valid number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
