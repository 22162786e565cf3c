"""HTML: the visible text of a page, its title and meta descriptions, image
alt text, ``title`` and ``aria-label`` attributes, the copy props of MDX
components and custom elements, data attributes that hold copy (tooltips,
popovers), and the strings of JSON-LD data, each mapped back to exact
source characters. WordPress shortcodes (page builders' "[et_pb_text]",
"[vc_row]") are read as layout, their copy parameters as copy.

Built on the standard library's ``html.parser``: it is forgiving of broken
markup (unclosed tags, stray brackets), streams, and reports where each
event starts (``getpos()``). With ``convert_charrefs=False`` it hands over
text and character references separately, so every decoded character is
tied to its source: plain text to itself, ``&rsquo;`` or ``&#8217;`` to the
reference. (html5lib and lxml build a tree and give no offsets for text.)

Block elements end a block, so text from two blocks never runs together;
inline elements (``<b>cure</b>``) do not. ``script`` (except JSON-LD),
``style``, ``template``, ``noscript``, ``iframe``, ``pre``,
``code`` and what the ``skip`` selectors name (navigation, menus and
cookie banners by default) are skipped with their whole subtree. Elements
with ``hidden`` are read: what a page hides until a reader or a script
shows it (a tab, an accordion's panel, a review's "read more", a pop-up,
an A/B test's other variant) is published copy. An ``iframe``'s ``srcdoc``
(a page written, escaped, in an attribute) is read as a page of its own.
Comments are never prose; claimcheck's suppression comments work in HTML
as in Markdown.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Sequence
from html.parser import HTMLParser

from claimcheck.readers.copynames import SHORTCODE, TAG_PARAMETER, is_shortcode, named_like_copy
from claimcheck.readers.document import Block, Document
from claimcheck.readers import items, jsonld, references
from claimcheck.readers.prose import ProseBuilder, mapped
from claimcheck.readers.tables import Cursor

# Elements whose start or end separates blocks.
BLOCK_ELEMENTS = frozenset("""
address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol option p section summary
table tbody td tfoot th thead title tr ul button label legend select textarea head text desc
""".split())
# An inline SVG is read: its <text> labels (an infographic's "98% pain-free")
# and <title> / <desc> are copy, each a block; the rest of it is markup, but
# for an editor's <metadata> (Inkscape's "image/svg+xml"), skipped.
SKIPPED_ELEMENTS = frozenset("script style template noscript iframe pre code math object canvas metadata".split())
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Navigation and cookie / consent banners (tag, #id or .class); configurable
# (html_skip, which also takes [attribute]).
# "nav" also selects role="navigation", its ARIA equivalent. The classes are
# those of site builders' and themes' menus (WordPress's menu-item and
# sub-menu, Bootstrap's navbar, mega-menu plugins) and breadcrumb trails; a
# bare "menu" is not among them (a med spa's "treatment menu" is copy).
DEFAULT_SKIP = ("nav", "#cookie-banner", "#cookie-notice", "#cookie-consent", ".cookie-banner",
                ".cookie-notice", ".cookie-consent", ".consent-banner", "#onetrust-banner-sdk", ".cc-window",
                ".navbar", ".nav-menu", ".main-menu", ".mega-menu", ".sub-menu", ".menu-item",
                ".breadcrumb", ".breadcrumbs")
# <meta> whose content is copy: name= or property= values.
META_COPY = frozenset({"description", "og:title", "og:description", "twitter:title", "twitter:description"})
# Attributes whose value is copy, on any element.
ATTRIBUTE_COPY = ("alt", "title", "aria-label")
# A component: a JSX component in MDX (``<Hero title="..." subtitle="..."
# cta="..." />``), a PascalCase tag as written (HTML is case-blind, and
# ``<P>`` or ``<FONT>`` is old HTML, no component), or a custom element,
# whose name holds a hyphen (``<hero-banner subheading="...">``,
# ``<review-card quote="...">``). Its quoted props named like copy
# (subtitle, heading, description, ctaText, cta-label, quote...) are read as
# copy too.
_COMPONENT = re.compile(r"<[A-Z][A-Za-z0-9]*[a-z]")
# Data attributes that hold copy a script shows: a tooltip or popover
# ("data-bs-title", "data-bs-content", "data-original-title",
# "data-tippy-content", "data-tooltip"), a typewriter headline's phrases
# ("data-typed-items"), a caption ("data-caption"): "data-" (and Bootstrap's
# "bs-") dropped, the rest named like copy or one of these.
_DATA_COPY = re.compile(r"(?:bs)?(?:tooltip|tip|hint|typeditems|typedstrings)")
def without_shortcodes(source: str) -> str:
    """``source`` with its WordPress shortcodes read as layout, one character
    for one (every offset stays exact): each becomes ``<hr>`` and spaces, a
    boundary between blocks as the builder's sections, rows and modules
    are on the page; the values of its copy parameters (``title``,
    ``text``, ``button_text``...) are kept where they stand, each a block
    of its own. One inside a tag (an attribute's value) is read as blanks."""
    if "[" not in source or SHORTCODE.search(source) is None:
        return source
    seen = [0, False]  # how far the source has been scanned, and whether that point is inside a tag

    def inside_a_tag(at: int) -> bool:
        """Whether ``at`` lies inside a tag (an attribute's value): the last
        "<" or ">" before it, found scanning on from the last match (so each
        character is scanned once)."""
        opened, closed = source.rfind("<", seen[0], at), source.rfind(">", seen[0], at)
        if opened >= 0 or closed >= 0:
            seen[1] = opened > closed
        seen[0] = at
        return seen[1]

    def layout(match: re.Match) -> str:
        if not is_shortcode(match):
            return match.group()
        tag, closing = match.group(), match.group(1)
        if inside_a_tag(match.start()):
            return " " * len(tag)  # in an attribute's value: blanks, no markup
        out = list("<hr>" + " " * (len(tag) - 4))
        if not closing:
            for value in TAG_PARAMETER.finditer(tag):
                if value.group(3).strip() and named_like_copy(value.group(1)):
                    start = value.start(3)
                    if start - 3 >= 4:
                        out[start - 3:start] = "<p>"  # the value a block of its own
                    out[start:value.end(3)] = value.group(3)
        return "".join(out)

    return SHORTCODE.sub(layout, source)


def _data_copy(name: str) -> bool:
    """Whether data attribute ``name`` ("data-bs-title") holds copy."""
    rest = name[5:]
    return named_like_copy(rest) or _DATA_COPY.fullmatch(rest.replace("-", "").replace("_", "")) is not None


_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


def read(source: str, path: str, skip: Sequence[str] = DEFAULT_SKIP) -> Document:
    parsed = without_shortcodes(source)
    return Document(path, source, items.split(_rejoined(_parse(parsed, skip), parsed), parsed, hard_breaks=True))


def blocks_of(source: str, start: int, end: int, skip: Sequence[str] = DEFAULT_SKIP) -> list[Block]:
    """The blocks of the HTML in ``source[start:end]`` (a Markdown HTML
    block), offsets into ``source``; their kinds start with ``html-``. Not
    yet cut at list markers: the Markdown reader cuts all its blocks. (Its
    shortcodes are blanks already: the Markdown reader reads them first.)"""
    return [dataclasses.replace(block.shifted(start), kind=f"html-{block.kind}")
            for block in _parse(source[start:end], skip)]


def _parse(source: str, skip: Sequence[str], framed: bool = True) -> list[Block]:
    parser = _Parser(source, skip, framed)
    parser.feed(_closable(source))
    parser.close()
    parser.flush()
    return parser.blocks


# Site builders (Wix, some page builders) and word processors' exports put
# each line an author typed in a <p> of its own, so a sentence wrapped by hand
# is cut in pieces ("Our exosome infusions switch off the" / "chronic
# inflammation behind arthritis,"). A <p> that ends inside a sentence (a
# letter, a digit or a comma) and is followed, with only markup and blanks
# between (at most _GAP characters: time stays linear), by a <p> that starts
# in lower case is read as one block with it. (Other elements keep their
# blocks apart: "<div>Stem cells<div>cure</div></div>" is a label and a word.)
_GAP = 2_000
_MARKUP_ONLY = re.compile(r"(?:\s|<[^<>]*>)*")
_PARAGRAPH_END = re.compile(r"</p\s*>", re.IGNORECASE)
_PARAGRAPH_START = re.compile(r"<p[\s>]", re.IGNORECASE)


def _rejoined(blocks: list[Block], source: str) -> list[Block]:
    groups: list[list[Block]] = []
    for block in blocks:
        before = groups[-1][-1] if groups else None
        if (before is not None and before.kind == block.kind == "paragraph" and block.text[:1].islower()
                and (before.text[-1:].isalnum() or before.text.endswith(","))):
            end, start = before.source_span(len(before.text) - 1, len(before.text))[1], block.source_offset(0)
            if (0 <= start - end <= _GAP and _MARKUP_ONLY.fullmatch(source, end, start)
                    and _PARAGRAPH_END.search(source, end, start) and _PARAGRAPH_START.search(source, end, start)):
                groups[-1].append(block)
                continue
        groups.append([block])
    return [group[0] if len(group) == 1 else Block.joined(group) for group in groups]


def _closable(source: str) -> str:
    """``source`` as it is fed to the parser: every ``<`` after the last
    ``>`` read as a no-break space (one character for one: positions, and
    the text taken from ``source``, stay the same). Nothing after the last
    ``>`` can close, so each tag, end tag, declaration or processing
    instruction there is text in the end; but html.parser looks for its end
    first, to the end of the page, for each of them: time quadratic in their
    number (26,000 unclosed "<a " took 48 s)."""
    last = source.rfind(">")
    if source.find("<", last + 1) < 0:
        return source
    return source[:last + 1] + source[last + 1:].replace("<", "\u00a0")


class _Parser(HTMLParser):
    def __init__(self, source: str, skip: Sequence[str], framed: bool = True) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.skip = skip
        self.framed = framed  # an iframe's srcdoc is read (not inside one: no recursion)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.tags, self.ids, self.classes, self.attributes = _selectors(skip)
        self.blocks: list[Block] = []
        self.builder = ProseBuilder(source)
        self.kind = "paragraph"
        self.tables = Cursor()
        self.skipping: list[str] = []  # open skipped elements (their tag names)
        self.json_ld = False
        self._unclosed: tuple[str, int] | None = None  # (rawdata, where) a comment found no end

    # -- constructs html.parser handles badly ---------------------------------------
    def parse_comment(self, i, report=1):
        """html.parser's, but once a comment has found no end, one after it
        is not looked for again: each search runs to the end of the page
        (unclosed "<!--" after unclosed "<!--": time quadratic in their number)."""
        if self._unclosed is not None and self._unclosed[0] is self.rawdata and i >= self._unclosed[1]:
            return -1
        end = super().parse_comment(i, report)
        if end < 0:
            self._unclosed = (self.rawdata, i)
        return end

    def parse_marked_section(self, i, report=1):
        """As HTML reads it outside SVG and MathML: ``<![`` opens a bogus
        comment that the next ``>`` ends ("<![CDATA[...]]>", Outlook's
        "<![if mso]>"). html.parser wants one of a few keywords and raises
        AssertionError on any other ("<![foo[", a file lost)."""
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    # -- positions ----------------------------------------------------------------
    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- blocks -------------------------------------------------------------------
    def flush(self, kind: str | None = None) -> None:
        block = self.builder.build(self.kind)
        if block is not None:
            lead = self.tables.lead(block.text)
            self.blocks.append(dataclasses.replace(block, lead=lead) if lead else block)
        self.builder = ProseBuilder(self.source)
        self.kind = kind or "paragraph"

    def _attribute_block(self, kind: str, start: int, end: int) -> None:
        builder = ProseBuilder(self.source)
        references.add(builder, self.source, start, end)
        block = builder.build(kind)
        if block is not None:
            self.blocks.append(block)

    # -- events ---------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, void=tag in VOID_ELEMENTS)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, void=True)

    def _start(self, tag: str, attrs, void: bool) -> None:
        if self.skipping:
            if not void and tag == self.skipping[0]:
                self.skipping.append(tag)  # the same element nested: count it
            return
        values = dict(attrs)
        if tag == "script" and (values.get("type") or "").strip().lower() == "application/ld+json":
            self.json_ld = True
            return
        role = (values.get("role") or "").strip().lower()
        skipped = self._selected(tag, values, role)
        if tag == "iframe" and self.framed and not skipped and values.get("srcdoc"):
            self._srcdoc()
        if tag in SKIPPED_ELEMENTS or skipped:
            if not void:
                self.skipping.append(tag)
            return
        if tag in BLOCK_ELEMENTS:
            if tag in ("ul", "ol") and self.kind == "list-item":
                self.kind = "list-group"  # the item's own text heads a list of its own
            self.flush("heading" if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title") else
                       "list-item" if tag == "li" else "table-cell" if tag in ("td", "th") else None)
            self._table_start(tag, values)
        elif tag == "br":
            self.builder.separate()
        self._attributes(tag, values)
        if tag in ("a", "img", "input", "select"):
            self.builder.separate()

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag == "script":
            self.json_ld = False
            return
        if tag in BLOCK_ELEMENTS:
            self.flush()
            if tag == "table":
                self.tables.end_table()
            elif tag == "thead":
                self.tables.head(False)
        elif tag == "a":
            self.builder.separate()

    def handle_data(self, data):
        if self.json_ld:
            self._json_ld(self._here(), len(data))
        elif not self.skipping:
            start = self._here()
            self.builder.add(start, start + len(data))

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def _reference(self, text: str) -> None:
        if self.skipping or self.json_ld:
            return
        start = self._here()
        end = start + len(text)
        if self.source.startswith(";", end):
            end += 1
        decoded = html.unescape(self.source[start:end])
        if decoded == self.source[start:end]:
            self.builder.add(start, end)  # not a known reference: the text itself
        else:
            for char in decoded:
                self.builder.add_char(char, start, end - start)

    def _table_start(self, tag: str, values: dict) -> None:
        if tag in ("td", "th"):
            self.tables.cell(tag == "th", values.get("colspan"))
        elif tag == "tr":
            self.tables.row()
        elif tag == "table":
            self.tables.table()
        elif tag in ("thead", "tbody", "tfoot"):
            self.tables.head(tag == "thead")

    # -- attributes -----------------------------------------------------------------
    def _selected(self, tag: str, values: dict, role: str) -> bool:
        if tag in self.tags or (role == "navigation" and "nav" in self.tags):
            return True
        if values.get("id") in self.ids:
            return True
        if self.attributes and not self.attributes.isdisjoint(values):
            return True
        classes = (values.get("class") or "").split()
        return any(c in self.classes for c in classes)

    def _attributes(self, tag: str, values: dict) -> None:
        wanted = [name for name in ATTRIBUTE_COPY if values.get(name)]
        meta = tag == "meta" and (values.get("name") or values.get("property") or values.get("itemprop")
                                  or "").lower() in META_COPY
        component = "-" in tag or _COMPONENT.match(self.get_starttag_text() or "") is not None
        data = any(name.startswith("data-") and _data_copy(name) and values.get(name) for name in values)
        if not wanted and not meta and not component and not data:
            return
        spans = self._attribute_spans()
        if data and not component:
            wanted = [name for name in spans if values.get(name) and (
                name in ATTRIBUTE_COPY or name.startswith("data-") and _data_copy(name))]
        if component:  # its copy props, in the order they are written
            wanted = [name for name in spans if values.get(name) and (
                name in ATTRIBUTE_COPY or named_like_copy(name))]
        for name in wanted:
            if name in spans:
                self._attribute_block("attribute", *spans[name])
        if meta and "content" in spans:
            self._attribute_block("meta", *spans["content"])

    def _attribute_spans(self) -> dict[str, tuple[int, int]]:
        """Where each attribute's value lies in the source (quotes excluded)."""
        text = self.get_starttag_text() or ""
        start = self._here()
        found = {}
        name_end = len(re.match(r"<[^\s/>]*", text).group())
        for match in _ATTRIBUTE.finditer(text, name_end):
            name, value = match.group(1).lower(), match.group(2)
            if value is None or name in found:
                continue
            value_start = match.start(2)
            if value[:1] in ("'", '"'):
                found[name] = (start + value_start + 1, start + value_start + len(value) - 1)
            else:
                found[name] = (start + value_start, start + value_start + len(value))
        return found

    def _srcdoc(self) -> None:
        """An iframe's ``srcdoc``: the HTML of a page of its own, escaped in
        an attribute ("&lt;p&gt;Our disc injections heal..."). It is decoded
        (each character tied to the source it came from), read as HTML (not
        reading a srcdoc within it: each character is read at most twice),
        and its blocks mapped back to this page's characters."""
        span = self._attribute_spans().get("srcdoc")
        if span is None:
            return
        self.flush()
        decoded, starts, ends = references.decode(self.source, *span)
        for block in _parse(decoded, self.skip, framed=False):
            block = mapped(block, self.source, starts, ends)
            if block is not None:
                self.blocks.append(block)

    # -- JSON-LD ----------------------------------------------------------------------
    def _json_ld(self, start: int, length: int) -> None:
        """Each string value of the JSON (not keys, URLs or ``@`` fields) is a block."""
        self.blocks.extend(jsonld.blocks(self.source, start, length))


def _selectors(skip: Sequence[str]) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """Tags, ids (``#id``), classes (``.class``) and attributes an element
    holds (``[hidden]``, ``[data-variant]``, whatever their values)."""
    tags = frozenset(s.lower() for s in skip if s[:1] not in "#.[")
    ids = frozenset(s[1:] for s in skip if s.startswith("#"))
    classes = frozenset(s[1:] for s in skip if s.startswith("."))
    attributes = frozenset(s[1:-1].strip().lower() for s in skip if s.startswith("[") and s.endswith("]"))
    return tags, ids, classes, attributes
