"""Table cells read with their column's and row's headers (claimcheck.readers.tables)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.readers import html, markdown
from claimcheck.readers.tables import HEADER_CHARS, lead

COMPARISON_HTML = """<table>
<thead><tr><th>Condition</th><th>PRP</th><th>Steroid shot</th></tr></thead>
<tbody>
<tr><td>Tennis elbow</td><td>&#10004; Repairs the tendon</td><td>&#10008; Wears off</td></tr>
<tr><td>Plantar fasciitis</td><td><p>Heals the fascia</p></td><td>No</td></tr>
</tbody></table>
"""

COMPARISON_MD = """| Condition | PRP | Steroid shot |
|---|---|---|
| Tennis elbow | ✔ Repairs the tendon | ✘ Wears off |
| Plantar fasciitis | *Heals* the fascia | No |
"""


def _leads(blocks) -> dict[str, str]:
    return {block.text: block.lead for block in blocks}


def test_a_data_cell_leads_with_its_column_and_row_headers():
    assert lead("PRP", "Tennis elbow", "Repairs the tendon") == "PRP, Tennis elbow: "
    assert lead("PRP:", None, "Repairs the tendon") == "PRP: "
    assert lead(None, "Exosomes", "✔") == "Exosomes: "
    assert lead(None, None, "Repairs the tendon") == ""


def test_a_long_header_is_prose_not_a_label():
    sentence = "Our providers explain every option at a free consultation visit."
    assert len(sentence) > HEADER_CHARS
    assert lead(sentence, "Tennis elbow", "Repairs the tendon") == "Tennis elbow: "
    assert lead(sentence, sentence, "Repairs the tendon") == ""


@pytest.mark.parametrize("cell", ["✘ Wears off", "❌", "× Masks pain", "No", "none", "Not covered", "- ", "— 6 weeks",
                                  "N/A", "Without imaging"])
def test_a_cell_that_says_no_takes_no_lead(cell):
    assert lead("Exosomes", "FDA approved", cell) == ""


@pytest.mark.parametrize("column, row, cell, expected", [
    ("Our injection", "Risks", "None", "Our injection: no Risks: "),
    ("Risk of rejection", "Exosomes", "No", "Exosomes: no Risk of rejection: "),
    (None, "Side effects", "No.", "no Side effects: "),
    ("Our injection", "Risks", "Not known", ""),  # says no, and more than that there is none
    ("Our injection", "Risks", "None known", ""),
    ("Our injection", "Downtime", "None", ""),  # no harm named
])
def test_a_cell_that_only_says_no_to_a_harm_denies_the_harm(column, row, cell, expected):
    assert lead(column, row, cell) == expected


def test_a_comparison_tables_none_under_risks_is_a_safety_claim(packs_only):
    """Thirty-third session: an orthopaedic practice's table compares knee
    replacement ("Infection, blood clots") with its injection ("None")."""
    source = ("<table><tr><th></th><th>Knee replacement</th><th>Our stem cell injection</th></tr>\n"
              "<tr><td>Risks</td><td>Infection, blood clots</td><td>None</td></tr>\n"
              "<tr><td>Downtime</td><td>Months</td><td>None</td></tr></table>\n")
    found = [f for f in packs_only.lint_text(source, "t.html") if f.category == "safety"]
    assert [(f.line, f.text) for f in found] == [(2, "None")]


@pytest.mark.parametrize("cell", ["Minimal", "Virtually none", "Almost zero"])
def test_a_risk_given_a_value_of_none_in_a_table_is_a_safety_claim(packs_only, cell):
    """Thirty-eighth session: a cell that grades a harm as none ("Virtually
    none", "Minimal") under its row's name denies the harm, as "None" does."""
    source = ("| | Our stem cell injection |\n|---|---|\n"
              f"| Risk of complications | {cell} |\n| Recovery time | 1-2 days |\n")
    found = [f for f in packs_only.lint_text(source, "t.md") if f.category == "safety"]
    assert [(f.line, f.rule) for f in found] == [(3, "safety.no-risk")]


@pytest.mark.parametrize("cell", ["✔ Yes", "Yes", "Nothing to fear", "Notable results", "Nonsurgical"])
def test_a_cell_that_says_yes_takes_its_lead(cell):
    assert lead("Exosomes", "FDA approved", cell) == "Exosomes, FDA approved: "


def test_html_cells_lead_with_thead_headers_and_the_row_header():
    leads = _leads(html.read(COMPARISON_HTML, "t.html").blocks)
    assert leads["\u2714 Repairs the tendon"] == "PRP, Tennis elbow: "
    assert leads["Heals the fascia"] == "PRP, Plantar fasciitis: "  # a cell's first block, a <p> in it
    assert leads["\u2718 Wears off"] == leads["No"] == ""
    assert leads["Condition"] == leads["PRP"] == leads["Tennis elbow"] == ""


def test_html_first_row_of_th_cells_is_the_header_row_and_colspan_spans_columns():
    source = ("<table><tr><th>Result</th><th colspan='2'>Stem cells</th></tr>"
              "<tr><td>Cartilage</td><td>Regrows</td><td>In weeks</td></tr></table>")
    leads = _leads(html.read(source, "t.html").blocks)
    assert leads["Regrows"] == leads["In weeks"] == "Stem cells, Cartilage: "


def test_html_without_header_row_leads_with_the_row_header_only():
    source = "<table><tr><td>Exosome IV</td><td>Reverses aging</td></tr></table>"
    assert _leads(html.read(source, "t.html").blocks)["Reverses aging"] == "Exosome IV: "


def test_html_nested_and_stray_cells():
    source = ("<table><tr><th>A</th><th>Stem cells</th></tr><tr><td>Knees</td><td>"
              "<table><tr><td>Inner</td><td>Heals</td></tr></table></td></tr></table><td>Stray cell</td>")
    leads = _leads(html.read(source, "t.html").blocks)
    assert leads["Heals"] == "Inner: "  # the innermost table's headers
    assert leads["Stray cell"] == ""  # no table open


def test_markdown_cells_lead_with_their_headers():
    leads = _leads(markdown.read(COMPARISON_MD, "t.md").blocks)
    assert leads["✔ Repairs the tendon"] == "PRP, Tennis elbow: "
    assert leads["Heals the fascia"] == "PRP, Plantar fasciitis: "
    assert leads["✘ Wears off"] == leads["No"] == leads["Tennis elbow"] == leads["PRP"] == ""


@pytest.mark.parametrize("source,path", [(COMPARISON_HTML, "t.html"), (COMPARISON_MD, "t.md")])
def test_a_claim_made_by_the_layout_is_reported_on_its_cell(packs_only, source, path):
    """"Repairs the tendon" alone names no product; under "PRP" it claims a
    treatment. The finding lies in the cell; its message quotes what was read."""
    found = [f for f in packs_only.lint_text(source, path) if f.rule == "unapproved.disease-treatment"]
    assert [f.line for f in found] == [3, 4] if path.endswith(".md") else [4, 5]
    for finding in found:
        assert finding.text == source[finding.offset:finding.end_offset]
        assert "Steroid" not in finding.text and "PRP" not in finding.text
    assert "PRP, Tennis elbow:" in found[0].message


def test_a_claim_inside_the_headers_is_reported_on_the_whole_cell(packs_only):
    source = "| Product | FDA approved |\n|---|---|\n| Our exosomes | ✔ Yes |\n| Saline | No |\n"
    found = [f for f in packs_only.lint_text(source, "t.md") if f.rule.startswith("fda.") and f.line > 1]
    assert {(f.line, f.text) for f in found} == {(3, "✔ Yes")}  # (the header alone is read as it always was)


def test_without_headers_a_cell_is_read_alone(packs_only):
    assert not packs_only.lint_text("| a | b |\n|---|---|\n| ✔ | Regrows cartilage |\n", "t.md")
    assert not packs_only.lint_text("<table><tr><td></td><td>Regrows cartilage</td></tr></table>", "t.html")


_WORDS = st.sampled_from(["Stem cells", "PRP", "Knee arthritis", "✔ Heals", "✘ No", "Regrows cartilage", "é",
                          "&amp;", "FDA approved", "Yes", "", "  ", "\t", "cures", "\r\n"])


@given(st.lists(st.lists(_WORDS, min_size=1, max_size=4), min_size=1, max_size=4), st.booleans())
def test_every_table_finding_lies_in_one_cell_and_matches_its_source(packs_only, rows, as_html):
    """Whatever the lead made a rule read, a finding's span is source text
    of one cell (never a header's) and its position is exact."""
    if as_html:
        source = "<table>" + "".join(
            "<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{cell}</{'th' if r == 0 else 'td'}>" for cell in row) + "</tr>"
            for r, row in enumerate(rows)) + "</table>"
        path = "t.html"
    else:
        width = max(map(len, rows))
        clean = [[cell.replace("\r\n", " ").strip() or "-" for cell in row] + ["-"] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(clean[0]) + " |", "|" + "---|" * width] + ["| " + " | ".join(r) + " |" for r in clean[1:]]
        source = "\n".join(lines) + "\n"
        path = "t.md"
    starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]
    for finding in packs_only.lint_text(source, path):
        assert finding.text == source[finding.offset:finding.end_offset]
        assert starts[finding.line - 1] + finding.column - 1 == finding.offset
        assert "|" not in finding.text and "<t" not in finding.text


