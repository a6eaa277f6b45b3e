"""Options shared by several commands, as decorators (after sqlite-utils)."""

from __future__ import annotations

import click

db_option = click.option(
    "--db",
    "db_url",
    default="rasd.db",
    show_default=True,
    envvar="RASD_DB",
    help="Store: a SQLite file path (default) or a postgresql:// URL.",
)


def format_option(*choices: str, default: str):
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format (machine formats go to stdout, messages to stderr).",
    )
