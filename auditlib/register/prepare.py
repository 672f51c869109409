"""The one way in: load a register, keep the plans that will be used, validate them, and
run the privacy gate, in that order, before anything touches plan text.

Every caller goes through ``prepare_register``: the CLI (audit, counts), the notebooks,
the batch, the catalogue's counts and the demo. A hand-written copy of this sequence is
how the CLI and the notebook once came to disagree on the same register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib.errors import AuditInputError, RegisterInvalidError
from auditlib.messages import msg
from auditlib.register.load import Register, load_register
from auditlib.register.problems import Problem
from auditlib.text import same_name


@dataclass
class PreparedRegister(Register):
    """A register ready for the audit: only the chosen cluster's plans (all plans when no
    cluster is given), every one of them valid, and none holding a suspected identifier.

    Only ``prepare_register`` makes one, so holding a PreparedRegister means the gate ran.
    """

    cluster: str | None = None
    n_register: int = 0  # plans in the whole register file
    positions: list[int] = field(default_factory=list)  # rows of the file that were kept

    @property
    def notices(self) -> list[str]:
        """Danish notices that do not stop the work (extra columns carried through)."""
        return extra_column_notices(self)


def extra_column_notices(register: Register) -> list[str]:
    notices = []
    if register.extra_columns:
        notices.append(msg("kolonner_ekstra",
                           columns=", ".join(f"'{c}'" for c in register.extra_columns)))
    if register.filled_clusters:
        notices.append(msg("klynge_udfyldt", count=register.filled_clusters,
                           source=register.cluster_map_source))
    return notices


def select_cluster(register: Register, cluster: str | None) -> tuple[pd.DataFrame, list[int]]:
    """The plans of one cluster (matched regardless of case, spacing and æøå spelling) and
    their positions in the register; all plans when ``cluster`` is empty."""
    frame = register.frame
    if not cluster:
        return frame, list(range(len(frame)))
    clusters = frame["klynge"].astype(object).tolist()
    positions = [i for i, name in enumerate(clusters)
                 if isinstance(name, str) and same_name(name, cluster)]
    if not positions:
        known = sorted({c for c in clusters if isinstance(c, str)})
        raise AuditInputError(msg("audit_ukendt_klynge", cluster=cluster,
                                  known=", ".join(known) or "ingen"))
    return frame.iloc[positions].reset_index(drop=True), positions


def problems_of(register: Register, positions: list[int]) -> list[Problem]:
    """The problems that concern the kept rows, plus those of the file as a whole."""
    if len(positions) == len(register.frame):
        return list(register.problems)
    kept = set(positions)
    return [p for p in register.problems if p.index is None or p.index in kept]


def prepare_register(source: str | Path | Register, config=None, cluster: str | None = None,
                     *, validate: bool = True, gate: bool = True) -> PreparedRegister:
    """Load ``source`` (a path, or a register already loaded), keep ``cluster``'s plans,
    and raise on the first layer that fails:

    - RegisterUnusableError: the file cannot be read at all;
    - AuditInputError: no plan belongs to ``cluster``;
    - RegisterInvalidError: a kept plan breaks the data contract (every problem listed;
      a bad row of another cluster does not stop this one);
    - PrivacyError: a kept plan holds a suspected identifier (never the value).

    ``validate=False`` / ``gate=False`` are for the commands whose job is to *report* those
    problems themselves (``validate``, ``scan``); nothing that uses plan text passes them.
    """
    from auditlib.config import load_config

    config = config or load_config()
    if isinstance(source, Register):
        register = source
    else:
        from auditlib.clusters import load_cluster_map

        register = load_register(source, load_cluster_map(config))
    if isinstance(register, PreparedRegister) and (
            not cluster or (register.cluster and same_name(register.cluster, cluster))):
        return register  # already through the gate, for this very selection
    frame, positions = select_cluster(register, cluster)
    prepared = PreparedRegister(
        frame=frame, problems=problems_of(register, positions), source=register.source,
        sha256=register.sha256, extra_columns=list(register.extra_columns),
        filled_clusters=register.filled_clusters,
        cluster_map_source=register.cluster_map_source, cluster=cluster or None, n_register=len(register.frame), positions=positions)
    if validate and prepared.problems:
        from auditlib.register.report import problems_text

        # The message lists every problem itself, so the notebook and the batch, which
        # only see the message, report the same as the CLI.
        raise RegisterInvalidError(
            msg("rapport_problemer", name=prepared.name, count=len(prepared.problems),
                n=len(prepared.frame)) + "\n" + problems_text(prepared.problems),
            problems=prepared.problems, listed=True)
    if gate:
        from auditlib.privacy import guard_register

        guard_register(prepared, config, cluster=cluster)
    return prepared


__all__ = ["PreparedRegister", "extra_column_notices", "prepare_register", "problems_of",
           "select_cluster"]
