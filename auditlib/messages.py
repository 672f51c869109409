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
    "output_filtype": "Outputfilen skal have endelsen {suffix}, f.eks. {example}.",
    # -- config -----------------------------------------------------------------
    "config_findes_ikke": "Konfigurationsfilen '{path}' findes ikke.",
    "config_defekt": "Konfigurationsfilen '{path}' kan ikke læses: tjek YAML-syntaksen omkring linje {line}.",
    "config_ukendt_noegle": "Konfigurationsfilen har en ukendt nøgle '{key}'. Tilladte nøgler: {allowed}.",
    "config_ugyldig_vaerdi": "Konfigurationsnøglen '{key}' har en ugyldig værdi: {hint}",
    # -- CLI generic ---------------------------------------------------------------
    "cli_fejl_prefix": "Fejl: ",
    "cli_mangler_argument": "Der mangler {param}. Se 'auditlib {command} --help'.",
    "cli_ukendt_option": "Ukendt valgmulighed {option}. Se 'auditlib {command} --help'.",
    "cli_ugyldig_vaerdi": "Ugyldig værdi for {param}. Se 'auditlib {command} --help'.",
    "cli_ukendt_kommando": "Ukendt kommando '{name}'. Se 'auditlib --help' for de mulige kommandoer.",
    "cli_uventet_fejl": (
        "Der skete en uventet fejl ({kind}). Ingen filer er ændret. Kør igen med --debug "
        "og send beskeden (uden plantekst) til værktøjets udviklere."
    ),
    "cli_afbrudt": "Afbrudt. Ingen halve filer er efterladt.",
}


def msg(key: str, **values: object) -> str:
    """Return the Danish message ``key`` with its placeholders filled in."""
    return MESSAGES[key].format(**values)


def join_allowed(values: list[str] | tuple[str, ...]) -> str:
    """Quote allowed values for a message: 'a', 'b' eller 'c'."""
    quoted = [f"'{v}'" for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " eller " + quoted[-1]
