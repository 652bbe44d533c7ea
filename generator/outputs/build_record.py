"""``woosite-build.json``: what a site was built with, so ``woosite check`` need not be told again.

Only public facts (the generator, its version, the base URL, the language and the theme); never paths,
secrets or redacted texts. Deterministic, so an incremental build stays byte-identical to a clean one.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from generator import __version__
from generator.outputs.writer import OutputWriter
from generator.structure.site import Site

FILE_NAME = "woosite-build.json"


class BuildRecord(BaseModel):
    """The settings a built site was made with."""

    model_config = ConfigDict(extra="ignore")

    generator: str = "woosite"
    version: str
    base_url: str
    language: str
    theme: str | None = None


def record_of(site: Site) -> BuildRecord:
    theme = site.config.model_dump().get("theme")
    return BuildRecord(
        version=__version__,
        base_url=site.base_url,
        language=site.config.language,
        theme=str(theme) if theme is not None else None,
    )


def write(site: Site, out: OutputWriter) -> None:
    out.write_text(FILE_NAME, record_of(site).model_dump_json(indent=2, exclude_none=True) + "\n")


def read(site_dir: Path) -> BuildRecord | None:
    """The record of a built site, or None for a site built by an older woosite (or not by woosite)."""
    try:
        return BuildRecord.model_validate(json.loads((site_dir / FILE_NAME).read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return None
