"""``auditlib catalogue``: the snitfladekatalog from audit runs and the curated content."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand
from auditlib.cli.options import config_option
from auditlib.messages import msg


@click.command("catalogue", cls=DanishCommand,
               epilog="auditlib catalogue output/ --out katalog/\n"
                      "auditlib catalogue koersel-k1/ koersel-k3/ --out katalog/ "
                      "--register planer.xlsx\n"
                      "auditlib catalogue koersel/ --missed ikke-lavet/ --out katalog/")
@click.argument("run_dirs", nargs=-1, required=True, metavar="KØRSELSMAPPE",
                type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Mappen, hvor snitfladekatalog.xlsx og snitfladekatalog.html gemmes.")
@click.option("--register", "register", type=click.Path(path_type=Path), default=None,
              help="Planregistret bag kørslerne: giver optællingen pr. kvartal "
                   "(tjekkes og gennemgås af privatlivsværnet først).")
@click.option("--content", "content", type=click.Path(path_type=Path), default=None,
              help="Mappen med katalogets YAML-filer. Standard: projektets catalogue/.")
@click.option("--missed", "missed", multiple=True, type=click.Path(path_type=Path),
              metavar="MAPPE",
              help="En kørsel af 'auditlib missed audit' (kan gentages): giver delen "
                   "'Planer der ikke blev lavet'.")
@config_option
def catalogue_cmd(run_dirs: tuple[Path, ...], out: Path, register: Path | None,
                  content: Path | None, missed: tuple[Path, ...],
                  config_path: str | None) -> None:
    """Lav snitfladekataloget i Excel og HTML.

    KØRSELSMAPPE er en eller flere mapper fra 'auditlib audit'. Kataloget fletter
    forummets tekster (catalogue/*.yaml) med auditternes resultater: gråzoneudsagn
    under den rette snitflade (forummets beslutninger har forrang), opfyldelse pr.
    kriterium og klynge, planerne med flest formelle mangler, optælling og de
    kompetencebehov, auditten peger på. To kørsler af samme klynge giver også
    udviklingen mellem dem. Uden --register tælles planer pr. klynge (eller pr.
    kvartal, hvis kørslen har optalt dem).
    """
    from auditlib.catalogue import write_catalogue
    from auditlib.config import load_config
    from auditlib.errors import RunDirError

    seen: set[Path] = set()
    for run_dir in run_dirs:
        key = run_dir.resolve()
        if key in seen:
            raise RunDirError(msg("katalog_koersel_dublet", path=run_dir))
        seen.add(key)
    config = load_config(config_path)
    paths = write_catalogue(list(run_dirs), out, content_dir=content, register=register,
                            config=config, missed=list(missed))
    click.echo(msg("katalog_skrevet"))
    click.echo(msg("katalog_fil_excel", path=paths["xlsx"]))
    click.echo(msg("katalog_fil_html", path=paths["html"]))


COMMANDS = [catalogue_cmd]
