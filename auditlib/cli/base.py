"""Click with Danish help: headings, the help option and usage errors.

Every command module builds its commands with ``command()`` from here, so
``--help`` reads Danish everywhere and a usage error never shows a traceback.
"""

from __future__ import annotations

import sys

import click

from auditlib.errors import AuditlibError
from auditlib.messages import msg

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class DanishFormatting:
    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix="Brug: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section("Valgmuligheder"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            formatter.write_paragraph()
            with formatter.section("Eksempel"):
                for line in self.epilog.strip().splitlines():
                    formatter.write_text(line)

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Vis denne hjælp og afslut."
        return option


class DanishCommand(DanishFormatting, click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[VALGMULIGHEDER]")
        super().__init__(*args, **kwargs)


class DanishGroup(DanishFormatting, click.Group):
    command_class = DanishCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[VALGMULIGHEDER]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENTER]...")
        super().__init__(*args, **kwargs)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            rows.append((name, cmd.get_short_help_str(limit=70)))
        if rows:
            with formatter.section("Kommandoer"):
                formatter.write_dl(rows)


DanishGroup.group_class = DanishGroup


def echo_err(text: str) -> None:
    click.echo(text, err=True)


def fail(error: AuditlibError) -> None:
    """Print a package error (and its problems) on stderr and exit with its code."""
    echo_err(msg("cli_fejl_prefix") + error.message)
    if error.problems and not error.listed:
        from auditlib.register.problems import Problem
        from auditlib.register.report import problems_text

        registers = [p for p in error.problems if isinstance(p, Problem)]
        if registers:
            echo_err(problems_text(registers))
        others = [p for p in error.problems if not isinstance(p, Problem)]
        for p in others:
            echo_err(f"  {p}")
    sys.exit(error.exit_code)


def usage_message(error: click.UsageError) -> str:
    command = error.ctx.command_path.removeprefix("auditlib").strip() if error.ctx else ""
    command = command or "<kommando>"
    if isinstance(error, click.MissingParameter):
        param = error.param
        name = (param.opts[0] if isinstance(param, click.Option) else
                (param.human_readable_name if param else "et argument"))
        return msg("cli_mangler_argument", param=name, command=command)
    if isinstance(error, click.NoSuchOption):
        return msg("cli_ukendt_option", option=error.option_name, command=command)
    if isinstance(error, click.BadParameter):
        name = error.param.opts[0] if error.param is not None and error.param.opts else "en værdi"
        return msg("cli_ugyldig_vaerdi", param=name, command=command) + (
            f" ({error.message})" if error.message and "Danish:" in error.message else "")
    text = str(error.message)
    if text.startswith("No such command"):
        name = text.split("'")[1] if "'" in text else text
        return msg("cli_ukendt_kommando", name=name)
    return text
