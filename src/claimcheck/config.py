"""Configuration: ``.claimcheck.yaml`` or ``[tool.claimcheck]`` in
``pyproject.toml``, found by walking up from the working directory (in each
folder ``.claimcheck.yaml`` wins over ``pyproject.toml``); ``--config PATH``
overrides, ``--no-config`` ignores. Loaded into a frozen :class:`Config`;
every value remembers where it came from (``claimcheck config`` shows it).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import PackError
from claimcheck.findings import Level
from claimcheck.ruleset import Rule, RuleSet, matches_prefix

FILENAMES = (".claimcheck.yaml", ".claimcheck.yml", "pyproject.toml")
LEVELS = ("error", "warning", "info", "off")
KEYS = {
    "packs": "built-in or added packs to turn on or off: {pack: on|off}",
    "rules": "level per rule id or prefix, most specific wins: {id: error|warning|info|off}",
    "vocabulary": "extra terms for a vocabulary: {pack.vocabulary: [terms]}",
    "disclaimers": "extra accepted disclaimer forms (regexes) for a required rule: {rule: [regex]}",
    "rule_dirs": "more rule-pack folders, relative to this file",
    "include": "globs of files to check when a folder is given",
    "exclude": "globs of files never to check",
    "fail_on": "default for --fail-on: error|warning|info",
    "overrides": "per-path rule levels: [{paths: [globs], rules: {id: level}}]",
    "scorer": "the learned claim scorer: {enabled: on|off, threshold: 0..1}",
    "html_skip": "more HTML elements to skip with their subtree, by tag, #id, .class or [attribute] (navigation, menus, breadcrumbs and cookie banners are skipped already)",
}


class ConfigError(PackError):
    """An invalid configuration file (exit code 3)."""



@dataclass(frozen=True)
class Config:
    path: str | None = None
    packs: dict = field(default_factory=dict)  # pack -> bool
    rules: dict = field(default_factory=dict)  # id or prefix -> level name or "off"
    vocabulary: dict = field(default_factory=dict)  # qualified vocabulary -> tuple of terms
    disclaimers: dict = field(default_factory=dict)  # rule id -> tuple of regexes
    rule_dirs: tuple = ()
    include: tuple = ()
    exclude: tuple = ()
    fail_on: str | None = None
    overrides: tuple = ()  # ((globs...), {id: level})
    scorer: dict = field(default_factory=dict)  # enabled: bool, threshold: float
    html_skip: tuple = ()  # selectors: tag, #id, .class, [attribute]
    origins: dict = field(default_factory=dict)  # key -> "file:line"


def discover(start: Path) -> Path | None:
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in FILENAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or "[tool.claimcheck" in path.read_text(encoding="utf-8")):
                return path
    return None


def load(path: Path) -> Config:
    text = _read(path)
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("claimcheck", {})
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(str(path), f"invalid TOML: {error}") from None
        lines = {}
    else:
        import yaml

        from claimcheck import yamlfile

        try:
            data = yamlfile.load(text)
            data = {} if data is None else data
        except yamlfile.DuplicateKeyError as error:
            raise ConfigError(str(path), str(error), line=error.line, key=error.key) from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ConfigError(str(path), f"invalid YAML: {getattr(error, 'problem', error)}",
                              line=mark.line + 1 if mark else None) from None
        lines = _key_lines(text)
    def where(*keys):
        """The line of a key path: the nested key's own line where YAML tells it."""
        if not keys or not lines:
            return None
        from claimcheck.loader import line_of

        return line_of(text, tuple(str(k) for k in keys)) or lines.get(keys[0])

    def fail(message: str, *keys) -> ConfigError:
        return ConfigError(str(path), message, line=where(*keys), key=".".join(map(str, keys)) or None)

    if not isinstance(data, dict):
        raise fail(f"the configuration must be a mapping of keys ({', '.join(KEYS)}), "
                   f"not {_kind_of(data)}")
    for key in data:
        if key not in KEYS:
            raise fail(f"unknown key (allowed: {', '.join(KEYS)})", key)
    values: dict = {}
    if "packs" in data:
        values["packs"] = {name: _switch(value, fail, "packs", name) for name, value in _mapping(data["packs"], fail, "packs").items()}
    if "rules" in data:
        values["rules"] = {rid: _level(value, fail, "rules", rid) for rid, value in _mapping(data["rules"], fail, "rules").items()}
    if "vocabulary" in data:
        values["vocabulary"] = {name: tuple(_strings(terms, fail, "vocabulary", name))
                                for name, terms in _mapping(data["vocabulary"], fail, "vocabulary").items()}
    if "disclaimers" in data:
        found = {}
        for rid, forms in _mapping(data["disclaimers"], fail, "disclaimers").items():
            from claimcheck.userregex import UserRegexError, compile_pattern

            for form in _strings(forms, fail, "disclaimers", rid):
                try:
                    compile_pattern(form)
                except UserRegexError as error:
                    raise fail(f"invalid regular expression {form!r}: {error}", "disclaimers", rid) from None
            found[rid] = tuple(forms)
        values["disclaimers"] = found
    base = path.parent
    if "rule_dirs" in data:
        dirs = []
        for number, folder in enumerate(_strings(data["rule_dirs"], fail, "rule_dirs")):
            resolved = (base / folder).resolve()
            if not resolved.is_dir():
                raise fail(f"no folder {folder!r} (looked for {resolved}; rule_dirs are relative to this file)",
                           "rule_dirs", number)
            dirs.append(str(resolved))
        values["rule_dirs"] = tuple(dirs)
    for key in ("include", "exclude", "html_skip"):
        if key in data:
            values[key] = tuple(_strings(data[key], fail, key))
    if "fail_on" in data:
        if data["fail_on"] not in ("error", "warning", "info"):
            raise fail("must be one of error, warning, info", "fail_on")
        values["fail_on"] = data["fail_on"]
    if "overrides" in data:
        overrides = []
        if not isinstance(data["overrides"], list):
            raise fail("must be a list of {paths, rules}", "overrides")
        for index, item in enumerate(data["overrides"]):
            if not isinstance(item, dict) or set(item) != {"paths", "rules"}:
                raise fail("each override needs exactly 'paths' and 'rules'", "overrides", index)
            globs = tuple(_strings(item["paths"], fail, "overrides", index, "paths"))
            levels = {rid: _level(v, fail, "overrides", index, "rules", rid)
                      for rid, v in _mapping(item["rules"], fail, "overrides", index, "rules").items()}
            overrides.append((globs, levels))
        values["overrides"] = tuple(overrides)
    if "scorer" in data:
        values["scorer"] = _scorer(_mapping(data["scorer"], fail, "scorer"), fail)
    origins = {key: f"{path}:{lines[key]}" if key in lines else str(path) for key in values}
    return Config(path=str(path), origins=origins, **values)


