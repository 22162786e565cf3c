"""The command line (click). Thin: parse options, call the library, print, exit.

``claimcheck PATH...`` checks files; ``claimcheck rules list|test`` and
``claimcheck explain RULE-ID`` describe the rules.
"""

from __future__ import annotations

import os
import shutil
import sys

import click

from claimcheck.errors import InputError, PackError
from claimcheck.exitcodes import ExitCode
from claimcheck.findings import Level
from claimcheck.formatters import FORMATTERS, formatter
from claimcheck.report import Run, Tally, tallied


class _DefaultToCheck(click.Group):
    """``claimcheck PATH...`` means ``claimcheck check PATH...``."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _linter(rules, select=(), ignore=(), config=None, scorer=True):
    from claimcheck.api import Linter
    from claimcheck.errors import SelectionError

    try:
        return Linter.from_folders(rules, _split(select), _split(ignore), config=config, scorer=scorer)
    except PackError as error:
        _fail_pack(error)
    except SelectionError as error:
        click.echo(f"claimcheck: {error}", err=True)
        sys.exit(ExitCode.USAGE)


def _config(path, no_config):
    """The configuration: --config PATH, else discovered from the working directory."""
    from pathlib import Path

    from claimcheck import config as configuration

    if no_config:
        return None
    try:
        found = Path(path) if path else configuration.discover(Path.cwd())
        if path and not found.is_file():
            raise configuration.ConfigError(path, "no such configuration file")
        return configuration.load(found) if found else None
    except PackError as error:
        _fail_pack(error)


def _fail_pack(error: PackError):
    from claimcheck.config import ConfigError

    what = "invalid configuration" if isinstance(error, ConfigError) else "invalid rule pack"
    click.echo(f"claimcheck: {what}: {error}", err=True)
    sys.exit(ExitCode.CONFIG)


_config_options = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="PATH",
                 help="Use this configuration file instead of the discovered one."),
    click.option("--no-config", is_flag=True, help="Ignore configuration files."),
]


def _with_config(command):
    for option in reversed(_config_options):
        command = option(command)
    return command


def _use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


_rules_option = click.option(
    "--rules", "rules", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
    help="Add rule packs from this folder (repeatable).",
)


def run() -> None:
    """The ``claimcheck`` program: :func:`main`, then leave at once.

    A Python process that has loaded spaCy spends about 0.2 s at exit
    freeing its objects one by one (vocabulary, strings, matchers, every
    module), a fifth of a run on a small file (``bench/startup.py``); the
    operating system reclaims the memory at once. So, once ``main`` has
    returned or exited (every file it wrote is closed and its worker pool
    shut down by then), the output is flushed and the process ends with
    ``os._exit``. An exception other than ``SystemExit`` propagates as
    usual. In-process callers (tests, a library) call ``main``, which exits
    normally.
    """
    try:
        main()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what sys.exit does with a message
        code = 1
    _leave(code or 0)


def _leave(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that stopped early; a closed stream
            pass
    os._exit(code)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimcheck-health")
def main():
    """claimcheck: find risky claims in health marketing copy.

    \b
    Run `claimcheck PATH...` to check Markdown and text files or folders
    (`-` reads standard input). Exit codes: 0 clean, 1 findings at or above
    --fail-on, 2 usage error or unreadable input, 3 invalid rule pack.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="Output format.")
