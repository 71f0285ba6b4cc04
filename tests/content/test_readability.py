"""Reading grades: plain cards score low, dense ones high, and nothing goes to the network."""

from __future__ import annotations

import socket

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.authoring.readability import GRADE_LIMIT, readability
from kiosk.content.source.loader import load_content

PLAIN = "Your body has a defense team. It fights germs. Your care team can tell you more."
DENSE = (
    "Immunotherapeutic interventions necessitate comprehensive multidisciplinary "
    "consideration of hematological malignancy characteristics, immunological "
    "competence, and pharmacological contraindications before administration."
)
PLAIN_ES = "Su cuerpo tiene un equipo de defensa. Lucha contra los gérmenes. Pregunte a su médico."
DENSE_ES = (
    "Las intervenciones inmunoterapéuticas requieren una consideración multidisciplinaria "
    "exhaustiva de las características hematológicas, inmunológicas y farmacológicas."
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_plain_words_read_easier_than_dense_ones_in_both_languages():
    assert readability(PLAIN, "en").grade < 4 < GRADE_LIMIT < readability(DENSE, "en").grade
    assert readability(PLAIN_ES, "es").grade <= 6 < GRADE_LIMIT < readability(DENSE_ES, "es").grade
    assert readability(DENSE, "en").too_hard and not readability(PLAIN, "en").too_hard


def test_every_shipped_card_reads_at_grade_eight_or_below():
    for card in load_content(default_content_dir()).cards:
        result = readability(card.body_text, card.lang)
        assert not result.too_hard, (
            f"{card.id}.{card.lang}: grade {result.grade} ({result.measure})"
        )


def test_validate_reports_a_grade_for_every_card_and_warns_on_hard_ones(content_dir, capsys):
    from kiosk.cli import main

    card = content_dir / "cards" / "cytokines.en.md"
    card.write_text(card.read_text() + "\n" + DENSE + "\n")
    assert main(["content", "validate", str(content_dir)]) == 0
    out, err = capsys.readouterr()
    assert out.count("reading grade") == 23
    assert "warning: cards/cytokines.en.md: reading grade" in err and "above grade 8" in err
