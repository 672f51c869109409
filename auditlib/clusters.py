"""The cluster map: which cluster (klynge) each municipality belongs to.

A packaged YAML file (``auditlib/klynger.yaml``: Region Midtjylland's 19 municipalities in
five clusters) that a region replaces with its own through the ``klynger`` key of its
``auditlib.yaml``. The map only fills a blank ``klynge`` from ``kommune`` and groups counts;
a municipality it does not know is never a problem (data-contract.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from auditlib.errors import ConfigError
from auditlib.messages import msg
from auditlib.text import fold_text

DEFAULT_CLUSTER_MAP = Path(__file__).with_name("klynger.yaml")
_MUNICIPALITY_SUFFIX = re.compile(r"\s+kommune$")


def municipality_key(name: str) -> str:
    """"Ringkøbing-Skjern Kommune", "ringkoebing-skjern" → one key."""
    return _MUNICIPALITY_SUFFIX.sub("", fold_text(str(name)).strip())


@dataclass(frozen=True)
class ClusterMap:
    region: str
    clusters: dict[str, tuple[str, ...]]
    source: str = ""
    _by_key: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def cluster_of(self, municipality: object) -> str | None:
        """The cluster of ``municipality``, or None when the map does not know it."""
        if not isinstance(municipality, str) or not municipality.strip():
            return None
        return self._by_key.get(municipality_key(municipality))

    def municipalities(self, cluster: str) -> tuple[str, ...]:
        return self.clusters.get(cluster, ())


def _fail(path: Path, problem: str) -> ConfigError:
    return ConfigError(msg("klyngekort_ugyldigt", path=path, problem=problem))


def read_cluster_map(path: str | Path | None = None) -> ClusterMap:
    """Read and check a cluster map; every problem is named (ConfigError)."""
    path = Path(path) if path else DEFAULT_CLUSTER_MAP
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(msg("klyngekort_findes_ikke", path=path)) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _fail(path, msg("klyngekort_yaml")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("klynger"), dict):
        raise _fail(path, msg("klyngekort_opbygning"))
    problems, clusters, by_key = [], {}, {}
    for cluster, municipalities in data["klynger"].items():
        if not isinstance(municipalities, list) or not all(
                isinstance(m, str) and m.strip() for m in municipalities):
            problems.append(msg("klyngekort_liste", cluster=cluster))
            continue
        clusters[str(cluster)] = tuple(m.strip() for m in municipalities)
        for municipality in municipalities:
            key = municipality_key(municipality)
            if key in by_key and by_key[key] != cluster:
                problems.append(msg("klyngekort_dublet", municipality=municipality.strip(),
                                    first=by_key[key], second=cluster))
            by_key[key] = str(cluster)
    if problems:
        raise _fail(path, " ".join(problems))
    return ClusterMap(str(data.get("region") or ""), clusters, str(path), by_key)


@cache
def _cached(path: str) -> ClusterMap:
    return read_cluster_map(path or None)


def load_cluster_map(config=None) -> ClusterMap:
    """The map the configuration names (``klynger``), else the packaged one."""
    path = getattr(config, "klynger", None) if config is not None else None
    return _cached(str(path or ""))
