"""Take every screen's picture, as a README install shows the kiosk: `make screenshots`.

Every screen the layout walk visits (tests/ui/screen_walk.py: attract, home, the sheet, each
section, the longest card, the card paused while read aloud, the form, the topic picker, the
confirmation, the idle notice, the staff screens, signage, out of service) in the three
kiosk shapes (1920x1080, 1280x800, portrait 1080x1920), in English and Spanish, in the
standard and the high-contrast theme, at 100 % and 200 % text, go to one folder
(`build/screenshots/` unless given another), a folder per shape. With them:

- a contact sheet per shape, theme, language and size (`sheets/`), every screen side by side
  as small pictures with their names, to look at all of them in a few minutes;
- the README's gallery (`docs/screenshots/gallery/`), a few of them at half size.

Each shape is Qt's offscreen platform with a screen of that size and only the fonts the
README's package list installs (fonts-dejavu-core), so the pictures show what a new install
shows, not whatever fonts this machine happens to have. The clinic is a made-up one
(example-clinic-logo.svg); the form is filled with "Test" and a 555 number only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHAPES = [(1920, 1080), (1280, 800), (1080, 1920)]
README_FONTS = "/usr/share/fonts/truetype/dejavu"  # what fonts-dejavu-core installs
GALLERY = HERE / "gallery"
# The README's gallery: (shot, where it is in the folder), each at half size.
GALLERY_SHOTS = {
    "attract-1920x1080": "1920x1080/1920x1080-en-100-attract.png",
    "home-1920x1080": "1920x1080/1920x1080-en-100-home.png",
    "topic-1920x1080-es": "1920x1080/1920x1080-es-100-topic-long.png",
    "home-portrait": "1080x1920/1080x1920-en-100-home-text-and-colors.png",
    "topic-portrait-200": "1080x1920/1080x1920-en-200-topic-long.png",
    "section-1280x800": "1280x800/1280x800-en-100-section-treatments.png",
    "form-portrait": "1080x1920/1080x1920-en-100-form-keyboard.png",
    "home-contrast-1280x800-es": "1280x800/1280x800-contrast-es-100-home.png",
    "idle-1280x800": "1280x800/1280x800-en-100-idle-notice.png",
}
THUMB_WIDTH = 480
SHOTS = "[0-9]*x[0-9]*/*.png"  # a folder per shape

FONTCONFIG = f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{README_FONTS}</dir>
  <cachedir>{{cache}}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
"""


def walk_shape(width: int, height: int, out: Path, scratch: Path) -> dict[str, list[str]]:
    """Every screen at one shape, in its own process (Qt reads the screen's size at start)."""
    screens = scratch / f"screens-{width}x{height}.json"
    screen = {"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screens.write_text(json.dumps({"screens": [screen]}))
    fonts = scratch / "fonts.conf"
    fonts.write_text(FONTCONFIG.format(cache=scratch / "cache"))
    report = scratch / f"problems-{width}x{height}.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "FONTCONFIG_FILE": str(fonts),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    shots = out / f"{width}x{height}"
    command = [sys.executable, "-m", "tests.ui.screen_walk", str(report), "--shots", str(shots)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return json.loads(report.read_text())["problems"]


def contact_sheets(out: Path) -> list[Path]:
    """One sheet per shape, theme, language and size: every screen small, with its name."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    groups: dict[str, list[Path]] = {}
    for shot in sorted(out.glob(SHOTS)):
        parts = shot.stem.split("-")
        theme = "contrast" if parts[1] == "contrast" else "standard"
        rest = parts[2:] if theme == "contrast" else parts[1:]
        if parts[1] == "after":  # after-reset-*: the next patient's screens
            key = f"{parts[0]}-after-reset"
        else:
            key = f"{parts[0]}-{theme}-{rest[0]}-{rest[1]}"
        groups.setdefault(key, []).append(shot)
    sheets = out / "sheets"
    sheets.mkdir(exist_ok=True)
    written = []
    for key, shots in groups.items():
        first = QImage(str(shots[0]))
        thumb_h = round(first.height() * THUMB_WIDTH / first.width())
        columns = 6 if first.width() < first.height() else 4
        rows = -(-len(shots) // columns)
        cell_w, cell_h = THUMB_WIDTH + 16, thumb_h + 44
        sheet = QImage(columns * cell_w, rows * cell_h, QImage.Format.Format_RGB32)
        sheet.fill(QColor("#ffffff"))
        painter = QPainter(sheet)
        font = QFont("DejaVu Sans")
        font.setPixelSize(16)
        painter.setFont(font)
        for index, shot in enumerate(shots):
            x, y = (index % columns) * cell_w + 8, (index // columns) * cell_h + 8
            image = QImage(str(shot)).scaledToWidth(
                THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation
            )
            painter.drawImage(x, y, image)
            painter.setPen(QColor("#1b1b1b"))
            painter.drawRect(x - 1, y - 1, image.width() + 1, image.height() + 1)
            label = shot.stem.split("-", 1)[1]
            painter.drawText(QRect(x, y + thumb_h + 4, THUMB_WIDTH, 30), 0, label)
        painter.end()
        path = sheets / f"{key}.png"
        sheet.save(str(path))
        written.append(path)
    return written


def gallery(out: Path) -> None:
    """The README's pictures, at half size, from the folder just taken."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    GALLERY.mkdir(exist_ok=True)
    for name, shot in GALLERY_SHOTS.items():
        image = QImage(str(out / shot))
        half = image.scaledToWidth(image.width() // 2, Qt.TransformationMode.SmoothTransformation)
        half.save(str(GALLERY / f"{name}.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "screenshots")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    broken = {}
    with tempfile.TemporaryDirectory() as scratch:
        for width, height in SHAPES:
            problems = walk_shape(width, height, out, Path(scratch))
            broken |= {f"{width}x{height} {k}": v for k, v in problems.items() if v}
            print(f"{width}x{height}: {len(problems)} screens, {len(broken)} with faults so far")
    sheets = contact_sheets(out)
    gallery(out)
    count = len(list(out.glob(SHOTS)))
    print(f"wrote {count} screenshots and {len(sheets)} contact sheets to {out}")
    print(f"and the README's gallery to {GALLERY}")
    for screen, faults in broken.items():
        print(f"fault on {screen}: {'; '.join(faults)}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
