"""Start-up, navigation, text size and memory of the kiosk, against a bare PySide6 window.

Run with `make bench` (offscreen). Prints medians and ratios; asserts nothing. Figures:
- cold start as whole processes (`kiosk run --exit-after-first-frame` on a store that already
  holds content, and on a first start that loads it), against `bare_window.py` in the same
  run: start to first frame (the READY=1 both send to $NOTIFY_SOCKET once the first frame is
  painted, as systemd hears it) and start to exit (the process's whole life),
- home-to-topic navigation: show the card and paint it, median and p95,
- tapping the next larger text size on home, on a topic and on the callback form: restyled,
  laid out and painted, median and p95 (each step up from 100 % to 200 %, then back to
  100 % untimed),
- peak resident memory of those processes (they exit right after the first frame).

The kiosk's modules are byte-compiled first, as `pip install` does for an installed kiosk;
with PYTHONDONTWRITEBYTECODE set (as here) they would otherwise be compiled at every start.
BENCH_BYTECODE=0 leaves that out (to time a checkout's start from source).
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
NAV_RUNS = int(os.environ.get("BENCH_NAV_RUNS", "200"))
STYLE_RUNS = int(os.environ.get("BENCH_STYLE_RUNS", "30"))


def compile_kiosk() -> None:
    """Byte-compile the kiosk package where it is imported from, as an installed wheel is."""
    package = importlib.util.find_spec("kiosk").submodule_search_locations[0]
    compileall.compile_dir(package, quiet=1)


class FirstFrame:
    """A $NOTIFY_SOCKET for one child: the moment its READY=1 arrives."""

    def __init__(self) -> None:
        self.path = os.path.join(tempfile.mkdtemp(), "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(30)
        self.at: float | None = None
        self.thread = threading.Thread(target=self._listen, daemon=True)
        self.thread.start()

    def _listen(self) -> None:
        try:
            while self.at is None:
                if b"READY=1" in self.sock.recv(4096):
                    self.at = time.perf_counter()
        except OSError:
            pass

    def close(self) -> None:
        self.thread.join(timeout=5)
        self.sock.close()


def timed_process(args: list[str]) -> tuple[float, float, float]:
    """Seconds to first frame and to exit, and peak RSS (MiB), of one child process."""
    listener = FirstFrame()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "NOTIFY_SOCKET": listener.path,
        "PYTHONSAFEPATH": "1",  # `-m kiosk` imports the kiosk installed or on PYTHONPATH, not ./
    }
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    listener.close()
    if os.waitstatus_to_exitcode(status) != 0 or listener.at is None:
        raise SystemExit(f"{args} failed or never said READY=1")
    return listener.at - start, elapsed, usage.ru_maxrss / 1024


def kiosk_window():
    """The kiosk window as `kiosk run` builds it, shown at a kiosk's size, first frame painted."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_window
    from kiosk.assets import default_content_dir
    from kiosk.callbacks.desk import CallbackDesk
    from kiosk.config import Config
    from kiosk.content.updates.first_start import open_store

    app = QApplication.instance() or QApplication([])
    data_dir = Path(tempfile.mkdtemp())
    store = open_store(data_dir, default_content_dir())
    window = build_window(app, Config(), data_dir, store, CallbackDesk(Config(), data_dir))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    return app, window, store


def navigation_times(app, window, store) -> list[float]:
    """Milliseconds from tapping a card to its screen painted, in this process."""
    from kiosk.navigation import TOPIC, Place

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
    return samples


