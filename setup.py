"""Package list for setuptools (everything else is in pyproject.toml).

``find_packages`` finds the generator* packages; ``generator.builtin_templates`` is added by hand because it
is the templates/ folder mapped into the package (see ``package-dir`` in pyproject.toml), which no finder sees.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["generator*"]), "generator.builtin_templates"])
