"""Options shared by several commands."""

from __future__ import annotations

import click

format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "csv"]), default="text",
    help="Rapportens form: text til mennesker, csv til andre værktøjer. Standard: text.")

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FIL",
    help="Konfigurationsfil (YAML). Standard: ./auditlib.yaml hvis den findes.")
