"""Asking ClinicalTrials.gov (API version 2) for recruiting trials near the clinic.

`kiosk trials fetch` runs this on an admin's machine, never a kiosk: the result is written
into the content folder as `trials.json` (kiosk/trials/model.py), then validated, signed and
published with the cards, so kiosks stay offline. One query per blood cancer the clinic chose
(`trials.conditions`), each for studies that are RECRUITING with a site within
`trials.radius_miles` of the clinic (`filter.geo=distance(lat,lon,Nmi)`), page after page
until the API gives no `nextPageToken`. A trial found under two cancers is listed once with
both.

Every request of one fetch keeps to one deadline (kiosk/net/transport.Budget), waits for rate
limits included: a 429 or 503 is tried again after its Retry-After (or a backoff), a few times,
and only while the deadline allows; any other answer that is not 200, a page that is not the
API's JSON, or a list larger than the model allows stops the fetch with a message that says
what happened and what to change. Nothing is written unless the whole fetch worked.

The eligibility text is graded here (`grade`, the authoring tools' readability, handed in by
the command so this module does not need them) and the verdict stored with it.
"""

from __future__ import annotations

import datetime
import http.client
import json
import math
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from kiosk.files import write_file_atomically
from kiosk.net.backoff import parse_retry_after, retry_delay
from kiosk.net.causes import Cause, socket_cause
from kiosk.net.transport import Budget, connection
from kiosk.trials.model import (
    GRADE_LIMIT,
    MAX_ELIGIBILITY,
    MAX_TESTED,
    MAX_TITLE,
    MAX_TRIALS,
    NCT_PATTERN,
    TRIALS_PATH,
    Site,
    Trial,
    TrialList,
    age_years,
    dump_trials,
    phase_code,
    sex_code,
)

USER_AGENT = "clinic-kiosk-trials/1"
PAGE_SIZE = 100  # studies per page (the API allows up to 1000)
MAX_PAGES = 50  # per cancer: 5,000 studies, far past MAX_TRIALS
MAX_PAGE_BYTES = 32 * 1024 * 1024
STEP_SECONDS = 30.0  # the connect, and each read
TRIES = 5  # per page, for 429 and 5xx answers and dropped connections
# Not transport's rule (kiosk/net/transport.py): a read-only GET worth another try only when
# the API says it is busy or a gateway failed; a 500 or 408 from it is an answer, said as is.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# What each study brings: its id, title, phases, interventions, eligibility and sites. The
# sites' contacts are not asked for.
FIELDS = (
    "protocolSection.identificationModule.nctId",
    "protocolSection.identificationModule.briefTitle",
    "protocolSection.designModule.phases",
    "protocolSection.armsInterventionsModule.interventions",
    "protocolSection.eligibilityModule",
    "protocolSection.contactsLocationsModule.locations",
)
EARTH_MILES = 3958.8


class TrialsConfigError(ValueError):
    """The config does not allow a fetch (no clinic location yet)."""


class TrialsFetchError(Exception):
    """The fetch failed; the message says what happened and what to do."""


@dataclass(frozen=True)
class TrialsSettings:
    api_url: str  # the API's root, e.g. https://clinicaltrials.gov/api/v2
    latitude: float
    longitude: float
    radius_miles: int
    conditions: tuple[str, ...]
    deadline_seconds: float

    @classmethod
    def from_config(cls, config: Any) -> TrialsSettings:
        missing = [n for n in ("trials.latitude", "trials.longitude") if not config[n]]
        if missing:
            raise TrialsConfigError(
                f"set {' and '.join(missing)} to the clinic's location (decimal degrees)"
            )
        names = tuple(n.strip() for n in config["trials.conditions"].split(","))
        return cls(
            api_url=config["trials.api_url"].rstrip("/"),
            latitude=float(config["trials.latitude"]),
            longitude=float(config["trials.longitude"]),
            radius_miles=config["trials.radius_miles"],
            conditions=tuple(dict.fromkeys(names)),
            deadline_seconds=float(config["trials.fetch_deadline_seconds"]),
        )


@dataclass(frozen=True)
class FetchReport:
    trials: TrialList
    pages: int
    skipped: int  # studies left out: no valid NCT number or no title
    waits: tuple[float, ...]  # seconds waited for rate limits and retries


