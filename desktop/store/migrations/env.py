"""Alembic environment for ``.accord`` documents.

Accord runs its migrations from code (:func:`desktop.store.document.run_migrations`), on a
connection it passes in ``config.attributes["connection"]``; there is no ``alembic.ini``. Batch
mode is on because SQLite cannot ALTER most things in place.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from desktop.store.tables import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "Accord's migrations run from code on a connection passed in "
        "config.attributes['connection'] (see desktop.store.document.run_migrations)"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
