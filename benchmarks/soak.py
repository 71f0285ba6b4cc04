"""Soak: thousands of patient visits in one process, watching memory and live Qt objects.

A kiosk runs for weeks without a restart, so anything a visit leaves behind (a widget never
deleted, a connection that keeps a screen alive, a pixmap cache that only grows) adds up.
This drives the real window, built by the same composition root as `kiosk run`, the way a
patient does: home -> a section -> a topic -> a related topic -> back -> the other language
-> (every fifth visit) larger text -> the idle reset, each tap one turn of app.exec()'s event
loop. It prints resident memory and live objects at the start, after a warm-up (caches fill,
screens get built on first use; the first 50 visits) and every 1000 visits. The goal
(issue 15, row 5): resident memory within 5 MiB of its value after the first 50 visits,
3,000 visits on. It asserts nothing; with --check it exits 1 when objects grow at all or
memory grows past that.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py [--visits N] [--check]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.app import build_window
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk
from kiosk.config import Config
from kiosk.content.updates.first_start import open_store
from kiosk.navigation import SECTION, TOPIC, Place

RSS_GOAL_KIB = 5 * 1024  # in all, from the warm-up's end to the last visit


@dataclass(frozen=True)
class Sample:
    label: str
    visits: int
    rss_kib: int
    qobjects: int  # the window's QObject tree
    wrappers: int  # QObject wrappers Python's garbage collector tracks
    widgets: int  # QApplication.allWidgets(): also catches parentless widgets

    def row(self) -> str:
        return (
            f"{self.label:<10}{self.visits:>7}{self.rss_kib / 1024:>10.1f}"
            f"{self.qobjects:>10}{self.wrappers:>10}{self.widgets:>9}"
        )


def rss_kib() -> int:
    """Resident memory now (VmRSS), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def sample(label: str, visits: int, window: QObject) -> Sample:
    gc.collect()
    wrappers = sum(1 for obj in gc.get_objects() if isinstance(obj, QObject))
    return Sample(
        label,
        visits,
        rss_kib(),
        len(window.findChildren(QObject)),
        wrappers,
        len(QApplication.allWidgets()),
    )


def visit(window, number: int) -> Iterator[None]:
    """One patient: through a section to a topic and a related one, back, Spanish, reset.

    Each `yield` hands control back to the event loop, as the time between two taps does:
    timers fire and widgets dropped with deleteLater() are deleted there, as in the kiosk.
    """
    store, session, navigator = window.store, window.session, window.navigator
    navigator.home()
    yield
    sections = store.sections(session.language)
    section = sections[number % len(sections)]
    navigator.go(Place(SECTION, section.id))
    yield
    cards = store.cards_in_section(section.id, session.language)
    card = cards[number % len(cards)]
    navigator.go(Place(TOPIC, card.id))
    yield
    related = store.card(card.id, session.language).related
    if related:
        navigator.go(Place(TOPIC, related[number % len(related)].id))
        yield
    navigator.back()
    yield
    session.set_language("es" if session.language == "en" else "en")
    yield
    if number % 5 == 0:  # now and then someone needs larger text
        session.larger_text()
        yield
    window.repaint()  # paint what the patient sees, synchronously
    yield
    session.reset()  # the idle reset: back to the attract loop and the defaults
    yield


def soak(window, visits: int, warmup: int, samples: list[Sample]) -> Iterator[None]:
    samples.append(sample("start", 0, window))
    for number in range(1, visits + 1):
        yield from visit(window, number)
        if number == warmup:
            samples.append(sample("warm", number, window))
        elif number % 1000 == 0 or number == visits:
            samples.append(sample("end" if number == visits else "", number, window))


def drive(app: QApplication, steps: Iterator[None]) -> int:
    """Run `steps` inside app.exec(), one step per turn of the event loop."""
    timer = QTimer(interval=0)

    def advance() -> None:
        try:
            next(steps)
        except StopIteration:
            timer.stop()
            app.exit(0)
        except Exception:  # never let it escape into Qt: report it and stop
            traceback.print_exc()
            timer.stop()
            app.exit(1)

    timer.timeout.connect(advance)
    timer.start()
    return app.exec()


def quiet_offscreen(kind, context, message: str) -> None:
    """Qt's messages, less the offscreen platform's one about window-manager size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=int(os.environ.get("SOAK_VISITS", 3000)))
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--check", action="store_true", help="exit 1 if anything grows")
    args = parser.parse_args()
    if not 0 < args.warmup < args.visits:
        parser.error("--warmup must be at least 1 and less than --visits")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(quiet_offscreen)
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    config = Config()
    store = open_store(data_dir, default_content_dir())
    callbacks = CallbackDesk(config, data_dir)
    window = build_window(app, config, data_dir, store, callbacks)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    samples: list[Sample] = []
    started = time.perf_counter()
    code = drive(app, soak(window, args.visits, args.warmup, samples))
    elapsed = time.perf_counter() - started
    if code:
        return code

    print(f"{args.visits} visits in {elapsed:.1f} s ({elapsed / args.visits * 1000:.1f} ms each)")
    print(f"{'':<10}{'visits':>7}{'RSS MiB':>10}{'QObjects':>10}{'wrappers':>10}{'widgets':>9}")
    for row in samples:
        print(row.row())
    warm, end = next(s for s in samples if s.label == "warm"), samples[-1]
    growth_kib = end.rss_kib - warm.rss_kib
    per_thousand = growth_kib / max(1, end.visits - warm.visits) * 1000
    objects = (
        end.qobjects - warm.qobjects,
        end.wrappers - warm.wrappers,
        end.widgets - warm.widgets,
    )
    print(
        f"after warm-up: RSS {growth_kib / 1024:+.1f} MiB ({per_thousand:+.0f} KiB per 1000 "
        f"visits), QObjects {objects[0]:+d}, wrappers {objects[1]:+d}, widgets {objects[2]:+d}"
    )

    window.detach()
    callbacks.close()
    window.services.staff.close()
    store.close()
    verdict = "meets" if growth_kib <= RSS_GOAL_KIB else "misses"
    print(
        f"row 5: RSS after {end.visits} visits vs after the first {warm.visits}: "
        f"{growth_kib / 1024:+.1f} MiB (goal within 5 MiB): {verdict} it"
    )
    grew = growth_kib > RSS_GOAL_KIB or any(delta > 0 for delta in objects)
    return 1 if args.check and grew else 0


if __name__ == "__main__":
    sys.exit(main())
