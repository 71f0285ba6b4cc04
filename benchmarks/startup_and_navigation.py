"""Start-up, navigation and memory of the kiosk, against a bare PySide6 window in the same run.

Run with `make bench` (offscreen). Prints medians and ratios; asserts nothing. Figures:
- cold start to first painted frame, as whole processes (`kiosk run --exit-after-first-frame`
  on a store that already holds content, and on a first start that loads it),
- home-to-topic navigation: show the card and paint it, median and p95,
- peak resident memory of those processes (they exit right after the first frame).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
NAV_RUNS = int(os.environ.get("BENCH_NAV_RUNS", "200"))


def timed_process(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} failed")
    return elapsed, usage.ru_maxrss / 1024


def measure(args: list[str], prepare=None) -> tuple[list[float], list[float]]:
    times, memory = [], []
    for _ in range(RUNS):
        if prepare:
            prepare()
        seconds, mib = timed_process(args)
        times.append(seconds)
        memory.append(mib)
    return times, memory


def navigation_times() -> list[float]:
    """Milliseconds from tapping a card to its screen painted, in this process."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_window
    from kiosk.assets import default_content_dir
    from kiosk.callbacks.desk import CallbackDesk
    from kiosk.config import Config
    from kiosk.content.first_start import open_store
    from kiosk.navigation import TOPIC, Place

    app = QApplication.instance() or QApplication([])
    data_dir = Path(tempfile.mkdtemp())
    store = open_store(data_dir, default_content_dir())
    window = build_window(app, Config(), data_dir, store, CallbackDesk(Config(), data_dir))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    cards = [tile.id for tile in store.all_cards("en")]
    samples = []
    for index in range(NAV_RUNS):
        window.navigator.home()
        app.processEvents()
        window.repaint()
        start = time.perf_counter()
        window.navigator.go(Place(TOPIC, cards[index % len(cards)]))
        app.processEvents()  # layout of the new screen
        window.repaint()  # and its paint, synchronously
        samples.append((time.perf_counter() - start) * 1000)
    window.idle.stop()
    store.close()
    return samples


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    python = sys.executable
    data = Path(tempfile.mkdtemp())
    kiosk = [python, "-m", "kiosk", "run", "--windowed", "--exit-after-first-frame"]
    timed_process([*kiosk, "--data-dir", str(data)])  # first start fills the store
    bare_t, bare_m = measure([python, str(HERE / "bare_window.py")])
    warm_t, warm_m = measure([*kiosk, "--data-dir", str(data)])
    fresh = Path(tempfile.mkdtemp())

    def empty_store() -> None:
        for file in fresh.glob("content.db*"):
            file.unlink()

    first_t, _ = measure([*kiosk, "--data-dir", str(fresh)], prepare=empty_store)
    nav = navigation_times()

    bare, warm, first = (statistics.median(t) * 1000 for t in (bare_t, warm_t, first_t))
    bare_rss, warm_rss = statistics.median(bare_m), statistics.median(warm_m)
    nav_median, nav_p95 = statistics.median(nav), p95(nav)
    rows = [
        f"runs: {RUNS} processes each, {NAV_RUNS} navigations; platform offscreen",
        f"bare PySide6 window, start to first frame: median {bare:7.1f} ms",
        f"kiosk, start to first frame (store ready): median {warm:7.1f} ms, {warm / bare:.2f}x",
        f"kiosk, first start (loads content):        median {first:7.1f} ms, {first / bare:.2f}x",
        f"home -> topic, shown and painted:          median {nav_median:6.2f} ms p95 {nav_p95:.1f}",
        f"peak RSS: bare {bare_rss:.1f} MiB, kiosk {warm_rss:.1f} MiB, {warm_rss / bare_rss:.2f}x",
    ]
    print("\n".join(rows))


if __name__ == "__main__":
    main()
