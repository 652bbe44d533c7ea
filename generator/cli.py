"""The woosite command line: a thin Click group over one module per command."""

from __future__ import annotations

import sys

import click

from generator import __version__
from generator.commands import build, check, correct, import_, init, new, serve, withdraw
from generator.core import translation
from generator.core.errors import WoositeError
from generator.core.translation import _


@click.group(help=_("woosite: publish municipal programme documents as a Woo-compliant static site."))
@click.version_option(__version__, package_name="woosite", prog_name="woosite", help=_("Show the version and exit."))
def cli() -> None:
    """woosite: publish municipal programme documents as a Woo-compliant static site."""


cli.add_command(build.command)
cli.add_command(check.command)
cli.add_command(import_.command)
cli.add_command(serve.command)
cli.add_command(init.command)
cli.add_command(new.command)
cli.add_command(correct.command)
cli.add_command(withdraw.command)


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
