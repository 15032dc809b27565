"""``python -m desktop``: the same as the ``accord`` command.

:func:`gui` is the ``accord-gui`` launcher (``[project.gui-scripts]``, and the windowed program
of the bundle): the desktop app with no console window on Windows.
"""

import sys


def gui() -> int:
    """``accord-gui [FILE.accord]``: start the desktop app, on a document if one is given.

    Windows starts it without a console, so there is nowhere to print: the first argument is
    the document to open, never a command."""
    from desktop.cli import main

    return main(["gui", *sys.argv[1:2]])


if __name__ == "__main__":
    from desktop.cli import main

    sys.exit(main())
