"""Whatever a signed update holds, the kiosk starts, home builds and every card shows:
a bad picture becomes a placeholder (or no icon), logged once; a huge body a short note."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.content.source.svg_clean import clean_svg
from kiosk.ui import images
from kiosk.ui.images import image_from_bytes
from kiosk.ui.screens import home
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.topic import TopicScreen
from tests.ui.hostile import (
    TALL_SVG,
    blur_svg,
    huge_html,
    local_file_svg,
    nested_html,
    png,
    png_claiming,
    put_asset,
    put_body,
    use_bomb_svg,
)
from tests.ui.patient import tap, visible_text

CHART = "cards/images/antibodies.svg"  # shown in "How your immune system works"


@pytest.fixture(autouse=True)
def fresh_log():
    """Each test sees its own "logged once" (the kiosk keeps one list per process)."""
    images._reported.clear()


@pytest.fixture
def store(store, request):
    """The embedded content, with the stored pictures a test names replaced."""
    for path, data in (getattr(request, "param", None) or {}).items():
        put_asset(store.path, path, data)
    return store


def red_png(tmp_path: Path) -> Path:
    target = tmp_path / "secret.png"
    target.write_bytes(png(100, 100, (255, 0, 0)))
    return target


def has_red(image: QImage) -> bool:
    return any(
        image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 50
        for x in range(0, image.width(), 5)
        for y in range(0, image.height(), 5)
    )


# -- decoding, one hostile picture at a time ------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [TALL_SVG, png_claiming(100_000, 100_000), png_claiming(1, 2**31 - 1), b"\x89PNG junk"],
    ids=["svg-1x100000000", "png-claims-10-gigapixels", "png-claims-1x2^31", "junk"],
)
def test_an_absurd_or_broken_picture_is_refused_and_logged_once(qapp, data, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.images"):
        assert image_from_bytes(data, 72, "icons/hostile") is None
        assert image_from_bytes(data, 720, "icons/hostile") is None
    assert caplog.text.count("cannot show icons/hostile") == 1


def test_a_thin_bitmap_is_drawn_within_its_box_not_scaled_to_gigabytes(qapp):
    image = image_from_bytes(png(1, 1000), 720)  # 80 bytes: scaled to 720 wide, 2.9 GB
    assert image is not None and image.height() <= 4 * 720 and image.width() <= 720
    assert image.sizeInBytes() < 16 * 1024 * 1024


def test_filters_are_stripped_before_qt_renders_an_svg(qapp):
    hostile = blur_svg()
    clean = clean_svg(hostile)
    assert b"filter" not in clean and b"feGaussianBlur" not in clean and b"<rect" in clean
    image = image_from_bytes(hostile, 720)
    assert image is not None and image.width() == 720


def test_qt_on_its_own_draws_a_file_from_disk_into_an_svg(qapp, tmp_path):
    """Why the kiosk cleans SVGs: this is what the issue saw."""
    raw = QImage(100, 100, QImage.Format.Format_ARGB32_Premultiplied)
    raw.fill(Qt.GlobalColor.transparent)
    painter = QPainter(raw)
    QSvgRenderer(QByteArray(local_file_svg(red_png(tmp_path)))).render(painter)
    painter.end()
    assert has_red(raw)


@pytest.mark.parametrize("scheme", ["", "file://"])
def test_an_svg_cannot_draw_a_file_from_the_kiosks_disk(qapp, tmp_path, scheme):
    hostile = local_file_svg(red_png(tmp_path), scheme)
    image = image_from_bytes(hostile, 100)
    assert image is not None and not has_red(image)
    assert b"secret.png" not in clean_svg(hostile)


@pytest.mark.parametrize(
    "svg",
    [
        b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g>" * 5000 + b"</g>" * 5000 + b"</svg>",
        b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed></svg>",
        use_bomb_svg(),
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g></svg>',
    ],
    ids=["entities", "too-many-elements", "not-well-formed", "use-bomb", "use-cycle"],
)
def test_svgs_outside_the_safe_subset_are_refused(svg):
    assert clean_svg(svg) is None


def test_a_modest_use_of_use_is_kept(qapp):
    assert clean_svg(use_bomb_svg(levels=3)) is not None  # 1,000 rectangles: fine


def test_scripts_handlers_and_external_css_are_removed(qapp):
    hostile = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="x()">'
        b"<script>x()</script><style>@import url(http://x/a.css);</style>"
        b'<rect width="10" height="10" style="fill:#123;filter:url(#f)" '
        b'fill="url(http://example.org/p)"/><foreignObject/></svg>'
    )
    clean = clean_svg(hostile)
    for gone in (b"script", b"onload", b"@import", b"filter", b"example.org", b"foreignObject"):
        assert gone not in clean
    assert b"fill:#123" in clean and image_from_bytes(hostile, 10) is not None


# -- the kiosk showing them -------------------------------------------------------------------


@pytest.mark.parametrize("store", [{"icons/basics.svg": TALL_SVG}], indirect=True)
def test_home_builds_with_the_icon_that_stopped_every_start(qtbot, caplog, kiosk_window):
    assert kiosk_window.current_screen_name() == "home"
    assert "Immunotherapy basics" in visible_text(kiosk_window)
    tap(qtbot, kiosk_window, "Immunotherapy basics")
    tap(qtbot, kiosk_window, "Home")  # home again: the refusal is not logged again
    assert kiosk_window.current_screen_name() == "home"
    logged = [r.getMessage() for r in caplog.get_records("setup") + caplog.records]
    assert sum("cannot show icons/basics.svg" in line for line in logged) == 1


def test_icons_past_the_time_budget_wait_for_the_next_showing(kiosk_window, monkeypatch):
    screen = kiosk_window.findChild(HomeScreen)
    screen._icons.clear()
    monkeypatch.setattr(home, "ICON_BUDGET_SECONDS", -1.0)  # as if spent on earlier icons
    screen.show_item()
    assert screen._icons == {}  # shown without icons, nothing remembered
    monkeypatch.undo()
    screen.show_item()
    assert len(screen._icons) == 4 and None not in screen._icons.values()


@pytest.mark.parametrize(
    ("store", "drawn"),
    [
        ({CHART: TALL_SVG}, False),
        ({CHART: blur_svg()}, True),
        ({CHART: png(1, 1000)}, True),
        ({CHART: b"junk"}, False),
        ({CHART: use_bomb_svg()}, False),
    ],
    indirect=["store"],
    ids=["tall-svg", "blur-svg-unblurred", "thin-png-in-its-box", "junk", "use-bomb"],
)
def test_a_card_with_a_hostile_picture_still_shows(qtbot, kiosk_window, drawn):
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    assert kiosk_window.current_screen_name() == "topic"
    assert "antigens" in visible_text(kiosk_window)
    body = kiosk_window.current_screen().body
    qtbot.waitUntil(lambda: not body.decoding)
    (image,) = body.images.values()
    assert (image is not None) is drawn  # else the placeholder stays
    if drawn:
        assert image.width() <= 720 and image.height() <= 4 * 720


def test_a_huge_body_shows_a_short_note_instead(qtbot, store, kiosk_window, caplog):
    put_body(store.path, "how-the-immune-system-works", "en", huge_html())
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.widgets.card_browser"):
        tap(qtbot, kiosk_window, "Your immune system")
        tap(qtbot, kiosk_window, "How your immune system works")
    assert "This topic cannot be shown right now" in visible_text(kiosk_window)
    assert "how-the-immune-system-works.en not shown" in caplog.text
    spoken, _ = kiosk_window.findChild(TopicScreen).spoken_text()
    assert "cannot be shown right now" in spoken and len(spoken) < 500


def test_a_deeply_nested_body_still_shows(qtbot, store, kiosk_window):
    put_body(store.path, "how-the-immune-system-works", "en", nested_html())
    tap(qtbot, kiosk_window, "Your immune system")
    tap(qtbot, kiosk_window, "How your immune system works")
    assert "deep" in visible_text(kiosk_window)


def test_kiosk_run_starts_with_the_icon_in_its_store(store):
    """The exact failure of the issue: every start after it was stored exited 1."""
    put_asset(store.path, "icons/basics.svg", TALL_SVG)
    data_dir = store.path.parent
    started = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_DATA_DIR": str(data_dir),
        },
        timeout=120,
    )
    assert started.returncode == 0, started.stderr[-3000:]
    assert "cannot show icons/basics.svg" in started.stderr
