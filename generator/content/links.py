"""Refuse symbolic links that leave the project: a link under content/ or templates/ (static files included)
to e.g. ``/etc/passwd`` or ``~/.ssh`` would otherwise be read, published and served.

Links that stay inside the project folder are allowed (a shared template, a moved content folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.core.errors import ContentError, Problem
from generator.core.translation import _


def refuse_outside(project_dir: Path, folders: list[Path]) -> None:
    """Raise one ContentError line per link below ``folders`` whose target lies outside ``project_dir``."""
    project = project_dir.resolve()
    problems = []
    for folder in folders:
        if not folder.is_dir():
            continue
        # The folder itself may be the link (templates/ -> /elsewhere): os.walk would go in without a word.
        candidates = [folder] if folder.is_symlink() else []
        for dirpath, dirs, files in os.walk(folder):  # does not follow links to folders below it
            candidates += [Path(dirpath) / name for name in sorted(dirs + files)]
        for path in candidates:
            if not path.is_symlink():
                continue
            target = path.resolve()
            if target != project and project not in target.parents:
                problems.append(
                    Problem(
                        path,
                        None,
                        _("a symbolic link to {target}, outside the project; it is not published").format(
                            target=target
                        ),
                        _("copy the file into the project instead, or remove the link"),
                    )
                )
    if problems:
        raise ContentError(problems)
