"""Where the kiosk's log goes, in what shape, and what it may never say.

Under systemd the journal is the log: records go to stderr with a `<N>` priority prefix
per line (sd-daemon(3)), so `journalctl -u kiosk -p err` works, and journald does the
rotation. Anywhere else (a developer's machine, an admin's terminal) `kiosk run` also
writes DATA_DIR/logs/kiosk.log, rotated by size, so a kiosk started by hand still leaves
a trail. Every record is one `key=value` line (logfmt): `level=warning
logger=kiosk.ui.speech msg="read aloud unavailable: ..."`, plus anything passed as `extra`.

No personal data: the code logs references and counts, never a request. As a second line
of defence every handler runs `redact_personal_data`, which blanks anything shaped like a
phone number (and only that: the sizes, versions and statuses in an error stay) and drops
`extra` fields named like personal data, before a record is written.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "[redacted]"
# `extra` fields that would carry a patient's data; their values never reach a handler.
PERSONAL_FIELDS = frozenset(
    {"first_name", "last_name", "full_name", "phone", "phone_number", "best_time", "email"}
)
# syslog priorities, as journald reads them from a `<N>` prefix: the first level reached wins
PRIORITIES = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6))
DEBUG_PRIORITY = 7
# Phone-shaped: a `+` and then digits (E.164, as the kiosk stores numbers), or digit groups
# split by single spaces or hyphens with an optional (area code), 7 to 15 digits in all; or a
# bare run of 9 to 15 digits (a national number typed without spaces) unless a quantity word
# sits beside it ("version", "length", "HTTP", "port", "bytes", ...). Never inside a word, a
# hex digest, a version or decimal (dots), a time (colons), a path or a date; a number
# grouped by commas is groups of at most 3 digits. So the numbers in a sync error (sizes,
# versions, statuses, ports) survive.
_PHONE_LIKE = re.compile(
    r"(?<![\w.:/+-])(\+ ?)?((?:\(\d{1,4}\)[ -]?|\d+[ -])*\d+)(?![\w/]|[.:-]\d)"
)
_QUANTITY_BEFORE = re.compile(
    r"\b(?:version|length|size|bytes|status|http|port|order|line|pid|offset|timestamp|serial"
    r"|count|limit|max(?:imum)?|min(?:imum)?|digest|hash|id)s?\W{0,3}(?:(?:of|is)\s)?$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"\s?(?:bytes?|[KMG]?i?B|ms|s|seconds?|minutes?|px|files?)\b")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STANDARD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
# Libraries that narrate what the kiosk reports in its own words: urllib3 (under python-tuf's
# fetcher) warns once per retried request, then the sync's own record names the failure and
# its cause. Their errors still come through, and everything at KIOSK_LOG_LEVEL=DEBUG.
QUIET_LIBRARIES = ("urllib3",)


def setup_logging(
    data_dir: Path | None = None,
    *,
    level: int | str | None = None,
    environ: Mapping[str, str] | None = None,
    stream: IO[str] | None = None,
    console_level: int | str | None = None,
) -> Path | None:
    """Send the root logger's records to the journal, or to stderr and a rotated file.

    `data_dir` is given by `kiosk run` only (other commands are short and interactive: stderr
    is enough). `console_level` raises the threshold of stderr alone, for a command that
    prints the outcome itself (`kiosk sync --once`). Calling again replaces what an earlier
    call set up. Returns the log file's path, or None when there is none (under systemd, or
    without `data_dir`).
    """
    environ = os.environ if environ is None else environ
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "kiosk_handler", False)]:
        root.removeHandler(handler)
        handler.close()
    level = level or environ.get("KIOSK_LOG_LEVEL", "INFO")
    root.setLevel(level.upper() if isinstance(level, str) else level)
    debugging = root.getEffectiveLevel() <= logging.DEBUG
    for library in QUIET_LIBRARIES:
        logging.getLogger(library).setLevel(logging.NOTSET if debugging else logging.ERROR)
    journal = under_journal(environ, stream or sys.stderr)
    console = _ConsoleHandler(stream)
    console.setFormatter(JournalFormatter() if journal else LogfmtFormatter())
    if console_level is not None:
        console.setLevel(console_level.upper() if isinstance(console_level, str) else console_level)
    handlers: list[logging.Handler] = [console]
    path = None
    if data_dir is not None and not journal:
        folder = data_dir / "logs"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / LOG_FILE
        # Only `kiosk run` writes a file: other commands never import the handlers module.
        from logging.handlers import RotatingFileHandler

        rotating = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        rotating.setFormatter(LogfmtFormatter(timestamps=True))
        handlers.append(rotating)
    for handler in handlers:
        handler.kiosk_handler = True  # type: ignore[attr-defined]
        handler.addFilter(redact_personal_data)
        root.addHandler(handler)
    return path


def under_journal(environ: Mapping[str, str], stream: IO[str]) -> bool:
    """True when `stream` is the journal stream systemd named in $JOURNAL_STREAM.

    The variable alone is not enough: it is inherited by everything the service starts,
    so it only counts while stderr is still that very stream (same device and inode).
    """
    try:
        device, inode = (int(part) for part in environ.get("JOURNAL_STREAM", "").split(":"))
        status = os.fstat(stream.fileno())
    except (ValueError, OSError, AttributeError):
        return False
    return (status.st_dev, status.st_ino) == (device, inode)


def redact(text: str) -> str:
    """`text` with anything shaped like a phone number replaced by [redacted]."""

    def replace(match: re.Match[str]) -> str:
        plus, number = match.group(1), match.group(2)
        digits = sum(c.isdigit() for c in number)
        if digits < 7 or digits > 15 or _DATE.fullmatch(number):
            return match.group()
        if not plus and number.isdigit():  # a bare run: a phone only when long, not a quantity
            before, after = text[max(0, match.start() - 24) : match.start()], text[match.end() :]
            if digits < 9 or _QUANTITY_BEFORE.search(before) or _UNIT_AFTER.match(after):
                return match.group()
        return REDACTED

    return _PHONE_LIKE.sub(replace, text)


def redact_personal_data(record: logging.LogRecord) -> bool:
    """A handler filter: render the message, redact it, and blank personal `extra` fields.

    It changes the record in place (message, traceback and fields), so every handler and
    formatter after it only ever sees the redacted text. It never drops a record.
    """
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: keep what there is rather than crash
        message = f"{record.msg!r} {record.args!r}"
    record.msg, record.args = redact(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    for name in PERSONAL_FIELDS & set(vars(record)):
        setattr(record, name, REDACTED)
    return True


class LogfmtFormatter(logging.Formatter):
    """One `key=value` line per record; a traceback follows on indented lines."""

    def __init__(self, *, timestamps: bool = False) -> None:
        super().__init__()
        self.timestamps = timestamps

    def format(self, record: logging.LogRecord) -> str:
        pairs: list[tuple[str, Any]] = []
        if self.timestamps:
            moment = datetime.datetime.fromtimestamp(record.created, datetime.UTC)
            pairs.append(("ts", moment.isoformat(timespec="milliseconds")))
        pairs += [
            ("level", record.levelname.lower()),
            ("logger", record.name),
            ("msg", record.getMessage()),
        ]
        pairs += [(k, v) for k, v in vars(record).items() if k not in _STANDARD_ATTRIBUTES]
        line = " ".join(f"{key}={_value(value)}" for key, value in pairs)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        details = [text for text in (record.exc_text, record.stack_info) if text]
        for text in details:
            line += "\n" + "\n".join(f"  {part}" for part in text.splitlines())
        return line


class JournalFormatter(LogfmtFormatter):
    """Logfmt with a `<N>` priority on every line, so a traceback keeps the record's level."""

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in PRIORITIES if record.levelno >= level), DEBUG_PRIORITY)
        return "\n".join(f"<{priority}>{line}" for line in super().format(record).splitlines())


class _ConsoleHandler(logging.StreamHandler):
    """Writes to the given stream, or to whatever sys.stderr is at the time of writing."""

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__(stream)
        self._fixed = stream  # StreamHandler's own __init__ filled in sys.stderr

    @property
    def stream(self) -> IO[str]:
        return self._fixed or sys.stderr

    @stream.setter
    def stream(self, value: IO[str] | None) -> None:
        self._fixed = value


def _value(value: Any) -> str:
    text = str(value)
    if text and not any(c in text for c in ' ="\\\n\t'):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\t", "\\t") + '"'
