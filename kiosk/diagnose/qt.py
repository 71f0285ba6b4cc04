"""Checks that need Qt: the display platform, fonts and speech.

A Qt platform that cannot start aborts the process that tries it, and the doctor must live to
say why; so nothing here imports Qt. Each check runs a short `python -c` probe in a child
process and reads what it printed, or what Qt said on stderr, and `ldd` names the system
libraries a plugin lacks so the fix is an exact `apt-get install`.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from kiosk.content.model import LANGUAGES
from kiosk.diagnose.check import Check

SPEECH_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
FONT_PACKAGES = "fonts-dejavu-core fonts-noto-core"
# Letters the cards and the UI use that a font without full Latin coverage lacks.
LATIN_SAMPLE = "áéíóúüñÁÉÍÓÚÜÑ¿¡“”‘’–—…€"
# Debian names a library's package after its soname (libxcb-cursor.so.0: libxcb-cursor0),
# with a hyphen before a version that follows a digit (libX11.so.6: libx11-6); except these.
PACKAGE_EXCEPTIONS = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0"}
_MISSING_LIBRARY = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")
_LDD_NOT_FOUND = re.compile(r"^\s*(\S+\.so\S*) => not found", re.MULTILINE)
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


NO_DISPLAY_FIX = (
    "run it in the kiosk's session (set DISPLAY=:0 for X11, or WAYLAND_DISPLAY), under "
    "`xvfb-run kiosk doctor`, or with QT_QPA_PLATFORM=offscreen to check all but the screen"
)


def chosen_platform(environ: Mapping[str, str]) -> str | None:
    """The Qt platform `kiosk run` would use here, or None where there is no display at all."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    wayland, x11 = environ.get("WAYLAND_DISPLAY"), environ.get("DISPLAY")
    if wayland and (environ.get("XDG_SESSION_TYPE") == "wayland" or not x11):
        return "wayland"
    return "xcb" if x11 else None


def check_platform(platform: str | None, environ: Mapping[str, str]) -> Check:
    """Qt starts on `platform`; None (no display here) fails, naming no plugin's libraries.

    Only the platform that would be used is tried, so an X11 install is never told it lacks
    Wayland's libraries (nor the reverse).
    """
    name = "qt platform"
    if platform is None:
        detail = "no display: DISPLAY and WAYLAND_DISPLAY are not set, so Qt has no screen"
        return Check(name, False, detail, NO_DISPLAY_FIX)
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
    lacking = [lang for lang in LANGUAGES if lang not in found.get("languages", [])]
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
