"""What a specialist does to a request, each written to the audit trail in one transaction."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from hub.inbox.models import AuditEvent
from hub.intake.models import CallbackRequest

Status, Outcome = CallbackRequest.Status, CallbackRequest.Outcome
CLOSING = frozenset({Outcome.REACHED, Outcome.WRONG_NUMBER, Outcome.DONE})


def show_number(user: AbstractBaseUser, request: CallbackRequest) -> None:
    AuditEvent.objects.create(user=user, request=request, action=AuditEvent.Action.SHOWED_NUMBER)


def claim(user: AbstractBaseUser, request: CallbackRequest) -> None:
    with transaction.atomic():
        request.status, request.claimed_by = Status.CLAIMED, user
        request.save(update_fields=["status", "claimed_by"])
        AuditEvent.objects.create(user=user, request=request, action=AuditEvent.Action.CLAIMED)


def record_outcome(user: AbstractBaseUser, request: CallbackRequest, outcome: str) -> None:
    """Reached, wrong number and done close the request; no answer puts it back to try again."""
    outcome = Outcome(outcome)  # ValueError for anything else
    with transaction.atomic():
        request.outcome = outcome
        if outcome in CLOSING:
            request.status, request.closed_at = Status.CLOSED, timezone.now()
        else:
            request.status = Status.TRY_AGAIN
        request.claimed_by = request.claimed_by or user
        request.save(update_fields=["outcome", "status", "closed_at", "claimed_by"])
        AuditEvent.objects.create(
            user=user, request=request, action=AuditEvent.Action.OUTCOME, detail=outcome
        )
