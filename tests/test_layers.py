"""The domain core never imports Qt: it runs, and is tested, without a QApplication."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kiosk

PACKAGE = Path(kiosk.__file__).parent
FACES = {"app.py", "cli.py", "__main__.py"}  # the composition root and the command line
FACE_PACKAGES = {"ui", "commands"}
DOMAIN_MODULES = [
    p
    for p in PACKAGE.rglob("*.py")
    if not FACE_PACKAGES & set(p.relative_to(PACKAGE).parts)
    and p.relative_to(PACKAGE).as_posix() not in FACES
]


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_domain_module_imports_qt_or_the_ui():
    assert len(DOMAIN_MODULES) > 8
    for path in DOMAIN_MODULES:
        bad = {
            n for n in imported_names(path) if n.startswith(("PySide6", "kiosk.ui", "kiosk.app"))
        }
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_loading_content_and_validating_load_no_qt():
    code = (
        "import sys; from kiosk.cli import main;"
        "from kiosk.content.source import loader;"
        "from kiosk.content.storage import store; from kiosk.content.updates import first_start;"
        "from kiosk import session, navigation, theme;"
        "code = main(['content', 'validate', 'assets/content']);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported';"
        "sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
