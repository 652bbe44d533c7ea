"""The registry of outputs (generator/outputs/registry.py) is what the build runs, in its order."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable
from pathlib import Path

from generator.outputs.registry import OUTPUTS, Depends
from generator.publish.build import BuildOptions, build

SUFFIXES = {".jsonld": "application/ld+json", ".xml": "application/xml"}


def test_every_output_is_declared_once_in_a_workable_order() -> None:
    names = [output.name for output in OUTPUTS]
    assert len(names) == len(set(names))
    assert OUTPUTS[-1].depends is Depends.PAGES, "the search index reads the pages written before it"
    assert all(output.depends is not Depends.PAGES for output in OUTPUTS[:-1])
    html = names.index("html")
    data = [output.name for output in OUTPUTS[:html] if output.depends is Depends.DOCUMENT]
    assert data == ["json", "csv", "xlsx", "diwoo"], "pages link to their data files with their sizes"
    for output in OUTPUTS:
        assert (output.document is not None) == (output.depends is Depends.DOCUMENT), output.name


def test_the_build_writes_each_output_as_its_own_unit(project: Callable[..., Path]) -> None:
    root = project()
    build(BuildOptions(content_dir=root / "content", out_dir=root / "site"))
    (units_file,) = (root / ".woosite-cache").glob("build-*.units.json")
    units = json.loads(units_file.read_text(encoding="utf-8"))
    steps = [unit for unit in units if unit.startswith("output ")]
    assert steps == [f"output {output.name}" for output in OUTPUTS], "in the registry's order"
    for output in OUTPUTS:
        files = units[f"output {output.name}"]["files"]
        if output.name == "comparisons":  # the example has no comparable programmes
            continue
        assert files, output.name
        media = {SUFFIXES.get(Path(f).suffix) or mimetypes.guess_type(f)[0] for f in files}
        media |= {"application/atom+xml"} if "feed.xml" in files else set()  # an Atom feed in a .xml file
        if output.name not in ("search", "headers"):  # several kinds of file / no suffix
            assert output.media_type in media, (output.name, media)
