"""Write the four report notebooks with nbformat: reproducible, stripped, no outputs.

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
from auditlib.summary import criteria_summary, label_summary, plan_summary

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
Kørslens filer (`criteria.csv`, `statements.csv`, `run.json`) gemmes i `out_dir`.
"""),
        code("""
result = run_audit(reg, cfg, sample=sample, seed=seed)
paths = write_run(result, out)
display(Markdown(nb.run_files_text(result, paths)))"""),
        md("""
## Kriterier

Hvor mange planer opfylder hvert kriterium? Andelen regnes af de planer, der kunne
vurderes. Rød: under 60 %, gul: 60-89 %, grøn: 90 % eller mere.
"""),
        code("""
summary = criteria_summary(result.criteria)
nb.styled_criteria(summary)"""),
        code("nb.fulfilment_chart(summary)"),
        md("""
## Fund pr. plan

Planerne med flest formelle krav, der ikke er opfyldt, står øverst.
"""),
        code("plan_summary(result.criteria)"),
        md("""
## Udsagn og gråzoner

Fordelingen af udsagn på sektorer, og de udsagn, hvor modellen er i tvivl (gråzoner), med
modellens forklaring. Gråzonerne er dem, forummet skal tage stilling til.
"""),
        code("label_summary(result.statements)"),
        code("nb.label_chart(result.statements)"),
        code("""
decisions = nb.decisions_in(out)
nb.greyzone_table(out)"""),
        md("""
## Forummets afgørelser

Når forummet har gennemgået kørslen (`auditlib review import`), står afgørelserne her
ved siden af værktøjets forslag; de har forrang i kataloget.
"""),
        code("""
display(Markdown(nb.decisions_text(decisions)))
nb.decided_criteria(out)"""),
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

Antal genoptræningsplaner pr. kvartal, niveau, diagnosegruppe (angst/depression og
andre) og kommune. Celler med færre end `suppression.min_count` planer (standard 5)
vises som `<5`, så ingen borger kan genkendes.
"""),
        md("""
## Parametre

`register`: registerfilen (standard: demoregistret). `cluster`: klyngen (standard: alle).
`config`: konfigurationsfilen.
"""),
        code("""
register = None
cluster = None
config = None""", tags=["parameters"]),
        code(IMPORTS + """
from auditlib.counts import quarterly_counts, wide_counts

cfg = load_config(config)
reg = nb.prepare(register, cfg, cluster)
display(Markdown(nb.prepared_summary(reg)))"""),
        md("## Antal pr. kvartal"),
        code("""
counts = quarterly_counts(reg.frame, cfg.suppression.min_count)
wide_counts(counts)"""),
        code("nb.counts_chart(counts)"),
        md("""
## Det regionale notat

De offentliggjorte tal fra det regionale notat om genoptræningsplaner fra psykiatrien
(planer i regionen 2018 og 2019, angst/depression mod andre diagnoser 2019 og de nævnte
kommuner), fra `data/reference/regional-notat-2019.csv`, ved siden af registrets tal.
"""),
        code("nb.reference_figures()"),
        code("nb.reference_comparison(reg.frame, cfg.suppression.min_count)"),
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


NOTEBOOKS = {
    "01_audit": audit_notebook,
    "02_catalogue": catalogue_notebook,
    "03_counts": counts_notebook,
    "04_classifier": classifier_notebook,
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
