"""``auditlib catalogue``: the snitfladekatalog from audit runs and the curated content,
and ``auditlib catalogue merge-comments``: the other clusters' hearing comments merged
into the next version of the content."""

from __future__ import annotations

from pathlib import Path

import click

from auditlib.cli.base import DanishCommand, DanishGroup, argument
from auditlib.cli.options import config_option
from auditlib.messages import msg

CATALOGUE_EXAMPLES = ("auditlib catalogue output/ --out katalog/\n"
                      "auditlib catalogue koersel-k1/ koersel-k3/ --out katalog/ "
                      "--register planer.xlsx\n"
                      "auditlib catalogue koersel/ --missed ikke-lavet/ --out katalog/\n"
                      "auditlib catalogue output/ --out hoering/ --hearing --no-plan-rows")


@click.command("catalogue", cls=DanishCommand, epilog=CATALOGUE_EXAMPLES)
@argument("run_dirs", nargs=-1, required=True, metavar="KØRSELSMAPPE...",
          type=click.Path(path_type=Path),
          help="En eller flere kørselsmapper fra 'auditlib audit' (én pr. klynge eller kvartal).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="MAPPE",
              help="Mappen, hvor snitfladekatalog.xlsx og snitfladekatalog.html gemmes.")
@click.option("--register", "register", type=click.Path(path_type=Path), default=None,
              metavar="REGISTER",
              help="Planregistret bag kørslerne: giver optællingen pr. kvartal "
                   "(tjekkes og gennemgås af privatlivsværnet først).")
@click.option("--content", "content", type=click.Path(path_type=Path), default=None,
              metavar="MAPPE",
              help="Mappen med katalogets YAML-filer. Standard: projektets catalogue/.")
@click.option("--missed", "missed", multiple=True, type=click.Path(path_type=Path),
              metavar="MAPPE",
              help="En kørsel af 'auditlib missed audit' (kan gentages): giver delen "
                   "'Planer der ikke blev lavet'.")
@click.option("--hearing", "hearing", is_flag=True,
              help="Skriv også hoeringsark.xlsx: én række pr. tekstfelt i hver post med "
                   "kolonner til de andre klyngers kommentarer (se 'catalogue merge-comments').")
@click.option("--no-plan-rows", "no_plan_rows", is_flag=True,
              help="Udelad rækker på planniveau (plan_id og planernes udsagn), så kataloget "
                   "kan deles uden for klyngen. Optællinger og andele bliver stående.")
@config_option
def catalogue_cmd(run_dirs: tuple[Path, ...], out: Path, register: Path | None,
                  content: Path | None, missed: tuple[Path, ...], hearing: bool,
                  no_plan_rows: bool, config_path: str | None) -> None:
    """Lav snitfladekataloget i Excel og HTML.

    KØRSELSMAPPE er en eller flere mapper fra 'auditlib audit'. Kataloget fletter
    forummets tekster (catalogue/*.yaml) med auditternes resultater: gråzoneudsagn
    under den rette snitflade (forummets beslutninger har forrang), opfyldelse pr.
    kriterium og klynge, planerne med flest formelle mangler, optælling og de
    kompetencebehov, auditten peger på. To kørsler af samme klynge giver også
    udviklingen mellem dem. Uden --register tælles planer pr. klynge (eller pr.
    kvartal, hvis kørslen har optalt dem). Med --hearing skrives også høringsarket,
    som de andre klynger kommenterer i; 'auditlib catalogue merge-comments' fletter
    deres ark til næste version.
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
                            config=config, missed=list(missed), plan_rows=not no_plan_rows,
                            hearing=hearing)
    click.echo(msg("katalog_skrevet"))
    click.echo(msg("katalog_fil_excel", path=paths["xlsx"]))
    click.echo(msg("katalog_fil_html", path=paths["html"]))
    if "hearing" in paths:
        click.echo(msg("hoering_skrevet", path=paths["hearing"]))


@click.command("merge-comments", cls=DanishCommand,
               epilog="auditlib catalogue merge-comments syd.xlsx nord.xlsx --out catalogue-v2/")
@argument("workbooks", nargs=-1, required=True, metavar="HØRINGSARK...",
          type=click.Path(path_type=Path),
          help="Et eller flere udfyldte høringsark fra 'auditlib catalogue --hearing'.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Mappen, hvor næste versions fire YAML-filer, aendringslog.md og "
                   "aendringslog.csv gemmes (ikke indholdsmappen selv).")
@click.option("--content", "content", type=click.Path(path_type=Path), default=None,
              help="Mappen med den version af YAML-filerne, høringsarkene blev lavet fra. "
                   "Standard: projektets catalogue/.")
@config_option
def merge_comments_cmd(workbooks: tuple[Path, ...], out: Path, content: Path | None,
                       config_path: str | None) -> None:
    """Flet de andre klyngers udfyldte høringsark til katalogets næste version.

    HØRINGSARK er et eller flere ark fra 'auditlib catalogue --hearing', udfyldt med
    klynge, kommentar, forslag til ny tekst og accept/afvis. Alle ark tjekkes, før
    noget skrives; hvert problem nævnes med fil, ark, række og kolonne, og arkene
    ændres aldrig. Accepterede forslag skrives ind, versionen tælles op, og posterne
    bliver godkendt. To accepterede forslag med forskellig tekst til samme felt er en
    konflikt: teksten bliver stående, posten forbliver til høring, og forslagene står
    side om side i ændringsloggen, der viser hver accepteret, afvist og konfliktende
    kommentar.
    """
    from auditlib.catalogue.hearing import merge_comments
    from auditlib.config import load_config

    result = merge_comments(list(workbooks), out, content_dir=content,
                            config=load_config(config_path))
    click.echo(msg("hoering_flettet", version=result.version, path=out,
                   accepted=result.count("accepteret"), rejected=result.count("afvist"),
                   conflicts=result.count("konflikt"), changed=len(result.changed)))
    click.echo(msg("hoering_flettet_log", path=result.paths["md"]))


class CatalogueGroup(DanishGroup):
    """``catalogue RUN... --out DIR`` builds the catalogue (spec/cli.md); a known
    subcommand name as the first argument runs that subcommand instead."""

    def __init__(self, *args, default: click.Command, **kwargs):
        kwargs.setdefault("epilog", default.epilog)
        kwargs.setdefault("help", default.help)
        super().__init__(*args, **kwargs)
        self.default = default

    def make_context(self, info_name, args, parent=None, **extra):
        first = args[0] if args else None
        if first is None or first in self.commands or first in ("-h", "--help"):
            return super().make_context(info_name, args, parent=parent, **extra)
        return self.default.make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context):
        if ctx.command is self.default:
            return self.default.invoke(ctx)
        return super().invoke(ctx)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.default.format_help(ctx, formatter)
        self.format_commands(ctx, formatter)


catalogue_group = CatalogueGroup("catalogue", default=catalogue_cmd, context_settings={
    "help_option_names": ["-h", "--help"], "max_content_width": 100})
catalogue_group.add_command(merge_comments_cmd)

COMMANDS = [catalogue_group]
