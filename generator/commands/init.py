"""woosite init: a new site for a municipality in one command."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands import install_source
from generator.content import scaffold
from generator.content.loader import load_config
from generator.core.atomic import create_atomic
from generator.core.errors import Problem, WoositeError
from generator.core.translation import _
from generator.reference.organisations import Organisation, UnknownOrganisation, lookup
from generator.render.folders import BUILTIN_TEMPLATES
from generator.theme import themes


@click.command(
    "init", help=_("Create a new site in DIRECTORY: site.yaml, an empty content/ and templates/ for your own versions.")
)
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--publisher", default=None, help=_("The municipality (or province, water board): name or code."))
@click.option(
    "--base-url", default=scaffold.EXAMPLE_BASE_URL, show_default=True, help=_("Where the site will be published.")
)
@click.option(
    "--theme",
    default=themes.DEFAULT,
    show_default=True,
    help="NL Design System theme: " + ", ".join(themes.choices()) + ", or a token package or tokens file.",
)
def command(directory: Path, publisher: str | None, base_url: str, theme: str) -> None:
    """Create a new site in DIRECTORY: site.yaml, an empty content/ and templates/ for your own versions."""
    org = _publisher(publisher) if publisher else None
    config = directory / "site.yaml"
    offered = tuple((t.name, t.label) for t in themes.BUILTIN)
    there = Problem(config, None, _("there is already a site here"), _("choose a new folder, or edit this site.yaml"))
    if config.exists():
        raise WoositeError(there)
    create_atomic(directory / scaffold.REDACTIONS_FILE, scaffold.redactions_yaml())  # site.yaml names it
    if not create_atomic(config, scaffold.site_yaml(org, base_url, theme, offered)):
        raise WoositeError(there)
    try:
        chosen = themes.load(load_config(config).theme, directory, config)
    except WoositeError:
        config.unlink()
        raise
    builtin = sorted(
        p.relative_to(BUILTIN_TEMPLATES).as_posix()
        for p in BUILTIN_TEMPLATES.rglob("*")
        if p.is_file() and themes.NLDS_DIR not in p.parents
    )
    files = {
        "content/.gitkeep": "",
        "templates/README.md": scaffold.templates_readme(builtin),
        ".gitignore": scaffold.GITIGNORE,
        "requirements.txt": scaffold.requirements_txt(install_source.requirement()),
        **scaffold.publishing_recipes(),
    }
    for name, text in files.items():
        create_atomic(directory / name, text)  # a file already there is kept as it is
    if org:
        click.echo(
            _("Created a new site for {name} ({code}) in {directory}/").format(
                name=org.label, code=org.code, directory=directory
            )
        )
    else:
        click.echo(_("Created a new site in {directory}/").format(directory=directory))
    click.echo(
        _("Theme: {chosen_label} ({chosen_source}); themes built in: {value}").format(
            chosen_label=chosen.label, chosen_source=chosen.source, value=", ".join(t.name for t in themes.BUILTIN)
        )
    )
    click.echo(_("Next steps:"))
    click.echo(_("  cd {directory}").format(directory=directory))
    click.echo(_("  woosite import EXPORT.txt        # turn an export into a content file, or:"))
    click.echo(_('  woosite new --kind begroting --year 2025 --number 1 --title "Veiligheid"'))
    click.echo(_("  woosite serve                    # preview at http://127.0.0.1:8000/"))
    click.echo(_("  woosite build && woosite check   # the site in site/, checked"))
    click.echo(_("Publishing: .github/workflows/pages.yml (GitHub Pages) and .gitlab-ci.yml (GitLab Pages) are ready."))
    if base_url == scaffold.EXAMPLE_BASE_URL:
        click.echo(_("Set base_url in site.yaml to the address where the site will be published."))
    click.echo(_("Fill in contact: email: in site.yaml (the contact page needs it)."))


def _publisher(name: str) -> Organisation:
    try:
        return lookup(name)
    except UnknownOrganisation as exc:
        message = _("unknown municipality, province or water board '{name}'").format(name=name)
        raise WoositeError(Problem(None, None, message, exc.hint())) from exc
