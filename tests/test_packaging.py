"""What a clinic installs stays true: the example config, the systemd units, the package list."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from kiosk.config import SETTINGS, Config, load_config
from kiosk.diagnose import qt as diagnose_qt

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
EXAMPLE = PACKAGING / "kiosk.toml.example"
UNITS = ("kiosk.service", "kiosk-x11.service")
SETTING_LINE = re.compile(r"^# ([a-z_]+) = (.+)$", re.MULTILINE)


def unit(name: str) -> dict[str, dict[str, list[str]]]:
    """A systemd unit file as {section: {key: [values]}} (keys may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in (PACKAGING / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
        else:
            key, _, value = line.partition("=")
            current.setdefault(key, []).append(value)
    return sections


def package_list() -> set[str]:
    script = (PACKAGING / "install-debian-packages.sh").read_text()
    words = re.findall(r"^\s+([a-z0-9][a-z0-9.+ -]*[a-z0-9])\s*$", script, re.MULTILINE)
    words += re.findall(r"packages\+=\((.*?)\)", script)
    return {package for line in words for package in line.split()}


# -- the example config -----------------------------------------------------------------------


def test_the_example_config_loads_as_it_is_to_the_defaults():
    assert load_config(EXAMPLE).values == Config().values


def test_the_example_config_lists_every_setting_with_its_help_and_default():
    text = EXAMPLE.read_text()
    for setting in SETTINGS:
        assert f"# {setting.help}\n" in text, setting.name
    uncommented = SETTING_LINE.sub(r"\1 = \2", text)
    table = tomllib.loads(uncommented)
    found = {}
    for name in (s.name for s in SETTINGS):
        *tables, key = name.split(".")
        value = table
        for part in tables:
            value = value[part]
        found[name] = value[key]
    assert found == Config().values  # every setting, under its table, at its real default
    assert len(SETTING_LINE.findall(text)) == len(SETTINGS)  # and nothing else
    for setting in SETTINGS:
        if setting.maximum is not None:  # the range, as the loader checks it
            key = setting.name.rsplit(".", 1)[1]
            words = f"whole number, from {setting.minimum} to {setting.maximum}"
            assert f"# Type: {words}.\n# {key} = {setting.default}\n" in text, setting.name


# -- the systemd units ------------------------------------------------------------------------


@pytest.mark.parametrize("name", UNITS)
def test_units_notify_after_the_first_frame_watch_the_ui_and_always_restart(name):
    sections = unit(name)
    service, unit_section = sections["Service"], sections["Unit"]
    assert service["Type"] == ["notify"]
    assert service["NotifyAccess"] == ["all"]  # cage or xinit is the main process, not us
    assert service["Restart"] == ["always"]
    assert int(service["RestartSec"][0]) <= 5
    assert int(service["WatchdogSec"][0]) >= 10
    assert unit_section["StartLimitIntervalSec"] and unit_section["StartLimitBurst"]
    assert service["User"] == ["kiosk"] and service["PAMName"] == ["kiosk"]
    assert service["ExecStart"][0].split()[1:3] == ["/opt/kiosk/venv/bin/kiosk", "run"] or (
        "-- /opt/kiosk/venv/bin/kiosk run" in service["ExecStart"][0]
    )
    environment = dict(value.split("=", 1) for value in service["Environment"])
    assert environment["KIOSK_CONFIG"] == "/etc/kiosk/kiosk.toml"
    assert environment["KIOSK_DATA_DIR"].startswith("/var/lib/kiosk/")
    assert service["StandardError"] == ["journal"]  # so the kiosk logs with priorities


@pytest.mark.parametrize("name", UNITS)
def test_the_sandbox_leaves_out_what_breaks_the_gpu_input_or_wayland(name):
    service = unit(name)["Service"]
    assert service["NoNewPrivileges"] == ["yes"] and service["ProtectSystem"] == ["strict"]
    assert service["StateDirectory"] == ["kiosk"]
    for breaker in (
        "PrivateDevices",
        "DevicePolicy",
        "ProtectClock",
        "MemoryDenyWriteExecute",
        "ProtectHome",
        "PrivateUsers",
    ):
        assert breaker not in service, f"{breaker} breaks the kiosk (see the unit's comment)"


def test_the_wayland_unit_runs_the_kiosk_under_cage_on_wayland():
    service = unit("kiosk.service")["Service"]
    assert service["ExecStart"][0].startswith("/usr/bin/cage ")
    assert "QT_QPA_PLATFORM=wayland" in service["Environment"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.parametrize("name", UNITS)
def test_systemd_accepts_the_units(name):
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(PACKAGING / name)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"SYSTEMD_LOG_LEVEL": "warning"},
    )
    problems = [
        line
        for line in result.stderr.splitlines()
        if line.strip()
        and "is not executable" not in line  # cage or xinit not installed here
        and "Failed to prepare filename" not in line
    ]
    assert problems == []


# -- the Debian packages ----------------------------------------------------------------------


def test_the_package_script_is_strict_and_parses():
    script = PACKAGING / "install-debian-packages.sh"
    assert "set -euo pipefail" in script.read_text()
    assert script.stat().st_mode & 0o111
    subprocess.run(["bash", "-n", str(script)], check=True)


def test_every_package_the_doctor_may_ask_for_is_installed_by_the_script():
    packages = package_list()
    for words in (diagnose_qt.SPEECH_PACKAGES, diagnose_qt.FONT_PACKAGES):
        assert set(words.split()) <= packages
    assert {"cage", "libpam-systemd", "systemd-timesyncd", "xinit"} <= packages


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_every_system_library_qt_plugins_load_comes_from_the_script():
    """ldd on Qt's display and speech plugins: each library outside Qt, by its package."""
    plugins = [
        ("wayland", "platforms"),
        ("xcb", "platforms"),
        ("offscreen", "platforms"),
        ("texttospeech_speechd", "texttospeech"),
    ]
    ours = (
        "libxcb",
        "libX11",
        "libxkbcommon",
        "libwayland",
        "libGL.",
        "libEGL.",
        "libOpenGL.",
        "libfontconfig",
        "libfreetype",
        "libglib",
        "libgthread",
        "libdbus",
        "libpulse.",
        "libspeechd",
    )  # libGLX, libGLdispatch, libpulsecommon come with these
    import PySide6

    base = Path(PySide6.__file__).parent / "Qt" / "plugins"
    libraries = set()
    for name, folder in plugins:
        output = subprocess.run(
            ["ldd", str(base / folder / f"libq{name}.so")], capture_output=True, text=True
        ).stdout
        libraries |= set(re.findall(r"^\s*(\S+\.so\S*) =>", output, re.MULTILINE))
    wanted = {diagnose_qt.debian_package(lib) for lib in libraries if lib.startswith(ours)}
    assert len(wanted) > 15
    assert wanted <= package_list(), sorted(wanted - package_list())


def test_deploy_guide_uses_every_packaging_file():
    guide = (ROOT / "docs" / "deploy.md").read_text()
    for path in PACKAGING.iterdir():
        if path.name != "README.md":
            assert f"packaging/{path.name}" in guide, path.name
    for command in ("systemctl enable", "kiosk doctor", "consoleblank=0", "timedatectl"):
        assert command in guide, command


# -- no way from the kiosk's keyboard to a console --------------------------------------------


def exec_words(name: str) -> list[str]:
    return unit(name)["Service"]["ExecStart"][0].split()


def test_cage_runs_without_vt_switching():
    words = exec_words("kiosk.service")
    options = words[1 : words.index("--")]
    assert not [w for w in options if w.startswith("-") and "s" in w], options  # cage -s
    environment = dict(v.split("=", 1) for v in unit("kiosk.service")["Service"]["Environment"])
    assert "srvrkeys:none" in environment["XKB_DEFAULT_OPTIONS"].split(",")


def test_xorg_runs_without_vt_switching_or_a_network_listener():
    words = exec_words("kiosk-x11.service")
    server = words[words.index("--") + 1 :]
    assert server[0] == "/usr/bin/Xorg" and "-novtswitch" in server
    assert " ".join(server).count("-nolisten tcp") == 1
    flags = (PACKAGING / "xorg-kiosk.conf").read_text()
    for option in ("DontVTSwitch", "DontZap", "DontZoom"):
        assert re.search(rf'^\s*Option "{option}" "true"$', flags, re.M), option
    assert re.search(r'^\s*Option "XkbOptions" "srvrkeys:none"$', flags, re.M)


def test_sysrq_is_off_and_no_getty_waits_on_a_spare_terminal():
    sysctl = (PACKAGING / "sysctl-kiosk.conf").read_text()
    settings = dict(
        (part.strip() for part in line.split("=", 1))
        for line in sysctl.splitlines()
        if line.strip() and not line.startswith("#")
    )
    assert settings == {"kernel.sysrq": "0"}
    login = tomllib.loads((PACKAGING / "logind-kiosk.conf").read_text())["Login"]
    assert login == {"NAutoVTs": 0, "ReserveVT": 0}
    for name in UNITS:
        assert "getty@tty7.service" in unit(name)["Unit"]["Conflicts"][0].split()
    guide = (ROOT / "docs" / "deploy.md").read_text()
    assert "systemctl mask ctrl-alt-del.target" in guide and "systemd-analyze verify" in guide


XKB = Path("/usr/share/X11/xkb")


@pytest.mark.skipif(
    shutil.which("xkbcomp") is None or not (XKB / "rules" / "evdev").exists(),
    reason="needs xkbcomp and xkeyboard-config",
)
def test_the_kiosk_keymap_has_no_key_that_switches_terminals_or_kills_the_server(tmp_path):
    """The keymap the units ask for, compiled as libxkbcommon and Xorg would build it."""
    rules = (XKB / "rules" / "evdev").read_text()
    (extra,) = re.findall(r"^\s*srvrkeys:none\s*=\s*\+(\S+)$", rules, re.M)

    def compiled(symbols: str) -> str:
        source = tmp_path / "keymap.xkb"
        source.write_text(
            "xkb_keymap {\n"
            '  xkb_keycodes { include "evdev+aliases(qwerty)" };\n'
            '  xkb_types { include "complete" };\n'
            '  xkb_compat { include "complete" };\n'
            f'  xkb_symbols {{ include "{symbols}" }};\n'
            "};\n"
        )
        out = tmp_path / "compiled.xkb"
        subprocess.run(["xkbcomp", "-w", "0", "-xkb", str(source), str(out)], check=True)
        text = out.read_text()
        return text[text.index("xkb_symbols") :]

    default = compiled("pc+us+inet(evdev)")
    assert "XF86Switch_VT_1" in default  # so the check below means something
    kiosk = compiled(f"pc+us+inet(evdev)+{extra}")
    assert "XF86Switch_VT" not in kiosk and "Terminate_Server" not in kiosk
