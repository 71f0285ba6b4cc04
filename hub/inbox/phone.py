"""Phone numbers as the clinic dials them: national form in HUB_REGION, else international."""

from __future__ import annotations

import phonenumbers
from django.conf import settings


def for_dialling(e164: str, region: str | None = None) -> str:
    """`+12025550123` as `(202) 555-0123` in the US, `+1 202-555-0123` elsewhere."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    home = phonenumbers.region_code_for_number(number) == (region or settings.HUB_REGION)
    style = phonenumbers.PhoneNumberFormat
    return phonenumbers.format_number(number, style.NATIONAL if home else style.INTERNATIONAL)
