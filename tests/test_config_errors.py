"""A configuration file with mistakes: every mistake at once, in Danish, exit 2, no files.

A forum edits ``auditlib.yaml`` by hand; a misspelt key or a wrong value must be named with
its key (and the intended key when the spelling is close), never end in a traceback, and
stop before anything is written.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from auditlib.cli import cli, main
from auditlib.config import load_config
from auditlib.errors import ConfigError
from tests.conftest import make_row, write_csv

BAD = """\
suppresion:
  min_count: 5
suppression:
  minimum: 3
  min_count: nul
classifier:
  greyzone_margin: 2
"""

PROBLEMS = (
    "'suppresion'. Mente du 'suppression'?",
    "'suppression.minimum'. Ret den til en af de tilladte nøgler her: min_count, suppress_zero.",
    "'suppression.min_count' har en ugyldig værdi: skal være et helt tal",
    "'classifier.greyzone_margin' har en ugyldig værdi: skal være højst 1,0",
)


@pytest.fixture
def bad_config(tmp_path: Path) -> Path:
    path = tmp_path / "auditlib.yaml"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_every_mistake_is_named_at_once(bad_config):
    with pytest.raises(ConfigError) as error:
        load_config(bad_config)
    for problem in PROBLEMS:
        assert problem in error.value.message
    assert "Input should" not in error.value.message  # pydantic's English is translated


def _commands_with_config(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands_with_config(command, (*prefix, name))
        elif any("--config" in p.opts for p in command.params):
            yield (*prefix, name)


def test_some_commands_take_a_config():
    assert {("run",), ("audit",), ("batch",)} <= set(_commands_with_config())


@pytest.mark.parametrize("command", ["run", "audit", "batch"])
def test_a_bad_config_stops_the_command_cleanly(command, bad_config, tmp_path, capsys):
    register = write_csv(tmp_path / "planer.csv", [make_row(plan_id="T-01")])
    out = tmp_path / "ud"
    args = {"run": ["run", "--out", str(out)],
            "audit": ["audit", str(register), "--out", str(out)],
            "batch": ["batch", str(register), "--out", str(out)]}[command]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--config", str(bad_config)])
    captured = capsys.readouterr()
    assert exit_.value.code == 2
    assert "Traceback" not in captured.err and "TypeError" not in captured.err
    for problem in PROBLEMS:
        assert problem in captured.err
    assert not out.exists()
    assert "Kører demoen" not in captured.out