@_rules_option
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Skip these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when there are findings at this level or above (default: the configuration's, else warning).")
@click.option("--stdin-filename", metavar="NAME", help="Name (and format, by suffix) for input read from `-`.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal, unless NO_COLOR).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core with 100 files or more, else 1).")
@click.option("-q", "--quiet", is_flag=True, help="No progress indicator.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings that are not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record the current findings as the baseline and exit 0.")
@click.option("--diff", "diff_ref", metavar="REF", help="Report only findings on lines added or changed since this git ref.")
@click.option("--no-scorer", is_flag=True, help="Turn the learned claim scorer off (pack rules only).")
@click.option("--show-context", is_flag=True,
              help="Print each file's page voice and topic product, with the cues that decided them, and exit.")
@_with_config
def check(paths, fmt, rules, select, ignore, fail_on, stdin_filename, color, jobs, quiet, baseline_file,
          write_baseline, diff_ref, no_scorer, show_context, config_path, no_config):
    """Check files and folders for risky claims."""
    from claimcheck.batch import check_paths

    config = _config(config_path, no_config)
    linter = _linter(rules, select, ignore, config, scorer=not no_scorer)
    if show_context:
        _show_context(paths, linter, stdin_filename, config)
    fail_on = fail_on or (config.fail_on if config and config.fail_on else "warning")

    def on_error(error: InputError):
        click.echo(f"claimcheck: {error.path}: {error.reason}", err=True)

    progress = None if quiet or not sys.stderr.isatty() else _Progress()
    tally = Tally()
    def on_notice(skipped):
        click.echo(f"claimcheck: notice: {skipped.path}: {skipped.reason}", err=True)

    events = check_paths(paths, linter, stdin_filename=stdin_filename, on_error=on_error, jobs=jobs,
                         on_progress=progress, config=config, on_notice=on_notice)
    events = tallied(_narrow(events, diff_ref, baseline_file), tally)
    try:
        if write_baseline:
            from claimcheck import baseline

            count = baseline.write(write_baseline, events)
            if progress:
                progress.clear()
            click.echo(f"claimcheck: wrote {count} findings to {write_baseline}", err=True)
            sys.exit(ExitCode.USAGE if tally.errors else ExitCode.OK)
        styled = _use_color(color) and fmt == "text"
        run = Run(linter.ruleset.rules, os.getcwd(), shutil.get_terminal_size((100, 24)).columns,
                  **(_report_header(linter) if fmt == "html" else {}))
        for chunk in formatter(fmt)(events, run, styled):
            if progress:
                progress.clear()  # output goes above the progress line
            click.echo(chunk, nl=False, color=styled)
    except PackError as error:
        _fail_pack(error)
    finally:
        if progress:
            progress.clear()
    sys.exit(exit_code(tally, Level.parse(fail_on)))


def _report_header(linter) -> dict:
    """What the HTML report's header says about this run."""
    import datetime

    from claimcheck.scorer.classifier import provenance

    scorer = ""
    if any(rule.kind == "scorer" for rule in linter.ruleset.rules):
        info = provenance(linter.model) if linter.model else provenance()
        scorer = f"trained {info.get('trained', '?')} on {info.get('items', '?')} sentences (features v{info.get('features_version', '?')})"
    return {"started": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "packs": tuple(sorted({rule.pack for rule in linter.ruleset.rules})), "scorer": scorer}


def _show_context(paths, linter, stdin_filename, config):
    """``--show-context``: the decided voice and topic of each file, and why."""
    from claimcheck.batch import page_contexts
    from claimcheck.kinds.scorer import INFORMATIONAL_THRESHOLD, UNSURE_PAGE_READ, UNSURE_PAGE_SENTENCES

    failed = False
    for path, page, error in page_contexts(paths, linter, stdin_filename=stdin_filename, config=config):
        if error is not None:
            click.echo(f"claimcheck: {path}: {error}", err=True)
            failed = True
            continue
        click.echo(f"{path}: voice {page.voice}; topic {page.topic or '(none)'}")
        for voice, cues in (("promotional", page.promotional), ("informational", page.informational)):
            shown = ", ".join(f"{cue!r} x{count}" if count > 1 else repr(cue) for cue, count in cues[:12])
            more = f" and {len(cues) - 12} more" if len(cues) > 12 else ""
            click.echo(f"  {voice} cues ({sum(c for _, c in cues)}): {shown or '(none)'}{more}")
        if page.listed:
            click.echo(f"  items of lists of uses or benefits: {len(page.listed)}")
        if page.instructions:
            sheet = "an instruction sheet" if page.instruction_sheet else "not an instruction sheet"
            of = f" of {page.sentences}" if page.sentences else ""  # counted when there are enough to matter
            click.echo(f"  sentences opening with an instruction: {page.instructions}{of} ({sheet})")
        if page.sparing:
            click.echo("  the claim scorer doubts this page: where no pack rule speaks and it is sure of one sentence"
                       f" at most, of {UNSURE_PAGE_SENTENCES} or more read, it reports none of them")
        if page.productless and page.sparing:
            click.echo(f"  no product named and no voice: of {UNSURE_PAGE_READ} or more sentences read,"
                       f" a scorer finding needs {INFORMATIONAL_THRESHOLD}")
    sys.exit(ExitCode.USAGE if failed else ExitCode.OK)


def _narrow(events, diff_ref, baseline_file):
    """Apply --diff and --baseline: filters after detection. Their inputs are
    read first, so that a bad ref or baseline stops the run before any output."""
    if diff_ref:
        from claimcheck import changes

        events = changes.narrow(events, _input_or_exit(changes.changed_lines, diff_ref))
    if baseline_file:
        from claimcheck import baseline

        events = baseline.apply(events, _input_or_exit(baseline.read, baseline_file))
    return events


def _input_or_exit(read, argument):
    """``read(argument)``, or exit 2 with its message."""
    try:
        return read(argument)
    except InputError as error:
        click.echo(f"claimcheck: {error}", err=True)
        sys.exit(ExitCode.USAGE)


class _Progress:
    """"checked 120/1000 files" on a terminal's stderr, redrawn in place."""

    def __init__(self):
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total >= 20 and (done % 10 == 0 or done == total):
            click.echo(f"\rchecked {done}/{total} files", err=True, nl=False)
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            click.echo("\r\033[K", err=True, nl=False)


def exit_code(tally: Tally, fail_on: Level) -> ExitCode:
    if tally.errors:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if tally.failing(fail_on) else ExitCode.OK


@main.command("config")
@_with_config
def show_config(config_path, no_config):
    """Print the effective configuration and where each value came from."""
    from claimcheck.config import Config, describe

    config = _config(config_path, no_config) or Config()
    _linter((), config=config if config.path else None)  # validate names against the packs
    click.echo(describe(config), nl=False)


@main.group()
def rules():
    """List the rules, or run every rule's examples."""


@rules.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_rules_option
def rules_list(fmt, rules):
    """List every rule (with --format json: all of its metadata)."""
    import json

    from claimcheck.ruledoc import as_dict, table

    linter = _linter(rules)
    if fmt == "json":
        data = {"version": 1, "rules": [as_dict(rule) for rule in linter.ruleset.rules]}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(table(linter.ruleset), nl=False)


@rules.command("test")
@_rules_option
def rules_test(rules):
    """Run every rule's flag/pass examples and report failures."""
    from claimcheck.selftest import examples, passes

    linter = _linter(rules)
    failures = 0
    try:
        cases = examples(linter)
        for example in cases:
            if not passes(linter, example):
                failures += 1
                expected = "be flagged" if example.flag else "pass"
                click.echo(f"FAIL {example.rule.id}: expected to {expected}: {example.text!r}")
    except PackError as error:
        _fail_pack(error)
    click.echo(f"{len(cases) - failures} passed, {failures} failed")
    sys.exit(ExitCode.FINDINGS if failures else ExitCode.OK)


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
@_rules_option
def explain(rule_id, rules):
    """Explain a rule: what it flags, why, what to say instead, references."""
    from claimcheck.ruledoc import explain as render

    linter = _linter(rules)
    try:
        rule = linter.ruleset.rule(rule_id)
    except KeyError:
        known = [r.id for r in linter.ruleset.rules if r.id.startswith(rule_id.split(".")[0])]
        hint = f" Did you mean: {', '.join(known)}?" if known else " Run `claimcheck rules list`."
        click.echo(f"claimcheck: no rule '{rule_id}'.{hint}", err=True)
        sys.exit(ExitCode.USAGE)
    click.echo(render(rule), nl=False)
