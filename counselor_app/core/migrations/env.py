"""Alembic environment for the local store. Always run through ``counselor_app.core.db.migrate``, which hands
us an open connection to the encrypted database."""

from __future__ import annotations

from alembic import context

from counselor_app.core.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through counselor_app.core.db.migrate().")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
context.run_migrations()