def larger_text_times(app, window, store) -> dict[str, list[float]]:
    """Milliseconds from tapping the next larger text size to the screen restyled, laid out
    and painted."""
    from kiosk.navigation import CALLBACK, TOPIC, Place

    card = store.all_cards("en")[0].id
    places = {"home": None, "topic": Place(TOPIC, card), "callback form": Place(CALLBACK, card)}
    results = {}
    for name, place in places.items():
        window.session.set_text_size(100)
        window.navigator.home() if place is None else window.navigator.go(place)
        samples = []
        while len(samples) < STYLE_RUNS:
            if not window.session.can_enlarge:
                window.session.set_text_size(100)
            app.processEvents()
            window.repaint()
            start = time.perf_counter()
            sizes = list(window.nav_bar.sizes)  # the "A" a step larger than the current one
            window.nav_bar.sizes[sizes[sizes.index(window.session.text_size) + 1]].click()
            app.processEvents()
            window.repaint()
            samples.append((time.perf_counter() - start) * 1000)
        results[name] = samples
    window.session.set_text_size(100)
    return results


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    if os.environ.get("BENCH_BYTECODE", "1") != "0":
        compile_kiosk()
    python = sys.executable
    data = Path(tempfile.mkdtemp())
    kiosk = [python, "-m", "kiosk", "run", "--windowed", "--exit-after-first-frame"]
    timed_process([*kiosk, "--data-dir", str(data)])  # first start fills the store
    fresh = Path(tempfile.mkdtemp())

    def empty_store() -> None:  # a truly empty data directory: no store, state, outbox, logs
        shutil.rmtree(fresh, ignore_errors=True)

    # Paired: each round starts the bare window, the kiosk and the first start one after the
    # other, so all three see the same load on a shared machine; medians of each.
    runs = {"bare": ([], [], []), "warm": ([], [], []), "first": ([], [], [])}
    for _ in range(RUNS):
        for name, args, prepare in (
            ("bare", [python, str(HERE / "bare_window.py")], None),
            ("warm", [*kiosk, "--data-dir", str(data)], None),
            ("first", [*kiosk, "--data-dir", str(fresh)], empty_store),
        ):
            if prepare:
                prepare()
            for values, value in zip(runs[name], timed_process(args), strict=True):
                values.append(value)
    (bare_f, bare_t, bare_m), (warm_f, warm_t, warm_m) = runs["bare"], runs["warm"]
    first_f, first_t, _ = runs["first"]
    app, window, store = kiosk_window()
    nav = navigation_times(app, window, store)
    larger = larger_text_times(app, window, store)
    window.detach()
    store.close()

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    bare, warm, first = ms(bare_f), ms(warm_f), ms(first_f)
    bare_x, warm_x, first_x = ms(bare_t), ms(warm_t), ms(first_t)
    bare_rss, warm_rss = statistics.median(bare_m), statistics.median(warm_m)
    bytecode = "compiled" if os.environ.get("BENCH_BYTECODE", "1") != "0" else "from source"
    rows = [
        f"runs: {RUNS} processes each, {NAV_RUNS} navigations, {STYLE_RUNS} taps per screen; "
        f"platform offscreen; kiosk bytecode {bytecode}",
        "start to:                                   first frame         exit",
        f"bare PySide6 window:                   {bare:7.1f} ms        {bare_x:7.1f} ms",
        f"row 1, kiosk (store ready):            {warm:7.1f} ms {warm / bare:4.2f}x  "
        f"{warm_x:7.1f} ms {warm_x / bare_x:4.2f}x   (goal: first frame <= 1.3x)",
        f"row 2, first start, empty data dir:    {first:7.1f} ms {first / bare:4.2f}x  "
        f"{first_x:7.1f} ms {first_x / bare_x:4.2f}x   (goal: first frame <= 2x)",
        f"home -> topic, shown and painted:          median {statistics.median(nav):6.2f} ms "
        f"p95 {p95(nav):.1f}",
    ]
    for name, samples in larger.items():
        rows.append(
            f"row 6, Larger text on {name + ',':15s} restyled and painted: median "
            f"{statistics.median(samples):6.1f} ms p95 {p95(samples):.1f} (goal: p95 < 16 ms)"
        )
    rows.append(
        f"peak RSS: bare {bare_rss:.1f} MiB, kiosk {warm_rss:.1f} MiB, {warm_rss / bare_rss:.2f}x"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
