"""What an export says about itself: programme, publisher, document kind and year.

Only what the text states is taken: a publisher must be a municipality on the reference list, named in
the text in a way that points at the writer ("Voor Lisse", "hoe Hillegom", "gemeente Leidschendam-Voorburg");
a kind and year come from a title line ("Begroting 2021"), a sentence about the document itself ("Deze
Kadernota wordt opgesteld voor het jaar 2022") or a jaarverslag's question "Wat heeft het gekost in 2021?"
beside a "Rekening 2021" column. Anything else is left for the user to give with a flag.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.importer import vocabulary
from generator.importer.lines import Line, title_like
from generator.models import FinanceTable, Programme
from generator.reference.organisations import Organisation, find_in_text
from generator.reference.taxonomy import DocumentKind

_LABELS = r"Programma|Domein|Thema|Opgave|Pijler|Taakveld|Beleidsveld|Hoofdstuk|Deelprogramma|Programmaonderdeel"
_PROGRAMME = re.compile(rf"^({_LABELS})\s+(\d{{1,2}}(?:\.\d{{1,2}})?[a-zA-Z]?|[IVX]{{1,5}})\s*[:.\-–]?\s+(\S.*)$")
_KIND_WORDS: dict[str, DocumentKind] = {
    "begroting": DocumentKind.begroting,
    "programmabegroting": DocumentKind.begroting,
    "jaarverslag": DocumentKind.jaarverslag,
    "jaarrekening": DocumentKind.jaarverslag,
    "jaarstukken": DocumentKind.jaarverslag,
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
_TITLE = re.compile(rf"^(?:de\s+)?({_KIND})\s+((?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?$", re.I)
_SELF = re.compile(
    rf"\b[Dd]eze\s+({_KIND})\b(?:[^.?!]{{0,60}}?\b(?:voor|over|van)\s+(?:het\s+(?:begrotings)?jaar\s+)?((?:19|20)\d\d)\b)?",
    re.I,
)
_COST_QUESTION = re.compile(r"^Wat heeft het gekost(?: in ((?:19|20)\d\d))?\s*\?$")
_REALISED = re.compile(r"^(?:Rekening|Realisatie|Jaarrekening|Werkelijk)\s+((?:19|20)\d\d)$", re.I)
# Words just before a municipality's name that say the text is about someone else.
_OTHER = {"bij", "zoals", "met", "en", "naar", "dan", "tussen", "samen", "buurgemeente", "buurgemeenten"}
_SKIP = {"gemeente", "de"}


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


def publisher_in(text: str) -> tuple[Organisation | None, list[Organisation]]:
    """The municipality the text speaks for, and every other one it names.

    Candidates come from the reference list; a name must appear capitalised as a name (so the verb
    "leiden" is not Leiden), and a mention after words like "bij" or "zoals" counts against it.
    """
    candidates = [org for org in find_in_text(text) if _mentions(text, org.name)]
    if len(candidates) <= 1:
        return (candidates[0] if candidates else None), []
    scores = {org.code: _score(text, org.name) for org in candidates}
    ranked = sorted(candidates, key=lambda o: -scores[o.code])
    best = ranked[0]
    if scores[best.code] <= 0 or scores[best.code] == scores[ranked[1].code]:
        return None, candidates
    return best, ranked[1:]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _occurrences(text: str, name: str) -> list[re.Match[str]]:
    """Where ``name`` occurs as a name: capitalised as the reference list has it (an article may be lower case)."""
    folded = _fold(name)
    article = re.match(r"(?i)(de |den |het |'s-)", folded)
    head = f"(?i:{re.escape(article.group(1))})" if article else ""
    rest = folded[article.end() :] if article else folded
    return list(re.finditer(rf"(?<![\w-]){head}{re.escape(rest)}(?![\w-])", _fold(text)))


def _mentions(text: str, name: str) -> bool:
    return bool(_occurrences(text, name))


def _score(text: str, name: str) -> int:
    folded = _fold(text)
    score = 0
    for match in _occurrences(text, name):
        before = [w.lower() for w in re.findall(r"[\w-]+", folded[max(0, match.start() - 60) : match.start()])]
        while before and before[-1] in _SKIP:
            before.pop()
        score += -1 if before and before[-1] in _OTHER else 1
    return score
