"""The DiWoo 0.9.8 schema, loaded offline.

``diwoo-metadata.xsd`` imports the MDTO schema from the Nationaal Archief's website. The parser maps that
URL to the local stand-in in ``schemas/`` and refuses any other network access; if the stand-in was not used
the load fails loudly instead of validating against a schema that silently lacks the import.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
DIWOO_XSD = SCHEMAS / "diwoo-metadata.xsd"
MDTO_URL = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
MDTO_STAND_IN = SCHEMAS / "mdto-stand-in.xsd"


class _MdtoResolver(etree.Resolver):  # type: ignore[misc]
    """Serves the MDTO import from the local stand-in and records that it did."""

    def __init__(self, stand_in: Path) -> None:
        super().__init__()
        self.stand_in = stand_in
        self.used = False

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:
        if system_url == MDTO_URL:
            self.used = True
            return self.resolve_filename(str(self.stand_in), context)
        return None


def load(xsd: Path = DIWOO_XSD, mdto_stand_in: Path = MDTO_STAND_IN) -> etree.XMLSchema:
    """The DiWoo schema at ``xsd`` (its lijsten file beside it) with MDTO mapped to ``mdto_stand_in``."""
    resolver = _MdtoResolver(mdto_stand_in)
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(resolver)
    schema = etree.XMLSchema(etree.parse(str(xsd), parser))
    if not resolver.used:
        raise RuntimeError(f"{xsd} did not import MDTO from {MDTO_URL}; the offline mapping does not apply")
    return schema


@cache
def packaged() -> etree.XMLSchema:
    """The schema shipped with woosite, loaded once."""
    return load()


def errors(element: etree._Element, schema: etree.XMLSchema | None = None) -> list[tuple[int | None, str]]:
    """(line, message) of every schema error in a ``diwoo:Document`` element; empty when valid."""
    schema = schema or packaged()
    if schema.validate(element):
        return []
    return [(e.line or None, e.message) for e in schema.error_log]
