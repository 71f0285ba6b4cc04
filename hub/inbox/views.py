"""The specialists' inbox: open requests, the number behind a button, claim, outcome, export.

Every view here needs a signed-in user with the specialists' permission (hub/accounts/
roles.py); anyone else is sent to the page their role has, or refused. A phone number is
only ever in the answer to a POST ("Show number"), and each such answer writes an audit row;
the list never carries numbers. Card titles come from the published content the hub read
(hub/catalog), the id with a note when it has none.
"""

from __future__ import annotations

import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub.accounts.roles import EXPORT, FLEET, HANDLE, READING
from hub.catalog.titles import Titles
from hub.inbox import actions
from hub.inbox.export import MAX_DAYS, export_csv
from hub.inbox.phone import for_dialling
from hub.intake.callback_fields import LANGUAGES
from hub.intake.models import CallbackRequest

Status, Outcome = CallbackRequest.Status, CallbackRequest.Outcome
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}  # the hub's words for kiosk LANGUAGES
CHOOSABLE = [(value, label) for value, label in Outcome.choices if value != Outcome.EXPIRED]


def specialists_only(view):
    """Signed in and a specialist; others go to their own start page (or get 403)."""

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(HANDLE):
            if request.method == "GET":
                return redirect("start")
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@login_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Where a sign-in lands: the first page this person's role has."""
    for permission, page in ((HANDLE, "inbox"), (FLEET, "fleet"), (READING, "reading")):
        if request.user.has_perm(permission):
            return redirect(page)
    return render(request, "no_role.html", status=403)


def open_requests(language: str = ""):
    """Open requests: new ones first, then the rest; the longest waiting first in each."""
    queue = CallbackRequest.objects.exclude(status=Status.CLOSED).select_related(
        "kiosk", "claimed_by"
    )
    if language in LANGUAGES:
        queue = queue.filter(language=language)
    new_first = Case(When(status=Status.NEW, then=Value(0)), default=Value(1))
    return queue.annotate(rank=new_first).order_by("rank", "created_at")


def with_cards(requests) -> list[CallbackRequest]:
    """The requests, each with `card`: its topic's title in the call's language (or a note)."""
    listed = list(requests)
    titles = Titles(r.topic for r in listed)
    for request in listed:
        request.card = titles.name(request.topic, request.language) if request.topic else None
    return listed


@specialists_only
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    language = request.GET.get("language", "")
    context = {
        "requests": with_cards(open_requests(language)),
        "language": language if language in LANGUAGES else "",
        "languages": LANGUAGE_NAMES,
        "new_count": CallbackRequest.objects.filter(status=Status.NEW).count(),
        "outcomes": CHOOSABLE,
        "poll_milliseconds": int(settings.HUB_POLL_SECONDS * 1000),
    }
    return render(request, "inbox/inbox.html", context)


@specialists_only
@require_POST
def show_number(request: HttpRequest, pk: int) -> HttpResponse:
    callback = get_object_or_404(CallbackRequest.objects.select_related("kiosk"), pk=pk)
    actions.show_number(request.user, callback)
    context = {
        "callback": with_cards([callback])[0],
        "phone": for_dialling(callback.phone),
        "languages": LANGUAGE_NAMES,
        "outcomes": CHOOSABLE,
    }
    return render(request, "inbox/number.html", context)


@specialists_only
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    callback = get_object_or_404(CallbackRequest, pk=pk)
    if callback.status == Status.CLOSED:
        messages.error(request, f"Request {callback.reference} is already closed.")
    else:
        actions.claim(request.user, callback)
        messages.success(request, f"You claimed request {callback.reference}.")
    return redirect("inbox")


@specialists_only
@require_POST
def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    callback = get_object_or_404(CallbackRequest, pk=pk)
    choice = request.POST.get("outcome", "")
    if choice not in dict(CHOOSABLE):
        messages.error(request, "Choose an outcome: reached, no answer, wrong number or done.")
    elif callback.status == Status.CLOSED:
        messages.error(request, f"Request {callback.reference} is already closed.")
    else:
        actions.record_outcome(request.user, callback, choice)
        label = Outcome(choice).label
        messages.success(request, f"Request {callback.reference}: {label}.")
    return redirect("inbox")


@require_GET
def count(request: HttpRequest) -> JsonResponse:
    """How many requests are new, for the inbox's poll (does not extend the session)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "signed out"}, status=401)
    if not request.user.has_perm(HANDLE):
        return JsonResponse({"error": "not a specialist"}, status=403)
    return JsonResponse({"new": CallbackRequest.objects.filter(status=Status.NEW).count()})


@specialists_only
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: the CSV file, and its audit row."""
    if not request.user.has_perm(EXPORT):
        raise PermissionDenied
    today = timezone.localdate()
    first = _date(request.POST.get("first_day")) if request.method == "POST" else None
    last = _date(request.POST.get("last_day")) if request.method == "POST" else None
    error = ""
    if request.method == "POST":
        if first is None or last is None:
            error = "Choose the first and the last day."
        else:
            try:
                text = export_csv(request.user, first, last)
            except ValueError as problem:
                error = f"{str(problem).capitalize()}."
            else:
                answer = HttpResponse(text, content_type="text/csv; charset=utf-8")
                name = f"callback-requests-{first.isoformat()}-to-{last.isoformat()}.csv"
                answer["Content-Disposition"] = f'attachment; filename="{name}"'
                answer["Cache-Control"] = "no-store"
                return answer
    context = {
        "first_day": (first or today - datetime.timedelta(days=29)).isoformat(),
        "last_day": (last or today).isoformat(),
        "error": error,
        "max_days": MAX_DAYS,
    }
    return render(request, "inbox/export.html", context, status=400 if error else 200)


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text or "")
    except ValueError:
        return None
