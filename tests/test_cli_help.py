"""The command line reads Danish: click's own English is translated, every argument is
described, numbers are Danish, and bare ``auditlib`` shows the help."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from auditlib.cli import cli, main
from auditlib.formats import DANISH, fmt_number, fmt_percent, fmt_points, fmt_seconds
from tests.catalogue_runs import write_run_folder

CLICK_ENGLISH = ("Usage:", "Options:", "Commands:", "Arguments:", "[required]", "default:",
                 "Show this message", "PATH", "INTEGER", "TEXT", "FLOAT", "FILENAME",
                 "DIRECTORY", "RANGE")


def _all_commands():
    yield "", cli
    for name, command in cli.commands.items():
        yield name, command
        for sub_name, sub in getattr(command, "commands", {}).items():
            yield f"{name} {sub_name}", sub


COMMANDS = list(_all_commands())


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n or "auditlib" for n, _ in COMMANDS])
def test_help_has_no_click_english(name: str, command: click.Command, capsys):
    code, out, _ = _run([*name.split(), "--help"], capsys)
    assert code == 0
    for english in CLICK_ENGLISH:
        assert english not in out, f"'{english}' i 'auditlib {name} --help'"
    assert out.startswith("Brug: auditlib")


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n or "auditlib" for n, _ in COMMANDS])
def test_every_argument_is_described(name: str, command: click.Command, capsys):
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    if not arguments:
        return
    _, out, _ = _run([*name.split(), "--help"], capsys)
    section = out.split("Argumenter:")[1].split("Valgmuligheder:")[0]
    for argument in arguments:
        assert getattr(argument, "help", None), f"{argument.name} i 'auditlib {name}' har ingen beskrivelse"
        assert argument.make_metavar(click.Context(command)) in section


def test_examples_are_never_wrapped(capsys):
    for name, command in COMMANDS:
        if not command.epilog:
            continue
        _, out, _ = _run([*name.split(), "--help"], capsys)
        for line in command.epilog.strip().splitlines():
            assert "  " + line.strip() in out.splitlines(), (name, line)


@pytest.mark.parametrize("args", [[], ["review"]])
def test_bare_command_shows_the_help(args: list[str], capsys):
    code, out, err = _run(args, capsys)
    assert code == 0
    assert out.startswith("Brug: auditlib") and "Kommandoer:" in out
    assert "Fejl" not in err


@pytest.mark.parametrize(("value", "expected"), [
    (fmt_number(1234.5, 1), "1.234,5"), (fmt_number(0.0, 2), "0,00"),
    (fmt_number(-0.001, 2), "0,00"), (fmt_number(float("nan")), "–"),
    (fmt_percent(0.96), "96 %"), (fmt_percent(2 / 3, n=2, total=3), "67 % (2 af 3)"),
    (fmt_percent(None, n=0, total=0), "– (0 af 0)"), (fmt_seconds(50.5), "50,5 s"),
    (fmt_points(50), "+50 procentpoint"), (fmt_points(-2.5, 1), "-2,5 procentpoint"),
    (fmt_points(0), "0 procentpoint"),
    (DANISH.format("{s:.1f} s, {p:.0%}, {k:.2f}, {n}", s=50.5, p=0.96, k=0.0, n=3), "50,5 s, 96 %, 0,00, 3"),
    (DANISH.format("{p:>6.0%}|", p=0.5), "  50 %|"),
])
def test_danish_number_formats(value: str, expected: str):
    assert value == expected


def test_messages_have_no_english_numbers():
    from auditlib.messages import msg

    text = msg("demo_resume", seconds=50.5, n_plans=25, cluster="Midtklyngen", n_failed=3,
               n_greyzone=4)
    assert "50,5 s" in text and "50.5" not in text


def test_compare_shows_the_plans_behind_each_share(tmp_path: Path, capsys):
    a = write_run_folder(tmp_path / "a", n_plans=2, failing={"K10": 1})
    b = write_run_folder(tmp_path / "b", n_plans=2, failing={})
    code, out, err = _run(["compare", str(a), str(b)], capsys)
    assert code == 0, err
    k10 = next(line for line in out.splitlines() if line.startswith("K10"))
    assert "50 % (1 af 2)" in k10 and "100 % (2 af 2)" in k10 and "+50 procentpoint" in k10
    assert not re.search(r"\d\.\d", out), "engelsk decimaltegn i compare"
    assert out.splitlines()[1].split()[:2] == ["Kriterium", "Titel"]
