"""``python -m desktop``: the same as the ``accord`` command."""

import sys

from desktop.cli import main

sys.exit(main())
