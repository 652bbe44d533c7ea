"""The ``theme`` of site.yaml: a built-in theme, a token package in the site's node_modules, or a tokens file.

Every theme lies over the neutral default (so a theme need only set what it changes) and must pass the
WCAG 2.1 AA contrast of the text/background pairs the pages use, or the build refuses it, naming the token.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import ContentError, Problem
from generator.core.translation import N_, _
from generator.render.folders import BUILTIN_TEMPLATES
from generator.theme import contrast, tokens
from generator.theme.tokens import TokenFileError, Tokens

NLDS_DIR = BUILTIN_TEMPLATES / "nlds"
THEMES_DIR = NLDS_DIR / "themes"
DEFAULT = "woosite"


@dataclass(frozen=True)
class BuiltinTheme:
    name: str
    label: str
    package: str | None
    """The npm package its tokens are generated from (``scripts/vendor_nlds.py``), None for hand-written ones."""
    files: tuple[str, ...]
    """Token files below ``templates/nlds/themes/``, later ones winning."""


BUILTIN: tuple[BuiltinTheme, ...] = (
    BuiltinTheme(DEFAULT, "Neutraal (woosite)", None, ("woosite.css",)),
    BuiltinTheme(
        "gemeente-denhaag",
        "Gemeente Den Haag",
        "@gemeente-denhaag/design-tokens-components",
        ("gemeente-denhaag.css", "gemeente-denhaag.woosite.css"),
    ),
)


@dataclass(frozen=True)
class Theme:
    name: str
    label: str
    source: str
    """Where the tokens came from, as the build reports it (package and version, or the file)."""
    tokens: Tokens
    """The neutral defaults overlaid with the theme's own tokens."""

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps([self.name, self.tokens]).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    minimum: float
    what: str


_TEXT, _UI = 4.5, 3.0
PAIRS: tuple[Pair, ...] = (
    Pair("--utrecht-document-color", "--utrecht-document-background-color", _TEXT, N_("text")),
    Pair("--woosite-muted-color", "--utrecht-document-background-color", _TEXT, N_("secondary text")),
    Pair("--utrecht-link-color", "--utrecht-document-background-color", _TEXT, N_("links")),
    Pair("--utrecht-link-visited-color", "--utrecht-document-background-color", _TEXT, N_("visited links")),
    Pair("--utrecht-link-hover-color", "--utrecht-document-background-color", _TEXT, N_("links under the pointer")),
    Pair("--utrecht-breadcrumb-nav-link-color", "--utrecht-document-background-color", _TEXT, N_("breadcrumb links")),
    Pair("--utrecht-heading-color", "--utrecht-document-background-color", _TEXT, N_("headings")),
    Pair("--utrecht-table-caption-color", "--utrecht-document-background-color", _TEXT, N_("table captions")),
    Pair("--utrecht-table-header-cell-color", "--utrecht-document-background-color", _TEXT, N_("table headers")),
    Pair("--utrecht-page-header-color", "--utrecht-page-header-background-color", _TEXT, N_("the page header")),
    Pair("--utrecht-page-footer-color", "--utrecht-page-footer-background-color", _TEXT, N_("the page footer")),
    Pair("--utrecht-skip-link-color", "--utrecht-skip-link-background-color", _TEXT, N_("the skip link")),
    Pair(
        "--utrecht-button-primary-action-color",
        "--utrecht-button-primary-action-background-color",
        _TEXT,
        N_("buttons"),
    ),
    Pair("--utrecht-textbox-color", "--utrecht-textbox-background-color", _TEXT, N_("text fields")),
    Pair("--utrecht-alert-info-color", "--utrecht-alert-info-background-color", _TEXT, N_("notices")),
    Pair("--utrecht-alert-warning-color", "--utrecht-alert-warning-background-color", _TEXT, N_("warnings")),
    Pair("--woosite-status-green-color", "--utrecht-document-background-color", _TEXT, N_("status 'groen'")),
    Pair("--woosite-status-orange-color", "--utrecht-document-background-color", _TEXT, N_("status 'oranje'")),
    Pair("--woosite-status-red-color", "--utrecht-document-background-color", _TEXT, N_("status 'rood'")),
    Pair("--utrecht-textbox-border-color", "--utrecht-textbox-background-color", _UI, N_("text field borders")),
    Pair("--utrecht-focus-outline-color", "--utrecht-document-background-color", _UI, N_("the focus ring")),
    Pair("--woosite-chart-lasten-fill", "--utrecht-document-background-color", _UI, N_("chart bars (lasten)")),
    Pair("--woosite-chart-baten-fill", "--utrecht-document-background-color", _UI, N_("chart bars (baten)")),
    Pair("--woosite-chart-other-fill", "--utrecht-document-background-color", _UI, N_("chart bars (other)")),
)


def local_sources(spec: str | None, project_dir: Path) -> list[Path]:
    """The files of the project a ``theme:`` reads (a tokens file, or an installed token package's folder)."""
    name = (spec or DEFAULT).strip()
    if any(name in (t.name, t.package) for t in BUILTIN):
        return []
    if name.endswith((".css", ".json")):
        return [project_dir / name]
    return [project_dir / "node_modules" / name] if name.startswith("@") else []


