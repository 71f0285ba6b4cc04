"""Publishing and syncing a large content set: 1,000 cards in two languages, with images.

Run with `.venv/bin/python benchmarks/content_sync.py`. Prints figures; asserts nothing.
- publish time (first version, then a one-card edit),
- first full sync: time and bytes fetched,
- one-card delta sync: time, bytes fetched (split into TUF metadata, index.json and the
  card), and how long verifying (the loader) and applying (one SQLite transaction) took,
- a check when nothing is new (what every kiosk does every `sync.interval_minutes`).
Goals (issue 15): a one-card update fetches under 2x the card's own bytes plus a few KB of
metadata (the ratio printed is all bytes fetched over the card's bytes), and its whole sync
takes under 0.3 s.
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.assets import default_content_dir  # noqa: E402
from kiosk.content.publishing.publish import publish  # noqa: E402
from kiosk.content.publishing.signing_keys import create_keys  # noqa: E402
from kiosk.content.storage.store import ContentStore  # noqa: E402
from kiosk.content.updates import sync as sync_module  # noqa: E402
from kiosk.content.updates.settings import SyncSettings  # noqa: E402
from kiosk.content.updates.sync import sync_once  # noqa: E402

CARDS = int(os.environ.get("BENCH_CARDS", "1000"))
DELTA_RUNS = int(os.environ.get("BENCH_DELTA_RUNS", "3"))
SECTIONS = ("basics", "immune-system", "treatments", "next-steps")
BODY = {
    "en": (
        "**Cytokines** are hormones that your body makes. Hormones are natural chemicals "
        "that carry messages in your body. Cytokines help your immune system do its job.\n\n"
        "## Lab-made cytokines\n\nScientists can also make cytokines in a lab. Doctors use "
        "them as an **adjunct** therapy. Adjunct means an add-on, or extra, treatment.\n\n"
        "- given with [other treatments](card:{other})\n- given on their own\n\n"
        "Did you hear one of these names from your doctor? It is fine to ask your care team "
        "what it means for you. Topic number {number}.\n\n![A picture](images/{image})\n"
    ),
    "es": (
        "Las **citocinas** son hormonas que su cuerpo produce. Las hormonas son sustancias "
        "químicas naturales que llevan mensajes en su cuerpo.\n\n## Citocinas de laboratorio"
        "\n\nLos científicos también pueden producir citocinas en un laboratorio.\n\n"
        "- con [otros tratamientos](card:{other})\n- solas\n\n"
        "¿Escuchó uno de estos nombres de su médico? Está bien preguntarle a su equipo de "
        "atención qué significa para usted. Tema número {number}.\n\n"
        "![Una imagen](images/{image})\n"
    ),
}


def write_content(folder: Path) -> None:
    shutil.copytree(default_content_dir() / "icons", folder / "icons")
    shutil.copy(default_content_dir() / "content.toml", folder / "content.toml")
    (folder / "cards" / "images").mkdir(parents=True)
    for number in range(CARDS):
        image = f"picture-{number:04d}.svg"
        circles = "".join(
            f'<circle cx="{(number * 7 + i * 13) % 200}" cy="{(i * 17) % 200}" r="{i % 9 + 2}"/>'
            for i in range(60)
        )
        (folder / "cards" / "images" / image).write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">{circles}</svg>\n'
        )
        for lang, body in BODY.items():
            card_id, other = f"topic-{number:04d}", f"topic-{(number + 1) % CARDS:04d}"
            (folder / "cards" / f"{card_id}.{lang}.md").write_text(
                "+++\n"
                f'id = "{card_id}"\ntitle = "Topic {number} ({lang})"\n'
                f'summary = "A generated card for the benchmark, number {number}."\n'
                f'section = "{SECTIONS[number % 4]}"\norder = {number}\n'
                f'related = ["{other}"]\nreviewed = 2026-11-28\nsource = "Generated."\n+++\n\n'
                + body.format(other=other, number=number, image=image),
                encoding="utf-8",
            )


class CountingHandler(SimpleHTTPRequestHandler):
    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        self.server.served[self.path] += len(data)
        outputfile.write(data)

    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> ThreadingHTTPServer:
    handler = functools.partial(CountingHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.served = Counter()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class PhaseTimer:
    """Times the loader and the store's replace inside a sync (benchmark-only wrapping)."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self._load, self._replace = sync_module.load_content, ContentStore.replace

        def load(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self._load(*args, **kwargs)
            finally:
                self.seconds["verify (loader)"] += time.perf_counter() - start

        def replace(store, *args, **kwargs):
            start = time.perf_counter()
            try:
                return self._replace(store, *args, **kwargs)
            finally:
                self.seconds["apply (transaction)"] += time.perf_counter() - start

        sync_module.load_content = load
        ContentStore.replace = replace


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as temporary:
        work = Path(temporary)
        content, repo, keys, kiosk = work / "content", work / "repo", work / "keys", work / "kiosk"
        write_content(content)
        create_keys(keys)
        first, publish_seconds = timed(lambda: publish(content, repo, keys))
        print(f"content: {CARDS} cards x 2 languages, {len(first.bundle.assets)} images")
        print(f"publish, first version:      {publish_seconds:6.2f} s  ({first.files} files)")

        server = serve(repo)
        settings = SyncSettings(f"http://127.0.0.1:{server.server_address[1]}", keys / "root.json")
        timer = PhaseTimer()
        result, full_seconds = timed(lambda: sync_once(settings, kiosk))
        assert result.ok, result.reason
        full_bytes = sum(server.served.values())
        print(f"first full sync:             {full_seconds:6.2f} s  {full_bytes:>12,} bytes")

        card = content / "cards" / "topic-0500.en.md"
        delta_runs = []  # a one-card edit a run (another sentence each time), median of them
        for run in range(DELTA_RUNS):
            card.write_text(card.read_text() + f"\nSentence {run} added by an editor.\n")
            second, edit_seconds = timed(lambda: publish(content, repo, keys))
            server.served.clear()
            timer.seconds.clear()
            if os.environ.get("BENCH_PROFILE"):  # where the one-card sync's time goes
                import cProfile
                import pstats

                profile = cProfile.Profile()
                result, seconds = timed(lambda p=profile: p.runcall(sync_once, settings, kiosk))
                pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
            else:
                result, seconds = timed(lambda: sync_once(settings, kiosk))
            assert result.ok and result.fetched_files == 2, result
            delta_runs.append(seconds)
        delta_seconds = statistics.median(delta_runs)
        print(f"publish, one-card edit:      {edit_seconds:6.2f} s  ({second.new_files} new files)")
        runs = ", ".join(f"{s:.2f}" for s in delta_runs)
        print(f"one-card delta syncs:        {runs} s (median below, phases of the last)")
        served = dict(server.served)
        metadata = sum(n for path, n in served.items() if path.startswith("/metadata/"))
        index = sum(n for path, n in served.items() if path.endswith(".index.json"))
        bins = sum(n for path, n in served.items() if ".bins-" in path)
        card_bytes = sum(n for path, n in served.items() if path.endswith(".topic-0500.en.md"))
        total = sum(served.values())
        print(f"one-card delta sync:         {delta_seconds:6.2f} s  {total:>12,} bytes")
        print(f"  TUF metadata               {metadata:>21,} bytes  (of which the bin {bins:,})")
        print(f"  index.json                 {index:>21,} bytes")
        print(f"  the card                   {card_bytes:>21,} bytes")
        for phase, seconds in timer.seconds.items():
            print(f"  {phase:<26} {seconds:6.2f} s")
        print(
            f"  row 3: bytes fetched / the card's bytes = {total / card_bytes:.1f}x "
            f"(goal < 2x plus a few KB of metadata); without the TUF metadata "
            f"{(total - metadata) / card_bytes:.2f}x"
        )
        print(f"  row 4: the update's whole sync {delta_seconds:.2f} s (goal < 0.3 s)")
        server.served.clear()
        result, check_seconds = timed(lambda: sync_once(settings, kiosk))
        assert result.outcome.value == "up to date", result
        checked = sum(server.served.values())
        print(f"check with nothing new:      {check_seconds:6.2f} s  {checked:>12,} bytes")
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
