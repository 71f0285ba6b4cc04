"""Take the README's screenshots as a README install shows the kiosk: `make screenshots`.

Qt's offscreen platform with a 1280x800 screen, the embedded content, and only the fonts
the README's package list installs (fonts-dejavu-core), so the pictures show what a new
install shows and not whatever fonts this machine happens to have. Nothing a patient could
type appears: the form is shown empty.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREEN = {"name": "kiosk", "x": 0, "y": 0, "width": 1280, "height": 800}
README_FONTS = "/usr/share/fonts/truetype/dejavu"  # what fonts-dejavu-core installs

FONTCONFIG = f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{README_FONTS}</dir>
  <cachedir>{{cache}}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
"""


def take(out: Path) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_window, present
    from kiosk.assets import default_content_dir
    from kiosk.callbacks.desk import CallbackDesk
    from kiosk.config import Config
    from kiosk.content.updates.first_start import open_store
    from kiosk.navigation import CALLBACK, TOPIC, Place

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        config = Config().replace(
            callbacks__endpoint="https://hub.invalid/callbacks",
            callbacks__secret="whsec_dGVzdC1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u",
        )
        store = open_store(Path(data) / "data", default_content_dir())
        callbacks = CallbackDesk(config, Path(data))
        window = build_window(app, config, Path(data), store, callbacks)
        present(window, app, fullscreen=True)
        QTest.qWaitForWindowExposed(window)

        def shot(name: str) -> None:
            for _ in range(4):
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")

        session, navigator = window.session, window.navigator
        navigator.home()
        shot("home")
        session.set_language("es")
        navigator.go(Place(TOPIC, "how-the-immune-system-works"))
        shot("topic-es")
        session.set_language("en")
        navigator.go(Place(CALLBACK, "talk-to-a-specialist"))
        shot("callback-form")
        navigator.home()
        session.set_high_contrast(True)
        shot("home-high-contrast")
        window.detach()
        window.services.staff.close()
        callbacks.close()
        store.close()


def main() -> int:
    if os.environ.get("KIOSK_SCREENSHOTS_CHILD"):
        take(Path(sys.argv[1]))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        screens = Path(scratch) / "screens.json"
        screen = {**SCREEN, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        screens.write_text(json.dumps({"screens": [screen]}))
        fonts = Path(scratch) / "fonts.conf"
        fonts.write_text(FONTCONFIG.format(cache=Path(scratch) / "cache"))
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
            "FONTCONFIG_FILE": str(fonts),
            "KIOSK_SCREENSHOTS_CHILD": "1",
        }
        return subprocess.run([sys.executable, __file__, str(HERE)], env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
