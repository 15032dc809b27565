"""The files Accord ships (scenarios, icons, Linux desktop files), installed as the package
``desktop.data`` (pyproject.toml maps this folder there). Read them through
:mod:`desktop.resources`, never by a path relative to the source tree."""
