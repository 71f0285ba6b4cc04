"""Card Markdown becomes HTML that cannot run, load or link to anything outside the kiosk."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from kiosk.content.source.render import MAX_MARKDOWN_CHARS, MarkdownTooLarge, render_markdown


def test_formatting_survives():
    body = render_markdown("## Words\n\nSome **bold** and *soft* text.\n\n- one\n- two\n")
    assert "<h2>Words</h2>" in body.html
    assert "<strong>bold</strong>" in body.html and "<em>soft</em>" in body.html
    assert "<li>one</li>" in body.html
    assert body.text.splitlines()[0] == "Words"


def test_script_and_style_are_removed_with_their_content():
    body = render_markdown("Hi <script>alert('x')</script><style>p{display:none}</style> there")
    assert "script" not in body.html and "alert" not in body.html
    assert "display" not in body.html and "style" not in body.html


def test_raw_html_and_inline_css_are_stripped_but_words_kept():
    body = render_markdown('<div style="position:fixed" onclick="x()">Hello</div> <iframe src="x">')
    assert "Hello" in body.html
    for banned in ("<div", "style=", "onclick", "<iframe"):
        assert banned not in body.html


def test_javascript_and_outside_links_lose_their_target():
    body = render_markdown("[a](javascript:alert(1)) [b](https://example.org) [c](card:cytokines)")
    assert "javascript" not in body.html and "example.org" not in body.html
    assert '<a href="card:cytokines">c</a>' in body.html
    assert "rel=" not in body.html


def test_remote_file_and_data_images_are_dropped_local_ones_become_assets():
    body = render_markdown(
        "![a](http://evil.example/x.png) ![b](file:///etc/x.png) ![c](data:image/png;base64,AAAA)"
        " ![d](/abs.png) ![e](../../up.png) ![f](images/ok.svg)",
        base="cards",
    )
    assert body.html.count("<img") == 1
    assert '<img alt="f" src="asset:cards/images/ok.svg">' in body.html


def test_very_large_input_is_refused_quickly_and_large_real_input_still_renders():
    with pytest.raises(MarkdownTooLarge):
        render_markdown("a" * (MAX_MARKDOWN_CHARS + 1))
    nested = "<b>" * 6 + "deep" + "</b>" * 6
    paragraphs = ("Paragraph with **words**.\n\n" * 1000)[: MAX_MARKDOWN_CHARS - len(nested)]
    body = render_markdown(paragraphs + nested)
    assert body.html.count("<p>") >= 300 and "deep" in body.text


def test_one_body_leaves_nothing_behind_for_the_next():
    """The converter is reused between cards: a link reference defined in one card must not
    turn words in the next card into a link."""
    first = render_markdown("See [the basics][b].\n\n[b]: card:basics\n")
    assert '<a href="card:basics">the basics</a>' in first.html
    second = render_markdown("See [the basics][b].\n")
    assert "<a" not in second.html and "[the basics][b]" in second.text


def test_each_thread_renders_with_its_own_converter():
    """A sync renders in a background thread while the CLI or a first start may render too."""
    bodies = [f"**Topic {n}**\n\n- point {n}\n" for n in range(200)]
    expected = [render_markdown(body) for body in bodies]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns mid-render, as they can on a busy kiosk
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            assert list(pool.map(render_markdown, bodies)) == expected
    finally:
        sys.setswitchinterval(interval)
