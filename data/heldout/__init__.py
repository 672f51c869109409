"""Resource package: mapped to auditlib.resources (see auditlib/resources/__init__.py)."""
