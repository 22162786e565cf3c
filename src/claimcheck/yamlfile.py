"""Reading YAML for packs and configuration: safe, and strict about keys.

PyYAML keeps the last of two equal keys in a mapping without a word; a pack
or configuration that says ``safety: on`` and later ``safety: off`` is a
mistake to report, with the line of the second key.
"""

from __future__ import annotations

import functools


class DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int, first_line: int):
        self.key, self.line, self.first_line = key, line, first_line
        super().__init__(f"duplicate key '{key}' (first at line {first_line}); each key may appear once")


def load(text: str):
    """The YAML document in ``text``; raises ``yaml.YAMLError`` or :class:`DuplicateKeyError`."""
    import yaml

    return yaml.load(text, Loader=_loader())


@functools.cache
def _loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):
        def construct_mapping(self, node, deep=False):
            seen: dict = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    line = key_node.start_mark.line + 1
                    if key_node.value in seen:
                        raise DuplicateKeyError(key_node.value, line, seen[key_node.value])
                    seen[key_node.value] = line
            return super().construct_mapping(node, deep)

    return UniqueKeyLoader
