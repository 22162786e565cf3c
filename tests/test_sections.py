"""Long Markdown files are parsed a section at a time (a parse tree costs
about twenty times its text). Cutting must never change what is read: the
blocks of a sectioned parse equal those of a whole-file parse, whatever
fences, HTML blocks, lists, quotes and line endings surround the cuts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.readers.markdown import make_parser, read, sections

CHUNKS = [
    "Stem cells cure arthritis.",
    "Our office is open {n} days a week.",
    "# Heading {n}",
    "## Stem cells heal knees",
    "```\ncode line\n\nStem cells cure autism in code.\n\n# not a heading\n```",
    "~~~~ python\nx = 1\n\nPRP heals tendons here too.\n~~~~",
    "``` `not a fence` text\nStill a paragraph.",
    "<!--\n\nExosomes reverse aging, in a comment.\n\n-->",
    "<script>\n\nvar cure = 1;\n\n</script>",
    "<div>\nhtml block\n</div>",
    "- item one\n- item two\n\n  continued item\n\n      indented code in item",
    "1. first\n2. second",
    "> quoted stem cells cure\n> arthritis",
    "| a | b |\n|---|---|\n| stem cells | cure |",
    "    indented code\n\n    Stem cells cure it.",
    "Setext heading\n===",
    "Café 中文 😀: stem cells cure arthritis.",
    "<?php\n\necho 'cure';\n\n?>",
    "<pre>\n\nStem cells cure it.\n</pre>",
    "> ```\n> quoted fence\n\nAfter the quote.",
    "<!DOCTYPE html\n\nStill the declaration.\n>",
    "- ```\n  fence in item\n\n  # heading inside\n  ```",
]


@st.composite
def markdown_docs(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    parts = [c.format(n=n) for n, c in enumerate(draw(st.lists(st.sampled_from(CHUNKS), min_size=1, max_size=14)))]
    separators = draw(st.lists(st.sampled_from(["\n\n", "\n\n\n", "\n", "\n  \n"]), min_size=len(parts), max_size=len(parts)))
    front = draw(st.sampled_from(["", "---\ntitle: Stem cells\n\n# in front matter\n---\n"]))
    text = front + "".join(p + s for p, s in zip(parts, separators))
    return text.replace("\n", newline)


@settings(max_examples=300, deadline=None)
@given(markdown_docs(), st.integers(1, 120))
def test_a_sectioned_parse_reads_the_same_blocks(source, size):
    assert read(source, "page.md", section_chars=size).blocks == read(source, "page.md").blocks


@settings(max_examples=100, deadline=None)
@given(markdown_docs(), st.integers(1, 120))
def test_sections_cover_the_source_in_order(source, size):
    spans = [(start, end) for start, end, *_ in sections(source, make_parser(), size)]
    assert spans[0][0] == 0 and spans[-1][1] == len(source)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(spans, spans[1:]))


def test_a_long_page_is_cut_before_headings_and_paragraphs():
    page = "".join(f"# Part {n}\n\nStem cells cure arthritis, part {n}.\n\n" for n in range(50))
    spans = [(start, end) for start, end, *_ in sections(page, make_parser(), 100)]
    assert len(spans) > 10
    assert all(page[start] in "#S" for start, _ in spans)
