"""Markdown as sites write it, made readable by a CommonMark parser.

Static-site generators and note apps add syntax that CommonMark reads as
prose or as structure the site never renders: template tags and comments
(Hugo, Liquid, Jinja, Handlebars), WordPress shortcodes, kramdown attribute
lists, MkDocs admonitions and tabs, colon fences, callouts, highlights, wiki
links, MDX's JavaScript props and import / export lines; and some input
would trap or crash the parser (backticks that close no code span after a
"[", a footnote's caret, pathological nesting). :func:`defused` reads each
as blanks or as the copy it shows, one character for one, so that every
offset into the text stays an offset into the source.
"""

from __future__ import annotations

import bisect
import re

from claimcheck.readers.copynames import SHORTCODE, TAG_PARAMETER, is_shortcode, named_like_copy

# A backtick string (group 1), or a backslash escape, skipped ("\\`" is a
# literal backtick, "\\\\" a backslash before whatever follows).
_TICKS = re.compile(r"\\[^\n]|(`+)")


_FENCE = re.compile(r" {0,3}```")


def literal_ticks(text: str) -> str:
    """``text`` with each backtick string that closes no code span and
    follows a "[" on its line as apostrophes: one with no later string of the
    same length on its line (a code span across lines is then read as
    prose). Code fences are left alone."""
    chars = None
    tick = text.find("`")
    while tick >= 0:  # each line with a backtick, found by str.find (time linear in the text)
        line_start = text.rfind("\n", 0, tick) + 1
        line_end = text.find("\n", tick)
        line_end = len(text) if line_end < 0 else line_end
        tick = text.find("`", line_end)
        bracket = text.find("[", line_start, line_end)
        if bracket < 0 or _FENCE.match(text, line_start):
            continue  # no "[" before it on the line (the panic needs one), or a code fence
        runs = [m.span(1) for m in _TICKS.finditer(text, line_start, line_end) if m.group(1)]
        later: dict[int, list[int]] = {}  # length -> indices of the strings of that length, in order
        for index, (start, end) in enumerate(runs):
            later.setdefault(end - start, []).append(index)
        index = 0
        while index < len(runs):
            start, end = runs[index]
            same = later[end - start]
            position = bisect.bisect_right(same, index)
            if position < len(same):
                index = same[position] + 1  # a code span: the strings inside it are its text
                continue
            if start > bracket:
                if chars is None:
                    chars = list(text)
                chars[start:end] = "'" * (end - start)
            index += 1
    return text if chars is None else "".join(chars)


# markdown-it-pyrs frees a parse tree recursively: a tree some 45,000 levels
# deep (emphasis inside emphasis, quotes inside quotes) overflows the stack
# and kills the process. No real page nests like that, so a paragraph with
# more emphasis delimiters than this, or a line with a longer run of container
# markers (quote, list, indentation) at its start, has those characters read
# as no-break spaces: one character for one, so every offset stays exact, and
# the prose is the same words without the markup.
MAX_MARKERS = 10_000
_EMPHASIS_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n)){%d,}" % MAX_MARKERS)
# (an ordered list's marker, "1." or "1)", opens a list as a bullet does:
# "1. 1. 1. ..." on one line nests as deep as "- - - ...")
_DEEP_LINE = re.compile(r"^(?:[ \t>*+\-]|\d{1,9}[.)]){%d,}" % MAX_MARKERS, re.MULTILINE)
_NEUTRAL = str.maketrans({"*": "\u00a0", "_": "\u00a0", "~": "\u00a0", ">": "\u00a0", "+": "\u00a0",
                          "-": "\u00a0", " ": "\u00a0", "\t": "\u00a0", ".": "\u00a0", ")": "\u00a0",
                          **{str(digit): "\u00a0" for digit in range(10)}})
_EMPHASIS_ONLY = str.maketrans({"*": "\u00a0", "_": "\u00a0", "~": "\u00a0"})


