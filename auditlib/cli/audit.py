"""``auditlib audit`` and ``auditlib counts``."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand
from auditlib.cli.options import config_option, format_option
from auditlib.messages import msg


def _percent(value) -> str:
    return "–" if value != value or value is None else f"{value:.0%}"  # NaN-safe


@click.command("audit", cls=DanishCommand,
               short_help="Auditér planerne mod alle kriterier og find gråzonerne.",
               epilog="auditlib audit data/anonymized/midtklyngen-demo.xlsx --out koersel/\n"
                      "auditlib audit region.csv --cluster Sydklyngen --out syd/\n"
                      "auditlib audit region.csv --sample 20 --seed 7 --out stikproeve/")
@click.argument("register", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
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
               short_help="Tæl planer pr. kvartal, niveau, diagnosegruppe og kommune.",
               epilog="auditlib counts data/anonymized/region-demo.csv\n"
                      "auditlib counts region.csv --format csv > optaelling.csv")
@click.argument("register", type=click.Path(path_type=Path))
@click.option("--cluster", "cluster", default=None, metavar="NAVN",
              help="Tæl kun planerne fra denne klynge.")
@format_option
@config_option
def counts_cmd(register: Path, cluster: str | None, fmt: str, config_path: str | None) -> None:
    """Tæl planer pr. udskrivningskvartal, niveau, diagnosegruppe og kommune.

    Diagnosegrupper som i det regionale notat: depression (F32-F33), angst
    (F40-F41) og andre, efter hoveddiagnosen. Tal under 5 i opdelingerne vises
    som '<5' (kan ændres med suppression.min_count). Registret tjekkes mod
    datakontrakten og privatlivsværnet først.
    """
    from auditlib.config import load_config
    from auditlib.counts import quarterly_counts, wide_counts
    from auditlib.register import prepare_register

    config = load_config(config_path)
    chosen = prepare_register(register, config, cluster)
    loaded = chosen
    counts = quarterly_counts(chosen.frame, config.suppression.min_count)
    if fmt == "csv":
        click.echo(counts.to_csv(index=False, lineterminator="\n"), nl=False)
        return
    wide = wide_counts(counts)
    click.echo(msg("counts_overskrift", name=loaded.name, cluster=f", {cluster}" if cluster else "",
                   n=len(chosen.frame), min_count=config.suppression.min_count))
    for title, part in wide.groupby("opdeling", sort=False):
        part = part.drop(columns="opdeling")
        first = max(len(title), *(len(str(v)) for v in part["kategori"]))
        columns = list(part.columns[1:])
        click.echo("")
        click.echo(f"{title:<{first}}" + "".join(f"{c:>10}" for c in columns))
        for row in part.itertuples(index=False):
            click.echo(f"{row[0]:<{first}}" + "".join(f"{v:>10}" for v in row[1:]))


COMMANDS = [audit_cmd, counts_cmd]
