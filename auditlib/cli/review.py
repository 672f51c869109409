"""The forum's review round on the command line: export, import, agreement, compare."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditlib.cli.base import DanishGroup
from auditlib.cli.options import format_option
from auditlib.messages import msg

if TYPE_CHECKING:
    import pandas as pd

RUN_DIR = click.Path(path_type=Path)


@click.group("review", cls=DanishGroup,
             epilog="auditlib review export output/ --out gennemgang.xlsx\n"
                    "auditlib review import gennemgang.xlsx --run output/\n"
                    "auditlib review agreement output/")
def review() -> None:
    """Forummets gennemgang: arbejdsbog ud, afgørelser ind, enighed.

    Lav arbejdsbogen fra en auditkørsel, lad hospital, kommune og forum udfylde de
    gule kolonner, og læs afgørelserne ind igen. Afgørelserne har forrang for
    værktøjets resultater i kataloget og i 'auditlib compare'.
    """


@review.command("export", epilog="auditlib review export output/ --out gennemgang.xlsx")
@click.argument("run_dir", type=RUN_DIR)
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Hvor arbejdsbogen gemmes (.xlsx).")
@click.option("--no-triage", "no_triage", is_flag=True,
              help="Udelad arket 'triage' (de syv parametre).")
def export_cmd(run_dir: Path, out: Path, no_triage: bool) -> None:
    """Skriv forummets arbejdsbog (Excel) fra kørselsmappen RUN_DIR.

    Arket 'planer' har én blok pr. plan (planens tekst, værktøjets fund og gråzoneudsagn
    og gule felter til hospitalets og kommunens syn og forummets vurdering), 'kriterier'
    én række pr. plan og kriterium, 'udsagn' gråzoneudsagn og alle udsagn fra
    genoptræningsbehov og mål, 'beslutningslog' forummets log. Værktøjets celler er låst
    (uden adgangskode); hospital, kommune og forum udfylder de gule.
    """
    from auditlib.errors import OutputError
    from auditlib.review.export import export_review, review_statements
    from auditlib.rundir import read_run

    if out.is_dir() or out.suffix.lower() != ".xlsx":
        raise OutputError(msg("review_output_filtype"))
    run = read_run(run_dir)
    export_review(run_dir, out, triage=not no_triage)
    click.echo(msg("review_eksporteret", path=out, criteria=len(run.criteria),
                   statements=len(review_statements(run))))


@review.command("import", epilog="auditlib review import gennemgang.xlsx --run output/")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("--run", "run_dir", required=True, type=RUN_DIR,
              help="Kørselsmappen, arbejdsbogen er lavet fra; decisions.csv skrives her.")
def import_cmd(workbook: Path, run_dir: Path) -> None:
    """Læs forummets udfyldte arbejdsbog WORKBOOK ind i kørselsmappen.

    Afgørelser og beslutningslog går i decisions.csv, forummets vurdering pr. plan i
    verdicts.csv og triagegraderne i triage.csv (Q06 køres igen på dem). Alle rækker
    tjekkes, og alle problemer vises på én gang (plan_id, ark, række, kolonne). Er der
    problemer, skrives intet. En tidligere fil erstattes, når arbejdsbogen har indhold
    til den. Exitkode 0: læst ind, 1: ugyldige rækker, 2: filen kan ikke bruges.
    """
    from auditlib.review.importer import import_review

    result = import_review(workbook, run_dir)
    kinds = result.decisions["kind"]
    click.echo(msg("meeting_importeret", folder=run_dir, decisions=len(result.decisions),
                   criteria=int(kinds.eq("kriterium").sum()),
                   statements=int(kinds.eq("udsagn").sum()), verdicts=len(result.verdicts),
                   triage=len(result.triage)))
    if len(result.triage):
        from auditlib.review.triage import rerun_with_triage

        rerun = rerun_with_triage(run_dir)
        changed = int(rerun["result"].ne(rerun["result_before"]).sum())
        click.echo(msg("meeting_q06_igen", changed=changed, total=len(rerun)))


def _text_table(frame: pd.DataFrame, percent: tuple[str, ...] = (),
                decimals: tuple[str, ...] = ()) -> str:
    import pandas as pd

    shown = frame.copy().astype(object)
    for column in percent:
        shown[column] = [("" if pd.isna(v) else f"{v:.0%}") for v in frame[column]]
    for column in decimals:
        shown[column] = [("–" if pd.isna(v) else f"{v:+.1f}" if column == "aendring"
                          else f"{v:.2f}") for v in frame[column]]
    return shown.to_string(index=False)


@review.command("agreement", epilog="auditlib review agreement output/\n"
                                    "auditlib review agreement output/ --format csv > enighed.csv")
@click.argument("run_dir", type=RUN_DIR)
@format_option
def agreement_cmd(run_dir: Path, fmt: str) -> None:
    """Vis enigheden mellem hospital og kommune (procent og Cohens kappa).

    Pr. kriterium, pr. sektor for gråzoneudsagn og mellem værktøjet og forummets
    afgørelse, med antal emner. Med --format csv får hver række kolonnen 'tabel'.
    """
    import pandas as pd

    from auditlib.review.agreement import agreement_tables

    tables = agreement_tables(run_dir)
    if fmt == "csv":
        frame = pd.concat([t.assign(tabel=name) for name, t in tables.items()],
                          ignore_index=True)
        frame = frame[["tabel", *[c for c in frame.columns if c != "tabel"]]]
        click.echo(frame.to_csv(index=False, lineterminator="\n", float_format="%.3f"), nl=False)
        return
    headings = {"kriterier": "review_overskrift_kriterier",
                "sektorer": "review_overskrift_sektorer", "forum": "review_overskrift_forum"}
    for name, table in tables.items():
        click.echo(msg(headings[name]))
        click.echo(_text_table(table, percent=("enighed",), decimals=("kappa",)))
        click.echo("")


@click.command("compare", cls=DanishGroup.command_class,
               short_help="Sammenlign andel opfyldt pr. kriterium mellem to kørsler.",
               epilog="auditlib compare audit-2025/ audit-2026/\n"
                      "auditlib compare audit-2025/ audit-2026/ --format csv > udvikling.csv")
@click.argument("run_a", type=RUN_DIR)
@click.argument("run_b", type=RUN_DIR)
@format_option
def compare(run_a: Path, run_b: Path, fmt: str) -> None:
    """Sammenlign andel opfyldt pr. kriterium mellem to kørsler (RUN_A før, RUN_B efter).

    Andelen er opfyldt ud af de vurderede planer (opfyldt + ikke opfyldt), som
    i kataloget. Forummets afgørelser (decisions.csv) har forrang for værktøjets resultat. Ændringen er i
    procentpoint.
    """
    from auditlib.compare import compare_runs

    table = compare_runs(run_a, run_b)
    if fmt == "csv":
        click.echo(table.to_csv(index=False, lineterminator="\n", float_format="%.4f"), nl=False)
        return
    click.echo(msg("review_sammenligning_overskrift", a=run_a, b=run_b))
    click.echo(_text_table(table, percent=("foer", "efter"), decimals=("aendring",)))


COMMANDS = [review, compare]
