"""Every Danish message a user can meet, in one place.

Code refers to messages by key and fills in placeholders with ``msg(key, **values)``.
Placeholders are only ever plan_id, column names, row numbers, counts, kinds,
offsets, file names the user gave, or option values: never a cell's content.
Each message says what is wrong and what to do next.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- register: the file as a whole --------------------------------------
    "fil_findes_ikke": "Filen eller mappen '{path}' findes ikke. Tjek stien og prøv igen.",
    "filtype_ukendt": (
        "Filtypen '{suffix}' kan ikke læses. Brug en Excel-projektmappe (.xlsx), "
        "en CSV-fil (.csv) eller en mappe med Markdown-planer (.md)."
    ),
    "filtype_xls": (
        "Den gamle Excel-filtype .xls kan ikke læses. Åbn filen i Excel og gem den som "
        "'Excel-projektmappe (.xlsx)'."
    ),
    "xlsx_beskyttet": (
        "Excel-filen kan ikke åbnes: den er adgangskodebeskyttet eller krypteret. "
        "Fjern adgangskoden (Filer > Oplysninger > Beskyt projektmappe) og gem igen."
    ),
    "xlsx_defekt": (
        "Excel-filen kan ikke læses: den er beskadiget eller ikke en rigtig .xlsx-fil. "
        "Åbn den i Excel og gem den igen som .xlsx."
    ),
    "fil_tom": "Filen er tom. Udfyld registreringsskabelonen (auditlib template) og prøv igen.",
    "ark_tomt": "Arket '{sheet}' har ingen overskriftsrække. Kolonnenavnene skal stå i række 1.",
    "ingen_planer": "Registret har overskrifter, men ingen planer. Tilføj mindst én plan.",
    "csv_kodning": (
        "CSV-filen er ikke gemt som UTF-8 (den er måske gemt i Windows-1252). "
        "Gem den igen som 'CSV UTF-8 (kommasepareret)'."
    ),
    "csv_defekt": (
        "CSV-filen kan ikke læses: rækkerne har ikke samme antal felter (omkring linje {line}). "
        "Tjek for manglende anførselstegn omkring tekst med linjeskift."
    ),
    "mappe_uden_md": "Mappen '{path}' indeholder ingen Markdown-planer (*.md).",
    "kolonne_mangler": (
        "Den påkrævede kolonne '{column}' mangler. Tilføj kolonnen med præcis dette navn "
        "(se auditlib template)."
    ),
    "kolonne_dublet": "Kolonnen '{column}' findes flere gange. Slet eller omdøb den ekstra kolonne.",
    # -- register: markdown plans --------------------------------------------
    "md_ingen_frontmatter": (
        "Planen i filen '{file}' har ingen YAML-front matter. Filen skal begynde med en linje "
        "'---', derefter kolonnerne (plan_id: …) og en afsluttende linje '---'."
    ),
    "md_frontmatter_defekt": (
        "YAML-front matter i filen '{file}' kan ikke læses (linje {line}). "
        "Tjek kolon, indrykning og anførselstegn."
    ),
    "md_frontmatter_ikke_tabel": (
        "Front matter i filen '{file}' skal være en liste af 'kolonne: værdi'-linjer."
    ),
    # -- register: cells ------------------------------------------------------
    "plan_id_tom": "plan_id mangler. Giv planen forummets eget pseudonyme nøgle, f.eks. MK-2025-07.",
    "plan_id_format": (
        "plan_id må kun indeholde bogstaverne A-Z, tal, '-' og '_' og højst 40 tegn, f.eks. MK-2025-07."
    ),
    "plan_id_dublet": "plan_id findes flere gange i registret. Giv hver plan sin egen nøgle.",
    "paakraevet_tom": "Feltet skal udfyldes.",
    "dato_ugyldig": (
        "Datoen kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD (f.eks. 2025-03-14) eller DD-MM-ÅÅÅÅ."
    ),
    "dato_findes_ikke": (
        "Datoen findes ikke i kalenderen (f.eks. 30. februar). Ret dag eller måned."
    ),
    "dato_orden": "{column} ligger før {other}. Tjek de to datoer.",
    "kategori_ukendt": "Værdien er ikke tilladt her. Brug en af: {allowed}.",
    "ja_nej": "Skriv 'ja' eller 'nej', eller lad feltet stå tomt, hvis det ikke er angivet.",
    "diagnose_ugyldig": (
        "Diagnosen er ikke en ICD-10-kode fra kapitel F. Skriv koder som F32.1 eller DF41.1, "
        "adskilt med ';'."
    ),
    "alder_eksakt": (
        "En præcis alder eller fødselsdato er ikke tilladt (det kan identificere personen). "
        "Brug et aldersinterval: {allowed}."
    ),
    "tekst_ikke_tekst": "Feltet skal være tekst.",
    # -- report wording -------------------------------------------------------
    "rapport_ok": "Registret '{name}' er i orden: {n} planer, ingen problemer.",
    "rapport_problemer": "Registret '{name}' har {count} problem(er) i {n} planer. Ret dem og kør igen:",
    "rapport_ubrugelig": "Registret '{name}' kan ikke bruges:",
    "rapport_linje": "  {where}, kolonne {column}: {problem}",
    "rapport_linje_fil": "  {where}: {problem}",
    "sted_plan": "plan {plan_id}",
    "sted_raekke": "række {row}",
    "sted_fil": "fil {file}",
    "sted_register": "registret",
    # -- template ---------------------------------------------------------------
    "skabelon_skrevet": "Registreringsskabelonen er gemt i {path}. Udfyld arket 'planer' – én række pr. plan.",
    # -- output -----------------------------------------------------------------
    "output_overskriver_input": (
        "Outputtet '{path}' ville overskrive inputfilen. Vælg et andet navn med --out."
    ),
    "output_ikke_skrivbar": "Kan ikke skrive til '{path}'. Tjek at mappen findes og at du har skriveadgang.",
    "output_er_mappe": "'{path}' er en mappe. Angiv et filnavn, f.eks. {example}.",
    "output_filtype": "Outputfilen skal have endelsen {suffix}. Angiv f.eks. --out {example}.",
    # -- config -----------------------------------------------------------------
    "config_findes_ikke": "Konfigurationsfilen '{path}' findes ikke. Tjek stien, eller udelad --config for at bruge standardindstillingerne.",
    "config_defekt": "Konfigurationsfilen '{path}' kan ikke læses: tjek YAML-syntaksen omkring linje {line}.",
    "config_ukendt_noegle": "Konfigurationsfilen har en ukendt nøgle '{key}'.{hint} Ret den til en af de tilladte nøgler her: {allowed}.",
    "config_mente_du": " Mente du '{key}'?",
    "config_skal_heltal": "skal være et helt tal",
    "config_skal_tal": "skal være et tal",
    "config_skal_jaenej": "skal være true eller false",
    "config_skal_tekst": "skal være tekst",
    "config_skal_liste": "skal være en liste",
    "config_skal_afsnit": "skal være et afsnit med nøgler under sig",
    "config_skal_mindst": "skal være mindst {limit}",
    "config_skal_hoejst": "skal være højst {limit}",
    "config_mangler": "mangler",
    "config_ugyldig_vaerdi": "Konfigurationsnøglen '{key}' har en ugyldig værdi: {hint}. Ret den i filen.",
    # -- CLI generic ---------------------------------------------------------------
    "cli_fejl_prefix": "Fejl: ",
    "cli_mangler_argument": "Der mangler {param}. Se 'auditlib {command} --help'.",
    "cli_ukendt_option": "Ukendt valgmulighed {option}. Se 'auditlib {command} --help'.",
    "cli_ugyldig_vaerdi": "Ugyldig værdi for {param}. Se 'auditlib {command} --help'.",
    "cli_ukendt_kommando": "Ukendt kommando '{name}'. Se 'auditlib --help' for de mulige kommandoer.",
    "cli_uventet_fejl": (
        "Der skete en uventet fejl ({kind}). Inputfilerne er uændrede, og der er ingen halve "
        "outputfiler. Kør kommandoen igen med --debug, og send de tekniske detaljer (uden "
        "plantekst) til værktøjets udviklere."
    ),
    "cli_afbrudt": "Afbrudt. Ingen halve filer er efterladt.",
}


def msg(key: str, /, **values: object) -> str:
    """Return the Danish message ``key`` with its placeholders filled in (Danish numbers)."""
    from auditlib.formats import DANISH

    return DANISH.format(MESSAGES[key], **values)


def join_allowed(values: list[str] | tuple[str, ...]) -> str:
    """Quote allowed values for a message: 'a', 'b' eller 'c'."""
    quoted = [f"'{v}'" for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " eller " + quoted[-1]

# -- catalogue (snitfladekatalog: content, merge, export, demo run) ---------------------
MESSAGES.update({
    "katalog_indhold_mappe_findes_ikke": (
        "Mappen med katalogets indhold '{path}' findes ikke. Angiv mappen med "
        "funktionstab.yaml, snitflader.yaml, anbefalinger.yaml og kompetencer.yaml med --content."
    ),
    "katalog_indhold_ugyldigt": (
        "Katalogets indhold i '{path}' følger ikke den faste opbygning ({count} problem(er)). "
        "Ret dem alle og kør igen; se vejledningen i catalogue/README.md. Intet katalog er skrevet:"
    ),
    "katalog_sted_post": "post {entry}",
    "katalog_sted_noegle": "nøgle '{name}'",
    "katalog_sted_nummer": "{container} nr. {nr}",
    "katalog_fil_mangler": "filen mangler i mappen. Kopiér den fra projektets catalogue/-mappe.",
    "katalog_kodning": "filen er ikke gemt som UTF-8. Gem den igen som UTF-8 i teksteditoren.",
    "katalog_yaml_defekt": (
        "filen kan ikke læses omkring linje {line}. Tjek indrykningen (mellemrum, aldrig "
        "tabulator), at der er mellemrum efter kolon og bindestreg, og sæt anførselstegn om "
        "tekst med kolon eller #."
    ),
    "katalog_ikke_tabel": "filen skal bestå af linjer med 'nøgle: værdi' (se catalogue/README.md).",
    "katalog_noegle_mangler": "nøglen mangler. Tilføj den (kopiér opbygningen fra en anden post).",
    "katalog_noegle_ukendt": (
        "ukendt nøgle: er den stavet forkert? Nøglerne står i catalogue/README.md og skrives "
        "uden æ, ø og å."
    ),
    "katalog_skal_vaere_tekst": (
        "skal være en tekst, der ikke er tom. Tal skrives i anførselstegn, f.eks. \"140\"."
    ),
    "katalog_skal_vaere_liste": (
        "skal være en liste: linjer, der starter med '- ', eller [a, b]. En tom liste skrives []."
    ),
    "katalog_liste_tom": "listen må ikke være tom.",
    "katalog_skal_vaere_tabel": "skal være en gruppe af 'nøgle: værdi'-linjer, indrykket under nøglen.",
    "katalog_skal_vaere_heltal": "skal være et helt tal fra 1 og op.",
    "katalog_ugyldig_vaerdi": "værdien er ikke tilladt her. Brug en af: {allowed}.",
    "katalog_id_form": (
        "id'et har ikke den faste form (punkter: tal og bogstav som 3c; gråzoner: store "
        "bogstaver som \"A\")."
    ),
    "katalog_ugyldig": "værdien kan ikke bruges ({hint}).",
    "katalog_id_dublet": "id'et findes flere gange. Giv hver post sit eget id.",
    "katalog_post_mangler": "posten '{id}' mangler. Den må ikke slettes.",
    "katalog_punkt_domaene": "et punkt i dette domæne skal have et id, der starter med {number}.",
    "katalog_kriterium_ukendt": (
        "kriteriet '{criterion}' findes ikke i auditten. Brug kriteriernes id ({allowed})."
    ),
    "katalog_ingen_koersler": "Angiv mindst én kørselsmappe fra 'auditlib audit'.",
    "katalog_koersel_dublet": "Kørselsmappen '{path}' er angivet flere gange.",
    "katalog_skrevet": "Snitfladekataloget er skrevet:",
    "katalog_fil_excel": "  Excel: {path}",
    "katalog_fil_html": "  HTML:  {path}",
    "katalog_udeladte_udsagn": (
        "{count} gråzoneudsagn er udeladt af kataloget, fordi privatlivsværnet fandt noget, "
        "der ligner en identifikator (plan_id: {plan_ids}). Kør 'auditlib scan' på registret."
    ),
    "katalog_register_anden_klynge": (
        "Registret '{name}' har ingen planer fra klyngen/klyngerne i kørslerne ({clusters}). "
        "Kvartalsoptællingen bruger hele registret."
    ),
    "demo_start": "Kører demoen på '{name}' …",
    "demo_resume": (
        "Demoen er færdig på {seconds:.1f} s: {n_plans} planer fra {cluster} auditeret, "
        "{n_failed} plan(er) med mindst ét formelt krav ikke opfyldt, {n_greyzone} gråzoneudsagn."
    ),
    "demo_filer": "Filerne ligger i {path}:",
    "demo_fil": "  {name:<26} {what}",
    "demo_fil_criteria": "ét resultat pr. plan og kriterium",
    "demo_fil_statements": "alle udsagn med sektor og sandsynlighed",
    "demo_fil_run": "hvad der blev kørt",
    "demo_fil_xlsx": "snitfladekataloget i Excel",
    "demo_fil_html": "snitfladekataloget som webside (åbn i en browser)",
})

# -- klassifikation: the grey-zone classifier (auditlib.classifier, classify, train) ----
MESSAGES.update({
    "klassifikation_korpus_mangler": (
        "Korpusmappen '{path}' findes ikke eller har ingen CSV-filer. Angiv mappen med "
        "--corpus (standard: data/statements)."
    ),
    "klassifikation_korpus_ulaeselig": (
        "Filen '{path}' kan ikke læses som CSV (UTF-8, komma-separeret). Gem den igen som "
        "'CSV UTF-8'."
    ),
    "klassifikation_korpus_kolonner": (
        "Korpusfilen '{file}' mangler kolonnerne {columns}. Kolonnerne skal være "
        "statement_id, statement, label, field, borderline."
    ),
    "klassifikation_korpus_tom": "{file}, række {row}: kolonnen 'statement' er tom.",
    "klassifikation_korpus_label": (
        "{file}, række {row}: kolonnen 'label' skal være en af {labels}."
    ),
    "klassifikation_korpus_borderline": (
        "{file}, række {row}: kolonnen 'borderline' skal være true eller false."
    ),
    "klassifikation_korpus_felt": (
        "{file}, række {row}: kolonnen 'field' er ikke et kolonnenavn fra datakontrakten."
    ),
    "klassifikation_korpus_fejl": (
        "Korpusset har {count} fejl og kan ikke bruges til træning. Ret rækkerne herunder."
    ),
    "klassifikation_beslutninger_mangler": (
        "Beslutningsfilen '{path}' findes ikke. Angiv en decisions.csv eller en kørselsmappe "
        "med en (lavet af 'auditlib review import')."
    ),
    "klassifikation_beslutninger_kolonner": (
        "Beslutningsfilen '{file}' mangler kolonnerne {columns}. Er den lavet af "
        "'auditlib review import'?"
    ),
    "klassifikation_beslutning_ukendt": (
        "{file}, række {row} (plan_id {plan_id}): beslutningen for et udsagn skal være en af "
        "{labels}."
    ),
    "klassifikation_beslutninger_fejl": (
        "{count} beslutninger har en ukendt sektor og kan ikke bruges til træning. Ret dem i "
        "review-projektmappen og importér igen."
    ),
    "klassifikation_for_faa_labels": (
        "Træningsdata har kun {count} forskellig(e) sektor(er); der skal være mindst to."
    ),
    "klassifikation_ukendt_label": "Træningsdata har en ukendt sektor. Brug en af {labels}.",
    "klassifikation_model_mangler": (
        "Modelfilen '{path}' findes ikke. Træn en model med 'auditlib train' eller angiv en "
        "anden fil med --model."
    ),
    "klassifikation_model_defekt": (
        "Modelfilen '{path}' kan ikke læses (beskadiget, ikke en skops-fil eller lavet med en "
        "anden version af scikit-learn). Træn modellen igen med 'auditlib train'."
    ),
    "klassifikation_model_utrovaerdig": (
        "Modelfilen '{path}' indeholder typer, som auditlib ikke stoler på, og den indlæses "
        "derfor ikke: {types}. Brug kun modeller lavet med 'auditlib train'."
    ),
    "klassifikation_tekst_eller_fil": (
        "Angiv enten --text TEKST eller --file FIL (præcis én af dem)."
    ),
    "klassifikation_fil_ulaeselig": (
        "Filen '{path}' kan ikke læses som tekst i UTF-8. Gem den som UTF-8 og prøv igen."
    ),
    "klassifikation_ingen_udsagn": "Der er ingen udsagn at klassificere (teksten er tom).",
    "klassifikation_identifikator": (
        "Teksten indeholder {count} sted(er), der ligner en personhenførbar oplysning, og "
        "klassificeres derfor ikke. Fjern eller anonymisér dem og prøv igen:"
    ),
    "klassifikation_fund": "linje {line}, tegn {start}-{end}: {kind}",
    "klassifikation_udsagn": "{number}. {statement}",
    "klassifikation_resultat": (
        "   {title} ({label}) {probability:.0%}   næstbedst: {second_title} {second_probability:.0%}"
    ),
    "klassifikation_forklaring": "   Vægtige ord: {terms}",
    "klassifikation_ingen_forklaring": "   Vægtige ord: (ingen kendte ord)",
    "klassifikation_taet_loeb": (
        "   Tæt løb: de to mest sandsynlige sektorer ligger under {margin:.2f} fra hinanden. "
        "I genoptræningsbehov og mål er det en gråzone, som forummet afgør."
    ),
    "klassifikation_laeser_korpus": "Læser korpus: {n} udsagn fra {path}.",
    "klassifikation_laeser_beslutninger": (
        "Læser forummets beslutninger: {n} udsagn fra {files} fil(er); de erstatter {replaced} "
        "korpusudsagn med samme tekst."
    ),
    "klassifikation_krydsvaliderer": (
        "Krydsvaliderer med {folds} fold, grupperet så næsten ens udsagn ({in_groups} udsagn i "
        "{groups} grupper) aldrig er i både trænings- og testdelen …"
    ),
    "klassifikation_fold": "  fold {fold} af {folds} færdig",
    "klassifikation_rapport_overskrift": (
        "Resultat pr. sektor (krydsvalidering, {folds} fold, {n} udsagn)"
    ),
    "klassifikation_kol_sektor": "Sektor",
    "klassifikation_kol_praecision": "Præcision",
    "klassifikation_kol_genkaldelse": "Genkaldelse",
    "klassifikation_kol_f1": "F1",
    "klassifikation_kol_antal": "Antal",
    "klassifikation_kol_nogleord_f1": "F1 nøgleord",
    "klassifikation_forvirring_overskrift": (
        "Forvekslingsmatrix (rækker: den rigtige sektor, kolonner: modellens bud)"
    ),
    "klassifikation_makro": (
        "Makro-F1: model {model:.3f}, nøgleordsliste {baseline:.3f} "
        "(nøjagtighed {accuracy:.1%} mod {baseline_accuracy:.1%})."
    ),
    "klassifikation_graense": (
        "Grænsetilfælde ({n} udsagn): makro-F1 model {model:.3f}, nøgleordsliste "
        "{baseline:.3f}. Øvrige ({n_other} udsagn): model {model_other:.3f}, nøgleordsliste "
        "{baseline_other:.3f}."
    ),
    "klassifikation_kalibrering": (
        "Kalibrering: forventet kalibreringsfejl {ece:.3f}. {share:.0%} af udsagnene er tætte "
        "løb (forskel under {margin:.2f}); her rammer modellen {close:.0%} mod {clear:.0%} ellers."
    ),
    "klassifikation_under_maal": (
        "Bemærk: makro-F1 {value:.3f} er under målet {target:.2f}. Se forvekslingsmatricen for, "
        "hvilke sektorer der blandes sammen."
    ),
    "klassifikation_traener": "Træner den endelige model på {n} udsagn …",
    "klassifikation_model_gemt": "Modellen er gemt i {path} (version {version}, trænet på {seconds:.1f} s).",
    "klassifikation_rapport_gemt": "Tallene er gemt i {path}.",
    "klassifikation_heldout": (
        "Tilbageholdte sætninger fra kilderne ({n}, aldrig trænet på): makro-F1 model "
        "{model:.3f}, nøgleordsliste {baseline:.3f}; krydsvalidering på korpusset {cv:.3f}, "
        "forskel {gap:+.3f} (krydsvalidering minus tilbageholdte). Svageste sektor: {worst} "
        "(F1 {worst_f1:.3f}). Kalibreringsfejl {ece:.3f}."
    ),
    "klassifikation_heldout_kilde": (
        "  {document}: {n} sætninger, makro-F1 model {model:.3f}, nøgleordsliste {baseline:.3f}"
    ),
    "klassifikation_vaegtige_overskrift": "De {n} mest vægtige ord pr. sektor:",
    "klassifikation_uafklaret": (
        "   Uafklaret: {first} / {second}. Modellen kan ikke placere udsagnet sikkert; "
        "forummet afgør sektoren."
    ),
})

# -- review round (auditlib review export/import/agreement, auditlib compare) -------------
MESSAGES.update({
    "review_problem_linje": "{plan_id} | ark '{sheet}', række {row}, kolonne {column}: {problem}",
    "review_fil_findes_ikke": (
        "Arbejdsbogen '{path}' findes ikke. Lav den med 'auditlib review export RUN_DIR --out FIL.xlsx'."
    ),
    "review_beskyttet": (
        "Arbejdsbogen '{path}' er beskyttet med adgangskode eller krypteret og kan ikke læses. "
        "Fjern adgangskoden (Filer > Oplysninger > Beskyt projektmappe), gem igen og prøv igen."
    ),
    "review_defekt": (
        "Arbejdsbogen '{path}' kan ikke læses: den er beskadiget eller ikke en .xlsx-fil. "
        "Åbn den i Excel og gem den igen som .xlsx."
    ),
    "review_ikke_arbejdsbog": (
        "'{path}' er ikke en arbejdsbog til forummets gennemgang. Brug den fil, "
        "'auditlib review export' lavede, og udfyld de gule kolonner."
    ),
    "review_anden_koersel": (
        "Arbejdsbogen '{path}' er lavet fra en anden auditkørsel end '{run}'. "
        "Angiv den kørselsmappe, arbejdsbogen blev lavet fra, med --run."
    ),
    "review_ark_mangler": (
        "Arket '{sheet}' mangler i arbejdsbogen '{path}'. Slet eller omdøb ikke ark; "
        "lav en ny arbejdsbog med 'auditlib review export', hvis det er sket."
    ),
    "review_kolonne_mangler": (
        "Arket '{sheet}' i '{path}' mangler kolonnerne {columns}. Slet eller omdøb ikke "
        "kolonner; lav en ny arbejdsbog med 'auditlib review export', hvis det er sket."
    ),
    "review_uden_id": (
        "Rækken har intet item_id og hører ikke til kørslen (en tilføjet række?). "
        "Skriv vurderingen i den eksisterende række for planen."
    ),
    "review_ukendt_raekke": (
        "Rækken findes ikke i kørslen (plan, kriterium eller udsagn ukendt). Brug en arbejdsbog "
        "lavet fra denne kørsel, og ret ikke i de skjulte kolonner."
    ),
    "review_plan_id_aendret": "plan_id er ændret; rækken hører til planen {plan_id}. Sæt den tilbage.",
    "review_kriterium_aendret": (
        "criterion_id er ændret; rækken hører til kriteriet {criterion}. Sæt det tilbage."
    ),
    "review_dublet": "Rækken findes to gange i arbejdsbogen. Slet den kopierede række.",
    "review_ukendt_vaerdi": "Værdien er ikke tilladt her. Vælg en af: {allowed}.",
    "review_uenig_uden_begrundelse": (
        "Uenig kræver en begrundelse. Skriv i '{column}', hvorfor I er uenige."
    ),
    "review_label_uden_begrundelse": (
        "En anden sektor end værktøjets kræver en begrundelse. Skriv i '{column}', hvorfor."
    ),
    "review_afgoerelse_uden_begrundelse": (
        "Forummets afgørelse afviger fra værktøjets og kræver en begrundelse i '{column}'."
    ),
    "review_ugyldige_raekker": (
        "Arbejdsbogen '{path}' har {count} problem(er); intet er læst ind. Ret dem alle og "
        "læs arbejdsbogen ind igen:"
    ),
    "review_intet_udfyldt": (
        "Arbejdsbogen '{path}' har ingen udfyldte rækker; intet er læst ind, og en tidligere "
        "decisions.csv er uændret. Udfyld de gule kolonner og prøv igen."
    ),
    "review_eksporteret": (
        "Arbejdsbogen er gemt i {path}: {criteria} kriterierækker og {statements} udsagn."
    ),
    "review_importeret": (
        "{count} vurderede rækker er læst ind i {path} ({criteria} kriterier, {statements} udsagn)."
    ),
    "review_ingen_beslutninger": (
        "Kørselsmappen '{path}' har ingen decisions.csv endnu. Læs forummets arbejdsbog ind "
        "med 'auditlib review import FIL.xlsx --run {path}'."
    ),
    "review_output_filtype": "Arbejdsbogen skal gemmes som .xlsx, f.eks. --out gennemgang.xlsx.",
    "review_kappa_en_kategori": "Kappa kan ikke beregnes: alle vurderinger er i samme kategori.",
    "review_kappa_for_faa": "Kappa kan ikke beregnes: færre end 2 emner vurderet af begge.",
    "review_faa_emner": "Få emner (under {n}): tallet er usikkert.",
    "review_overskrift_kriterier": "Enighed mellem hospital og kommune pr. kriterium",
    "review_overskrift_sektorer": "Enighed mellem hospital og kommune om gråzoneudsagn pr. sektor",
    "review_overskrift_forum": "Enighed mellem værktøjet og forummets afgørelse",
    "review_sammenligning_overskrift": "Andel opfyldt før og efter ({a} → {b})",
})

# -- privacy guard (auditlib.privacy, auditlib scan) --------------------------
MESSAGES.update({
    "privat_fund_linje": "plan {plan_id}, kolonne {column}, type {kind}, tegn {start}–{end}",
    "privat_flere": "… og {count} flere",
    "privat_afvist": (
        "Registret '{name}' indeholder {count} sted(er) i {plans} plan(er), der ligner en "
        "personhenførbar oplysning. Intet er auditeret eller eksporteret."
    ),
    "privat_afvist_hjaelp": (
        "Fjern eller anonymisér oplysningerne i kildefilen (se 'auditlib scan REGISTER "
        "--redact KOPI.xlsx'), eller tilføj ord, der ikke er identifikatorer, til "
        "privacy.allow i auditlib.yaml."
    ),
    "privat_rent": "Registret '{name}' ({n} planer): ingen personhenførbare oplysninger fundet.",
    "privat_fundet": (
        "Registret '{name}' ({n} planer): {count} sted(er) i {plans} plan(er) ligner en "
        "personhenførbar oplysning:"
    ),
    "privat_ubrugeligt": (
        "Registret '{name}' kan ikke scannes: {count} problem(er) gør det ubrugeligt. "
        "Kør 'auditlib validate' og ret dem først."
    ),
    "privat_redigeret_skrevet": (
        "En kopi med {count} sted(er) erstattet af mærker ([CPR], [NAVN] …) er gemt i {path}. "
        "Originalen er ikke ændret."
    ),
    "privat_redact_filtype": (
        "Kopien kan kun gemmes som .xlsx eller .csv (ikke '{suffix}'). "
        "Skriv f.eks. --redact planer-redigeret.xlsx."
    ),
})

# -- notebooks and batch runs (auditlib.notebooks, auditlib.batch, auditlib batch) ----------
MESSAGES.update({
    "notebook_findes_ikke": "Notebooken '{name}' findes ikke i {path}.",
    "notebook_koersel_resume": (
        "{n_plans} planer auditeret, {n_statements} udsagn klassificeret, "
        "{n_greyzone} gråzoneudsagn. Kørslens filer:"
    ),
    "notebook_kerne_mangler": (
        "Jupyter-kernen '{kernel}' findes ikke. Installér den med "
        "'python -m ipykernel install --user' og prøv igen."
    ),
    "notebook_fejl_auditlib": "Notebooken '{name}' stoppede: {message}",
    "notebook_fejl_celle": (
        "Notebooken '{name}' stoppede med en uventet fejl ({kind}) i celle {cell}. "
        "Åbn den kørte notebook i JupyterLab for at se detaljerne."
    ),
    "notebook_akse_andel_opfyldt": "Andel opfyldt (af planer, der kunne vurderes)",
    "notebook_titel_opfyldelse": "Opfyldelse pr. kriterium",
    "notebook_signatur_sikker": "sikker",
    "notebook_signatur_graazone": "gråzone",
    "notebook_akse_udsagn": "Udsagn",
    "notebook_titel_labels": "Udsagn pr. sektor",
    "notebook_akse_planer": "Planer",
    "notebook_titel_kvartal": "Planer pr. kvartal",
    "notebook_akse_forudsagt": "Modellens label",
    "notebook_akse_sand": "Korpussets label",
    "batch_kolonne_mangler": (
        "Registret '{name}' har ingen kolonne '{by}'. Brug --by med en af kolonnerne, "
        "f.eks. --by klynge."
    ),
    "batch_ingen_klynger": "Registret '{name}' har ingen udfyldte værdier i kolonnen '{by}'.",
    "batch_jobs_ugyldig": "--jobs skal være et positivt antal processer, ikke {jobs}.",
    "batch_ukendt_fejl": "Kørslen stoppede med en uventet fejl ({kind}).",
    "batch_status_faerdig": "færdig",
    "batch_status_fejlet": "fejlet",
    "batch_status_sprunget_over": "sprunget over (allerede kørt)",
    "batch_overskrift": "Kørsel af {n} klynger fra '{name}' i {out} ({jobs} processer):",
    "batch_linje": "  {cluster:<20} {status:<30} {seconds:>6.1f} s  {folder}",
    "batch_fejl_linje": "      årsag: {error}",
    "batch_resume": (
        "{done} færdig(e), {failed} fejlet, {skipped} sprunget over. "
        "Status for hver klynge: {path}"
    ),
    "batch_progress": "Klynger",
    "demo_fil_notebook": "den kørte auditnotebook (åbn i JupyterLab)",
    "demo_fil_report": "auditrapporten som HTML (uden kode)",
})

# -- audit and counts --------------------------------------------------------------------
MESSAGES.update({
    "audit_ukendt_klynge": (
        "Registret har ingen planer for klyngen '{cluster}'. Klynger i registret: {known}. "
        "Ret --cluster eller udelad det."
    ),
    "audit_stikproeve_ugyldig": (
        "--sample skal være et positivt antal planer, ikke {n}. Angiv f.eks. --sample 20, "
        "eller udelad det for alle planer."
    ),
    "audit_seed_uden_sample": "--seed bruges kun sammen med --sample. Angiv f.eks. --sample 20 --seed 7.",
    "audit_ukendte_kriterier": (
        "criteria.active nævner ukendte kriterier: {unknown}. Ret listen; kendte kriterier: "
        "{known}."
    ),
    "audit_egen_regel_ugyldig": (
        "Egen regel nr. {number} under criteria.custom er ugyldig (nøglen '{key}': {hint}). "
        "Ret reglen; hver regel skal have id, titel, felt og ord."
    ),
    "audit_egen_regel_felt": (
        "Egen regel {id}: feltet '{field}' er ikke et fritekstfelt. Brug et af: {allowed}."
    ),
    "audit_egen_regel_id": (
        "Egen regel {id}: id'et bruges allerede af et indbygget kriterium. Vælg et andet id "
        "(f.eks. M01)."
    ),
    "audit_start": "Auditerer '{name}' ({n} planer) …",
    "audit_resume": (
        "Auditerede {n} planer{cluster} på {seconds:.1f} s: {criteria} kriterier, "
        "{statements} udsagn, {greyzones} gråzoner."
    ),
    "audit_tabel_kriterium": "Kriterium",
    "audit_tabel_opfyldt": "opfyldt",
    "audit_tabel_ikke": "ikke",
    "audit_tabel_andel": "andel",
    "audit_filer": (
        "Filerne er skrevet i {out}/: criteria.csv, statements.csv, plans.csv, run.json."
    ),
    "audit_naeste": (
        "Næste skridt: auditlib review export {out} --out gennemgang.xlsx  eller  "
        "auditlib catalogue {out} --out katalog/"
    ),
    "counts_overskrift": "Planer i '{name}'{cluster}: {n}. Tal under {min_count} vises som '<5'.",
})

# -- run folders -------------------------------------------------------------------------
MESSAGES.update({
    "koersel_fil_ulaeselig": (
        "Filen '{name}' i kørselsmappen '{folder}' kan ikke læses. Kør 'auditlib audit' igen "
        "for at lave mappen på ny."
    ),
    "koersel_kolonner_mangler": (
        "Filen '{name}' i '{folder}' mangler kolonnerne {missing}. Er mappen lavet af "
        "'auditlib audit'? Lav den på ny med 'auditlib audit REGISTER --out MAPPE'."
    ),
    "koersel_findes_ikke": (
        "Kørselsmappen '{path}' findes ikke. Lav den med 'auditlib audit REGISTER --out MAPPE'."
    ),
    "koersel_ikke_en_koersel": (
        "Mappen '{path}' er ikke en kørselsmappe: filen '{name}' mangler. Lav den med "
        "'auditlib audit REGISTER --out MAPPE'."
    ),
    "koersel_runjson_ulaeselig": "Filen '{name}' i '{path}' kan ikke læses. Kør 'auditlib audit' igen.",
})

# -- area: privacy ---------------------------------------------------------------
MESSAGES.update({
    # (privacy: add this area's keys here)
    "privat_fund_linje_sted": "{where}, kolonne {column}, type {kind}, tegn {start}–{end}",
    "privat_forklaring": "{reason} Mønster: {pattern}; {context}; score {score}.",
    "privat_forklaring_kontekst": "kontekstord '{word}' hævede scoren",
    "privat_forklaring_ingen_kontekst": "intet kontekstord",
})

# -- area: stats -----------------------------------------------------------------
MESSAGES.update({
    # (stats: add this area's keys here)
    "udtraek_filtype": (
        "Udtrækket '{name}' skal være en CSV-fil (.csv) eller en Excel-projektmappe (.xlsx) "
        "med kolonnerne kvartal, afdeling eller klynge, diagnosegruppe og udskrivninger."
    ),
    "udtraek_ubrugeligt": "Udtrækket '{name}' kan ikke bruges: {reason}",
    "udtraek_problemer": (
        "Udtrækket '{name}' har {count} problem(er). Ret dem og kør igen "
        "(se docs/udskrivningsudtraek.md):"
    ),
    "udtraek_ingen_raekker": "Udtrækket '{name}' har overskrifter, men ingen rækker.",
    "udtraek_kolonne_mangler": "Kolonnen '{column}' mangler. Tilføj den (f.eks. 2025-K1).",
    "udtraek_kolonne_stavet": (
        "Kolonnen '{column}' ligner '{intended}'. Ret overskriften til '{intended}'."
    ),
    "udtraek_enhed": (
        "Udtrækket skal have præcis én af kolonnerne afdeling eller klynge (fandt {found})."
    ),
    "udtraek_antal_kolonne": (
        "Udtrækket skal have præcis én tælle-kolonne: udskrivninger, kontakter eller antal "
        "(fandt {found})."
    ),
    "udtraek_kvartal": "Kvartalet kan ikke læses. Skriv det som 2025-K1 (år, K, kvartal 1-4).",
    "udtraek_tom": "Kolonnen {column} er tom. Angiv afdelingen eller klyngen.",
    "udtraek_diagnosegruppe": (
        "Ukendt diagnosegruppe. Brug depression, angst, andre eller ikke_angivet "
        "(eller lad feltet stå tomt)."
    ),
    "udtraek_antal": "{column} skal være et helt tal, 0 eller derover.",
    "udtraek_dublet": (
        "Samme kvartal, enhed og diagnosegruppe står også i række {first}. Læg rækkerne "
        "sammen til én."
    ),
    "udtraek_ekstra_kolonner": "Kolonner i udtrækket, der ikke bruges: {columns}.",
    "counts_tegn": (
        "'{marker}': færre end 5 (diskretioneret). 'x': skjult, så et lille tal ikke kan "
        "regnes ud af totalerne (kan være et hvilket som helst antal)."
    ),
    "counts_tegn_kort": "'<5': færre end 5. 'x': skjult, så et lille tal ikke kan regnes ud af totalerne.",
    "counts_reference_overskrift": (
        "Offentliggjorte tal og registrets tal ('{register}', {period}, n = {quarters} "
        "kvartaler; pr. år = antal × 4 / kvartaler)"
    ),
    "counts_reference_kilde": "Kilde: {source}",
    "counts_kolonne_tal": "Tal",
    "counts_kolonne_notat_aar": "år",
    "counts_kolonne_notat_antal": "offentliggjort",
    "counts_kolonne_register": "registret",
    "counts_kolonne_pr_aar": "pr. år",
    "counts_kolonne_kategori": "Kategori",
    "counts_kolonne_kvartal": "Kvartal",
    "counts_kolonne_pr_100": "pr. 100",
    "counts_kolonne_indsats": "Indsats",
    "counts_kolonne_andel": "andel",
    "counts_rater_overskrift": (
        "Planer pr. 100 {kind} (udtrækket '{name}'), med 95 %-konfidensinterval (Wilson). "
        "En rate vises kun, når både planer og {kind} vises."
    ),
    "counts_note_flere_planer_end_udskrivninger": (
        "Bemærk: nogle celler har flere planer end {kind}; der vises ingen "
        "konfidensinterval. Dækker udtrækket alle kontakter, planerne kommer fra?"
    ),
    "counts_indsatser_overskrift": (
        "Øvrige indsatser ved siden af planen (feltet oevrige_indsatser; plan på plan)"
    ),
})

# -- area: sources ---------------------------------------------------------------
MESSAGES.update({
    # (sources: add this area's keys here)
    "klyngekort_findes_ikke": (
        "Klyngekortet '{path}' findes ikke. Ret stien under nøglen 'klynger' i "
        "auditlib.yaml, eller fjern nøglen for at bruge Region Midtjyllands standardkort."),
    "klyngekort_ugyldigt": "Klyngekortet '{path}' kan ikke bruges: {problem}",
    "klyngekort_yaml": "tjek YAML-syntaksen (indrykning med mellemrum, kolon efter hver klynge).",
    "klyngekort_opbygning": (
        "filen skal have nøglen 'klynger' med én klynge pr. linje og en liste af kommuner, "
        "fx 'Midtklyngen: [Silkeborg, Skive, Viborg]'."),
    "klyngekort_liste": "klyngen '{cluster}' skal have en liste af kommunenavne i klammer.",
    "klyngekort_dublet": (
        "kommunen '{municipality}' står både i '{first}' og i '{second}'; en kommune må kun "
        "høre til én klynge."),
    "klynge_udfyldt": (
        "{count} plan(er) havde ingen klynge; klyngen er udfyldt ud fra kommunen efter "
        "klyngekortet ({source})."),
})

# -- area: classifier ------------------------------------------------------------
MESSAGES.update({
    # (classifier: add this area's keys here)
})

# -- area: meeting ---------------------------------------------------------------
MESSAGES.update({
    # (meeting: add this area's keys here)
    "meeting_udfyldt_fil_mangler": (
        "Den udfyldte arbejdsbog '{path}' findes ikke. Tjek filnavnet og mappen ('{folder}'): "
        "angiv den fil, hospital, kommune og forum har udfyldt og gemt (.xlsx)."
    ),
    "meeting_log_ukendt_plan": (
        "Plan-ID'et findes ikke i kørslen. Vælg planen fra rullelisten i kolonnen Plan-ID."
    ),
    "meeting_log_ukendt_emne": (
        "Emnet kan ikke findes i planen. Skriv kriteriet (f.eks. K06) eller feltet og "
        "udsagnets nummer (f.eks. Mål 2), som de står i arkene 'kriterier' og 'udsagn'."
    ),
    "meeting_log_dublet": "Emnet står to gange i beslutningsloggen. Saml det i én række.",
    "meeting_log_dato": "Datoen kan ikke læses. Skriv den som dato, f.eks. 15-03-2026.",
    "meeting_log_afgjort_uden_afgoerelse": (
        "Status afgjort kræver forummets afgørelse: skriv den i 'Forummets afgørelse' i arket "
        "'udsagn' eller 'kriterier', eller vælg status uafklaret eller eskaleret."
    ),
    "meeting_log_lov_mangler": (
        "En afgjort sektor kræver lov og paragraf (katalogets procedure, trin 4), "
        "f.eks. Sundhedsloven § 140."
    ),
    "meeting_personoplysning": (
        "Teksten ligner en personoplysning (navn, CPR-nummer, telefon, adresse eller e-mail). "
        "Omskriv den uden personoplysninger; brug kun Plan-ID."
    ),
    "meeting_eksempel_uden_begrundelse": (
        "En god eksempelplan kræver 'Hvad fungerer': det er den tekst, kataloget viser ved "
        "eksemplet."
    ),
    "meeting_triage_grad": "Graden skal være et helt tal fra 1 til 5 (eller tom).",
    "meeting_importeret": (
        "Læst ind i {folder}: {decisions} vurderede rækker ({criteria} kriterier, "
        "{statements} udsagn), {verdicts} planvurderinger og triage for {triage} planer."
    ),
    "meeting_ingen_plans": (
        "Kørselsmappen '{path}' har ingen plans.csv (lavet med en ældre version). Kør "
        "'auditlib audit' igen, så planerne kan vurderes på triagegraderne."
    ),
    "meeting_udeladte_eksempler": (
        "{count} eksempelplan(er) er udeladt, fordi privatlivsværnet fandt noget, der ligner "
        "en personoplysning. Ret planens tekst eller 'hvad fungerer' og læs arbejdsbogen ind igen."
    ),
    "meeting_q06_igen": "Q06 med triagegraderne: {changed} af {total} planer får et andet resultat.",
})

# -- area: polish ----------------------------------------------------------------
MESSAGES.update({
    # Column headings of the command line's text tables.
    "tabel_criterion_id": "Kriterium",
    "tabel_titel": "Titel",
    "tabel_foer": "Før",
    "tabel_efter": "Efter",
    "tabel_aendring": "Ændring",
    "tabel_omraade": "Område",
    "tabel_n": "Antal",
    "tabel_enighed": "Enighed",
    "tabel_kappa": "Kappa",
    "tabel_note": "Bemærkning",
    "agenda_skrevet": "Dagsordenen er skrevet: {path} (én side pr. plan; udskriv fra browseren).",
    "demo_ud_ikke_mappe": "'{path}' er en fil. Angiv en mappe til demodata, f.eks. --out demo.",
    "demo_findes_allerede": (
        "I '{path}' findes allerede filer med samme navn men andet indhold: {names}. De "
        "overskrives ikke; vælg en anden mappe, f.eks. --out demo."
    ),
    "demo_kopieret": "Demodata er lagt i {path}:",
    "demo_kopieret_fil": "  {name}",
    "demo_naeste": "Næste skridt: auditlib validate {register}",
    # (polish: add this area's keys here)
})

# -- area: missed ----------------------------------------------------------------
MESSAGES.update({
    # (missed: add this area's keys here)
    # register of discharges without a plan (auditlib.missed, auditlib missed ...)
    "mu_sted_udskrivning": "udskrivning {id}",
    "mu_rapport_ok": (
        "Registret '{name}' over udskrivninger uden plan er i orden: {n} udskrivninger, "
        "ingen problemer."
    ),
    "mu_rapport_problemer": (
        "Registret '{name}' har {count} problem(er) i {n} udskrivninger uden plan. "
        "Ret dem og kør igen:"
    ),
    "mu_rapport_ubrugelig": "Registret over udskrivninger uden plan '{name}' kan ikke bruges:",
    "mu_ingen_udskrivninger": (
        "Registret har overskrifter, men ingen udskrivninger. Tilføj mindst én udskrivning."
    ),
    "mu_er_planregister": (
        "'{name}' er et planregister (det har plan_id og niveau), ikke et register over "
        "udskrivninger uden plan. Brug 'auditlib validate' til planregistret, eller "
        "'auditlib missed template' for at få skabelonen til udskrivninger uden plan."
    ),
    "mu_kolonne_mangler": (
        "Den påkrævede kolonne '{column}' mangler. Tilføj kolonnen med præcis dette navn "
        "(se auditlib missed template)."
    ),
    "mu_id_tom": (
        "udskrivning_id mangler. Giv udskrivningen forummets eget pseudonyme nøgle, "
        "f.eks. MU-2025-07."
    ),
    "mu_id_format": (
        "udskrivning_id må kun indeholde bogstaverne A-Z, tal, '-' og '_' og højst 40 tegn, "
        "f.eks. MU-2025-07."
    ),
    "mu_id_dublet": (
        "udskrivning_id findes flere gange i registret. Giv hver udskrivning sin egen nøgle."
    ),
    "mu_kvartal_ugyldig": "Kvartalet kan ikke læses. Skriv det som ÅÅÅÅ-K1 … ÅÅÅÅ-K4, f.eks. 2025-K2.",
    "mu_kvartal_mangler": (
        "Udskrivningens tidspunkt mangler. Udfyld udskrevet (dato) eller kvartal (f.eks. 2025-K2)."
    ),
    "mu_kvartal_uenig": "kvartal passer ikke med datoen i udskrevet. Ret den ene af dem.",
    "mu_ukendt_klynge": (
        "Registret har ingen udskrivninger for klyngen '{cluster}'. Klynger i registret: "
        "{known}. Ret --cluster eller udelad det."
    ),
    "mu_ikke_en_koersel": (
        "Mappen '{path}' er ikke en kørsel af 'auditlib missed audit': filen {name} mangler."
    ),
    "mu_skabelon_skrevet": (
        "Skabelonen til udskrivninger uden plan er gemt i {path}. Udfyld arket "
        "'udskrivninger' – én række pr. udskrivning."
    ),
    "mu_privat_rent": "Ingen personhenførbare oplysninger fundet.",
    "mu_privat_fundet": (
        "{count} sted(er) ligner en personhenførbar oplysning (kun placeringen vises):"
    ),
    "mu_privat_problem": "Ligner en personhenførbar oplysning ({kind}, tegn {start}–{end}).",
    "mu_audit_start": "Læser {n} udskrivninger uden plan fra {name} …",
    "mu_audit_resume": (
        "{n} udskrivninger uden plan{cluster} auditeret mod {criteria} kriterier: behovet er "
        "vurderet ved {assessed} af dem."
    ),
    "mu_filer": "Resultaterne er gemt i {out} (missed.csv, missed_discharges.csv, missed.json).",
    "mu_naeste": (
        "Næste skridt: 'auditlib catalogue KØRSEL --missed {out} --out katalog/' giver "
        "katalogets del 'Planer der ikke blev lavet'."
    ),
    "mu_katalog_titel": "Planer der ikke blev lavet",
    "mu_katalog_intro": (
        "Udskrivninger fra psykiatrien uden genoptræningsplan: blev behovet vurderet, af hvem, "
        "og hvorfor blev der ikke lavet en plan? Retten til en plan gælder uanset diagnose; "
        "den manglende vurdering er det regionale notats hovedfund. Tal under {min_count} "
        "vises som '<{min_count}', og 'x' skjuler et tal, som ellers kunne regnes ud af en "
        "total; en andel bygget på et skjult tal vises ikke."
    ),
})

# -- area: hearing ---------------------------------------------------------------
MESSAGES.update({
    # (hearing: add this area's keys here)
    "katalog_version_forskellig": (
        "de fire filer skal have samme version (katalogets version); nu: {versions}."
    ),
    "katalog_version_nyere": (
        "postens version er nyere end filens version {version}. En post har versionen, hvor "
        "dens tekst sidst blev ændret."
    ),
    "hoering_titel": "Høringsark til snitfladekataloget",
    "hoering_sted_ark": "ark '{sheet}'",
    "hoering_sted_raekke": "række {row}",
    "hoering_sted_kolonne": "kolonne '{column}'",
    "hoering_dv_titel": "accept eller afvis",
    "hoering_dv_fejl": "Skriv accept eller afvis.",
    "hoering_vejledning": (
        "Sådan bruger klyngerne høringsarket\n"
        "1. Arket 'hoering' har én række pr. tekstfelt i hver post i kataloget: typer af "
        "funktionstab, snitflader, anbefalinger og kompetencebehov.\n"
        "2. Udfyld kun de gule kolonner: klynge (jeres klynges navn), kommentar og forslag til "
        "ny tekst (hele den nye tekst, ikke kun ændringen).\n"
        "3. Ret aldrig i 'nuværende tekst' eller de andre hvide kolonner, og slet ingen rækker; "
        "tomme rækker betyder ingen kommentar.\n"
        "4. På workshoppen afgøres hver kommentar i kolonnen accept/afvis: accept betyder, at "
        "forslaget kommer med i næste version; afvis, at teksten bliver stående.\n"
        "5. Flet alle klyngers ark med 'auditlib catalogue merge-comments ARK... --out MAPPE'. "
        "To accepterede forslag med forskellig tekst til samme felt er en konflikt: teksten "
        "bliver stående, posten forbliver til høring, og forslagene står side om side i "
        "ændringsloggen.\n"
        "6. Skriv aldrig navne, cpr-numre, telefonnumre eller andre personoplysninger i arket."
    ),
    "hoering_fil_findes_ikke": "filen findes ikke.",
    "hoering_fil_ulaeselig": (
        "filen kan ikke læses som Excel-arbejdsbog (.xlsx). Gem den igen fra Excel som .xlsx."
    ),
    "hoering_fil_dublet": "arbejdsbogen er angivet flere gange.",
    "hoering_ark_mangler": (
        "arket '{sheet}' mangler. Brug arbejdsbogen fra 'auditlib catalogue --hearing' uden at "
        "omdøbe arket."
    ),
    "hoering_anden_version": (
        "arket er lavet til katalogets version {version}, men indholdet er nu version "
        "{current}. Flet kommentarerne til den version, arket blev lavet til."
    ),
    "hoering_kolonne_mangler": "kolonnen '{column}' mangler. Slet eller omdøb ingen kolonner.",
    "hoering_kolonne_stavet": (
        "kolonnen '{column}' mangler; en kolonne med et lignende navn findes. Ret overskriften "
        "tilbage til '{column}'."
    ),
    "hoering_post_ukendt": (
        "rækken ({part} / {id} / {field}) findes ikke i kataloget. Ret ikke i kolonnerne del, "
        "id og felt."
    ),
    "hoering_post_dublet": "samme post og felt står også i række {first}. Saml kommentarerne i én række.",
    "hoering_tekst_aendret": (
        "den nuværende tekst er rettet i arket. Sæt den tilbage, og skriv den nye tekst i "
        "kolonnen '{column}'."
    ),
    "hoering_beslutning_ukendt": "skriv accept eller afvis.",
    "hoering_beslutning_mangler": (
        "kommentaren er ikke afgjort. Skriv accept eller afvis, før kommentarerne flettes."
    ),
    "hoering_kommentar_mangler": (
        "der er ingen kommentar eller '{column}' at acceptere eller afvise."
    ),
    "hoering_klynge_mangler": "skriv navnet på klyngen, der kommenterer.",
    "hoering_identifikator": (
        "teksten ligner en personoplysning ({kinds}). Fjern den; kataloget deles uden for "
        "klyngen."
    ),
    "hoering_ingen_ark": "Angiv mindst ét udfyldt høringsark.",
    "hoering_ugyldig": (
        "Høringsarkene kan ikke flettes ({count} problem(er)). Ret dem alle og kør igen. "
        "Intet er skrevet, og arkene er ikke ændret:"
    ),
    "hoering_yaml_intern": (
        "Den næste version kunne ikke skrives korrekt; intet er skrevet. Kør igen med --debug "
        "og meld fejlen."
    ),
    "hoering_log_titel": "Ændringslog for snitfladekataloget, version {version}",
    "hoering_log_grundlag": "Flettet fra høringsarkene: {files}.",
    "hoering_log_antal": (
        "{accepted} kommentar(er) accepteret, {rejected} afvist og {conflicts} i konflikt; "
        "{changed} tekstfelt(er) ændret."
    ),
    "hoering_log_status": "{count} post(er): {old} → {new}",
    "hoering_log_afsnit_accepteret": "Accepterede kommentarer",
    "hoering_log_afsnit_afvist": "Afviste kommentarer",
    "hoering_log_afsnit_konflikt": "Kommentarer i konflikt",
    "hoering_log_ingen": "Ingen.",
    "hoering_log_kol_post": "post › felt",
    "hoering_log_kol_aendret": "tekst ændret",
    "hoering_log_kol_kilde": "kilde",
    "hoering_log_konflikter": "Konflikterne side om side",
    "hoering_log_konflikt_intro": (
        "Teksten er ikke ændret, og posten er fortsat til høring. Forummet vælger mellem "
        "forslagene i næste runde."
    ),
    "hoering_skrevet": "Høringsarket er skrevet: {path}",
    "hoering_flettet": (
        "Version {version} er skrevet i {path}: {accepted} accepteret, {rejected} afvist, "
        "{conflicts} i konflikt ({changed} tekstfelt(er) ændret)."
    ),
    "hoering_flettet_log": "  Ændringslog: {path}",
    "tilbage_ingen_planer": (
        "Kørselsmappen '{path}' har ingen {name} (planernes afdeling og kommune). Kør "
        "'auditlib audit' igen med denne version af auditlib."
    ),
    "tilbage_planer_ulaeselig": "Filen '{path}' kan ikke læses. Kør 'auditlib audit' igen.",
    "tilbage_planer_kolonner": (
        "Filen '{path}' mangler kolonnerne {missing}. Kør 'auditlib audit' igen."
    ),
    "tilbage_ukendt_gruppe": "--by skal være en af: {allowed} (ikke '{by}').",
    "tilbage_ingen_enheder": (
        "Ingen af kørslens planer har udfyldt kolonnen '{by}' i registret, så der er ingen "
        "sider at lave. Udfyld '{by}' i registret, og kør 'auditlib audit' igen."
    ),
    "tilbage_alle_klynger": "alle klynger i kørslen",
    "tilbage_afdeling": "Afdeling",
    "tilbage_kommune": "Kommune",
    "tilbage_titel": "Tilbagemelding fra auditten: {unit}",
    "tilbage_skrevet": "{count} tilbagemeldingsside(r) er skrevet i {path}:",
    "tilbage_fil": "  {name}",
})

# -- area: speed -----------------------------------------------------------------
MESSAGES.update({
    # (speed: add this area's keys here)
})

# -- area: pipeline --------------------------------------------------------------
MESSAGES.update({
    # (pipeline: add this area's keys here)
    "kolonne_tastefejl": (
        "Kolonnen '{column}' findes ikke i datakontrakten – mente du '{suggestion}'? "
        "Ret overskriften, så værdierne bliver brugt."
    ),
    "kolonne_tastefejl_dublet": (
        "Kolonnen '{column}' findes ikke i datakontrakten og ligner '{suggestion}', som også "
        "findes i registret. Slet eller omdøb den ene, så det er klart, hvilken der gælder."
    ),
    "kolonner_ekstra": (
        "Bemærk: kolonnerne {columns} er ikke en del af datakontrakten. De føres med "
        "uændret, men bruges ikke i audit."
    ),
})
