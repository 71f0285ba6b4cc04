"""Where the kiosk's start-up time goes: stage by stage, against a bare PySide6 window.

Run with QT_QPA_PLATFORM=offscreen. Starts the kiosk (store ready) and a bare window as
whole processes, BENCH_RUNS times each, and prints the median milliseconds of each stage
and when it ended, from the moment the process was started. The kiosk child follows
`kiosk run --exit-after-first-frame` step by step (the same functions, `kiosk.app.run`
included), with time stamps around them; it also counts the Python enum types PySide
creates and the module sources PySide reads (it looks for `from __feature__ import` in
every module imported after it) before the first frame. Asserts nothing.

The kiosk's modules are byte-compiled first, as in startup_and_navigation.py.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
# What kiosk.app imports before PySide6, in its order.
QT_FREE_MODULES = (
    "kiosk.assets",
    "kiosk.callbacks.desk",
    "kiosk.config",
    "kiosk.content.updates.first_start",
    "kiosk.content.updates.scheduler",
    "kiosk.content.storage.store",
    "kiosk.content.updates.state",
    "kiosk.navigation",
    "kiosk.service_manager",
    "kiosk.session",
    "kiosk.staff.state",
    "kiosk.theme",
)


class Stamps:
    """perf_counter stamps (the same clock in every process on Linux) and counters."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []
        self.counters: dict[str, float] = {}

    def mark(self, name: str) -> None:
        self.marks.append((name, time.perf_counter()))

    def add(self, name: str, value: float) -> None:
        self.counters[name] = self.counters.get(name, 0) + value

    def dump(self) -> None:
        print(json.dumps({"marks": self.marks, "counters": self.counters}), flush=True)


def count_enum_types(stamps: Stamps) -> None:
    """Count (and time) the Python enum types created from now on: PySide makes one per Qt
    enum the first time its class is used."""
    import enum

    create = enum.EnumType._create_

    def counted(*args, **kwargs):
        start = time.perf_counter()
        try:
            return create(*args, **kwargs)
        finally:
            stamps.add("enum types", 1)
            stamps.add("enum types ms", (time.perf_counter() - start) * 1000)

    enum.EnumType._create_ = counted


def count_source_reads(stamps: Stamps) -> None:
    """Count (and time) PySide reading the source of each newly imported module."""
    feature = sys.modules["shibokensupport.feature"]
    read = feature._mod_uses_pyside

    def counted(module):
        start = time.perf_counter()
        try:
            return read(module)
        finally:
            stamps.add("sources read", 1)
            stamps.add("sources read ms", (time.perf_counter() - start) * 1000)

    feature._mod_uses_pyside = counted


def wrap(owner, name: str, stamps: Stamps, before: str | None, after: str | None) -> None:
    """Stamp `before` and `after` the first call of owner.name."""
    original = getattr(owner, name)
    calls = []

    def stamped(*args, **kwargs):
        calls.append(name)
        first = len(calls) == 1
        if first and before:
            stamps.mark(before)
        try:
            return original(*args, **kwargs)
        finally:
            if first and after:
                stamps.mark(after)

    setattr(owner, name, stamped)


