"""What a patient typed into the callback form, checked and turned into a `CallbackRequest`.

`validate_request` checks every field and raises `FormErrors` naming all the bad ones at
once, each with a code; the UI turns each code into a sentence in the patient's language.
Codes (the whole set is `ERROR_CODES`):

- ``first_name``: ``name_empty`` (nothing but spaces), ``name_too_long`` (more than 40
  characters), ``name_characters`` (anything but letters of any language, spaces, hyphens and
  apostrophes, or no letter at all: digits, emoji, control characters, ``<``, ``;``...)
- ``phone``: ``phone_empty``, ``phone_letters`` (a letter anywhere, e.g. ``ext`` or a vanity
  number), ``phone_invalid`` (other characters, too long, or not a number that exists),
  ``phone_wrong_region`` (a real number, but not of the clinic's country)
- ``best_time``: ``best_time_unknown``; ``language``: ``language_unknown``;
  ``topic``: ``topic_unknown`` (not a card id); ``consent``: ``consent_missing``
- ``trial``: ``trial_unknown`` (a clinical trial asked about, but not an NCT number and a
  title of at most 400 printable characters)

Names and numbers never appear in an error's message or in a request's repr, so neither can
leak into a log or a traceback.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from kiosk.content.model import ID_PATTERN, LANGUAGES  # a topic is a card id
from kiosk.trials.model import MAX_TITLE, NCT_PATTERN

BEST_TIMES = ("morning", "afternoon", "evening", "any")
NAME_LIMIT = 40
PHONE_INPUT_LIMIT = 32  # characters as typed; E.164 itself has at most 15 digits

ERROR_CODES = (
    "name_empty",
    "name_too_long",
    "name_characters",
    "phone_empty",
    "phone_letters",
    "phone_invalid",
    "phone_wrong_region",
    "best_time_unknown",
    "language_unknown",
    "topic_unknown",
    "consent_missing",
    "trial_unknown",
)

_NAME_PUNCTUATION = frozenset(" -\u2010'\u2019\u02bc")  # space, hyphens, apostrophes
_JOINERS = frozenset("\u200c\u200d")  # needed inside words in Persian and Indic scripts
_PHONE_PUNCTUATION = frozenset(" -.()/+\u00a0")


@dataclass(frozen=True)
class CallbackRequest:
    """A checked request: what the outbox stores and the worker sends."""

    first_name: str = field(repr=False)  # trimmed, 1-40 letters, spaces, hyphens, apostrophes
    phone: str = field(repr=False)  # E.164, e.g. "+12025550123"
    best_time: str  # one of BEST_TIMES
    language: str  # "en" or "es"
    topic: str  # a card id, or "" for none
    trial_id: str = ""  # the clinical trial asked about ("NCT01234567"), or "" for none
    trial_title: str = ""  # its title, as the patient saw it


class FormErrors(ValueError):
    """Every field that is wrong, as field name -> error code (never the values typed)."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(", ".join(f"{name}: {code}" for name, code in self.errors.items()))


def validate_request(
    first_name: str,
    phone: str,
    best_time: str,
    language: str,
    topic: str,
    consent: bool,
    region: str = "US",
    *,
    trial_id: str = "",
    trial_title: str = "",
) -> CallbackRequest:
    """Check the form's raw values; return the request or raise FormErrors listing all."""
    region = check_region(region)
    name, name_error = clean_name(first_name)
    number, phone_error = clean_phone(phone, region)
    errors = {
        "first_name": name_error,
        "phone": phone_error,
        "best_time": "" if best_time in BEST_TIMES else "best_time_unknown",
        "language": "" if language in LANGUAGES else "language_unknown",
        "topic": "" if topic == "" or _is_card_id(topic) else "topic_unknown",
        "consent": "" if consent is True else "consent_missing",
        "trial": "" if _is_trial(trial_id, trial_title) else "trial_unknown",
    }
    errors = {key: code for key, code in errors.items() if code}
    if errors:
        raise FormErrors(errors)
    return CallbackRequest(name, number, best_time, language, topic, trial_id, trial_title.strip())


def check_region(region: str) -> str:
    """The two-letter region in capitals; ValueError (a config mistake) if phonenumbers lacks it."""
    import phonenumbers  # 50 ms to import: only when a number is checked, never at start-up

    code = str(region).strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"callbacks.region {region!r} is not a known two-letter country code")
    return code


def clean_name(raw: str) -> tuple[str, str]:
    """The name tidied (NFC, trimmed, single spaces) and an error code, "" when it is fine."""
    text = unicodedata.normalize("NFC", raw if isinstance(raw, str) else "")
    text = "".join(" " if unicodedata.category(c) == "Zs" else c for c in text)
    name = " ".join(part for part in text.strip().split(" ") if part)
    if not name:
        return "", "name_empty"
    if len(name) > NAME_LIMIT:
        return "", "name_too_long"
    if not _name_characters_ok(name):
        return "", "name_characters"
    return name, ""


def _name_characters_ok(name: str) -> bool:
    has_letter = False
    previous = ""
    for index, char in enumerate(name):
        kind = unicodedata.category(char)
        if kind.startswith("L"):
            has_letter = True
        elif kind.startswith("M"):  # a combining accent or vowel sign, only after a letter
            if not previous or unicodedata.category(previous)[0] not in "LM":
                return False
        elif char in _JOINERS:  # only between two letters
            after = name[index + 1 : index + 2]
            if not previous or not after or not (previous.isalpha() and after.isalpha()):
                return False
        elif char not in _NAME_PUNCTUATION:
            return False
        previous = char
    return has_letter


def clean_phone(raw: str, region: str) -> tuple[str, str]:
    """The number in E.164 and an error code, "" when it is fine."""
    import phonenumbers

    text = (raw if isinstance(raw, str) else "").strip()
    if not text:
        return "", "phone_empty"
    if any(unicodedata.category(c).startswith("L") for c in text):
        return "", "phone_letters"
    digits_only = all(unicodedata.category(c) == "Nd" or c in _PHONE_PUNCTUATION for c in text)
    if not digits_only or len(text) > PHONE_INPUT_LIMIT or "+" in text[1:]:
        return "", "phone_invalid"
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return "", "phone_invalid"
    if not phonenumbers.is_valid_number(number):
        return "", "phone_invalid"
    if not phonenumbers.is_valid_number_for_region(number, region):
        return "", "phone_wrong_region"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), ""


def _is_card_id(topic: object) -> bool:
    return isinstance(topic, str) and len(topic) <= 64 and ID_PATTERN.match(topic) is not None


def _is_trial(trial_id: object, title: object) -> bool:
    """No trial at all, or an NCT number with a printable title of at most MAX_TITLE."""
    if trial_id == "" and title == "":
        return True
    return (
        isinstance(trial_id, str)
        and NCT_PATTERN.match(trial_id) is not None
        and isinstance(title, str)
        and 0 < len(title.strip()) <= MAX_TITLE
        and title.isprintable()
    )


def mask_phone(e164: str) -> str:
    """Only the last four digits, for the confirmation screen: "•••• 0123"."""
    digits = [c for c in e164 if c.isdigit()]
    return "•••• " + "".join(digits[-4:]) if len(digits) >= 4 else "••••"
