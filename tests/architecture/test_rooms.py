"""The shape of the code, read from its source (no import, no QGIS): the rooms, the
one-way flow between them, and where resources are found (docs/architecture.md)."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "wijkdiagnose"
NOT_PLUGIN = {"tests", "bench", "scripts", ".venv", ".build", "out"}
MAX_LINES = 420  # "about 400": a module longer than this holds more than one job

# Which room may import which: the core imports only itself (and paths.py, which imports
# nothing); the QGIS glue imports the core, never the other way; the dock and Processing
# meet only through the layer.
ALLOWED = {
    "scoring": {"scoring", "paths"},
    "processing": {"processing", "scoring", "paths", "compat", "i18n", "dependencies"},
    "ui": {"ui", "scoring", "paths", "compat", "i18n"},
}


def plugin_modules():
    """{dotted module name: path} of every .py file the plugin ships."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in NOT_PLUGIN:
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join([PACKAGE, *parts])] = path
    return found


MODULES = plugin_modules()


def imported_modules(module: str, path: Path):
    """The plugin modules ``module`` imports (relative imports resolved)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{alias.name}" for alias in node.names]
            yield from (n for n in names if n in MODULES) or ()
            if target in MODULES and not any(n in MODULES for n in names):
                yield target
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)


GRAPH = {module: set(imported_modules(module, path)) for module, path in MODULES.items()}


def room(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_the_scan_sees_the_plugin():
    assert "wijkdiagnose.scoring.scores" in MODULES
    assert "wijkdiagnose.scoring.schema.wijk" in GRAPH["wijkdiagnose.scoring.tables"]
    assert (
        "wijkdiagnose.processing.algorithm"
        in GRAPH["wijkdiagnose.processing.algorithms.score_transitions"]
    )


@pytest.mark.parametrize("source_room", sorted(ALLOWED))
def test_each_room_imports_only_downstream(source_room):
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if room(module) == source_room
        for target in targets
        if room(target) not in ALLOWED[source_room]
    )
    assert wrong == []


def test_no_import_cycle():
    """Imports inside a function are not cycles at import time, but they still tangle
    the rooms: every import counts."""
    state, cycles = defaultdict(int), []

    def visit(module, trail):
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if target == module.rpartition(".")[0] and MODULES[target].name == "__init__.py":
                continue  # a module may import its own package's __init__
            if state[target] == 1:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif state[target] == 0:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if state[module] == 0:
            visit(module, [module])
    assert cycles == []


def test_no_algorithm_imports_another():
    algorithms = {m for m in MODULES if ".processing.algorithms." in m}
    wrong = sorted(f"{m} imports {t}" for m in algorithms for t in GRAPH[m] if t in algorithms)
    assert wrong == []


def test_resources_are_found_only_through_paths():
    """``Path(__file__).parents[2] / "resources"`` in a module breaks when it moves."""
    wrong = []
    for module, path in MODULES.items():
        if module == f"{PACKAGE}.paths":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            is_resources = isinstance(node, ast.Constant) and node.value == "resources"
            is_parents = isinstance(node, ast.Attribute) and node.attr == "parents"
            if is_resources or is_parents:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


def test_no_module_holds_more_than_one_room_of_code():
    long = sorted(
        f"{path.relative_to(ROOT)}: {n} lines"
        for path in MODULES.values()
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    )
    assert long == []
