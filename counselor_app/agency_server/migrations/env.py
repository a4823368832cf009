"""Alembic environment of the reference server (its own migrations, its own version table).

``counselor_app.agency_server.db.migrate`` hands us an open connection. For writing a new revision by hand,
``COUNSELOR_AGENCY_DATABASE_URL=sqlite:///scratch.db alembic -x ... revision --autogenerate`` also works: then we
open the URL ourselves.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from counselor_app.agency_server.db import VERSION_TABLE, create_server_engine, resolve_database_url
from counselor_app.agency_server.models import Base

connection = context.config.attributes.get("connection")


def _run(conn: Any) -> None:
    context.configure(connection=conn, target_metadata=Base.metadata, version_table=VERSION_TABLE,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    engine = create_server_engine(resolve_database_url(None))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
