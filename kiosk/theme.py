"""The look of the kiosk as named tokens (colours, sizes), and the stylesheets made from them.

`assets/styles/tokens.toml` holds the tokens; `kiosk.qss` and `card.css` use them as
`$color_text`, `$size_body` and so on. Text sizes are scaled by the patient's text-size
choice here, so the stylesheets themselves never change. Free of Qt, so the contrast
rules can be checked without a screen.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from string import Template

from kiosk.assets import assets_dir

FONT_SIZE_TOKENS = ("body", "small", "title", "heading", "display")
# Words on buttons grow too, but only half as fast past 100 %, so a row of buttons still fits
# the screen at the largest step; the reading text itself doubles.
CONTROL_TOKENS = ("control",)


@dataclass(frozen=True)
class Theme:
    colors: dict[str, str]
    sizes: dict[str, int]
    high_contrast_colors: dict[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> Theme:
        data = tomllib.loads((path or assets_dir() / "styles" / "tokens.toml").read_text("utf-8"))
        contrast = {**data["colors"], **data.get("high_contrast", {})}
        return cls(dict(data["colors"]), dict(data["sizes"]), contrast)

    def palette(self, high_contrast: bool = False) -> dict[str, str]:
        return self.high_contrast_colors if high_contrast else self.colors

    def tokens(self, text_size: int = 100, high_contrast: bool = False) -> dict[str, str]:
        """Every token as text for a stylesheet, font sizes scaled to `text_size` percent."""
        values = {f"color_{name}": value for name, value in self.palette(high_contrast).items()}
        for name, px in self.sizes.items():
            scaled = px
            if name in FONT_SIZE_TOKENS:
                scaled = round(px * text_size / 100)
            elif name in CONTROL_TOKENS:
                scaled = round(px * (100 + (text_size - 100) / 2) / 100)
            values[f"size_{name}"] = f"{scaled}px"
        return values

    def font_px(self, name: str, text_size: int = 100) -> int:
        return round(self.sizes[name] * text_size / 100)

    def stylesheet(self, name: str, text_size: int = 100, high_contrast: bool = False) -> str:
        """A stylesheet from assets/styles with its tokens filled in."""
        template = Template((assets_dir() / "styles" / name).read_text("utf-8"))
        return template.substitute(self.tokens(text_size, high_contrast))


def relative_luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written as #rrggbb."""
    channels = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