def configure(ruleset: RuleSet, config: Config) -> RuleSet:
    """The rule set as the configuration says: packs off, levels, extra
    vocabulary and disclaimer forms. Unknown names are errors."""
    where = config.path or "configuration"

    def unknown(message: str, key: str) -> ConfigError:
        """An error about a name in the configuration, with the line of its key."""
        from claimcheck.loader import line_of

        line = None
        if config.path and not config.path.endswith(".toml"):
            line = line_of(Path(config.path).read_text(encoding="utf-8"), tuple(key.split(".", 1)))
        return ConfigError(where, message, line=line, key=key)

    packs = {pack.name for pack in ruleset.packs}
    for name in config.packs:
        if name not in packs:
            raise unknown(f"unknown pack '{name}' (known: {', '.join(sorted(packs))})", key=f"packs.{name}")
    vocabularies = dict(ruleset.vocabularies)
    for name, terms in config.vocabulary.items():
        if name not in vocabularies:
            raise unknown(f"unknown vocabulary '{name}' (known: {', '.join(sorted(vocabularies))})",
                         key=f"vocabulary.{name}")
        vocab = vocabularies[name]
        vocabularies[name] = dataclasses.replace(vocab, terms=vocab.terms + terms)
    ids = [rule.id for rule in ruleset.rules]
    for prefix in [*config.rules, *(p for _, levels in config.overrides for p in levels)]:
        if not any(matches_prefix(rid, prefix) for rid in ids):
            from claimcheck.errors import did_you_mean

            raise unknown(f"unknown rule id or prefix '{prefix}'{did_you_mean(prefix, ruleset.prefixes())}",
                          key=f"rules.{prefix}")
    for rid in config.disclaimers:
        if rid not in ids or ruleset.rule(rid).kind != "required":
            raise unknown(f"'{rid}' is not a required (disclaimer) rule", key=f"disclaimers.{rid}")
    rules: list[Rule] = []
    for rule in ruleset.rules:
        if config.packs.get(rule.pack, True) is False:
            continue
        level = most_specific(config.rules, rule.id)
        if level == "off":
            continue
        if level is not None:
            rule = dataclasses.replace(rule, level=Level.parse(level))
        if rule.kind == "scorer":
            if config.scorer.get("enabled", True) is False:
                continue
            if "threshold" in config.scorer:
                rule = dataclasses.replace(rule, options={**rule.options, "threshold": config.scorer["threshold"]})
        if rule.id in config.disclaimers:
            options = dict(rule.options)
            options["disclaimers"] = tuple(options["disclaimers"]) + config.disclaimers[rule.id]
            rule = dataclasses.replace(rule, options=options)
        rules.append(rule)
    return RuleSet(ruleset.packs, tuple(rules), vocabularies, ruleset.context)


