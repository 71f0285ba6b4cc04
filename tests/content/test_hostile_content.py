"""Hostile or mistaken content folders are refused by validate and by publish, with file and
line, before anything is signed: each case below once passed and then broke kiosks."""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import index
from kiosk.content.index import BadIndex, parse_index
from kiosk.content.publishing.publish import publish
from kiosk.content.source import loader
from kiosk.content.source.loader import ContentError, load_content
from tests.content.cards import edit_card, write_card
from tests.content.hostile import png, svg

NOW = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems]


def assert_publish_refuses(content: Path, repo: Path, keys: Path) -> None:
    with pytest.raises(ContentError):
        publish(content, repo, keys, now=NOW)
    assert not (repo / "metadata").exists() and not (repo / "targets").exists()


def card_with_image(content: Path, name: str) -> None:
    write_card(content, "pictured", "en", f"Look.\n\n![A picture](images/{name})")
    write_card(content, "pictured", "es", "Mire.")


# -- pictures ---------------------------------------------------------------------------------


def test_a_1_by_100_million_svg_icon_is_refused_by_validate_and_publish(
    content_dir, repo, keys, capsys
):
    (content_dir / "icons" / "basics.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="100000000"><rect/></svg>'
    )
    assert main(["content", "validate", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert "icons/basics.svg:1: picture is 1 x 100,000,000 pixels" in err
    assert_publish_refuses(content_dir, repo, keys)


def test_a_thin_png_and_a_damaged_png_are_refused_once_each(content_dir):
    (content_dir / "cards" / "images" / "thin.png").write_bytes(png(1, 1000, pixels=b"\0"))
    (content_dir / "cards" / "images" / "damaged.png").write_bytes(png(8, 8)[:-30])
    card_with_image(content_dir, "thin.png")
    edit_card(content_dir, "pictured.es.md", "Mire.", "Mire.\n\n![x](images/thin.png)")
    edit_card(content_dir, "cytokines.en.md", "+++\n\n", "+++\n\n![x](images/damaged.png)\n\n")
    found = problems(content_dir)
    assert found == [
        "cards/images/damaged.png: PNG is cut short: the file is damaged; save it again",
        "cards/images/thin.png: picture is 1 x 1,000 pixels: at most 10 times as long as "
        "it is wide; crop it",
    ]


def test_a_blur_filter_svg_and_one_reading_a_local_file_are_refused_at_their_lines(
    content_dir, repo, keys
):
    images = content_dir / "cards" / "images"
    blur = '<filter id="b"><feGaussianBlur stdDeviation="90"/></filter>\n'
    (images / "blur.svg").write_text(svg(blur + '<rect filter="url(#b)"/>\n'))
    (images / "reads.svg").write_text(svg('<image xlink:href="/etc/kiosk/x.png"/>\n'))
    card_with_image(content_dir, "blur.svg")
    edit_card(content_dir, "pictured.es.md", "Mire.", "Mire.\n\n![x](images/reads.svg)")
    found = problems(content_dir)
    assert found[0].startswith("cards/images/blur.svg:3: <filter> is not allowed")
    assert any(p.startswith("cards/images/blur.svg:4: attribute 'filter'") for p in found)
    assert any(p.startswith("cards/images/reads.svg:3: <image> is not allowed") for p in found)
    assert_publish_refuses(content_dir, repo, keys)


# -- links and special files ------------------------------------------------------------------


def test_a_symlink_to_a_file_outside_is_refused_and_never_published(
    content_dir, repo, keys, tmp_path
):
    secret = tmp_path / "secret.svg"
    secret.write_text(svg("<!-- SECRET-BYTES -->\n"))
    (content_dir / "cards" / "images" / "outside.svg").symlink_to(secret)
    card_with_image(content_dir, "outside.svg")
    found = problems(content_dir)
    assert found == [
        "cards/images/outside.svg: is a symbolic link: put the file itself in the folder"
    ]
    assert_publish_refuses(content_dir, repo, keys)


def test_links_to_folders_cards_and_content_toml_are_refused(content_dir, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.svg").write_text(svg())
    (content_dir / "cards" / "more").symlink_to(outside)
    card = content_dir / "cards" / "cytokines.en.md"
    moved = tmp_path / "cytokines.en.md"
    card.rename(moved)
    card.symlink_to(moved)
    toml = content_dir / "content.toml"
    toml.unlink()
    toml.symlink_to("/dev/zero")
    started = time.perf_counter()
    found = problems(content_dir)
    assert time.perf_counter() - started < 5
    assert "cards/cytokines.en.md: is a symbolic link: put the file itself in the folder" in found
    assert "cards/more: is a symbolic link: put the file itself in the folder" in found
    assert "content.toml: is a symbolic link: put the file itself in the folder" in found


def test_a_pipe_in_place_of_a_card_is_refused_without_blocking(content_dir):
    card = content_dir / "cards" / "cytokines.es.md"
    card.unlink()
    os.mkfifo(card)
    found = problems(content_dir)
    assert "cards/cytokines.es.md: is not a regular file (a device, pipe or socket): remove it" in (
        found
    )


def test_publish_re_checks_each_file_as_it_copies_it(
    content_dir, repo, keys, tmp_path, monkeypatch
):
    """A file swapped for a link after validation is still not followed."""
    real_load = loader.load_content
    secret = tmp_path / "secret.md"
    secret.write_text("SECRET")

    def load_then_swap(root, rendered=None):
        bundle = real_load(root, rendered)
        card = content_dir / "cards" / "cytokines.en.md"
        if root == content_dir:
            card.unlink()
            card.symlink_to(secret)
        return bundle

    monkeypatch.setattr("kiosk.content.publishing.publish.load_content", load_then_swap)
    with pytest.raises(ContentError, match="symbolic link"):
        publish(content_dir, repo, keys, now=NOW)
    assert not (repo / "targets").exists()


# -- fields -----------------------------------------------------------------------------------


def test_orders_the_store_cannot_hold_and_an_icon_that_is_not_text_are_refused(
    content_dir, repo, keys
):
    write_card(content_dir, "huge", "en", "Body.")
    edit_card(content_dir, "huge.en.md", "order = 20", "order = 99999999999999999999")
    write_card(content_dir, "huge", "es", "Cuerpo.")
    edit_card(content_dir, "huge.es.md", "order = 20", "order = -1")
    toml = content_dir / "content.toml"
    text = toml.read_text().replace("order = 1\n", "order = 10001\n", 1)
    toml.write_text(text.replace('icon = "icons/treatments.svg"', "icon = 3"))
    assert problems(content_dir) == [
        "cards/huge.en.md:6: field 'order' must be a whole number from 0 to 10,000",
        "cards/huge.es.md:6: field 'order' must be a whole number from 0 to 10,000",
        "content.toml: section 1: 'order' must be a whole number from 0 to 10,000",
        "content.toml: section 3: 'icon' must be a picture's path, e.g. 'icons/a.svg'",
    ]
    assert_publish_refuses(content_dir, repo, keys)


def test_a_card_file_name_that_is_not_an_id_fails_as_kiosks_would(content_dir, repo, keys):
    (content_dir / "cards" / "cytokines.en.md").rename(content_dir / "cards" / "Cytokines.en.md")
    edit_card(content_dir, "Cytokines.en.md", 'id = "cytokines"', 'id = "Cytokines"')
    found = problems(content_dir)
    assert found[0] == (
        "cards/Cytokines.en.md: 'Cytokines' is not a card id: use lowercase letters, digits "
        "and hyphens, e.g. intro.en.md (kiosks refuse any other name)"
    )
    assert loader.ID_PATTERN is index.ID_PATTERN  # one rule, on both sides
    with pytest.raises(BadIndex, match="bad card id 'Cytokines'"):
        parse_index(
            b'{"format":2,"version":"v","digest":"' + b"0" * 64 + b'","sections":[]}',
            {
                "content.toml": {"length": 1, "sha256": "0" * 64},
                "cards/Cytokines.en.md": {"length": 1, "sha256": "0" * 64},
            },
        )
    assert_publish_refuses(content_dir, repo, keys)


def test_a_review_date_with_a_time_is_a_problem_not_a_traceback(content_dir, repo, keys, capsys):
    edit_card(
        content_dir, "cytokines.en.md", "reviewed = 2026-11-28", "reviewed = 2026-11-28T10:00:00"
    )
    assert main(["content", "validate", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert "cards/cytokines.en.md:8: field 'reviewed' must be a date like 2026-03-31" in err
    assert "Traceback" not in err
    assert_publish_refuses(content_dir, repo, keys)


def test_deeply_nested_front_matter_and_content_toml_are_refused_quickly(content_dir):
    edit_card(content_dir, "cytokines.en.md", "related = [", "related = " + "[" * 20_000 + "[")
    edit_card(content_dir, "cytokines.es.md", "+++\n", "+++\n" + "a" + ".a" * 50_000 + " = 1\n")
    started = time.perf_counter()
    found = problems(content_dir)
    assert time.perf_counter() - started < 2
    assert [p.split(": nested")[0] for p in found] == [
        "cards/cytokines.en.md:7",
        "cards/cytokines.es.md:2",
    ]
    toml = content_dir / "content.toml"
    toml.write_text(toml.read_text() + "deep = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n")
    where = f"content.toml:{len(toml.read_text().splitlines())}: nested too deeply"
    assert any(p.startswith(where) for p in problems(content_dir))


def test_a_related_list_of_thousands_is_refused_in_one_line_not_after_seconds(content_dir):
    many = ", ".join(f'"c{n}"' for n in range(20_000))
    edit_card(content_dir, "cytokines.en.md", "related = [", f"related = [{many}, ")
    started = time.perf_counter()
    found = problems(content_dir)
    assert time.perf_counter() - started < 1  # 13 s before: each entry looked up by line
    assert found == ["cards/cytokines.en.md:7: field 'related' lists more than 20 cards"]


def test_thousands_of_unknown_fields_are_counted_not_each_looked_up(content_dir):
    fields = "".join(f"k{n} = 1\n" for n in range(20_000))
    edit_card(content_dir, "cytokines.en.md", "+++\n", "+++\n" + fields)
    started = time.perf_counter()
    found = problems(content_dir)
    assert time.perf_counter() - started < 1
    assert found[0] == "cards/cytokines.en.md: and 19,990 more unknown fields"
    assert len(found) == 11


# -- Markdown ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("[" * 40_000, ": card body has 40,0"),  # 146-396 s to render, 226 s to validate
        ("[" * 8_000, ":14: paragraph is over 2,000 characters"),  # 20.6 s
        ("*a _b **c " * 10_000, ": card body has 100,0"),  # the 264.6 s emphasis bomb
        ("[a " * 500, ":14: paragraph has more than 16 '[' or '<'"),
        ("<a " * 100, ":14: paragraph has more than 16 '[' or '<'"),
        ("a\n\n" * 2_000, ": card body has 4,005 lines"),
        ("- " * 10 + "deep", ":14: nested too deeply"),
        ("> " * 10 + "deep", ":14: nested too deeply"),
        ("".join("    " * n + "- item\n" for n in range(10)), ":20: nested too deeply"),
    ],
)
def test_markdown_that_would_render_slowly_is_refused_before_rendering(content_dir, body, said):
    write_card(content_dir, "slow", "en", "Fine first line.\n\n" + body)
    write_card(content_dir, "slow", "es", "Bien.")
    started = time.perf_counter()
    (found,) = problems(content_dir)
    assert time.perf_counter() - started < 1  # the whole folder, 26 cards
    assert found.startswith("cards/slow.en.md" + said)


def test_the_slowest_accepted_markdown_renders_well_under_a_second(content_dir):
    paragraph = ("See [a](card:cytokines) and <b>x</b>. " * 5)[:1_900]
    body = "\n\n".join([paragraph] * 5)
    write_card(content_dir, "slowest", "en", body)
    write_card(content_dir, "slowest", "es", body)
    from kiosk.content.source.render import render_markdown

    started = time.perf_counter()
    render_markdown(body, base="cards")
    assert time.perf_counter() - started < 0.25
    load_content(content_dir)  # accepted


def test_the_limits_table_states_the_limits_the_code_applies():
    from kiosk.content.source import card_fields, frontmatter, image_check, render, svg_check

    page = (Path(__file__).parents[2] / "docs" / "content-format.md").read_text()
    table = page[page.index("## Limits") :]
    for value in (
        f"{render.MAX_MARKDOWN_CHARS:,} characters and {render.MAX_LINES:,} lines",
        f"{render.MAX_PARAGRAPH_CHARS:,} characters",
        f"| {render.MAX_BRACKETS} |",
        f"{render.MAX_NESTING} levels in all",
        f"{render.MAX_HTML_CHARS:,} characters",
        f"{frontmatter.MAX_TOML_DEPTH} levels",
        f"| {frontmatter.MAX_TOML_DOTS} |",
        f"0 to {card_fields.MAX_ORDER:,}",
        f"| cards in `related` | {card_fields.MAX_RELATED} |",
        f"{loader.MAX_CARD_BYTES // 1024} KiB",
        f"{loader.MAX_IMAGE_BYTES // 1024 // 1024} MiB",
        f"{svg_check.MAX_SVG_BYTES // 1024} KiB, {svg_check.MAX_SVG_ELEMENTS:,} elements, "
        f"{svg_check.MAX_SVG_DEPTH} levels deep, numbers within ±{svg_check.MAX_SVG_NUMBER:,}",
        f"{image_check.MAX_IMAGE_SIDE:,} pixels each side",
        f"at most {image_check.MAX_ASPECT} times the shorter",
        f"at most {image_check.MAX_JPEG_SCANS} scans",
    ):
        assert value in table, value


def test_a_huge_content_toml_is_refused_by_its_size_before_reading(content_dir):
    toml = content_dir / "content.toml"
    os.truncate(toml, 10 * 1024**3)  # sparse: 10 GiB that take no disk
    started = time.perf_counter()
    found = problems(content_dir)
    assert time.perf_counter() - started < 2
    assert "content.toml: file is 10,737,418,240 bytes; the limit is 262,144: make it smaller" in (
        found
    )
