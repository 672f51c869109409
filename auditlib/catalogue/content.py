"""The curated part of the snitfladekatalog: four YAML files the forum edits by hand.

Every item the clusters refine together (a functional-loss type, an interface, a
recommendation, a competence need) carries its id, a status (forslag, til høring,
godkendt), the cluster it came from (``klynge``) and the catalogue version in which its
text last changed (``version``); see ``auditlib.catalogue.hearing``.

Each file is checked against a declared schema (pydantic, unknown keys refused, so a
misspelt key never silently disappears from the catalogue) and then cross-checked
(labels, criterion ids, unique ids). Every problem in every file is collected before
anything is raised, so a forum member fixes them all in one go; each problem names the
file, the entry (by its id) and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from auditlib.criteria.info import criteria_info
from auditlib.errors import CatalogueContentError
from auditlib.messages import msg
from auditlib.resources import catalogue_dir
from auditlib.vocabulary import LABELS

DEFAULT_CONTENT_DIR = catalogue_dir()
FILES = ("funktionstab.yaml", "snitflader.yaml", "anbefalinger.yaml", "kompetencer.yaml")
DOMAINS = ("bevaegelse", "aktivitet", "mental", "social")
SIDES = ("hospital", "kommune", "begge")

Label = Literal["genoptraening", "behandling", "social", "beskaeftigelse", "forebyggelse",
                "civilsamfund"]
Side = Literal["hospital", "kommune", "begge"]
Text = Field(min_length=1)

# The hearing round: a cluster proposes, the other clusters comment, the forum approves.
STATUSES = ("forslag", "til_hoering", "godkendt")
STATUS_TITLES = {"forslag": "Forslag", "til_hoering": "Til høring", "godkendt": "Godkendt"}


def _fold_status(value: Any) -> Any:
    """Accept the natural spellings ('til høring', 'Til Høring') of a status."""
    from auditlib.text import fold_name

    return fold_name(value) if isinstance(value, str) else value


Status = Annotated[Literal["forslag", "til_hoering", "godkendt"], BeforeValidator(_fold_status)]


class _Entry(BaseModel):
    # extra="forbid": a misspelt key is an error, not silently dropped content.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _HearingItem(_Entry):
    """An item the clusters refine together: where it stands and where it came from."""

    status: Status
    klynge: str = Text
    version: int = Field(ge=1)


# -- funktionstab.yaml ---------------------------------------------------------------
class LossItem(_HearingItem):
    id: str = Field(pattern=r"^[1-4][a-z]$")
    titel: str = Text
    beskrivelse: str = Text
    eksempler: list[str] = Field(default_factory=list)
    noegleord: list[str] = Field(default_factory=list)


class LossDomain(_Entry):
    id: Literal["bevaegelse", "aktivitet", "mental", "social"]
    titel: str = Text
    beskrivelse: str = Text
    punkter: list[LossItem] = Field(min_length=1)


class FunctionLoss(_Entry):
    version: int = Field(ge=1)
    domaener: list[LossDomain] = Field(min_length=1)


# -- snitflader.yaml -------------------------------------------------------------------
class DecidingQuestion(_Entry):
    id: str = Text
    spoergsmaal: str = Text
    forklaring: str = Text


class LawReference(_Entry):
    lov: str = Text
    paragraf: str | None = None
    stk: str | None = None
    tekst: str = Text


class BorderCase(_Entry):
    mod: Label
    beskrivelse: str = Text
    eksempel: str = Text


class Interface(_HearingItem):
    id: Label
    titel: str = Text
    sektor: str = Text
    lovgrundlag: list[LawReference] = Field(default_factory=list)
    hvornaar: str = Text
    ikke_hvis: str = Text
    afgoerende_spoergsmaal: str = Text
    eksempler: list[str] = Field(default_factory=list)
    graensetilfaelde: list[BorderCase] = Field(default_factory=list)


class ZoneStatement(_Entry):
    tekst: str = Text
    label: Label


class GreyZone(_Entry):
    id: str = Field(pattern=r"^[A-Z]{1,2}$")
    titel: str = Text
    beskrivelse: str = Text
    udsagn: list[ZoneStatement] = Field(default_factory=list)


class ModelCell(_Entry):
    grad: int = Field(ge=1, le=5)
    celle: Literal["B", "S", "A", "B/S", "S/A"]
    beskrivelse: str = Text


class ModelParameter(_Entry):
    nr: int = Field(ge=1, le=7)
    kolonne: str = Field(pattern=r"^p[1-7]_[a-z_]+$")
    navn: str = Text
    trin: list[ModelCell] = Field(min_length=5, max_length=5)


class ModelWeakness(_Entry):
    titel: str = Text
    tekst: str = Text


class ParameterModel(_Entry):
    """The 7-parameter model (DOMAIN.md §4) with its stated weak points."""

    titel: str = Text
    kilde: str = Text
    forklaring: str = Text
    parametre: list[ModelParameter] = Field(min_length=7, max_length=7)
    svagheder: list[ModelWeakness] = Field(default_factory=list)


class Interfaces(_Entry):
    version: int = Field(ge=1)
    afgoerende_spoergsmaal: list[DecidingQuestion] = Field(min_length=1)
    snitflader: list[Interface] = Field(min_length=1)
    graazoner: list[GreyZone] = Field(default_factory=list)
    parametermodel: ParameterModel | None = None

    def by_label(self, label: str) -> Interface | None:
        return next((s for s in self.snitflader if s.id == label), None)


# -- anbefalinger.yaml -----------------------------------------------------------------
class Recommendation(_HearingItem):
    id: str = Text
    titel: str = Text
    tekst: str = Text
    kriterier: list[str] = Field(default_factory=list)
    maalgruppe: Side


class ProcedureStep(_Entry):
    nr: int = Field(ge=1)
    titel: str = Text
    hvem: str = Text
    frist: str = Text
    handling: str = Text
    registreres: str = Text


class FollowUpProcedure(_Entry):
    titel: str = Text
    formaal: str = Text
    trin: list[ProcedureStep] = Field(min_length=1)
    eskalering: str = Text
    ansvar_imens: str = Text


class Recommendations(_Entry):
    version: int = Field(ge=1)
    anbefalinger: list[Recommendation] = Field(min_length=1)
    opfoelgningsprocedure: FollowUpProcedure


# -- kompetencer.yaml ------------------------------------------------------------------
class Competence(_HearingItem):
    id: str = Text
    side: Side
    titel: str = Text
    beskrivelse: str = Text
    forslag: str = Text
    kriterier: list[str] = Field(default_factory=list)
    graazoner: list[Label] = Field(default_factory=list)


class Competences(_Entry):
    version: int = Field(ge=1)
    kompetencer: list[Competence] = Field(min_length=1)


MODELS: dict[str, type[_Entry]] = {
    "funktionstab.yaml": FunctionLoss,
    "snitflader.yaml": Interfaces,
    "anbefalinger.yaml": Recommendations,
    "kompetencer.yaml": Competences,
}


@dataclass(frozen=True)
class ContentProblem:
    """One problem in a curated file: where (file, entry, key) and what to fix."""

    file: str
    entry: str
    key: str
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.entry:
            where.append(msg("katalog_sted_post", entry=self.entry))
        if self.key:
            where.append(msg("katalog_sted_noegle", name=self.key))
        return ", ".join(where) + ": " + self.message


@dataclass
class CatalogueContent:
    """The four validated files."""

    source: Path
    funktionstab: FunctionLoss
    snitflader: Interfaces
    anbefalinger: Recommendations
    kompetencer: Competences

    @property
    def version(self) -> str:
        return str(self.funktionstab.version)


# -- loading -----------------------------------------------------------------------------
def _read(path: Path) -> tuple[Any, list[ContentProblem]]:
    name = path.name
    if not path.is_file():
        return None, [ContentProblem(name, "", "", msg("katalog_fil_mangler"))]
    try:
        # libyaml's loader when PyYAML has it: the same safe loading, ten times faster
        # on the curated files than the pure-Python one.
        data = yaml.load(path.read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnicodeDecodeError:
        return None, [ContentProblem(name, "", "", msg("katalog_kodning"))]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return None, [ContentProblem(name, "", "", msg("katalog_yaml_defekt", line=line))]
    if not isinstance(data, dict):
        return None, [ContentProblem(name, "", "", msg("katalog_ikke_tabel"))]
    return data, []


def _entry_name(container: str, item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "nr"):
            if item.get(key) not in (None, ""):
                return f"{container} '{item[key]}'"
    return msg("katalog_sted_nummer", container=container, nr=index + 1)


def _locate(loc: tuple, data: Any) -> tuple[str, str]:
    """Turn a pydantic location into (entry path by id, key path inside the entry)."""
    entries: list[str] = []
    keys: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            container = keys[-1] if keys else ""
            item = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(item, dict):
                entries.append(_entry_name(container, item, part))
                keys = []
            else:
                # A plain list element (an example, a keyword): keep it with its key.
                keys[-1:] = [f"{container} nr. {part + 1}"] if keys else [f"nr. {part + 1}"]
            node = item
        else:
            keys.append(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return " › ".join(entries), ".".join(keys)


def _error_text(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return msg("katalog_noegle_mangler")
    if kind == "extra_forbidden":
        return msg("katalog_noegle_ukendt")
    if kind in ("string_type", "string_too_short"):
        return msg("katalog_skal_vaere_tekst")
    if kind == "list_type":
        return msg("katalog_skal_vaere_liste")
    if kind in ("too_short",):
        return msg("katalog_liste_tom")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return msg("katalog_skal_vaere_tabel")
    if kind in ("int_type", "int_parsing", "int_from_float", "greater_than_equal"):
        return msg("katalog_skal_vaere_heltal")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return msg("katalog_ugyldig_vaerdi", allowed=expected.replace(" or ", ", "))
    if kind == "string_pattern_mismatch":
        return msg("katalog_id_form")
    return msg("katalog_ugyldig", hint=kind)


def _schema_problems(name: str, data: dict, exc: ValidationError) -> list[ContentProblem]:
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        entry, key = _locate(tuple(error["loc"]), data)
        problems.append(ContentProblem(name, entry, key, _error_text(error)))
    return problems


def _duplicates(name: str, container: str, ids: list[Any]) -> list[ContentProblem]:
    seen: set = set()
    problems = []
    for ident in ids:
        if ident in seen:
            problems.append(ContentProblem(name, f"{container} '{ident}'", "id",
                                           msg("katalog_id_dublet")))
        seen.add(ident)
    return problems


def _unknown_criteria(name: str, container: str, entries, known: dict) -> list[ContentProblem]:
    problems = []
    for entry in entries:
        for index, criterion in enumerate(entry.kriterier):
            if criterion not in known:
                problems.append(ContentProblem(
                    name, f"{container} '{entry.id}'", f"kriterier nr. {index + 1}",
                    msg("katalog_kriterium_ukendt", criterion=criterion[:20],
                        allowed=f"{next(iter(known))}–{list(known)[-1]}" if known else "")))
    return problems


def hearing_items(model: _Entry) -> list[tuple[str, _HearingItem]]:
    """The items of one file the clusters refine together, as (entry path, item)."""
    if isinstance(model, FunctionLoss):
        return [(f"domaener '{d.id}' › punkter '{p.id}'", p)
                for d in model.domaener for p in d.punkter]
    if isinstance(model, Interfaces):
        return [(f"snitflader '{s.id}'", s) for s in model.snitflader]
    if isinstance(model, Recommendations):
        return [(f"anbefalinger '{r.id}'", r) for r in model.anbefalinger]
    if isinstance(model, Competences):
        return [(f"kompetencer '{c.id}'", c) for c in model.kompetencer]
    return []


def _version_checks(models: dict[str, _Entry]) -> list[ContentProblem]:
    """One catalogue version across the four files; no item newer than its file."""
    problems: list[ContentProblem] = []
    versions = {name: model.version for name, model in models.items()}  # type: ignore[attr-defined]
    if len(set(versions.values())) > 1:
        listed = ", ".join(f"{name}: {version}" for name, version in versions.items())
        for name in versions:
            problems.append(ContentProblem(name, "", "version",
                                           msg("katalog_version_forskellig", versions=listed)))
    for name, model in models.items():
        for entry, item in hearing_items(model):
            if item.version > model.version:  # type: ignore[attr-defined]
                problems.append(ContentProblem(
                    name, entry, "version",
                    msg("katalog_version_nyere", version=model.version)))  # type: ignore[attr-defined]
    return problems


def _cross_checks(models: dict[str, _Entry]) -> list[ContentProblem]:
    known = criteria_info()
    problems: list[ContentProblem] = _version_checks(models)
    loss = models.get("funktionstab.yaml")
    if isinstance(loss, FunctionLoss):
        name = "funktionstab.yaml"
        ids = [d.id for d in loss.domaener]
        problems += _duplicates(name, "domaener", ids)
        for missing in (d for d in DOMAINS if d not in ids):
            problems.append(ContentProblem(name, "", "domaener",
                                           msg("katalog_post_mangler", id=missing)))
        problems += _duplicates(name, "punkter", [p.id for d in loss.domaener for p in d.punkter])
        for domain in loss.domaener:
            number = str(DOMAINS.index(domain.id) + 1)
            for item in domain.punkter:
                if not item.id.startswith(number):
                    problems.append(ContentProblem(
                        name, f"domaener '{domain.id}' › punkter '{item.id}'", "id",
                        msg("katalog_punkt_domaene", number=number)))
    interfaces = models.get("snitflader.yaml")
    if isinstance(interfaces, Interfaces):
        name = "snitflader.yaml"
        ids = [s.id for s in interfaces.snitflader]
        problems += _duplicates(name, "snitflader", ids)
        for missing in (label for label in LABELS if label not in ids):
            problems.append(ContentProblem(name, "", "snitflader",
                                           msg("katalog_post_mangler", id=missing)))
        problems += _duplicates(name, "afgoerende_spoergsmaal",
                                [q.id for q in interfaces.afgoerende_spoergsmaal])
        problems += _duplicates(name, "graazoner", [z.id for z in interfaces.graazoner])
    recommendations = models.get("anbefalinger.yaml")
    if isinstance(recommendations, Recommendations):
        name = "anbefalinger.yaml"
        problems += _duplicates(name, "anbefalinger",
                                [r.id for r in recommendations.anbefalinger])
        problems += _duplicates(name, "trin",
                                [t.nr for t in recommendations.opfoelgningsprocedure.trin])
        problems += _unknown_criteria(name, "anbefalinger", recommendations.anbefalinger, known)
    competences = models.get("kompetencer.yaml")
    if isinstance(competences, Competences):
        name = "kompetencer.yaml"
        problems += _duplicates(name, "kompetencer", [c.id for c in competences.kompetencer])
        problems += _unknown_criteria(name, "kompetencer", competences.kompetencer, known)
    return problems


def load_content(directory: str | Path | None = None) -> CatalogueContent:
    """Load and check the four curated files; raise CatalogueContentError with every problem."""
    source = Path(directory) if directory is not None else DEFAULT_CONTENT_DIR
    if not source.is_dir():
        raise CatalogueContentError(msg("katalog_indhold_mappe_findes_ikke", path=source))
    problems: list[ContentProblem] = []
    models: dict[str, _Entry] = {}
    for name, model in MODELS.items():
        data, read_problems = _read(source / name)
        problems += read_problems
        if data is None:
            continue
        try:
            models[name] = model.model_validate(data)
        except ValidationError as exc:
            problems += _schema_problems(name, data, exc)
    problems += _cross_checks(models)
    if problems:
        raise CatalogueContentError(
            msg("katalog_indhold_ugyldigt", path=source, count=len(problems)), problems=problems)
    return CatalogueContent(
        source=source,
        funktionstab=models["funktionstab.yaml"],  # type: ignore[arg-type]
        snitflader=models["snitflader.yaml"],  # type: ignore[arg-type]
        anbefalinger=models["anbefalinger.yaml"],  # type: ignore[arg-type]
        kompetencer=models["kompetencer.yaml"],  # type: ignore[arg-type]
    )


__all__ = ["CatalogueContent", "ContentProblem", "DEFAULT_CONTENT_DIR", "STATUSES", "STATUS_TITLES",
           "hearing_items", "load_content"]
