"""The privacy guard: finds direct identifiers in plan text and refuses to go on.

Deterministic and offline (no model, no network); see spec/privacy.md.
"""

from auditlib.privacy.guard import guard_register, redact_frame, refusal_message
from auditlib.privacy.recognizers import REGISTRY
from auditlib.privacy.scan import Finding, scan_register, scan_text
from auditlib.privacy.suppress import suppress_small

__all__ = ["Finding", "REGISTRY", "scan_text", "scan_register", "guard_register",
           "refusal_message", "redact_frame", "suppress_small"]