def test_a_header_over_a_cell_that_says_more_describes_it(packs_only):
    """A match wholly in the headers stands only over a cell that affirms
    it ("✔ Yes"); over a result of its own the header describes the cell."""
    source = ("| Treatment | What the evidence shows |\n|---|---|\n"
              "| Walking program | Reduces pain and improves function in trials |\n| Our exosomes | ✔ Yes |\n")
    found = [(f.line, f.rule) for f in packs_only.lint_text(source, "t.md") if f.line > 1]
    assert (4, "efficacy.proven") in found
    assert not [line for line, _ in found if line == 3]


def test_on_a_research_page_a_cells_finding_is_confirmed_by_the_cell_alone(linter, packs_only):
    """A pack finding made through the headers ("Exosome arm, Improved
    function reported: 41 (41%)") on a page that is not a seller's stands
    only if the scorer, reading the cell alone, does not rule out a claim."""
    source = ("# Results of a randomized trial\n\n"
              "Researchers enrolled 200 participants; the study found no difference between groups, "
              "according to the investigators.\n\n"
              "| Outcome | Exosome arm (n=100) | Placebo (n=100) |\n|---|---|---|\n"
              "| Improved function reported | 41 (41%) | 39 (39%) |\n")
    assert not [f for f in linter.lint_text(source, "t.md") if f.line == 7]
    assert [f.rule for f in packs_only.lint_text(source, "t.md") if f.line == 7]  # the packs alone read a claim
    # an arm named a group ("Exosome group") is research voice to the packs too
    grouped = source.replace("Exosome arm", "Exosome group")
    assert not [f for f in packs_only.lint_text(grouped, "t.md") if f.line == 7]


