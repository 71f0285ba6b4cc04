"""The look: tokens fill every stylesheet, text sizes scale, and contrast meets WCAG AAA."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kiosk.assets
from kiosk.config import TEXT_SIZES
from kiosk.theme import Theme, accent_problem, contrast_ratio, passing_shade

THEME = Theme.load()
# (foreground, background) token pairs that carry text, with the ratio each must reach.
TEXT_PAIRS = [
    ("text", "background", 7.0),
    ("text", "surface", 7.0),
    ("text_muted", "background", 7.0),
    ("text_muted", "surface", 7.0),
    ("link", "surface", 7.0),
    ("on_primary", "primary", 7.0),
    ("on_primary", "primary_pressed", 7.0),
    ("on_primary", "selected", 7.0),
    ("on_attract", "attract", 7.0),
    ("on_attract", "attract_panel", 7.0),
    ("primary_text", "background", 7.0),
    ("primary_text", "surface", 7.0),
    ("primary_text", "notice", 7.0),  # "I am finished: clear my screen"
    ("attract", "on_attract", 7.0),
    ("text", "notice", 7.0),
    ("error", "notice", 7.0),  # the PIN pad says what went wrong on the notice card
    ("error", "background", 7.0),
    ("error", "surface", 7.0),
    ("text", "key", 7.0),
    ("text", "keyboard", 7.0),
    ("disabled_text", "primary_pressed", 7.0),
    ("text", "tile_pressed", 7.0),
    ("attract", "attract_pressed", 7.0),
    # The staff panel's status summary: all checks passed, or what needs attention.
    ("ok", "background", 7.0),
    ("ok", "surface", 7.0),
    ("ok", "ok_surface", 7.0),
    ("text", "ok_surface", 7.0),
    ("text_muted", "ok_surface", 7.0),
    ("error", "attention_surface", 7.0),
    ("text", "attention_surface", 7.0),
    ("text_muted", "attention_surface", 7.0),
    ("on_status", "ok", 7.0),
    ("on_status", "error", 7.0),
    # Choices: the words on a chosen and an unchosen chip or tick box.
    ("on_choice", "choice", 7.0),
    ("on_choice_selected", "choice_selected", 7.0),
]
# Focus rings, borders and disabled outlines are not text: WCAG asks 3:1 of them.
NON_TEXT_PAIRS = [
    ("focus", "primary", 3.0),
    ("focus_on_light", "background", 3.0),
    ("focus_on_light", "surface", 3.0),
    ("focus_on_light", "key", 3.0),
    ("border", "surface", 3.0),
    ("disabled_border", "primary_pressed", 1.5),
    # A choice chosen differs from one not chosen by 3:1 (WCAG 1.4.11), and so do its parts.
    ("choice_selected", "choice", 3.0),  # the fill of a chosen chip, and of a ticked box
    ("choice_selected", "background", 3.0),  # a chosen chip's edge against the screen
    ("choice_border", "choice", 3.0),  # an empty dot's ring, an empty box's border
    ("choice_border", "background", 3.0),  # an unchosen chip's edge against the screen
    ("on_choice_selected", "choice_selected", 3.0),  # the dot and the tick on the fill
    ("focus_on_light", "choice", 3.0),
]


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
@pytest.mark.parametrize(("foreground", "background", "minimum"), TEXT_PAIRS + NON_TEXT_PAIRS)
def test_colours_reach_their_contrast(foreground, background, minimum, high_contrast):
    palette = THEME.palette(high_contrast)
    ratio = contrast_ratio(palette[foreground], palette[background])
    assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f}"


def test_high_contrast_is_light_on_black_and_overrides_every_colour_it_names():
    palette = THEME.palette(high_contrast=True)
    assert palette["background"] == "#000000"
    assert contrast_ratio(palette["text"], palette["background"]) >= 15
    assert set(palette) == set(THEME.colors)


@pytest.mark.parametrize("sheet", ["kiosk.qss", "card.css"])
def test_stylesheets_use_only_known_tokens(sheet):
    text = THEME.stylesheet(sheet)
    assert "$" not in text


def test_text_size_scales_fonts_but_not_touch_targets():
    normal, largest = THEME.tokens(TEXT_SIZES[0]), THEME.tokens(TEXT_SIZES[-1])
    assert int(largest["size_body"][:-2]) == 2 * int(normal["size_body"][:-2])
    assert largest["size_touch"] == normal["size_touch"]
    assert largest["size_control"] == "36px" and largest["size_key"] == normal["size_key"]
    assert int(normal["size_body"][:-2]) >= 22  # body text at least 22 px at the default step


def test_body_text_in_card_css_uses_the_body_token():
    assert re.search(r"body \{ font-size: 26px;", THEME.stylesheet("card.css", 100))


def test_the_type_scale_steps_down_clearly_and_every_step_grows_with_the_text():
    sizes = THEME.sizes
    assert sizes["heading"] >= 1.25 * sizes["title"]  # a page title over a card's headings
    assert sizes["display"] > sizes["heading"] > sizes["title"] > sizes["subheading"]
    assert sizes["subheading"] >= sizes["body"] > sizes["small"]
    for size in TEXT_SIZES:
        tokens = THEME.tokens(size)
        for name in ("display", "heading", "title", "subheading", "body", "small", "measure"):
            assert tokens[f"size_{name}"] == f"{round(sizes[name] * size / 100)}px", name
    card_css = (Path(kiosk.assets.assets_dir()) / "styles" / "card.css").read_text()
    assert re.search(r"h1, h2 \{ font-size: \$size_title;", card_css)  # card headings


@pytest.mark.parametrize("accent", ["#1d4a73", "#5b2a86", "#0b5e4a", "#7a1f3d", "#595959"])
def test_a_clinic_colour_that_passes_keeps_every_pair_at_its_contrast(accent):
    assert accent_problem(accent) == ""
    palette = THEME.with_accent(accent).palette(False)
    assert palette["primary"] == accent
    for foreground, background, minimum in TEXT_PAIRS + NON_TEXT_PAIRS:
        ratio = contrast_ratio(palette[foreground], palette[background])
        assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f} with {accent}"
    assert THEME.with_accent(accent).palette(True) == THEME.palette(True)  # its own colours


def test_a_clinic_colour_too_light_is_refused_with_a_shade_that_passes():
    why = accent_problem("#3a7bd5")
    assert "4.2:1" in why and "below the 7:1" in why
    shade = passing_shade("#3a7bd5")
    assert accent_problem(shade) == "" and shade in why
