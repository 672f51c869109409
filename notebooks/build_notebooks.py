"""Write the report notebooks with nbformat: reproducible, stripped, no outputs.

Run from the project root after changing a notebook's cells here:

    python notebooks/build_notebooks.py

The notebooks are thin on purpose: a ``parameters`` cell (papermill), then one- or
two-line calls into ``auditlib`` (mostly ``auditlib.notebooks``). Every default parameter
is None and means the bundled demo data, found from the project root.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

IMPORTS = """\
%matplotlib inline
from IPython.display import Markdown, display

from pathlib import Path

import auditlib.notebooks as nb
from auditlib.config import load_config"""


def md(text: str):
    return new_markdown_cell(text.strip("\n"))


def code(text: str, *, tags: list[str] | None = None):
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def audit_notebook():
    return [
        md("""
# Audit af genoptræningsplaner fra psykiatrien

Rapporten tjekker en klynges genoptræningsplaner mod kravene i BEK 918/2018 og finder de
udsagn, der ligger i gråzonen mellem sundhed og de andre sektorer. Først tjekkes registret
mod datakontrakten og privatlivsværnet; intet af planernes tekst vises, før begge er i orden.
"""),
        md("""
## Parametre

`register`: registerfilen (standard: demoregistret). `cluster`: klyngen (standard: alle).
`sample` og `seed`: en stikprøve af planer. `out_dir`: hvor kørslens filer skrives.
`config`: konfigurationsfilen (standard: `auditlib.yaml`, hvis den findes).
"""),
        code("""
register = None
cluster = None
sample = None
seed = None
out_dir = None
config = None""", tags=["parameters"]),
        code(IMPORTS + """
from auditlib.audit import run_audit, write_run
from auditlib.summary import criteria_summary

cfg = load_config(config)
out = nb.resolve(out_dir, Path("output"))"""),
        md("""
## Datakontrakt og privatlivsværn

Registret læses, klyngens planer vælges, og de tjekkes mod datakontrakten og
privatlivsværnet, på samme måde som på kommandolinjen. Er der problemer eller
personhenførbare oplysninger (CPR-numre, navne, adresser, telefonnumre, e-mails), stopper
rapporten her; fejlen nævner kun plan, kolonne, type og placering, aldrig teksten.
"""),
        code("""
reg = nb.prepare(register, cfg, cluster)
display(Markdown(nb.prepared_summary(reg)))"""),
        md("""
## Audit

Alle aktive kriterier køres på hver plan, og hvert udsagn i fritekstfelterne klassificeres.
Kørslens filer gemmes i kørselsmappen (parameteren `out_dir`).
"""),
        code("""
result = run_audit(reg, cfg, sample=sample, seed=seed, model=nb.audit_model(cfg))
paths = write_run(result, out)
display(Markdown(nb.run_files_text(result, paths)))"""),
        md("""
## Kriterier

Hvor mange planer opfylder hvert kriterium? Andelen regnes af de planer, der kunne
vurderes, og står med antallet bag: "67 % (2 af 3)" er 2 af 3 planer.
"""),
        code("""
summary = criteria_summary(result.criteria)
display(Markdown(nb.share_levels_text()))
nb.styled_criteria(summary)"""),
        code("nb.fulfilment_chart(summary)"),
        md("""
## Fund pr. plan

Planerne med flest formelle krav, der ikke er opfyldt, står øverst.
"""),
        code("nb.plans_view(result.criteria)"),
        md("""
## Udsagn og gråzoner

Fordelingen af udsagn på sektorer, og de udsagn, hvor modellen er i tvivl (gråzoner), med
modellens forklaring. Gråzonerne er dem, forummet skal tage stilling til.
"""),
        code("nb.labels_view(result.statements)"),
        code("nb.label_chart(result.statements)"),
        code("""
decisions = nb.decisions_in(out)
nb.greyzone_view(out)"""),
        md("""
## Forummets afgørelser

Når forummet har gennemgået kørslen (`auditlib review import`), står afgørelserne her
ved siden af værktøjets forslag; de har forrang i kataloget.
"""),
        code("""
display(Markdown(nb.decisions_text(decisions)))
nb.decided_view(out)"""),
    ]


def catalogue_notebook():
    return [
        md("""
# Snitfladekatalog

Kataloget samler en eller flere auditkørsler med det kuraterede indhold i `catalogue/`
og udgives som Excel og HTML.
"""),
        md("""
## Parametre

`run_dirs`: en liste af kørselsmapper (standard: en ny kørsel af demoregistret).
`out_dir`: hvor kataloget skrives. `register`: registret til antal planer pr. kvartal
(standard: demoregistret). `config`: konfigurationsfilen.
"""),
        code("""
run_dirs = None
out_dir = None
register = None
config = None""", tags=["parameters"]),
        code(IMPORTS + """
from auditlib.catalogue import write_catalogue
from auditlib.summary import criteria_summary

