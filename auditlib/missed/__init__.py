"""The missed-plans audit ("blev behovet vurderet?"): a second register type for a sample
of discharges without a plan, its criteria M01-M04, its run folder and its tables."""

from auditlib.missed.audit import (
    MissedResult,
    MissedRun,
    guard_missed_register,
    read_missed_run,
    run_missed_audit,
    scan_missed_register,
    write_missed_run,
)
from auditlib.missed.criteria import MISSED_CRITERIA
from auditlib.missed.load import (
    DischargeProblem,
    MissedRegister,
    load_missed_register,
    load_valid_missed_register,
)
from auditlib.missed.summary import MissedPart, missed_part

__all__ = ["DischargeProblem", "MISSED_CRITERIA", "MissedPart", "MissedRegister",
           "MissedResult", "MissedRun", "guard_missed_register", "load_missed_register",
           "load_valid_missed_register", "missed_part", "read_missed_run", "run_missed_audit",
           "scan_missed_register", "write_missed_run"]
