"""Start-up stays light (issue 20): the help and a missing register load no heavy library.

Checked by the modules a fresh interpreter holds afterwards, not by a clock: which
libraries load is what decides start-up time, and it does not vary with machine load.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "sklearn", "scipy", "papermill", "nbconvert", "openpyxl", "matplotlib")
PROBE = """
import json, sys
from auditlib.cli import main
try:
    main({args!r})
except SystemExit as done:
    code = done.code
print(json.dumps({{"code": code, "heavy": [m for m in {heavy!r} if m in sys.modules]}}))
"""


def _run(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args), heavy=HEAVY)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ("--help",),
    ("validate", "findes-ikke.csv"),
    ("scan", "findes-ikke.csv"),
    ("audit", "findes-ikke.csv", "--out", "ud"),
])
def test_help_and_missing_register_load_no_heavy_library(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run(*args)
    assert result["heavy"] == []
    assert result["code"] == (0 if args == ("--help",) else 2)
    assert not (tmp_path / "ud").exists()