cfg = load_config(config)
out = nb.resolve(out_dir, Path("output"))
runs = nb.catalogue_runs(run_dirs, out, cfg)"""),
        md("## Kørslerne i kataloget"),
        code("nb.runs_table(runs)"),
        md("""
## Kriterier på tværs af kørslerne

Andelen af planer, der opfylder hvert kriterium, for alle kørslerne under ét.
"""),
        code("nb.styled_criteria(criteria_summary(nb.combined_criteria(runs)))"),
        md("## Kataloget"),
        code("""
written = write_catalogue(runs, out, register=nb.demo_or(register), config=cfg)
display(Markdown(nb.files_text(written)))"""),
    ]


def counts_notebook():
    return [
        md("""
# Planer pr. kvartal

Antal genoptræningsplaner pr. udskrivningskvartal, fordelt på klynge, afdeling,
kontakttype, diagnosegruppe (som i det regionale notat), niveau og kommune; med et
udtræk af udskrivninger også planer pr. 100 udskrivninger med 95 %-konfidensinterval
(Wilson). Tal under `suppression.min_count` (standard 5) vises som `<5`; tal, der
ellers kunne regnes ud af totalerne, vises som `x` (se README, "Diskretionering").
"""),
        md("""
## Parametre

`register`: registerfilen (standard: demoregistret). `cluster`: klyngen (standard: alle).
`config`: konfigurationsfilen. `discharges`: et udtræk af udskrivninger
(docs/udskrivningsudtraek.md; standard: intet). `by`: opdelinger, f.eks.
`["afdeling", "afdeling-kommune"]` (standard: alle enkelte opdelinger).
"""),
        code("""
register = None
cluster = None
config = None
discharges = None
by = None""", tags=["parameters"]),
        code(IMPORTS + """
from auditlib.counts import wide_counts
from auditlib.counts.extract import load_discharge_extract
from auditlib.counts.parallel import efforts_overview, efforts_text_table, plan_efforts
from auditlib.counts.rates import count_report, rates_text_table
from auditlib.counts.reference import reference_text_table, reference_figures

cfg = load_config(config)
reg = nb.prepare(register, cfg, cluster)
display(Markdown(nb.prepared_summary(reg)))
extract = load_discharge_extract(discharges) if discharges else None
report = count_report(reg.frame, by=by, extract=extract, reference=reference_figures(),
                      label=cluster or reg.name, min_count=cfg.suppression.min_count,
                      suppress_zero=cfg.suppression.suppress_zero)"""),
        md("## Antal pr. kvartal og opdeling"),
        code("wide_counts(report.counts)"),
        code("nb.counts_chart(report.counts)"),
        md("""
## Planer pr. 100 udskrivninger

Vises kun med et udtræk (`discharges`). En rate vises kun, når både planer og
udskrivninger i cellen vises.
"""),
        code("""
rates_text_table(report.rates, report.kind) if report.rates is not None else \
    Markdown("Intet udtræk angivet (parameteren `discharges`).")"""),
        md("""
## Offentliggjorte tal og registrets tal

Hvert offentliggjort tal med sin kilde (`data/reference/`), og ved siden af registrets
eget tal for dets periode med antal kvartaler (n) og omregnet pr. år.
"""),
        code("reference_text_table(report.reference)"),
        md("""
## Plan på plan: øvrige indsatser ved siden af planen

Feltet `oevrige_indsatser` delt i udsagn; hvert udsagn får sin sektor af klassifikatoren,
og navngivne indsatser (§ 85-støtte, bostøtte, jobplan, mentor, koordinerende
kontaktperson …) findes med faste regler.
"""),
        code("""
efforts = plan_efforts(reg.frame)
efforts_text_table(efforts_overview(reg.frame, efforts, min_count=cfg.suppression.min_count,
                                    suppress_zero=cfg.suppression.suppress_zero))"""),
    ]


def classifier_notebook():
    return [
        md("""
# Klassifikation af udsagn

Modellen sorterer hvert udsagn i planernes fritekst efter sektor. Rapporten viser
korpusset, den krydsvaliderede kvalitet, forvekslingsmatricen, sammenligningen med
nøgleordsbaselinen og de udsagn, modellen har sværest ved.
"""),
        md("""
## Parametre

`corpus`: mappen med korpusset (standard: `data/statements`). `folds`: antal fold i
krydsvalideringen.
"""),
        code("""
corpus = None
folds = 5""", tags=["parameters"]),
        code(IMPORTS + """
from auditlib.classifier import load_corpus
from auditlib.classifier.corpus import DEFAULT_CORPUS
from auditlib.classifier.evaluate import evaluate

data = load_corpus(nb.resolve(corpus, DEFAULT_CORPUS))"""),
        md("## Korpusset"),
        code("nb.corpus_overview(data)"),
        md("""
## Krydsvalideret kvalitet

Modellen og nøgleordsbaselinen vurderes på de samme fold; næsten ens udsagn holdes i
samme fold, så tallene ikke bliver for pæne.
"""),
        code("""
