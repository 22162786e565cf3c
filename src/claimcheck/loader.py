"""Load rule packs from folders of YAML into a :class:`RuleSet`.

A packs folder holds ``context.yaml`` (optional) and one sub-folder per pack:
``<pack>/pack.yaml`` (name, description, vocabularies) and one YAML file per
rule, ``<pack>/<name>.yaml``, whose ``id`` must be ``<pack>.<name>``. YAML is
read with PyYAML's safe loader only. Every problem raises :class:`PackError`
naming the file, the line and the key.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimcheck import terminology
from claimcheck.errors import PackError
from claimcheck.findings import CATEGORIES, Level
from claimcheck.kinds import KINDS
from claimcheck.kinds import options as opt
from claimcheck.ruleset import (
    CONTEXTS,
    POLICIES,
    ContextTriggers,
    Examples,
    Pack,
    Reference,
    Rule,
    RuleSet,
    Vocabulary,
)
from claimcheck.page import VOICES

RULE_KEYS = {"id", "kind", "level", "category", "message", "rationale", "references", "suggestion", "examples"}
OPTIONAL_RULE_KEYS = {"options", "context", "voices"}
PACK_KEYS = {"pack", "description", "vocabularies"}
VOCAB_KEYS = ("terms", "inflect", "terminology", "feature")  # (in the order an error message lists them)
CONTEXT_KEYS = {"negation", "negation_after", "pseudo_negation", "attribution", "citations", "research",
                "boundaries", "relative_clauses",
                "promotional", "informational", "plain_promotional", "list_headings", "instructions",
                "condition_suffixes",
                "condition_heads", "name_heads", "short_forms"}
_SHORT_FORM = re.compile(r"\S+ = \S+")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")


def builtin_rules_dir() -> Path:
    """The packs shipped with claimcheck: inside the installed package, or
    the source checkout (an editable install); importlib.resources only for
    an unusual import (a zip)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if (candidate / "context.yaml").is_file():
            return candidate
    import importlib.resources

    return Path(str(importlib.resources.files("claimcheck") / "rules"))


def load_rules(folders: Sequence[Path]) -> RuleSet:
    packs: list[Pack] = []
    rules: list[Rule] = []
    vocabularies: dict[str, Vocabulary] = {}
    context = ContextTriggers()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise PackError(str(folder), "rule pack folder does not exist")
        if (folder / "context.yaml").is_file():
            context = _merge_context(context, _load_context(folder / "context.yaml"))
        for pack_dir in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            pack, pack_vocab = _load_pack(pack_dir)
            packs.append(pack)
            for name, vocab in pack_vocab.items():
                if name in vocabularies:
                    raise PackError(pack.source, f"vocabulary '{name}' is defined twice")
                vocabularies[name] = vocab
            for path in sorted(pack_dir.glob("*.yaml")):
                if path.name != "pack.yaml":
                    rules.append(_load_rule(path, pack.name))
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise PackError(rule.source, f"rule id '{rule.id}' is also defined in {seen[rule.id]}", key="id")
        seen[rule.id] = rule.source
    rules = [_resolve(rule, vocabularies) for rule in rules]
    return RuleSet(tuple(packs), tuple(rules), dict(vocabularies), context)


# -- files -----------------------------------------------------------------


def _read(path: Path) -> tuple[str, object]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(str(path), f"cannot read: {error}") from None
    from claimcheck import yamlfile

    try:
        return text, yamlfile.load(text)
    except yamlfile.DuplicateKeyError as error:
        raise PackError(str(path), str(error), line=error.line, key=error.key) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise PackError(str(path), f"invalid YAML: {problem}", line=line) from None


class _Where:
    """Builds PackErrors for one file, finding the line of a key path lazily."""

    def __init__(self, path: Path, text: str):
        self.path, self.text = str(path), text

    def error(self, message: str, *keys) -> PackError:
        key = ".".join(str(k) if not isinstance(k, int) else f"[{k}]" for k in keys).replace(".[", "[")
        return PackError(self.path, message, line=line_of(self.text, keys), key=key or None)


