"""Every setting the kiosk understands, declared once, and the TOML file that overrides them.

The schema below is the single source of truth: `docs/configuration.md` lists the same
settings (a test keeps them in step), and an unknown or badly typed key is an error that
names the key, so a typo in a clinic's config never silently falls back to a default.
Every whole-number setting has a range, and the top of each range is one the program can use:
times end up in Qt timers, which take whole milliseconds up to 2**31 - 1 (24.8 days), and every
limit here is far below that (a test checks), so an out-of-range value stops the kiosk at load
with exit 2 naming the key instead of crashing it or silently stopping a timer later.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content.model import LANGUAGES
from kiosk.net.addresses import FAULT_WORDS, address_fault
from kiosk.net.signing import SECRET_FORMAT, secret_problem
from kiosk.trials import CANCERS

TIMER_LIMIT_MS = 2**31 - 1  # QTimer's interval is a C int of milliseconds
TEXT_SIZES = (100, 130, 160, 200)


class ConfigError(Exception):
    """The config file cannot be used; the message says which file and key, and why."""


@dataclass(frozen=True)
class Setting:
    name: str
    type: type[int] | type[bool] | type[str]  # the TOML types a setting may take
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    problem: Callable[[Any], str] | None = None  # why a value of the right type is refused

    def check(self, value: Any) -> Any:
        """Return the value if it fits this setting, else raise ConfigError saying why."""
        if (self.type is int and isinstance(value, bool)) or not isinstance(value, self.type):
            raise ConfigError(
                f"setting '{self.name}' must be {_TYPE_WORDS[self.type]}, not {value!r}"
            )
        if self.choices and value not in self.choices:
            options = ", ".join(repr(c) for c in self.choices)
            raise ConfigError(f"setting '{self.name}' must be one of {options}, not {value!r}")
        if isinstance(value, int):  # the bounds are for whole numbers
            if self.minimum is not None and value < self.minimum:
                raise ConfigError(f"setting '{self.name}' must be at least {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ConfigError(f"setting '{self.name}' must be at most {self.maximum}")
        why = self.problem(value) if self.problem else ""
        if why:  # never the value itself: the secrets are checked this way
            raise ConfigError(f"setting '{self.name}' {why}")
        return value


def _signing_secret_problem(value: str) -> str:
    """Empty (nothing is sent) or a Standard Webhooks secret (docs/callback-webhook.md)."""
    return secret_problem(value) if value else ""


def _accent_problem(value: str) -> str:
    """Empty (the kiosk's own blue) or a #rrggbb colour white words read on at 7:1."""
    from kiosk.theme import accent_problem  # Qt-free; only needed for a clinic's colour

    return accent_problem(value) if value else ""


def _logo_problem(value: str) -> str:
    """Empty (no logo) or the absolute path of an SVG that validate's safe subset accepts."""
    if not value:
        return ""
    path = Path(value)
    if not path.is_absolute() or path.suffix.lower() != ".svg":
        return f"must be the absolute path of an .svg file, not {value!r}"
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"names {value}, which cannot be read ({error.strerror or error})"
    from kiosk.content.source.svg_check import check_svg

    problems = check_svg(data).problems
    if problems:
        why, line = problems[0]
        where = f" (line {line})" if line else ""
        return f"names {value}, which is not an SVG the kiosk can show{where}: {why}"
    return ""


def _degrees_problem(limit: float) -> Callable[[Any], str]:
    """Empty (not set yet) or decimal degrees within +-`limit` (latitude 90, longitude 180)."""

    def problem(value: str) -> str:
        if not value:
            return ""
        try:
            degrees = float(value)
        except ValueError:
            return f"must be decimal degrees, e.g. '{limit / 2:g}.5'"
        return "" if -limit <= degrees <= limit else f"must be from -{limit:g} to {limit:g}"

    return problem


def _conditions_problem(value: str) -> str:
    """A comma-separated choice among the blood cancers the trials screen knows."""
    names = [name.strip() for name in value.split(",")]
    if not all(names) or any(name not in CANCERS for name in names):
        return f"must list some of {', '.join(CANCERS)}, separated by commas"
    return ""


def _api_url_problem(value: str) -> str:
    fault = address_fault(value)
    return FAULT_WORDS[fault].format(setting="").strip() if fault else ""


_TYPE_WORDS = {int: "a whole number", bool: "true or false", str: "text"}

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "clinic.name",
        str,
        "",
        "The clinic's name, shown on the attract loop and on home; empty shows none.",
    ),
    Setting(
        "clinic.logo",
        str,
        "",
        "Absolute path of the clinic's logo, an SVG within the safe subset cards' pictures use "
        "(`kiosk content validate` rules); shown beside the name. Empty shows none.",
        problem=_logo_problem,
    ),
    Setting(
        "clinic.accent",
        str,
        "",
        "The clinic's colour (#rrggbb) for the bar, buttons and chosen choices. White words on "
        "it must reach 7:1 contrast, or the kiosk refuses it at load; empty keeps #1d4a73.",
        problem=_accent_problem,
    ),
    Setting(
        "language.default",
        str,
        "en",
        "Language the kiosk starts in and returns to after the idle reset.",
        choices=LANGUAGES,
    ),
    Setting(
        "display.text_size",
        int,
        100,
        "Text size in percent that the kiosk starts in and returns to after the idle reset.",
        choices=TEXT_SIZES,
    ),
    Setting(
        "display.high_contrast",
        bool,
        False,
        "Start in, and return after the idle reset to, the high-contrast theme (white on black).",
    ),
    Setting(
        "speech.engine",
        str,
        "",
        "Qt text-to-speech engine for Read aloud (e.g. speechd); empty picks the system's default.",
    ),
    Setting(
        "speech.volume",
        int,
        80,
        "Read-aloud volume in percent that the kiosk returns to after the idle reset.",
        minimum=0,
        maximum=100,
    ),
    Setting(
        "display.fullscreen",
        bool,
        True,
        "Run full-screen and frameless. `kiosk run --windowed` overrides it for development.",
    ),
    Setting(
        "idle.timeout_seconds",
        int,
        90,
        "Seconds without a touch before the kiosk asks “Are you still there?”.",
        minimum=1,
        maximum=3600,
    ),
    Setting(
        "idle.warning_seconds",
        int,
        30,
        "Seconds the “Are you still there?” notice waits before the kiosk resets.",
        minimum=20,
        maximum=600,
    ),
    Setting(
        "kiosk.id",
        str,
        "",
        "Name of this kiosk in callback requests and fleet status; empty means the host name.",
    ),
    Setting(
        "callbacks.endpoint",
        str,
        "",
        "HTTPS address that receives callback requests; empty keeps requests queued on the kiosk.",
    ),
    Setting(
        "callbacks.secret",
        str,
        "",
        "Standard Webhooks secret that signs each callback request "
        f"({SECRET_FORMAT}); empty keeps requests queued on the kiosk.",
        problem=_signing_secret_problem,
    ),
    Setting(
        "callbacks.region",
        str,
        "US",
        "Country whose phone numbers the callback form accepts (two-letter code).",
    ),
    Setting(
        "callbacks.retention_days",
        int,
        14,
        "Days an undelivered callback request keeps its personal data before it is erased.",
        minimum=1,
        maximum=365,
    ),
    Setting(
        "callbacks.promise.en",
        str,
        "",
        "What the confirmation promises in English; empty uses the built-in sentence.",
    ),
    Setting(
        "callbacks.promise.es",
        str,
        "",
        "What the confirmation promises in Spanish; empty uses the built-in sentence.",
    ),
    Setting(
        "callbacks.unavailable_message.en",
        str,
        "",
        "What the kiosk says in English instead of offering Contact a specialist when it cannot "
        "send requests (no endpoint or secret); empty uses the built-in sentence.",
    ),
    Setting(
        "callbacks.unavailable_message.es",
        str,
        "",
        "What the kiosk says in Spanish instead of offering Contact a specialist when it cannot "
        "send requests; empty uses the built-in sentence.",
    ),
    Setting(
        "printing.printer",
        str,
        "",
        'CUPS printer that "Print this card" prints to, or a path ending in .pdf to write the '
        "page there; empty offers no printing.",
    ),
    Setting(
        "sync.repository_url",
        str,
        "",
        "Address of the published content repository; empty turns content updates off.",
    ),
    Setting(
        "sync.trusted_root",
        str,
        "",
        "Path to the trusted root.json this kiosk was provisioned with.",
    ),
    Setting(
        "sync.interval_minutes",
        int,
        15,
        "Minutes between checks for new content.",
        minimum=1,
        maximum=1440,
    ),
    Setting(
        "status.endpoint",
        str,
        "",
        "HTTPS address that receives this kiosk's signed status (the fleet heartbeat); empty "
        "sends none.",
    ),
    Setting(
        "status.secret",
        str,
        "",
        f"Standard Webhooks secret that signs each heartbeat ({SECRET_FORMAT}); empty sends none.",
        problem=_signing_secret_problem,
    ),
    Setting(
        "status.interval_minutes",
        int,
        5,
        "Minutes between heartbeats.",
        minimum=1,
        maximum=1440,
    ),
    Setting(
        "out_of_service.message.en",
        str,
        "",
        "What the out-of-service screen says in English; empty uses the built-in sentence.",
    ),
    Setting(
        "out_of_service.message.es",
        str,
        "",
        "What the out-of-service screen says in Spanish; empty uses the built-in sentence.",
    ),
    Setting(
        "content.review_months",
        int,
        12,
        "Months after which `kiosk content validate` warns that a card is due for review.",
        minimum=1,
        maximum=120,
    ),
    Setting(
        "attract.slide_seconds",
        int,
        8,
        "Seconds each highlight stays on the attract screen before the next one fades in.",
        minimum=2,
        maximum=600,
    ),
    Setting(
        "trials.api_url",
        str,
        "https://clinicaltrials.gov/api/v2",
        "Address of the ClinicalTrials.gov API (version 2) that `kiosk trials fetch` asks.",
        problem=_api_url_problem,
    ),
    Setting(
        "trials.latitude",
        str,
        "",
        "The clinic's latitude in decimal degrees, e.g. '39.0035'; empty: trials cannot be "
        "fetched yet.",
        problem=_degrees_problem(90),
    ),
    Setting(
        "trials.longitude",
        str,
        "",
        "The clinic's longitude in decimal degrees, e.g. '-77.1013'; empty: trials cannot be "
        "fetched yet.",
        problem=_degrees_problem(180),
    ),
    Setting(
        "trials.radius_miles",
        int,
        100,
        "Miles from the clinic within which a trial's site counts as near.",
        minimum=1,
        maximum=3000,
    ),
    Setting(
        "trials.conditions",
        str,
        ", ".join(CANCERS),
        "Blood cancers whose recruiting trials are fetched, separated by commas.",
        problem=_conditions_problem,
    ),
    Setting(
        "trials.stale_days",
        int,
        30,
        "Days after which the trials list is said to be out of date (screen and `kiosk status`).",
        minimum=1,
        maximum=365,
    ),
    Setting(
        "trials.fetch_deadline_seconds",
        int,
        300,
        "Seconds `kiosk trials fetch` may take in all, waits for rate limits included.",
        minimum=10,
        maximum=3600,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    """The settings in force: defaults, overridden by the config file."""

    values: dict[str, Any] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})
    source: Path | None = None

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def replace(self, **changes: Any) -> Config:
        """A copy with some settings changed and checked (dots written as double underscores)."""
        values = dict(self.values)
        for key, value in changes.items():
            name = key.replace("__", ".")
            values[name] = _setting(name).check(value)
        return Config(values, self.source)


def _setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        hint = difflib.get_close_matches(name, _BY_NAME, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise ConfigError(f"unknown setting '{name}'{suggestion}") from None


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def load_config(path: Path | None) -> Config:
    """Read a TOML config file over the defaults; no path means the defaults alone."""
    if path is None:
        return Config()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    values = {s.name: s.default for s in SETTINGS}
    try:
        for name, value in _flatten(table).items():
            values[name] = _setting(name).check(value)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}") from None
    return Config(values, path)
