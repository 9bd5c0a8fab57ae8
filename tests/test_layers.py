"""The dependency rule between layers (DESIGN.md): checked on the sources with ``ast``."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NETWORK = ("requests", "urllib.request", "http.client", "socket", "httpx", "urllib3")
FORBIDDEN = {
    "app": ("PySide6", "ui", "sync", "server", *NETWORK),
    "sync": ("PySide6", "ui", "server"),
    "server": ("PySide6", "ui", "sync"),
}


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module name imported by the file (``from . import`` ones resolved to nothing)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def offends(module: str, forbidden: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in forbidden)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_the_design_allows(layer: str) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted((ROOT / layer).rglob("*.py"))
        for line, module in imports(path)
        if offends(module, FORBIDDEN[layer])
    ]
    assert found == []


def test_the_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom PySide6.QtCore import QObject\nimport urllib.request\n")
    assert [m for _line, m in imports(bad) if offends(m, FORBIDDEN["app"])] == [
        "PySide6.QtCore", "urllib.request",
    ]


def test_ui_runs_no_sql_of_its_own() -> None:
    """Screens ask app/ for data; a query in ui/ would bypass the core's rules."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".execute(" in line or ".executemany(" in line
    ]
    assert offenders == []
