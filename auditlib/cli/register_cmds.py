"""Commands about the register itself: validate, template, and the demo run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditlib.cli.base import DanishCommand, argument
from auditlib.cli.options import format_option
from auditlib.messages import msg


@click.command("validate", cls=DanishCommand, epilog="auditlib validate data/anonymized/midtklyngen-demo.xlsx\n"
               "auditlib validate planer.csv --format csv > problemer.csv")
@argument("register", type=click.Path(path_type=Path),
          help="Planregistret: Excel (.xlsx), CSV (.csv) eller en mappe med Markdown-planer (.md).")
@format_option
def validate_cmd(register: Path, fmt: str) -> None:
    """Tjek et planregister mod datakontrakten.

    REGISTER er en .xlsx-fil, en .csv-fil eller en mappe med Markdown-planer.
    Alle problemer vises på én gang med plan_id (eller række), kolonne og hvad
    der skal rettes. Exitkode 0: i orden, 1: problemer fundet, 2: kan ikke læses.
    """
    from auditlib.register import load_register
    from auditlib.register.prepare import extra_column_notices
    from auditlib.register.report import problems_csv, problems_text

    loaded = load_register(register)
    if fmt != "csv":
        for notice in extra_column_notices(loaded):
            click.echo(notice, err=True)
    if fmt == "csv":
        click.echo(problems_csv(loaded.problems), nl=False)
    elif loaded.problems:
        click.echo(msg("rapport_problemer", name=loaded.name, count=len(loaded.problems),
                       n=len(loaded.frame)))
        click.echo(problems_text(loaded.problems))
    else:
        click.echo(msg("rapport_ok", name=loaded.name, n=len(loaded.frame)))
    sys.exit(1 if loaded.problems else 0)


@click.command("template", cls=DanishCommand, epilog="auditlib template --out planregister.xlsx")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="FIL",
              help="Hvor skabelonen gemmes (.xlsx).")
def template_cmd(out: Path) -> None:
    """Skriv en tom registreringsskabelon (Excel) til koordinatorerne.

    Arket 'planer' har alle kolonner, rullelister, datovalidering og hjælpetekst
    pr. kolonne; arket 'ark_vejledning' forklarer udfyldningen.
    """
    from auditlib.errors import OutputError
    from auditlib.register.template import write_template

    if out.is_dir():
        raise OutputError(msg("output_er_mappe", path=out, example="planregister.xlsx"))
    if out.suffix.lower() != ".xlsx":
        raise OutputError(msg("output_filtype", suffix=".xlsx", example="planregister.xlsx"))
    write_template(out)
    click.echo(msg("skabelon_skrevet", path=out))


COMMANDS = [validate_cmd, template_cmd]
