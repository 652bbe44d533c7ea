"""schema.org JSON-LD for each programme page, for search engines.

The document is a ``Report`` published by a ``GovernmentOrganization``, part of its publication (the
begroting or jaarverslag), with its open data as a ``Dataset`` whose distributions are the downloads. This
module computes the data; ``templates/partials/structured_data.html`` writes it with Jinja's ``tojson``.
"""

from __future__ import annotations

from typing import Any

from generator.core import timestamps, urls
from generator.outputs import diwoo
from generator.outputs.dcat import LICENSE
from generator.outputs.downloads import downloads
from generator.structure.ledger import History
from generator.structure.page import DocumentPage
from generator.structure.site import Site


def page_data(site: Site, histories: dict[str, History], page: DocumentPage) -> dict[str, Any]:
    document = page.document
    history = histories[document.id]
    publisher = {
        "@type": "GovernmentOrganization",
        "@id": document.publisher.uri,
        "name": diwoo.publisher_label(document),
        "identifier": document.publisher.code,
        "sameAs": document.publisher.uri,
    }
    publication = urls.publication_path(document.publisher.name, document.kind, document.year)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": document.urls.html,
        "url": document.urls.html,
        "name": document.title,
        "headline": diwoo.official_title(document),
        "description": diwoo.summary(document, site.words),
        "identifier": document.id,
        "inLanguage": site.config.language,
        "datePublished": timestamps.w3c(history.first_published),
        "dateModified": timestamps.w3c(history.modified),
        "publisher": publisher,
        "author": publisher,
        "isPartOf": {
            "@type": "CreativeWork",
            "name": f"{site.words.kinds.get(document.kind.value, document.kind.label)} {document.year}",
            "url": site.url(publication),
        },
        "temporalCoverage": str(document.year),
        "keywords": [document.programme.title, document.kind.label, str(document.year)],
        "isAccessibleForFree": True,
        "subjectOf": {
            "@type": "Dataset",
            "name": f"Open data: {diwoo.official_title(document)}",
            "description": diwoo.summary(document, site.words),
            "creator": publisher,
            "license": LICENSE,
            "distribution": [
                {
                    "@type": "DataDownload",
                    "name": item.title,
                    "contentUrl": site.url(item.path),
                    "encodingFormat": item.media_type,
                }
                for item in downloads(page, site.words)
            ],
        },
    }
    if document.dates.created is not None:
        data["dateCreated"] = document.dates.created.isoformat()
    return data
