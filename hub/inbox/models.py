"""The audit trail: who did what to which request, and when. Rows are never edited."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hub.intake.models import CallbackRequest


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        SHOWED_NUMBER = "showed_number", "Showed the phone number"
        CLAIMED = "claimed", "Claimed"
        OUTCOME = "outcome", "Recorded an outcome"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)
    request = models.ForeignKey(CallbackRequest, on_delete=models.PROTECT, related_name="audit")
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=40, blank=True, help_text="e.g. the outcome")

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.request} at {self.at}"


class ExportEvent(models.Model):
    """One export of the requests list: who, when, which dates and exactly which requests."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)
    first_day = models.DateField()
    last_day = models.DateField()
    requests = models.ManyToManyField(CallbackRequest, related_name="exports", blank=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.user} exported {self.first_day} to {self.last_day} at {self.at}"
