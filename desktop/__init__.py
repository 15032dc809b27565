"""Accord: an offline desktop workbench for drafting peace frameworks."""

import time

#: When Accord's code started running (``accord --smoke`` reports start-up time from here).
STARTED = time.perf_counter()

from importlib.metadata import PackageNotFoundError, version  # noqa: E402

try:
    __version__ = version("accord")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