# Static-site template tags in content files: Hugo shortcodes ("{{< figure
# src=... >}}", "{{% note %}}") and Liquid / Jekyll / Eleventy tags and
# placeholders ("{% include cta.html %}", "{{ site.phone }}"), and Jekyll's
# kramdown attribute lists ("{: .callout}" under a paragraph, "*now*{: .red}",
# the "{:toc}" marker). They are not prose (the site renders something else
# in their place, or nothing), but for the values of their copy parameters.
# No brace inside a tag: time stays linear in the text.
_TEMPLATE_TAG = re.compile(r"\{\{[^{}\n]{0,2000}\}\}|\{%[^{}\n]{0,2000}%\}|\{:[^{}\n]{0,2000}\}")
# A tag's named parameter: copynames.TAG_PARAMETER ('{{< testimonial quote="..."
# >}}', '{% include hero.html subheading="..." %}'); one named like copy
# (copynames.named_like_copy, "-" and "_" ignored) holds text the page shows, and is
# kept where it stands.


def _without_templates(text: str, pattern: re.Pattern = _TEMPLATE_TAG, is_tag=None) -> str:
    """``text`` with its template tags (matches of ``pattern`` that
    ``is_tag`` accepts, all if None) read as blanks, one character for one
    (so every offset stays exact): a line of nothing but tags becomes a
    blank line, which ends the paragraph around it as the rendered page does;
    a tag among other text becomes no-break spaces, which keep a link
    destination a destination ("[Book]({{ site.url }}/book)") and read as a
    word break in prose. The values of a tag's copy parameters are kept
    where they stand, the rest of that tag read as no-break spaces (so that
    a value alone on its line is a paragraph, never indented code). A tag
    alone on its line with copy values ('{% tab title="Joints" %}' over the
    tab's text) ends the paragraph on each side of it, so that its values are
    a paragraph of their own (two newlines for its first and last
    characters), not the first words of the paragraph under it. With
    ``copynames.SHORTCODE`` and ``copynames.is_shortcode``, WordPress shortcodes: one
    with copy values among text ends the paragraph on each side of it too."""
    line = [-1, False]  # the end of the current match's line, and whether it holds only tags and blanks

    def tags_only(start: int, end: int) -> bool:
        rest = pattern.sub(lambda m: "" if is_tag is None or is_tag(m) else m.group(), text[start:end])
        return not rest.strip()

    def blank(match: re.Match) -> str:
        tag = match.group()
        if is_tag is not None and not is_tag(match):
            return tag
        if match.start() > line[0]:  # a new line (matches come in order: each line is looked at once)
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            line[0] = len(text) if end < 0 else end
            line[1] = tags_only(start, line[0])
        kept = [value for value in TAG_PARAMETER.finditer(tag) if value.group(3).strip()
                and named_like_copy(value.group(1))]
        if not kept:
            return (" " if line[1] else "\u00a0") * len(tag)
        out = ["\u00a0"] * len(tag)
        for value in kept:
            out[value.start(3):value.end(3)] = value.group(3)
        if line[1] or is_tag is not None:
            # copy values are a paragraph of their own: it ends on each side
            # of the tag (its values stand from the sixth character on, before
            # the closing quote and bracket), whether the tag stands among
            # text (a shortcode's) or alone on its line, above the paragraph
            # it labels ('{% tab title="Joints" %}')
            out[:2] = out[-2:] = "\n\n"
        return "".join(out)

    return pattern.sub(blank, text)


# Template comments, which the site never renders: Liquid's "{% comment %}
# ... {% endcomment %}" (Jekyll, Shopify, Eleventy), Jinja's and Nunjucks'
# "{# ... #}", Handlebars' "{{!-- ... --}}" and Hugo's "{{/* ... */}}", over
# any number of lines. Editors keep rejected drafts in them.
# ("{#" then a blank or "-": a heading's "{#custom-id}" is no comment.)
_COMMENT_OPEN = re.compile(r"\{%-?[ \t]*comment[ \t]*-?%\}|\{#(?=[ \t\r\n-])|\{\{!--|\{\{/\*")
_COMMENT_CLOSE = {"{#": re.compile(r"#\}"), "{{!--": re.compile(r"--\}\}"), "{{/*": re.compile(r"\*/\}\}")}
_LIQUID_CLOSE = re.compile(r"\{%-?[ \t]*endcomment[ \t]*-?%\}")
_NEXT_MARK = re.compile(r"[^ \t\r\u00a0]")


