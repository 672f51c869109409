"""``auditlib scan``: the privacy guard on the command line (spec/privacy.md, cli.md)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import click

from auditlib.cli.base import DanishCommand, argument
from auditlib.cli.options import config_option, format_option
from auditlib.messages import msg

CSV_COLUMNS = ["plan_id", "column", "kind", "start", "end"]


def findings_csv(findings) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for finding in findings:
        writer.writerow(finding.as_row())
    return buffer.getvalue()


def check_redact_target(out: Path, source: Path) -> None:
    """Refuse a copy that is not .xlsx/.csv, is a folder or would overwrite the input."""
    from auditlib.atomic import guard_not_input
    from auditlib.errors import OutputError

    if out.is_dir():
        raise OutputError(msg("output_er_mappe", path=out, example="planer-redigeret.xlsx"))
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise OutputError(msg("privat_redact_filtype", suffix=out.suffix or out.name))
    guard_not_input(out, source)


def write_redacted(register, findings, out: Path) -> None:
    """Write the register with each finding replaced by its tag, as .xlsx or .csv."""
    from auditlib.atomic import write_with
    from auditlib.privacy import redact_frame
    from auditlib.privacy.scan import scanned_cells

    check_redact_target(out, register.source)
    suffix = out.suffix.lower()
    frame = redact_frame(register.frame, findings, cells=scanned_cells(register)[0])
    # Dates as plain ISO dates, as the register contract writes them.
    for column in frame.columns:
        if str(frame[column].dtype).startswith("datetime"):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    if suffix == ".csv":
        write_with(out, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8"))
    else:
        write_with(out, lambda tmp: frame.to_excel(tmp, index=False, sheet_name="planer",
                                                   engine="openpyxl"))


@click.command("scan", cls=DanishCommand,
               short_help="Find identifikatorer (CPR, telefon, e-mail, adresse, navn, alder).",
               epilog=(
    "auditlib scan data/anonymized/midtklyngen-demo.xlsx\n"
    "auditlib scan planer.xlsx --format csv > fund.csv\n"
    "auditlib scan planer.xlsx --redact planer-redigeret.xlsx"))
@argument("register", type=click.Path(path_type=Path),
          help="Planregistret: Excel (.xlsx), CSV (.csv) eller en mappe med Markdown-planer (.md).")
@format_option
@click.option("--redact", "redact", type=click.Path(path_type=Path), default=None, metavar="FIL",
              help="Gem en kopi af registret, hvor hvert fund er erstattet af et mærke "
                   "([CPR], [NAVN] …), som .xlsx eller .csv. Originalen ændres aldrig.")
@click.option("--explain", "explain", is_flag=True, default=False,
              help="Vis for hvert fund, hvilket mønster og hvilket kontekstord der gav det, "
                   "og med hvilken score (aldrig selve værdien).")
@click.option("--cluster", "cluster", default=None, metavar="NAVN",
              help="Klyngen, hvis tilladte ord (privacy.allow_by_cluster) gælder. "
                   "Standard: hver plans egen klynge.")
@config_option
def scan_cmd(register: Path, fmt: str, redact: Path | None, explain: bool,
             cluster: str | None, config_path: str | None) -> None:
    """Find personhenførbare oplysninger (CPR, telefon, e-mail, adresse, navn, alder).

    REGISTER er en .xlsx-fil, en .csv-fil eller en mappe med Markdown-planer.
    Rapporten viser plan_id, kolonne, type og tegnpositioner – aldrig selve værdien.
    Exitkode 0: intet fundet, 1: fund, 2: registret eller kommandoen kan ikke bruges.
    """
    from auditlib.config import load_config
    from auditlib.errors import RegisterUnusableError
    from auditlib.privacy import scan_register
    from auditlib.privacy.guard import finding_lines
    from auditlib.register import load_register

    if redact is not None:
        check_redact_target(redact, register)
    config = load_config(config_path)
    loaded = load_register(register)
    if loaded.frame.empty:
        raise RegisterUnusableError(msg("privat_ubrugeligt", name=loaded.name,
                                        count=len(loaded.problems)), problems=loaded.problems)
    findings = scan_register(loaded, config=config, cluster=cluster)
    plans = {f.row if f.hide_id or not f.plan_id else f.plan_id for f in findings}
    if fmt == "csv":
        click.echo(findings_csv(findings), nl=False)
    elif findings:
        click.echo(msg("privat_fundet", name=loaded.name, n=len(loaded.frame),
                       count=len(findings), plans=len(plans)))
        if explain:
            click.echo("\n".join(f"  {f}: {f.explain()}" for f in findings))
        else:
            click.echo("\n".join(finding_lines(findings, limit=len(findings))))
    else:
        click.echo(msg("privat_rent", name=loaded.name, n=len(loaded.frame)))
    if redact is not None:
        write_redacted(loaded, findings, redact)
        click.echo(msg("privat_redigeret_skrevet", count=len(findings), path=redact),
                   err=fmt == "csv")
    sys.exit(1 if findings else 0)


COMMANDS = [scan_cmd]
