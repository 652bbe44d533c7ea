"""An option several commands take is declared once (issue 25: ``--config`` had three definitions with three
defaults), so it reads and behaves the same in every command."""

from __future__ import annotations

import click

from generator.cli import COMMANDS, cli
from tests.conftest import run_python, run_woosite


def _options(name: str) -> list[tuple[str, click.Parameter]]:
    return [
        (command_name, param)
        for command_name, command in cli.all.items()
        for param in command.params
        if name in getattr(param, "opts", [])
    ]


def test_config_and_content_are_one_option_each_wherever_they_appear() -> None:
    """(``--base-url`` of ``init`` is another option by design: the address to write into a new site.yaml.)"""
    for name in ("--config", "--content"):
        found = _options(name)
        assert len(found) >= 2, name
        shapes = {(p.name, p.default, getattr(p, "help", None), repr(p.type)) for _command, p in found}
        assert len(shapes) == 1, f"{name} differs between {[c for c, _p in found]}: {shapes}"


def test_a_command_imports_only_its_own_module() -> None:
    """``woosite import`` does not load the build (Jinja, Pagefind, every output); the help lists every command."""
    probe = (
        "import sys\n"
        "from generator.cli import cli\n"
        "cli.main(['import', '--help'], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m.startswith('generator.commands.')))\n"
        "print('generator.publish.build' in sys.modules, 'jinja2' in sys.modules)\n"
    )
    *_help, loaded, heavy = run_python(probe).splitlines()
    assert loaded == "['generator.commands.import_', 'generator.commands.options']"
    assert heavy == "False False"
    listed = run_woosite("--help").stdout
    assert all(f"  {name} " in listed for name in COMMANDS)
