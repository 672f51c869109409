"""``python -m auditlib`` runs the command line."""

from auditlib.cli import main

main()
