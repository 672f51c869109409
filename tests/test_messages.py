"""Every message a user can meet comes from one module (auditlib/messages.py): no package
error is raised with a literal sentence written elsewhere, and every key used exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import auditlib.audit
import auditlib.batch
import auditlib.cli
import auditlib.notebooks
import auditlib.review  # noqa: F401  (imported so their error classes are known)
from auditlib.errors import AuditlibError
from auditlib.messages import MESSAGES, msg

PACKAGE = Path(__file__).resolve().parent.parent / "auditlib"
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "messages.py")


def _package_errors() -> set[str]:
    """The names of every error class a user can meet (AuditlibError and its subclasses)."""
    found, todo = set(), [AuditlibError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


PACKAGE_ERRORS = _package_errors()


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant)
                                               and isinstance(node.value, str))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_errors_take_their_text_from_messages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    literal_raises = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", "")
            if name in PACKAGE_ERRORS and call.args and _literal(call.args[0]):
                literal_raises.append(node.lineno)
    assert not literal_raises, f"{path.name}: tekst direkte i raise på linje {literal_raises}"


def test_every_message_key_used_exists():
    used = set()
    for path in SOURCES:
        used |= set(re.findall(r"""\bmsg\(\s*["']([a-z0-9_]+)["']""", path.read_text("utf-8")))
    assert used, "ingen msg()-kald fundet"
    assert not sorted(used - set(MESSAGES))


def test_unknown_key_is_a_programming_error():
    with pytest.raises(KeyError):
        msg("findes_ikke_nogen_steder")