def fetch_trials(
    settings: TrialsSettings,
    grade: Callable[[str], float],
    *,
    now: datetime.datetime | None = None,
    sleep: Callable[[float], None] = time.sleep,
    page_size: int = PAGE_SIZE,
    draw: Callable[[], float] = random.random,
) -> FetchReport:
    """Every recruiting trial near the clinic for the chosen cancers; TrialsFetchError if the
    fetch cannot finish (nothing partial is returned)."""
    budget = Budget(STEP_SECONDS, settings.deadline_seconds)
    found: dict[str, tuple[dict[str, Any], list[str]]] = {}
    pages, skipped = 0, 0
    waits: list[float] = []
    for cancer in settings.conditions:
        token = ""
        for _ in range(MAX_PAGES):
            page = _page(settings, cancer, token, page_size, budget, sleep, draw, waits)
            pages += 1
            for study in page.get("studies", []):
                nct_id = _get(study, "protocolSection", "identificationModule", "nctId")
                if not isinstance(nct_id, str) or not NCT_PATTERN.match(nct_id):
                    skipped += 1
                    continue
                entry = found.setdefault(nct_id, (study, []))
                if cancer not in entry[1]:
                    entry[1].append(cancer)
            if len(found) > MAX_TRIALS:
                raise TrialsFetchError(
                    f"more than {MAX_TRIALS:,} recruiting trials match; set a smaller "
                    f"trials.radius_miles (now {settings.radius_miles})"
                )
            token = page.get("nextPageToken") or ""
            if not token:
                break
        else:
            raise TrialsFetchError(f"the API gave more than {MAX_PAGES} pages for {cancer}")
    trials = []
    for study, cancers in found.values():
        trial = _trial(study, cancers, settings, grade)
        if trial is None:
            skipped += 1
        else:
            trials.append(trial)
    trials.sort(key=lambda t: (t.site.miles if t.site else math.inf, t.nct_id))
    moment = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    listed = TrialList(
        moment.replace(microsecond=0), settings.radius_miles, settings.conditions, tuple(trials)
    )
    return FetchReport(listed, pages, skipped, tuple(waits))


def write_trials(folder: Path, trials: TrialList) -> Path:
    """Write the list into the content folder, whole or not at all."""
    path = folder / TRIALS_PATH
    write_file_atomically(path, dump_trials(trials))
    return path


def query_url(settings: TrialsSettings, cancer: str, token: str, page_size: int) -> str:
    """The address of one page of the search for `cancer`."""
    params = {
        "format": "json",
        "query.cond": cancer,
        "filter.overallStatus": "RECRUITING",
        "filter.geo": (
            f"distance({settings.latitude:.4f},{settings.longitude:.4f},{settings.radius_miles}mi)"
        ),
        "fields": ",".join(FIELDS),
        "pageSize": str(page_size),
    }
    if token:
        params["pageToken"] = token
    return f"{settings.api_url}/studies?{urlencode(params)}"


# -- one page ----------------------------------------------------------------------------------


def _page(
    settings: TrialsSettings,
    cancer: str,
    token: str,
    page_size: int,
    budget: Budget,
    sleep: Callable[[float], None],
    draw: Callable[[], float],
    waits: list[float],
) -> dict[str, Any]:
    url = query_url(settings, cancer, token, page_size)
    for attempt in range(1, TRIES + 1):
        status, retry_after, body = _get_once(url, budget, settings)
        if status == 200:
            return _parse_page(body, cancer)
        if status not in RETRY_STATUSES and status != 0:
            raise TrialsFetchError(_refused(status, body, settings))
        if attempt == TRIES:
            why = "rate limit" if status == 429 else f"HTTP {status}" if status else "no answer"
            raise TrialsFetchError(
                f"the API kept answering {why} after {TRIES} tries for {cancer}; try again later"
            )
        asked = parse_retry_after(retry_after, time.time())
        wait = retry_delay(attempt, draw, asked, base=2.0, cap=60.0)
        try:
            left = budget.left()
        except TimeoutError:
            raise _too_slow(settings) from None
        if wait >= left:
            raise TrialsFetchError(
                f"the API asked to wait {wait:.0f} s, more than the {left:.0f} s left of "
                f"trials.fetch_deadline_seconds ({settings.deadline_seconds:g}); try again later"
            )
        waits.append(wait)
        sleep(wait)
    raise AssertionError("unreachable")


def _get_once(url: str, budget: Budget, settings: TrialsSettings) -> tuple[int, str | None, bytes]:
    """(status, Retry-After, body) of one GET; status 0 for a connection dropped mid-way."""
    parts = urlsplit(url)
    path = f"{parts.path}?{parts.query}"
    try:
        conn = connection(url, budget)
    except TimeoutError:
        raise _too_slow(settings) from None
    try:
        conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        response = conn.getresponse()
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > MAX_PAGE_BYTES:
            raise TrialsFetchError(f"a page of {int(length):,} bytes is larger than allowed")
        body = response.read(MAX_PAGE_BYTES + 1)
        if len(body) > MAX_PAGE_BYTES:
            raise TrialsFetchError(f"a page was larger than {MAX_PAGE_BYTES:,} bytes")
        return response.status, response.getheader("Retry-After"), body
    except OSError as error:  # the one list of network causes (kiosk/net/causes.py)
        cause = (socket_cause(error) or (Cause.OTHER, ""))[0]
        if cause is Cause.TIMED_OUT:
            raise _too_slow(settings) from None
        if cause is Cause.CONNECTION_REFUSED:
            raise TrialsFetchError(
                f"{settings.api_url} refused the connection; check trials.api_url"
            ) from None
        if cause is Cause.HOST_NOT_FOUND:
            raise TrialsFetchError(
                f"{parts.hostname} was not found; check the network and trials.api_url"
            ) from None
        if cause is Cause.TLS_UNTRUSTED:
            raise TrialsFetchError(f"{parts.hostname}'s TLS certificate is not trusted") from None
        return 0, None, b""  # lost on the way: tried again, within the deadline
    except http.client.HTTPException:
        return 0, None, b""
    finally:
        conn.close()


