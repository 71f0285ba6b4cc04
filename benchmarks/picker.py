"""The form's "Change topic" picker over a catalogue of 2,000 cards (issue 15, row 7).

Run with QT_QPA_PLATFORM=offscreen. Builds a store of BENCH_PICKER_CARDS English cards, opens
the callback form in the real window and times tapping "Change topic" until the picker is
shown, laid out and painted (median and p95 of BENCH_PICKER_RUNS opens), and how many tiles
exist then, and resident memory. Goal: under 50 ms. Asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.app import build_window
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import Config
from kiosk.content.source.loader import load_content
from kiosk.content.storage.store import ContentStore
from kiosk.navigation import CALLBACK, TOPIC_PICKER, Place

CARDS = int(os.environ.get("BENCH_PICKER_CARDS", "2000"))
RUNS = int(os.environ.get("BENCH_PICKER_RUNS", "15"))
SECTIONS = ("basics", "immune-system", "treatments", "next-steps")


def write_content(folder: Path) -> None:
    shutil.copytree(default_content_dir() / "icons", folder / "icons")
    shutil.copy(default_content_dir() / "content.toml", folder / "content.toml")
    (folder / "cards").mkdir()
    for number in range(CARDS):
        card_id = f"topic-{number:04d}"
        (folder / "cards" / f"{card_id}.en.md").write_text(
            f'+++\nid = "{card_id}"\ntitle = "Topic number {number}"\n'
            f'summary = "A generated card, number {number}."\nsection = "{SECTIONS[number % 4]}"\n'
            f'order = {number}\nrelated = []\nreviewed = 2026-11-28\nsource = "Generated."\n+++\n\n'
            "Ask your care team what this means for you.\n",
            encoding="utf-8",
        )


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="kiosk-picker-"))
    write_content(work / "content")
    store = ContentStore(work / "content.db")
    store.replace(load_content(work / "content"), origin="benchmark")
    config = Config()
    window = build_window(app, config, work, store, CallbackDesk(config, work))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    card = store.all_cards("en")[0].id
    before = rss_mib()
    samples = []
    for _ in range(RUNS):
        window.navigator.go(Place(CALLBACK, card))
        app.processEvents()
        window.repaint()
        start = time.perf_counter()
        window.navigator.go(Place(CALLBACK, card, TOPIC_PICKER))  # what "Change topic" does
        app.processEvents()
        window.repaint()
        samples.append((time.perf_counter() - start) * 1000)
        window.navigator.back()
        app.processEvents()
    tiles = len(window.screen("callback").topics.tiles)
    median, p95 = statistics.median(samples), statistics.quantiles(samples, n=20)[-1]
    print(f"{CARDS} cards, {RUNS} opens of the picker; {tiles} tiles made")
    print(
        f'row 7: "Change topic" to the picker painted: median {median:.1f} ms, p95 {p95:.1f} '
        f"(goal < 50 ms); first open {samples[0]:.1f} ms; RSS +{rss_mib() - before:.1f} MiB"
    )
    window.detach()
    store.close()


if __name__ == "__main__":
    main()
