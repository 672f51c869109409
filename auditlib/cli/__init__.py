"""The ``auditlib`` command line: a thin layer over the library.

Messages to people are Danish; exit codes follow spec/cli.md
(0 nothing to report, 1 findings to report, 2 unusable input or command line).
"""

from __future__ import annotations

import logging
import sys

import click

from auditlib import __version__
from auditlib.cli.base import CONTEXT, DanishGroup, echo_err, fail, usage_message
from auditlib.errors import AuditlibError
from auditlib.messages import msg


@click.group(cls=DanishGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", "-V", prog_name="auditlib",
                      message="%(prog)s %(version)s", help="Vis versionen og afslut.")
@click.option("--debug", is_flag=True, hidden=True, help="Vis tekniske detaljer ved uventede fejl.")
def cli(debug: bool) -> None:
    """auditlib: audit af genoptræningsplaner fra psykiatrien og snitfladekatalog.

    Forummets værktøj: tjek planerne mod BEK 918/2018, find gråzoner mellem
    sundhed og de andre sektorer, og udgiv snitfladekataloget i Excel og HTML.
    Start med 'auditlib run' for at se hele demoen.
    """
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def _register_commands() -> None:
    # Commands are added here as each one works (spec/cli.md lists them all).
    from auditlib.cli import register_cmds

    for command in register_cmds.COMMANDS:
        cli.add_command(command)
    for module_name in (
        "scan",
        "classify",
        "audit",
        "catalogue",
        "review",
        "batch",
        "run",
        # (new command modules: one line each, below)
        "demo",
        "missed",
        "feedback",
    ):
        module = _optional_module(module_name)
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


def _optional_module(name: str):
    import importlib
    import importlib.util

    if importlib.util.find_spec(f"auditlib.cli.{name}") is None:
        return None
    return importlib.import_module(f"auditlib.cli.{name}")


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the CLI and turns every error into a Danish message."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:  # accepted anywhere on the line, as the error message says
        args = ["--debug", *(a for a in args if a != "--debug")]
    try:
        cli.main(args=args, prog_name="auditlib", standalone_mode=False)
    except AuditlibError as error:
        fail(error)
    except click.exceptions.NoArgsIsHelpError as error:
        # Bare 'auditlib' (or 'auditlib review') asks for the help: show it, exit 0.
        click.echo(error.ctx.get_help() if error.ctx else cli.get_help(click.Context(cli)))
        sys.exit(0)
    except click.UsageError as error:
        echo_err(msg("cli_fejl_prefix") + usage_message(error))
        sys.exit(2)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except (click.Abort, KeyboardInterrupt):
        echo_err(msg("cli_afbrudt"))
        sys.exit(130)
    except click.ClickException as error:
        echo_err(msg("cli_fejl_prefix") + error.format_message())
        sys.exit(2)
    except Exception as error:  # last line of defence: no traceback, no plan text
        if debug:
            raise
        echo_err(msg("cli_fejl_prefix") + msg("cli_uventet_fejl", kind=type(error).__name__))
        sys.exit(2)
    sys.exit(0)
