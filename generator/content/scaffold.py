"""Starting points written for the communications team: a new site's files, a new document by hand.

Pure functions returning text; the ``init`` and ``new`` commands write them. Values in YAML are written
as JSON strings (valid YAML that needs no further quoting), so any name or title is safe.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.core import urls
from generator.models import FrontMatter, Programme
from generator.reference.organisations import Organisation
from generator.reference.taxonomy import DocumentKind

EXAMPLE_BASE_URL = "https://www.example.org/woo/"
REDACTIONS_FILE = "redactions.yaml"

# The three questions of a programme (BBV), as a plan asks them and as an annual report answers them.
PLAN_SECTIONS = ("Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?")
REPORT_SECTIONS = ("Wat hebben we bereikt?", "Wat hebben we daarvoor gedaan?", "Wat heeft het gekost?")
PLACEHOLDER = "Nog in te vullen."


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def site_yaml(
    publisher: Organisation | None,
    base_url: str = EXAMPLE_BASE_URL,
    theme: str = "woosite",
    themes: tuple[tuple[str, str], ...] = (),
) -> str:
    """site.yaml for a new site of ``publisher`` (or of several publishers when None), in ``theme``.

    ``themes`` lists the built-in themes (name, label) the comment offers.
    """
    title = f"Woo-publicaties {publisher.label}" if publisher else "Woo-publicaties"
    lines = [
        "# Instellingen van de site. Zie docs/handleiding.md van woosite.",
        f"title: {_q(title)}",
        "# Het adres waar de site komt te staan (ook in een submap, zoals https://www.gemeente.nl/woo/).",
        f"base_url: {_q(base_url)}",
        "language: nl",
        "# Huisstijl (NL Design System). Ingebouwd: " + ", ".join(f"{name} ({label})" for name, label in themes) + ".",
        "# Of een tokenpakket van npm, in deze map geïnstalleerd (npm install @gemeente-x/design-tokens),",
        "# of een eigen bestand met design tokens naast site.yaml (tokens.css of tokens.json).",
        f"theme: {_q(theme)}",
    ]
    if publisher:
        lines += [
            "# De gemeente van documenten die zelf geen 'publisher:' noemen.",
            f"publisher: {_q(publisher.name)}",
        ]
    description = f"Programma’s uit de begroting en het jaarverslag van {publisher.label}." if publisher else ""
    organisation = publisher.label[0].upper() + publisher.label[1:] if publisher else ""
    lines += [
        f"description: {_q(description)}",
        "contact:",
        f"  organisation: {_q(organisation)}",
        '  email: ""',
        "# Teksten die nooit gepubliceerd mogen worden (lakken) staan in redactions.yaml. Dat bestand gaat",
        "# nooit in git (.gitignore), anders publiceert de repository juist die namen.",
        "# Zonder dat bestand bouwt de site niet.",
        f"redactions_file: {REDACTIONS_FILE}",
    ]
    return "\n".join(lines) + "\n"


RECIPES = Path(__file__).resolve().parent / "recipes"
PUBLISHING_RECIPES = {".github/workflows/pages.yml": "github-pages.yml", ".gitlab-ci.yml": "gitlab-ci.yml"}
"""Where ``init`` puts each publishing recipe in a new site, and its file in ``generator/content/recipes/``."""


def publishing_recipes() -> dict[str, str]:
    """The publishing recipes of a new site, by path in the site's repository."""
    return {target: (RECIPES / name).read_text(encoding="utf-8") for target, name in PUBLISHING_RECIPES.items()}


def requirements_txt(requirement: str) -> str:
    """requirements.txt of a new site: the woosite its publishing recipes install."""
    return (
        "# De woosite waarmee deze site gemaakt wordt; de publicatierecepten installeren deze.\n"
        "# Een nieuwere versie: vervang deze regel, bijvoorbeeld door woosite @ git+https://...@v0.2.0\n"
        f"{requirement}\n"
    )


def redactions_yaml() -> str:
    """redactions.yaml of a new site: an empty list, with how to fill it (the file is git-ignored)."""
    return (
        "\n".join(
            [
                "# Teksten die nooit gepubliceerd mogen worden (lakken), met hun Woo-grond. De build vervangt",
                '# elke tekst door "[grond]". Zet dit bestand NOOIT in git; geef het in CI mee als geheim',
                "# (zie de README van woosite).",
                "redactions: []",
                '#  - {text: "Voornaam Achternaam", ground: "5.1.2e"}',
            ]
        )
        + "\n"
    )


GITIGNORE = f"/site/\n/public/\n/.woosite-cache/\n/{REDACTIONS_FILE}\n"
"""A new site's .gitignore: build output (also GitLab Pages' public/), cache, and the redaction list."""


def templates_readme(builtin: list[str]) -> str:
    """templates/README.md: how a site replaces one built-in template at a time."""
    names = "\n".join(f"- `{name}`" for name in builtin)
    return f"""# Eigen templates

Deze map is leeg: de site gebruikt de ingebouwde templates van woosite.

Wilt u één pagina-onderdeel anders? Zet hier een bestand met **dezelfde naam** als het ingebouwde
bestand. Dat bestand gaat dan voor; alle andere blijven de ingebouwde. Kopieer het ingebouwde bestand
als begin en pas het aan. Voorbeelden:

- `templates/base.html`: de kop van elke pagina (bijvoorbeeld het logo van de gemeente);
- `templates/partials/page_footer.html`: de voet van elke pagina;
- `templates/static/style.css`: de opmaak van woosite zelf; de build zet er de NL Design System-componenten
  en de design tokens van het thema (`theme:` in `site.yaml`) vóór. Andere bestanden in
  `templates/static/` (een logo) komen op de site onder `static/`.

Kleuren en lettertypen kiest u met het thema, niet hier: `theme:` in `site.yaml`.

Verwijdert u een bestand hier, dan geldt weer het ingebouwde. `woosite serve` toont wijzigingen meteen.

De ingebouwde bestanden:

{names}
"""


@dataclass(frozen=True)
class NewDocument:
    """What a hand-written document starts from: the front matter fields of the content format."""

    publisher: str
    kind: DocumentKind
    year: int
    title: str
    number: str | None = None
    label: str | None = None

    @property
    def heading(self) -> str:
        return f"{self.label or 'Programma'} {self.number} {self.title}" if self.number else self.title

    def relative_path(self, publisher_name: str) -> Path:
        """Where the file goes below content/: the same folders as its URL."""
        folder = Path(urls.publisher_path(publisher_name)) / f"{self.kind.value}-{self.year}"
        return folder / f"{urls.slugify(self.heading)}.md"

    def text(self) -> str:
        """The file: front matter written from the content model (so it is what the loader reads), two
        commented fields to fill in, and the programme's three questions as sections."""
        front = FrontMatter(
            publisher=self.publisher,
            kind=self.kind,
            year=self.year,
            programme=Programme(number=self.number, title=self.title, label=self.label),
        )
        data = front.model_dump(mode="json", exclude_defaults=True)
        fields = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=110)
        front_matter = [
            "---",
            fields.rstrip("\n"),
            '# description: "Eén zin die samenvat waar dit programma over gaat."',
            "# finance: zie 'Het inhoudsformaat' in de README van woosite voor tabellen met bedragen.",
            "---",
        ]
        questions = REPORT_SECTIONS if self.kind is DocumentKind.jaarverslag else PLAN_SECTIONS
        body = "".join(f"\n## {question}\n\n{PLACEHOLDER}\n" for question in questions)
        return "\n".join(front_matter) + "\n" + body.lstrip("\n")
