"""Document schema 1: a scenario with parties, provisions, params and drafts.

Revision ID: 0001
Revises:
Create Date: 2025-11-25

Written out in full (not imported from ``desktop.store.tables``) so that this revision keeps
meaning what it meant when later schemas change; a test checks it equals the ORM metadata.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "scenario",
        sa.Column("key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_scenario"),
    )
    op.create_table(
        "party",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("color", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_party"),
        sa.UniqueConstraint("position", name="uq_party_position"),
    )
    op.create_table(
        "provision",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_provision"),
        sa.UniqueConstraint("position", name="uq_provision_position"),
    )
    op.create_table(
        "draft",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_draft"),
        sa.UniqueConstraint("position", name="uq_draft_position"),
    )
    for rules in ("red_line", "preference"):
        weight = (
            [sa.Column("weight_json", sa.Text(), nullable=False)] if rules == "preference" else []
        )
        op.create_table(
            rules,
            sa.Column("id", sa.Text(), nullable=False),
            sa.Column("party_id", sa.Text(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("rule", sa.Text(), nullable=False),
            *weight,
            sa.Column("rationale", sa.Text(), nullable=False),
            sa.Column("source", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=f"fk_{rules}_party_id_party"),
            sa.PrimaryKeyConstraint("id", name=f"pk_{rules}"),
            sa.UniqueConstraint("party_id", "position", name=f"uq_{rules}_party_id_position"),
        )
    op.create_table(
        "provision_party",
        sa.Column("provision_id", sa.Text(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provision.id"], name="fk_provision_party_provision_id_provision"
        ),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name="fk_provision_party_party_id_party"
        ),
        sa.PrimaryKeyConstraint("provision_id", "direction", "position", name="pk_provision_party"),
    )
    op.create_table(
        "provision_exclude",
        sa.Column("provision_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provision.id"], name="fk_provision_exclude_provision_id_provision"
        ),
        sa.ForeignKeyConstraint(
            ["other_id"], ["provision.id"], name="fk_provision_exclude_other_id_provision"
        ),
        sa.PrimaryKeyConstraint("provision_id", "position", name="pk_provision_exclude"),
    )
    op.create_table(
        "param",
        sa.Column("provision_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("default_json", sa.Text(), nullable=False),
        sa.Column("min_json", sa.Text(), nullable=True),
        sa.Column("max_json", sa.Text(), nullable=True),
        sa.Column("choices_json", sa.Text(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provision.id"], name="fk_param_provision_id_provision"
        ),
        sa.PrimaryKeyConstraint("provision_id", "position", name="pk_param"),
    )
    op.create_table(
        "clause",
        sa.Column("draft_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("provision_id", sa.Text(), nullable=False),
        sa.Column("phase", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name="fk_clause_draft_id_draft"),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provision.id"], name="fk_clause_provision_id_provision"
        ),
        sa.PrimaryKeyConstraint("draft_id", "position", name="pk_clause"),
    )


def downgrade() -> None:
    for table in ("clause", "param", "provision_exclude", "provision_party", "preference",
                  "red_line", "draft", "provision", "party", "scenario"):
        op.drop_table(table)
