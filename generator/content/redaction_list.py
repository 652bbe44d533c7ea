"""Where the redaction list comes from: a file the site names but never commits.

The list of texts that must not be published (the names themselves) must not be published by the
repository either. It is read, in this order, from:

1. the file in the environment variable ``WOOSITE_REDACTIONS`` (CI: a secret written to a file);
2. the file ``site.yaml`` names in ``redactions_file:`` (relative to site.yaml); missing is an error, so a
   clean clone or a CI run without the secret fails instead of publishing the names;
3. ``redactions.yaml`` beside site.yaml, when it exists (``woosite init`` git-ignores it).

``redactions:`` in site.yaml itself still works and is added to the list. A list found in a file that git
tracks gets a warning (see ``exposed``): the build still redacts, but the repository shows the names.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import yaml
from pydantic import ValidationError

from generator.content.frontmatter import line_of, load_yaml, read_yaml_file
from generator.content.validation import problems_from
from generator.core.errors import ContentError, Problem
from generator.core.translation import _
from generator.models.site import Redaction, RedactionsFile, SiteConfig

ENVIRONMENT = "WOOSITE_REDACTIONS"
DEFAULT_FILE = "redactions.yaml"


def source_file(config_file: Path, config: SiteConfig) -> tuple[Path | None, bool]:
    """The redaction file to read and whether it must exist (named by the environment or site.yaml)."""
    named = os.environ.get(ENVIRONMENT)
    if named:
        return Path(named), True
    if config.redactions_file:
        return config_file.parent / config.redactions_file, True
    default = config_file.parent / DEFAULT_FILE
    return (default, False) if default.is_file() else (None, False)


def with_file(config_file: Path, config: SiteConfig) -> SiteConfig:
    """``config`` with the redactions of its redaction file added (after those in site.yaml itself)."""
    path, required = source_file(config_file, config)
    if path is None:
        return config
    if not path.is_file():
        if not required:
            return config
        where = f"${ENVIRONMENT}" if os.environ.get(ENVIRONMENT) else f"redactions_file in {config_file.name}"
        raise ContentError(
            Problem(
                path,
                None,
                _(
                    "the redaction list is not there ({where} names it); nothing was built, so no name is published"
                ).format(where=where),
                _("create the file (it is kept out of git; in CI write it from a secret), see README 'Redaction'"),
            )
        )
    return config.model_copy(update={"redactions": [*config.redactions, *read(path)]})


def read(path: Path) -> list[Redaction]:
    """The ``redactions:`` list of a redaction file; problems name the file and line."""
    data, node = read_yaml_file(path)
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ContentError(
            Problem(path, 1, _("expected 'redactions:' and a list below it"), _("see README 'Redaction'"))
        )
    try:
        return RedactionsFile.model_validate(data).redactions
    except ValidationError as exc:
        raise ContentError(problems_from(exc, path, node, RedactionsFile, first_line=1)) from exc


def exposed(config_file: Path, config: SiteConfig) -> list[Problem]:
    """A warning for each file holding redactions that git tracks (so a pushed repository publishes them)."""
    warnings: list[Problem] = []
    if config_file.is_file() and _tracked(config_file):
        with contextlib.suppress(yaml.YAMLError, UnicodeDecodeError):
            data, node = load_yaml(config_file.read_bytes().decode("utf-8-sig"))
            if isinstance(data, dict) and data.get("redactions"):
                warnings.append(_warning(config_file, line_of(node, ("redactions",), first_line=1)))
    path, _required = source_file(config_file, config)
    if path is not None and path.is_file() and _tracked(path):
        warnings.append(_warning(path, 1))
    return warnings


def _warning(path: Path, line: int) -> Problem:
    return Problem(
        path,
        line,
        _("the redaction list is in a file git tracks: a pushed repository publishes the very names it hides"),
        _(
            "move the list to {default_file} (git-ignored), 'git rm --cached' the file, and purge it from history"
        ).format(default_file=DEFAULT_FILE),
    )


def _tracked(path: Path) -> bool:
    """Whether git tracks ``path`` (False outside a repository or without git)."""
    try:
        result = subprocess.run(
            ["git", "ls-files", "--error-unmatch", "--", path.name],
            cwd=path.resolve().parent,
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0
