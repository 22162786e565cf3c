"""Lines that start with a list marker are blocks of their own (readers/items.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.readers import html, markdown, text

from .test_positions import CLAIMS, FILLER, _check


def texts(document) -> list[str]:
    return [block.text for block in document.blocks]


def test_bulleted_lines_of_a_text_paragraph_are_separate_blocks():
    source = "Why patients choose us\n\u2714 Heals torn tendons\n\u2022 No downtime\r\n  \u2013 Lasts for years\n12) Fast"
    assert texts(text.read(source, "x.txt")) == [
        "Why patients choose us", "\u2714 Heals torn tendons", "\u2022 No downtime", "\u2013 Lasts for years", "12) Fast"]


def test_emoji_without_a_space_and_labelled_lines_start_items():
    source = "Treatment facts\n\U0001f489Procedure: non-surgical\n\u23f1\ufe0f Time: 30 minutes\nResults: In two weeks\nSide effects: none"
    assert texts(text.read(source, "x.txt")) == [
        "Treatment facts", "\U0001f489Procedure: non-surgical", "\u23f1\ufe0f Time: 30 minutes",
        "Results: In two weeks", "Side effects: none"]


def test_the_keys_of_a_strings_file_start_items_of_one_list():
    source = ('# Hero, large type\nhero.title = "Knees that feel young"\n'
              'hero.subtitle = "Our clinic sees runners and hikers."\nHERO_CTA = "Book now"\n'
              'where x = 2 stays inside its line')
    document = text.read(source, "x.txt")
    assert texts(document) == ['# Hero, large type', 'hero.title = "Knees that feel young"',
                               'hero.subtitle = "Our clinic sees runners and hikers."',
                               # (a line that opens with no key goes on the item before it)
                               'HERO_CTA = "Book now" where x = 2 stays inside its line']
    # keys are one kind of marker (as labels are): none heads the others as a group label
    assert {block.kind for block in document.blocks[1:]} == {"list-item"}


def test_a_label_inside_a_line_does_not_cut():
    source = "Our promise: Results you can see. Note: prices vary.\nsee the list."
    assert texts(text.read(source, "x.txt")) == ["Our promise: Results you can see. Note: prices vary. see the list."]


def test_a_marker_inside_a_line_or_a_wrapped_number_does_not_cut():
    source = "Cells - and more - help our patients every day. We opened in\n2019. Since then\n- we grew."
    assert texts(text.read(source, "x.txt")) == [
        "Cells - and more - help our patients every day. We opened in 2019. Since then", "- we grew."]


def test_markdown_paragraph_with_symbol_bullets_and_html_breaks():
    assert texts(markdown.read("Benefits:\n\u2705 Less pain\n\u2705 More energy\n", "x.md")) == [
        "Benefits:", "\u2705 Less pain", "\u2705 More energy"]
    assert texts(html.read("<p>Benefits<br>&bull; Less pain<BR/>\u2022 More energy - daily</p>", "x.html")) == [
        "Benefits", "\u2022 Less pain", "\u2022 More energy - daily"]


def test_each_bullet_is_its_own_sentence_with_its_own_finding(linter):
    source = "Results\n\u2714 Stem cells cure autism.\n\u2714 Our PRP is completely safe.\n"
    found = {(f.rule, f.line) for f in linter.lint_text(source, format="text")}
    assert ("unapproved.disease-treatment", 2) in found
    assert ("safety.absolute-safety", 3) in found


MARKERS = ["\u2714", "\u2022", "-", "*", "\u2013", "\u2705", "1.", "2)", "(a)", "\u25b6\ufe0f"]


@st.composite
def bulleted(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    pieces, expected, length = [], [], 0
    for number in range(draw(st.integers(1, 6))):
        line = (draw(st.sampled_from(["", " ", "\t"])) + draw(st.sampled_from(MARKERS))
                + draw(st.sampled_from([" ", "  ", "\t"])))
        item = draw(st.one_of(st.sampled_from(FILLER), st.integers(0, len(CLAIMS) - 1)))
        if isinstance(item, int):
            sentence, words, rule = CLAIMS[item]
            start = length + len(line) + sentence.index(words[0])
            expected.append((start, start + len(" ".join(words)), rule))
            line += sentence
        else:
            line += item
        line += newline
        pieces.append(line)
        length += len(line)
    return "".join(pieces), expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bulleted())
def test_bulleted_claims_are_found_at_exact_positions_on_their_own_lines(linter, case):
    source, expected = case
    _check(linter, source, expected, fmt="text")
    for finding in linter.lint_text(source, format="text"):
        assert finding.line == finding.end_line, finding


def kinds(document) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def test_items_that_head_items_of_another_marker_are_group_labels():
    source = ("Uses\n1. Joint repair\n\u2013 Torn tendons\n\u2013 Worn cartilage\n2. Skin\n\u2013 Fine lines\n"
              "3) Hair thinning")
    assert kinds(text.read(source, "x.txt")) == [
        ("paragraph", "Uses"), ("list-group", "1. Joint repair"), ("list-item", "\u2013 Torn tendons"),
        ("list-item", "\u2013 Worn cartilage"), ("list-group", "2. Skin"), ("list-item", "\u2013 Fine lines"),
        ("list-item", "3) Hair thinning")]  # followed by no item of another marker: an item
    # one marker throughout, or a first item followed by its own kind: no groups
    same = "Uses\n\u2022 Joint repair\n\u2022 Skin\nNote: prices vary"
    assert [kind for kind, _ in kinds(text.read(same, "x.txt"))] == ["paragraph"] + ["list-item"] * 3


def test_nested_markdown_and_html_lists_have_group_labels():
    tight = "Uses:\n\n1. Joint repair\n   - torn tendons\n   - worn cartilage\n2. Skin\n   - fine lines\n3. Hair\n"
    loose = "Uses:\n\n1. Joint repair\n\n   - torn tendons\n\n2. Skin\n\n   - fine lines\n\n3. Hair\n"
    expected = [("paragraph", "Uses:"), ("list-group", "Joint repair"), ("list-item", "torn tendons"),
                ("list-group", "Skin"), ("list-item", "fine lines"), ("list-item", "Hair")]
    assert kinds(markdown.read(loose, "x.md")) == expected
    tight_kinds = kinds(markdown.read(tight, "x.md"))
    assert tight_kinds[:3] == expected[:3] and tight_kinds[-1] == ("list-item", "Hair")
    page = ("<p>Uses:</p><ol><li>Joint repair<ul><li>torn tendons</li></ul></li>"
            "<li>Skin<ul><li>fine lines</li></ul></li><li>Hair</li></ol>")
    assert kinds(html.read(page, "x.html")) == expected


def test_a_markdown_or_html_item_over_lines_of_another_marker_is_a_group_label(linter):
    """En dashes are no Markdown bullets: under "1. Skin" they are lines of
    that item, which heads them as it would a nested list."""
    source = "Therapeutic uses:\n\n1. Tissue repair\n\u2013 Cartilage repair\n\u2013 Tendon healing\n2. Anti-Aging\n\u2013 Fine lines\n"
    expected = [("paragraph", "Therapeutic uses:"), ("list-group", "Tissue repair"),
                ("list-item", "\u2013 Cartilage repair"), ("list-item", "\u2013 Tendon healing"),
                ("list-group", "Anti-Aging"), ("list-item", "\u2013 Fine lines")]
    assert kinds(markdown.read(source, "x.md")) == expected
    page = ("<p>Therapeutic uses:</p><ol><li>Tissue repair<br>\u2013 Cartilage repair<br>\u2013 Tendon healing</li>"
            "<li>Anti-Aging<br>\u2013 Fine lines</li></ol>")
    assert kinds(html.read(page, "x.html")) == expected
    listed = {f.text for f in linter.lint_text(source, path="x.md") if f.rule == "unapproved.listed-use"}
    assert listed == {"Cartilage repair", "Tendon healing", "Fine lines"}  # not the group labels


def test_a_list_of_a_paragraph_a_line_has_group_labels():
    """The same list when each line is a paragraph of its own (blank lines
    between, or an HTML ``<p>`` a line): consecutive items are one list."""
    expected = [("paragraph", "Uses"), ("list-group", "1. Joint repair"), ("list-item", "\u2013 Torn tendons"),
                ("list-group", "2. Skin"), ("list-item", "\u2013 Fine lines"), ("list-item", "3) Hair")]
    lines = [text for _, text in expected]
    assert kinds(text.read("\n\n".join(lines), "x.txt")) == expected
    page = "\n".join(f"<p>{line}</p>" for line in lines)
    assert kinds(html.read(page, "x.html")) == expected
    # prose between two lists ends the first: each list decides its own groups
    two = "\n\n".join(["\u2022 Knees", "\u2022 Hips", "Also:", "1. Skin", "\u2013 Lines"])
    assert [kind for kind, _ in kinds(text.read(two, "x.txt"))] == [
        "list-item", "list-item", "paragraph", "list-group", "list-item"]


def test_a_title_before_a_hard_break_is_a_block_of_its_own(linter):
    """HTML's <br> and Markdown's hard breaks: a title (title case, or one
    or two words) or a sentence's end before the break ends the block, unless
    the next line goes on in lower case or the title is in sentence case."""
    page = ("<p><strong>Knee Care for Runners</strong><br>Our stem cells cure arthritis.</p>"
            "<p>Regenerative Medicine<br>that heals you</p><p>Our cells cure<br>Parkinson's disease.</p>")
    assert texts(html.read(page, "x.html")) == [
        "Knee Care for Runners", "Our stem cells cure arthritis.", "Regenerative Medicine that heals you",
        "Our cells cure Parkinson's disease."]
    (finding,) = [f for f in linter.lint_text(page, path="x.html") if f.rule == "unapproved.disease-treatment"
                  and f.text.startswith("stem")]
    assert finding.text == "stem cells cure arthritis"  # not run together with the title
    source = "Intro.\n\nKnee Care  \nOur stem cells cure arthritis.\\\nCall us\n\nOur cells cure  \nParkinson's disease.\n"
    assert texts(markdown.read(source, "x.md")) == [
        "Intro.", "Knee Care", "Our stem cells cure arthritis.", "Call us", "Our cells cure Parkinson's disease."]


def test_a_heading_set_on_two_lines_is_one_title():
    """A <br> inside a heading breaks the line, not the title ("Live Life
    Without<br>Chronic Pain"); a heading whose first line ends a sentence is
    still cut there."""
    page = "<h1>Live Life Without<br>Chronic Pain</h1><h2>Knee care.<br>Our Cells Heal Knees</h2>"
    assert kinds(html.read(page, "x.html")) == [
        ("heading", "Live Life Without Chronic Pain"), ("heading", "Knee care."), ("heading", "Our Cells Heal Knees")]
    setext = "Stem Cells That  \nHeal Your Knees\n===\n\nCall us.\n"
    assert kinds(markdown.read(setext, "x.md"))[0] == ("heading", "Stem Cells That Heal Your Knees")
    title = html.read(page, "x.html").blocks[0]
    at = title.text.index("Chronic")
    assert page[title.source_offset(at):].startswith("Chronic Pain</h1>")  # positions still map to the source


def test_a_last_html_item_without_its_end_tag_is_an_item():
    page = "<p>Uses:</p><ul><li>knee pain<li>back pain</ul><p>Call us.</p>"
    assert kinds(html.read(page, "x.html")) == [
        ("paragraph", "Uses:"), ("list-item", "knee pain"), ("list-item", "back pain"), ("paragraph", "Call us.")]


def test_the_paragraphs_of_a_loose_markdown_list_are_items():
    assert kinds(markdown.read("- Knee pain\n\n- Back pain\n\nAfter the list.\n", "x.md")) == [
        ("list-item", "Knee pain"), ("list-item", "Back pain"), ("paragraph", "After the list.")]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=[" ", "\\", "\n", "\r", "<", "b", "B", "r", "R", "x", ">", "İ"], max_size=20))
def test_the_quick_hard_break_check_agrees_with_the_pattern(text):
    from claimcheck.readers.items import _HARD_BREAK, _has_hard_break

    assert _has_hard_break(text) == (_HARD_BREAK.search(text) is not None)
