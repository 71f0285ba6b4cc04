"""The clinical-trials list a content folder carries (`trials.json`), checked like everything
else in it, and the plain-words rules the trials screen is built on.

The file is written by `kiosk trials fetch` and read back by the loader (validate, publish,
sync all go through it), so a hand-edited or truncated list is refused with the line that
says why, like a bad card. Each trial is already in the shape the screen needs: a phase code
(`PHASES`), an age range in whole years, who may join by sex, the nearest site and its
distance from the clinic, and the eligibility text together with the verdict on its reading
grade (graded when it was fetched: the grading tools are authoring-only), so a kiosk never
shows text that reads above grade 8.

    {"format": 1, "fetched_at": "2026-11-02T09:00:00Z", "radius_miles": 100,
     "cancers": ["leukemia", "lymphoma", "myeloma"],
     "trials": [{"nct_id": "NCT01234567", "title": "...", "tested": ["..."],
                 "phase": "2", "cancers": ["lymphoma"], "min_age": 18, "max_age": null,
                 "sex": "all", "eligibility": "...", "eligibility_grade": 14.2,
                 "eligibility_plain": false,
                 "site": {"name": "...", "city": "...", "state": "...", "miles": 12.5}}]}
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.trials import CANCERS  # its home: light for the config to import

TRIALS_PATH = "trials.json"  # inside a content folder, beside content.toml
FORMAT = 1
MAX_TRIALS_BYTES = 4 * 1024 * 1024
MAX_TRIALS = 2000
MAX_TITLE = 400
MAX_ELIGIBILITY = 20_000
MAX_TESTED = 20
NCT_PATTERN = re.compile(r"\ANCT\d{8}\Z")
GRADE_LIMIT = 8.0  # as for cards: text above it is never shown raw

# Phases as the screen shows them, one plain sentence each; "none" is a study without phases
# (ClinicalTrials.gov's "NA", e.g. a device or a behaviour study).
PHASES = ("early-1", "1", "1-2", "2", "2-3", "3", "4", "none")
SEXES = ("all", "female", "male")


class BadTrials(ValueError):
    """The trials list cannot be used; the message says what is wrong with it."""


@dataclass(frozen=True)
class Site:
    """The trial's site nearest the clinic."""

    name: str
    city: str
    state: str
    miles: float  # from the clinic, as the crow flies


@dataclass(frozen=True)
class Trial:
    nct_id: str
    title: str
    tested: tuple[str, ...]  # what is being tested: the interventions' names
    phase: str  # one of PHASES
    cancers: tuple[str, ...]  # which of CANCERS it is for
    min_age: int | None  # years; None: no lower limit given
    max_age: int | None
    sex: str  # one of SEXES
    eligibility: str  # the registry's own words (English)
    eligibility_grade: float | None  # the reading grade at fetch time; None: not graded
    eligibility_plain: bool  # graded at or below GRADE_LIMIT: may be shown as it is
    site: Site | None

    @property
    def page(self) -> str:
        """The trial's public page."""
        return f"https://clinicaltrials.gov/study/{self.nct_id}"


@dataclass(frozen=True)
class TrialList:
    fetched_at: datetime.datetime  # UTC
    radius_miles: int
    cancers: tuple[str, ...]
    trials: tuple[Trial, ...]

    def age_days(self, now: datetime.datetime) -> float:
        return (now - self.fetched_at).total_seconds() / 86400

    def is_stale(self, now: datetime.datetime, stale_days: int) -> bool:
        """Older than `stale_days` (trials.stale_days): the screen says it may be out of date."""
        return self.age_days(now) > stale_days

    def phases(self) -> list[str]:
        """The phases that some trial in the list has, in PHASES order."""
        present = {t.phase for t in self.trials}
        return [p for p in PHASES if p in present]

    def search(self, text: str) -> list[Trial]:
        """Trials whose title or tested treatments have a word starting with each word of
        `text`, ignoring case and accents (the registry's words are English), nearest first."""
        wanted = _words(text)
        if not wanted:
            return []
        found = [
            trial
            for trial, words in self._search_words
            if all(any(word.startswith(w) for word in words) for w in wanted)
        ]
        return sorted(found, key=lambda t: (t.site.miles if t.site else 1e9, t.nct_id))

    @functools.cached_property
    def _search_words(self) -> list[tuple[Trial, list[str]]]:
        """Each trial with its title's and treatments' words as search compares them: made
        once per list, not at every keystroke."""
        return [(t, _words(" ".join((t.title, *t.tested)))) for t in self.trials]

    def matching(self, cancer: str = "", phase: str = "") -> list[Trial]:
        """Trials for `cancer` and in `phase` ("" for any), nearest first."""
        chosen = [
            t
            for t in self.trials
            if (not cancer or cancer in t.cancers) and (not phase or t.phase == phase)
        ]
        return sorted(chosen, key=lambda t: (t.site.miles if t.site else 1e9, t.nct_id))