def _without_template_comments(text: str) -> str:
    """``text`` with its template comments read as blanks, one character for
    one, their line breaks kept (a comment's lines are blank lines, which end
    the paragraph around them; on a line that text follows, no-break
    spaces, which no parser reads as an indentation). A comment that never
    closes is left as text; so is every opening after it (none of them can
    close either): each character is looked at a bounded number of times."""
    parts: list[str] = []
    position = 0
    while True:
        opening = _COMMENT_OPEN.search(text, position)
        if opening is None:
            break
        marker = opening.group()
        closing = _COMMENT_CLOSE.get(marker, _LIQUID_CLOSE).search(text, opening.end())
        if closing is None:
            break
        parts.append(text[position:opening.start()])
        blanked = re.sub(r"[^\n]", " ", text[opening.start():closing.end()])
        after = _NEXT_MARK.search(text, closing.end())  # the next character but a blank (stops soon)
        if after is not None and after.group() != "\n":
            # text follows on its last line: no-break spaces there, never an indentation
            last = blanked.rfind("\n") + 1
            blanked = blanked[:last] + "\u00a0" * (len(blanked) - last)
        parts.append(blanked)
        position = closing.end()
    parts.append(text[position:])
    return "".join(parts)


# MDX's ES module lines (an .mdx file is read as Markdown): "import { Callout }
# from '../components'", "export const meta = {...}", one line each, in
# column 0. Code, not prose: read as spaces. Bounded repeats keep time linear.
_ESM_LINE = re.compile(
    r"^(?:import[ \t][^\n]{0,500}?[ \t]from[ \t]*['\"][^'\"\n]{1,300}['\"]|import[ \t]*['\"][^'\"\n]{1,300}['\"]"
    r"|export[ \t]+(?:const|let|var|function|default|async|class)\b[^\n]{0,2000}?);?[ \t]*(?=\r?$)", re.MULTILINE)


# Python-Markdown's admonitions and the pymdownx extensions MkDocs sites use:
# a marker line ('!!! tip "Why it works"', "??? note" or "???+ note" for a
# collapsible one, '=== "Tab"' for a content tab) and its content indented
# four spaces under it, which CommonMark reads as indented code (never
# prose). Each four-space step of indentation under an open marker is read
# as a block quote's "> " (one character for one: offsets stay exact), so
# the content is read as the paragraphs, lists and fences it is; the marker
# is read as blanks, its quoted title as a paragraph of its own.
_ADMONITION = re.compile(
    r'(?:!!!|\?\?\?\+?)[ \t]+[^\W\d][\w-]*(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"\n]*)")?[ \t]*\r?$'
    r'|===[!+]?[ \t]+"([^"\n]*)"[ \t]*\r?$')
_ADMONITION_HINT = re.compile(r'^[ \t]*(?:!!!|\?\?\?|===)', re.MULTILINE)
_STEP = 4  # columns of one level of indentation


def _admonitions(text: str) -> str:
    """``text`` with admonitions and content tabs read as block quotes (see
    ``_ADMONITION``). Each line is looked at once: linear time."""
    out: list[str] = []
    levels: list[int] = []  # the indentation (in columns) of each open marker, outermost first
    for line in text.split("\n"):
        body = line.lstrip(" \t")
        if not levels and not body.startswith(("!!!", "???", "===")):
            out.append(line)  # (most lines of most pages: no marker open, none here)
            continue
        if not body.strip():
            out.append(line)  # a blank line leaves the markers open
            continue
        columns = _columns(line[:len(line) - len(body)])
        indent = columns[-1]
        while levels and indent < levels[-1] + _STEP:
            levels.pop()
        if levels:
            chars = list(line)
            starting = {column: i for i, column in enumerate(columns[:-1])}  # column -> the character starting there
            for level in levels:  # the characters of columns [level, level + _STEP) read as "> "
                mark = ">"
                for column in range(level, level + _STEP):
                    if column in starting:
                        chars[starting[column]] = mark
                        mark = " "
            line = "".join(chars)
        marker = _ADMONITION.match(body)
        if marker is not None:
            title = marker.group(1) if marker.group(1) is not None else marker.group(2)
            head = line[:len(line) - len(body)]
            if title and title.strip():
                start = body.index('"') + 1
                line = head + "\u00a0" * start + title + "\u00a0" * (len(body) - start - len(title))
            else:
                line = head + " " * len(body)
            levels.append(indent)
        out.append(line)
    return "\n".join(out)