@pytest.mark.parametrize("path", ["t.md", "t.html"])
def test_a_column_of_uses_lists_what_each_product_treats(packs_only, path):
    """A header that announces uses ("Use", "Indications") over a column
    makes each of its cells an item of a list of uses, as a heading over a
    bullet list does: "Knee arthritis" under "Use" says the product treats it.
    A column of something else ("Size") lists nothing, nor does a cell that
    explains in a sentence."""
    rows = [("CellX 5 mL", "Knee arthritis"), ("CellX 10 mL", "Long COVID"),
            ("CellX Neuro", "Migraine is common and has many causes.")]
    if path.endswith(".md"):
        source = "| Product | Use | Size |\n|---|---|---|\n" + "".join(
            f"| {name} | {use} | Knee arthritis |\n" for name, use in rows)
    else:
        source = "<table><tr><th>Product</th><th>Use</th><th>Size</th></tr>\n" + "".join(
            f"<tr><td>{name}</td><td>{use}</td><td>Knee arthritis</td></tr>\n" for name, use in rows) + "</table>\n"
    found = [f for f in packs_only.lint_text(source, path) if f.rule == "unapproved.listed-use"]
    first = source.count("\n", 0, source.index("CellX 5")) + 1
    assert [(f.line, f.text) for f in found] == [(first, "Knee arthritis"), (first + 1, "Long COVID")]
    for finding in found:
        assert finding.text == source[finding.offset:finding.end_offset]
        before = source[source.rindex("\n", 0, finding.offset) + 1:finding.offset]
        assert "CellX" in before and "Knee arthritis" not in before  # the cell under "Use", not "Size"
