"""Kiosk secrets in the Standard Webhooks form: `whsec_` and 32 random bytes in base64."""

from __future__ import annotations

from django.utils import timezone

from hub.intake.models import Kiosk
from kiosk.net.signing import new_secret


def add_kiosk(kiosk_id: str, location: str) -> tuple[Kiosk, str]:
    """Register a kiosk; return it and its secret (the only time it is shown)."""
    secret = new_secret()
    kiosk = Kiosk.objects.create(id=kiosk_id, location=location, secret=secret)
    return kiosk, secret


def rotate_secret(kiosk: Kiosk) -> str:
    """Give the kiosk a new secret (the old one stops working at once) and return it."""
    kiosk.secret = new_secret()
    kiosk.rotated_at = timezone.now()
    kiosk.save(update_fields=["secret", "rotated_at"])
    return kiosk.secret