def _columns(blanks: str) -> list[int]:
    """The column each character of a line's leading ``blanks`` starts at,
    and after them the column the text starts at (a tab to the next
    multiple of four, as CommonMark and Python-Markdown count it)."""
    found = [0]
    for char in blanks:
        found.append(found[-1] + (_STEP - found[-1] % _STEP if char == "\t" else 1))
    return found


# Colon fences, the container blocks of Docusaurus (":::tip Why it works",
# ":::note[Title]"), VitePress ("::: warning Title") and Pandoc or Quarto
# ("::: {.callout-note}"): a marker line opens a block whose content is not
# indented, and a line of colons closes it. Without a blank line around
# them, a marker line would run on into the sentence under it ("tip Why it
# works Our cells heal..."). An opening marker with a title is read as an
# ATX heading of that title (its first colon as "#", the rest of the marker
# as spaces: one character for one), any other marker line as a blank line.
_COLON_FENCE = re.compile(
    r"^(?P<head> {0,3}:)(?:::+[ \t]*(?:\{[^{}\n]{0,500}\}|[^\W\d][\w-]{0,50})?)"
    r"(?:\[(?P<bracketed>[^\[\]\n]{0,300})\]|[ \t]+(?P<title>[^\s{:][^\n]{0,300}?))?[ \t]*(?P<end>\r?)$",
    re.MULTILINE)
_COLON_FENCE_HINT = re.compile(r"^ {0,3}:::", re.MULTILINE)


def _colon_fences(text: str) -> str:
    """``text`` with its colon fences' marker lines read as headings of
    their titles or as blank lines (see ``_COLON_FENCE``)."""

    def read(match: re.Match) -> str:
        title = match.group("bracketed") if match.group("bracketed") is not None else match.group("title")
        line = match.group()[:len(match.group()) - len(match.group("end"))]
        if not title or not title.strip():
            return " " * len(line) + match.group("end")
        start = match.start("bracketed") if match.group("bracketed") is not None else match.start("title")
        start -= match.start()
        head = " " * (len(match.group("head")) - 1) + "#"
        return (head + " " * (start - len(head)) + title + " " * (len(line) - start - len(title))
                + match.group("end"))

    return _COLON_FENCE.sub(read, text)


# Callouts: GitHub's alerts ("> [!NOTE]", "> [!WARNING]") and Obsidian's
# callouts ("> [!tip] Why it works", "> [!faq]- A folded title"): a block
# quote whose first line holds a type marker, perhaps a title after it, and
# whose body follows on the quote's next lines. Read as written, the marker
# and the title run on into the body's first sentence ("[!tip] Why clients
# love it Our cells..."). A marker with a title after it is read as an ATX
# heading's "#" and spaces (the title is then a heading of its own), a
# marker alone as spaces: one character for one.
_CALLOUT = re.compile(r"^(?P<quote>[ \t]{0,3}(?:>[ \t]?){1,20})(?P<marker>\[![A-Za-z][\w-]{0,30}\][+-]?)"
                      r"(?P<rest>[^\n]{0,2000})$", re.MULTILINE)


