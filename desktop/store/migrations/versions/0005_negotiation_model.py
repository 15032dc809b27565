"""Document schema 5: the negotiation model of format version 2: open points, stances,
no-deal levels, costs of change and PA-X codes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Every new column is nullable and NULL means the field's default: a settled clause (no
alternatives), an assessed red line that is certainly binding with the derived relaxation
cost, no no-deal level, the default costs, no PA-X codes. That is every row of a document
upgraded from schema 4. Numbers are JSON (``confidence_json``, ``relax_cost_json``,
``no_deal_json``) so an int stays an int; lists and objects are JSON in the canonical form
the interchange format writes (``pax_json``, ``alternatives_json``, ``costs_json``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

#: New columns, by table, in the order they are added: all TEXT.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "scenario": ("costs_json",),
    "party": ("no_deal_json",),
    "red_line": ("stance", "confidence_json", "relax_cost_json"),
    "provision": ("pax_json",),
    "clause": ("alternatives_json",),
}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        for name in columns:
            op.add_column(table, sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    for table, columns in reversed(_COLUMNS.items()):
        with op.batch_alter_table(table) as batch:
            for name in reversed(columns):
                batch.drop_column(name)
