"""The plan register: columns, loading, validation and the registration template."""

from auditlib.register.load import Register, load_register, load_valid_register
from auditlib.register.problems import Problem

__all__ = ["Problem", "Register", "load_register", "load_valid_register"]