def _callouts(text: str) -> str:
    """``text`` with its callouts' markers read as headings' marks or
    spaces (see ``_CALLOUT``)."""

    def read(match: re.Match) -> str:
        marker, rest = match.group("marker"), match.group("rest")
        titled = rest.strip() and rest[:1] in " \t"
        mark = ("#" + " " * (len(marker) - 1)) if titled else " " * len(marker)
        return match.group("quote") + mark + rest

    return _CALLOUT.sub(read, text)


# Highlights, as Obsidian, Typora and Markdown Here write them ("==no
# downtime=="): the marks are not prose, and glued to the words they would
# hide them ("effects=="). Read as spaces; "==" with a space or "=" inside
# it ("a == b", "===", a setext underline) is left.
_HIGHLIGHT = re.compile(r"(?<![=\\])==(?=[^\s=])([^=\n]{1,2000}?)(?<=[^\s=])==(?!=)")
# Wiki links (Obsidian, Foam, MediaWiki-style sites): "[[Aftercare]]" shows
# its target, "[[Services|our service menu]]" its alias; the brackets, the
# target before a "|" and a "#heading" part are read as spaces. Left as
# written: what CommonMark reads as a link or its definition ("[[1]](url)",
# "[[foo]]: /url", "[[*foo* bar]]" around a defined "[*foo* bar]"), and an
# embed ("![[photo.png]]").
_WIKI_LINK = re.compile(r"(?<![\[!\\])\[\[([^\[\]|*`\n]{1,300})(?:\|([^\[\]\n]{1,300}))?\]\](?![(\[:\]])")


def _wiki_link(match: re.Match) -> str:
    """The text a wiki link shows, where it stands: its alias, else its page
    (a "#heading" after the page read as spaces)."""
    target, alias = match.group(1), match.group(2)
    if alias is not None:  # "[[" target "|" alias "]]"
        return " " * (len(target) + 3) + alias + "  "
    page = target.partition("#")[0] or target
    return "  " + page + " " * (len(target) - len(page) + 2)


# MDX's JSX elements whose props hold JavaScript ('<FeatureGrid items={[ {
# icon: "shield", text: "Safer than surgery" }, ...]} />'): not a complete
# HTML tag, so CommonMark reads the element as a paragraph where code and
# copy run together. In such an element (a PascalCase tag that opens its
# line, up to the ">" that closes it outside braces and quotes, at most
# _JSX_SPAN characters) only the copy is kept where it stands: the quoted
# values of props and of object keys named like copy (copynames.named_like_copy). The
# rest is read as spaces, so a line with no copy is a blank line; a line
# with copy is read as an item of a list (as a features grid renders): "- "
# and no-break spaces before its first value, one character for one.
_JSX_START = re.compile(r"^[ \t]{0,3}<[A-Z][A-Za-z0-9.]*(?=[\s/>])", re.MULTILINE)
_JSX_SPAN = 20_000
_JSX_VALUE = re.compile(r"""([A-Za-z_$][\w$]{0,50})[ \t]*[:=][ \t]*(["'`])((?:(?!\2)[^\\\n]|\\.){0,2000})\2""")


def _jsx_end(text: str, start: int) -> tuple[bool, int]:
    """Whether the JSX opening tag that starts at ``start`` ends within
    _JSX_SPAN characters, and where: after its ">", or where the scan
    stopped."""
    depth, quote = 0, ""
    at, stop = start + 1, min(len(text), start + _JSX_SPAN)
    while at < stop:
        char = text[at]
        if quote:
            if char == "\\":
                at += 1  # an escaped character never ends the string
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif char == ">" and depth == 0:
            return True, at + 1
        at += 1
    return False, at


