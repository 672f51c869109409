"""The plan register: columns, loading, validation and the registration template.

``prepare_register`` is the one way in for everything that uses plan text.
"""

from auditlib.register.load import Register, load_register, load_valid_register
from auditlib.register.prepare import PreparedRegister, prepare_register
from auditlib.register.problems import Problem

__all__ = ["PreparedRegister", "Problem", "Register", "load_register", "load_valid_register",
           "prepare_register"]
