"""The shapes of site.toml's tables, each checked and cleaned, or ``None`` when the value has
another shape (then :mod:`reform_archive.config` reports what it expected, on the key's line). Pure."""

from __future__ import annotations

from typing import Any

from reform_archive.text.term_names import Alias

__all__ = ["abbreviation_pairs", "alias_triples", "equivalent_sets", "ui_strings"]


def abbreviation_pairs(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """``{"CCHC": "cải cách hành chính", "HCC": ["hành chính công", …]}`` -> pairs."""
    if not isinstance(value, dict):
        return None
    pairs = []
    for short, full in value.items():
        forms = [full] if isinstance(full, str) else full
        if (
            not short.strip()
            or not isinstance(forms, list)
            or not forms
            or not all(isinstance(form, str) and form.strip() for form in forms)
        ):
            return None
        pairs.append((short, tuple(forms)))
    return tuple(pairs)


def ui_strings(value: Any, prefix: str = "") -> tuple[tuple[str, str], ...] | None:
    """``{"search": "Tra cứu", "nav": {"articles": "Tin bài"}}`` -> dotted keys, as the
    theme's catalogue names them ("nav.articles")."""
    if not isinstance(value, dict):
        return None
    pairs: list[tuple[str, str]] = []
    for key, text in value.items():
        nested = ui_strings(text, f"{prefix}{key}.") if isinstance(text, dict) else None
        if nested is not None:
            pairs.extend(nested)
        elif isinstance(text, str):
            pairs.append((f"{prefix}{key}", text))
        else:
            return None
    return tuple(pairs)


def alias_triples(value: Any) -> tuple[Alias, ...] | None:
    """``{"tags": {"CCHC": "cải cách hành chính"}}`` -> (taxonomy, written, target) triples, in file order."""
    if not isinstance(value, dict) or not all(isinstance(table, dict) for table in value.values()):
        return None
    found = []
    for taxonomy, table in value.items():
        for written, target in table.items():
            if not isinstance(target, str) or not target.strip() or not written.strip():
                return None
            found.append((taxonomy, written, target))
    return tuple(found)


def equivalent_sets(value: Any) -> tuple[tuple[str, ...], ...] | None:
    """``[["sáp nhập", "hợp nhất"], …]``: phrases that name the same thing, two or more a set."""
    if not isinstance(value, list):
        return None
    sets = []
    for phrases in value:
        if (
            not isinstance(phrases, list)
            or len(phrases) < 2
            or not all(isinstance(phrase, str) and phrase.strip() for phrase in phrases)
        ):
            return None
        sets.append(tuple(phrases))
    return tuple(sets)
