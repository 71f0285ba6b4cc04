"""`kiosk set-pin`, `kiosk audit` and `kiosk status`, as an admin runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from kiosk.cli import main
from kiosk.staff.state import STATE_FILE, StaffState


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def typed(monkeypatch, *entries):
    """An admin at a terminal typing `entries` at the no-echo prompts."""
    answers = iter(entries)
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))


def test_set_pin_asks_twice_and_stores_only_a_hash(monkeypatch, capsys, data_dir):
    typed(monkeypatch, "2580", "2580")
    assert main(["set-pin", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Staff PIN set" in out and "2580" not in out
    with StaffState(data_dir / STATE_FILE) as state:
        assert state.check_pin("2580").ok
        assert [(e.actor, e.action, e.outcome) for e in state.recent_audit()][-1] == (
            "cli",
            "pin.set",
            "set",
        )


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (("2580", "2581"), "the two PINs differ"),
        (("25", "25"), "must be 4 to 8 digits"),
        (("4444", "4444"), "one digit repeated"),
    ],
)
def test_set_pin_refuses_with_a_clear_message(monkeypatch, capsys, data_dir, entries, message):
    typed(monkeypatch, *entries)
    assert main(["set-pin", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert message in err and "the pin was not changed" in err.lower()
    with StaffState(data_dir / STATE_FILE) as state:
        assert not state.has_pin()
        assert state.recent_audit(1)[0].outcome.startswith("refused")


def test_set_pin_without_a_terminal_points_to_pin_stdin(monkeypatch, capsys, data_dir):
    monkeypatch.setattr("sys.stdin", io.StringIO("2580\n"))
    assert main(["set-pin", "--data-dir", str(data_dir)]) == 1
    assert "--pin-stdin" in capsys.readouterr().err


def test_set_pin_from_stdin_then_audit_and_status_in_real_processes(data_dir):
    """Scripted provisioning, end to end; none of the commands loads Qt."""
    code = (
        "import sys; from kiosk.cli import main; code = main(sys.argv[1:]);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported';"
        "sys.exit(code)"
    )

    def kiosk(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-c", code, *args, "--data-dir", str(data_dir)],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )

    made = kiosk("set-pin", "--pin-stdin", stdin="3690\n")
    assert made.returncode == 0, made.stderr
    shown = kiosk("audit", "--limit", "5")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.rstrip().endswith("cli    pin.set          set")
    assert "3690" not in shown.stdout + shown.stderr
    status = kiosk("status")
    assert status.returncode == 0, status.stderr
    assert "Mode:" in status.stdout and "No staff PIN" not in status.stdout


def test_audit_shows_recent_entries_oldest_first(capsys, state, data_dir):
    state.set_pin("2580")
    state.check_pin("1397")
    state.check_pin("2580")
    assert main(["audit", "--data-dir", str(data_dir), "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "pin.attempt" in lines[0] and lines[0].endswith("wrong, 4 left")
    assert lines[1].endswith("ok")


def test_audit_before_the_kiosk_ever_ran(capsys, tmp_path):
    assert main(["audit", "--data-dir", str(tmp_path)]) == 0
    assert "No audit entries yet" in capsys.readouterr().out
    assert not (tmp_path / STATE_FILE).exists()


def test_audit_limit_must_be_a_positive_number(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["audit", "--data-dir", str(tmp_path), "--limit", "0"])
    assert exit_.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_status_prints_the_panels_rows_and_json(capsys, state, data_dir, store):
    # `store` filled tmp_path/data/content.db: this kiosk has content
    state.set_pin("2580")
    assert main(["status", "--data-dir", str(data_dir)]) == 0
    text = capsys.readouterr().out
    assert "Mode:" in text and "Patient" in text
    assert "first start from content" in text
    assert "The kiosk is not running." in text  # no kiosk process recorded a start
    assert "No staff PIN" not in text

    assert main(["status", "--data-dir", str(data_dir), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pin_set"] is True and status["content"]["version"]
    assert status["data_dir"] == str(data_dir)


def test_status_of_a_missing_data_dir_fails_clearly(capsys, tmp_path):
    assert main(["status", "--data-dir", str(tmp_path / "nowhere")]) == 1
    assert "no kiosk data in" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_status_counts_queued_requests_but_never_shows_them(capsys, state, data_dir):
    from kiosk.callbacks.outbox import OUTBOX_FILE, Outbox
    from kiosk.callbacks.request import validate_request

    outbox = Outbox(data_dir / OUTBOX_FILE)
    request = validate_request("Tesa", "2025550123", "evening", "en", "car-t", True, "US")
    outbox.submit(request, "lobby-2")
    outbox.close()
    for extra in ([], ["--json"]):
        assert main(["status", "--data-dir", str(data_dir), *extra]) == 0
        shown = capsys.readouterr().out
        assert "Tesa" not in shown and "2025550123" not in shown and "0123" not in shown
    assert json.loads(shown)["outbox"]["pending"] == 1
