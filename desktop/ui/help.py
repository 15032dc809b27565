"""Help → Getting started and Help → Keyboard shortcuts.

The shortcut list is read from the window's own actions (every menu, every submenu), so it
cannot drift from what the keys really do.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.wording.guide import getting_started as guide_html
from desktop.wording.guide import panel_keys, shortcuts_intro


def _plain(text: str) -> str:
    """A menu text as read: no mnemonic ampersands, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu path, command, keys) for every action under ``bar`` that has a shortcut."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {_plain(sub.title())}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts() if not k.isEmpty()]
            if keys and not action.isSeparator():
                rows.append((path, _plain(action.text()), ", ".join(keys)))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    return rows


def shortcuts_html(bar: QMenuBar) -> str:
    e = html.escape

    command = QCoreApplication.translate("Help", "Command")
    keys = QCoreApplication.translate("Help", "Keys")

    def table(rows: list[tuple[str, str, str]], first: str) -> str:
        body = "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td><td><b>{e(c)}</b></td></tr>"
                       for a, b, c in rows)
        return (f'<table cellspacing="0" cellpadding="4"><tr><th align="left">{e(first)}</th>'
                f'<th align="left">{e(command)}</th><th align="left">{e(keys)}</th></tr>'
                f"{body}</table>")

    panel = [(where, what, keys) for where, keys, what in panel_keys()]
    title = QCoreApplication.translate("Help", "Keyboard shortcuts")
    menus = QCoreApplication.translate("Help", "Menu commands")
    panels = QCoreApplication.translate("Help", "In the panels")
    menu = QCoreApplication.translate("Help", "Menu")
    where = QCoreApplication.translate("Help", "Where")
    return (f"<h2>{e(title)}</h2><p>{e(shortcuts_intro())}</p>"
            f"<h3>{e(menus)}</h3>"
            f"{table(shortcut_rows(bar), menu)}"
            f"<h3>{e(panels)}</h3>"
            f"{table(panel, where)}")


class HelpDialog(QDialog):
    """A page of help text, readable and closable from the keyboard."""

    def __init__(self, title: str, body: str, name: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("HelpText")
        self.browser.setAccessibleName(title)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)


def getting_started(parent: QWidget) -> HelpDialog:
    return HelpDialog(QCoreApplication.translate("Help", "Getting started"), guide_html(),
                      "GettingStarted", parent)


def keyboard_shortcuts(parent: QWidget, bar: QMenuBar) -> HelpDialog:
    return HelpDialog(QCoreApplication.translate("Help", "Keyboard shortcuts"),
                      shortcuts_html(bar), "KeyboardShortcuts", parent)


def all_actions(bar: QMenuBar) -> list[QAction]:
    """Every action under ``bar``, submenus included (for tests and the list above)."""
    out: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub)
            elif not action.isSeparator():
                out.append(action)

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu)
    return out
