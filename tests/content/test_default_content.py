"""The embedded content: complete in both languages, faithful to every source fact, safe."""

from __future__ import annotations

import re

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.model import LANGUAGES
from kiosk.content.source.loader import load_content

BUNDLE = load_content(default_content_dir())
CARDS = {(card.id, card.lang): card for card in BUNDLE.cards}
IDS = sorted({card.id for card in BUNDLE.cards})

# Each fact of the reference page, as words that must appear in a named card, per language.
FACTS: dict[str, tuple[str, dict[str, list[str]]]] = {
    "biological therapy, own immune system": (
        "what-is-immunotherapy",
        {
            "en": ["biological therapy", "immune system"],
            "es": ["terapia biológica", "sistema inmunitario"],
        },
    ),
    "fewer short-term side effects than chemo": (
        "what-is-immunotherapy",
        {
            "en": ["fewer short-term side effects", "chemotherapy"],
            "es": ["menos efectos secundarios a corto plazo", "quimioterapia"],
        },
    ),
    "three ways it is used": (
        "how-doctors-use-it",
        {
            "en": ["combination", "maintenance", "single"],
            "es": ["combinación", "mantenimiento", "único"],
        },
    ),
    "cells and organs defend against antigens": (
        "how-the-immune-system-works",
        {"en": ["cells and organs", "antigens"], "es": ["células y órganos", "antígenos"]},
    ),
    "kinds of antigens": (
        "how-the-immune-system-works",
        {
            "en": ["bacteria", "viruses", "fungi", "toxins", "allergens"],
            "es": ["bacterias", "virus", "hongos", "toxinas", "alérgenos"],
        },
    ),
    "ways in: swallowed, breathed, skin, mucous membranes": (
        "how-the-immune-system-works",
        {
            "en": ["swallow", "breathe", "skin", "mucous membranes"],
            "es": ["traga", "respira", "piel", "membranas mucosas"],
        },
    ),
    "white cells make antibodies that coat antigens; others destroy them": (
        "how-the-immune-system-works",
        {
            "en": ["white cells", "antibodies", "coat", "destroy"],
            "es": ["glóbulos blancos", "anticuerpos", "recubren", "destru"],
        },
    ),
    "why the immune system misses cancer": (
        "why-cancer-can-hide",
        {"en": ["mutated", "antigen", "suppress"], "es": ["mutadas", "antígeno", "suprimir"]},
    ),
    "lab-made cells or antibodies; approved or in trials": (
        "lab-made-helpers",
        {
            "en": ["lab", "antibodies", "Food and Drug Administration", "clinical trials"],
            "es": [
                "laboratorio",
                "anticuerpos",
                "Administración de Alimentos y Medicamentos",
                "ensayos clínicos",
            ],
        },
    ),
    "immune cells from patient or donor against leftover cancer cells": (
        "immune-cell-therapy",
        {
            "en": ["donor", "leukemia", "lymphoma", "myeloma", "chemotherapy"],
            "es": ["donante", "leucemia", "linfoma", "mieloma", "quimioterapia"],
        },
    ),
    "lab-made antibodies attach to cancer cell antigens, made from tumor samples": (
        "monoclonal-antibodies",
        {
            "en": ["monoclonal", "attach", "antigens", "tumor"],
            "es": ["monoclonales", "unirse", "antígenos", "tumor"],
        },
    ),
    "vaccines under study to keep remission going": (
        "cancer-vaccines",
        {"en": ["vaccines", "remission", "studied"], "es": ["vacunas", "remisión", "estudi"]},
    ),
    "cytokines and examples": (
        "cytokines",
        {
            "en": ["hormones", "GM-CSF", "interleukin-2", "IL-2", "interferon"],
            "es": ["hormonas", "GM-CSF", "interleucina-2", "IL-2", "interferón"],
        },
    ),
    "ask your doctor whether you are a candidate; referral to a trial": (
        "clinical-trials",
        {
            "en": ["candidate", "refer", "clinical trial"],
            "es": ["candidato", "referirle", "ensayo clínico"],
        },
    ),
    "where to learn more": (
        "learn-more",
        {
            "en": ["fact sheet", "information specialists"],
            "es": ["hoja informativa", "especialistas en información"],
        },
    ),
    "talk with a specialist via the front desk": (
        "talk-to-a-specialist",
        {"en": ["front desk", "specialist"], "es": ["recepción", "especialista"]},
    ),
}


def test_every_card_exists_in_every_language():
    assert len(IDS) == 12
    for card_id in IDS:
        for lang in LANGUAGES:
            assert (card_id, lang) in CARDS, f"{card_id} has no {lang} version"


@pytest.mark.parametrize("fact", sorted(FACTS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_fact_of_the_reference_is_covered(fact, lang):
    card_id, words = FACTS[fact]
    text = CARDS[(card_id, lang)].body_text.lower()
    missing = [w for w in words[lang] if w.lower() not in text]
    assert not missing, f"{card_id}.{lang} lacks {missing} for: {fact}"


@pytest.mark.parametrize("key", sorted(CARDS))
def test_cards_carry_provenance_and_no_dated_or_outside_references(key):
    card = CARDS[key]
    assert card.reviewed.year >= 2026 and "Leukemia & Lymphoma Society" in card.source
    body = card.body_markdown
    assert not re.search(r"https?://|www\.|TrialCheck|\(\d{3}\)|\d{3}-\d{4}", body)
    assert "<" not in body  # no raw HTML in the shipped cards


@pytest.mark.parametrize("key", sorted(CARDS))
def test_cards_send_medical_questions_to_the_care_team(key):
    card_id, lang = key
    if card_id == "talk-to-a-specialist":
        return
    text = CARDS[key].body_text.lower()
    phrases = {"en": ["care team", "doctor"], "es": ["equipo de atención", "médico"]}[lang]
    assert any(p in text for p in phrases), key


def test_reference_sentences_are_not_copied():
    """No run of eight words from the reference page appears in an English card."""
    reference = default_content_dir().parents[1].parent / "shared" / "reference"
    source = next(reference.glob("*.txt"), None) if reference.is_dir() else None
    if source is None:
        pytest.skip(
            f"no reference page to compare the cards with: {reference} (the project's shared/ "
            "folder, which CI lays beside the checkout) is not there"
        )
    words = re.findall(r"[a-z']+", source.read_text().lower())
    runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    for (card_id, lang), card in CARDS.items():
        if lang != "en":
            continue
        card_words = re.findall(r"[a-z']+", card.body_text.lower())
        copied = {" ".join(card_words[i : i + 8]) for i in range(len(card_words) - 7)} & runs
        assert not copied, f"{card_id} copies: {sorted(copied)[:2]}"
