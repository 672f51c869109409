"""The forum's review round on the command line: export, import, agreement, compare."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditlib.cli.base import DanishGroup, argument
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
@argument("run_dir", type=RUN_DIR, help="Kørselsmappen fra 'auditlib audit' (eller 'auditlib run').")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="FIL",
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
@argument("workbook", type=click.Path(path_type=Path),
          help="Arbejdsbogen (.xlsx) fra 'auditlib review export', udfyldt af forummet.")
@click.option("--run", "run_dir", required=True, type=RUN_DIR, metavar="MAPPE",
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


def _agreement_text(table: pd.DataFrame, sectors: bool) -> str:
    """Area, n, the share agreed with its n ("67 % (2 af 3)"), kappa and the note."""
    from auditlib.cli.base import text_table
    from auditlib.formats import fmt_number, fmt_percent
    from auditlib.vocabulary import LABEL_TITLES

    rows = []
    for r in table.itertuples(index=False):
        agreed = None if r.enighed != r.enighed else round(r.enighed * r.n)
        area = LABEL_TITLES.get(r.omraade, r.omraade) if sectors else str(r.omraade)
        area = area[:1].upper() + area[1:]
        rows.append([area, fmt_number(r.n), fmt_percent(r.enighed, n=agreed, total=r.n),
                     fmt_number(r.kappa, 2), r.note])
    headers = [msg(f"tabel_{c}") for c in ("omraade", "n", "enighed", "kappa", "note")]
    return text_table(headers, rows, right=(1, 2, 3))


def _compare_text(table: pd.DataFrame) -> str:
    """Before, after and the change, each share with the plans it rests on."""
    from auditlib.cli.base import text_table
    from auditlib.formats import fmt_percent, fmt_points

    rows = [[r.criterion_id, r.titel,
             fmt_percent(r.foer, n=r.foer_opfyldt, total=r.foer_vurderet),
             fmt_percent(r.efter, n=r.efter_opfyldt, total=r.efter_vurderet),
             fmt_points(r.aendring)] for r in table.itertuples(index=False)]
    headers = [msg(f"tabel_{c}") for c in ("criterion_id", "titel", "foer", "efter", "aendring")]
    return text_table(headers, rows, right=(2, 3, 4))


@review.command("agreement", epilog="auditlib review agreement output/\n"
                                    "auditlib review agreement output/ --format csv > enighed.csv")
@argument("run_dir", type=RUN_DIR, help="Kørselsmappen, hvor afgørelserne er læst ind.")
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
        click.echo(_agreement_text(table, sectors=name == "sektorer"))
        click.echo("")


@click.command("compare", cls=DanishGroup.command_class,
               short_help="Sammenlign andel opfyldt pr. kriterium mellem to kørsler.",
               epilog="auditlib compare audit-2025/ audit-2026/\n"
                      "auditlib compare audit-2025/ audit-2026/ --format csv > udvikling.csv")
@argument("run_a", type=RUN_DIR, help="Kørselsmappen før (den tidligere audit).")
@argument("run_b", type=RUN_DIR, help="Kørselsmappen efter (den senere audit af samme klynge).")
@format_option
def compare(run_a: Path, run_b: Path, fmt: str) -> None:
    """Sammenlign andel opfyldt pr. kriterium mellem to kørsler (RUN_A før, RUN_B efter).

    Andelen er opfyldt ud af de vurderede planer (opfyldt + ikke opfyldt), som
    i kataloget. Forummets afgørelser (decisions.csv) har forrang for værktøjets resultat. Ændringen er i
    procentpoint.
    """
    from auditlib.compare import compare_runs

    table = compare_runs(run_a, run_b, with_counts=fmt != "csv")
    if fmt == "csv":
        click.echo(table.to_csv(index=False, lineterminator="\n", float_format="%.4f"), nl=False)
        return
    click.echo(msg("review_sammenligning_overskrift", a=run_a, b=run_b))
    click.echo(_compare_text(table))


@review.command("agenda", epilog="auditlib review agenda output/ --out dagsorden.html")
@argument("run_dir", type=RUN_DIR, help="Kørselsmappen fra 'auditlib audit' (eller 'auditlib run').")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="FIL",
              help="Hvor dagsordenen gemmes (.html).")
def agenda_cmd(run_dir: Path, out: Path) -> None:
    """Skriv mødets dagsorden (HTML): én side pr. plan til skærm eller papir.

    Hver side har planens tekst, værktøjets fund, gråzoneudsagnene med værktøjets
    forslag og hvor sikkert det er, og plads til hospitalets og kommunens syn og
    forummets vurdering. Udskrevet (eller gemt som PDF fra browseren) starter hver
    plan på en ny A4-side. Filen virker uden net.
    """
    from auditlib.review.agenda import write_agenda

    path = write_agenda(run_dir, out)
    click.echo(msg("agenda_skrevet", path=path))


COMMANDS = [review, compare]