report = evaluate(data, folds=int(folds))
nb.scores_table(report)"""),
        md("## Forvekslingsmatrice (rækker: korpussets label, kolonner: modellens)"),
        code("nb.confusion_chart(nb.confusion_table(report))"),
        code("nb.confusion_table(report, baseline=True)"),
        md("""
## De sværeste udsagn

Udsagnene med mindst afstand mellem modellens to mest sandsynlige sektorer.
"""),
        code("nb.hardest_statements(data, n=15)"),
        md("""
## Sætninger fra kilderne, som modellen aldrig trænes på

De tilbageholdte sætninger (`data/heldout/`) er taget fra kildedokumenterne og
DOMAIN.md's eksempler. Tallene viser, hvor godt modellen holder på tekst, den ikke er
skrevet ud fra, pr. kildedokument og med nøgleordsbaselinen ved siden af.
"""),
        code("""
import pandas as pd
from auditlib.classifier import load_model
from auditlib.classifier.heldout import load_heldout
from auditlib.classifier.training import heldout_report, influential_features

model = load_model()
held = heldout_report(model, load_heldout())
display(Markdown(f"Makro-F1 {held['macro_f1']:.3f} mod nøgleordsbaselinens "
                 f"{held['baseline_macro_f1']:.3f} på {held['n']} sætninger."))
pd.DataFrame(held["documents"]).T"""),
        md("## De 20 mest vægtige ord pr. sektor"),
        code("pd.Series({label: ', '.join(words) for label, words in "
             "influential_features(model, data).items()}).to_frame('ord')"),
    ]


def missed_notebook():
    return [
        md("""
# Planer der ikke blev lavet: blev behovet vurderet?

Det regionale notat finder, at der laves alt for få genoptræningsplaner, og at den
manglende vurdering – ikke planernes indhold – er hovedproblemet. Rapporten auditerer en
stikprøve af udskrivninger *uden* plan mod kriterierne M01-M04: blev behovet vurderet, af
hvem, og holder begrundelsen for ikke at lave en plan? Retten til en plan gælder uanset
diagnose og alder.
"""),
        md("""
## Parametre

`register`: registret over udskrivninger uden plan (standard: `data/anonymized/missed-demo.csv`).
`cluster`: klyngen (standard: alle). `out_dir`: hvor kørslens filer skrives.
`config`: konfigurationsfilen (standard: `auditlib.yaml`, hvis den findes).
"""),
        code("""
register = None
cluster = None
out_dir = None
config = None""", tags=["parameters"]),
        code(IMPORTS + """
from auditlib.missed import missed_part, read_missed_run, run_missed_audit, write_missed_run
from auditlib.missed import report as mr

cfg = load_config(config)
out = nb.resolve(out_dir, Path("output") / "ikke-lavet")"""),
        md("""
## Privatlivsværn og datakontrakt

Klyngens udskrivninger vælges, og privatlivsværnet gennemgår dem, før de bruges til noget;
derefter tjekkes de mod registrets datakontrakt (docs/missed-register.md), på samme måde som
på kommandolinjen. Er der personhenførbare oplysninger eller problemer, stopper rapporten
her; fejlen nævner kun udskrivning (eller række), kolonne, type og placering, aldrig teksten.
"""),
        code("""
reg = mr.prepare(register, cfg, cluster)
display(Markdown(mr.prepared_summary(reg)))"""),
        md("""
## Audit

Kriterierne M01-M04 køres på hver udskrivning. Kørslens filer (`missed.csv`,
`missed_discharges.csv`, `missed.json`) gemmes i `out_dir`; `auditlib catalogue --missed`
bygger katalogets del på dem.
"""),
        code("""
result = run_missed_audit(reg, cfg, gate=False)
paths = write_missed_run(result, out)
display(Markdown(mr.run_text(result, paths)))"""),
        md("""
## Katalogets del: Planer der ikke blev lavet

De samme tabeller som i snitfladekataloget, læst fra kørselsmappen. Tal under
`suppression.min_count` vises som `<5`, og en andel, der ville afsløre et skjult tal,
vises ikke.
"""),
        code("""
part = missed_part([read_missed_run(out)], cfg.suppression.min_count)
for caption, table in mr.part_tables(part):
    display(Markdown(f"### {caption}"), table)"""),
        code("mr.reasons_chart(part)"),
    ]


NOTEBOOKS = {
    "01_audit": audit_notebook,
    "02_catalogue": catalogue_notebook,
    "03_counts": counts_notebook,
    "04_classifier": classifier_notebook,
    "05_missed": missed_notebook,
}


def build(name: str) -> nbformat.NotebookNode:
    notebook = new_notebook(cells=NOTEBOOKS[name]())
    notebook.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    # Fixed cell ids keep the files identical from one build to the next.
    for number, cell in enumerate(notebook.cells, start=1):
        cell["id"] = f"{name}-{number:02d}"
    nbformat.validate(notebook)
    return notebook


def main(out_dir: Path = HERE) -> None:
    for name in NOTEBOOKS:
        path = out_dir / f"{name}.ipynb"
        text = nbformat.writes(build(name)) + "\n"
        path.write_text(text, encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
