"""The woosite command line: a thin Click group over one module per command, each imported when it is run.

A command's module pulls in what it needs (the build: Jinja, Pagefind, every output); importing all of them
for every command cost ``woosite import`` or ``woosite new`` a third of a second before any work.
"""

from __future__ import annotations

import importlib
import sys

import click

from generator import __version__, commands  # commands: Click made to speak the user's language
from generator.core import translation
from generator.core.errors import WoositeError
from generator.core.translation import _

COMMANDS = {
    "build": "build",
    "check": "check",
    "correct": "correct",
    "import": "import_",
    "init": "init",
    "new": "new",
    "serve": "serve",
    "withdraw": "withdraw",
}
"""Command name -> its module in ``generator.commands`` (each defines ``command``)."""


class Commands(click.Group):
    """The group whose commands are imported from ``COMMANDS`` when asked for (Click's lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(f"{commands.__name__}.{module}").command
        return command

    @property
    def all(self) -> dict[str, click.Command]:
        """Every command by name (imports them all: for tests and documentation, not for a run)."""
        ctx = click.Context(self)
        return {name: command for name in self.list_commands(ctx) if (command := self.get_command(ctx, name))}


@click.group(cls=Commands, help=_("woosite: publish municipal programme documents as a Woo-compliant static site."))
@click.version_option(__version__, package_name="woosite", prog_name="woosite", help=_("Show the version and exit."))
def cli() -> None:
    """woosite: publish municipal programme documents as a Woo-compliant static site."""


def main() -> None:
    """Entry point: user errors are printed as one line each, without a traceback."""
    translation.choose()
    try:
        cli.main(standalone_mode=False)
    except WoositeError as exc:
        for problem in exc.problems:
            click.echo(_("error: {problem}").format(problem=problem), err=True)
        count = len(exc.problems)
        if count > 1:
            click.echo(_("{count} problems; nothing was changed.").format(count=count), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo(_("aborted"), err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
