"""Every word the UI shows is translated, and the compiled .qm files match their .ts sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.assets import assets_dir

I18N = assets_dir() / "i18n"
TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        pytest.fail(f"{name} is missing; PySide6-Essentials ships it")
    return str(path)


def test_spanish_has_every_string_translated():
    tree = ET.parse(I18N / "kiosk_es.ts")
    messages = list(tree.iter("message"))
    assert len(messages) >= 15
    for message in messages:
        translation = message.find("translation")
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (
            message.findtext("source")
        )
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(form and form.strip() for form in forms), message.findtext("source")


def test_ts_files_list_every_string_in_the_code(tmp_path):
    """lupdate run on the code finds nothing new: no tr() string is missing a translation."""
    sources = sorted(str(p) for p in (assets_dir().parent / "kiosk" / "ui").rglob("*.py"))
    if not sources:
        sources = sorted(str(p) for p in (Path(__file__).parents[1] / "kiosk" / "ui").rglob("*.py"))
    for lang in ("en", "es"):
        copy = tmp_path / f"kiosk_{lang}.ts"
        shutil.copy(I18N / copy.name, copy)
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-silent",
                "-locations",
                "none",
                "-target-language",
                lang,
                *sources,
                "-ts",
                str(copy),
            ],
            check=True,
        )
        assert copy.read_text() == (I18N / copy.name).read_text(), (
            f"run `make translations` ({lang})"
        )


def test_qm_files_are_compiled_from_the_current_ts(tmp_path):
    for ts in I18N.glob("*.ts"):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            f"run `make translations` ({ts.name})"
        )
