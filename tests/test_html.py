"""The HTML reader: what is linted and skipped, exact positions through
entities, tags and CRLF, encodings, suppression comments, Markdown's raw
HTML, and a property test against an independent extractor (lxml)."""

from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.cli import main
from claimcheck.readers import format_for
from claimcheck.readers.html import read

from .conftest import ROOT

PAGE = ROOT / "tests" / "pages" / "wordpress-clinic.html"
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _findings(path, *args):
    result = CliRunner().invoke(main, [str(path), "--format", "json", *args])
    return result, json.loads(result.stdout)


def test_html_files_are_read_as_html():
    assert {format_for(f"page{s}") for s in (".html", ".htm", ".xhtml", ".HTML")} == {"html"}


def test_a_wordpress_clinic_page(linter):
    result, data = _findings(PAGE, "--no-scorer")
    source = PAGE.read_text(encoding="utf-8")
    found = {(f["rule"], f["line"]) for f in data["findings"]}
    # The meta description, through an entity; the JSON-LD FAQ answer; the
    # hero copy across a tag and an entity; the FAQ accordion; the image alt.
    assert ("unapproved.disease-treatment", 6) in found
    assert ("efficacy.guarantee", 17) in found
    assert ("unapproved.disease-treatment", 33) in found
    assert ("safety.absolute-safety", 39) in found
    assert ("unapproved.disease-treatment", 50) in found
    assert ("unapproved.disease-treatment", 47) in found  # the carousel's hidden slide: a script shows it
    for f in data["findings"]:
        start = _offset(source, f["line"], f["column"])
        assert source[start:start + len(f["text"])] == f["text"]
    lines = source.splitlines()
    flagged = {f["line"] for f in data["findings"]}
    for marker in ("main-nav", "cookie-notice", "dataLayer", "sample code", "og:description"):
        assert not flagged & {n + 1 for n, line in enumerate(lines) if marker in line}, marker
    # The testimonial is suppressed by the comment above it; the footer's
    # disclaimer (last in the page) satisfies the required rules.
    assert not any(f["rule"].startswith("testimonial") for f in data["findings"])
    assert data["summary"]["suppressed"] >= 1
    assert not any(f["rule"].startswith("disclaimers") for f in data["findings"])


def _assert_exact_offsets(document, source: str) -> None:
    """Every non-blank character of every block is the source character it maps to."""
    for block in document.blocks:
        assert all(source[block.source_offset(i)] == char for i, char in enumerate(block.text) if not char.isspace())


