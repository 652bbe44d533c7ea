"""The pipeline in the folders (ARCHITECTURE.md): imports point one way, down the pipeline, and never in a circle.

Read from the source with ``ast`` (every import: at module level, in functions, under ``TYPE_CHECKING``), so
a new module or import is held to the same rule without being listed here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"

LAYERS: list[set[str]] = [
    {"core"},  # errors, messages, limits, progress, workers, time, folding, URLs, digests
    {"reference"},  # organisations and taxonomies
    {"models"},  # the contract: content, JSON, schema
    {"importer", "content"},  # raw export -> content file; content files -> validated, redacted models
    {"structure"},  # the site model
    {"render"},
    {"theme"},
    {"incremental"},
    {"outputs"},  # the writers
    {"check"},
    {"publish"},  # the build: steps in order, staging, swap
    {"preview"},
    {"commands"},
]
"""Bottom to top: a package imports only from the layers below its own (siblings do not import each other)."""
FACE = {"generator", "generator.__main__", "generator.cli"}
"""The package's face: its version, ``python -m generator`` and the Click group."""


def _rank(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


MODULES = _modules()


def _imports(name: str) -> Iterator[tuple[str, int]]:
    """(imported woosite module, line) for every import in the module, resolved to a module, not a name."""
    path = MODULES[name]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                prefix = ".".join([*base, *([node.module] if node.module else [])])
            else:
                prefix = node.module or ""
            targets = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in MODULES else prefix for a in node.names]
        else:
            continue
        for target in targets:
            if target in MODULES and target != name:
                yield target, node.lineno


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def _package(name: str) -> str:
    return name.split(".")[1] if name not in FACE else ""


def test_every_module_lives_in_a_step_of_the_pipeline() -> None:
    loose = sorted(name for name in MODULES if name not in FACE and name.count(".") < 2 and _package(name))
    loose = [name for name in loose if not (PACKAGE / _package(name)).is_dir()]
    assert not loose, f"modules at the package root: {loose}; put each in the package of its step"
    unplaced = sorted({_package(n) for n in MODULES if _package(n)} - set().union(*LAYERS))
    assert not unplaced, f"packages not in LAYERS: {unplaced}; place each in the pipeline"


def test_imports_point_down_the_pipeline() -> None:
    upward = []
    for name in MODULES:
        if name in FACE:
            continue
        for target, line in _imports(name):
            if target in FACE:
                assert target == "generator", f"{name} imports {target}"  # __version__ only
                continue
            source, imported = _package(name), _package(target)
            if source != imported and _rank(imported) >= _rank(source):
                upward.append(f"{_shown(MODULES[name])}:{line} imports {target}")
    assert not upward, "imports up or across the pipeline:\n" + "\n".join(upward)


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = {name: {target for target, _line in _imports(name)} for name in MODULES}
    circles = []
    # Tarjan's strongly connected components: any component of more than one module is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert not circles, f"modules importing each other round a circle: {circles}"


def test_the_rule_catches_an_import_up_the_pipeline(tmp_path: Path) -> None:
    """The checks above can fail: a models module importing the build is reported with its file and line."""
    MODULES["generator.models.upward"] = tmp_path / "upward.py"
    (tmp_path / "upward.py").write_text("import os\nfrom generator.publish.build import build\n", encoding="utf-8")
    try:
        assert list(_imports("generator.models.upward")) == [("generator.publish.build", 2)]
        try:
            test_imports_point_down_the_pipeline()
        except AssertionError as error:
            assert "upward.py:2 imports generator.publish.build" in str(error)
        else:
            raise AssertionError("an upward import was not reported")
    finally:
        del MODULES["generator.models.upward"]
