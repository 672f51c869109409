"""``auditlib batch``: the audit notebook for every cluster, in parallel."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditlib.cli.base import DanishCommand, argument
from auditlib.cli.options import config_option
from auditlib.messages import msg


@click.command("batch", cls=DanishCommand,
               epilog="auditlib batch data/anonymized/region-demo.csv --by klynge --out klynger/\n"
                      "auditlib batch planer.xlsx --out klynger/ --jobs 2 --force")
@argument("register", type=click.Path(path_type=Path),
          help="Planregistret: Excel (.xlsx), CSV (.csv) eller en mappe med Markdown-planer (.md).")
@click.option("--by", "by", type=click.Choice(["klynge"]), default="klynge",
              help="Kolonnen, planerne deles op efter. Standard: klynge.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="MAPPE",
              help="Mappen til en undermappe pr. klynge og batch.json.")
@click.option("--jobs", "jobs", type=click.IntRange(min=1), default=None,
              metavar="ANTAL",
              help="Antal samtidige processer (mindst 1). Standard: antal kerner.")
@click.option("--force", is_flag=True,
              help="Kør også de klynger, der allerede er færdige.")
@config_option
def batch_cmd(register: Path, by: str, out: Path, jobs: int | None, force: bool,
              config_path: str | None) -> None:
    """Kør auditnotebooken for hver klynge i registret med papermill.

    Hver klynge får sin egen mappe med den kørte notebook (01_audit.ipynb),
    rapporten som HTML uden kode (rapport.html) og kørslens filer. Fejler én
    klynge (ugyldige rækker, en personhenførbar oplysning, et nedbrud), køres
    de andre færdige; batch.json viser status, tid og årsag for hver klynge.
    En ny kørsel springer færdige klynger over, medmindre --force er givet.
    Exitkode 0: alle færdige, 1: mindst én klynge fejlede, 2: kan ikke bruges.
    """
    from auditlib.batch import BATCH_FILE, batch_exit_code, run_batch

    state = run_batch(register, out, by=by, jobs=jobs, force=force, config_path=config_path)
    clusters = state["clusters"]
    click.echo(msg("batch_overskrift", n=len(clusters), name=state["register"], out=out,
                   jobs=state["jobs"]))
    for cluster, outcome in clusters.items():
        click.echo(msg("batch_linje", cluster=cluster,
                       status=msg(f"batch_status_{outcome['status']}"),
                       seconds=float(outcome["seconds"]), folder=out / outcome["folder"]))
        if outcome.get("error"):
            click.echo(msg("batch_fejl_linje", error=outcome["error"]))
    statuses = [c["status"] for c in clusters.values()]
    click.echo(msg("batch_resume", done=statuses.count("faerdig"),
                   failed=statuses.count("fejlet"), skipped=statuses.count("sprunget_over"),
                   path=out / BATCH_FILE))
    sys.exit(batch_exit_code(state))


COMMANDS = [batch_cmd]
