"""The hub under a clinic network's load: many kiosks' heartbeats and callback requests.

Starts the hub under gunicorn on loopback (SQLite in a temporary data dir, or with
`--database postgres` a throwaway PostgreSQL cluster from the system's binaries, as the
tests do), registers the kiosks, then for a bounded time posts what they would send: each
kiosk a heartbeat every minute, and callback requests at a steady rate, every one signed
with the kiosk's own secret and sent by the kiosk's own transport (a new connection each,
as a kiosk does). `--speed 10` sends ten times as much, to see the headroom. Prints requests
per second, p50 and p95 latency and errors (any answer but 2xx; it must be 0).

    python benchmarks/hub_load.py [--kiosks 1000] [--callbacks-per-minute 100]
        [--seconds 60] [--speed 1] [--workers 2] [--database sqlite|postgres] [--no-counts]

Each heartbeat carries what a busy kiosk's does: 7 days of counts, 20 cards in 2 languages
a day, today's still growing; `--no-counts` leaves them out, as the same-run baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    options = parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    env = {**os.environ, "HUB_DATA_DIR": str(data_dir), "HUB_SECRET_KEY": "bench-only"}
    env |= {"HUB_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "hub.settings"}
    cluster = None
    if options.database == "postgres":
        from tests.hub.postgres import Cluster

        cluster = Cluster()
        fields = cluster.start()
        host = urllib.parse.quote(fields["HOST"], safe="")
        env["DATABASE_URL"] = f"postgres://{fields['USER']}@{host}/{fields['NAME']}"
    os.environ.update(env)
    try:
        secrets = set_up(options.kiosks)
        port = free_port()
        server = start_server(env, port, options.workers)
        try:
            run_load(options, secrets, f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=1000)
    parser.add_argument("--callbacks-per-minute", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--speed", type=float, default=1.0, help="multiply every rate")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--no-counts",
        action="store_true",
        help="heartbeats without the 7 days of counts (the same-run baseline for them)",
    )
    return parser.parse_args()


def set_up(kiosks: int) -> list[tuple[str, str]]:
    """Migrate a fresh database and register the kiosks; their (id, secret) pairs."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from hub.intake.kiosk_secrets import new_secret
    from hub.intake.models import Kiosk

    made = [
        Kiosk(id=f"bench-{n:04d}", location=f"Room {n}", secret=new_secret()) for n in range(kiosks)
    ]
    Kiosk.objects.bulk_create(made)
    from django.db import connections

    connections.close_all()
    return [(k.id, k.secret) for k in made]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "hub.wsgi"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=2):
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the hub did not start within 30 s")


def schedule(options: argparse.Namespace, kiosks: int) -> list[tuple[float, str, int]]:
    """(seconds from start, "heartbeat" or "callback", kiosk index), in time order."""
    rng = random.Random(13)
    events = []
    period = 60.0 / options.speed
    for index in range(kiosks):
        at = rng.uniform(0, period)
        while at < options.seconds:
            events.append((at, "heartbeat", index))
            at += period
    count = int(options.callbacks_per_minute * options.speed * options.seconds / 60)
    events += [
        (rng.uniform(0, options.seconds), "callback", rng.randrange(kiosks)) for _ in range(count)
    ]
    return sorted(events)


CARDS = [f"card-{n:02d}" for n in range(20)]


def week_of_counts(serial: int) -> dict:
    """What a busy kiosk's heartbeat carries: 7 days of counts, 20 cards in 2 languages each,
    today's still growing (so every heartbeat changes a day the hub must rewrite)."""
    import datetime

    today = datetime.date.today()
    week = {}
    for back in range(7):
        grow = serial if back == 0 else 0
        cards = {card: {"en": 3 + n + grow, "es": 1 + n} for n, card in enumerate(CARDS)}
        day = (today - datetime.timedelta(days=back)).isoformat()
        week[day] = {"visits": 40 + grow, "read_aloud": 6, "callbacks_sent": 2, "cards": cards}
    return week


def run_load(options: argparse.Namespace, secrets: list[tuple[str, str]], base: str) -> None:
    from kiosk.net import transport
    from tests.hub.helpers import callback_body, heartbeat_body, signed_headers

    def counts(serial: int) -> dict:
        return {} if options.no_counts else {"counts": week_of_counts(serial)}

    events = schedule(options, len(secrets))
    work: queue.Queue = queue.Queue()
    results: dict[str, list[float]] = {"heartbeat": [], "callback": []}
    errors: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        while (item := work.get()) is not None:
            kind, index, serial = item
            kiosk_id, secret = secrets[index]
            if kind == "heartbeat":
                body, path, key = (
                    heartbeat_body(kiosk_id=kiosk_id, **counts(serial)),
                    "/api/heartbeats",
                    f"hb-{serial}",
                )
            else:
                key = f"7KX4QM-{serial:032x}"
                body = callback_body(kiosk_id=kiosk_id, idempotency_key=key)
                path = "/api/callbacks"
            start = time.perf_counter()
            outcome = transport.post(base + path, body, signed_headers(secret, body, key))
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                results[kind].append(elapsed)
                if outcome.kind != transport.DELIVERED:
                    errors.append(outcome.detail)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(64)]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    for serial, (at, kind, index) in enumerate(events):
        wait = began + at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        work.put((kind, index, serial))
    for _ in threads:
        work.put(None)
    for thread in threads:
        thread.join()
    took = time.monotonic() - began
    report(options, results, errors, took)


def report(options, results: dict[str, list[float]], errors: list[str], took: float) -> None:
    every = [ms for samples in results.values() for ms in samples]
    print(
        f"hub load on {options.database}: {options.kiosks} kiosks, speed x{options.speed:g}, "
        f"{options.seconds:g} s, {options.workers} gunicorn workers, "
        f"heartbeats {'without' if options.no_counts else 'with 7 days of'} counts"
    )
    print(f"  requests: {len(every)} in {took:.1f} s = {len(every) / took:.1f} per second")
    for kind, samples in (("all", every), *results.items()):
        if samples:
            p50 = statistics.median(samples)
            p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
            print(f"  {kind:>9}: {len(samples):6d}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
    print(
        f"  errors: {len(errors)}" + (f" ({json.dumps(sorted(set(errors))[:5])})" if errors else "")
    )


if __name__ == "__main__":
    main()
