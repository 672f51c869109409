"""Configuration: package defaults, overridden by a cluster's ``auditlib.yaml``.

The file is YAML; unknown keys and wrong types are refused with a Danish
message naming the key, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditlib.errors import ConfigError
from auditlib.messages import msg

DEFAULTS_PATH = Path(__file__).with_name("defaults.yaml")
LOCAL_CONFIG_NAME = "auditlib.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PrivacyConfig(_Strict):
    kinds: list[str]
    allow: list[str] = Field(default_factory=list)
    allow_by_cluster: dict[str, list[str]] = Field(default_factory=dict)

    def allow_for(self, cluster: str | None) -> list[str]:
        """The allow list that applies to ``cluster`` (global words plus its own)."""
        words = list(self.allow)
        if cluster:
            words += self.allow_by_cluster.get(cluster, [])
        return words


class ClassifierConfig(_Strict):
    greyzone_margin: float = Field(0.15, ge=0.0, le=1.0)
    model: str | None = None


class CriteriaConfig(_Strict):
    active: list[str]
    stated_min_words: int = Field(3, ge=1)
    timely_days: int = Field(1, ge=0)
    complexity_domains: int = Field(3, ge=1, le=4)
    # Extra keyword criteria a cluster adds without code (see auditlib.criteria.custom).
    custom: list[dict[str, Any]] = Field(default_factory=list)


class SuppressionConfig(_Strict):
    min_count: int = Field(5, ge=1)
    # "Below 5" in data-contract.md includes 0; a forum that publishes zeros sets false.
    suppress_zero: bool = True


class Config(_Strict):
    privacy: PrivacyConfig
    classifier: ClassifierConfig
    criteria: CriteriaConfig
    suppression: SuppressionConfig
    # Path to the region's cluster map (municipality → klynge); None = the packaged map.
    klynger: str | None = None
    source: str | None = None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(msg("config_findes_ikke", path=path)) from exc
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise ConfigError(msg("config_defekt", path=path, line=line)) from exc
    if not isinstance(data, dict):
        raise ConfigError(msg("config_defekt", path=path, line=1))
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and key != "allow_by_cluster":
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _allowed_keys(loc: tuple) -> list[str]:
    """The keys the configuration allows beside the last part of ``loc``."""
    model: type[BaseModel] = Config
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field is not None else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return [name for name in model.model_fields if name != "source"]


# pydantic's error types in Danish; any other keeps pydantic's own (English) text.
_HINTS = {"int_parsing": "config_skal_heltal", "int_type": "config_skal_heltal",
          "int_from_float": "config_skal_heltal", "float_parsing": "config_skal_tal",
          "float_type": "config_skal_tal", "bool_parsing": "config_skal_jaenej",
          "bool_type": "config_skal_jaenej", "string_type": "config_skal_tekst",
          "list_type": "config_skal_liste", "dict_type": "config_skal_afsnit",
          "model_type": "config_skal_afsnit", "missing": "config_mangler"}
_LIMITS = {"greater_than_equal": ("config_skal_mindst", "ge"),
           "less_than_equal": ("config_skal_hoejst", "le")}


def _danish_hint(error: dict) -> str:
    if error["type"] in _HINTS:
        return msg(_HINTS[error["type"]])
    if error["type"] in _LIMITS:
        key, bound = _LIMITS[error["type"]]
        return msg(key, limit=error.get("ctx", {}).get(bound, "?"))
    return str(error["msg"])


def _config_problem(error: dict) -> str:
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] != "extra_forbidden":
        return msg("config_ugyldig_vaerdi", key=key, hint=_danish_hint(error))
    allowed = _allowed_keys(tuple(error["loc"]))
    close = difflib.get_close_matches(str(error["loc"][-1]), allowed, n=1, cutoff=0.7)
    return msg("config_ukendt_noegle", key=key,
               hint=msg("config_mente_du", key=close[0]) if close else "",
               allowed=", ".join(allowed))


def load_config(path: str | Path | None = None) -> Config:
    """Defaults, then ``path`` (or ``./auditlib.yaml`` when it exists)."""
    data = _read_yaml(DEFAULTS_PATH)
    source = None
    if path is None and Path(LOCAL_CONFIG_NAME).is_file():
        path = Path(LOCAL_CONFIG_NAME)
    if path is not None:
        path = Path(path)
        local = _read_yaml(path)
        if isinstance(local.get("klynger"), str) and not Path(local["klynger"]).is_absolute():
            local["klynger"] = str(path.parent / local["klynger"])  # relative to the file
        data = _merge(data, local)
        source = str(path)
    try:
        config = Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        # Every problem at once, each naming its key (and the intended key of a misspelt one).
        raise ConfigError("\n".join(_config_problem(error) for error in exc.errors())) from exc
    return config
