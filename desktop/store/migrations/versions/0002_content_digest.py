"""Document schema 2: a checksum of the whole scenario in ``scenario.content_digest``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

SQLite's ``quick_check`` proves the file's structure, not its text: a flipped byte inside a
title or a rule passes it. The digest (SHA-256 of the canonical JSON form) catches that. Files
upgraded from schema 1 get NULL, meaning "no checksum recorded".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("scenario", sa.Column("content_digest", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scenario") as batch:
        batch.drop_column("content_digest")
