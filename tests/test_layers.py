"""The product's layers point one way, read from the code's own imports (those inside functions included).

``medkg.kg`` is the graph core and imports nothing built on it; ``medkg.nlp``, ``medkg.imaging`` and
``medkg.gnn`` import the core and not each other; the application layer (``medkg`` itself: console command, main
job, report, HTML view, plots) may import everything. No package has an import cycle, and nothing imports the
packages by their folder names (``kg``, ``nlp``, …): they are installed only as ``medkg.*``.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"medkg": ROOT / "medkg", "medkg.kg": ROOT / "kg", "medkg.nlp": ROOT / "nlp",
            "medkg.gnn": ROOT / "gnn", "medkg.imaging": ROOT / "imaging"}
LAYERS = {  # package -> the product packages it may import
    "medkg.kg": {"medkg.kg"},
    "medkg.nlp": {"medkg.kg", "medkg.nlp"},
    "medkg.imaging": {"medkg.kg", "medkg.imaging"},
    "medkg.gnn": {"medkg.kg", "medkg.gnn"},
}
FOLDER_NAMES = {"kg", "nlp", "gnn", "imaging"}


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("").parts
            if rel[0] in FOLDER_NAMES and package == "medkg":
                continue
            name = ".".join((package, *rel)).removesuffix(".__init__")
            found[name] = path
    return found


MODULES = _modules()


def _package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and ".".join(parts[:2]) in LAYERS else "medkg"


def _imports(path: Path, module: str) -> set[str]:
    """Product modules imported by ``path`` (``from medkg.kg import store`` counts as ``medkg.kg.store``)."""
    out = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES and "." in name:
                name = name.rpartition(".")[0]
            if name in MODULES and name != module:
                out.add(name)
    return out


GRAPH = {module: _imports(path, module) for module, path in MODULES.items()}


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_a_package_imports_only_the_layers_below_it(package):
    wrong = sorted(f"{m} imports {dep}" for m, deps in GRAPH.items() if _package_of(m) == package
                   for dep in deps if _package_of(dep) not in LAYERS[package])
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_no_import_cycle_inside_a_package(package):
    inside = {m: {d for d in deps if _package_of(d) == package and not MODULES[d].name == "__init__.py"}
              for m, deps in GRAPH.items() if _package_of(m) == package}
    cycles, state = [], defaultdict(int)  # 0 new, 1 on the stack, 2 done

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        for dep in sorted(inside.get(module, ())):
            if state[dep] == 1:
                cycles.append(" -> ".join([*stack[stack.index(dep):], dep]))
            elif state[dep] == 0:
                visit(dep, [*stack, dep])
        state[module] = 2

    for module in sorted(inside):
        if state[module] == 0:
            visit(module, [module])
    assert not cycles, "\n".join(cycles)


def test_nothing_imports_the_folders_by_their_own_names():
    files = [*ROOT.joinpath("scripts").rglob("*.py"), *ROOT.joinpath("tests").rglob("*.py"), *MODULES.values()]
    wrong = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            wrong += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}" for n in names
                      if n.split(".")[0] in FOLDER_NAMES]
    assert not wrong, "\n".join(wrong)


def test_no_string_names_a_package_by_its_folder_name():
    """Package data and subprocesses are found by import name (``resources.files("medkg.kg")``, ``python -m
    medkg.kg.embedded``): a folder name works only from a checkout, where the tests run, never once installed."""
    wrong = []
    for path in [*MODULES.values(), *ROOT.joinpath("scripts").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "files", "import_module", "find_spec", "as_file"):
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "." in node.value:
                args = [node.value] if node.value.split(".")[0] in FOLDER_NAMES and " " not in node.value else []
            else:
                continue
            wrong += [f"{path.relative_to(ROOT)}:{node.lineno}: {a!r}" for a in args
                      if a.split(".")[0] in FOLDER_NAMES]
    assert not wrong, "\n".join(wrong)


def test_the_checks_see_the_imports():
    """A guard against a check that passes because it reads nothing."""
    assert "medkg.kg.store" in GRAPH["medkg.kg.ingest"]
    assert "medkg.kg.errors" in GRAPH["medkg.nlp.extract"]
    assert {"medkg.nlp.extract", "medkg.gnn.paths"} <= GRAPH["medkg.mainjob"]
