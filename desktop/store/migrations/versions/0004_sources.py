"""Document schema 4: sources and briefings (format version 2): the ``source`` register, the
citations of provisions, red lines, preferences and drafts, inferred positions, a draft's date,
status and proposers, and the briefing settings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Every new column is nullable and NULL means the field's default (no citations, not inferred,
no date, no status, no proposers, no briefing settings): every row of a document upgraded from
schema 3. Lists of ids are JSON lists of text (``sources_json``, ``proposed_by_json``), as
clause values are JSON; ``inferred`` is 1 or NULL; ``briefing_json`` is a JSON object with the
keys ``to``, ``from``, ``subject`` and ``marking``. Schema 3 and 4 documents both hold
checksums of the format version 2 form, which leaves every default out.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

#: New columns, by table, in the order they are added: all TEXT but ``inferred``.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "scenario": ("briefing_json",),
    "red_line": ("sources_json", "inferred"),
    "preference": ("sources_json", "inferred"),
    "provision": ("sources_json",),
    "draft": ("date", "status", "proposed_by_json", "sources_json"),
}


def _column(name: str) -> sa.Column[object]:
    kind = sa.Integer() if name == "inferred" else sa.Text()
    return sa.Column(name, kind, nullable=True)


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_source"),
        sa.UniqueConstraint("position", name="uq_source_position"),
    )
    for table, columns in _COLUMNS.items():
        for name in columns:
            op.add_column(table, _column(name))


def downgrade() -> None:
    for table, columns in reversed(_COLUMNS.items()):
        with op.batch_alter_table(table) as batch:
            for name in reversed(columns):
                batch.drop_column(name)
    op.drop_table("source")