def line_of(text: str, keys: tuple) -> int | None:
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == key]
            if not match:
                break
            line = match[0][0].start_mark.line + 1
            node = match[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


# -- context ---------------------------------------------------------------


def _load_context(path: Path) -> ContextTriggers:
    text, data = _read(path)
    where = _Where(path, text)
    data = _mapping(data, where)
    _no_unknown(data, CONTEXT_KEYS, where)
    values = {key: tuple(_strings(data.get(key, []), where, key)) for key in CONTEXT_KEYS}
    for index, entry in enumerate(values["short_forms"]):
        if _SHORT_FORM.fullmatch(entry) is None:
            raise where.error(f"'{entry}' must be a short form, ' = ' and its spelling, one word each "
                              "(\"pts = patients\")", "short_forms", index)
    return ContextTriggers(**values)


def _merge_context(a: ContextTriggers, b: ContextTriggers) -> ContextTriggers:
    return ContextTriggers(**{key: getattr(a, key) + getattr(b, key) for key in CONTEXT_KEYS})


# -- packs -----------------------------------------------------------------


def _load_pack(folder: Path) -> tuple[Pack, dict[str, Vocabulary]]:
    path = folder / "pack.yaml"
    if not path.is_file():
        raise PackError(str(folder), "a pack folder needs a pack.yaml")
    text, data = _read(path)
    where = _Where(path, text)
    data = _mapping(data, where)
    _no_unknown(data, PACK_KEYS, where)
    name = data.get("pack")
    if name != folder.name:
        raise where.error(f"must be the folder name '{folder.name}'", "pack")
    vocabularies = {}
    raw = data.get("vocabularies") or {}
    if not isinstance(raw, dict):
        raise where.error("must be a mapping of vocabulary names", "vocabularies")
    for vocab_name, spec in raw.items():
        if not isinstance(spec, dict):
            raise where.error("must be a mapping with 'terms'", "vocabularies", vocab_name)
        unknown = set(spec).difference(VOCAB_KEYS)
        if unknown:
            raise where.error(f"unknown key '{sorted(unknown)[0]}' (allowed: {', '.join(VOCAB_KEYS)})",
                              "vocabularies", vocab_name)
        terms = _strings(spec.get("terms"), where, "vocabularies", vocab_name, "terms")
        names: list[str] = []
        for source in _strings(spec.get("terminology"), where, "vocabularies", vocab_name, "terminology"):
            if source not in terminology.NAMES:
                raise where.error(f"unknown terminology '{source}' (known: {', '.join(sorted(terminology.NAMES))})",
                                  "vocabularies", vocab_name, "terminology")
            names += terminology.load(source)
        if not terms and not names:
            raise where.error("needs at least one term", "vocabularies", vocab_name, "terms")
        inflect = spec.get("inflect", "none")
        if inflect not in ("none", "noun", "verb"):
            raise where.error("must be one of none, noun, verb", "vocabularies", vocab_name, "inflect")
        feature = spec.get("feature", True)
        if not isinstance(feature, bool):
            raise where.error("must be true or false", "vocabularies", vocab_name, "feature")
        qualified = f"{name}.{vocab_name}"
        vocabularies[qualified] = Vocabulary(qualified, tuple(terms), inflect, tuple(names), feature)
    return Pack(name, str(data.get("description", "")), str(path)), vocabularies


def _load_rule(path: Path, pack: str) -> Rule:
    text, data = _read(path)
    where = _Where(path, text)
    data = _mapping(data, where)
    missing = sorted(RULE_KEYS - set(data))
    if missing:
        raise where.error(f"missing required key '{missing[0]}'")
    _no_unknown(data, RULE_KEYS | OPTIONAL_RULE_KEYS, where)
    rule_id = data["id"]
    expected = f"{pack}.{path.stem}"
    if rule_id != expected:
        raise where.error(f"must be '{expected}' (pack name and file name)", "id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise where.error("must look like 'pack.rule-name' (lowercase, digits, hyphens)", "id")
    kind = data["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise where.error(f"unknown kind '{kind}' (allowed: {', '.join(KINDS)})", "kind")
    level = data["level"]
    if not isinstance(level, str) or level not in ("error", "warning", "info"):
        raise where.error("must be one of error, warning, info", "level")
    if not isinstance(data["category"], str) or data["category"] not in CATEGORIES:
        raise where.error(f"must be one of {', '.join(CATEGORIES)}", "category")
    for key in ("message", "rationale", "suggestion"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise where.error("must be a non-empty string", key)
    placeholders = set(re.findall(r"\{([^{}]*)\}", data["message"]))
    allowed = {"text", "score"} if kind == "scorer" else {"text"}
    if placeholders - allowed:
        raise where.error(f"unknown placeholder '{{{sorted(placeholders - allowed)[0]}}}' "
                          f"(allowed: {', '.join('{' + p + '}' for p in sorted(allowed))})", "message")
    references = _references(data["references"], where)
    examples = _examples(data["examples"], where)
    options = _options(data.get("options") or {}, KINDS[kind], where)
    context = _context_policy(data.get("context") or {}, where)
    voices = tuple(_strings(data.get("voices", []), where, "voices"))
    for index, voice in enumerate(voices):
        if voice not in VOICES:
            raise where.error(f"unknown page voice (allowed: {', '.join(VOICES)})", "voices", index)
    return Rule(
        id=rule_id,
        kind=kind,
        level=Level.parse(level),
        category=data["category"],
        message=data["message"].strip(),
        rationale=" ".join(data["rationale"].split()),
        references=references,
        suggestion=" ".join(data["suggestion"].split()),
        examples=examples,
        options=dict(options),
        context=dict(context),
        source=str(path),
        voices=voices,
    )


def _references(raw, where: _Where) -> tuple[Reference, ...]:
    if not isinstance(raw, list) or not raw:
        raise where.error("must be a non-empty list of {title, url}", "references")
    found = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            raise where.error("each reference needs exactly 'title' and 'url'", "references", index)
        if not str(item["url"]).startswith(("https://", "http://")):
            raise where.error("url must start with https://", "references", index, "url")
        found.append(Reference(str(item["title"]), str(item["url"])))
    return tuple(found)


def _examples(raw, where: _Where) -> Examples:
    if not isinstance(raw, dict) or set(raw) - {"flag", "pass"}:
        raise where.error("must be a mapping with 'flag' and 'pass' lists", "examples")
    flag = _strings(raw.get("flag"), where, "examples", "flag")
    ok = _strings(raw.get("pass"), where, "examples", "pass")
    if not flag:
        raise where.error("needs at least one example", "examples", "flag")
    if not ok:
        raise where.error("needs at least one example", "examples", "pass")
    return Examples(tuple(flag), tuple(ok))


def _options(raw, kind, where: _Where) -> dict:
    if not isinstance(raw, dict):
        raise where.error("must be a mapping", "options")
    specs = {option.name: option for option in kind.OPTIONS}
    for key in raw:
        if key not in specs:
            raise where.error(f"unknown option for kind '{kind.NAME}' (allowed: {', '.join(specs)})", "options", key)
    result = {}
    for name, spec in specs.items():
        if name not in raw:
            if spec.required:
                raise where.error(f"kind '{kind.NAME}' needs option '{name}'", "options")
            continue
        result[name] = _option_value(raw[name], spec, where)
    return result


def _option_value(value, spec: opt.Option, where: _Where):
    keys = ("options", spec.name)
    if spec.type == opt.INTEGER:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise where.error("must be a whole number >= 0", *keys)
        return value
    if spec.type == opt.PROBABILITY:
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
            raise where.error("must be a number from 0 to 1", *keys)
        return float(value)
    if spec.type == opt.CHOICE:
        if value not in spec.choices:
            raise where.error(f"must be one of {', '.join(spec.choices)}", *keys)
        return value
    if spec.type == opt.PATTERNS:
        if not isinstance(value, list) or not value or not all(isinstance(p, list) and p for p in value):
            raise where.error("must be a non-empty list of token patterns (lists of mappings)", *keys)
        for index, pattern in enumerate(value):
            if not all(isinstance(token, dict) for token in pattern):
                raise where.error("each token of a pattern must be a mapping", *keys, index)
        return tuple(value)
    items = _strings(value, where, *keys)
    if not items:
        raise where.error("must not be empty", *keys)
    if spec.type == opt.CATEGORIES:
        for index, item in enumerate(items):
            if item not in CATEGORIES:
                raise where.error(f"unknown category '{item}'", *keys, index)
    if spec.type == opt.REGEXES:
        from claimcheck.userregex import UserRegexError, compile_pattern

        for index, item in enumerate(items):
            try:
                compile_pattern(item)
            except UserRegexError as error:
                raise where.error(f"invalid regular expression: {error}", *keys, index) from None
    return tuple(items)


def _context_policy(raw, where: _Where) -> dict:
    if not isinstance(raw, dict):
        raise where.error("must be a mapping of context to policy", "context")
    for key, value in raw.items():
        if key not in CONTEXTS:
            raise where.error(f"unknown context (allowed: {', '.join(CONTEXTS)})", "context", key)
        if value not in POLICIES:
            raise where.error(f"must be one of {', '.join(POLICIES)}", "context", key)
    return dict(raw)


def _resolve(rule: Rule, vocabularies) -> Rule:
    """Qualify vocabulary names in options: ``products`` -> ``<pack>.products``."""
    options = dict(rule.options)
    specs = {o.name: o for o in KINDS[rule.kind].OPTIONS}
    for name, value in rule.options.items():
        if specs[name].type != opt.VOCABULARIES:
            continue
        resolved = []
        for index, vocab in enumerate(value):
            qualified = vocab if "." in vocab else f"{rule.pack}.{vocab}"
            if qualified not in vocabularies:
                text = Path(rule.source).read_text(encoding="utf-8")
                raise PackError(
                    rule.source,
                    f"unknown vocabulary '{vocab}' (known: {', '.join(sorted(vocabularies))})",
                    line=line_of(text, ("options", name, index)),
                    key=f"options.{name}[{index}]",
                )
            resolved.append(qualified)
        options[name] = tuple(resolved)
    return dataclasses.replace(rule, options=dict(options))


# -- small checks ----------------------------------------------------------


def _mapping(data, where: _Where) -> dict:
    if not isinstance(data, dict):
        raise where.error("the file must hold a YAML mapping")
    return data


def _no_unknown(data: dict, allowed: Iterable[str], where: _Where) -> None:
    for key in data:
        if key not in allowed:
            raise where.error(f"unknown key (allowed: {', '.join(sorted(allowed))})", key)


def _strings(value, where: _Where, *keys) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.error("must be a list of non-empty strings", *keys)
    for index, item in enumerate(value):
        if isinstance(item, bool) or item is None:
            raise where.error("YAML reads unquoted yes/no/on/off/true/false/null as non-strings: quote it", *keys, index)
        if not isinstance(item, (str, int, float)) or not str(item).strip():
            raise where.error("must be a non-empty string", *keys, index)
    value = [str(item) for item in value]
    return list(value)
