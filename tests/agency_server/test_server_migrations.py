"""The server's Alembic migrations build exactly the schema its models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from counselor_app.agency_server.db import (
    VERSION_TABLE,
    ServerStore,
    alembic_config,
    current_revision,
    head_revision,
)
from counselor_app.agency_server.models import Base


def test_migrations_match_the_models_and_run_both_ways(database_url: str) -> None:
    store = ServerStore(database_url)
    try:
        assert current_revision(store.engine) == head_revision() == "i18_batch_indexes"
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE, "compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        ServerStore(database_url).close()  # opening again is a no-op, not a second upgrade
        with store.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        tables = set(inspect(store.engine).get_table_names())
        assert tables <= {VERSION_TABLE}
    finally:
        store.close()
