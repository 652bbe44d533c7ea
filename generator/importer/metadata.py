"""What an export says about itself: programme, publisher, document kind and year.

Only what the text states is taken: a publisher must be a body on the reference list that existed in the
document's year, named in the text in a way that points at the writer ("Voor Lisse", "hoe Hillegom", "gemeente
Leidschendam-Voorburg", "De provincie Fryslân", "Het Waterschap Vechtstromen");
a kind and year come from a title line ("Begroting 2021"), a sentence about the document itself ("Deze
Kadernota wordt opgesteld voor het jaar 2022") or a jaarverslag's question "Wat heeft het gekost in 2021?"
beside a "Rekening 2021" column. Anything else is left for the user to give with a flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importer import numbers, vocabulary
from generator.importer.lines import Line, title_like
from generator.models import FinanceTable, Programme
from generator.reference.organisations import Mention, Organisation, mentions
from generator.reference.taxonomy import DocumentKind

_LABELS = r"Programma|Domein|Thema|Opgave|Pijler|Taakveld|Beleidsveld|Hoofdstuk|Deelprogramma|Programmaonderdeel"
_PROGRAMME = re.compile(rf"^({_LABELS})\s+(\d{{1,2}}(?:\.\d{{1,2}})?[a-zA-Z]?|[IVX]{{1,5}})\s*[:.\-–]?\s+(\S.*)$")
# "P3 Veiligheid", "P0 – Bestuur": the short form some platforms use for "Programma 3".
_SHORT_PROGRAMME = re.compile(r"^P(\d{1,2})\s*[:.\-–]?\s+(\S.*)$")
_KIND_WORDS: dict[str, DocumentKind] = {
    "begroting": DocumentKind.begroting,
    "programmabegroting": DocumentKind.begroting,
    "jaarverslag": DocumentKind.jaarverslag,
    "jaarrekening": DocumentKind.jaarverslag,
    "jaarstukken": DocumentKind.jaarverslag,
    "programmarekening": DocumentKind.jaarverslag,
    "jaarverslag en jaarrekening": DocumentKind.jaarverslag,
    "kadernota": DocumentKind.kadernota,
    "kaderbrief": DocumentKind.kadernota,
    "voorjaarsnota": DocumentKind.voorjaarsnota,
    "najaarsnota": DocumentKind.najaarsnota,
    "bestuursrapportage": DocumentKind.bestuursrapportage,
    "burap": DocumentKind.bestuursrapportage,
    "berap": DocumentKind.bestuursrapportage,
    "voortgangsrapportage": DocumentKind.voortgangsrapportage,
}
_KIND = "|".join(sorted(_KIND_WORDS, key=len, reverse=True))
# "1e", "2e", "Eerste", "Tweede" before a bestuursrapportage (or any kind) is its number in the year.
_ORDINAL = r"(?:(?:[1-4](?:e|ste|de)|eerste|tweede|derde|vierde)\s+)?"
_TITLE = re.compile(rf"^(?:de\s+)?{_ORDINAL}({_KIND})\s+((?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?$", re.I)
_SELF = re.compile(
    rf"\b[Dd]eze\s+({_KIND})\b(?:[^.?!]{{0,60}}?\b(?:voor|over|van)\s+(?:het\s+(?:begrotings)?jaar\s+)?((?:19|20)\d\d)\b)?",
    re.I,
)
_COST_QUESTION = re.compile(r"^Wat heeft het gekost(?: in ((?:19|20)\d\d))?\s*\?$")
_REALISED = re.compile(r"^(?:Rekening|Realisatie|Jaarrekening|Werkelijk)\s+((?:19|20)\d\d)$", re.I)
# Words just before a municipality's name that say the text is about someone else.
_OTHER = {"bij", "zoals", "met", "en", "naar", "dan", "tussen", "samen", "buurgemeente", "buurgemeenten"}
# For a province or water board, also words that make it the giver or receiver of something.
_OTHER_BODY = _OTHER | {"van", "door", "aan", "via", "vanuit", "richting", "binnen", "namens"}
_SKIP = {"gemeente", "de", "het"}


@dataclass(frozen=True)
class ProgrammeLine:
    programme: Programme
    line: Line
    breadcrumbs: list[Line]
    titles: list[Line]
    """Document title lines above the programme ("Begroting 2021"), used for kind and year."""


@dataclass(frozen=True)
class Evidence:
    """A kind and/or year the text states, with the line that states it."""

    kind: DocumentKind | None
    year: int | None
    line: int | None
    why: str


def parse_programme(text: str) -> Programme | None:
    """ "Programma 4 Bestuur en ondersteuning", "Domein 3: Veiligheid, ..." -> a Programme."""
    short = _SHORT_PROGRAMME.match(text.strip())
    if short is not None and title_like(short.group(2), max_length=160, max_words=30):
        return Programme(number=short.group(1), title=short.group(2).strip())
    match = _PROGRAMME.match(text.strip())
    if match is None or not title_like(match.group(3), max_length=160, max_words=30):
        return None
    label = None if match.group(1) == "Programma" else match.group(1)
    return Programme(number=match.group(2), title=match.group(3).strip(), label=label)


def find_programme(lines: list[Line], window: int = 6) -> ProgrammeLine | None:
    """The programme line at the top of the export, with the platform's breadcrumbs above it.

    A numbered line ("Programma 4 ...") is taken among the first few lines; without one, the first title
    after a breadcrumb such as "Programma's" names an unnumbered programme ("De Moderne Overheid").
    """
    head = [line for line in lines if not line.blank][:window]
    above: list[Line] = []
    for line in head:
        programme = parse_programme(line.clean)
        if programme is not None:
            return _split_above(ProgrammeLine(programme, line, [], []), above)
        if not title_like(line.clean):
            break
        above.append(line)
    crumbs = [n for n, line in enumerate(above) if line.clean.casefold() in vocabulary.BREADCRUMBS]
    if crumbs and crumbs[0] + 1 < len(above):
        first = crumbs[0] + 1
        while first < len(above) and (_TITLE.match(above[first].clean) or first in crumbs):
            first += 1
        if first < len(above):
            return _split_above(ProgrammeLine(Programme(title=above[first].clean), above[first], [], []), above[:first])
    return None


def page_title(lines: list[Line], window: int = 6) -> ProgrammeLine | None:
    """A sub-page of a chapter ("Overzicht baten en lasten", "Financiën") names no programme: its own title
    stands for the chapter. That is the first title among the first lines that is not a document title
    ("Begroting 2020") or a breadcrumb; on a page that opens with prose, its first heading."""
    above: list[Line] = []
    texts = [line for line in lines if not line.blank]
    for n, line in enumerate(texts[:window]):
        text = line.clean
        if _TITLE.match(text) or text.casefold() in vocabulary.BREADCRUMBS or text.casefold() in _KIND_WORDS:
            above.append(line)
            continue
        if _page_heading(text):
            return _split_above(ProgrammeLine(Programme(title=text), line, [], []), above)
        first = next((later for later in texts[n + 1 :] if _page_heading(later.clean)), None)
        return None if first is None else ProgrammeLine(Programme(title=first.clean), first, [], [])
    return None


def _page_heading(text: str) -> bool:
    return title_like(text) and "|" not in text and numbers.parse(text) is None and not numbers.unit_note(text)


def _split_above(found: ProgrammeLine, above: list[Line]) -> ProgrammeLine:
    titles = [line for line in above if _TITLE.match(line.clean)]
    crumbs = [line for line in above if line not in titles]
    return ProgrammeLine(found.programme, found.line, crumbs, titles)


def kind_and_year(title_lines: list[Line], lines: list[Line], tables: list[FinanceTable]) -> list[Evidence]:
    """Every statement of kind and year, strongest first."""
    found: list[Evidence] = []
    for line in title_lines:
        match = _TITLE.match(line.clean)
        if match:
            found.append(Evidence(_KIND_WORDS[match.group(1).lower()], int(match.group(2)), line.number, "title"))
    for line in lines:
        for match in _SELF.finditer(line.clean):
            year = int(match.group(2)) if match.group(2) else None
            found.append(Evidence(_KIND_WORDS[match.group(1).lower()], year, line.number, "sentence"))
    realised = {
        int(m.group(1)) for table in tables for column in table.columns if (m := _REALISED.match(column.label.strip()))
    }
    for line in lines:
        question = _COST_QUESTION.match(line.clean)
        if question and realised:
            year = int(question.group(1)) if question.group(1) else None
            if year is None or year in realised:
                found.append(Evidence(DocumentKind.jaarverslag, year or max(realised), line.number, "cost question"))
    return found


@dataclass(frozen=True)
class PublisherFinding:
    """Who the text speaks for: the publisher (or None), the other bodies it names, and the bodies it names
    that did not exist in the document's year (a former municipality in a later document)."""

    publisher: Organisation | None
    others: list[Organisation]
    former: list[Organisation]


