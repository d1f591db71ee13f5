"""Read-only mappings that pickle (the frozen model's and a build result's tables)."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import TypeVar

__all__ = ["ReadOnlyMapping"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class ReadOnlyMapping(Mapping[_K, _V]):
    """A read-only view of a dict, as MappingProxyType is, but picklable by its own
    ``__reduce__``: the model and a build's result travel to workers and into the cache,
    and a process-wide copyreg entry for MappingProxyType would be an import side effect."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[_K, _V]) -> None:
        self._data = data

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # the dict's own views and lookups (read-only already), not Mapping's Python-level ones
    def get(self, key: _K, default: _V | None = None) -> _V | None:  # type: ignore[override]
        return self._data.get(key, default)

    def keys(self) -> KeysView[_K]:
        return self._data.keys()

    def values(self) -> ValuesView[_V]:
        return self._data.values()

    def items(self) -> ItemsView[_K, _V]:
        return self._data.items()

    def __repr__(self) -> str:
        return f"ReadOnlyMapping({self._data!r})"

    def __reduce__(self) -> tuple[type, tuple[dict[_K, _V]]]:
        return ReadOnlyMapping, (dict(self._data),)