def most_specific(levels: dict, rule_id: str) -> str | None:
    matching = [prefix for prefix in levels if matches_prefix(rule_id, prefix)]
    return levels[max(matching, key=len)] if matching else None


def path_levels(config: Config, path: str) -> dict[str, str]:
    """The per-path levels from ``overrides`` that apply to ``path`` (rule
    id or prefix -> level or "off"; the last matching override wins)."""
    levels: dict[str, str] = {}
    for globs, rules in config.overrides:
        if matches_path(path, globs, config):
            levels.update(rules)
    return levels


def overridden(ruleset: RuleSet, levels: dict[str, str]) -> RuleSet:
    """The rule set with per-path ``levels`` applied: rules "off" are left
    out, others get their level, before anything is detected."""
    if not levels:
        return ruleset
    rules: list[Rule] = []
    for rule in ruleset.rules:
        level = most_specific(levels, rule.id)
        if level == "off":
            continue
        rules.append(rule if level is None else dataclasses.replace(rule, level=Level.parse(level)))
    return RuleSet(ruleset.packs, tuple(rules), ruleset.vocabularies, ruleset.context)


def matches_path(path: str, globs, config: Config) -> bool:
    root = Path(config.path).parent if config.path else Path.cwd()
    try:
        relative = Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(Path(path).as_posix(), g) for g in globs)


def describe(config: Config) -> str:
    """The effective configuration and where each value came from."""
    lines = [f"# configuration file: {config.path or '(none)'}"]
    for key in KEYS:
        value = getattr(config, key)
        origin = config.origins.get(key, "default")
        if key == "fail_on" and value is None:
            value = "warning"  # the effective default (--fail-on)
        lines.append(f"{key}: {_show(value)}    # {origin}")
    return "\n".join(lines) + "\n"


def _show(value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return "null" if value is None else str(value)


def _kind_of(value) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(value), type(value).__name__)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"cannot read: {error}") from None


def _key_lines(text: str) -> dict:
    return {m.group(1): text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"^([A-Za-z_]+)\s*:", text, re.MULTILINE)}


def _mapping(value, fail, *keys) -> dict:
    if not isinstance(value, dict):
        raise fail("must be a mapping", *keys)
    return value


def _strings(value, fail, *keys) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail("must be a list of strings", *keys)
    return value


def _scorer(value: dict, fail) -> dict:
    found = {}
    for key, item in value.items():
        if key == "enabled":
            found["enabled"] = _switch(item, fail, "scorer", key)
        elif key == "threshold":
            if not isinstance(item, (int, float)) or isinstance(item, bool) or not 0 <= item <= 1:
                raise fail("must be a number from 0 to 1", "scorer", key)
            found["threshold"] = float(item)
        else:
            raise fail("unknown key (allowed: enabled, threshold)", "scorer", key)
    return found


def _switch(value, fail, *keys) -> bool:
    if value in (True, "on"):
        return True
    if value in (False, "off"):
        return False
    raise fail("must be on or off", *keys)


def _level(value, fail, *keys) -> str:
    if value is False:  # YAML reads a bare off as false
        return "off"
    if value not in LEVELS:
        raise fail(f"must be one of {', '.join(LEVELS)}", *keys)
    return value
