"""``auditlib run``: the whole demo, start to finish."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand
from auditlib.cli.options import config_option
from auditlib.messages import msg


@click.command("run", cls=DanishCommand, epilog="auditlib run\nauditlib run --out demo/")
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("output"),
              metavar="MAPPE",
              show_default=False,
              help="Mappen til kørslens filer og kataloget. Standard: output/.")
@config_option
def run_cmd(out: Path, config_path: str | None) -> None:
    """Kør hele demoen på de anonymiserede demoplaner.

    Tjekker demoregistret (data/anonymized/midtklyngen-demo.xlsx) mod
    datakontrakten og privatlivsværnet, auditerer alle planer (kriterier og
    gråzoner) gennem auditnotebooken (notebooks/01_audit.ipynb, med papermill)
    og laver snitfladekataloget. Mappen får kørslens filer (criteria.csv,
    statements.csv, run.json), den kørte notebook (01_audit.ipynb), rapporten
    (audit_rapport.html) og snitfladekatalog.xlsx/.html.
    """
    from auditlib.config import load_config
    from auditlib.demo import DEMO_REGISTER
    from auditlib.demo_run import Stopwatch, run_demo, summarise_run

    watch = Stopwatch()
    config = load_config(config_path)  # a bad file stops before the demo says it starts
    click.echo(msg("demo_start", name=DEMO_REGISTER.name))
    paths = run_demo(out, config=config)
    summary = summarise_run(out)
    click.echo(msg("demo_resume", seconds=watch.seconds, n_plans=summary.n_plans,
                   cluster=summary.cluster or DEMO_REGISTER.name,
                   n_failed=summary.n_formal_failures, n_greyzone=summary.n_greyzone))
    click.echo(msg("demo_filer", path=out))
    for kind, path in paths.items():
        click.echo(msg("demo_fil", name=path.name, what=msg(f"demo_fil_{kind}")))


COMMANDS = [run_cmd]
