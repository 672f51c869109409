"""Layers point down (STYLE.md): register/privacy → criteria/classifier → audit/run →
exports (catalogue, review workbook, reports) → notebooks/CLI. The lower layers never
import from the exports or the command line, not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "auditlib"
LOWER = ("register", "privacy", "criteria", "classifier")
UPPER = ("auditlib.catalogue", "auditlib.review", "auditlib.cli", "auditlib.notebooks",
         "auditlib.batch", "auditlib.demo_run", "auditlib.feedback")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("layer", LOWER)
def test_lower_layers_do_not_import_upwards(layer):
    wrong = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        bad = sorted(n for n in _imports(path) if n.startswith(UPPER))
        if bad:
            wrong[str(path.relative_to(PACKAGE))] = bad
    assert not wrong


def test_nothing_is_found_relative_to_the_source_tree():
    """Resources come through importlib.resources (auditlib.resources), so a wheel works."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "PROJECT_ROOT" in text or ".parent.parent" in text:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders
