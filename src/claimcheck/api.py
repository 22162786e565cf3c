"""The library API: a :class:`Linter` for many documents, :func:`lint_text` for one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from claimcheck.findings import Finding
from claimcheck.report import FileResult

if TYPE_CHECKING:
    from claimcheck.ruleset import RuleSet
    from claimcheck.readers.document import Document


class Linter:
    """Compiled rules plus the spaCy pipeline, built on first use and reused.

    :meth:`check` is the one per-file pipeline (the CLI's too): per-path
    overrides pick the rule set, then detection, then suppression comments.
    """

    def __init__(self, ruleset: RuleSet, model: Path | None = None, config=None):
        self.ruleset = ruleset
        self.model = model  # the claim scorer's model folder (None: the shipped one)
        self.config = config  # a claimcheck.config.Config, for per-path overrides
        self._compiled = None
        self._prefilter = None
        self._variants: dict = {}  # per-path override levels -> Linter

    @classmethod
    def from_folders(
        cls,
        extra: Sequence[Path] = (),
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        builtin: bool = True,
        config=None,
        scorer: bool = True,
        model: Path | None = None,
    ) -> "Linter":
        """Built-in packs plus ``extra`` folders, shaped by a
        :class:`claimcheck.config.Config` if given, then ``select``/``ignore``;
        ``scorer=False`` leaves the claim scorer's rules out."""
        from claimcheck import cache, prefilter
        from claimcheck.loader import builtin_rules_dir, load_rules

        folders = ([builtin_rules_dir()] if builtin else [])
        folders += [Path(p) for p in (config.rule_dirs if config else ())] + [Path(p) for p in extra]
        for folder in folders:  # checked here so that a cache never hides a missing folder
            if not folder.is_dir():
                load_rules([folder])

        def build():
            from claimcheck.compiled import validate_patterns

            ruleset = load_rules(folders)
            validate_patterns(ruleset)
            if config is not None:
                from claimcheck.config import configure

                ruleset = configure(ruleset, config)
            return ruleset, prefilter.build(ruleset)

        key_files = folders + ([Path(config.path)] if config is not None and config.path else [])
        ruleset, full_prefilter = cache.cached(key_files, build)
        known = ruleset.prefixes()
        for option, names in (("--select", select), ("--ignore", ignore)):
            for name in names:
                if name not in known:  # every id and id prefix is in ``known``
                    from claimcheck.errors import SelectionError, did_you_mean

                    raise SelectionError(f"{option}: no rule id or prefix '{name}'{did_you_mean(name, known)}; "
                                         "`claimcheck rules list` shows them")
        selected = ruleset.select(tuple(select), tuple(ignore))
        if not scorer:
            selected = selected.without_kind("scorer")
        linter = cls(selected, model, config)
        if not select and not ignore and scorer:
            linter._prefilter = full_prefilter
        return linter

    @property
    def compiled(self):
        if self._compiled is None:
            from claimcheck.gcpause import paused

            with paused():  # importing spaCy and building its tokenizer make no garbage
                from claimcheck.compiled import compile_rules
                from claimcheck.nlp import make_tokenizer

                self._compiled = compile_rules(self.ruleset, make_tokenizer(), self.model)
        return self._compiled

    @property
    def prefilter(self):
        if self._prefilter is None:
            from claimcheck import prefilter

            self._prefilter = prefilter.build(self.ruleset)
        return self._prefilter

    def lint(self, document: Document) -> tuple[Finding, ...]:
        """Lint a document that was already read."""
        from claimcheck.engine import lint_document

        if not document.blocks or not self.ruleset.rules:
            return ()
        return lint_document(document, self.compiled)

    def detect(self, text: str, path: str = "<text>", format: str = "markdown") -> tuple[Finding, ...]:
        """Read and lint a text with this rule set as it is (no per-path
        overrides, no suppression comments). A text in which no rule can
        match is decided by the prefilter alone, without parsing it or loading spaCy.
        In text and Markdown a first line naming the page's source
        (``Source: ...``) is not checked."""
        from claimcheck.readers.document import blank_source_line

        text = blank_source_line(text, format)
        if not self.prefilter.may_match(text):
            return ()
        from claimcheck.readers import reader

        if format == "html" and self.config is not None and self.config.html_skip:
            from claimcheck.readers.html import DEFAULT_SKIP, read

            return self.lint(read(text, path, DEFAULT_SKIP + tuple(self.config.html_skip)))
        return self.lint(reader(format)(text, path))

    def for_path(self, path: str) -> "Linter":
        """The linter for one path: its rule set with the configuration's
        per-path overrides applied (compiled once per distinct override)."""
        if self.config is None or not self.config.overrides:
            return self
        from claimcheck.config import overridden, path_levels

        levels = path_levels(self.config, path)
        if not levels:
            return self
        key = tuple(sorted(levels.items()))
        if key not in self._variants:
            self._variants[key] = Linter(overridden(self.ruleset, levels), self.model, self.config)
        return self._variants[key]

    def check(self, source: str, path: str = "<text>", format: str | None = None) -> FileResult:
        """Check one file's text: per-path overrides, detection, suppression
        comments, and the source lines the findings point at. ``format``
        (markdown, html or text) defaults to what the path's suffix says, as
        for the CLI: plain text for another suffix, Markdown for the default
        path ``"<text>"`` (as for standard input)."""
        from claimcheck import suppress
        from claimcheck.positions import LineTable
        from claimcheck.readers import format_for

        format = format or ("markdown" if path == "<text>" else format_for(path, "text"))

        found = self.for_path(path).detect(source, path, format)
        found, suppressed = suppress.apply(source, format in ("markdown", "html"), found, path)
        lines = {}
        if found or suppressed:
            table = LineTable.of(source)
            for finding in (*found, *(s.finding for s in suppressed)):
                for number in (finding.line, finding.end_line):
                    if number not in lines:  # once per line: a long line holds many findings
                        start, end = table.line_span(number, source)
                        lines[number] = source[start:end]
        return FileResult(path, tuple(found), tuple(suppressed), lines)

    def lint_text(self, text: str, path: str = "<text>", format: str | None = None) -> tuple[Finding, ...]:
        """The findings of :meth:`check`: what the CLI reports for this text at this path."""
        return self.check(text, path, format).findings


def lint_text(
    text: str,
    *,
    path: str = "<text>",
    format: str | None = None,
    rules: Sequence[Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    config=None,
) -> tuple[Finding, ...]:
    """Lint a string with the built-in packs (plus ``rules`` folders), as the
    CLI would report it at ``path``: suppression comments apply, and so do a
    :class:`claimcheck.config.Config`'s per-path overrides when one is given.

    For many texts, build one :class:`Linter` and call its ``lint_text``:
    this function loads and compiles the packs on every call.
    """
    return Linter.from_folders(rules, select, ignore, config=config).lint_text(text, path, format)
