"""Where this woosite came from, as a pip requirement: what a new site's publishing recipe installs.

Read from the installed distribution's ``direct_url.json`` (PEP 610): a git URL with its commit, or an
archive URL, is written as is; a release from a package index (or a local checkout or wheel, which a CI
runner cannot reach) as ``woosite==VERSION``.
"""

from __future__ import annotations

import json
from importlib import metadata

from generator import __version__


def requirement() -> str:
    """``woosite @ git+https://...@COMMIT``, ``woosite @ https://.../woosite.whl`` or ``woosite==0.1.0``."""
    try:
        direct = metadata.distribution("woosite").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    return from_direct_url(json.loads(direct)) if direct else f"woosite=={__version__}"


def from_direct_url(data: dict[str, object]) -> str:
    """The requirement for one PEP 610 record (pure: tested without installing anything)."""
    url = str(data.get("url", ""))
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict) and url.startswith(("https://", "ssh://", "git@")):
        commit = vcs.get("commit_id")
        return f"woosite @ {vcs.get('vcs', 'git')}+{url}" + (f"@{commit}" if commit else "")
    if "archive_info" in data and url.startswith("https://"):
        return f"woosite @ {url}"
    return f"woosite=={__version__}"
