"""How long ago, in the words people use: "just now" under a minute, not "0 minutes ago"."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def ago(moment: datetime.datetime | None) -> str:
    """ "just now", "5 minutes ago", "2 days, 3 hours ago"; "" for none."""
    if moment is None:
        return ""
    if timezone.now() - moment < datetime.timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment)} ago"


@register.filter
def waited(moment: datetime.datetime | None) -> str:
    """How long someone has waited: "under a minute", "1 hour, 30 minutes"."""
    if moment is None:
        return ""
    if timezone.now() - moment < datetime.timedelta(minutes=1):
        return "under a minute"
    return timesince(moment)