def choices() -> list[str]:
    """Names accepted for ``theme:`` besides a file: the built-in themes and their npm packages."""
    return [t.name for t in BUILTIN] + [t.package for t in BUILTIN if t.package]


def load(spec: str | None, project_dir: Path, config_file: Path | None = None) -> Theme:
    """Resolve ``theme:`` from site.yaml; raise a ContentError (one line, pointing at site.yaml) if it is unusable."""
    where = _where(config_file)
    base = _builtin_tokens(BUILTIN[0])
    name = (spec or DEFAULT).strip()
    builtin = next((t for t in BUILTIN if name in (t.name, t.package)), None)
    if builtin is not None:
        own, label, source = _builtin_tokens(builtin), builtin.label, _builtin_source(builtin)
    elif name.endswith((".css", ".json")):
        path = (project_dir / name).resolve()
        if not path.is_file():
            raise ContentError(
                Problem(
                    *where, _("theme file '{name}' not found").format(name=name), _("give a path relative to site.yaml")
                )
            )
        try:
            own = tokens.read(path)
        except (TokenFileError, UnicodeDecodeError) as exc:
            raise ContentError(Problem(path, None, _("cannot read the theme: {exc}").format(exc=exc))) from exc
        label, source = path.stem, name
    elif name.startswith("@"):
        package_file = _package_tokens(project_dir, name)
        if package_file is None:
            raise ContentError(
                Problem(*where, _("theme package '{name}' is not installed").format(name=name), _install_hint(name))
            )
        own, label = tokens.read(package_file), name
        source = f"{name} {_package_version(package_file)}".strip()
    else:
        raise ContentError(Problem(*where, _("unknown theme '{name}'").format(name=name), _install_hint(name)))
    theme = Theme(name, label, source, {**base, **own})
    problem = first_failure(theme)
    if problem is not None:
        raise ContentError(
            Problem(
                *where,
                _("theme '{name}': {problem}").format(name=name, problem=problem),
                _("choose colours with more contrast"),
            )
        )
    return theme


def first_failure(theme: Theme) -> str | None:
    """The first text/background pair below its WCAG 2.1 AA minimum, in words; None when all pass."""
    page = _colour(theme.tokens, "--utrecht-document-background-color") or (1.0, 1.0, 1.0, 1.0)
    for pair in PAIRS:
        fg, bg = _colour(theme.tokens, pair.foreground), _colour(theme.tokens, pair.background)
        if fg is None or bg is None:
            continue  # not a colour we can read (currentColor, a system colour): the browser tests still see it
        bg = contrast.over(bg, page)
        value = contrast.ratio(fg, bg)
        if value < pair.minimum:
            return _(
                "{foreground} ({foreground_value}) on {background} ({background_value}) has contrast {ratio}:1 for "
                "{what}, WCAG 2.1 AA asks at least {minimum:g}:1"
            ).format(
                foreground=pair.foreground,
                foreground_value=_shown(theme.tokens, pair.foreground),
                background=pair.background,
                background_value=_shown(theme.tokens, pair.background),
                ratio=f"{value:.2f}",
                what=_(pair.what),
                minimum=pair.minimum,
            )
    return None


def _colour(all_tokens: Tokens, name: str) -> contrast.RGBA | None:
    if name not in all_tokens:
        return None
    return contrast.parse_colour(tokens.resolve(all_tokens[name], all_tokens))


def _shown(all_tokens: Tokens, name: str) -> str:
    return tokens.resolve(all_tokens[name], all_tokens)


def _builtin_tokens(theme: BuiltinTheme) -> Tokens:
    merged: Tokens = {}
    for file in theme.files:
        merged.update(tokens.read(THEMES_DIR / file))
    return merged


_GENERATED_FROM = re.compile(r"from (@[a-z0-9-]+/[a-z0-9-]+)@([0-9][^ ;]*)")


def _builtin_source(theme: BuiltinTheme) -> str:
    if theme.package is None:
        return _("built in")
    head = (THEMES_DIR / theme.files[0]).read_text(encoding="utf-8")[:400]
    match = _GENERATED_FROM.search(head)
    return f"{match.group(1)} {match.group(2)}" if match else theme.package


def _package_tokens(project_dir: Path, package: str) -> Path | None:
    root = project_dir / "node_modules" / package
    manifest = root / "package.json"
    candidates: list[str] = []
    if manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        candidates += [data[key] for key in ("style",) if isinstance(data.get(key), str)]
    candidates += ["dist/theme/index.css", "dist/theme.css", "dist/index.css", "dist/index.json"]
    return next((root / c for c in candidates if (root / c).is_file()), None)


def _package_version(path: Path) -> str:
    for parent in path.parents:
        manifest = parent / "package.json"
        if manifest.is_file():
            return str(json.loads(manifest.read_text(encoding="utf-8")).get("version", ""))
    return ""


def _install_hint(name: str) -> str:
    return _(
        "use one of {choices}, a tokens .css or .json file, or install the token package in the site folder with "
        "'npm install {name}'"
    ).format(choices=", ".join(choices()), name=name)


def _where(config_file: Path | None) -> tuple[Path | None, int | None]:
    if config_file is None or not config_file.is_file():
        return (config_file, None)
    for number, line in enumerate(config_file.read_text(encoding="utf-8").splitlines(), 1):
        if re.match(r"theme\s*:", line):
            return (config_file, number)
    return (config_file, None)
