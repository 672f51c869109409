"""``auditlib missed``: the register of discharges without a plan ("blev behovet vurderet?")."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import click

from auditlib.cli.base import DanishGroup, argument
from auditlib.cli.options import config_option, format_option
from auditlib.messages import msg


def _percent(value) -> str:
    return "–" if value is None or value != value else f"{round(value * 100)} %"


@click.group("missed", cls=DanishGroup,
             short_help="Planer der ikke blev lavet: blev behovet vurderet?",
             epilog="auditlib missed template --out udskrivninger.xlsx\n"
                    "auditlib missed validate data/anonymized/missed-demo.csv\n"
                    "auditlib missed audit data/anonymized/missed-demo.csv --out ikke-lavet/")
def missed_group() -> None:
    """Planer der ikke blev lavet: blev behovet for en genoptræningsplan vurderet?

    Et særskilt register over en stikprøve af udskrivninger UDEN plan: om et
    funktionstab er beskrevet, om behovet blev vurderet og af hvem, og hvorfor der
    ikke blev lavet en plan. Kriterierne M01-M04 bygger på retten til en plan uanset
    diagnose og på helhedsvurderingen. Se docs/missed-register.md.
    """


@missed_group.command("template", epilog="auditlib missed template --out udskrivninger.xlsx")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Hvor skabelonen gemmes (.xlsx).")
def template_cmd(out: Path) -> None:
    """Skriv en tom skabelon (Excel) til udskrivninger uden plan.

    Arket 'udskrivninger' har alle kolonner, rullelister, datovalidering og hjælp
    pr. kolonne; arket 'ark_vejledning' forklarer udfyldningen og årsagerne.
    """
    from auditlib.errors import OutputError
    from auditlib.missed.template import write_missed_template

    if out.is_dir():
        raise OutputError(msg("output_er_mappe", path=out, example="udskrivninger.xlsx"))
    if out.suffix.lower() != ".xlsx":
        raise OutputError(msg("output_filtype", suffix=".xlsx", example="udskrivninger.xlsx"))
    write_missed_template(out)
    click.echo(msg("mu_skabelon_skrevet", path=out))


def _problems_csv(problems, findings, rows: list) -> str:
    from auditlib.missed.columns import ID_COLUMN

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[ID_COLUMN, "column", "problem"],
                            lineterminator="\n")
    writer.writeheader()
    for problem in problems:
        writer.writerow(problem.as_row())
    for finding in findings:
        row = rows[finding.row] if finding.row is not None and finding.row < len(rows) else None
        where = finding.plan_id if finding.column != ID_COLUMN and finding.plan_id else (
            msg("sted_raekke", row=row) if row is not None else "")
        writer.writerow({ID_COLUMN: where, "column": finding.column,
                         "problem": msg("mu_privat_problem", kind=finding.kind,
                                        start=finding.start, end=finding.end)})
    return out.getvalue()


@missed_group.command("validate",
                      epilog="auditlib missed validate data/anonymized/missed-demo.csv\n"
                             "auditlib missed validate udskrivninger.xlsx --format csv "
                             "> problemer.csv")
@argument("register", type=click.Path(path_type=Path),
          help="Registret over udskrivninger uden plan (Excel .xlsx eller CSV).")
@format_option
@config_option
def validate_cmd(register: Path, fmt: str, config_path: str | None) -> None:
    """Tjek et register over udskrivninger uden plan mod dets datakontrakt.

    REGISTER er en .xlsx- eller .csv-fil (eller en mappe med Markdown-filer). Alle
    problemer vises på én gang med udskrivning_id (eller række), kolonne og hvad
    der skal rettes; en kolonne med en stavefejl nævnes ('mente du …?').
    Privatlivsværnet gennemgår også hver tekstcelle. Exitkode 0: i orden,
    1: problemer eller mulige identifikatorer fundet, 2: kan ikke læses.
    """
    from auditlib.config import load_config
    from auditlib.missed import load_missed_register, scan_missed_register
    from auditlib.privacy.guard import finding_lines
    from auditlib.register.report import problems_text

    config = load_config(config_path)
    loaded = load_missed_register(register)
    findings = scan_missed_register(loaded, config)
    if fmt == "csv":
        click.echo(_problems_csv(loaded.problems, findings, loaded.rows), nl=False)
    else:
        if loaded.problems:
            click.echo(msg("mu_rapport_problemer", name=loaded.name, count=len(loaded.problems),
                           n=len(loaded.frame)))
            click.echo(problems_text(loaded.problems))
        else:
            click.echo(msg("mu_rapport_ok", name=loaded.name, n=len(loaded.frame)))
        if findings:
            click.echo(msg("mu_privat_fundet", count=len(findings)))
            click.echo("\n".join(finding_lines(findings)))
        else:
            click.echo(msg("mu_privat_rent"))
    sys.exit(1 if loaded.problems or findings else 0)


@missed_group.command("audit",
                      epilog="auditlib missed audit data/anonymized/missed-demo.csv "
                             "--out ikke-lavet/\n"
                             "auditlib missed audit udskrivninger.xlsx --cluster Midtklyngen "
                             "--out midt-ikke-lavet/")
@argument("register", type=click.Path(path_type=Path),
          help="Registret over udskrivninger uden plan (Excel .xlsx eller CSV).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Mappen, hvor missed.csv, missed_discharges.csv og missed.json skrives.")
@click.option("--cluster", "cluster", default=None, metavar="NAVN",
              help="Auditér kun udskrivningerne fra denne klynge (kolonnen klynge).")
@config_option
def audit_cmd(register: Path, out: Path, cluster: str | None, config_path: str | None) -> None:
    """Auditér udskrivningerne uden plan mod kriterierne M01-M04.

    Privatlivsværnet gennemgår registret først, derefter tjekkes det mod
    datakontrakten; er der identifikatorer eller problemer, stoppes der, før noget
    skrives. Kørselsmappen (missed.csv med ét resultat pr. udskrivning og kriterium,
    missed_discharges.csv uden fritekst, missed.json) bruges af 'auditlib catalogue
    --missed' til katalogets del 'Planer der ikke blev lavet'.
    """
    from auditlib.config import load_config
    from auditlib.missed import load_missed_register, run_missed_audit, write_missed_run
    from auditlib.missed.summary import criteria_table

    config = load_config(config_path)
    loaded = load_missed_register(register)
    click.echo(msg("mu_audit_start", name=loaded.name, n=len(loaded.frame)), err=True)
    result = run_missed_audit(loaded, config, cluster=cluster)
    write_missed_run(result, out, inputs=(register,))
    meta = result.meta
    assessed = int(result.discharges["behov_vurderet"].fillna("").eq("ja").sum())
    click.echo(msg("mu_audit_resume", n=meta["n_discharges"],
                   cluster=f" fra {meta['cluster']}" if meta.get("cluster") else "",
                   criteria=len(meta["criteria"]), assessed=assessed))
    click.echo("")
    click.echo(f"{msg('audit_tabel_kriterium'):<52}{msg('audit_tabel_opfyldt'):>9}"
               f"{msg('audit_tabel_ikke'):>6}{msg('audit_tabel_andel'):>8}")
    # The coordinator's own data: counts are shown as they are.
    for row in criteria_table(result.results, min_count=None).itertuples(index=False):
        title = f"{row.criterion_id} {row.titel}"
        title = title if len(title) <= 50 else title[:49] + "…"
        click.echo(f"{title:<52}{row.opfyldt:>9}{row.ikke_opfyldt:>6}"
                   f"{_percent(row.andel_opfyldt):>8}")
    click.echo("")
    click.echo(msg("mu_filer", out=out))
    click.echo(msg("mu_naeste", out=out))


COMMANDS = [missed_group]
