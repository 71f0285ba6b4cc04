"""The specialists' inbox: open requests, the number behind a button, claim and outcome.

Every view here needs a signed-in user. A phone number is only ever in the answer to a POST
("Show number"), and each such answer writes an audit row; the list never carries numbers.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, Value, When
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from hub.inbox import actions
from hub.inbox.phone import for_dialling
from hub.intake.callback_fields import LANGUAGES
from hub.intake.models import CallbackRequest

Status = CallbackRequest.Status
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def open_requests(language: str = ""):
    """Open requests: new ones first, then the rest; the longest waiting first in each."""
    queue = CallbackRequest.objects.exclude(status=Status.CLOSED).select_related(
        "kiosk", "claimed_by"
    )
    if language in LANGUAGES:
        queue = queue.filter(language=language)
    new_first = Case(When(status=Status.NEW, then=Value(0)), default=Value(1))
    return queue.annotate(rank=new_first).order_by("rank", "created_at")


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    language = request.GET.get("language", "")
    context = {
        "requests": open_requests(language),
        "language": language if language in LANGUAGES else "",
        "languages": LANGUAGE_NAMES,
        "new_count": CallbackRequest.objects.filter(status=Status.NEW).count(),
        "outcomes": CallbackRequest.Outcome.choices,
        "poll_milliseconds": int(settings.HUB_POLL_SECONDS * 1000),
    }
    return render(request, "inbox/inbox.html", context)


@login_required
@require_POST
def show_number(request: HttpRequest, pk: int) -> HttpResponse:
    callback = get_object_or_404(CallbackRequest.objects.select_related("kiosk"), pk=pk)
    actions.show_number(request.user, callback)
    context = {
        "callback": callback,
        "phone": for_dialling(callback.phone),
        "languages": LANGUAGE_NAMES,
        "outcomes": CallbackRequest.Outcome.choices,
    }
    return render(request, "inbox/number.html", context)


@login_required
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    callback = get_object_or_404(CallbackRequest, pk=pk)
    if callback.status == Status.CLOSED:
        messages.error(request, f"Request {callback.reference} is already closed.")
    else:
        actions.claim(request.user, callback)
        messages.success(request, f"You claimed request {callback.reference}.")
    return redirect("inbox")


@login_required
@require_POST
def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    callback = get_object_or_404(CallbackRequest, pk=pk)
    choice = request.POST.get("outcome", "")
    if choice not in CallbackRequest.Outcome.values:
        messages.error(request, "Choose an outcome: reached, no answer, wrong number or done.")
    elif callback.status == Status.CLOSED:
        messages.error(request, f"Request {callback.reference} is already closed.")
    else:
        actions.record_outcome(request.user, callback, choice)
        label = CallbackRequest.Outcome(choice).label
        messages.success(request, f"Request {callback.reference}: {label}.")
    return redirect("inbox")


@require_GET
def count(request: HttpRequest) -> JsonResponse:
    """How many requests are new, for the inbox's poll (does not extend the session)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "signed out"}, status=401)
    return JsonResponse({"new": CallbackRequest.objects.filter(status=Status.NEW).count()})
