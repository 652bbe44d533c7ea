"""An option several commands take is declared once (issue 25: ``--config`` had three definitions with three
defaults), so it reads and behaves the same in every command."""

from __future__ import annotations

import click

from generator.cli import cli


def _options(name: str) -> list[tuple[str, click.Parameter]]:
    return [
        (command_name, param)
        for command_name, command in cli.commands.items()
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
