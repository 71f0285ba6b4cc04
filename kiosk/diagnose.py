"""`kiosk doctor`'s checks: what is wrong with this machine, and the one line that fixes it.

A clinic's IT person installs the kiosk following docs/deploy.md; when the screen stays
black they need a sentence, not a traceback. Each check is a small function returning a
`Check` (name, passed, detail, fix), so the command, the tests and later the staff panel
share the answers. Nothing here imports Qt: Qt checks run `python -c` in a subprocess,
because a Qt platform that cannot start aborts the process that tries it, and the doctor
must live to say why.
"""

from __future__ import annotations

import datetime
import http.client
import importlib.util
import json
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.assets import default_content_dir
from kiosk.config import Config, ConfigError, load_config

LOW_DISK_BYTES = 500 * 1000**2  # as kiosk/staff/checks.py: below this, updates cannot land
SPEECH_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
FONT_PACKAGES = "fonts-dejavu-core fonts-noto-core"
# Letters the cards and the UI use that a font without full Latin coverage lacks.
LATIN_SAMPLE = "áéíóúüñÁÉÍÓÚÜÑ¿¡“”‘’–—…€"
# Debian names a library's package after its soname (libxcb-cursor.so.0: libxcb-cursor0),
# with a hyphen before a version that follows a digit (libX11.so.6: libx11-6); except these.
PACKAGE_EXCEPTIONS = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0"}
_MISSING_LIBRARY = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")
_LDD_NOT_FOUND = re.compile(r"^\s*(\S+\.so\S*) => not found", re.MULTILINE)
_REVIEWED = re.compile(r"^reviewed\s*=\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)
_PLATFORM_PROBE = (
    "import sys; from PySide6.QtGui import QGuiApplication; "
    "app = QGuiApplication(sys.argv[:1]); print('platform=' + app.platformName())"
)
_FONT_PROBE = """
import json, sys
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics, QGuiApplication
app = QGuiApplication(sys.argv[:1])
font, sample = QGuiApplication.font(), sys.argv[1]
metrics = QFontMetrics(font)
print(json.dumps({"families": len(QFontDatabase.families()), "family": QFontInfo(font).family(),
                  "missing": [c for c in sample if not metrics.inFontUcs4(ord(c))]}))
"""
_SPEECH_PROBE = """
import json, sys
try:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError as error:
    print(json.dumps({"import_error": str(error)}))
    sys.exit()
app, name = QCoreApplication(sys.argv[:1]), sys.argv[1]
found = {"engines": QTextToSpeech.availableEngines()}
if not name or name in found["engines"]:
    tts = QTextToSpeech(name) if name else QTextToSpeech()
    loop = QEventLoop()
    tts.stateChanged.connect(loop.quit)
    QTimer.singleShot(5000, loop.quit)
    if tts.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
        loop.exec()
    found |= {"engine": tts.engine(), "state": tts.state().name, "error": tts.errorString(),
              "languages": sorted({l.name().split("_")[0] for l in tts.availableLocales()})}
print(json.dumps(found))
"""


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str
    fix: str = ""  # one line, only when the check failed


def run_checks(
    config_path: Path | None,
    data_dir: Path,
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[Check]:
    """Every check, in the order an installer meets the problems."""
    environ = os.environ if environ is None else environ
    config_check, config = check_config(config_path)
    checks = [config_check, check_platform(platform or chosen_platform(environ), environ)]
    checks += [check_fonts(environ), check_data_dir(data_dir), check_stores(data_dir)]
    if config is None:
        later = ("speech", "trusted root", "endpoints")
        checks += [
            Check(name, False, "not checked: the config is invalid", _FIRST) for name in later
        ]
    else:
        checks += [check_speech(config["speech.engine"], environ), check_trusted_root(config)]
        checks += [check_endpoint(setting, config[setting]) for setting in ENDPOINTS]
    sync_on = config is not None and bool(config["sync.repository_url"])
    checks.append(check_clock(datetime.datetime.now(datetime.UTC), build_date(), sync_on))
    return [*checks, check_disk(data_dir)]


_FIRST = "fix the config first (see the config check)"


# -- Qt: platform, fonts, speech --------------------------------------------------------------


def chosen_platform(environ: Mapping[str, str]) -> str | None:
    """The Qt platform `kiosk run` would use here, or None where there is no display at all."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb" if environ.get("DISPLAY") else None


def check_platform(platform: str | None, environ: Mapping[str, str]) -> Check:
    """Qt starts on `platform`; with no display here, the plugins' libraries are all present."""
    name = "qt platform"
    if platform is None:
        missing = sorted({lib for p in ("wayland", "xcb") for lib in plugin_missing_libraries(p)})
        if missing:
            return Check(
                name, False, f"Qt's display plugins lack {', '.join(missing)}", _install(missing)
            )
        return Check(name, True, "no display in this session; wayland and xcb libraries present")
    env = {**environ, "QT_QPA_PLATFORM": platform, "QT_DEBUG_PLUGINS": "1"}
    result = _python(_PLATFORM_PROBE, env=env)
    if result.returncode == 0 and f"platform={platform}" in result.stdout:
        return Check(name, True, f'Qt starts on "{platform}"')
    return platform_failure(platform, result.stderr, plugin_missing_libraries(platform), environ)


def platform_failure(
    platform: str, stderr: str, ldd_missing: list[str], environ: Mapping[str, str]
) -> Check:
    """Qt's words for a platform that did not start, turned into a cause and a fix."""
    name = "qt platform"
    if "could not connect to display" in stderr:
        detail = f"no X display at DISPLAY={environ.get('DISPLAY', '')!r}"
        return Check(name, False, detail, "run this in the kiosk's X session, or set DISPLAY")
    if "Failed to create wl_display" in stderr or "Failed to connect to Wayland" in stderr:
        detail = f"no Wayland compositor at WAYLAND_DISPLAY={environ.get('WAYLAND_DISPLAY', '')!r}"
        return Check(name, False, detail, "start the kiosk under cage (docs/deploy.md)")
    missing = sorted(set(_MISSING_LIBRARY.findall(stderr)) | set(ldd_missing))
    if missing:
        detail = f'the "{platform}" plugin cannot load: {", ".join(missing)} missing'
        return Check(name, False, detail, _install(missing))
    if "Could not find the Qt platform plugin" in stderr:
        detail = f'Qt has no platform plugin "{platform}"'
        return Check(name, False, detail, "set QT_QPA_PLATFORM to wayland or xcb")
    lines = [line for line in stderr.splitlines() if line.strip() and "qt.core." not in line]
    detail = f'Qt cannot start on "{platform}": {lines[-1] if lines else "no message"}'
    return Check(name, False, detail, "run `QT_DEBUG_PLUGINS=1 kiosk run` and read the end")


def plugin_missing_libraries(name: str, folder: str = "platforms") -> list[str]:
    """The shared libraries `ldd` cannot find for Qt's plugin `libq<name>.so` in `folder`."""
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    if spec is None or not spec.submodule_search_locations:
        return []
    plugin = Path(spec.submodule_search_locations[0], "Qt", "plugins", folder, f"libq{name}.so")
    if not plugin.exists() or shutil.which("ldd") is None:
        return []
    result = subprocess.run(["ldd", plugin], capture_output=True, text=True, check=False)
    return sorted(set(_LDD_NOT_FOUND.findall(result.stdout)))


def check_fonts(environ: Mapping[str, str]) -> Check:
    """Qt finds fonts, and the default one has every letter Spanish and English cards use."""
    fix = f"sudo apt-get install {FONT_PACKAGES}"
    found = _probe_json(_FONT_PROBE, [LATIN_SAMPLE], environ)
    if "error" in found:
        return Check("fonts", False, f"cannot list fonts: {found['error']}", fix)
    if not found["families"] or not found["family"]:
        return Check("fonts", False, "Qt finds no fonts at all", fix)
    if found["missing"]:
        detail = f"{found['family']} lacks {''.join(found['missing'])}"
        return Check("fonts", False, detail, fix)
    return Check("fonts", True, f"{found['family']}, {found['families']} families, full Latin")


def check_speech(engine: str, environ: Mapping[str, str]) -> Check:
    """Read aloud can work: QtTextToSpeech, an engine that gets ready, en and es voices."""
    found = _probe_json(_SPEECH_PROBE, [engine], environ)
    used = found.get("engine") or engine or next(iter(found.get("engines", [])), "")
    missing = plugin_missing_libraries(f"texttospeech_{used}", "texttospeech") if used else []
    return speech_verdict(engine, found, missing)


def speech_verdict(engine: str, found: dict, missing: Sequence[str] = ()) -> Check:
    """What the speech probe's findings mean; `missing` are libraries the engine's plugin lacks."""
    install = f"sudo apt-get install {SPEECH_PACKAGES}"
    if "import_error" in found:
        detail = f"PySide6.QtTextToSpeech is not installed ({found['import_error']})"
        return Check("speech", False, detail, "pip install PySide6-Addons (same version as Qt)")
    if "error" in found and "engines" not in found:
        return Check("speech", False, f"the speech check failed: {found['error']}", install)
    if engine and engine not in found["engines"]:
        have = ", ".join(found["engines"]) or "none"
        detail = f"engine '{engine}' is not installed (have: {have})"
        return Check(
            "speech", False, detail, "set speech.engine to one of those, or leave it empty"
        )
    used = found.get("engine") or engine or next(iter(found["engines"]), "default")
    if found.get("state") != "Ready":
        if missing:
            detail = f"engine {used} cannot load: {', '.join(missing)} missing"
            return Check("speech", False, detail, f"{_install(list(missing))} {SPEECH_PACKAGES}")
        why = found.get("error") or f"state {found.get('state')} after 5 s"
        return Check("speech", False, f"engine {used} does not work: {why}", install)
    if used == "mock" and engine != "mock":
        return Check("speech", False, "only Qt's silent test engine is there", install)
    lacking = [lang for lang in ("en", "es") if lang not in found.get("languages", [])]
    if lacking:
        return Check("speech", False, f"engine {used} has no {'/'.join(lacking)} voice", install)
    return Check("speech", True, f"engine {used} ready, voices for en and es")


def _probe_json(code: str, args: list[str], environ: Mapping[str, str]) -> dict:
    env = {**environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _python(code, *args, env=env)
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        last = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
        return {"error": last}


def _python(code: str, *args: str, env: Mapping[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess([], 1, "", "no answer within 30 s")


def debian_package(library: str) -> str:
    """The Debian package that ships `library` (a soname such as libxcb-cursor.so.0)."""
    if library in PACKAGE_EXCEPTIONS:
        return PACKAGE_EXCEPTIONS[library]
    stem, _, version = library.partition(".so")
    stem, version = stem.lower(), version.lstrip(".").split(".")[0]
    return f"{stem}-{version}" if stem[-1].isdigit() and version else f"{stem}{version}"


def _install(libraries: list[str]) -> str:
    return f"sudo apt-get install {' '.join(sorted({debian_package(lib) for lib in libraries}))}"


# -- config and files -------------------------------------------------------------------------


def check_config(path: Path | None) -> tuple[Check, Config | None]:
    """The file parses, every key is known, and settings that go together do."""
    fix = "edit the config file; packaging/kiosk.toml.example explains every setting"
    try:
        config = load_config(path)
    except ConfigError as error:
        return Check("config", False, str(error), fix), None
    where = str(path) if path else "built-in defaults (no config file)"
    problems = setting_problems(config)
    if problems:
        return Check("config", False, f"{where}: {'; '.join(problems)}", fix), None
    return Check("config", True, where), config


def setting_problems(config: Config) -> list[str]:
    """What the running kiosk would refuse, though each value alone has the right type."""
    from kiosk.callbacks.transport import endpoint_problem
    from kiosk.content.sync_settings import SyncConfigError, SyncSettings
    from kiosk.staff.heartbeat import check_endpoint as heartbeat_problem

    problems = []
    if config["callbacks.endpoint"]:
        problems.append(endpoint_problem(config["callbacks.endpoint"]))
        if not config["callbacks.secret"]:
            problems.append("callbacks.endpoint is set but callbacks.secret is empty")
    try:
        SyncSettings.from_config(config)
    except SyncConfigError as error:
        problems.append(str(error))
    if config["status.endpoint"]:
        try:
            heartbeat_problem(config["status.endpoint"])
        except ValueError as error:
            problems.append(f"status.endpoint {error}")
        if not config["status.secret"]:
            problems.append("status.endpoint is set but status.secret is empty")
    return [problem for problem in problems if problem]


def check_data_dir(data_dir: Path) -> Check:
    """The kiosk can write its data directory (or make it, before the first start)."""
    existing = _nearest_existing(data_dir)
    fix = f"sudo chown -R kiosk:kiosk {data_dir}, or choose another --data-dir"
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".kiosk-doctor-"):
            pass
    except OSError as error:
        return Check("data directory", False, f"{existing} is not writable ({_why(error)})", fix)
    if existing != data_dir:
        return Check("data directory", True, f"{data_dir} will be made on the first start")
    return Check("data directory", True, f"{data_dir} is writable")


def check_stores(data_dir: Path) -> Check:
    """SQLite's integrity check passes on each of the kiosk's database files that exists."""
    from kiosk.callbacks.outbox import OUTBOX_FILE
    from kiosk.content.first_start import STORE_FILE
    from kiosk.staff.state import STATE_FILE

    fixes = {
        STORE_FILE: "restart the kiosk: it moves a damaged store aside and rebuilds it",
        STATE_FILE: f"stop the kiosk, move {STATE_FILE} aside, start it, run kiosk set-pin",
        OUTBOX_FILE: f"stop the kiosk, move {OUTBOX_FILE} aside (its queued requests are lost)",
    }
    found = [name for name in fixes if (data_dir / name).exists()]
    for name in found:
        problem = integrity_problem(data_dir / name)
        if problem:
            return Check("stores", False, f"{data_dir / name} is damaged: {problem}", fixes[name])
    if STORE_FILE not in found:
        return Check("stores", True, "no content store yet: the first start makes it")
    return Check("stores", True, f"intact: {', '.join(found)}")


def integrity_problem(path: Path) -> str | None:
    """What `PRAGMA integrity_check` finds wrong with `path` (opened read-only), or None."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    except sqlite3.Error as error:
        return str(error)
    return None if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:3])


def check_trusted_root(config: Config) -> Check:
    """With content updates on, the provisioned root.json is there and is a self-signed root."""
    from tuf.api.exceptions import RepositoryError
    from tuf.api.metadata import Metadata, Root

    if not config["sync.repository_url"]:
        return Check("trusted root", True, "not needed: content updates are not configured")
    path = Path(config["sync.trusted_root"]).expanduser()
    fix = f"copy the root.json that `kiosk content keys` made to {path}, readable by kiosk"
    try:
        root = Metadata[Root].from_bytes(path.read_bytes())
        root.signed.verify_delegate(Root.type, root.signed_bytes, root.signatures)
    except OSError as error:
        return Check("trusted root", False, f"{path} cannot be read ({_why(error)})", fix)
    except (ValueError, TypeError, KeyError, RepositoryError) as error:
        return Check("trusted root", False, f"{path} is not a signed TUF root ({error})", fix)
    expires = root.signed.expires.date().isoformat()
    return Check("trusted root", True, f"{path}: version {root.signed.version}, to {expires}")


# -- network ----------------------------------------------------------------------------------

# Each address setting, and the path below it that must answer.
ENDPOINTS = {
    "callbacks.endpoint": "",
    "sync.repository_url": "/metadata/timestamp.json",
    "status.endpoint": "",
}


def check_endpoint(setting: str, url: str, timeout: float = 5.0) -> Check:
    """Some HTTP answer below 500 comes back from `url` within `timeout` seconds."""
    name = f"reach {setting}"
    if not url:
        return Check(name, True, "not configured")
    parts = urlsplit(url)
    https = parts.scheme == "https"
    host, port = parts.hostname or "", parts.port or (443 if https else 80)
    below = ENDPOINTS.get(setting, "")
    path = (parts.path.rstrip("/") + below) if below else (parts.path or "/")
    fix = f"check the network, DNS and firewall for {host} port {port}"
    try:
        if https:
            context = ssl.create_default_context()
            connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            connection.request("HEAD", path, headers={"User-Agent": "clinic-kiosk-doctor/1"})
            status = connection.getresponse().status
        finally:
            connection.close()
    except socket.gaierror:
        return Check(name, False, f"cannot resolve {host}", fix)
    except ssl.SSLCertVerificationError as error:
        detail = f"{host}'s certificate is not trusted ({error.verify_message})"
        return Check(name, False, detail, "if the clock is wrong fix it; else the server's chain")
    except TimeoutError:
        return Check(name, False, f"no answer from {host}:{port} within {timeout:g} s", fix)
    except (OSError, http.client.HTTPException) as error:
        return Check(name, False, f"{host}:{port}: {_why(error)}", fix)
    if status >= 500 and status != 501:  # 501: up, but HEAD is not implemented there
        return Check(name, False, f"{host} answers HTTP {status}", "ask the server's admins")
    if below and status == 404:
        detail = f"{url} has no {below.lstrip('/')} (HTTP 404)"
        return Check(name, False, detail, f"set {setting} to the folder holding metadata/")
    return Check(name, True, f"{parts.scheme}://{parts.netloc} answers (HTTP {status})")


# -- the machine ------------------------------------------------------------------------------


def build_date(content_dir: Path | None = None) -> datetime.date:
    """The newest `reviewed` date of the embedded content: this build cannot predate it.

    People wrote those dates when they checked the cards, so unlike file times they do not
    depend on the clock of whichever machine built, copied or installed the kiosk.
    """
    cards = (content_dir or default_content_dir()) / "cards"
    dates = [
        datetime.date.fromisoformat(match[1])
        for path in cards.glob("*.md")
        if (match := _REVIEWED.search(path.read_text(encoding="utf-8")))
    ]
    return max(dates, default=datetime.date.min)


def check_clock(
    now: datetime.datetime, built: datetime.date, sync_on: bool, synced: bool | None = None
) -> Check:
    """The clock is not before this build; with signed updates on, it is kept in time."""
    synced = time_synchronized() if synced is None else synced
    fix = "sudo timedatectl set-ntp true, and check the network (a flat RTC battery resets it)"
    if now.date() < built:
        detail = f"the clock says {now:%Y-%m-%d %H:%M} UTC, before this build ({built})"
        return Check("clock", False, detail, fix)
    if sync_on and synced is False:
        return Check("clock", False, "not synchronised; signed content expires by it", fix)
    state = {True: "synchronised", False: "not synchronised", None: "sync state unknown"}
    return Check("clock", True, f"{now:%Y-%m-%d %H:%M} UTC, {state[synced]}")


def time_synchronized() -> bool | None:
    """systemd's word on NTP sync; None where it has none (no systemd, a container)."""
    command = ["timedatectl", "show", "--property=NTPSynchronized", "--value"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {"yes": True, "no": False}.get(result.stdout.strip()) if not result.returncode else None


def check_disk(data_dir: Path, minimum: int = LOW_DISK_BYTES) -> Check:
    free = shutil.disk_usage(_nearest_existing(data_dir)).free
    detail = f"{free / 1000**3:.1f} GB free for {data_dir}"
    if free < minimum:
        fix = "sudo journalctl --vacuum-size=100M; sudo apt-get clean"
        return Check("free disk", False, f"{detail}, below {minimum // 1000**2} MB", fix)
    return Check("free disk", True, detail)


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _why(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
