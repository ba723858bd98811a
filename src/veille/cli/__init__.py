"""The `veille` command. Each group of commands lives in its own module and registers here.

Command modules import their heavy dependencies inside the command functions, so that
`veille --help` stays instant.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="veille",
    help="An observatory of illicit online trade: capture, parse, extract, classify, report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Importing the command modules registers their commands.
from veille.cli import case_cmds, classify_cmd, extract_cmd, parse_cmd  # noqa: E402,F401


def main() -> None:
    app()
