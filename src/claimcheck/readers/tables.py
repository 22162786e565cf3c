"""A table's data cells read with their headers.

A comparison table says what it claims through its layout: under "Cell
therapy", in the row "Knee arthritis", a cell reads "✔ Regrows cartilage".
Alone, the cell names no product and no condition. The readers give each
data cell a lead (:attr:`claimcheck.readers.document.Block.lead`): its
column's header and its row's header, which the rules read before the cell
("Cell therapy, Knee arthritis: ✔ Regrows cartilage") and never report.

Which cells: a data cell is a cell of a body row (not a header row) that is
not the row's first cell; the row's first cell is its header, a header row's
cells are the column headers (HTML: the rows of ``<thead>``, or a first row
of ``<th>`` cells; Markdown: the row above the delimiter row). A header
longer than :data:`HEADER_CHARS` is prose, not a label, and is left out; a
cell that says no (a cross mark, "No", "None", "Not ...", a dash) takes no
lead: it denies the column's product what the row names. Unless what the
header names is a harm ("Risks", "Side effects") and the cell only says
"None" or "No": then it denies the harm, a safety claim, and its lead says
so ("Our injection: no Risks: "). Only a table's first
:data:`MAX_LED_CELLS` data cells take one.
"""

from __future__ import annotations

import re

# A header of more characters is a sentence or a paragraph (a layout table's
# cell), not a label: left out of the lead. It also bounds a lead's length,
# so that a table of tiny cells costs at most a few times its own text.
HEADER_CHARS = 60
# A cell that opens with one of these denies (a cross mark, a dash, a word
# of refusal): "✘ Wears off", "No", "- ", "Not covered".
_SAYS_NO = re.compile(r"\s*(?:[\u2717\u2718\u2715\u2716\u274c\u274e\u00d7\u2012-\u2015\-]|"
                      r"(?:no|not|none|never|n/a|without)\b)", re.IGNORECASE)
# A cell of at most this many words affirms what its headers say.
AFFIRMING_WORDS = 3
# What ends a header and would only repeat the lead's own colon.
_TRAILING = " \t:;,.-\u2013\u2014"


# A header naming a harm ("Risks", "Side effects", "Risk of rejection"), and
# a cell that only says there is none of it ("None", "No").
_HARM = re.compile(r"\b(?:risks?|side[- ]effects?|complications?|adverse)\b", re.IGNORECASE)
_NONE = re.compile(r"\s*(?:none|no)\s*[.!]?\s*", re.IGNORECASE)


def lead(column: str | None, row: str | None, cell: str) -> str:
    """The lead of a data cell whose text is ``cell``, under the column
    header ``column`` and in the row whose header is ``row`` (either may be
    None): "column, row: ", or "" when neither is a label or the cell says no.
    A cell that only says no under a header naming a harm denies the harm:
    "column: no row: " ("Cell therapy: no Risks: " before "None")."""
    names = [name for name in (_label(column), _label(row)) if name]
    if not names:
        return ""
    if _SAYS_NO.match(cell):
        harms = [name for name in names if _HARM.search(name)]
        if not harms or not _NONE.fullmatch(cell):
            return ""
        others = [name for name in names if name not in harms]
        return "".join(f"{name}: " for name in others) + f"no {harms[0]}: "
    return ", ".join(names) + ": "


def stands_alone_in_lead(cell: str) -> bool:
    """Whether a rule's match that lies wholly in a cell's lead (its
    headers) is the cell's claim: when the cell only affirms it ("✔",
    "Yes", "✔ Included", at most :data:`AFFIRMING_WORDS` words). A cell that
    says more is content of its own, and the header over it describes it
    ("What the evidence shows" over a trial's result)."""
    return len(cell.split()) <= AFFIRMING_WORDS


def _label(header: str | None) -> str:
    if not header or len(header) > HEADER_CHARS:
        return ""
    return header.strip().rstrip(_TRAILING)


# Only a table's first this many data cells take a lead. A comparison table
# is short (a few conditions or products by a few columns); a table of
# thousands of rows is data, and a lead before each of its cells (tiny ones
# most often: "✔", "3") would multiply the text the rules read.
MAX_LED_CELLS = 200
# A header's colspan is followed up to this many columns (a hostile
# colspan="100000" costs no more).
MAX_COLSPAN = 64


class _Table:
    """One open table while a reader goes through it."""

    __slots__ = ("headers", "rows", "column", "row_header", "head", "led")

    def __init__(self) -> None:
        self.headers: dict[int, str] = {}
        self.rows = 0
        self.column = 0
        self.row_header: str | None = None
        self.head = False  # inside <thead>
        self.led = 0  # data cells given a lead


class Cursor:
    """Where a reader is in its tables, nested ones included (the HTML reader
    as it streams through tags, the Markdown reader over a table's tree): it
    reports table, row and cell starts as it meets them, and the text of
    each cell's first block as it is built; :meth:`lead` answers for that
    block. A reader's state while it reads, not data: mutable."""

    __slots__ = ("_tables", "_cell")

    def __init__(self) -> None:
        self._tables: list[_Table] = []
        # the open cell, until its first block: its table, first and last column + 1, in a header row
        self._cell: tuple[_Table, int, int, bool] | None = None

    def table(self) -> None:
        self._tables.append(_Table())
        self._cell = None

    def end_table(self) -> None:
        if self._tables:
            self._tables.pop()
        self._cell = None

    def head(self, inside: bool) -> None:
        if self._tables:
            self._tables[-1].head = inside

    def row(self) -> None:
        if self._tables:
            table = self._tables[-1]
            table.rows += 1
            table.column = 0
            table.row_header = None
        self._cell = None

    def cell(self, header_tag: bool, colspan: str | None) -> None:
        """A cell starts (``header_tag``: a ``<th>``)."""
        if not self._tables:
            self._cell = None
            return
        table = self._tables[-1]
        if table.rows == 0:
            table.rows = 1  # cells without a <tr>: a first row
        header_row = table.head or (table.rows == 1 and header_tag)
        span = int(colspan) if colspan and colspan.strip().isdecimal() else 1
        self._cell = (table, table.column, table.column + min(max(span, 1), MAX_COLSPAN), header_row)
        table.column = self._cell[2]

    def lead(self, text: str) -> str:
        """The lead of the open cell's first block, whose text is ``text``
        (a header cell's text is remembered for the cells below or beside
        it); "" for a block that is not a cell's first."""
        if self._cell is None:
            return ""
        table, column, end, header_row = self._cell
        self._cell = None
        if header_row:
            for at in range(column, end):
                table.headers[at] = text
            return ""
        if column == 0:
            table.row_header = text
            return ""
        if table.led >= MAX_LED_CELLS:
            return ""
        found = lead(table.headers.get(column), table.row_header, text)
        table.led += bool(found)
        return found
