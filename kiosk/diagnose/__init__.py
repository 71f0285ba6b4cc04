"""`kiosk doctor`'s checks: what is wrong with this machine, and the one line that fixes it.

A clinic's IT person installs the kiosk following docs/deploy.md; when the screen stays
black they need a sentence, not a traceback. Each check is a small function returning a
`Check` (name, passed, detail, fix), so the command, the tests and later the staff panel
share the answers. The checks live by what they look at: `qt` (display, fonts, speech, probed
in a child process), `files` (config, data directory, databases, trusted root), `network`
(servers) and `machine` (clock, disk). None of them imports Qt.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from pathlib import Path

from kiosk.diagnose.check import Check
from kiosk.diagnose.files import (
    check_config,
    check_data_dir,
    check_stores,
    check_trusted_root,
    setting_problems,
)
from kiosk.diagnose.machine import build_date, check_clock, check_disk
from kiosk.diagnose.network import ENDPOINTS, check_endpoint
from kiosk.diagnose.qt import (
    check_fonts,
    check_platform,
    check_speech,
    chosen_platform,
    debian_package,
    platform_failure,
    plugin_missing_libraries,
    speech_verdict,
)

__all__ = [
    "Check",
    "build_date",
    "check_clock",
    "check_config",
    "check_data_dir",
    "check_disk",
    "check_endpoint",
    "check_fonts",
    "check_platform",
    "check_speech",
    "check_stores",
    "check_trusted_root",
    "chosen_platform",
    "debian_package",
    "platform_failure",
    "plugin_missing_libraries",
    "run_checks",
    "setting_problems",
    "speech_verdict",
]


def run_checks(
    config_path: Path | None,
    data_dir: Path,
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[Check]:
    """Every check, in the order an installer meets the problems."""
    environ = os.environ if environ is None else environ
    config_check, config = check_config(config_path)
    checks = [config_check, check_platform(platform or chosen_platform(environ), environ)]
    checks += [check_fonts(environ), check_data_dir(data_dir), check_stores(data_dir)]
    if config is None:
        later = ("speech", "trusted root", "endpoints")
        checks += [
            Check(name, False, "not checked: the config is invalid", _FIRST) for name in later
        ]
    else:
        checks += [check_speech(config["speech.engine"], environ), check_trusted_root(config)]
        checks += [check_endpoint(setting, config[setting]) for setting in ENDPOINTS]
    sync_on = config is not None and bool(config["sync.repository_url"])
    checks.append(check_clock(datetime.datetime.now(datetime.UTC), build_date(), sync_on))
    return [*checks, check_disk(data_dir)]


_FIRST = "fix the config first (see the config check)"
