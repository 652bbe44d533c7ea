"""Words the exports use: labels of status blocks, their usual values, standard section titles.

Lists, not rules: a new platform's labels are added here. The generic rules in ``structure.py`` handle
labels that are not listed (a glued pair is cut where a lower-case letter meets a capital or a digit).
"""

from __future__ import annotations

STATUS_LABELS = frozenset(
    {
        "Project locatie",
        "Projectlocatie",
        "Risico profiel",
        "Risicoprofiel",
        "Totaal beeld",
        "Totaalbeeld",
        "Bestuur & ext. partijen",
        "Planning",
        "Budget",
        "Kwaliteit",
        "Scope",
        "Bestuurlijk opdrachtgever",
        "Ambtelijk opdrachtgever",
        "Programma manager",
        "Programmamanager",
        "Projectleider",
        "Project manager",
        "Projectmanager",
        "Portefeuillehouder",
        "Programma",
        "Project",
        "Initiatiefnemer / Opdrachtgevers",
        "Initiatiefnemer",
        "Opdrachtgever",
        "Programmafase",
        "Projectfase",
        "Fase",
        "Startdatum",
        "Einddatum",
        "Ruimtelijke procedure",
        "Laatste raads-/commissiebehandeling",
        "Volgende raads-/commissiebehandeling",
        "Besluitvorming",
        "Afwijking t.o.v. besluitvorming",
        "Belangrijkste wijzigingen",
        "Status",
    }
)

STATUS_VALUES = frozenset(
    v.casefold()
    for v in (
        "Volgens verwachting",
        "Niet volgens verwachting",
        "Beter dan verwachting",
        "Slechter dan verwachting",
        "Op schema",
        "Achter op schema",
        "Voor op schema",
        "Laag",
        "Middel",
        "Midden",
        "Gemiddeld",
        "Hoog",
        "N.v.t.",
        "Nvt",
        "Ja",
        "Nee",
        "Groen",
        "Oranje",
        "Geel",
        "Rood",
        "Afgerond",
        "Gereed",
        "Initiatief",
        "Definitie",
        "Ontwerp",
        "Voorbereiding",
        "Realisatie",
        "Uitvoering",
        "Nazorg",
        "Beheer",
        "Onbekend",
    )
)

SECTION_TITLES = frozenset(
    t.casefold()
    for t in (
        "Programma overzicht",
        "Programma status",
        "Programma structuur",
        "Programma inhoud",
        "Programmakarakteristiek",
        "Project overzicht",
        "Project status",
        "Doelstelling en gewenst resultaat",
        "Stand van zaken",
        "Financiën",
        "Communicatie",
        "Risicomanagement",
        "Risico's",
        "Wat willen we bereiken?",
        "Wat gaan we daarvoor doen?",
        "Wat mag het kosten?",
        "Wat heeft het gekost?",
        "Wat hebben we bereikt?",
        "Wat hebben we daarvoor gedaan?",
    )
)


BREADCRUMBS = frozenset(
    b.casefold()
    for b in (
        "Programmaplan",
        "Programmaplannen",
        "Programma's",
        "Programma’s",
        "Programma's en paragrafen",
        "Programma’s en paragrafen",
        "Beleidsbegroting",
        "Programma's en domeinen",
        "Domeinen",
    )
)

LABEL_COLUMN = frozenset(
    {"omschrijving", "programma", "taakveld", "product", "productgroep", "onderdeel", "post", "thema"}
)
"""Names a table gives its label column (the header cell above the row labels)."""
