"""A delta load: card files byte for byte as loaded before are not parsed again, and the
result, accepted or refused, is exactly what loading everything afresh gives."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kiosk.content.source import frontmatter, loader
from kiosk.content.source.loader import ContentError, load_content
from tests.content.cards import edit_card, write_card


def known_from(folder: Path) -> dict:
    """What a sync passes: every card file's hash and the Card loaded from it."""
    bundle = load_content(folder)
    known = {}
    for card in bundle.cards:
        name = f"cards/{card.id}.{card.lang}.md"
        known[name] = (hashlib.sha256((folder / name).read_bytes()).hexdigest(), card)
    return known


class Parses:
    """Counts the card files the loader parses (splits into front matter and body)."""

    def __init__(self, monkeypatch) -> None:
        self.count = 0
        real = frontmatter.split

        def counted(text: str):
            self.count += 1
            return real(text)

        monkeypatch.setattr(loader.frontmatter, "split", counted)


def refusal(folder: Path, **kwargs) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder, **kwargs)
    return [str(problem) for problem in caught.value.problems]


def test_only_the_changed_card_is_parsed_and_the_result_is_the_full_loads(content_dir, monkeypatch):
    known = known_from(content_dir)
    edit_card(content_dir, "cytokines.en.md", "hormones", "messengers")
    parses = Parses(monkeypatch)
    bundle = load_content(content_dir, known_cards=known)
    assert parses.count == 1
    assert bundle == load_content(content_dir)  # cards, assets, digest, warnings: the same
    unchanged = next(c for c in bundle.cards if (c.id, c.lang) == ("cytokines", "es"))
    assert unchanged is known["cards/cytokines.es.md"][1]  # reused, not made again


def test_a_known_card_whose_section_is_gone_is_refused_as_the_full_loader_refuses_it(
    content_dir,
):
    known = known_from(content_dir)
    write_card(content_dir, "moved", "en", "Body.", section="basics")
    toml = content_dir / "content.toml"
    text = toml.read_text(encoding="utf-8")
    start = text.index("[[sections]]", text.index('id = "next-steps"') - 40)
    end = text.find("[[sections]]", start + 1)
    toml.write_text(text[:start] + (text[end:] if end != -1 else ""), encoding="utf-8")
    expected = refusal(content_dir)
    assert any("unknown section 'next-steps'" in line for line in expected)
    assert refusal(content_dir, known_cards=known) == expected


def test_a_known_card_whose_related_card_was_deleted_is_refused_the_same(content_dir):
    known = known_from(content_dir)
    target = next(
        card.related[0] for _, card in known.values() if card.related and card.lang == "en"
    )
    (content_dir / "cards" / f"{target}.en.md").unlink()
    expected = refusal(content_dir)
    assert any(f"'{target}' does not exist" in line for line in expected)
    assert refusal(content_dir, known_cards=known) == expected


def test_a_known_cards_picture_made_hostile_is_refused_the_same(content_dir):
    known = known_from(content_dir)
    picture = content_dir / "cards" / "images" / "antibodies.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    expected = refusal(content_dir)
    assert expected and refusal(content_dir, known_cards=known) == expected


def test_a_card_file_changed_behind_a_known_hash_is_parsed_and_checked(content_dir):
    """Only the bytes decide: a file that differs from what was known is loaded in full."""
    known = known_from(content_dir)
    edit_card(content_dir, "cytokines.en.md", 'section = "', 'section = "nowhere-')
    expected = refusal(content_dir)
    assert refusal(content_dir, known_cards=known) == expected