def publisher_in(text: str, year: int | None = None) -> PublisherFinding:
    """The municipality, province or water board the text speaks for, and every other body it names.

    Candidates come from the reference list, valid in ``year`` (see ``reference.organisations.mentions``);
    a mention after words like "bij", "zoals" (for provinces and water boards also "van", "door") counts
    against a candidate, any other mention for it. The best must score above zero and above the rest.
    """
    scores: dict[str, int] = {}
    candidates: list[Organisation] = []
    former: list[Organisation] = []
    for mention in mentions(text, year):
        if not mention.existed:
            if mention.org not in former:
                former.append(mention.org)
            continue
        if mention.org not in candidates:
            candidates.append(mention.org)
        scores[mention.org.code] = scores.get(mention.org.code, 0) + _score(text, mention)
    if len(candidates) <= 1:
        return PublisherFinding(candidates[0] if candidates else None, [], former)
    ranked = sorted(candidates, key=lambda o: -scores[o.code])
    best = ranked[0]
    if scores[best.code] <= 0 or scores[best.code] == scores[ranked[1].code]:
        return PublisherFinding(None, ranked, former)
    return PublisherFinding(best, ranked[1:], former)


def _score(text: str, mention: Mention) -> int:
    before = [w.lower() for w in re.findall(r"[\w-]+", text[max(0, mention.lead - 60) : mention.lead])]
    while before and before[-1] in _SKIP:
        before.pop()
    other = _OTHER if mention.org.kind == "gemeente" else _OTHER_BODY
    return -1 if before and before[-1] in other else 1
