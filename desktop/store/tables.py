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
    #: :func:`desktop.domain.interchange.content_digest` of the scenario as saved (schema 2);
    #: NULL in documents upgraded from schema 1, which had no checksum.
    content_digest: Mapped[str | None]


class PartyRow(Base):
    __tablename__ = "party"
    __table_args__ = (UniqueConstraint("position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    color: Mapped[str | None]


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
    """One param of a provision. JSON text keeps int, float and bool apart; NULL = not set."""

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


class DraftRow(Base):
    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("position"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    title: Mapped[str]
    note: Mapped[str]


class ClauseRow(Base):
    __tablename__ = "clause"
    __table_args__ = (PrimaryKeyConstraint("draft_id", "position"),)

    draft_id: Mapped[str] = mapped_column(ForeignKey("draft.id"))
    position: Mapped[int]
    provision_id: Mapped[str] = mapped_column(ForeignKey("provision.id"))
    phase: Mapped[int]
    note: Mapped[str]
    values_json: Mapped[str]  # JSON object, keys in the clause's order


#: Every table a document may contain: ours, Alembic's version table and SQLite's own.
DOCUMENT_TABLES: frozenset[str] = frozenset(Base.metadata.tables)
ALLOWED_TABLES: frozenset[str] = DOCUMENT_TABLES | {"alembic_version", "sqlite_sequence"}
