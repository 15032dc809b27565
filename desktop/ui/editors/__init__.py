"""Editors for the library, the parties and the scenario details.

========================  ==================================================================
:mod:`.forms`             what the fields mean, without Qt: parsing, checks, building
:mod:`.widgets`           the Qt pieces they share: plain labels, red frames, status lines
:mod:`.base`              :class:`EditorDialog`, the frame every dialog shares (OK, refusals)
:mod:`.rule_edit`         :class:`RuleEdit`, a rule field checked as the user types
:mod:`.builder_rows`      a rule as rows and groups of conditions in words, without Qt
:mod:`.rule_builder`      :class:`RuleBuilder`, those rows as lists of labels to choose from
:mod:`.provision`         :class:`ProvisionDialog`
:mod:`.party`             :class:`PartyDialog` and its :class:`RuleListEditor`
:mod:`.scenario_info`     :class:`ScenarioInfoDialog`
:mod:`.sources`           the source register's dialogs and :class:`CitationPicker`
:mod:`.draft_properties`  :class:`DraftPropertiesDialog` (date, status, proposers, sources)
:mod:`.menu`              :class:`LibraryEditing`, the Library menu
========================  ==================================================================

All user text is shown as plain text: a title like ``<img src=...>`` is displayed literally.
Questions and warnings go through a :class:`~desktop.ui.files.Prompter`.

The names are loaded when first used, so ``desktop.ui.editors.forms`` imports without Qt.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.editors.base import Commit, EditorDialog
    from desktop.ui.editors.forms import (
        ID_HELP,
        PARAM_TYPES,
        FieldNote,
        FormCheck,
        ParamRow,
        PartyFields,
        ProvisionFields,
        Refused,
        RuleItem,
        ScenarioInfo,
        id_problem,
        parse_bool,
        parse_int,
        parse_number,
        readable,
    )
    from desktop.ui.editors.menu import LibraryEditing
    from desktop.ui.editors.party import PartyDialog, RuleListEditor
    from desktop.ui.editors.provision import ProvisionDialog
    from desktop.ui.editors.rule_edit import RULE_HELP, ClickableLabel, RuleEdit
    from desktop.ui.editors.scenario_info import ScenarioInfoDialog
    from desktop.ui.editors.widgets import (
        ERROR_COLOR,
        STYLE,
        checked_keys,
        plain_label,
        plain_tooltip,
        set_checked,
        set_invalid,
        set_state,
    )

__all__ = [
    "ERROR_COLOR",
    "ID_HELP",
    "PARAM_TYPES",
    "RULE_HELP",
    "STYLE",
    "ClickableLabel",
    "Commit",
    "EditorDialog",
    "FieldNote",
    "FormCheck",
    "LibraryEditing",
    "ParamRow",
    "PartyDialog",
    "PartyFields",
    "ProvisionDialog",
    "ProvisionFields",
    "Refused",
    "RuleEdit",
    "RuleItem",
    "RuleListEditor",
    "ScenarioInfo",
    "ScenarioInfoDialog",
    "checked_keys",
    "id_problem",
    "parse_bool",
    "parse_int",
    "parse_number",
    "plain_label",
    "plain_tooltip",
    "readable",
    "set_checked",
    "set_invalid",
    "set_state",
]

# Which module defines each name.
_WHERE: dict[str, str] = {
    "Commit": "base",
    "EditorDialog": "base",
    "ID_HELP": "forms",
    "PARAM_TYPES": "forms",
    "FieldNote": "forms",
    "FormCheck": "forms",
    "ParamRow": "forms",
    "PartyFields": "forms",
    "ProvisionFields": "forms",
    "Refused": "forms",
    "RuleItem": "forms",
    "ScenarioInfo": "forms",
    "id_problem": "forms",
    "parse_bool": "forms",
    "parse_int": "forms",
    "parse_number": "forms",
    "readable": "forms",
    "LibraryEditing": "menu",
    "PartyDialog": "party",
    "RuleListEditor": "party",
    "ProvisionDialog": "provision",
    "RULE_HELP": "rule_edit",
    "ClickableLabel": "rule_edit",
    "RuleEdit": "rule_edit",
    "ScenarioInfoDialog": "scenario_info",
    "ERROR_COLOR": "widgets",
    "STYLE": "widgets",
    "checked_keys": "widgets",
    "plain_label": "widgets",
    "plain_tooltip": "widgets",
    "set_checked": "widgets",
    "set_invalid": "widgets",
    "set_state": "widgets",
}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
