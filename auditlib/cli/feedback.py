"""``auditlib feedback``: one short page per hospital unit or municipality."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand, argument
from auditlib.cli.options import config_option
from auditlib.messages import msg


@click.command("feedback", cls=DanishCommand,
               short_help="Tilbagemelding pr. afdeling eller kommune: én A4-side hver.",
               epilog="auditlib feedback koersel-2025k4 --by afdeling --out tilbagemelding/\n"
                      "auditlib feedback koersel-2025k4 --by kommune --out tilbagemelding/")
@argument("run_dir", metavar="KØRSELSMAPPE", type=click.Path(path_type=Path),
          help="Kørselsmappen fra 'auditlib audit' (med plans.csv).")
@click.option("--by", "by", required=True, type=click.Choice(["afdeling", "kommune"]),
              help="Én side pr. afdeling (hospitalets) eller pr. kommune (den modtagende).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="MAPPE",
              help="Mappen, hvor siderne gemmes (én HTML-fil pr. afdeling eller kommune).")
@click.option("--content", "content", type=click.Path(path_type=Path), default=None,
              help="Mappen med katalogets YAML-filer (kompetencebehov og gråzoner). "
                   "Standard: projektets catalogue/.")
@config_option
def feedback_cmd(run_dir: Path, by: str, out: Path, content: Path | None,
                 config_path: str | None) -> None:
    """Lav en kort tilbagemelding pr. afdeling eller kommune.

    KØRSELSMAPPE er en mappe fra 'auditlib audit'. Hver side viser enhedens planer mod
    klyngen (andel opfyldt pr. kriterium med n ved hver procent), de sektorer, planernes
    gråzoneudsagn ligger tæt på, to gode eksempler (forummets »god eksempelplan« eller
    planerne med flest kriterier opfyldt) og hvad der kan styrkes, koblet til katalogets
    kompetencebehov. Små tal skjules efter privatlivsreglen. Hver side er én fil uden
    eksterne filer og kan printes på én A4-side eller gemmes som PDF fra browseren.
    """
    from auditlib.config import load_config
    from auditlib.feedback import write_feedback

    paths = write_feedback(run_dir, by, out, content_dir=content,
                           config=load_config(config_path))
    click.echo(msg("tilbage_skrevet", count=len(paths), path=out))
    for path in paths:
        click.echo(msg("tilbage_fil", name=path.name))


COMMANDS = [feedback_cmd]
