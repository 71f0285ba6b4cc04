"""The loader accepts good content whole and refuses bad content with messages that point at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.source.loader import MAX_CARD_BYTES, ContentError, load_content
from tests.content.cards import edit_card

CARD = """\
+++
id = "{id}"
title = "A title"
summary = "One line."
section = "basics"
order = 9
related = {related}
reviewed = 2026-01-31
source = "Written for this test."
+++

Body text.
"""


def write_card(content: Path, card_id: str, lang: str = "en", **overrides: str) -> Path:
    text = CARD.format(id=card_id, related=overrides.pop("related", "[]"))
    for field, value in overrides.items():
        lines = [
            f"{field} = {value}" if line.startswith(f"{field} =") else line
            for line in text.splitlines()
        ]
        text = "\n".join(lines) + "\n"
    path = content / "cards" / f"{card_id}.{lang}.md"
    path.write_text(text, encoding="utf-8")
    return path


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems]


def test_default_content_loads_whole(content_dir):
    bundle = load_content(content_dir)
    assert {c.lang for c in bundle.cards} == {"en", "es"}
    assert len(bundle.cards) == 24 and len(bundle.sections) == 4
    assert "cards/images/antibodies.svg" in bundle.assets
    assert bundle.warnings == ()


def test_same_content_gives_same_digest_and_any_change_a_new_one(content_dir):
    first = load_content(content_dir).digest
    assert load_content(content_dir).digest == first
    card = content_dir / "cards" / "cytokines.en.md"
    card.write_text(card.read_text() + "\nOne more line.\n")
    assert load_content(content_dir).digest != first


def test_missing_field_names_file_and_field(content_dir):
    path = write_card(content_dir, "extra", "en")
    path.write_text(path.read_text().replace('summary = "One line."\n', ""))
    write_card(content_dir, "extra", "es")
    assert problems(content_dir) == ["cards/extra.en.md: missing field 'summary'"]


def test_unknown_section_points_at_its_line(content_dir):
    write_card(content_dir, "extra", "en", section='"nowhere"')
    write_card(content_dir, "extra", "es")
    (found,) = problems(content_dir)
    assert found.startswith("cards/extra.en.md:5: unknown section 'nowhere'")


def test_duplicate_id_and_mismatched_file_name(content_dir):
    path = write_card(content_dir, "extra", "en")
    path.rename(content_dir / "cards" / "cytokines-copy.en.md")
    found = problems(content_dir)
    assert "cards/cytokines-copy.en.md:2: id 'extra' does not match the file name" in found


def test_broken_related_link_and_broken_body_link(content_dir):
    path = write_card(content_dir, "extra", "en", related='["no-such-card"]')
    path.write_text(path.read_text() + "See [this](card:missing-too).\n")
    write_card(content_dir, "extra", "es")
    found = problems(content_dir)
    assert "cards/extra.en.md:7: related card 'no-such-card' does not exist in 'en'" in found
    assert "cards/extra.en.md:13: link to card 'missing-too', which does not exist in 'en'" in found


def test_missing_image_and_external_link_are_refused_with_lines(content_dir):
    path = write_card(content_dir, "extra", "en")
    path.write_text(path.read_text() + "![x](images/nope.png)\n\n[site](https://example.org)\n")
    write_card(content_dir, "extra", "es")
    found = problems(content_dir)
    assert "cards/extra.en.md:13: image 'images/nope.png' not found" in found
    assert any(p.startswith("cards/extra.en.md:15: link to 'https://example.org'") for p in found)


def test_image_outside_the_content_folder_is_refused(content_dir):
    path = write_card(content_dir, "extra", "en")
    path.write_text(path.read_text() + "![x](../../../etc/passwd.png)\n")
    write_card(content_dir, "extra", "es")
    (found,) = problems(content_dir)
    assert "must be a path inside the content folder" in found


def test_invalid_dates_are_refused(content_dir):
    write_card(content_dir, "extra", "en", reviewed='"last spring"')
    write_card(content_dir, "other", "en", reviewed="2026-13-45")
    found = problems(content_dir)
    assert any(p.startswith("cards/extra.en.md:8: field 'reviewed' must be a date") for p in found)
    assert any(p.startswith("cards/other.en.md:8: front matter is not valid TOML") for p in found)


def test_card_in_one_language_only_is_a_warning_not_an_error(content_dir):
    write_card(content_dir, "extra", "en")
    bundle = load_content(content_dir)
    assert any("cards/extra: no es version" in w for w in bundle.warnings)


def test_oversized_file_is_refused_before_it_is_read(content_dir):
    path = write_card(content_dir, "extra", "en")
    path.write_text(path.read_text() + "word " * (MAX_CARD_BYTES // 5 + 10))
    write_card(content_dir, "extra", "es")
    (found,) = problems(content_dir)
    assert found.startswith("cards/extra.en.md: file is") and "the limit is" in found


def test_unknown_field_and_language_and_missing_front_matter(content_dir):
    write_card(content_dir, "extra", "en", source='"x"\ntitel = "typo"')
    write_card(content_dir, "extra", "es")
    (content_dir / "cards" / "extra.fr.md").write_text("+++\n+++\n")
    (content_dir / "cards" / "plain.en.md").write_text("# No front matter\n")
    found = problems(content_dir)
    assert "cards/extra.en.md:10: unknown field 'titel'" in found
    assert any(p.startswith("cards/extra.fr.md: unknown language 'fr'") for p in found)
    assert "cards/plain.en.md:1: must start with a '+++' line and TOML front matter" in found


def test_section_without_every_language_title(content_dir):
    toml = content_dir / "content.toml"
    toml.write_text(toml.read_text().replace(', es = "Próximos pasos"', ""))
    found = problems(content_dir)
    assert found == [
        "content.toml: section 4: 'title' must give every language: { en = '…', es = '…' }"
    ]


def test_every_problem_is_reported_at_once(content_dir):
    write_card(content_dir, "one", "en", section='"nowhere"')
    write_card(content_dir, "two", "en", order='"first"')
    assert len(problems(content_dir)) == 2


def test_missing_folder(tmp_path):
    assert problems(tmp_path / "nothing") == [f"{tmp_path / 'nothing'}: content folder not found"]


def test_four_mistakes_are_four_problems_each_with_its_file_and_line(content_dir, capsys):
    """What an author meets: every mistake once, where it is; nothing it merely causes."""
    # 1. a card every other section links to no longer loads (its front matter breaks)
    edit_card(content_dir, "clinical-trials.en.md", 'title = "Clinical trials"', "title = ")
    # 2. a related card that was never written
    edit_card(content_dir, "cytokines.en.md", 'related = ["', 'related = ["car-t-cells", "')
    # 3. and 4. two kinds of mistake in one card: a field of the wrong type, a broken link
    edit_card(content_dir, "monoclonal-antibodies.en.md", "order = 2", 'order = "two"')
    edit_card(content_dir, "monoclonal-antibodies.en.md", "(card:cytokines)", "(card:cytokine)")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    found = caught.value.problems
    assert [(p.path, p.line) for p in found] == [
        ("cards/clinical-trials.en.md", 3),
        ("cards/cytokines.en.md", 7),
        ("cards/monoclonal-antibodies.en.md", 6),
        ("cards/monoclonal-antibodies.en.md", 24),
    ]
    assert found[0].message.startswith("front matter is not valid TOML")
    assert found[1].message == "related card 'car-t-cells' does not exist in 'en'"
    assert found[2].message == "field 'order' must be a whole number from 0 to 10,000"
    assert found[3].message == "link to card 'cytokine', which does not exist in 'en'"

    assert main(["content", "validate", str(content_dir)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"error: {p}" for p in found] + ["4 problem(s); nothing was loaded."]


def test_a_related_entry_on_its_own_line_is_pointed_at(content_dir):
    write_card(content_dir, "extra", "en", related='[\n  "cytokines",\n  "no-such-card",\n]')
    write_card(content_dir, "extra", "es")
    assert problems(content_dir) == [
        "cards/extra.en.md:9: related card 'no-such-card' does not exist in 'en'"
    ]


def test_more_info_is_an_optional_https_address(content_dir):
    good = "https://www.example.org/immunotherapy?lang=en#top"
    write_card(content_dir, "extra", "en", source=f'"x"\nmore_info = "{good}"')
    write_card(content_dir, "extra", "es")  # without one: allowed
    cards = {(c.id, c.lang): c for c in load_content(content_dir).cards}
    assert cards["extra", "en"].more_info == good and cards["extra", "es"].more_info == ""
    bad = {
        "http://www.example.org/": 'must start with "https://"',
        "https://www.example.org/a page": "no spaces",
        "https://user:pw@www.example.org/": "with a host name",
        "https://localhost/": "with a host name",
        "https://www.example.org/" + "a" * 200: "over 200 characters",
    }
    for address, words in bad.items():
        write_card(content_dir, "extra", "en", source=f'"x"\nmore_info = "{address}"')
        (found,) = problems(content_dir)
        assert found.startswith("cards/extra.en.md:10: field 'more_info' ") and words in found
    write_card(content_dir, "extra", "en", source='"x"\nmore_info = 3')
    (found,) = problems(content_dir)
    assert found == (
        "cards/extra.en.md:10: field 'more_info' must be a web address, "
        'e.g. "https://www.example.org/page"'
    )
