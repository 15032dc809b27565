"""Only the package list; everything else about the build is in pyproject.toml.

pyproject.toml cannot both discover packages and add one from another folder: Accord's packages
are every ``desktop*`` package in the source tree (found, so a new subpackage needs no edit
here) plus ``desktop.data``, whose directory is the top-level ``resources/`` folder
(``[tool.setuptools.package-dir]``). The app reads it with ``importlib.resources``
(desktop/resources.py), so an editable install, a wheel and the PyInstaller bundle find the
same files.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["desktop", "desktop.*"]), "desktop.data"])