def _jsx_expressions(text: str) -> str:
    """``text`` with the JSX elements whose props hold JavaScript read as
    their copy alone (see ``_JSX_START``)."""
    out: list[str] = []
    done = scanned = 0  # the end of the last element read; how far any scan went
    for match in _JSX_START.finditer(text):
        if match.start() < scanned:
            continue  # inside an element read, or one that never closed: each character is scanned once
        closed, end = _jsx_end(text, match.end() - 1)
        scanned = end
        if not closed or "={" not in text[match.start():end]:
            continue
        region = [" " if char not in "\r\n" else char for char in text[match.start():end]]
        lines_with_copy = set()
        for value in _JSX_VALUE.finditer(text, match.start(), end):
            if named_like_copy(value.group(1)) and value.group(3).strip():
                first, last = value.start(3) - match.start(), value.end(3) - match.start()
                region[first:last] = text[value.start(3):value.end(3)]
                line = max(text.rfind("\n", match.start(), value.start(3)) + 1, match.start()) - match.start()
                if line not in lines_with_copy:  # the line's first value: an item of a list
                    lines_with_copy.add(line)
                    region[line:first] = ["-", " "] + ["\u00a0"] * (first - line - 2)
        out.append(text[done:match.start()])
        out.append("".join(region))
        done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


# markdown-it-pyrs's footnote plugin (the markdown-it-footnote 0.2 crate)
# takes time exponential in a run of unclosed footnote references ("[^[^[^",
# 32 of them 2.3 s, each two more doubling it: a line of 60 characters hung
# the run) and panics on a run of inline footnotes ("^[^[^["). So only
# well-formed references and definitions ("[^1]", "[^note]:") reach it: the
# "[" of any other "[^", and the "^" of every "^[" (inline footnotes, which
# copy does not use), are read as no-break spaces, one character for one.
_FOOTNOTE_TRAP = re.compile(r"\[(?=\^(?![^\s\[\]^]{1,100}\]))|\^(?=\[)")


def defused(text: str) -> str:
    """``text`` with template comments (``_without_template_comments``),
    template tags, kramdown attribute lists and WordPress shortcodes read
    as blanks (see ``_without_templates``), MkDocs' admonitions and content
    tabs as block quotes (``_admonitions``), colon fences' marker lines as
    headings or blank lines (``_colon_fences``), callouts' markers as headings'
    marks or spaces (``_callouts``), highlights' marks and wiki links'
    brackets as spaces, MDX elements with JavaScript props as their copy
    (``_jsx_expressions``), MDX's import and export lines as
    spaces, what would trap the footnote parser as text (``_FOOTNOTE_TRAP``)
    and pathological nesting read as plain characters (see MAX_MARKERS)."""
    if ("{%" in text or "{#" in text or "{{!" in text or "{{/*" in text) and _COMMENT_OPEN.search(text):
        text = _without_template_comments(text)
    if "{{" in text or "{%" in text or "{:" in text:
        text = _without_templates(text)
    if "[" in text and SHORTCODE.search(text) is not None:
        text = _without_templates(text, SHORTCODE, is_shortcode)
    if ("!!!" in text or "???" in text or "===" in text) and _ADMONITION_HINT.search(text):
        text = _admonitions(text)
    if ":::" in text and _COLON_FENCE_HINT.search(text):
        text = _colon_fences(text)
    if "[!" in text:
        text = _callouts(text)
    if "==" in text:
        text = _HIGHLIGHT.sub(lambda m: "  " + m.group(1) + "  ", text)
    if "[[" in text:
        text = _WIKI_LINK.sub(_wiki_link, text)
    if "={" in text:
        text = _jsx_expressions(text)
    if "[^" in text or "^[" in text:
        text = _FOOTNOTE_TRAP.sub("\u00a0", text)
    if text.startswith(("import", "export")) or "\nimport" in text or "\nexport" in text:
        text = _ESM_LINE.sub(lambda m: " " * len(m.group()), text)
    if len(text) < MAX_MARKERS:
        return text
    if _markers(text) >= MAX_MARKERS:
        text = _EMPHASIS_PARAGRAPH.sub(
            lambda m: m.group().translate(_EMPHASIS_ONLY) if _markers(m.group()) >= MAX_MARKERS else m.group(), text)
    if _DEEP_LINE.search(text):
        text = _DEEP_LINE.sub(lambda m: m.group().translate(_NEUTRAL), text)
    return text


def _markers(paragraph: str) -> int:
    return paragraph.count("*") + paragraph.count("_") + paragraph.count("~")
