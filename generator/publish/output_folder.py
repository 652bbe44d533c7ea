"""Refuse an output folder whose replacement would destroy something: the build swaps in a whole new folder.

``woosite build --out .`` would otherwise replace the project (content/, site.yaml, .git) with the site.
The output folder may not be, contain or lie inside the content or templates folder, may not be or contain
the project folder or site.yaml, and, when it exists and is not empty, must look like a site woosite built
(its ``index.html`` and ``api/index.json``) and hold no version-control folder.
"""

from __future__ import annotations

from pathlib import Path

from generator.core.errors import BuildError, Problem
from generator.core.translation import N_, _

SIGNATURE = ("index.html", "api/index.json")
"""Files every woosite build writes: a non-empty output folder without them was not made by woosite."""

_HINT = N_("choose a new or empty folder, e.g. --out site")


def refuse_unsafe(out_dir: Path, project_dir: Path, protected: list[Path]) -> None:
    """Raise a one-line BuildError when building into ``out_dir`` would replace files the build did not make.

    ``protected``: folders and files the output may neither be nor contain (content, templates, site.yaml,
    cache); the output may also not lie inside one of the folders.
    """
    out = out_dir.resolve()
    project = project_dir.resolve()
    if out == project or out in project.parents:
        _refuse(
            out_dir,
            _("is the project folder {project} or holds it, and would be replaced by the site").format(project=project),
        )
    for path in protected:
        target = path.resolve()
        if out == target or out in target.parents:
            _refuse(out_dir, _("is or holds {target}, which would be replaced by the site").format(target=target))
        if target in out.parents and target.is_dir():
            _refuse(
                out_dir, _("lies inside {target}: the site would become part of its own input").format(target=target)
            )
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        _refuse(out_dir, _("is not a folder"))
    if not out.is_dir() or not any(out.iterdir()):
        return
    if (out / ".git").exists() or (out / ".hg").exists() or (out / ".svn").exists():
        _refuse(out_dir, _("holds a version-control folder, which would be deleted"))
    missing = [name for name in SIGNATURE if not (out / name).is_file()]
    if missing:
        _refuse(
            out_dir,
            _("holds files woosite did not make (no {file}), which the build would delete").format(file=missing[0]),
        )


def _refuse(out_dir: Path, why: str) -> None:
    raise BuildError(
        Problem(
            None, None, _("refusing to build into --out {out_dir}: it {why}").format(out_dir=out_dir, why=why), _(_HINT)
        )
    )