def _offset(source: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    return starts[line - 1] + column - 1


def test_positions_through_entities_tags_and_crlf(linter):
    text = "<p>Our stem cells <b>cure</b>\r\n autism &amp; it&#8217;s 100&#37; safe.</p>\r\n"
    found = linter.lint_text(text, "p.html", "html")
    by_rule = {f.rule: f for f in found}
    claim = by_rule["unapproved.disease-treatment"]
    assert (claim.line, claim.column, claim.text) == (1, 8, "stem cells <b>cure</b>\r\n autism")
    safe = by_rule["safety.absolute-safety"]
    assert (safe.line, safe.column, safe.text) == (2, 26, "100&#37; safe")


def test_json_ld_strings_are_located_at_their_escaped_source():
    source = '<script type="application/ld+json">{"@type": "Product", "description": "Caf\\u00e9 \\"cells\\" cure it"}</script>'
    [block] = read(source, "p.html").blocks
    assert block.text == 'Café "cells" cure it'
    start, end = block.source_span(0, len(block.text))
    assert source[start:end] == 'Caf\\u00e9 \\"cells\\" cure it'
    at = block.text.index("cure")
    assert source[slice(*block.source_span(at, at + 4))] == "cure"


def test_blocks_never_run_together_and_inline_elements_do_not_split():
    blocks = read("<div>Stem cells<div>cure</div></div><p>It <em>heals</em> knees</p><li>a</li><li>b</li>", "p").blocks
    assert [b.text for b in blocks] == ["Stem cells", "cure", "It heals knees", "a", "b"]


def test_menus_and_breadcrumbs_are_skipped_but_a_treatment_menu_is_read():
    source = (
        '<header><ul class="mega-menu"><li>Stem Cells for Heart Failure<ul><li>Trials</li></ul></li></ul>'
        '<div role="Navigation"><a>PRP for Arthritis</a></div>'
        '<ol class="breadcrumb"><li>Home</li><li>Exosomes for Hair Loss</li></ol>'
        '<ul id="primary"><li class="menu-item">Stem Cells for Autism</li></ul></header>'
        '<h1>Our Mission</h1><div class="menu"><p>Exosome facial, $300</p></div><p>Menu ends.</p>'
    )
    assert [b.text for b in read(source, "p.html").blocks] == ["Our Mission", "Exosome facial, $300", "Menu ends."]


def test_hidden_elements_are_read():
    """What a page hides until a reader or a script shows it is published
    copy: an inactive tab panel, an accordion's collapsed panel, a
    hidden=until-found section, a carousel's next slide, an A/B test's
    other variant."""
    source = ('<div role="tablist"><button role="tab">PRP</button></div>'
              '<div role="tabpanel" hidden><p>Stem cells regrow cartilage.</p></div>'
              '<div hidden><p>A hidden slide.</p></div><div role="TabPanel " hidden="">Second tab.</div>'
              '<button aria-controls="p1">What can it treat?</button>'
              '<div id="p1" role="region" hidden><p>Exosomes heal COPD.</p></div>'
              '<div hidden="until-found"><p>No risk of rejection.</p></div>'
              '<section data-variant="B" hidden><h1>Reverse nerve damage.</h1></section>')
    assert [b.text for b in read(source, "p.html").blocks] == [
        "PRP", "Stem cells regrow cartilage.", "A hidden slide.", "Second tab.", "What can it treat?",
        "Exosomes heal COPD.", "No risk of rejection.", "Reverse nerve damage."]


def test_a_claim_in_a_hidden_variant_is_found_where_it_stands(linter):
    source = ('<section data-variant="A"><h1>Feel your feet again.</h1></section>\n'
              '<section data-variant="B" hidden>\n<p>Our stem cells cure neuropathy.</p>\n</section>\n')
    [claim] = [f for f in linter.lint_text(source, "ab.html") if f.rule == "unapproved.disease-treatment"]
    assert (claim.line, claim.column) == (3, 8)  # "stem cells cure neuropathy"


def test_an_inline_svg_infographic_is_read_but_not_its_markup():
    source = ('<p>Results</p><svg viewBox="0 0 10 10"><metadata><rdf:RDF><dc:format>image/svg+xml</dc:format>'
              '</rdf:RDF></metadata><style>.a{fill:red}</style><path d="M0 0h10"/>'
              '<text x="1" y="5">98% of patients <tspan>pain-free</tspan> in 30 days</text>'
              '<text x="1" y="9">Stem cells</text></svg><p>After.</p>')
    assert [b.text for b in read(source, "p.html").blocks] == [
        "Results", "98% of patients pain-free in 30 days", "Stem cells", "After."]


def test_a_sentence_typed_one_paragraph_a_line_is_one_block():
    """A site builder's <p> a line: a paragraph that ends inside a sentence
    and one that goes on in lower case, with only markup between, are one
    block (positions exact); a full stop, a capital, a heading, skipped text
    between or other elements than <p> keep them apart."""
    source = ('<p><span>Our exosome infusions switch off the</span></p>\r\n'
              '<p class="x"><span>chronic inflammation behind arthritis,</span></p>'
              '<p><span>fibromyalgia and lupus.</span></p><p>next one starts low.</p>'
              '<p>Ends without a stop</p><p>Starts with a capital.</p>'
              '<h2>A heading</h2><p>lower after a heading.</p><p>one</p><script>x</script><p>two</p>'
              '<div>three<div>four</div></div>')
    blocks = read(source, "p.html").blocks
    assert [b.text for b in blocks] == [
        "Our exosome infusions switch off the chronic inflammation behind arthritis, fibromyalgia and lupus.",
        "next one starts low.", "Ends without a stop", "Starts with a capital.", "A heading",
        "lower after a heading.", "one", "two", "three", "four"]
    first = blocks[0]
    for word in ("arthritis", "fibromyalgia", "chronic"):
        at = first.text.index(word)
        start, end = first.source_span(at, at + len(word))
        assert source[start:end] == word


def test_marked_sections_and_unclosed_constructs_read_as_a_browser_reads_them():
    """"<![" opens a bogus comment that the next ">" ends (CDATA outside
    SVG, Outlook's conditionals, any keyword: html.parser raised on
    "<![foo["); what comes after the last ">" cannot close and is text."""
    source = ("<p>Stem cells <![foo[ x ]]> heal knees.</p><!--[if mso]><table><![endif]-->"
              "<p><![CDATA[ hidden ]]>Shown.</p><p>Last <a b c")
    blocks = read(source, "p.html").blocks
    assert [b.text for b in blocks] == ["Stem cells heal knees.", "Shown.", "Last <a b c"]
    assert blocks[-1].source_span(5, 11) == (source.index("<a b c"), len(source))
    many = "<p>Our stem cells heal knees.</p>" + "<a " * 30_000 + "<!--" * 30_000 + "<![x" * 30_000
    assert read(many, "p.html").blocks[0].text == "Our stem cells heal knees."  # in a moment: see bench/hostile.py


def test_skip_selectors_are_configurable(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<div class="promo-strip">Our stem cells cure autism.</div><p>Open daily.</p>', encoding="utf-8")
    _, data = _findings(page, "--no-scorer")
    assert data["findings"]
    (tmp_path / ".claimcheck.yaml").write_text("html_skip: ['.promo-strip']\n", encoding="utf-8")
    _, data = _findings(page, "--no-scorer", "--config", str(tmp_path / ".claimcheck.yaml"))
    assert not data["findings"]


def test_hidden_elements_can_be_skipped_by_an_attribute_selector(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<p>Open daily.</p>\n<section data-variant="B" hidden><p>Our stem cells cure autism.</p>'
                    '</section>\n<p hidden="">Exosomes heal COPD.</p>\n<p data-x>PRP reverses arthritis.</p>\n',
                    encoding="utf-8")
    _, data = _findings(page, "--no-scorer")
    assert {f["line"] for f in data["findings"]} >= {2, 3, 4}
    (tmp_path / ".claimcheck.yaml").write_text("html_skip: ['[hidden]', '[ Data-X ]']\n", encoding="utf-8")
    _, data = _findings(page, "--no-scorer", "--config", str(tmp_path / ".claimcheck.yaml"))
    assert not data["findings"]


def test_the_charset_comes_from_the_bom_then_meta_then_utf8(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(b'<meta charset="windows-1252"><p>Our stem cells cure autism \x96 caf\xe9.</p>')
    _, data = _findings(page, "--no-scorer")
    assert any(f["text"] == "stem cells cure autism" for f in data["findings"])
    page.write_bytes(b'<meta charset="utf-8"><p>caf\xe9</p>')
    result, data = _findings(page)
    assert result.exit_code == 2 and "UTF-8" in data["errors"][0]["message"]
    page.write_bytes("<p>Our stem cells cure autism.</p>".encode("utf-16"))
    _, data = _findings(page, "--no-scorer")
    assert data["findings"]


def test_markdown_raw_html_blocks_use_the_html_reader(linter):
    text = "# Page\n\n<div class=\"box\">\n<p>Our stem cells <b>cure</b> autism.</p>\n</div>\n\nAfter.\n"
    found = linter.lint_text(text, "p.md")
    claim = next(f for f in found if f.rule == "unapproved.disease-treatment")
    assert (claim.line, claim.column, claim.text) == (4, 8, "stem cells <b>cure</b> autism")


def test_stdin_with_an_html_filename(tmp_path):
    result = CliRunner().invoke(main, ["-", "--stdin-filename", "page.html", "--format", "json", "--no-scorer"],
                                input="<nav>Stem cells cure autism.</nav><p>PRP heals arthritis.</p>")
    assert [f["text"] for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("unapproved")] == \
        ["PRP heals arthritis"]


# -- the property test ----------------------------------------------------------------

_WORDS = st.sampled_from(["Stem", "cells", "cure", "autism", "café", "中文", "😀", "it's", "100%", "safe"])
_ENTITIES = st.sampled_from(["&amp;", "&rsquo;", "&#8217;", "&#x2014;", "&eacute;", "&lt;", "&gt;", "&quot;"])
_INLINE = st.sampled_from(["b", "em", "span", "a", "strong", "i"])
_BLOCKS = st.sampled_from(["p", "div", "li", "h2", "td", "section", "blockquote"])


@st.composite
def _inline_html(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 4 if depth < 3 else 2))
        if choice <= 1:
            parts.append(draw(_WORDS))
        elif choice == 2:
            parts.append(draw(_ENTITIES))
        else:
            tag = draw(_INLINE)
            attrs = draw(st.sampled_from(['', ' class="x"', " title='t'", ' data-x="a&amp;b"']))
            parts.append(f"<{tag}{attrs}>{draw(_inline_html(depth + 1))}</{tag}>")
        parts.append(draw(st.sampled_from([" ", "\r\n", "\n", "\t", " "])))
    return "".join(parts)


@st.composite
def _page(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        tag = draw(_BLOCKS)
        blocks.append(f"<{tag}>{draw(_inline_html())}</{tag}>" + draw(st.sampled_from(["", "\n", "\r\n"])))
    return "<html><body>" + "".join(blocks) + "</body></html>"


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_page())
def test_extracted_text_equals_lxml_and_maps_back_to_the_source(source):
    lxml_html = pytest.importorskip("lxml.html")
    ours = read(source, "p.html").blocks
    theirs = lxml_html.document_fromstring(source).body.text_content()
    squash = lambda text: "".join(text.translate(_FOLD).split())
    assert squash("".join(b.text for b in ours if b.kind not in ("attribute", "meta", "json-ld"))) == squash(theirs)
    for block in ours:
        for word in re.finditer(r"\S+", block.text):
            start, end = block.source_span(word.start(), word.end())
            decoded = html.unescape(re.sub(r"<[^>]*>", "", source[start:end]))
            assert squash(decoded) == squash(word.group()), (word.group(), source[start:end])


def test_a_compliant_static_site_page_has_no_findings():
    page = ROOT / "tests" / "pages" / "static-site-compliant.html"
    result, data = _findings(page)
    assert result.exit_code == 0, data["findings"]
    assert data["findings"] == [] and data["summary"]["files"] == 1


def test_inline_html_in_markdown_is_read_by_the_html_reader(linter):
    text = 'Our clinic <img src="knee.png" alt="PRP heals torn tendons"> is open daily.\n'
    found = [f for f in linter.lint_text(text, "p.md") if f.rule == "unapproved.disease-treatment"]
    assert [(f.line, f.column, f.text) for f in found] == [(1, 37, "PRP heals torn tendons")]


def test_skip_selectors_hold_on_paths_with_overrides(tmp_path):
    (tmp_path / "legal").mkdir()
    page = tmp_path / "legal" / "p.html"
    page.write_text('<div class="promo">Our stem cells cure autism.</div><p>Open daily.</p>', encoding="utf-8")
    config = tmp_path / ".claimcheck.yaml"
    config.write_text("html_skip: ['.promo']\noverrides:\n  - paths: ['legal/*']\n    rules: {safety: error}\n",
                      encoding="utf-8")
    _, data = _findings(page, "--no-scorer", "--config", str(config))
    assert not data["findings"]


def test_a_utf8_bom_wins_over_a_meta_charset(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(b"\xef\xbb\xbf" + '<meta charset="windows-1252"><p>Our stem cells cure autism – café.</p>'.encode())
    _, data = _findings(page, "--no-scorer")
    found = [f for f in data["findings"] if f["rule"] == "unapproved.disease-treatment"]
    assert [(f["line"], f["column"]) for f in found] == [(1, 37)]


def test_custom_elements_copy_attributes_are_read():
    """Web components hold their copy in attributes: a custom element (a
    hyphen in its name) has its copy-named attributes read; a plain
    element's other attributes never are."""
    source = ('<hero-banner heading="Joint relief" sub-heading="Exosomes end arthritis pain." image="/a.png" '
              'cta-label=\'Book\'></hero-banner>\n<review-card rating="5" quote="I can kneel again!" author="Ann">'
              '</review-card>\n<div data-icon="not copy" heading="not a component">Plain.</div>\n')
    document = read(source, "x.html")
    assert [b.text for b in document.blocks] == ["Joint relief", "Exosomes end arthritis pain.", "Book",
                                                 "I can kneel again!", "Plain."]
    _assert_exact_offsets(document, source)


def test_copy_in_data_attributes_and_microdata_meta_is_read():
    """Tooltips, popovers and typewriter phrases hold their copy in data
    attributes; a microdata description in a meta tag is copy as a meta
    description is. Other data attributes are not."""
    source = ('<i data-bs-toggle="tooltip" data-bs-title="Zero side effects"></i>'
              '<span class="typed" data-typed-items="younger, pain-free"></span>'
              '<a data-original-title="Heals tendons" data-target="#m" data-id="7">Book</a>\n'
              '<meta itemprop="description" content="Clinically proven serum.">'
              '<meta itemprop="sku" content="RX-30"><td data-label="Price">$129</td>\n')
    document = read(source, "x.html")
    assert [b.text for b in document.blocks] == ["Zero side effects", "younger, pain-free", "Heals tendons",
                                                 "Clinically proven serum.", "Book", "Price", "$129"]
    _assert_exact_offsets(document, source)


def test_an_iframe_srcdoc_is_read_as_a_page_of_its_own(linter):
    """An iframe's srcdoc is a page escaped in an attribute: its copy is
    read, each character at the source it came from (through references
    within references), a hidden iframe's too; the iframe's fallback
    content and a srcdoc inside the srcdoc are not."""
    source = ('<p>Before.</p>\r\n<iframe title="Offer" srcdoc="&lt;h2&gt;Offer&lt;/h2&gt;\r\n&lt;p&gt;Our stem cells '
              '&lt;b&gt;heal&lt;/b&gt; sciatica &amp;ndash; it&amp;rsquo;s safe.&lt;/p&gt;'
              '&lt;iframe srcdoc=&quot;&amp;lt;p&amp;gt;Nested.&quot;&gt;&lt;/iframe&gt;">Fallback.</iframe>\r\n'
              '<iframe hidden srcdoc="&lt;p&gt;Hidden.&lt;/p&gt;"></iframe><p>After.</p>\r\n')
    document = read(source, "x.html")
    assert [b.text for b in document.blocks] == [
        "Before.", "Offer", "Our stem cells heal sciatica – it's safe.", "Hidden.", "After."]
    block = document.blocks[2]
    for index, char in enumerate(block.text):
        if not char.isspace():
            start, end = block.source_span(index, index + 1)
            assert html.unescape(html.unescape(source[start:end])).replace("\u2019", "'") == char
    [claim] = [f for f in linter.lint_text(source, "x.html", "html") if f.rule == "unapproved.disease-treatment"]
    assert (claim.line, claim.column) == (_line_column(source, source.index("Our stem") + 4))
    assert claim.text == "stem cells &lt;b&gt;heal&lt;/b&gt; sciatica"


def _line_column(source: str, offset: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


def test_wordpress_shortcodes_are_layout_and_their_copy_parameters_copy(linter):
    """Page builders' shortcodes end blocks as their sections and modules do;
    a copy parameter's value is a block of its own, at its exact source;
    text in brackets that is no shortcode stays text."""
    source = ('[et_pb_section fb_built="1"][et_pb_row][et_pb_text]<h2>Knees</h2>\r\n'
              '<p>Our clinic opened in 2015.</p>[/et_pb_text]\r\n'
              '[et_pb_blurb title="Stem cells heal arthritis" image="/a.jpg"]<p>Book a visit [1].</p>[/et_pb_blurb]\r\n'
              '[vc_message color="info"]Exosomes erase wrinkles.[/vc_message][/et_pb_row][/et_pb_section]\r\n'
              '<p>See [x] and [see more].</p><img alt="A [caption id=1] knee" src="k.png">\r\n')
    document = read(source, "x.html")
    assert [b.text for b in document.blocks] == [
        "Knees", "Our clinic opened in 2015.", "Stem cells heal arthritis", "Book a visit [1].",
        "Exosomes erase wrinkles.", "See [x] and [see more].", "A knee"]  # in an attribute: blanks
    _assert_exact_offsets(document, source)
    found = [f for f in linter.lint_text(source, "x.html", "html") if f.rule == "unapproved.disease-treatment"]
    assert [(f.line, f.column, f.text) for f in found] == [
        (3, 21, "Stem cells heal arthritis"), (4, 26, "Exosomes erase wrinkles")]
