"""The PA-X codebook as Accord shows it: every issue code an agreement is coded on, by its
name and its top-level category, and the stages of a peace process.

A person never reads a bare code: the editor, the library, the Precedents panel, the CLI and
the briefings all name an issue by :data:`CODE_NAMES` ("Ceasefire", "International
mission/force"). The grouping follows the 14 top-level categories of the PA-X Codebook
(version 10); the names are the codebook's, shortened where it repeats the category.
"""

from __future__ import annotations

__all__ = ["CATEGORIES", "CODES", "CODE_CATEGORY", "CODE_NAMES", "STAGE_NAMES", "code_name"]

#: (category, ((code, name), ...)) in the codebook's order.
CATEGORIES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Groups", (
        ("GCh", "Children and youth"),
        ("GDis", "Persons with disabilities"),
        ("GAge", "Elderly and age"),
        ("GMig", "Migrant workers"),
        ("GRa", "Racial, ethnic or national groups"),
        ("GRe", "Religious groups"),
        ("GInd", "Indigenous people"),
        ("GOth", "Other groups"),
        ("GRef", "Refugees and displaced persons"),
        ("GSoc", "Social class"),
    )),
    ("Gender", (
        ("GeWom", "Women, girls and gender"),
        ("GeMe", "Men and boys"),
        ("GeLgbti", "LGBTI people"),
        ("GeFa", "Family"),
    )),
    ("State definition", (
        ("StGen", "Nature of the state"),
        ("StCon", "State configuration"),
        ("StSd", "Self-determination"),
        ("StRef", "Referendum on the state"),
        ("StSym", "State symbols"),
        ("StInd", "Independence or secession"),
        ("StUni", "Accession or unification"),
        ("StBor", "Border delimitation"),
        ("StXbor", "Cross-border provisions"),
    )),
    ("Governance", (
        ("Pol", "Political institutions"),
        ("Ele", "Elections"),
        ("ElecComm", "Electoral commission"),
        ("PolPar", "Political parties reform"),
        ("Civso", "Civil society"),
        ("Tral", "Traditional or religious leaders"),
        ("Pubad", "Public administration"),
        ("ConGen", "Constitution"),
    )),
    ("Power sharing", (
        ("Polps", "Political power sharing"),
        ("Terps", "Territorial power sharing"),
        ("Eps", "Economic power sharing"),
        ("Mps", "Military power sharing"),
    )),
    ("Human rights and equality", (
        ("HrGen", "Human rights and rule of law"),
        ("HrBor", "Bill of rights"),
        ("HrTrinc", "Treaty incorporation"),
        ("HrCp", "Civil and political rights"),
        ("HrSec", "Socio-economic rights"),
    )),
    ("Rights related issues", (
        ("HrCit", "Citizenship"),
        ("HrDem", "Democracy"),
        ("HrDet", "Detention procedures"),
        ("Med", "Media and communication"),
        ("HrMob", "Mobility and access"),
        ("Prot", "Protection measures"),
        ("RiOth", "Other rights issues"),
    )),
    ("Rights institutions", (
        ("HrNi", "National human rights institution"),
        ("HrIi", "Regional or international human rights institutions"),
    )),
    ("Justice sector reform", (
        ("JusCr", "Criminal justice and emergency law"),
        ("JusEm", "State of emergency provisions"),
        ("JusJu", "Judiciary and courts"),
        ("JusPri", "Prisons and detention"),
        ("JusTra", "Traditional laws"),
    )),
    ("Socio-economic reconstruction", (
        ("Dev", "Development or socio-economic reconstruction"),
        ("NEC", "National economic plan"),
        ("NatRes", "Natural resources"),
        ("IntFu", "International funds"),
        ("Bus", "Business"),
        ("Tax", "Taxation"),
        ("Ban", "Banks"),
    )),
    ("Land, property and environment", (
        ("LaRef", "Land reform and rights"),
        ("LaNom", "Pastoralist or nomadism rights"),
        ("LaCH", "Cultural heritage"),
        ("LaEn", "Environment"),
        ("Wat", "Water or riparian rights"),
    )),
    ("Security sector", (
        ("SsrGua", "Security guarantees"),
        ("Ce", "Ceasefire"),
        ("SsrPol", "Police"),
        ("SsrArm", "Armed forces"),
        ("SsrDdr", "Disarmament, demobilisation and reintegration"),
        ("SsrInt", "Intelligence services"),
        ("SsrPsf", "Parastatal, rebel and opposition forces"),
        ("SsrFf", "Withdrawal of foreign forces"),
        ("Cor", "Corruption"),
        ("SsrCrOcr", "Crime and organised crime"),
        ("SsrDrugs", "Drugs"),
        ("Terr", "Terrorism"),
    )),
    ("Transitional justice", (
        ("TjGen", "Transitional justice (general)"),
        ("TjAm", "Amnesty or pardon"),
        ("TjCou", "Courts"),
        ("TjMech", "Transitional justice mechanism"),
        ("TjPrire", "Prisoner release"),
        ("TjVet", "Vetting"),
        ("TjVic", "Victims"),
        ("TjMis", "Missing persons"),
        ("TjRep", "Reparations"),
        ("TjNR", "Reconciliation"),
    )),
    ("Implementation", (
        ("ImUN", "UN signatory"),
        ("ImOth", "Other international signatory"),
        ("ImRef", "Referendum on the agreement"),
        ("ImPK", "International mission/force"),
        ("ImE", "Enforcement mechanism"),
    )),
)

#: Every issue code, in the codebook's order.
CODES: tuple[str, ...] = tuple(code for _, codes in CATEGORIES for code, _ in codes)
CODE_NAMES: dict[str, str] = {code: name for _, codes in CATEGORIES for code, name in codes}
CODE_CATEGORY: dict[str, str] = {code: cat for cat, codes in CATEGORIES for code, _ in codes}

#: The stage of the peace process an agreement belongs to (PA-X ``Stage``).
STAGE_NAMES: dict[str, str] = {
    "Pre": "Pre-negotiation",
    "SubPar": "Framework, partial",
    "SubComp": "Framework, comprehensive",
    "Cea": "Ceasefire",
    "Imp": "Implementation",
    "Ren": "Renewal",
    "Oth": "Other",
}


def code_name(code: str) -> str:
    """The issue's name; a code PA-X does not have is named as such, never shown bare."""
    name = CODE_NAMES.get(code)
    return name if name is not None else f"unknown PA-X issue ‘{code}’"
