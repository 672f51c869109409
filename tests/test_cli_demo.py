"""``auditlib demo --out DIR``: the demo registers in a folder of one's own, never
overwriting a file with other content."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlib.cli import main
from auditlib.demo import DEMO_REGISTER, demo_files


def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


def test_demo_copies_the_registers_and_is_repeatable(tmp_path: Path, capsys):
    out = tmp_path / "ny" / "demo"
    code, stdout, err = _cli(["demo", "--out", str(out)], capsys)
    assert code == 0, err
    assert (out / "midtklyngen-demo.xlsx").read_bytes() == DEMO_REGISTER.read_bytes()
    assert (out / "region-demo.csv").is_file()
    assert len(list((out / "markdown-demo").glob("*.md"))) == 3
    assert len(demo_files()) == 5
    assert "auditlib validate" in stdout
    code, _, err = _cli(["demo", "--out", str(out)], capsys)  # again: same files, fine
    assert code == 0, err


def test_demo_never_overwrites_other_content(tmp_path: Path, capsys):
    (tmp_path / "region-demo.csv").write_text("mine egne tal", encoding="utf-8")
    code, _, err = _cli(["demo", "--out", str(tmp_path)], capsys)
    assert code == 2 and "region-demo.csv" in err and "Traceback" not in err
    assert (tmp_path / "region-demo.csv").read_text(encoding="utf-8") == "mine egne tal"
    assert not (tmp_path / "midtklyngen-demo.xlsx").exists(), "intet skrives ved en konflikt"
    code, _, err = _cli(["demo", "--out", str(tmp_path / "region-demo.csv")], capsys)
    assert code == 2 and "Traceback" not in err


def test_the_demo_then_validates(tmp_path: Path, capsys):
    _cli(["demo", "--out", str(tmp_path)], capsys)
    code, stdout, err = _cli(["validate", str(tmp_path / "midtklyngen-demo.xlsx")], capsys)
    assert code == 0, err
