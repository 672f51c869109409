"""``auditlib demo``: the demo registers in a folder of one's own."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand
from auditlib.messages import msg


@click.command("demo", cls=DanishCommand,
               short_help="Læg demoregistrene i en mappe (til README'ens gennemgang).",
               epilog="auditlib demo --out demo\nauditlib validate demo/midtklyngen-demo.xlsx")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="MAPPE",
              help="Mappen, demoregistrene lægges i (oprettes, hvis den ikke findes).")
def demo_cmd(out: Path) -> None:
    """Læg demoregistrene i en mappe, så gennemgangen i README kan køres hvor som helst.

    Mappen får midtklyngen-demo.xlsx (25 opdigtede planer fra én klynge),
    region-demo.csv (100 planer fra fire klynger) og markdown-demo/ (tre planer
    som Markdown-filer). Ingen rigtige personer; privatlivsværnet finder intet.
    En fil med samme navn og andet indhold overskrives aldrig.
    """
    from auditlib.demo import copy_demo

    written = copy_demo(out)
    click.echo(msg("demo_kopieret", path=out))
    for path in written:
        click.echo(msg("demo_kopieret_fil", name=path.relative_to(out)))
    click.echo(msg("demo_naeste", register=out / "midtklyngen-demo.xlsx"))


COMMANDS = [demo_cmd]
