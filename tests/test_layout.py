"""The package's layout shows the pipeline, and keeps showing it (issue 20).

- The pure stages (``source/ site/ publish/ search/``) never import the machinery that
  decides what changed (``incremental/``) or that runs processes (``parallel/``): a stage
  is a function of its inputs, whoever calls it and however often.
- Only ``parallel/`` forks or touches the garbage collector.
- No module grows past 400 lines.
- Every module says what it offers: ``__all__`` is sorted and lists exactly the public
  names it defines, and no module imports another's private name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reform_archive"
PURE_STAGES = ("source", "site", "publish", "search")
MACHINERY = ("incremental", "parallel")
MAX_LINES = 400


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.AST, here: str) -> set[str]:
    """Every module an import statement anywhere in the file names (lazy imports too)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = here.split(".")[: -node.level] if not here.endswith("__init__") else here.split(".")
                base = ".".join([*package, base]) if base else ".".join(package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def stage_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE).parts
    return relative[0] if len(relative) > 1 else ""


@pytest.mark.parametrize(
    "path", [p for p in modules() if stage_of(p) in PURE_STAGES], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_pure_stages_never_import_the_build_machinery(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    forbidden = {
        name
        for name in imported_modules(tree, dotted(path))
        if any(name == f"reform_archive.{m}" or name.startswith(f"reform_archive.{m}.") for m in MACHINERY)
    }
    assert not forbidden, f"{path.relative_to(PACKAGE)} imports {sorted(forbidden)}"


@pytest.mark.parametrize(
    "path", [p for p in modules() if stage_of(p) != "parallel"], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_only_parallel_forks_or_touches_the_garbage_collector(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        f"{node.func.value.id}.{node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
    }
    process_global = {
        "os.fork",
        "gc.freeze",
        "gc.unfreeze",
        "gc.disable",
        "gc.enable",
        "copyreg.pickle",
        "multiprocessing.get_context",
        "multiprocessing.set_start_method",
    }
    assert not calls & process_global, f"{path.relative_to(PACKAGE)} calls {sorted(calls & process_global)}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines; split it along the data flow"


def public_definitions(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.add(node.target.id)
    return {name for name in names if not name.startswith("_")}


def isort_order(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: CONSTANTS, then Classes, then everything else."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name


def declared_all(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return list(ast.literal_eval(node.value))
    return None


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_lists_its_public_names(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = public_definitions(tree)
    listed = declared_all(tree)
    if listed is None:
        assert not defined, f"{path.relative_to(PACKAGE)} defines {sorted(defined)} but has no __all__"
        return
    assert listed == sorted(listed, key=isort_order), f"{path.relative_to(PACKAGE)}: __all__ is not sorted"
    if path.name == "__init__.py":  # a package's __all__ names what it re-exports
        missing = [
            name
            for name in listed
            if name not in defined
            and not _imports_name(tree, name)
            and not (name.startswith("__") and f"{name} =" in path.read_text(encoding="utf-8"))
        ]
        assert not missing, (
            f"{path.relative_to(PACKAGE)}: __all__ names {missing}, which it neither defines nor imports"
        )
        return
    assert set(listed) == defined, (
        f"{path.relative_to(PACKAGE)}: __all__ lacks {sorted(defined - set(listed))}, "
        f"names undefined {sorted(set(listed) - defined)}"
    )


def _imports_name(tree: ast.Module, name: str) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == name for a in node.names) for node in tree.body
    )


def test_no_module_imports_another_modules_private_names() -> None:
    offences = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reform_archive"):
                offences += [
                    f"{path.relative_to(PACKAGE)}: {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
    assert not offences, "\n".join(offences)


def test_the_layout_test_sees_the_stages() -> None:
    """A renamed folder must not make the rules above pass by matching nothing."""
    stages = {stage_of(p) for p in modules()}
    assert {*PURE_STAGES, *MACHINERY, "build", "importer", "serve", "text"} <= stages
