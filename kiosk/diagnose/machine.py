"""Checks on the machine under the kiosk: its clock and its free disk."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path

from kiosk.assets import default_content_dir
from kiosk.diagnose.check import Check, nearest_existing

LOW_DISK_BYTES = 500 * 1000**2  # as kiosk/health/checks.py: below this, updates cannot land
_REVIEWED = re.compile(r"^reviewed\s*=\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


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
    free = shutil.disk_usage(nearest_existing(data_dir)).free
    detail = f"{free / 1000**3:.1f} GB free for {data_dir}"
    if free < minimum:
        fix = "sudo journalctl --vacuum-size=100M; sudo apt-get clean"
        return Check("free disk", False, f"{detail}, below {minimum // 1000**2} MB", fix)
    return Check("free disk", True, detail)
