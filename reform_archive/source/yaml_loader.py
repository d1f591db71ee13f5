"""A YAML loader for front matter that keeps Vietnamese words as words.

YAML 1.1 reads ``no``, ``yes``, ``on`` and ``off`` as booleans and bare dates as
timestamps. In Vietnamese "no" (full) and "on" are syllables, so only ``true`` and
``false`` are booleans here, and dates stay strings for :mod:`reform_archive.source.parse` to read
with the site's time zone. The C loader is used when PyYAML has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["MAX_DEPTH", "MAX_VALUES", "FrontMatterLoader", "Shape", "node_shape"]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


def _copy_resolvers_without(tags: set[str]) -> dict[str, list[tuple[str, Any]]]:
    resolvers: dict[str, list[tuple[str, Any]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in entries if tag not in tags]
        if kept:
            resolvers[first] = kept
    return resolvers


FrontMatterLoader.yaml_implicit_resolvers = _copy_resolvers_without({_BOOL_TAG, _TIMESTAMP_TAG})
FrontMatterLoader.add_implicit_resolver(_BOOL_TAG, _BOOL, list("tTfF"))


# Front matter is a handful of keys; values nested deeper than this, or expanding (through
# aliases) to more values, are mistakes or attacks. Within these bounds a value can be
# constructed, rendered and pickled (to the cache, to and from workers) without recursing
# anywhere near Python's limit (libyaml itself stops at 1000 levels).
MAX_DEPTH = 32
MAX_VALUES = 100_000


@dataclass(frozen=True)
class Shape:
    depth: int  # 0 for a scalar, 1 for a list of scalars, ...
    values: int  # nodes, counting a node reached through n aliases n times
    scalars: tuple[yaml.ScalarNode, ...]  # each once, in the order they are written


def node_shape(root: yaml.Node) -> Shape | None:
    """How deep and how large a composed value is, or None when it contains itself (``&a [*a]``).
    Iterative, each node visited once: the tree may be 1000 deep and, through aliases, far
    larger than the text."""
    measured: dict[int, tuple[int, int]] = {}
    on_path: set[int] = set()
    scalars: list[yaml.ScalarNode] = []
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        kids = _children(node)
        if finished:
            on_path.discard(key)
            depth = 1 + max((measured[id(kid)][0] for kid in kids), default=0) if kids is not None else 0
            measured[key] = (depth, 1 + sum(measured[id(kid)][1] for kid in kids or ()))
            continue
        if key in measured:
            continue
        if key in on_path:
            return None
        if kids is None:
            scalars.append(node)
            measured[key] = (0, 1)
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((kid, False) for kid in kids if id(kid) not in measured)
    depth, values = measured[id(root)]
    return Shape(depth, values, tuple(sorted(scalars, key=lambda scalar: scalar.start_mark.index)))


def _children(node: yaml.Node) -> list[yaml.Node] | None:
    """None for a scalar."""
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return None
