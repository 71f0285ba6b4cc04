"""How long the slowest card the loader accepts takes to render, against a normal card.

Builds hostile card bodies that sit just inside every limit of kiosk/content/source/render.py
(body, paragraph, '[' and '<' per paragraph, nesting), renders each BENCH_RUNS times and
prints the median and worst milliseconds beside the goal; then times the limits check and a
whole `load_content` (what validate runs) on bodies that are refused, such as 40 KB of
nested '['. Asserts nothing. Run from the repository root:

    .venv/bin/python benchmarks/hostile_markdown.py
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.assets import default_content_dir
from kiosk.content.source.loader import ContentError, load_content
from kiosk.content.source.render import (
    MAX_BRACKETS,
    MAX_LINES,
    MAX_MARKDOWN_CHARS,
    MAX_NESTING,
    MAX_PARAGRAPH_CHARS,
    MarkdownTooLarge,
    check_markdown_limits,
    render_markdown,
)

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
RENDER_GOAL_MS = 250  # "well under a second" on the kiosk's UI thread or a sync
CHECK_GOAL_MS = 50


def paragraphs(make: Callable[[int], str]) -> str:
    """As many paragraphs of `make(length)` as the body limit allows, each just inside."""
    size = MAX_PARAGRAPH_CHARS - 10
    one = make(size)[:size]
    count = MAX_MARKDOWN_CHARS // (len(one) + 2)
    return "\n\n".join([one] * count)


def filled(start: str, fill: str) -> Callable[[int], str]:
    return lambda size: start + fill * (size // len(fill) + 1)


ACCEPTED = {
    f"{MAX_BRACKETS} '[' then text, per paragraph": paragraphs(filled("[" * MAX_BRACKETS, "word ")),
    f"{MAX_BRACKETS} '[a ' then text": paragraphs(filled("[a " * MAX_BRACKETS, "word ")),
    f"{MAX_BRACKETS} '<a ' then text": paragraphs(filled("<a " * MAX_BRACKETS, "word ")),
    "'[' and '<' interleaved": paragraphs(filled("[x <y " * (MAX_BRACKETS // 2), "w ")),
    f"{MAX_BRACKETS} links '[a](card:x)'": paragraphs(
        filled("[a](card:x) " * MAX_BRACKETS, "word ")
    ),
    "emphasis '*a _b **c '": paragraphs(filled("", "*a _b **c ")),
    "emphasis '*_'": paragraphs(filled("", "*_")),
    "nested emphasis '*a ' ... ' a*'": paragraphs(lambda n: "*a " * (n // 6) + " a*" * (n // 6)),
    "backticks '`a '": paragraphs(filled("", "`a ")),
    "entities '&#'": paragraphs(filled("", "&#")),
    "one-line paragraphs": "\n\n".join(["a"] * (MAX_LINES // 2)),
    f"lists {MAX_NESTING} deep": paragraphs(
        lambda n: "".join(
            "    " * (i % MAX_NESTING) + "- item\n" for i in range(n // (4 * MAX_NESTING))
        )
    ),
    f"quotes {MAX_NESTING} deep": paragraphs(filled("", "> " * MAX_NESTING + "x\n")),
    "headings": "\n\n".join(["# a"] * (MAX_LINES // 2)),
    "one-word lines": "\n".join(["a"] * MAX_LINES),
}
REFUSED = {
    "40 KB of nested '['": "[" * 40_000,
    "8 KB of nested '['": "[" * 8_000,
    "100 KB emphasis bomb": "*a _b **c " * 10_000,
    "4,000 unclosed '[a '": "[a " * 4_000,
    "1,000 nested lists": "".join("    " * n + "- x\n" for n in range(1_000))[:19_000],
}


def normal_card() -> str:
    text = (default_content_dir() / "cards" / "how-the-immune-system-works.en.md").read_text()
    return text.split("+++", 2)[2]


def median_and_worst(action: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def validate_with(body: str) -> float:
    """Milliseconds for load_content on the embedded content plus one card with `body`."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "content"
        shutil.copytree(default_content_dir(), folder)
        card = (default_content_dir() / "cards" / "cytokines.en.md").read_text()
        front = card.split("+++", 2)[1]
        (folder / "cards" / "cytokines.en.md").write_text(f"+++{front}+++\n\n{body}\n")
        started = time.perf_counter()
        with contextlib.suppress(ContentError):
            load_content(folder)
        return (time.perf_counter() - started) * 1000


def main() -> None:
    normal = normal_card()
    render_markdown(normal)  # build the converter once, as a running kiosk has
    base, base_worst = median_and_worst(lambda: render_markdown(normal))
    print(f"render, ms (median / worst of {RUNS}); goal: under {RENDER_GOAL_MS} ms")
    print(f"  {'normal card (' + str(len(normal)) + ' chars)':44} {base:8.1f} {base_worst:8.1f}")
    slowest = ("", 0.0)
    for name, body in ACCEPTED.items():
        check_markdown_limits(body)  # raises if the benchmark strayed past a limit
        html = len(render_markdown(body).html)
        median, worst = median_and_worst(lambda body=body: render_markdown(body))
        label = f"{name} ({len(body):,} chars, {html:,} html)"
        print(f"  {label:60} {median:8.1f} {worst:8.1f}")
        if worst > slowest[1]:
            slowest = (name, worst)
    print(
        f"slowest accepted: {slowest[0]}: {slowest[1]:.1f} ms, {slowest[1] / base:.0f}x a "
        f"normal card; goal under {RENDER_GOAL_MS} ms: "
        f"{'met' if slowest[1] < RENDER_GOAL_MS else 'NOT MET'}"
    )
    print(f"\nrefused, ms: the limits check / a whole validate; goal under {CHECK_GOAL_MS} ms")
    print(f"  {'embedded content, one card normal':44} {'':8} {validate_with(normal):8.1f}")
    for name, body in REFUSED.items():
        try:
            check_markdown_limits(body)
        except MarkdownTooLarge:
            pass
        else:
            raise SystemExit(f"{name} was accepted")
        check, _ = median_and_worst(lambda body=body: _refuse(body))
        print(f"  {name:44} {check:8.2f} {validate_with(body):8.1f}")


def _refuse(body: str) -> None:
    with contextlib.suppress(MarkdownTooLarge):
        check_markdown_limits(body)


if __name__ == "__main__":
    main()
