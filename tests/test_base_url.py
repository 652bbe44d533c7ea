"""The base URL is decided once: site.yaml, overridden by --base-url, validated by SiteConfig, recorded in
the built site, and read back by ``woosite check`` (issue #16's two bugs)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_woosite
from woo_content import seed_002_document, set_config, write_content

from generator.content.loader import with_overrides
from generator.core.errors import ContentError
from generator.models import SiteConfig


@pytest.fixture
def small(project: Callable[..., Path]) -> Path:
    folder = project(with_content=False)
    write_content(folder, "lv/moderne-overheid.md", seed_002_document())
    return folder


def build_with(folder: Path, *extra: str) -> tuple[int, str]:
    result = run_woosite("build", "--content", str(folder / "content"), "--out", str(folder / "site"), *extra)
    return result.returncode, result.stderr


@pytest.mark.parametrize("bad", ["example.org", "javascript:alert(1)", "https://example.org/woo/?x=1"])
def test_a_wrong_base_url_option_is_one_line_not_a_traceback(small: Path, bad: str) -> None:
    code, stderr = build_with(small, "--base-url", bad)
    assert code == 1
    (line,) = stderr.splitlines()
    assert line.startswith(f"error: --base-url: base URL '{bad}' must ")
    assert "Traceback" not in stderr
    assert not (small / "site").exists()


def test_overrides_are_validated_by_the_model() -> None:
    config = SiteConfig(title="T", base_url="https://example.org/woo")
    assert config.base_url == "https://example.org/woo/"
    assert with_overrides(config, base_url=None) is config
    assert with_overrides(config, base_url=" https://other.example/x ").base_url == "https://other.example/x/"
    with pytest.raises(ContentError) as caught:
        with_overrides(config, base_url="other.example")
    assert str(caught.value.problems[0]).startswith("--base-url: base URL 'other.example' must be absolute")


def test_the_build_records_what_it_was_built_with_and_check_reads_it(small: Path) -> None:
    code, stderr = build_with(small, "--base-url", "https://owner.github.io/repo")
    assert code == 0, stderr
    record = json.loads((small / "site" / "woosite-build.json").read_text(encoding="utf-8"))
    assert record["base_url"] == "https://owner.github.io/repo/"
    assert record["generator"] == "woosite" and record["version"]
    # site.yaml still names another address: check takes the recorded one without being told.
    result = run_woosite("check", "--site", str(small / "site"), "--config", str(small / "site.yaml"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("site is ready")


def test_a_base_url_mismatch_is_one_message(small: Path) -> None:
    set_config(small, base_url="https://www.gemeente.nl/woo/")
    assert build_with(small)[0] == 0
    result = run_woosite(
        "check", "--site", str(small / "site"), "--config", str(small / "site.yaml"), "--base-url", "https://x.nl/"
    )
    assert result.returncode == 1
    problems = result.stdout.splitlines()[:-1]
    assert len(problems) == 1, problems
    assert "built for https://www.gemeente.nl/woo/, not for https://x.nl/" in problems[0]


def test_an_older_site_without_record_still_gives_one_message(small: Path) -> None:
    set_config(small, base_url="https://www.gemeente.nl/woo/")
    assert build_with(small)[0] == 0
    (small / "site" / "woosite-build.json").unlink()
    result = run_woosite(
        "check", "--site", str(small / "site"), "--config", str(small / "site.yaml"), "--base-url", "https://x.nl/"
    )
    problems = result.stdout.splitlines()[:-1]
    assert len(problems) == 1, problems
    assert "robots.txt" in problems[0] and "built for https://www.gemeente.nl/woo/" in problems[0]


def test_a_sitemap_line_for_another_host_is_not_called_missing(small: Path) -> None:
    assert build_with(small)[0] == 0
    robots = small / "site" / "robots.txt"
    text = robots.read_text(encoding="utf-8")
    own = json.loads((small / "site" / "woosite-build.json").read_text(encoding="utf-8"))["base_url"]
    robots.write_text(text.replace(f"Sitemap: {own}sitemapindex", "Sitemap: https://elders.nl/sitemapindex"), "utf-8")
    result = run_woosite("check", "--site", str(small / "site"), "--config", str(small / "site.yaml"))
    problems = result.stdout.splitlines()[:-1]
    assert result.returncode == 1
    assert not [p for p in problems if "no 'Sitemap:' line" in p], problems
    assert "'https://elders.nl/sitemapindex-diwoo-infocat" in problems[0] and "not below" in problems[0]
