"""What kiosks send: callback requests, and each kiosk's latest status with its flips.

A kiosk is a Healthchecks check: its heartbeat is a ping, and going quiet or coming back is a
`Flip` row, so uptime is computed from flips rather than from every heartbeat.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Kiosk(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    location = models.CharField(max_length=120)
    secret = models.CharField(max_length=100, help_text="whsec_...; shown once when made")
    created = models.DateTimeField(auto_now_add=True)
    rotated_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.id} ({self.location})"


class CallbackRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        CLAIMED = "claimed", "Claimed"
        TRY_AGAIN = "try_again", "No answer: try again"
        CLOSED = "closed", "Closed"

    class Outcome(models.TextChoices):
        REACHED = "reached", "Reached"
        NO_ANSWER = "no_answer", "No answer: try again"
        WRONG_NUMBER = "wrong_number", "Wrong number"
        DONE = "done", "Done"
        # Set by `clinic-hub prune` only, never chosen: open past HUB_OPEN_RETENTION_DAYS.
        EXPIRED = "expired", "Not called in time: name and phone erased"

    kiosk = models.ForeignKey(Kiosk, on_delete=models.PROTECT, related_name="callbacks")
    # Blank (NULL) once HUB_KEY_DAYS have passed: the kiosk has long stopped retrying.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True)
    reference = models.CharField(max_length=12)
    created_at = models.DateTimeField(help_text="when the patient pressed Send")
    received_at = models.DateTimeField(auto_now_add=True)
    first_name = models.CharField(max_length=40, blank=True)
    phone = models.CharField(max_length=32, blank=True, help_text="E.164")
    best_time = models.CharField(max_length=12)
    language = models.CharField(max_length=8)
    topic = models.CharField(max_length=100, blank=True)
    # A request about a clinical trial: its ClinicalTrials.gov number and the title shown.
    trial_id = models.CharField(max_length=11, blank=True)
    trial_title = models.CharField(max_length=400, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kiosk", "idempotency_key"], name="one_request_per_key")
        ]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["created_at"]),
        ]
        permissions = [
            ("handle_callbacks", "Can see and handle patients' callback requests"),
            ("export_callbacks", "Can export the requests list (no names or numbers)"),
        ]

    def __str__(self) -> str:  # no personal data: this shows up in the admin and logs
        return f"request {self.reference}"


class KioskStatus(models.Model):
    """The latest heartbeat of one kiosk."""

    kiosk = models.OneToOneField(Kiosk, on_delete=models.CASCADE, related_name="status")
    received_at = models.DateTimeField()
    signed_at = models.IntegerField(help_text="webhook-timestamp of the stored heartbeat")
    online = models.BooleanField(default=True)
    app_version = models.CharField(max_length=40, blank=True)
    mode = models.CharField(max_length=40, blank=True)
    content_version = models.CharField(max_length=80, blank=True)
    content_digest = models.CharField(max_length=64, blank=True)
    outbox_pending = models.IntegerField(null=True, blank=True)
    outbox_failed = models.IntegerField(null=True, blank=True)
    failed_checks = models.JSONField(default=list, blank=True)

    class Meta:
        permissions = [("view_fleet", "Can see the fleet of kiosks")]

    def __str__(self) -> str:
        return f"status of {self.kiosk_id}"


class Flip(models.Model):
    """A kiosk went offline (silent too long) or came back online."""

    kiosk = models.ForeignKey(Kiosk, on_delete=models.CASCADE, related_name="flips")
    created = models.DateTimeField()
    online = models.BooleanField()

    class Meta:
        indexes = [models.Index(fields=["kiosk", "created"])]

    def __str__(self) -> str:
        return f"{self.kiosk_id} {'online' if self.online else 'offline'} at {self.created}"
