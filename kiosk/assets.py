"""Where the files that ship with the kiosk live (default content, styles, icons, translations).

An installed wheel carries them as `kiosk/assets`; a source checkout keeps them in the
top-level `assets/` folder. Everything else asks this module instead of guessing.
"""

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "assets"
_CHECKOUT = Path(__file__).resolve().parent.parent / "assets"


def assets_dir() -> Path:
    """The folder holding the kiosk's shipped assets."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def default_content_dir() -> Path:
    """The embedded content loaded into the store on first start."""
    return assets_dir() / "content"
