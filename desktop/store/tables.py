"""The tables of an ``.accord`` document (SQLAlchemy 2 typed ORM declarations).

One SQLite file holds one scenario with all its drafts. Every list of the model is a table with
a ``position`` column, so order survives exactly. Values whose type matters (param defaults and
bounds, preference weights, clause values) are stored as JSON text: ``5`` stays an int, ``5.0``
stays a float, ``true`` stays a bool.

These classes describe the *current* schema; the schema of a file is always created by the
Alembic migrations in :mod:`desktop.store.migrations` (a test compares the two). The classes are
used for typed Core inserts and selects, never for per-row ORM object loading.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, MetaData, PrimaryKeyConstraint, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Constraint names are fixed so that later batch migrations can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {str: Text()}  # noqa: RUF012  # SQLAlchemy reads it from the class


class ScenarioRow(Base):
    """The single row describing the scenario itself (``key`` is always 1)."""

    __tablename__ = "scenario"

    key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    title: Mapped[str]
    summary: Mapped[str]
    as_of: Mapped[str | None]  # ISO date YYYY-MM-DD
    #: :func:`desktop.domain.interchange.content_digest` of the scenario as saved: of its
    #: format version 2 form from schema 3 on, of its version 1 form in schema 2; NULL in
    #: documents upgraded from schema 1, which had no checksum.
    content_digest: Mapped[str | None]
    #: The briefing settings (schema 4): a JSON object with the keys ``to``, ``from``,
    #: ``subject`` and ``marking``; NULL when the scenario has none.
    briefing_json: Mapped[str | None]
    #: The costs of change (schema 5): a JSON object as the interchange format writes it.
    costs_json: Mapped[str | None]


class PartyRow(Base):
    __tablename__ = "party"
    __table_args__ = (UniqueConstraint("position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    color: Mapped[str | None]
    no_deal_json: Mapped[str | None]  # schema 5: JSON number 0..1; NULL: none


class RedLineRow(Base):
    __tablename__ = "red_line"
    __table_args__ = (UniqueConstraint("party_id", "position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("party.id"))
    position: Mapped[int]
    title: Mapped[str]
    rule: Mapped[str]
    rationale: Mapped[str]
    source: Mapped[str]
    sources_json: Mapped[str | None]  # schema 4: JSON list of source ids; NULL: none
    inferred: Mapped[int | None]  # schema 4: 1 when inferred; NULL: not
    # Schema 5; NULL: the default (assessed, certainly binding, derived cost).
    stance: Mapped[str | None]  # "stated" (an assessed line is NULL)
    confidence_json: Mapped[str | None]  # JSON number 0..1
    relax_cost_json: Mapped[str | None]  # JSON number


class PreferenceRow(Base):
    __tablename__ = "preference"
    __table_args__ = (UniqueConstraint("party_id", "position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("party.id"))
    position: Mapped[int]
    title: Mapped[str]
    rule: Mapped[str]
    weight_json: Mapped[str]  # JSON number: int or float as written
    rationale: Mapped[str]
    source: Mapped[str]
    sources_json: Mapped[str | None]  # schema 4, as in red_line
    inferred: Mapped[int | None]  # schema 4, as in red_line


class ProvisionRow(Base):
    __tablename__ = "provision"
    __table_args__ = (UniqueConstraint("position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    title: Mapped[str]
    category: Mapped[str]
    kind: Mapped[str]
    text: Mapped[str]
    source: Mapped[str]
    sources_json: Mapped[str | None]  # schema 4: JSON list of source ids; NULL: none
    pax_json: Mapped[str | None]  # schema 5: JSON list of PA-X tags; NULL: none


class ProvisionPartyRow(Base):
    """``Provision.by`` (direction ``by``) and ``Provision.to`` (direction ``to``), in order."""

    __tablename__ = "provision_party"
    __table_args__ = (PrimaryKeyConstraint("provision_id", "direction", "position"),)

    provision_id: Mapped[str] = mapped_column(ForeignKey("provision.id"))
    direction: Mapped[str]  # "by" or "to"
    position: Mapped[int]
    party_id: Mapped[str] = mapped_column(ForeignKey("party.id"))


class ProvisionExcludeRow(Base):
    __tablename__ = "provision_exclude"
    __table_args__ = (PrimaryKeyConstraint("provision_id", "position"),)

    provision_id: Mapped[str] = mapped_column(ForeignKey("provision.id"))
    position: Mapped[int]
    other_id: Mapped[str] = mapped_column(ForeignKey("provision.id"))


class ParamRow(Base):
    """One param of a provision. JSON text keeps int, float and bool apart; NULL = not set.

    ``choices_json`` is a JSON list of choices, each a bare id or ``{"id", "label"}`` (as the
    canonical JSON form writes them). ``label``, ``step_json``, ``true_label`` and
    ``false_label`` came with schema 3 (format version 2)."""

    __tablename__ = "param"
    __table_args__ = (PrimaryKeyConstraint("provision_id", "position"),)

    provision_id: Mapped[str] = mapped_column(ForeignKey("provision.id"))
    position: Mapped[int]
    name: Mapped[str]
    type: Mapped[str]  # int, number, choice, bool
    default_json: Mapped[str]
    min_json: Mapped[str | None]
    max_json: Mapped[str | None]
    choices_json: Mapped[str | None]
    unit: Mapped[str | None]
    label: Mapped[str | None]
    step_json: Mapped[str | None]  # JSON number: int for an int param
    true_label: Mapped[str | None]
    false_label: Mapped[str | None]


class DraftRow(Base):
    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    title: Mapped[str]
    note: Mapped[str]
    # Schema 4; NULL: not set.
    date: Mapped[str | None]  # ISO date YYYY-MM-DD
    status: Mapped[str | None]  # proposed, leaked, agreed, working
    proposed_by_json: Mapped[str | None]  # JSON list of party ids
    sources_json: Mapped[str | None]  # JSON list of source ids


class SourceRow(Base):
    """One entry of the source register (schema 4)."""

    __tablename__ = "source"
    __table_args__ = (UniqueConstraint("position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    title: Mapped[str]
    publisher: Mapped[str]
    date: Mapped[str | None]  # ISO date YYYY-MM-DD
    url: Mapped[str]


class ClauseRow(Base):
    __tablename__ = "clause"
    __table_args__ = (PrimaryKeyConstraint("draft_id", "position"),)

    draft_id: Mapped[str] = mapped_column(ForeignKey("draft.id"))
    position: Mapped[int]
    provision_id: Mapped[str] = mapped_column(ForeignKey("provision.id"))
    phase: Mapped[int]
    note: Mapped[str]
    values_json: Mapped[str]  # JSON object, keys in the clause's order
    alternatives_json: Mapped[str | None]  # schema 5: JSON list of {label, values}; NULL: none


#: The tables of the current schema (without Alembic's version table).
DOCUMENT_TABLES: frozenset[str] = frozenset(Base.metadata.tables)


# --------------------------------------------------------------------------- stored schema

#: The ``CREATE TABLE`` statements of document schema 1 as its migration has SQLite store them
#: in ``sqlite_master``. They are compared token by token (spacing, identifier quotes and the
#: case of ASCII letters aside), so they are written here on as few lines as fit.
_TABLES_1: dict[str, str] = {
    "alembic_version":
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
    "scenario":
        'CREATE TABLE scenario ("key" INTEGER NOT NULL, title TEXT NOT NULL, '
        'summary TEXT NOT NULL, as_of TEXT, CONSTRAINT pk_scenario PRIMARY KEY ("key"))',
    "party":
        "CREATE TABLE party (id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, "
        "role TEXT NOT NULL, color TEXT, CONSTRAINT pk_party PRIMARY KEY (id), "
        "CONSTRAINT uq_party_position UNIQUE (position))",
    "provision":
        "CREATE TABLE provision (id TEXT NOT NULL, position INTEGER NOT NULL, "
        "title TEXT NOT NULL, category TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, "
        "source TEXT NOT NULL, CONSTRAINT pk_provision PRIMARY KEY (id), "
        "CONSTRAINT uq_provision_position UNIQUE (position))",
    "draft":
        "CREATE TABLE draft (id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, "
        "note TEXT NOT NULL, CONSTRAINT pk_draft PRIMARY KEY (id), "
        "CONSTRAINT uq_draft_position UNIQUE (position))",
    "red_line":
        "CREATE TABLE red_line (id TEXT NOT NULL, party_id TEXT NOT NULL, "
        "position INTEGER NOT NULL, title TEXT NOT NULL, rule TEXT NOT NULL, "
        "rationale TEXT NOT NULL, source TEXT NOT NULL, "
        "CONSTRAINT pk_red_line PRIMARY KEY (id), "
        "CONSTRAINT fk_red_line_party_id_party FOREIGN KEY(party_id) REFERENCES party (id), "
        "CONSTRAINT uq_red_line_party_id_position UNIQUE (party_id, position))",
    "preference":
        "CREATE TABLE preference (id TEXT NOT NULL, party_id TEXT NOT NULL, "
        "position INTEGER NOT NULL, title TEXT NOT NULL, rule TEXT NOT NULL, "
        "weight_json TEXT NOT NULL, rationale TEXT NOT NULL, source TEXT NOT NULL, "
        "CONSTRAINT pk_preference PRIMARY KEY (id), "
        "CONSTRAINT fk_preference_party_id_party FOREIGN KEY(party_id) REFERENCES party (id), "
        "CONSTRAINT uq_preference_party_id_position UNIQUE (party_id, position))",
    "provision_party":
        "CREATE TABLE provision_party (provision_id TEXT NOT NULL, direction TEXT NOT NULL, "
        "position INTEGER NOT NULL, party_id TEXT NOT NULL, "
        "CONSTRAINT pk_provision_party PRIMARY KEY (provision_id, direction, position), "
        "CONSTRAINT fk_provision_party_provision_id_provision FOREIGN KEY(provision_id) "
        "REFERENCES provision (id), "
        "CONSTRAINT fk_provision_party_party_id_party FOREIGN KEY(party_id) "
        "REFERENCES party (id))",
    "provision_exclude":
        "CREATE TABLE provision_exclude (provision_id TEXT NOT NULL, position INTEGER NOT NULL, "
        "other_id TEXT NOT NULL, "
        "CONSTRAINT pk_provision_exclude PRIMARY KEY (provision_id, position), "
        "CONSTRAINT fk_provision_exclude_provision_id_provision FOREIGN KEY(provision_id) "
        "REFERENCES provision (id), "
        "CONSTRAINT fk_provision_exclude_other_id_provision FOREIGN KEY(other_id) "
        "REFERENCES provision (id))",
    "param":
        "CREATE TABLE param (provision_id TEXT NOT NULL, position INTEGER NOT NULL, "
        "name TEXT NOT NULL, type TEXT NOT NULL, default_json TEXT NOT NULL, min_json TEXT, "
        "max_json TEXT, choices_json TEXT, unit TEXT, "
        "CONSTRAINT pk_param PRIMARY KEY (provision_id, position), "
        "CONSTRAINT fk_param_provision_id_provision FOREIGN KEY(provision_id) "
        "REFERENCES provision (id))",
    "clause":
        "CREATE TABLE clause (draft_id TEXT NOT NULL, position INTEGER NOT NULL, "
        "provision_id TEXT NOT NULL, phase INTEGER NOT NULL, note TEXT NOT NULL, "
        "values_json TEXT NOT NULL, CONSTRAINT pk_clause PRIMARY KEY (draft_id, position), "
        "CONSTRAINT fk_clause_draft_id_draft FOREIGN KEY(draft_id) REFERENCES draft (id), "
        "CONSTRAINT fk_clause_provision_id_provision FOREIGN KEY(provision_id) "
        "REFERENCES provision (id))",
}

#: Schema 2 (migration 0002) added the checksum column to ``scenario``.
_TABLES_2: dict[str, str] = {
    **_TABLES_1,
    "scenario":
        'CREATE TABLE scenario ("key" INTEGER NOT NULL, title TEXT NOT NULL, '
        'summary TEXT NOT NULL, as_of TEXT, content_digest TEXT, '
        'CONSTRAINT pk_scenario PRIMARY KEY ("key"))',
}

#: Schema 3 (migration 0003) added a param's words of format version 2 to ``param``.
_TABLES_3: dict[str, str] = {
    **_TABLES_2,
    "param":
        "CREATE TABLE param (provision_id TEXT NOT NULL, position INTEGER NOT NULL, "
        "name TEXT NOT NULL, type TEXT NOT NULL, default_json TEXT NOT NULL, min_json TEXT, "
        "max_json TEXT, choices_json TEXT, unit TEXT, label TEXT, step_json TEXT, "
        "true_label TEXT, false_label TEXT, "
        "CONSTRAINT pk_param PRIMARY KEY (provision_id, position), "
        "CONSTRAINT fk_param_provision_id_provision FOREIGN KEY(provision_id) "
        "REFERENCES provision (id))",
}

#: Schema 4 (migration 0004) added sources and briefings of format version 2: the ``source``
#: register, citations (``sources_json``), inferred positions, a draft's date, status and
#: proposers, and the briefing settings (``briefing_json``).
_TABLES_4: dict[str, str] = {
    **_TABLES_3,
    "scenario":
        'CREATE TABLE scenario ("key" INTEGER NOT NULL, title TEXT NOT NULL, '
        'summary TEXT NOT NULL, as_of TEXT, content_digest TEXT, briefing_json TEXT, '
        'CONSTRAINT pk_scenario PRIMARY KEY ("key"))',
    "provision":
        "CREATE TABLE provision (id TEXT NOT NULL, position INTEGER NOT NULL, "
        "title TEXT NOT NULL, category TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, "
        "source TEXT NOT NULL, sources_json TEXT, CONSTRAINT pk_provision PRIMARY KEY (id), "
        "CONSTRAINT uq_provision_position UNIQUE (position))",
    "draft":
        "CREATE TABLE draft (id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, "
        "note TEXT NOT NULL, date TEXT, status TEXT, proposed_by_json TEXT, sources_json TEXT, "
        "CONSTRAINT pk_draft PRIMARY KEY (id), "
        "CONSTRAINT uq_draft_position UNIQUE (position))",
    "red_line":
        "CREATE TABLE red_line (id TEXT NOT NULL, party_id TEXT NOT NULL, "
        "position INTEGER NOT NULL, title TEXT NOT NULL, rule TEXT NOT NULL, "
        "rationale TEXT NOT NULL, source TEXT NOT NULL, sources_json TEXT, inferred INTEGER, "
        "CONSTRAINT pk_red_line PRIMARY KEY (id), "
        "CONSTRAINT fk_red_line_party_id_party FOREIGN KEY(party_id) REFERENCES party (id), "
        "CONSTRAINT uq_red_line_party_id_position UNIQUE (party_id, position))",
    "preference":
        "CREATE TABLE preference (id TEXT NOT NULL, party_id TEXT NOT NULL, "
        "position INTEGER NOT NULL, title TEXT NOT NULL, rule TEXT NOT NULL, "
        "weight_json TEXT NOT NULL, rationale TEXT NOT NULL, source TEXT NOT NULL, "
        "sources_json TEXT, inferred INTEGER, "
        "CONSTRAINT pk_preference PRIMARY KEY (id), "
        "CONSTRAINT fk_preference_party_id_party FOREIGN KEY(party_id) REFERENCES party (id), "
        "CONSTRAINT uq_preference_party_id_position UNIQUE (party_id, position))",
    "source":
        "CREATE TABLE source (id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, "
        "publisher TEXT NOT NULL, date TEXT, url TEXT NOT NULL, "
        "CONSTRAINT pk_source PRIMARY KEY (id), "
        "CONSTRAINT uq_source_position UNIQUE (position))",
}

#: Schema 5 (migration 0005) added the negotiation model of format version 2: costs of
#: change, no-deal levels, stances, confidence and relaxation costs, PA-X codes, open points.
_TABLES_5: dict[str, str] = {
    **_TABLES_4,
    "scenario":
        'CREATE TABLE scenario ("key" INTEGER NOT NULL, title TEXT NOT NULL, '
        'summary TEXT NOT NULL, as_of TEXT, content_digest TEXT, briefing_json TEXT, '
        'costs_json TEXT, CONSTRAINT pk_scenario PRIMARY KEY ("key"))',
    "party":
        "CREATE TABLE party (id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, "
        "role TEXT NOT NULL, color TEXT, no_deal_json TEXT, "
        "CONSTRAINT pk_party PRIMARY KEY (id), "
        "CONSTRAINT uq_party_position UNIQUE (position))",
    "red_line":
        "CREATE TABLE red_line (id TEXT NOT NULL, party_id TEXT NOT NULL, "
        "position INTEGER NOT NULL, title TEXT NOT NULL, rule TEXT NOT NULL, "
        "rationale TEXT NOT NULL, source TEXT NOT NULL, sources_json TEXT, inferred INTEGER, "
        "stance TEXT, confidence_json TEXT, relax_cost_json TEXT, "
        "CONSTRAINT pk_red_line PRIMARY KEY (id), "
        "CONSTRAINT fk_red_line_party_id_party FOREIGN KEY(party_id) REFERENCES party (id), "
        "CONSTRAINT uq_red_line_party_id_position UNIQUE (party_id, position))",
    "provision":
        "CREATE TABLE provision (id TEXT NOT NULL, position INTEGER NOT NULL, "
        "title TEXT NOT NULL, category TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, "
        "source TEXT NOT NULL, sources_json TEXT, pax_json TEXT, "
        "CONSTRAINT pk_provision PRIMARY KEY (id), "
        "CONSTRAINT uq_provision_position UNIQUE (position))",
    "clause":
        "CREATE TABLE clause (draft_id TEXT NOT NULL, position INTEGER NOT NULL, "
        "provision_id TEXT NOT NULL, phase INTEGER NOT NULL, note TEXT NOT NULL, "
        "values_json TEXT NOT NULL, alternatives_json TEXT, "
        "CONSTRAINT pk_clause PRIMARY KEY (draft_id, position), "
        "CONSTRAINT fk_clause_draft_id_draft FOREIGN KEY(draft_id) REFERENCES draft (id), "
        "CONSTRAINT fk_clause_provision_id_provision FOREIGN KEY(provision_id) "
        "REFERENCES provision (id))",
}

#: How many indexes SQLite makes itself (``sqlite_autoindex_<table>_<n>``, no SQL text) for
#: each table's PRIMARY KEY and UNIQUE constraints (of the tables a schema has).
_AUTOINDEXES: dict[str, int] = {
    "alembic_version": 1, "party": 2, "provision": 2, "draft": 2, "red_line": 2,
    "preference": 2, "provision_party": 1, "provision_exclude": 1, "param": 1, "clause": 1,
    "source": 2,
}

#: One row of ``sqlite_master``: (type, tbl_name, sql), by name.
SchemaRow = tuple[str, str, str | None]


def _schema(tables: dict[str, str]) -> dict[str, SchemaRow]:
    rows: dict[str, SchemaRow] = {name: ("table", name, sql) for name, sql in tables.items()}
    for table, count in _AUTOINDEXES.items():
        if table not in tables:
            continue
        for n in range(1, count + 1):
            rows[f"sqlite_autoindex_{table}_{n}"] = ("index", table, None)
    return rows


#: What ``sqlite_master`` holds in a document of each schema number, by object name: exactly
#: what the Alembic migrations up to that schema create (a test proves it). Opening a document
#: compares every table against this before reading a row, so a file cannot slip in a generated
#: column, a CHECK constraint, a default or a changed type that SQLite would evaluate.
DOCUMENT_SCHEMAS: dict[int, dict[str, SchemaRow]] = {
    1: _schema(_TABLES_1), 2: _schema(_TABLES_2), 3: _schema(_TABLES_3),
    4: _schema(_TABLES_4), 5: _schema(_TABLES_5),
}
