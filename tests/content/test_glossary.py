"""The glossary: read from glossary.toml with every problem reported, defined in every language,
checked for reading grade by validate, stored, and linked into card bodies."""

from __future__ import annotations

import pytest

from kiosk.cli import main
from kiosk.content.model import GlossaryTerm
from kiosk.content.source.glossary import link_terms
from kiosk.content.source.loader import ContentError, load_content


def problems(content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems]


def test_shipped_terms_are_linked_once_each_where_cards_use_them(store):
    page = store.card("why-cancer-can-hide", "en")
    assert page.body_html.count('href="term:antigen"') == 1
    assert "term:" not in page.body_text  # search and read aloud hear only the words
    es = store.card("cytokines", "es")
    assert '<a href="term:adjunct">coadyuvante</a>' in es.body_html
    assert 'href="term:cytokine"' not in es.body_html  # its own card explains it already
    found = store.definition("antigen", "es")
    assert found.term == "antígeno" and found.see_also.id == "how-the-immune-system-works"
    assert found.see_also.title == "Cómo funciona su sistema inmunitario"
    assert store.definition("remission", "en").see_also is None
    assert store.definition("nothing", "en") is None


def test_links_skip_headings_links_and_code_and_follow_the_glossary_as_it_is():
    term = GlossaryTerm("antigen", "en", "antigen", "A mark.", ("antigens",))
    html = (
        '<h2>Antigens</h2><p><a href="card:x">antigen</a> <code>antigen</code> '
        "Antigens &amp; more antigen.</p><p>antigen</p>"
    )
    linked = link_terms(html, [term])
    assert linked == (
        '<h2>Antigens</h2><p><a href="card:x">antigen</a> <code>antigen</code> '
        '<a href="term:antigen">Antigens</a> &amp; more antigen.</p><p>antigen</p>'
    )
    assert link_terms(linked, [term]) == linked  # reused renders are not linked twice
    assert link_terms(linked, []) == html  # a term taken out of the glossary unlinks


def test_every_term_in_every_language_with_a_card_that_exists(content_dir):
    (content_dir / "glossary.toml").write_text(
        "[[terms]]\n"
        'id = "antigen"\nsee_also = "no-such-card"\n'
        'en = { term = "antigen", definition = "A mark." }\n'
        "[[terms]]\n"
        'id = "Bad Id"\n'
        "[[terms]]\n"
        'id = "tcell"\nen = { term = "antigen", definition = "Again." }\n'
        'es = { term = "x", definition = "' + "y" * 301 + '" }\n',
        encoding="utf-8",
    )
    found = problems(content_dir)
    assert (
        "glossary.toml: term 'antigen' in 'es': missing: every term is defined in every language"
        in found
    )
    assert "glossary.toml: term 2: 'id' must be lowercase words joined by hyphens" in found
    assert (
        "glossary.toml: term 'tcell' in 'en': 'antigen' is also written for term 'antigen'" in found
    )
    assert any("term 'tcell' in 'es': the definition is over 300" in p for p in found)
    assert (
        "glossary.toml: term 'antigen': see_also card 'no-such-card' does not exist in 'en'"
        in found
    )


def test_validate_refuses_a_definition_above_grade_8(content_dir, capsys):
    path = content_dir / "glossary.toml"
    hard = (
        "An immunological macromolecular determinant characteristically recognized "
        "by complementary immunoglobulin paratopes subsequently precipitating inflammation."
    )
    path.write_text(
        path.read_text().replace(
            "A mark on the outside of a cell. Your immune system reads these marks to tell your "
            "own cells from germs or cancer.",
            hard,
        ),
        encoding="utf-8",
    )
    assert main(["content", "validate", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert "glossary.toml: term 'antigen' in 'en': the definition reads at grade" in err
    assert "not valid" in err
