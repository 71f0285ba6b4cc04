"""The docs stay true: every setting and every module is described where readers look."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_with_its_default():
    page = (ROOT / "docs" / "configuration.md").read_text()
    for setting in SETTINGS:
        default = (
            str(setting.default).lower() if isinstance(setting.default, bool) else setting.default
        )
        assert f"| `{setting.name}` |" in page, setting.name
        assert f"`{default}`" in page, f"{setting.name} default"
        assert setting.help in page, f"{setting.name} help"
        if setting.maximum is not None:  # the range, as the loader checks it
            words = f"whole number, from {setting.minimum} to {setting.maximum}"
            assert f"| `{setting.name}` | {words} |" in page, f"{setting.name} range"


def test_architecture_names_every_module():
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    modules = [*(ROOT / "kiosk").rglob("*.py"), *(ROOT / "hub").rglob("*.py")]
    for path in sorted(modules):
        if path.name == "__init__.py" or "migrations" in path.parts:
            continue
        name = path.relative_to(ROOT).as_posix()
        assert f"`{name}`" in page, name


def test_readme_keeps_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