def _words(text: str) -> list[str]:
    """Lower-case words without accents: how search compares them."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return re.findall(r"\w+", "".join(c for c in plain if not unicodedata.combining(c)))


def phase_code(phases: Sequence[str]) -> str:
    """ClinicalTrials.gov's phase list (["PHASE1", "PHASE2"]) as one of PHASES."""
    names = {str(p).upper() for p in phases}
    numbers = sorted(int(n[-1]) for n in names if re.fullmatch(r"PHASE[1-4]", n))
    if numbers:
        return "-".join(str(n) for n in sorted({numbers[0], numbers[-1]}))
    if "EARLY_PHASE1" in names:
        return "early-1"
    return "none"


def age_years(text: str | None) -> int | None:
    """ "18 Years", "6 Months", "N/A" as whole years (months and weeks round down)."""
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d{1,3})\s*(year|month|week|day|hour|minute)s?\s*", text, re.I)
    if not match:
        return None
    number, unit = int(match[1]), match[2].lower()
    per_year = {"year": 1, "month": 12, "week": 52, "day": 365, "hour": 8760, "minute": 525600}
    return number // per_year[unit]


def sex_code(text: str | None) -> str:
    value = (text or "ALL").strip().lower()
    return value if value in SEXES else "all"


# -- the file ----------------------------------------------------------------------------------


def dump_trials(trials: TrialList) -> bytes:
    """The list as the content folder keeps it: JSON, sorted keys, one trial per line."""
    head = {
        "format": FORMAT,
        "fetched_at": trials.fetched_at.astimezone(datetime.UTC)
        .isoformat(timespec="seconds")
        .replace("+00:00", "Z"),
        "radius_miles": trials.radius_miles,
        "cancers": list(trials.cancers),
    }
    lines = [json.dumps(_trial_json(t), sort_keys=True, ensure_ascii=False) for t in trials.trials]
    text = json.dumps(head, sort_keys=True, ensure_ascii=False)[:-1]
    text += ', "trials": [\n' + ",\n".join(lines) + "\n]}\n"
    return text.encode("utf-8")


def _trial_json(t: Trial) -> dict[str, Any]:
    site = None
    if t.site is not None:
        site = {"name": t.site.name, "city": t.site.city, "state": t.site.state}
        site["miles"] = round(t.site.miles, 1)  # type: ignore[assignment]
    return {
        "nct_id": t.nct_id,
        "title": t.title,
        "tested": list(t.tested),
        "phase": t.phase,
        "cancers": list(t.cancers),
        "min_age": t.min_age,
        "max_age": t.max_age,
        "sex": t.sex,
        "eligibility": t.eligibility,
        "eligibility_grade": t.eligibility_grade,
        "eligibility_plain": t.eligibility_plain,
        "site": site,
    }


