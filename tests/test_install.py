"""`pip install .` gives a working kiosk: the wheel, installed in a fresh venv, starts and runs.

This is the slow test (about a minute: it builds the wheel and installs it, with PySide6,
into a new virtual environment; pip's cache makes the downloads one-time). It catches what
an editable install hides: an asset left out of the wheel, a dependency not declared, code
that finds files through the checkout. It is marked slow: `pytest -m "not slow"` leaves it out
while you work; `make test` and CI always run it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def run(args: list[str | Path], *, cwd: Path, timeout: int = 120, **env: str):
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment |= {"QT_QPA_PLATFORM": "offscreen", **env}
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_installed_in_a_fresh_venv_runs_the_kiosk(tmp_path):
    dist, venv, data = tmp_path / "dist", tmp_path / "venv", tmp_path / "data"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT], cwd=tmp_path)
    (wheel,) = dist.glob("clinic_kiosk-*.whl")
    run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    python, kiosk = venv / "bin" / "python", venv / "bin" / "kiosk"
    run([python, "-m", "pip", "install", "-q", wheel], cwd=tmp_path, timeout=900)

    where = run(
        [
            python,
            "-c",
            "import kiosk, kiosk.assets; print(kiosk.__file__); print(kiosk.assets.assets_dir())",
        ],
        cwd=tmp_path,
    ).stdout.split()
    package, assets = Path(where[0]).parent, Path(where[1])
    assert package.is_relative_to(venv) and assets == package / "assets"  # not the checkout's
    assert (assets / "content" / "content.toml").is_file()
    assert (assets / "styles" / "kiosk.qss").is_file() and (
        assets / "styles" / "tokens.toml"
    ).is_file()
    assert sorted(p.name for p in (assets / "i18n").glob("*.qm")) == ["kiosk_en.qm", "kiosk_es.qm"]

    # A kiosk's install has no authoring tools: validate says which extra brings them.
    bare = subprocess.run(
        [kiosk, "content", "validate", assets / "content"], capture_output=True, text=True
    )
    assert bare.returncode == 2 and "clinic-kiosk[authoring]" in bare.stderr
    run([python, "-m", "pip", "install", "-q", f"{wheel}[authoring]"], cwd=tmp_path, timeout=900)
    validated = run([kiosk, "content", "validate", assets / "content"], cwd=tmp_path)
    assert re.search(r"^valid: \d+ cards in \d+ sections, languages en, es", validated.stdout, re.M)
    started = run([kiosk, "run", "--exit-after-first-frame", "--data-dir", data], cwd=tmp_path)
    assert "first start: loaded content" in started.stderr
    assert (data / "content.db").is_file()

    doctor = subprocess.run(
        [kiosk, "doctor", "--json", "--data-dir", data],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    checks = {check["name"]: check for check in json.loads(doctor.stdout)}
    assert checks["qt platform"]["passed"] and checks["fonts"]["passed"]
    assert checks["stores"]["passed"] and "content.db" in checks["stores"]["detail"]
    assert checks["clock"]["passed"]  # the build date comes from the installed content
