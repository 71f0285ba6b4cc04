"""Power cuts: a sync killed with SIGKILL at random moments leaves the store whole, holding
either the old version or the new one, and the next sync finishes the job."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kiosk.content.publishing.publish import publish
from kiosk.content.updates.outcome import Outcome
from kiosk.content.updates.sync import sync_once
from tests.content.cards import write_card, write_image

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10
MARKERS = ("staging it", "applying it", "content updated")  # logged by kiosk.content.updates.sync
# The CLI, with every step logged (KIOSK_LOG_LEVEL=DEBUG below), so the test can stop it
# after a chosen number of steps.
SCRIPT = (
    "import sys;"
    "from kiosk.cli import main;"
    "sys.exit(main(['sync', '--once', '--config', sys.argv[1], '--data-dir', sys.argv[2]]))"
)


def whole_version(kiosk_dir: Path, versions: dict[str, set]) -> str:
    """The digest of the one complete version the store holds; fails if it holds anything else."""
    db = sqlite3.connect(kiosk_dir / "content.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        digest = dict(db.execute("SELECT key, value FROM content_meta"))["digest"]
        cards = set(db.execute("SELECT id, lang FROM cards"))
        indexed = db.execute("SELECT count(*) FROM card_search_docsize").fetchone()[0]
    finally:
        db.close()
    assert digest in versions
    assert cards == versions[digest] and indexed == len(cards)
    return digest


def card_set(bundle) -> set:
    return {(card.id, card.lang) for card in bundle.cards}


def start_sync(config: Path, kiosk_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(config), str(kiosk_dir)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KIOSK_LOG_LEVEL": "DEBUG"},
    )


def kill_sync_after(config: Path, kiosk_dir: Path, stop: Callable[[int, str], bool]) -> None:
    """Run `kiosk sync --once` and SIGKILL it once `stop` says so about a logged step."""
    running = start_sync(config, kiosk_dir)
    for number, line in enumerate(running.stderr, start=1):
        if stop(number, line):
            break
    running.kill()  # SIGKILL: no cleanup, no finally, like a power cut
    running.wait(timeout=30)
    running.stderr.close()


def test_a_killed_sync_leaves_the_old_or_the_new_version_whole(
    content_dir, repo, keys, settings, tmp_path
):
    old = publish(content_dir, repo, keys)
    template = tmp_path / "kiosk-at-v1"
    assert sync_once(settings, template).outcome is Outcome.UPDATED
    for number, path in enumerate(sorted((content_dir / "cards").glob("*.md"))):
        path.write_text(path.read_text() + f"\nEdited in version 2 ({number}).\n")
    write_image(content_dir, "new.svg", colour="#642")
    for lang in ("en", "es"):
        write_card(content_dir, "new-topic", lang, f"![New, {lang}](images/new.svg)")
    new = publish(content_dir, repo, keys)
    versions = {old.bundle.digest: card_set(old.bundle), new.bundle.digest: card_set(new.bundle)}
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[sync]\nrepository_url = "{settings.repository_url}"\n'
        f'trusted_root = "{settings.trusted_root}"\n'
    )

    calibration = tmp_path / "calibration"
    shutil.copytree(template, calibration)
    whole_run = start_sync(config, calibration)
    steps = whole_run.communicate(timeout=60)[1].count("\n")
    assert whole_run.returncode == 0 and steps > 20
    assert whole_version(calibration, versions) == new.bundle.digest

    chosen = random.Random(20261128)
    seen: Counter[str] = Counter()
    for attempt in range(KILLS):
        kiosk_dir = tmp_path / f"kiosk-{attempt}"
        shutil.copytree(template, kiosk_dir)
        if attempt % 2:  # around the apply: after staging, inside the apply, just after it
            marker = MARKERS[attempt // 2 % len(MARKERS)]
            kill_sync_after(config, kiosk_dir, lambda number, line, m=marker: m in line)
        else:  # anywhere: mostly while fetching
            step = chosen.randint(1, steps)
            kill_sync_after(config, kiosk_dir, lambda number, line, s=step: number >= s)
        seen[whole_version(kiosk_dir, versions)] += 1
        recovered = sync_once(settings, kiosk_dir)
        assert recovered.ok, recovered.reason
        assert whole_version(kiosk_dir, versions) == new.bundle.digest
    assert seen[old.bundle.digest] > 0 and seen[new.bundle.digest] > 0
