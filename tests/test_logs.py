"""Logging: journal priorities under systemd, a rotated file otherwise, never personal data."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys

import pytest

from kiosk import logs
from kiosk.logs import redact, setup_logging

log = logging.getLogger("kiosk.test")


@pytest.fixture(autouse=True)
def restore_root_logger():
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if getattr(h, "kiosk_handler", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def journal_stream(tmp_path):
    """A file standing in for the journal's stream, and the $JOURNAL_STREAM naming it."""
    stream = open(tmp_path / "journal", "w+", encoding="utf-8")  # noqa: SIM115
    status = os.fstat(stream.fileno())
    return stream, {"JOURNAL_STREAM": f"{status.st_dev}:{status.st_ino}"}


def test_under_systemd_every_line_carries_its_priority_and_no_file_is_written(tmp_path):
    stream, environ = journal_stream(tmp_path)
    with stream:
        assert setup_logging(tmp_path / "data", environ=environ, stream=stream) is None
        log.info("content loaded")
        log.warning("read aloud unavailable")
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("delivery failed")
        stream.seek(0)
        lines = stream.read().splitlines()
    assert lines[0] == '<6>level=info logger=kiosk.test msg="content loaded"'
    assert lines[1].startswith("<4>level=warning ")
    assert lines[2].startswith("<3>level=error ")
    traceback = lines[3:]
    assert traceback and all(line.startswith("<3>  ") for line in traceback)  # stays an error
    assert "ValueError: boom" in traceback[-1]
    assert not (tmp_path / "data" / "logs").exists()  # journald keeps and rotates the log


def test_an_inherited_journal_stream_variable_alone_does_not_count(tmp_path):
    stream, environ = journal_stream(tmp_path)
    other = io.StringIO()
    with stream:
        path = setup_logging(tmp_path / "data", environ=environ, stream=other)
    assert path == tmp_path / "data" / "logs" / "kiosk.log"
    log.info("hello")
    assert other.getvalue() == "level=info logger=kiosk.test msg=hello\n"


def test_otherwise_a_structured_rotated_file_in_the_data_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = setup_logging(tmp_path, environ={}, stream=io.StringIO())
    log.info("next content check in %.0f s", 900, extra={"failures": 2, "host": "a b"})
    first = path.read_text().splitlines()[0]
    assert first.startswith("ts=20") and first.endswith(
        'level=info logger=kiosk.test msg="next content check in 900 s" failures=2 host="a b"'
    )
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    for number in range(400):
        log.info("filler line %d", number)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["kiosk.log", *(f"kiosk.log.{n}" for n in range(1, logs.BACKUPS + 1))]
    assert all(p.stat().st_size <= 2000 for p in path.parent.iterdir())


def test_setting_up_again_replaces_the_handlers(tmp_path):
    out = io.StringIO()
    setup_logging(environ={}, stream=io.StringIO())
    setup_logging(environ={}, stream=out)
    log.warning("once")
    ours = [h for h in logging.getLogger().handlers if getattr(h, "kiosk_handler", False)]
    assert len(ours) == 1 and out.getvalue().count("once") == 1


def test_without_a_stream_it_writes_to_whatever_stderr_is_now(capsys):
    setup_logging(environ={})
    log.warning("to stderr")
    assert 'msg="to stderr"' in capsys.readouterr().err


def test_level_comes_from_kiosk_log_level(tmp_path):
    out = io.StringIO()
    setup_logging(environ={"KIOSK_LOG_LEVEL": "debug"}, stream=out)
    log.debug("detail")
    assert "level=debug" in out.getvalue()


# -- no personal data -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "+15551234567",
        "+34 612 34 56 78",
        "+1 (555) 123-4567",
        "555-123-4567",
        "(555) 123 4567",
        "2025550123",
        "612345678",
        "5551234567",
        "555-0100",
        "555 0199",
        "+1 555 0100 123",
        "(555)123-4567",
    ],
)
def test_anything_shaped_like_a_phone_number_is_redacted(number):
    assert redact(f"callback for {number}, today") == "callback for [redacted], today"
    assert redact(f"not a valid number: {number}.") == "not a valid number: [redacted]."
    assert redact(f"typed {number}") == "typed [redacted]"


def test_phone_numbers_among_sync_numbers_are_still_redacted():
    text = "HTTP 503 after 1048576 bytes; callback from +15550100123, then 555-010-0199"
    assert redact(text) == "HTTP 503 after 1048576 bytes; callback from [redacted], then [redacted]"


