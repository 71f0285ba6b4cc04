"""Writing and changing card files in a test's content folder, as an admin would by hand."""

from __future__ import annotations

from pathlib import Path

IMAGE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    '<rect width="40" height="40" fill="#246"/></svg>\n'
)


def write_card(
    folder: Path,
    card_id: str,
    lang: str,
    body: str,
    *,
    title: str | None = None,
    section: str = "next-steps",
    reviewed: str = "2026-11-28",
) -> Path:
    path = folder / "cards" / f"{card_id}.{lang}.md"
    path.write_text(
        "+++\n"
        f'id = "{card_id}"\n'
        f'title = "{title or card_id.replace("-", " ").capitalize()}"\n'
        'summary = "A card written by a test."\n'
        f'section = "{section}"\n'
        "order = 20\n"
        "related = []\n"
        f"reviewed = {reviewed}\n"
        'source = "The test suite."\n'
        f"+++\n\n{body}\n",
        encoding="utf-8",
    )
    return path


def write_image(folder: Path, name: str, colour: str = "#246") -> Path:
    path = folder / "cards" / "images" / name
    path.write_text(IMAGE.replace("#246", colour), encoding="utf-8")
    return path


def edit_card(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / "cards" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
