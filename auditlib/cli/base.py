"""Click with Danish help: headings, metavars, the help option and usage errors.

Every command is a ``DanishCommand`` (groups ``DanishGroup``), so ``--help`` reads Danish
everywhere: click's own English ("Usage:", "Options:", "[required]", "PATH", "INTEGER
RANGE") is replaced here, and positional arguments (``argument()``) carry a description
shown under "Argumenter". A usage error never shows a traceback.
"""

from __future__ import annotations

import sys

import click

from auditlib.errors import AuditlibError
from auditlib.messages import msg

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# click's type names (shown as metavars) in Danish.
_TYPE_METAVARS = {
    "text": "TEKST", "integer": "HELTAL", "integer range": "HELTAL", "float": "TAL",
    "float range": "TAL", "boolean": "JA/NEJ", "filename": "FIL", "file": "FIL",
    "datetime": "DATO", "uuid": "UUID",
}
# click's English inside the "[...]" after an option's help.
_EXTRA_WORDS = (("required", "påkrævet"), ("default: ", "standard: "),
                ("env var: ", "miljøvariabel: "))


def _path_metavar(kind: click.Path) -> str:
    if kind.dir_okay and not kind.file_okay:
        return "MAPPE"
    if kind.file_okay and not kind.dir_okay:
        return "FIL"
    return "STI"


def _danish_metavar(param: click.Parameter) -> str | None:
    kind = param.type
    if isinstance(kind, click.Path):
        name = _path_metavar(kind)
    elif isinstance(kind, click.Choice):
        return None  # click shows the choices themselves: [text|csv]
    else:
        name = _TYPE_METAVARS.get(kind.name)
    if name is None:
        return None
    if isinstance(param, click.Argument):
        return None  # an argument's metavar is its own name (REGISTER, RUN_DIR)
    return name


def _danish_extra(text: str) -> str:
    """Translate the bracketed tail click adds to an option's help: ``[required]``."""
    head, sep, tail = text.rpartition("  [")
    if not sep:
        return text
    for english, danish in _EXTRA_WORDS:
        tail = tail.replace(english, danish)
    return head + sep + tail


class DanishArgument(click.Argument):
    """A positional argument with a description, shown under "Argumenter" in the help."""

    def __init__(self, *args, help: str | None = None, **kwargs):  # noqa: A002 (click's name)
        super().__init__(*args, **kwargs)
        self.help = help

    def get_help_record(self, ctx: click.Context):
        if not self.help:
            return None
        return self.make_metavar(ctx), self.help


def argument(*param_decls: str, help: str, **attrs):  # noqa: A002 (click's name)
    """``click.argument`` with a Danish description (every argument has one)."""
    return click.argument(*param_decls, cls=DanishArgument, help=help, **attrs)


class DanishFormatting:
    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix="Brug: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)
        arguments = [r for p in params if isinstance(p, click.Argument)
                     and (r := p.get_help_record(ctx)) is not None]
        if arguments:
            with formatter.section("Argumenter"):
                formatter.write_dl(arguments)
        rows = [(name, _danish_extra(text)) for p in params if isinstance(p, click.Option)
                and (r := p.get_help_record(ctx)) is not None for name, text in [r]]
        if rows:
            with formatter.section("Valgmuligheder"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            with formatter.section("Eksempel"):
                # Examples are commands to copy: one per line, never wrapped.
                for line in self.epilog.strip().splitlines():
                    formatter.write(" " * formatter.current_indent + line.strip() + "\n")

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Vis denne hjælp og afslut."
        return option


def _translate_metavars(command: click.Command) -> None:
    for param in command.params:
        if param.metavar is None and (name := _danish_metavar(param)) is not None:
            param.metavar = name


class DanishCommand(DanishFormatting, click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[VALGMULIGHEDER]")
        super().__init__(*args, **kwargs)
        _translate_metavars(self)


class DanishGroup(DanishFormatting, click.Group):
    command_class = DanishCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[VALGMULIGHEDER]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENTER]...")
        super().__init__(*args, **kwargs)
        _translate_metavars(self)

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


def text_table(headers: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> str:
    """A plain-text table for the terminal: text columns left, number columns (``right``)
    right-aligned, two spaces between columns, nothing cut."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows,
                                                                         strict=True)]

    def line(cells: list[str]) -> str:
        parts = [str(c).rjust(w) if i in right else str(c).ljust(w)
                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), *(line(row) for row in rows)])


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