def parse_trials(data: bytes) -> TrialList:
    """Read and check a trials.json; raise BadTrials naming the first thing wrong."""
    if len(data) > MAX_TRIALS_BYTES:
        raise BadTrials(f"is {len(data):,} bytes; the limit is {MAX_TRIALS_BYTES:,}")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BadTrials(f"is not JSON ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadTrials(f"is not format {FORMAT}")
    fetched_at = _time(document.get("fetched_at"))
    radius: Any = document.get("radius_miles")
    if not _whole(radius, 1, 10_000):
        raise BadTrials("'radius_miles' must be a whole number of miles")
    cancers = _codes(document.get("cancers"), CANCERS, "cancers")
    entries = document.get("trials")
    if not isinstance(entries, list):
        raise BadTrials("'trials' must be a list")
    if len(entries) > MAX_TRIALS:
        raise BadTrials(f"lists {len(entries):,} trials; the limit is {MAX_TRIALS:,}")
    trials, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        trial = _trial(entry, f"trial {number}")
        if trial.nct_id in seen:
            raise BadTrials(f"trial {number}: {trial.nct_id} is listed twice")
        seen.add(trial.nct_id)
        trials.append(trial)
    return TrialList(fetched_at, radius, cancers, tuple(trials))


def _trial(entry: Any, where: str) -> Trial:
    if not isinstance(entry, dict):
        raise BadTrials(f"{where} must be an object")
    nct_id = entry.get("nct_id")
    if not isinstance(nct_id, str) or not NCT_PATTERN.match(nct_id):
        raise BadTrials(f"{where}: 'nct_id' must be NCT and 8 digits")
    where = f"{where} ({nct_id})"
    title = _text(entry.get("title"), MAX_TITLE, f"{where}: 'title'")
    if not title.strip():
        raise BadTrials(f"{where}: 'title' is empty")
    tested = entry.get("tested")
    if not isinstance(tested, list) or len(tested) > MAX_TESTED:
        raise BadTrials(f"{where}: 'tested' must be a list of at most {MAX_TESTED} names")
    names = tuple(_text(n, MAX_TITLE, f"{where}: 'tested'") for n in tested)
    phase = entry.get("phase")
    if phase not in PHASES:
        raise BadTrials(f"{where}: 'phase' must be one of {', '.join(PHASES)}")
    ages: list[Any] = [entry.get("min_age"), entry.get("max_age")]
    if any(a is not None and not _whole(a, 0, 150) for a in ages):
        raise BadTrials(f"{where}: ages must be whole years from 0 to 150, or null")
    if ages[0] is not None and ages[1] is not None and ages[0] > ages[1]:
        raise BadTrials(f"{where}: 'min_age' is above 'max_age'")
    sex = entry.get("sex")
    if sex not in SEXES:
        raise BadTrials(f"{where}: 'sex' must be one of {', '.join(SEXES)}")
    eligibility = _text(entry.get("eligibility"), MAX_ELIGIBILITY, f"{where}: 'eligibility'")
    grade, plain = entry.get("eligibility_grade"), entry.get("eligibility_plain")
    if grade is not None and (isinstance(grade, bool) or not isinstance(grade, int | float)):
        raise BadTrials(f"{where}: 'eligibility_grade' must be a number or null")
    if not isinstance(plain, bool):
        raise BadTrials(f"{where}: 'eligibility_plain' must be true or false")
    if plain and (grade is None or grade > GRADE_LIMIT):  # the verdict must follow the grade
        raise BadTrials(f"{where}: eligibility marked plain but graded above {GRADE_LIMIT:g}")
    return Trial(
        nct_id=nct_id,
        title=title.strip(),
        tested=names,
        phase=phase,
        cancers=_codes(entry.get("cancers"), CANCERS, f"{where}: 'cancers'"),
        min_age=ages[0],
        max_age=ages[1],
        sex=sex,
        eligibility=eligibility,
        eligibility_grade=None if grade is None else float(grade),
        eligibility_plain=plain,
        site=_site(entry.get("site"), where),
    )


def _site(value: Any, where: str) -> Site | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadTrials(f"{where}: 'site' must be an object or null")
    miles = value.get("miles")
    if isinstance(miles, bool) or not isinstance(miles, int | float) or not 0 <= miles <= 25_000:
        raise BadTrials(f"{where}: the site's 'miles' must be a distance")
    parts = [_text(value.get(k), MAX_TITLE, f"{where}: site '{k}'") for k in ("name", "city")]
    state = _text(value.get("state", ""), MAX_TITLE, f"{where}: site 'state'")
    return Site(parts[0], parts[1], state, float(miles))


def _text(value: Any, limit: int, what: str) -> str:
    if not isinstance(value, str):
        raise BadTrials(f"{what} must be text")
    if len(value) > limit:
        raise BadTrials(f"{what} is longer than {limit:,} characters")
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise BadTrials(f"{what} holds control characters")
    return value


def _codes(value: Any, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or any(v not in known for v in value):
        raise BadTrials(f"{what} must list some of {', '.join(known)}")
    return tuple(dict.fromkeys(value))


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _time(value: Any) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BadTrials("'fetched_at' must be an ISO 8601 time with its zone")
    return moment.astimezone(datetime.UTC)
