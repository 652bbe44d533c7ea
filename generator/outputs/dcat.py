"""A DCAT catalog (JSON-LD, following DCAT-AP-NL where it fits) so data portals can harvest the datasets.

``api/catalog.jsonld`` holds one ``dcat:Dataset`` per programme document, with a distribution per download
(JSON, a CSV per finance table, DiWoo XML). ``api/index.json`` stays the site's own entry point.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydantic_core

from generator.core import timestamps
from generator.outputs import diwoo, json_stream
from generator.outputs.downloads import downloads
from generator.outputs.writer import OutputWriter
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site

PATH = "api/catalog.jsonld"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:dateTime"},
    "dct:modified": {"@type": "xsd:dateTime"},
    "dcat:startDate": {"@type": "xsd:date"},
    "dcat:endDate": {"@type": "xsd:date"},
    "dcat:byteSize": {"@type": "xsd:nonNegativeInteger"},
}
ACCESS_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
THEME_GOVERNMENT = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
# Woo publications are public; DCAT-AP-NL asks for a licence on each distribution.
LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"


def write(site: Site, out: OutputWriter, histories: dict[str, History]) -> None:
    """The bytes of ``json.dumps(catalog, indent=2, ensure_ascii=False)`` (tested), made by pydantic-core (six
    times faster) and written one dataset at a time: all datasets at once, as Python objects, took more memory
    than any other step of a large site (136 MB at 10,000 documents)."""
    out.write_parts(PATH, _parts(site, histories, out.written))


def _parts(site: Site, histories: dict[str, History], sizes: dict[str, int]) -> Iterator[bytes]:
    head = pydantic_core.to_json(catalog(site), indent=2) + b"\n"
    datasets = (dataset(site, page, histories[page.document.id], sizes) for page in site.documents)
    return json_stream.filled(head, "dcat:dataset", (pydantic_core.to_json(data, indent=2) for data in datasets))


def catalog(site: Site) -> dict[str, Any]:
    """The catalog with an empty list of datasets, which ``write`` fills one ``dataset`` at a time."""
    config = site.config
    return {
        "@context": CONTEXT,
        "@id": site.url(PATH),
        "@type": "dcat:Catalog",
        "dct:title": config.title,
        "dct:description": config.description or config.title,
        "dct:publisher": _agent(config.contact.organisation or config.title, site.url("")),
        "foaf:homepage": {"@id": site.url("")},
        "dct:language": {"@id": diwoo.language(config.language)[0]},
        "dcat:dataset": [],
    }


def dataset(site: Site, page: DocumentPage, history: History, sizes: dict[str, int]) -> dict[str, Any]:
    document = page.document
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": site.config.contact.organisation or ""}
    if site.config.contact.email:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{site.config.contact.email}"}
    return {
        "@id": site.url(page.json_path) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": document.id,
        "dct:title": diwoo.official_title(document),
        "dct:description": diwoo.summary(document, site.words),
        "dct:publisher": _agent(diwoo.publisher_label(document), document.publisher.uri),
        "dcat:contactPoint": contact,
        "dcat:landingPage": {"@id": document.urls.html},
        "dcat:keyword": [document.programme.title, document.kind.label, str(document.year)],
        "dcat:theme": {"@id": THEME_GOVERNMENT},
        "dct:accessRights": {"@id": ACCESS_PUBLIC},
        "dct:language": {"@id": diwoo.language(site.config.language)[0]},
        "dct:issued": timestamps.w3c(history.first_published),
        "dct:modified": timestamps.w3c(history.modified),
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": f"{document.year}-01-01",
            "dcat:endDate": f"{document.year}-12-31",
        },
        "dcat:distribution": [
            {
                "@id": site.url(item.path),
                "@type": "dcat:Distribution",
                "dct:title": item.title,
                "dct:description": item.explanation,
                "dcat:accessURL": {"@id": document.urls.html},
                "dcat:downloadURL": {"@id": site.url(item.path)},
                "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{item.media_type}"},
                "dct:format": {"@id": item.file_type},
                "dct:license": {"@id": LICENSE},
                "dcat:byteSize": sizes[item.path],
            }
            for item in downloads(page, site.words)
        ],
    }


def _agent(name: str, uri: str) -> dict[str, Any]:
    return {"@id": uri, "@type": "foaf:Agent", "foaf:name": name}