def kiosk_child(data_dir: str) -> None:
    stamps = Stamps()
    stamps.mark("python started")
    count_enum_types(stamps)
    import kiosk.cli
    from kiosk.logs import setup_logging

    stamps.mark("kiosk.cli imported")
    setup_logging()
    argv = ["run", "--windowed", "--exit-after-first-frame", "--data-dir", data_dir]
    args = kiosk.cli.build_parser(argv).parse_args(argv)
    stamps.mark("parser built (imports `run` alone)")
    from kiosk.commands import common

    config, data = common.config(args), common.data_dir(args)
    setup_logging(data)
    stamps.mark("config read, logging set up")
    for module in QT_FREE_MODULES:
        importlib.import_module(module)
    stamps.mark("Qt-free modules kiosk.app imports")
    import PySide6

    count_source_reads(stamps)
    import PySide6.QtCore
    import PySide6.QtWidgets

    stamps.mark("PySide6 QtCore, QtWidgets imported")
    PySide6.QtCore.Qt  # noqa: B018 (kiosk.app's first line: the Qt namespace and its enums)
    stamps.mark("Qt namespace (its enums made)")
    import kiosk.app
    import kiosk.ui.screens.home
    import kiosk.ui.window

    stamps.mark("kiosk.ui modules (the rest of kiosk.app)")
    window_class, home_class = kiosk.ui.window.KioskWindow, kiosk.ui.screens.home.HomeScreen
    wrap(kiosk.app, "open_store", stamps, "QApplication made", "store opened")
    wrap(kiosk.app, "build_window", stamps, "callback desk, sync scheduler made", None)
    wrap(window_class, "_apply_style", stamps, "window: nav bar, notice, staff access", None)
    wrap(window_class, "_apply_style", stamps, None, "first stylesheet (setStyleSheet)")
    wrap(home_class, "__init__", stamps, "translations, rest of the window", "home screen built")
    wrap(home_class, "show_item", stamps, None, "home screen filled (store, icons)")
    wrap(kiosk.app, "build_window", stamps, None, "home screen in the stack")
    wrap(window_class, "show", stamps, "staff record, service manager", "window.show()")
    attach = kiosk.app.attach_service_manager
    at_frame: dict[str, float] = {}

    def first_frame() -> None:
        stamps.mark("first frame painted (polish, layout, paint)")
        at_frame.update(stamps.counters)

    def attach_and_watch(app, window, notifier):
        window.first_frame_painted.connect(first_frame)
        return attach(app, window, notifier)

    kiosk.app.attach_service_manager = attach_and_watch
    kiosk.app.run(config, data, fullscreen=False, exit_after_first_frame=True)
    stamps.mark("event loop left, closed")
    stamps.counters = {f"{k} before first frame": v for k, v in at_frame.items()}
    stamps.dump()


def bare_child() -> None:
    stamps = Stamps()
    stamps.mark("python started")
    count_enum_types(stamps)
    from PySide6.QtCore import QEvent, QTimer

    stamps.mark("PySide6 QtCore imported")
    from PySide6.QtWidgets import QApplication, QLabel

    stamps.mark("PySide6 QtWidgets imported")
    app = QApplication(sys.argv[:1])
    stamps.mark("QApplication made")

    class Label(QLabel):
        painted = False

        def event(self, event):
            handled = super().event(event)
            if event.type() == QEvent.Type.UpdateRequest and not self.painted:
                self.painted = True
                stamps.mark("first frame painted")
                QTimer.singleShot(0, QApplication.quit)
            return handled

    label = Label("Hello")
    label.resize(1280, 800)
    label.show()
    stamps.mark("window.show() end")
    app.exec()
    stamps.mark("event loop left, closed")
    stamps.dump()


def run_child(args: list[str]) -> tuple[list[tuple[str, float]], dict[str, float]]:
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout
    end = time.perf_counter()
    data = json.loads(out.strip().splitlines()[-1])
    marks = [(name, (at - start) * 1000) for name, at in data["marks"]]
    marks.append(("process exited", (end - start) * 1000))
    return marks, data["counters"]


def report(title: str, runs: list[tuple[list[tuple[str, float]], dict[str, float]]]) -> None:
    import statistics

    names = [name for name, _ in runs[0][0]]
    ends = {name: statistics.median(dict(marks)[name] for marks, _ in runs) for name in names}
    print(f"\n{title} (median of {len(runs)} runs; ms)")
    print(f"  {'stage (ends with)':52s} {'took':>7s} {'ended at':>9s}")
    previous = 0.0
    for name in names:
        print(f"  {name:52s} {ends[name] - previous:7.1f} {ends[name]:9.1f}")
        previous = ends[name]
    for key in sorted(runs[0][1]):
        values = [counters.get(key, 0) for _, counters in runs]
        print(f"  {key}: {statistics.median(values):.1f}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--kiosk-child":
        kiosk_child(sys.argv[2])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--bare-child":
        bare_child()
        return
    import tempfile

    here = os.path.dirname(os.path.abspath(__file__))
    if os.environ.get("BENCH_BYTECODE", "1") != "0":
        sys.path.insert(0, here)
        from startup_and_navigation import compile_kiosk

        compile_kiosk()
    python, me = sys.executable, os.path.join(here, "startup_profile.py")
    data = tempfile.mkdtemp()
    run_child([python, me, "--kiosk-child", data])  # first start fills the store
    kiosk, bare = [], []
    for _ in range(RUNS):  # interleaved, so both see the same load on a shared machine
        bare.append(run_child([python, me, "--bare-child"]))
        kiosk.append(run_child([python, me, "--kiosk-child", data]))
    report("bare PySide6 window", bare)
    report("kiosk, store ready", kiosk)


if __name__ == "__main__":
    main()
