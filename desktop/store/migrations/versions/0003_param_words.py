"""Document schema 3: a param's words (format version 2): ``label``, ``step_json``,
``true_label`` and ``false_label`` on ``param``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

All four are nullable: NULL means "not set", which is every param of a document upgraded from
schema 2. Choice labels need no column: ``choices_json`` holds a JSON list whose items are a
bare id or ``{"id": ..., "label": ...}``, as the canonical JSON form writes them. Documents of
schema 2 hold checksums of the format version 1 form; schema 3 ones of the version 2 form.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = ("label", "step_json", "true_label", "false_label")


def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column("param", sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("param") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
