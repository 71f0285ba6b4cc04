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

FONT_SIZE_TOKENS = ("body", "small", "subheading", "title", "heading", "display")
# Widths measured in text: they grow with it, so a line holds as many words at every size
# (until the screen's edge stops them).
MEASURE_TOKENS = ("measure", "page", "side")
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
            if name in FONT_SIZE_TOKENS or name in MEASURE_TOKENS:
                scaled = round(px * text_size / 100)
            elif name in CONTROL_TOKENS:
                scaled = round(px * (100 + (text_size - 100) / 2) / 100)
            values[f"size_{name}"] = f"{scaled}px"
        return values

    def font_px(self, name: str, text_size: int = 100) -> int:
        return round(self.sizes[name] * text_size / 100)

    def with_accent(self, accent: str) -> Theme:
        """This theme in a clinic's own colour: `accent` (#rrggbb) for the bar, the buttons and
        chosen choices, with a darker shade of it for pressed and chosen; high contrast keeps
        its own colours. An empty accent is the theme as it is; `accent_problem` says why an
        accent would break the contrast rules (the config refuses those at load)."""
        if not accent:
            return self
        colors = {**self.colors, **accent_colors(accent)}
        # Its words on the page (the clinic's name): the lightest shade at 7:1 on the page's
        # own colour, a little warmer than white.
        colors["primary_text"] = passing_shade(accent.lower(), colors["background"], start=0)
        contrast = {**colors, **{k: v for k, v in self.high_contrast_colors.items()}}
        return Theme(colors, dict(self.sizes), contrast)

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


# Where the accent goes, and how much darker than it (toward black) each shade is.
ACCENT_SHADES = {
    "primary": 0.0,
    "primary_pressed": 0.35,
    "selected": 0.5,
    "choice_selected": 0.0,
    "attract_panel": 0.0,
    "attract": 0.35,
}
ACCENT_MIN_CONTRAST = 7.0  # white words on the accent: the AAA ratio every text pair keeps
_HEX = "0123456789abcdef"


def is_hex_color(value: str) -> bool:
    return len(value) == 7 and value[0] == "#" and all(c in _HEX for c in value[1:].lower())


def darker(hex_color: str, amount: float) -> str:
    """`hex_color` mixed toward black by `amount` (0 the colour itself, 1 black)."""
    channels = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in channels)


def accent_colors(accent: str) -> dict[str, str]:
    return {name: darker(accent.lower(), amount) for name, amount in ACCENT_SHADES.items()}


def accent_problem(accent: str, on: str = "#ffffff") -> str:
    """Why `accent` cannot be the clinic's colour, or "" if it can: it must be #rrggbb and
    carry white words (`on`) at 7:1, as the theme's own blue does."""
    if not is_hex_color(accent):
        return f"must be a colour written #rrggbb (like #1d4a73), not {accent!r}"
    ratio = contrast_ratio(on, accent)
    if ratio < ACCENT_MIN_CONTRAST:
        return (
            f"is {accent}: white words on it have a contrast of {ratio:.1f}:1, below the "
            f"{ACCENT_MIN_CONTRAST:.0f}:1 every text on the kiosk keeps; choose a darker shade "
            f"(for example {passing_shade(accent.lower(), on)}, or the kiosk's own #1d4a73)"
        )
    return ""


def passing_shade(accent: str, on: str = "#ffffff", start: int = 1) -> str:
    """The lightest shade of `accent` (in steps of 5 %) that white words on it read at 7:1
    (or that reads at 7:1 on `on`: the ratio is the same both ways)."""
    for step in range(start, 21):
        shade = darker(accent, step / 20)
        if contrast_ratio(on, shade) >= ACCENT_MIN_CONTRAST:
            return shade
    return "#000000"
