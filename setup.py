"""Package list and the build step setuptools cannot declare (everything else is in pyproject.toml).

Every folder below ``generator/`` is a package, data folders included (schemas, reference data, recipes,
message catalogs), found as namespace packages so their files are package data, declared, not included by
accident. ``generator.builtin_templates`` is the repository's ``templates/`` folder mapped into the package
(see ``package-dir`` in pyproject.toml), with its subfolders. Building a wheel also compiles the message
catalogs (``.po`` -> ``.mo``), as ``pybabel compile`` does.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

_SKIP = ["*__pycache__*"]
PACKAGES = [
    *find_namespace_packages(include=["generator", "generator.*"], exclude=_SKIP),
    "generator.builtin_templates",
    *(f"generator.builtin_templates.{p}" for p in find_namespace_packages(where="templates", exclude=_SKIP)),
]


class BuildWithCatalogs(build_py):
    """``build_py``, then every ``generator/core/locale/<lang>/LC_MESSAGES/*.po`` compiled beside itself."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path("generator/core/locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.parent.parent.name, domain=po.stem)
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as f:
                write_mo(f, catalog, use_fuzzy=False)


setup(packages=PACKAGES, cmdclass={"build_py": BuildWithCatalogs})
