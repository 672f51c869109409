"""``auditlib audit`` and ``auditlib counts``."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand, argument, register_exists
from auditlib.cli.options import config_option, format_option
from auditlib.messages import msg


def _percent(value) -> str:
    from auditlib.formats import fmt_percent

    return fmt_percent(value)


@click.command("audit", cls=DanishCommand,
               short_help="Auditér planerne mod alle kriterier og find gråzonerne.",
               epilog="auditlib audit data/anonymized/midtklyngen-demo.xlsx --out koersel/\n"
                      "auditlib audit region.csv --cluster Sydklyngen --out syd/\n"
                      "auditlib audit region.csv --sample 20 --seed 7 --out stikproeve/")
@argument("register", type=click.Path(path_type=Path), callback=register_exists,
          help="Planregistret: Excel (.xlsx), CSV (.csv) eller en mappe med Markdown-planer (.md).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="MAPPE",
              help="Mappen, hvor criteria.csv, statements.csv og run.json skrives.")
@click.option("--cluster", "cluster", default=None, metavar="NAVN",
              help="Auditér kun planerne fra denne klynge (kolonnen klynge).")
@click.option("--sample", "sample", type=int, default=None, metavar="N",
              help="Auditér en stikprøve på N planer, fordelt efter udskrivningskvartal.")
@click.option("--seed", "seed", type=int, default=None, metavar="S",
              help="Startværdi for stikprøven (samme værdi giver samme planer). Standard: 1.")
@config_option
def audit_cmd(register: Path, out: Path, cluster: str | None, sample: int | None,
              seed: int | None, config_path: str | None) -> None:
    """Auditér planerne: alle kriterier på hver plan, og alle udsagn klassificeret.

    Registret tjekkes først mod datakontrakten og privatlivsværnet; indeholder
    det problemer eller identifikatorer, stoppes der, før noget skrives.
    Resultatet er en kørselsmappe med criteria.csv, statements.csv og run.json,
    som 'auditlib catalogue' og 'auditlib review export' bygger videre på.
    """
    from auditlib.audit import run_audit, write_run
    from auditlib.config import load_config
    from auditlib.register import prepare_register
    from auditlib.summary import criteria_summary

    if seed is not None and sample is None:
        raise click.UsageError(msg("audit_seed_uden_sample"))
    config = load_config(config_path)
    prepared = prepare_register(register, config, cluster)
    for notice in prepared.notices:
        click.echo(notice, err=True)
    click.echo(msg("audit_start", name=prepared.name, n=len(prepared.frame)), err=True)
    result = run_audit(prepared, config, sample=sample, seed=seed)
    write_run(result, out, inputs=(register,))
    summary = criteria_summary(result.criteria)
    meta = result.meta
    click.echo(msg("audit_resume", n=meta["n_plans"],
                   cluster=f" fra {meta['cluster']}" if meta.get("cluster") else "",
                   seconds=meta["seconds"], criteria=len(meta["criteria"]),
                   statements=meta["n_statements"], greyzones=meta["n_greyzone"]))
    click.echo("")
    click.echo(f"{msg('audit_tabel_kriterium'):<58}{msg('audit_tabel_opfyldt'):>9}"
               f"{msg('audit_tabel_ikke'):>6}{msg('audit_tabel_andel'):>7}")
    for row in summary.itertuples(index=False):
        title = f"{row.criterion_id} {row.titel}"
        title = title if len(title) <= 56 else title[:55] + "…"
        click.echo(f"{title:<58}{row.opfyldt:>9}{row.ikke_opfyldt:>6}"
                   f"{_percent(row.andel_opfyldt):>7}")
    click.echo("")
    click.echo(msg("audit_filer", out=out))
    click.echo(msg("audit_naeste", out=out))


@click.command("counts", cls=DanishCommand,
               short_help="Tæl planer pr. kvartal og opdeling, evt. pr. 100 udskrivninger.",
               epilog="auditlib counts data/anonymized/region-demo.csv\n"
                      "auditlib counts region.csv --by afdeling --by afdeling-kommune\n"
                      "auditlib counts region.csv --discharges udskrivninger.csv\n"
                      "auditlib counts region.csv --indsatser\n"
                      "auditlib counts region.csv --format csv > optaelling.csv")
@argument("register", type=click.Path(path_type=Path), callback=register_exists,
          help="Planregistret: Excel (.xlsx), CSV (.csv) eller en mappe med Markdown-planer (.md).")
@click.option("--cluster", "cluster", default=None, metavar="NAVN",
              help="Tæl kun planerne fra denne klynge.")
@click.option("--by", "by", multiple=True, metavar="OPDELING",
              type=click.Choice(["klynge", "afdeling", "kontakttype", "diagnosegruppe", "niveau",
                                 "kommune", "afdeling-kommune"]),
              help="Opdeling (kan gentages): klynge, afdeling, kontakttype, diagnosegruppe, "
                   "niveau, kommune, afdeling-kommune. Standard: alle undtagen "
                   "afdeling-kommune.")
@click.option("--discharges", "discharges", default=None, type=click.Path(path_type=Path),
              metavar="UDTRÆK",
              help="Udtræk af udskrivninger (CSV/Excel: kvartal, afdeling eller klynge, "
                   "diagnosegruppe, udskrivninger); giver planer pr. 100 udskrivninger.")
@click.option("--indsatser", "efforts", is_flag=True, default=False,
              help="Vis også de øvrige indsatser ved siden af planerne (plan på plan).")
@format_option
@config_option
def counts_cmd(register: Path, cluster: str | None, by: tuple[str, ...],
               discharges: Path | None, efforts: bool, fmt: str,
               config_path: str | None) -> None:
    """Tæl planer pr. udskrivningskvartal og opdeling, med diskretionering.

    Diagnosegrupper som i det regionale notat: depression (F32-F33), angst
    (F40-F41) og andre, efter hoveddiagnosen. Tal under 5 vises som '<5'; tal,
    der ellers kunne regnes ud af totalerne, vises som 'x'. Med --discharges
    beregnes planer pr. 100 udskrivninger med 95 %-konfidensinterval (Wilson).
    Registret tjekkes mod datakontrakten og privatlivsværnet først.
    """
    from auditlib.config import load_config
    from auditlib.counts.extract import load_discharge_extract
    from auditlib.counts.rates import count_report
    from auditlib.counts.reference import reference_figures
    from auditlib.register import prepare_register

    config = load_config(config_path)
    chosen = prepare_register(register, config, cluster)
    loaded = chosen
    extract = load_discharge_extract(discharges) if discharges is not None else None
    suppression = config.suppression
    # The reference figures are always in the system, so text and CSV hide the same cells.
    report = count_report(chosen.frame, by=by or None, extract=extract,
                          min_count=suppression.min_count,
                          suppress_zero=suppression.suppress_zero,
                          reference=reference_figures(), label=cluster or loaded.name)
    overview = None
    if efforts:
        from auditlib.counts.parallel import efforts_overview, plan_efforts

        overview = efforts_overview(chosen.frame, plan_efforts(chosen.frame),
                                    min_count=suppression.min_count,
                                    suppress_zero=suppression.suppress_zero)
    if fmt == "csv":
        click.echo(_counts_csv(report, overview), nl=False)
        return
    for notice in extract.notices if extract else []:
        click.echo(notice, err=True)
    click.echo(msg("counts_overskrift", name=loaded.name, cluster=f", {cluster}" if cluster else "",
                   n=len(chosen.frame), min_count=suppression.min_count))
    click.echo(msg("counts_tegn", marker=f"<{suppression.min_count}"))
    _echo_counts(report)
    if report.rates is not None:
        _echo_rates(report, extract.name)
    _echo_reference(report.reference)
    if overview is not None:
        _echo_efforts(overview)


def _echo_reference(comparison) -> None:
    from auditlib.counts.reference import reference_text_table

    if comparison is None or comparison.empty:
        return
    text = reference_text_table(comparison)
    rows = [[f"{r['Tal']}: {r['Gruppe']}", str(r["Notat: år"]), str(r["Notat: antal"]),
             r["Antal"], r["Pr. år (omregnet)"]] for _, r in text.iterrows()]
    first = comparison.iloc[0]
    _echo_table(msg("counts_reference_overskrift", register=first["register"],
                    period=first["periode"], quarters=first["kvartaler"]),
                [msg("counts_kolonne_tal"), msg("counts_kolonne_notat_aar"),
                 msg("counts_kolonne_notat_antal"), msg("counts_kolonne_register"),
                 msg("counts_kolonne_pr_aar")], rows)
    for source in dict.fromkeys(comparison["kilde"]):
        click.echo(msg("counts_reference_kilde", source=source))


def _echo_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(v)) for v in column) for column in zip(header, *rows, strict=True)]
    click.echo("")
    click.echo(title)
    click.echo(f"{header[0]:<{widths[0]}}" + "".join(f"  {h:>{w}}" for h, w in
                                                    zip(header[1:], widths[1:], strict=True)))
    for row in rows:
        click.echo(f"{row[0]:<{widths[0]}}" + "".join(f"  {v:>{w}}" for v, w in
                                                     zip(row[1:], widths[1:], strict=True)))


def _echo_counts(report) -> None:
    from auditlib.counts import wide_counts

    wide = wide_counts(report.counts)
    for title, part in wide.groupby("opdeling", sort=False):
        part = part.drop(columns="opdeling")
        part = part.loc[:, [c for c in part.columns if c == "kategori"
                            or part[c].astype(str).ne("").any()]]
        rows = [[str(v) for v in row] for row in part.itertuples(index=False)]
        _echo_table(title, [msg("counts_kolonne_kategori")] + list(part.columns[1:]), rows)


def _echo_rates(report, name: str) -> None:
    from auditlib.counts.rates import rates_text_table

    text = rates_text_table(report.rates, report.kind)
    click.echo("")
    click.echo(msg("counts_rater_overskrift", kind=report.kind, name=name))
    for title, part in text.groupby("opdeling", sort=False):
        rows = [[r.kategori, r.kvartal, r.planer, getattr(r, report.kind), r[-2], r[-1]]
                for r in part.itertuples(index=False)]
        _echo_table(title, [msg("counts_kolonne_kategori"), msg("counts_kolonne_kvartal"),
                            "planer", report.kind, msg("counts_kolonne_pr_100"),
                            "95 %-KI"], rows)
    for note in report.notes:
        click.echo(msg(f"counts_note_{note}", kind=report.kind))


def _echo_efforts(overview) -> None:
    from auditlib.counts.rates import danish_percent

    rows = [[f"{r.gruppe}: {r.indsats}", r.planer, danish_percent(r.andel)]
            for r in overview.itertuples(index=False)]
    _echo_table(msg("counts_indsatser_overskrift"),
                [msg("counts_kolonne_indsats"), "planer", msg("counts_kolonne_andel")], rows)


def _counts_csv(report, overview) -> str:
    import pandas as pd

    parts = [report.counts]
    if report.rates is not None:
        shown = set(report.rates["opdeling"])
        parts = [report.counts[~report.counts["opdeling"].isin(shown)], report.rates]
    if overview is not None:
        parts.append(pd.DataFrame({"opdeling": "Øvrige indsatser: " + overview["gruppe"],
                                   "kategori": overview["indsats"], "kvartal": "I alt",
                                   "planer": overview["planer"]}))
    table = pd.concat(parts, ignore_index=True)
    return table.to_csv(index=False, lineterminator="\n")


COMMANDS = [audit_cmd, counts_cmd]
