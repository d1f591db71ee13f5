"""A YAML loader for front matter that keeps Vietnamese words as words.

YAML 1.1 reads ``no``, ``yes``, ``on`` and ``off`` as booleans and bare dates as
timestamps. In Vietnamese "no" (full) and "on" are syllables, so only ``true`` and
``false`` are booleans here, and dates stay strings for :mod:`generator.parse` to read
with the site's time zone. The C loader is used when PyYAML has it.
"""

from __future__ import annotations

import re

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


def _copy_resolvers_without(tags: set[str]) -> dict:
    resolvers: dict = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in entries if tag not in tags]
        if kept:
            resolvers[first] = kept
    return resolvers


FrontMatterLoader.yaml_implicit_resolvers = _copy_resolvers_without({_BOOL_TAG, _TIMESTAMP_TAG})
FrontMatterLoader.add_implicit_resolver(_BOOL_TAG, _BOOL, list("tTfF"))
