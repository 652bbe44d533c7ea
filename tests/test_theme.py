"""Themes: NL Design System components and design tokens, contrast checked, one stylesheet, same content."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, run_woosite
from woo_content import build, set_config

from generator.theme import contrast, css, stylesheet, themes, tokens
from generator.theme.vendor import generate


def test_vendored_nlds_files_are_what_the_pinned_packages_give() -> None:
    node_modules = ROOT / "node_modules"
    assert (node_modules / "@utrecht" / "table-css").is_dir(), "run 'npm ci' (scripts/setup.sh test) first"
    for rel, text in generate(node_modules).items():
        committed = (themes.NLDS_DIR / rel).read_text(encoding="utf-8")
        assert committed == text, f"templates/nlds/{rel} is out of date: python -m scripts.vendor_nlds"


def test_vendored_versions_are_the_ones_pinned_in_package_json() -> None:
    pinned = (ROOT / "package.json").read_text(encoding="utf-8")
    vendored = (themes.NLDS_DIR / "components.css").read_text(encoding="utf-8")
    for package, version in re.findall(r"/\* (@[a-z0-9-]+/[a-z0-9-]+)@([0-9.]+) ", vendored):
        assert f'"{package}": "{version}"' in pinned, package


def test_contrast_ratio_follows_wcag() -> None:
    white, black = contrast.parse_colour("#fff"), contrast.parse_colour("black")
    assert white and black
    assert contrast.ratio(black, white) == pytest.approx(21)
    grey = contrast.parse_colour("rgb(119, 119, 119)")
    assert grey and contrast.ratio(grey, white) == pytest.approx(4.48, abs=0.01)  # the classic just-fails grey
    assert contrast.parse_colour("hsl(0 0% 100%)") == white
    assert contrast.parse_colour("hsla(0, 0%, 0%, 1)") == black
    translucent = contrast.parse_colour("rgba(0, 0, 0, 0.5)")
    assert translucent and contrast.ratio(translucent, white) < 4.5
    assert contrast.parse_colour("currentColor") is None


def test_tokens_from_css_and_json_resolve_through_references() -> None:
    from_css = tokens.from_css(".x-theme { --a: #123456; --b: var(--a); } @media (min-width: 1px) { .x { --a: red } }")
    assert tokens.resolve("var(--b)", from_css) == "#123456"
    assert tokens.resolve("var(--missing, var(--a))", from_css) == "#123456"
    nested = tokens.from_json({"utrecht": {"link": {"color": {"value": "{utrecht.color.blue}"}}}, "--flat": "1px"})
    assert nested == {"--utrecht-link-color": "var(--utrecht-color-blue)", "--flat": "1px"}
    assert tokens.used({"--a": "var(--b)", "--b": "1", "--c": "2"}, ["--a"]) == {"--a": "var(--b)", "--b": "1"}


def test_pruning_keeps_only_selectors_of_the_allowed_classes() -> None:
    rules = css.parse(".a, .a--x { color: red } .b { color: blue } @media print { .a:hover, .b { margin: 0 } }")
    kept = css.serialise(css.prune(rules, {"a"}.__contains__))
    assert kept == ".a{color:red}\n@media print{\n.a:hover{margin:0}\n}\n"


@pytest.mark.parametrize("name", [t.name for t in themes.BUILTIN])
def test_every_builtin_theme_passes_the_contrast_check(name: str) -> None:
    theme = themes.load(name, ROOT)
    assert themes.first_failure(theme) is None
    for pair in themes.PAIRS:  # the neutral defaults define every pair, so each one is really checked
        assert contrast.parse_colour(tokens.resolve(theme.tokens[pair.foreground], theme.tokens)), pair.foreground


def test_bundle_holds_only_used_tokens_and_loads_nothing() -> None:
    theme = themes.load("gemeente-denhaag", ROOT)
    layer = (ROOT / "templates/static/style.css").read_text(encoding="utf-8")
    bundle = stylesheet.bundle(theme, layer)
    declared = tokens.from_css(bundle.split("}", 1)[0] + "}")
    assert len(declared) < len(theme.tokens), "unused tokens are left out"
    assert set(declared) <= tokens.references(bundle) | {
        ref for value in declared.values() for ref in tokens.references(value)
    }
    assert "@import" not in bundle
    assert all(url.startswith("data:") for url in re.findall(r"url\(\s*[\"']?([^\"')]*)", bundle))


def test_a_theme_that_fails_contrast_is_refused_naming_the_token(project: Callable[..., Path]) -> None:
    folder = project()
    (folder / "tokens.css").write_text(
        ":root { --utrecht-document-color: #999; --utrecht-link-color: #0b4f8a; }\n", encoding="utf-8"
    )
    set_config(folder, theme="tokens.css")
    previous = folder / "site"
    (previous / "api").mkdir(parents=True)
    (previous / "index.html").write_text("the previous site", encoding="utf-8")
    (previous / "api/index.json").write_text("{}", encoding="utf-8")
    result = run_woosite("build", "--content", str(folder / "content"), "--out", str(previous))
    assert result.returncode == 1
    (line,) = [x for x in result.stderr.splitlines() if "theme" in x]
    assert re.match(r".*site\.yaml:\d+: theme 'tokens.css': --utrecht-document-color \(#999\)", line), line
    assert "4.5:1" in line and "Traceback" not in result.stderr
    assert sorted(p.name for p in previous.iterdir()) == ["api", "index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_a_local_json_theme_is_used_and_reported(project: Callable[..., Path]) -> None:
    folder = project()
    (folder / "huisstijl.json").write_text(
        '{"utrecht": {"page-header": {"background-color": {"value": "#5c0f3d"}}}}', encoding="utf-8"
    )
    set_config(folder, theme="huisstijl.json")
    result = run_woosite("build", "--content", str(folder / "content"), "--out", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    assert "theme: huisstijl (huisstijl.json)" in result.stdout
    assert "--utrecht-page-header-background-color:#5c0f3d" in (folder / "site/static/style.css").read_text()


def test_an_unknown_theme_names_the_choices(project: Callable[..., Path]) -> None:
    folder = project(with_content=False)
    set_config(folder, theme="@gemeente-nergens/design-tokens")
    result = run_woosite("build", "--content", str(folder / "content"), "--out", str(folder / "site"))
    assert result.returncode == 1
    assert "theme package '@gemeente-nergens/design-tokens' is not installed" in result.stderr
    assert "gemeente-denhaag" in result.stderr and "npm install" in result.stderr


def test_a_token_package_installed_in_the_site_folder_is_found(project: Callable[..., Path]) -> None:
    folder = project(with_content=False)
    package = folder / "node_modules/@gemeente-voorbeeld/design-tokens"
    (package / "dist").mkdir(parents=True)
    (package / "package.json").write_text('{"name": "@gemeente-voorbeeld/design-tokens", "version": "2.3.4"}')
    (package / "dist/index.css").write_text(".voorbeeld-theme { --utrecht-link-color: #00598a; }")
    set_config(folder, theme="@gemeente-voorbeeld/design-tokens")
    site = build(folder)
    assert "--utrecht-link-color:#00598a" in (site / "static/style.css").read_text(encoding="utf-8")


def test_municipal_theme_gives_the_same_content(example_site: Path, example_site_municipal: Path) -> None:
    def files(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes()
            for p in site.rglob("*")
            if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".jsonld")
        }

    default, municipal = files(example_site), files(example_site_municipal)
    assert default.keys() == municipal.keys()
    differing = [path for path in default if default[path] != municipal[path]]
    assert differing == ["woosite-build.json"]  # the record of the build names its theme; nothing else differs
    css_default = (example_site / "static/style.css").read_text(encoding="utf-8")
    css_municipal = (example_site_municipal / "static/style.css").read_text(encoding="utf-8")
    assert "--denhaag-color-green-3" in css_municipal and "--denhaag-" not in css_default


def test_pages_use_nl_design_system_components_and_one_stylesheet(example_site: Path) -> None:
    page = (example_site / "index.html").read_text(encoding="utf-8")
    for component in (
        "utrecht-document",
        "utrecht-skip-link",
        "utrecht-page-header",
        "utrecht-page-footer",
        "utrecht-form-field",
        "utrecht-textbox",
        "utrecht-button",
    ):
        assert f'class="{component}' in page or f" {component} " in page or f"{component}__" in page, component
    assert len(re.findall(r'<link rel="stylesheet"', page)) == 1
    publisher = next(p for p in sorted(example_site.glob("*/index.html")) if "utrecht-breadcrumb-nav" in p.read_text())
    assert publisher


def test_check_takes_the_site_as_argument(example_site: Path) -> None:
    result = run_woosite("check", str(example_site), "--config", str(ROOT / "site.yaml"))
    assert result.returncode == 0, result.stdout
    missing = run_woosite("check", str(example_site.parent / "nope"), "--config", str(ROOT / "site.yaml"))
    assert missing.returncode == 1 and "nope: site folder not found" in missing.stderr


def test_init_offers_the_themes_and_writes_the_chosen_one(tmp_path: Path) -> None:
    site = tmp_path / "den-haag"
    result = run_woosite("init", str(site), "--publisher", "'s-Gravenhage", "--theme", "gemeente-denhaag")
    assert result.returncode == 0, result.stderr
    text = (site / "site.yaml").read_text(encoding="utf-8")
    assert 'theme: "gemeente-denhaag"' in text
    assert all(t.name in text for t in themes.BUILTIN), "the comment offers every built-in theme"
    assert "Theme: Gemeente Den Haag" in result.stdout
    built_site = run_woosite("build", cwd=site)
    assert built_site.returncode == 0, built_site.stderr
    assert "theme: Gemeente Den Haag (@gemeente-denhaag/design-tokens-components" in built_site.stdout


def test_editing_a_local_theme_file_rebuilds_the_stylesheet_like_a_clean_build(project: Callable[..., Path]) -> None:
    folder = project()
    theme_file = folder / "huisstijl.css"
    theme_file.write_text(":root { --utrecht-link-color: #00598a; }\n", encoding="utf-8")
    set_config(folder, theme="huisstijl.css")
    site = build(folder)
    theme_file.write_text(":root { --utrecht-link-color: #6b1d57; }\n", encoding="utf-8")
    build(folder)
    clean = build(folder, "--clean", out=folder / "clean")
    incremental_css = (site / "static/style.css").read_bytes()
    assert b"#6b1d57" in incremental_css and b"#00598a" not in incremental_css
    assert incremental_css == (clean / "static/style.css").read_bytes()