def _too_slow(settings: TrialsSettings) -> TrialsFetchError:
    return TrialsFetchError(
        f"the fetch took longer than trials.fetch_deadline_seconds "
        f"({settings.deadline_seconds:g} s); nothing was written; try again later"
    )


def _refused(status: int, body: bytes, settings: TrialsSettings) -> str:
    said = body[:300].decode("utf-8", "replace").strip().replace("\n", " ")
    hint = "check trials.api_url" if status == 404 else "check the trials settings"
    return f"the API refused the query (HTTP {status}{': ' + said if said else ''}); {hint}"


def _parse_page(body: bytes, cancer: str) -> dict[str, Any]:
    try:
        page = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        page = None
    if not isinstance(page, dict) or not isinstance(page.get("studies", []), list):
        raise TrialsFetchError(
            f"the API's answer for {cancer} is not a page of studies; check trials.api_url"
        )
    token = page.get("nextPageToken")
    if token is not None and not isinstance(token, str):
        raise TrialsFetchError(f"the API's answer for {cancer} has a bad nextPageToken")
    return page


# -- one study as the screen needs it --------------------------------------------------------


def _trial(
    study: dict[str, Any],
    cancers: list[str],
    settings: TrialsSettings,
    grade: Callable[[str], float],
) -> Trial | None:
    ps = study.get("protocolSection") or {}
    nct_id = _get(ps, "identificationModule", "nctId")
    title = _clip(_get(ps, "identificationModule", "briefTitle"), MAX_TITLE)
    if not title:
        return None
    eligibility = _get(ps, "eligibilityModule") or {}
    text = _clean(eligibility.get("eligibilityCriteria"))
    graded: float | None = None
    plain = False
    if text and len(text) <= MAX_ELIGIBILITY:
        graded = round(float(grade(text)), 1)
        plain = graded <= GRADE_LIMIT
    elif len(text) > MAX_ELIGIBILITY:
        text = ""  # never shown cut short: the care team has it whole
    min_age = age_years(eligibility.get("minimumAge"))
    max_age = age_years(eligibility.get("maximumAge"))
    if min_age is not None and max_age is not None and min_age > max_age:
        min_age = max_age = None
    return Trial(
        nct_id=nct_id,
        title=title,
        tested=_tested(_get(ps, "armsInterventionsModule", "interventions") or []),
        phase=phase_code(_list(_get(ps, "designModule", "phases"))),
        cancers=tuple(cancers),
        min_age=min(min_age, 150) if min_age is not None else None,
        max_age=min(max_age, 150) if max_age is not None else None,
        sex=sex_code(eligibility.get("sex")),
        eligibility=text,
        eligibility_grade=graded,
        eligibility_plain=plain,
        site=_nearest(_list(_get(ps, "contactsLocationsModule", "locations")), settings),
    )


def _tested(interventions: Iterable[Any]) -> tuple[str, ...]:
    names = []
    for item in interventions if isinstance(interventions, list) else []:
        name = _clip(item.get("name") if isinstance(item, dict) else None, MAX_TITLE)
        if name and name not in names:
            names.append(name)
    return tuple(names[:MAX_TESTED])


def _nearest(locations: list[Any], settings: TrialsSettings) -> Site | None:
    best: Site | None = None
    for place in locations:
        if not isinstance(place, dict):
            continue
        status = place.get("status")
        if status not in (None, "RECRUITING"):
            continue
        point = place.get("geoPoint") or {}
        lat: Any = point.get("lat")
        lon: Any = point.get("lon")
        if not (_number(lat) and _number(lon)):
            continue
        miles = _miles(settings.latitude, settings.longitude, float(lat), float(lon))
        if best is None or miles < best.miles:
            best = Site(
                _clip(place.get("facility"), MAX_TITLE),
                _clip(place.get("city"), MAX_TITLE),
                _clip(place.get("state"), MAX_TITLE),
                round(miles, 1),
            )
    return best


def _miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_MILES * math.asin(min(1.0, math.sqrt(a)))


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _clean(value: Any) -> str:
    """Text without control characters (tabs and newlines kept)."""
    if not isinstance(value, str):
        return ""
    return "".join(c for c in value if ord(c) >= 32 or c in "\n\t").strip()


def _clip(value: Any, limit: int) -> str:
    text = " ".join(_clean(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