@pytest.mark.parametrize(
    "text",
    [
        "loaded content version 2026.11.28 into /var/lib/kiosk/data/content.db",
        "callback 7KQ2MX delivered (attempt 3)",
        "next content check in 900 s (2 failure(s) in a row)",
        "reviewed 2026-11-28, sent 2026-11-28T05:44:56+00:00, pid 12345",
        "digest 3f5a1234567890bcdef0123, heartbeat to https://fleet.example:8443/k refused",
        # the numbers in sync errors: sizes, versions, statuses, hashes, ports
        "content update refused: Downloaded 1048577 bytes exceeding the maximal length of 1048576",
        "content update failed: HTTP 503 (1234567 bytes) from 127.0.0.1:8443",
        "updated to content version 20261128153000; fetched 12 file(s), 10,485,760 bytes",
        "timestamp version 1764600000 is older than the trusted one",
        "card order = 99999999999999999999 is more than the store holds (9223372036854775807)",
        "index.json length 123456789012 bytes exceeds 524288",
        "sha256 1234567890abcdef0123 does not match 0987654321fedcba9876 (port 8443)",
        "snapshot version 12 must be at least 13; 2026-11-28 05:44:56",
    ],
)
def test_ordinary_log_lines_pass_unchanged(text):
    assert redact(text) == text


def test_no_record_reaches_a_handler_with_a_phone_number_or_a_name_field(tmp_path):
    """Whatever a careless caller passes: message, arguments, extra fields or an exception.

    A name inside free text cannot be recognised; that the code logs references and counts,
    never a request, is what keeps names out. Named fields are caught by their names.
    """
    out = io.StringIO()
    path = setup_logging(tmp_path, environ={}, stream=out)
    log.info("request for %s", "+15551234567")
    log.info("form", extra={"first_name": "Ana", "phone_number": "+34612345678", "topic": "cars"})
    try:
        raise ValueError("not a valid number: 555-123-4567")
    except ValueError:
        log.exception("refused")
    for text in (out.getvalue(), path.read_text()):
        assert "5551234567" not in text and "612345678" not in text and "Ana" not in text
        assert "first_name=[redacted]" in text and "phone_number=[redacted]" in text
        assert "topic=cars" in text and 'msg="request for [redacted]"' in text
        assert "ValueError: not a valid number: [redacted]" in text


def kiosk_run(data_dir, stderr, **env):
    environment = {k: v for k, v in os.environ.items() if k != "JOURNAL_STREAM"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "run",
            "--exit-after-first-frame",
            "--data-dir",
            str(data_dir),
        ],
        env={**environment, "QT_QPA_PLATFORM": "offscreen", **env},
        stderr=stderr,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )


def test_kiosk_run_by_hand_logs_to_stderr_and_its_data_directory(tmp_path):
    with open(tmp_path / "stderr", "w+", encoding="utf-8") as stderr:
        assert kiosk_run(tmp_path / "data", stderr).returncode == 0
        stderr.seek(0)
        assert (
            'level=info logger=kiosk.content.updates.first_start msg="first start:' in stderr.read()
        )
    logged = (tmp_path / "data" / "logs" / "kiosk.log").read_text()
    assert re.search(r"^ts=\S+ level=info logger=kiosk.content.updates.first_start ", logged, re.M)


def test_kiosk_run_under_systemd_logs_to_the_journal_only(tmp_path):
    stderr, environ = journal_stream(tmp_path)
    with stderr:
        assert kiosk_run(tmp_path / "data", stderr, **environ).returncode == 0
        stderr.seek(0)
        assert "<6>level=info logger=kiosk.content.updates.first_start" in stderr.read()
    assert not (tmp_path / "data" / "logs").exists()


def test_urllib3_retry_warnings_stay_out_of_the_log_unless_debugging():
    stream = io.StringIO()
    setup_logging(stream=stream, environ={})
    logging.getLogger("urllib3.connectionpool").warning("Retrying (Retry(total=2))")
    logging.getLogger("urllib3.connectionpool").error("a real urllib3 error")
    setup_logging(level="DEBUG", stream=stream, environ={})
    logging.getLogger("urllib3.connectionpool").debug("Starting new HTTP connection")
    setup_logging(stream=stream, environ={})
    assert [line.split(" msg=")[1] for line in stream.getvalue().splitlines()] == [
        '"a real urllib3 error"',
        '"Starting new HTTP connection"',
    ]


def test_a_command_can_keep_stderr_to_errors_while_the_root_level_stays():
    stream = io.StringIO()
    setup_logging(stream=stream, environ={}, console_level=logging.ERROR)
    log.warning("said by the command's own message already")
    log.error("cannot record the sync result")
    assert logging.getLogger().level == logging.INFO
    assert stream.getvalue().splitlines() == [
        'level=error logger=kiosk.test msg="cannot record the sync result"'
    ]
