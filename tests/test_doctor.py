"""`kiosk doctor`: each check against the real thing it checks, and the command's verdict."""

from __future__ import annotations

import datetime
import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk import diagnose
from kiosk.assets import default_content_dir
from kiosk.cli import main
from kiosk.config import Config
from kiosk.content.source.loader import load_content
from kiosk.content.updates.first_start import open_store
from kiosk.diagnose import Check
from tests.callbacks.conftest import SECRET
from tests.content.repo_server import RepoServer

UTC = datetime.UTC


# -- the command ------------------------------------------------------------------------------


def test_doctor_prints_each_check_and_a_fix_under_each_failure(monkeypatch, tmp_path, capsys):
    checks = [Check("config", True, "defaults"), Check("fonts", False, "none", "apt-get it")]
    monkeypatch.setattr(diagnose, "run_checks", lambda *args, **kwargs: checks)
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["ok", "config", "defaults"]
    assert out[1].split() == ["FAIL", "fonts", "none"]
    assert out[2].split() == ["fix:", "apt-get", "it"]
    assert out[-1] == "1 of 2 checks passed."


def test_doctor_exits_0_only_when_every_check_passes(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(diagnose, "run_checks", lambda *a, **k: [Check("config", True, "ok")])
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 0
    assert "1 of 1 checks passed." in capsys.readouterr().out


def test_doctor_runs_every_check_on_this_machine(tmp_path):
    """For real, in its own process: whatever this machine lacks, the verdict matches."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--json", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    checks = json.loads(result.stdout)
    names = [check["name"] for check in checks]
    assert names == [
        "config",
        "qt platform",
        "fonts",
        "data directory",
        "stores",
        "speech",
        "trusted root",
        "reach callbacks.endpoint",
        "reach sync.repository_url",
        "reach status.endpoint",
        "clock",
        "free disk",
    ]
    assert result.returncode == (0 if all(check["passed"] for check in checks) else 1)
    assert all(check["fix"] for check in checks if not check["passed"])
    assert checks[1] == {
        "name": "qt platform",
        "passed": True,
        "detail": 'Qt starts on "offscreen"',
        "fix": "",
    }
    assert not (tmp_path / "d").exists()  # looking changes nothing


def test_an_invalid_config_fails_and_the_checks_that_need_it_say_so(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("[idle]\ntimeout = 30\n")
    checks = {c.name: c for c in diagnose.run_checks(config, tmp_path, platform="offscreen")}
    assert (
        not checks["config"].passed and "unknown setting 'idle.timeout'" in checks["config"].detail
    )
    assert checks["speech"].detail == "not checked: the config is invalid"
    assert checks["free disk"].passed


# -- config -----------------------------------------------------------------------------------


def test_config_defaults_and_a_good_file_pass(tmp_path):
    assert diagnose.check_config(None)[0] == Check(
        "config", True, "built-in defaults (no config file)"
    )
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[callbacks]\nendpoint = "https://clinic.example/cb"\nsecret = "{SECRET}"\n')
    check, config = diagnose.check_config(path)
    assert check.passed and config["callbacks.endpoint"] == "https://clinic.example/cb"


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ('[callbacks]\nendpoint = "https://clinic.example/cb"\n', "callbacks.secret is empty"),
        (f'[callbacks]\nendpoint = "http://clinic.example/cb"\nsecret = "{SECRET}"\n', "https://"),
        ('[sync]\nrepository_url = "https://cdn.example/repo"\n', "sync.trusted_root is empty"),
        (f'[status]\nendpoint = "ftp://fleet.example"\nsecret = "{SECRET}"\n', "status.endpoint"),
        ("[display]\ntext_size = 150\n", "display.text_size"),
        ('[callbacks]\nsecret = "test-secret"\n', "setting 'callbacks.secret' must start with"),
        ('[status]\nsecret = "whsec_c2hvcnQ="\n', "setting 'status.secret' is too short"),
    ],
)
def test_config_problems_are_named(tmp_path, toml, words):
    path = tmp_path / "kiosk.toml"
    path.write_text(toml)
    check, config = diagnose.check_config(path)
    assert not check.passed and config is None
    assert words in check.detail and "kiosk.toml.example" in check.fix


# -- files ------------------------------------------------------------------------------------


def test_data_directory_writable_or_not_yet_made(tmp_path):
    assert diagnose.check_data_dir(tmp_path).passed
    later = diagnose.check_data_dir(tmp_path / "new" / "data")
    assert later.passed and "will be made" in later.detail


def test_data_directory_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    check = diagnose.check_data_dir(blocker / "data")
    assert not check.passed and "not writable" in check.detail and "chown" in check.fix


def test_stores_intact_missing_and_damaged(tmp_path):
    assert "no content store yet" in diagnose.check_stores(tmp_path).detail
    open_store(tmp_path, default_content_dir()).close()
    assert diagnose.check_stores(tmp_path) == Check("stores", True, "intact: content.db")
    (tmp_path / "content.db").write_bytes(b"this is not a database, it is a broken disk" * 100)
    check = diagnose.check_stores(tmp_path)
    assert not check.passed and "content.db is damaged" in check.detail
    assert "rebuilds" in check.fix


def test_trusted_root_only_matters_with_sync_and_must_be_a_signed_root(tmp_path):
    from kiosk.content.publishing.signing_keys import create_keys

    assert diagnose.check_trusted_root(Config()).passed
    root = create_keys(tmp_path / "keys")
    config = Config().replace(
        sync__repository_url="https://cdn.example/r", sync__trusted_root=str(root)
    )
    check = diagnose.check_trusted_root(config)
    assert check.passed and "version 1" in check.detail
    tampered = json.loads(root.read_text())
    tampered["signed"]["version"] = 2  # not what was signed
    root.write_text(json.dumps(tampered))
    assert "not a signed TUF root" in diagnose.check_trusted_root(config).detail
    missing = config.replace(sync__trusted_root=str(tmp_path / "none.json"))
    check = diagnose.check_trusted_root(missing)
    assert (
        not check.passed and "cannot be read" in check.detail and "kiosk content keys" in check.fix
    )


# -- network ----------------------------------------------------------------------------------


class _Answer(BaseHTTPRequestHandler):
    status = 405

    def do_HEAD(self) -> None:
        self.send_response(self.server.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server.status = 405
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_an_endpoint_that_answers_is_reachable_even_if_it_only_takes_post(http_server):
    url = f"http://127.0.0.1:{http_server.server_address[1]}/callbacks"
    check = diagnose.check_endpoint("callbacks.endpoint", url)
    assert check.passed and "answers (HTTP 405)" in check.detail


def test_an_endpoint_with_a_server_error_fails(http_server):
    http_server.status = 503
    url = f"http://127.0.0.1:{http_server.server_address[1]}/"
    check = diagnose.check_endpoint("status.endpoint", url)
    assert not check.passed and "HTTP 503" in check.detail


def test_a_sync_repository_must_serve_its_timestamp(tmp_path):
    (tmp_path / "metadata").mkdir()
    with RepoServer(tmp_path) as server:
        assert not diagnose.check_endpoint("sync.repository_url", server.url).passed
        (tmp_path / "metadata" / "timestamp.json").write_text("{}")
        assert diagnose.check_endpoint("sync.repository_url", server.url + "/").passed
        assert diagnose.check_endpoint("sync.repository_url", "").detail == "not configured"


def test_nobody_listening_or_nobody_answering_fails_with_the_network_fix():
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    check = diagnose.check_endpoint("callbacks.endpoint", f"http://127.0.0.1:{port}/")
    assert not check.passed and "refused" in check.detail.lower() and "firewall" in check.fix
    with socket.socket() as silent:  # accepts connections into its backlog, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        check = diagnose.check_endpoint("callbacks.endpoint", url, timeout=0.3)
    assert not check.passed and "no answer" in check.detail


# -- the machine ------------------------------------------------------------------------------


def test_build_date_is_the_newest_reviewed_date_of_the_embedded_content():
    bundle = load_content(default_content_dir())
    assert diagnose.build_date() == max(card.reviewed for card in bundle.cards)


def test_clock_before_the_build_fails_and_unsynced_fails_only_with_signed_updates():
    built = datetime.date(2026, 11, 1)
    now = datetime.datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert diagnose.check_clock(now, built, sync_on=False, synced=True).passed
    early = diagnose.check_clock(datetime.datetime(2020, 1, 1, tzinfo=UTC), built, False, True)
    assert not early.passed and "before this build (2026-11-01)" in early.detail
    assert "timedatectl set-ntp true" in early.fix
    assert diagnose.check_clock(now, built, sync_on=False, synced=False).passed
    assert not diagnose.check_clock(now, built, sync_on=True, synced=False).passed


def test_free_disk(tmp_path):
    assert diagnose.check_disk(tmp_path).passed
    check = diagnose.check_disk(tmp_path, minimum=10**18)
    assert not check.passed and "journalctl --vacuum-size" in check.fix


# -- Qt ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
        ({"QT_QPA_PLATFORM": "xcb:nograb", "WAYLAND_DISPLAY": "wayland-0"}, "xcb"),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "wayland"),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "xcb"),  # Qt's default off wayland
        ({"WAYLAND_DISPLAY": "wayland-0"}, "wayland"),  # cage started from a console
        ({"DISPLAY": ":0"}, "xcb"),
        ({}, None),
    ],
)
def test_the_platform_kiosk_run_would_use(environ, expected):
    assert diagnose.chosen_platform(environ) == expected


@pytest.fixture
def x11_install(monkeypatch):
    """A machine set up for the X11 unit: the Wayland plugin's libraries are not installed."""
    lacking = {"wayland": ["libwayland-cursor.so.0", "libwayland-egl.so.1"], "xcb": []}
    monkeypatch.setattr(diagnose.qt, "plugin_missing_libraries", lambda name: lacking[name])


def without_display(**extra):
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")
    return {**{k: v for k, v in os.environ.items() if k not in hidden}, **extra}


def test_without_a_display_doctor_says_so_and_blames_no_library(x11_install, tmp_path):
    environ = without_display()
    checks = diagnose.run_checks(tmp_path / "none.toml", tmp_path / "data", environ=environ)
    check = next(c for c in checks if c.name == "qt platform")
    assert not check.passed
    assert check.detail.startswith("no display: DISPLAY and WAYLAND_DISPLAY are not set")
    assert "DISPLAY=:0" in check.fix and "xvfb-run" in check.fix
    assert "QT_QPA_PLATFORM=offscreen" in check.fix
    assert "wayland" not in (check.detail + check.fix).replace("WAYLAND_DISPLAY", "")
    assert "apt-get" not in check.fix


def test_with_an_x_display_only_the_xcb_plugin_is_tried(x11_install):
    environ = without_display(DISPLAY=":97")  # no X server there: Qt cannot connect
    check = diagnose.check_platform(diagnose.chosen_platform(environ), environ)
    assert not check.passed and "libwayland" not in check.detail + check.fix
    assert "xcb" in check.detail or "X display" in check.detail


def test_qt_starts_offscreen_and_an_unknown_platform_is_named():
    assert diagnose.check_platform("offscreen", os.environ).passed
    check = diagnose.check_platform("nosuch", os.environ)
    assert not check.passed and check.detail == 'Qt has no platform plugin "nosuch"'


def test_a_missing_library_is_named_with_its_debian_package():
    stderr = (
        'qt.core.library: "/x/platforms/libqxcb.so" cannot load: Cannot load library '
        "/x/platforms/libqxcb.so: (libxcb-cursor.so.0: cannot open shared object file: "
        'No such file or directory)\nqt.qpa.plugin: Could not load the Qt platform plugin "xcb"'
    )
    check = diagnose.platform_failure("xcb", stderr, ["libxkbcommon-x11.so.0"], {})
    assert check.detail == (
        'the "xcb" plugin cannot load: libxcb-cursor.so.0, libxkbcommon-x11.so.0 missing'
    )
    assert check.fix == "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0"


def test_no_display_and_no_compositor_are_told_apart_from_missing_libraries():
    x11 = diagnose.platform_failure("xcb", "qt.qpa.xcb: could not connect to display \n", [], {})
    assert x11.detail == "no X display at DISPLAY=''"
    wayland = diagnose.platform_failure(
        "wayland", "qt.qpa.wayland: Failed to create wl_display (No such file)", [], {}
    )
    assert "no Wayland compositor" in wayland.detail and "cage" in wayland.fix


def test_the_wayland_plugin_check_names_what_ldd_cannot_find():
    missing = diagnose.plugin_missing_libraries("wayland")
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "DISPLAY")}
    check = diagnose.check_platform("wayland", env)
    assert not check.passed
    if missing:  # this machine lacks a library: the check names it, and its package
        assert all(library in check.detail for library in missing)
        assert check.fix.startswith("sudo apt-get install lib")
    else:
        assert "no Wayland compositor" in check.detail


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libwayland-cursor.so.0", "libwayland-cursor0"),
        ("libspeechd.so.2", "libspeechd2"),
    ],
)
def test_debian_package_names_follow_the_soname(library, package):
    assert diagnose.debian_package(library) == package


def test_fonts_found_with_full_latin_and_none_found(tmp_path):
    assert diagnose.check_fonts(os.environ).passed
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
    check = diagnose.check_fonts({**os.environ, "FONTCONFIG_FILE": str(empty)})
    assert not check.passed and "fonts-dejavu-core" in check.fix


def test_speech_without_qttexttospeech_is_a_failed_check_not_a_crash(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(
        "import sys\nsys.modules['PySide6.QtTextToSpeech'] = None\n"
    )
    check = diagnose.check_speech("", {**os.environ, "PYTHONPATH": str(tmp_path)})
    assert not check.passed and "PySide6.QtTextToSpeech is not installed" in check.detail
    assert "PySide6-Addons" in check.fix


def test_speech_with_an_engine_that_is_not_there(tmp_path):
    check = diagnose.check_speech("no-such-engine", os.environ)
    assert not check.passed and "engine 'no-such-engine' is not installed" in check.detail


@pytest.mark.parametrize(
    ("found", "passed", "words"),
    [
        (
            {
                "engines": ["speechd"],
                "engine": "speechd",
                "state": "Ready",
                "languages": ["en", "es"],
            },
            True,
            "engine speechd ready",
        ),
        (
            {"engines": ["speechd"], "engine": "speechd", "state": "Ready", "languages": ["en"]},
            False,
            "no es voice",
        ),
        (
            {"engines": ["speechd"], "engine": "", "state": "Error", "error": "no daemon"},
            False,
            "engine speechd does not work: no daemon",
        ),
        (
            {"engines": ["mock"], "engine": "mock", "state": "Ready", "languages": ["en", "es"]},
            False,
            "silent test engine",
        ),
        ({"error": "Segmentation fault"}, False, "the speech check failed"),
    ],
)
def test_what_the_speech_probe_found_means(found, passed, words):
    check = diagnose.speech_verdict("", found)
    assert check.passed is passed and words in check.detail
    assert passed or "speech-dispatcher" in check.fix


def test_a_speech_engine_that_cannot_load_names_the_missing_library():
    found = {"engines": ["speechd"], "engine": "", "state": "Error", "error": "not initialized"}
    check = diagnose.speech_verdict("", found, ["libspeechd.so.2"])
    assert check.detail == "engine speechd cannot load: libspeechd.so.2 missing"
    assert check.fix.startswith("sudo apt-get install libspeechd2 speech-dispatcher")


def test_a_server_that_answers_a_byte_at_a_time_cannot_hold_doctor_up():
    """Each byte comes well within the per-step timeout; the whole exchange still ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def trickle() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
                if stop.wait(0.1):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return  # doctor hung up, as it should

    server = threading.Thread(target=trickle, daemon=True)
    server.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/callbacks"
    try:
        check = diagnose.check_endpoint("callbacks.endpoint", url, timeout=0.5)
    finally:
        stop.set()
        server.join(timeout=10)
        listener.close()
    assert not check.passed and "no answer" in check.detail
