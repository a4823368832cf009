"""The server's database: one engine per URL, migrations on start, short transactions.

SQLite (the default, one file) gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` for every transaction, so two
request threads never deadlock upgrading a read lock; PostgreSQL (``postgresql+psycopg://``) needs none of that.
Writers number their feed rows under the ``counter`` row's lock, taken at the very end of their transaction (see
``models.FeedEntry`` and ``feed.FeedService._publish_feed``); on PostgreSQL everything before that runs side by
side, guarded by row locks on the records a batch changes and by per-program advisory locks (``lock_pools``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, case, create_engine, event, text, update
from sqlalchemy import types as sa_types
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from counselor_app.agency_server.models import Counter, FeedEntry
from counselor_app.core.store import READ_ONLY_OPTION, Store

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "agency_alembic_version"
ENV_DATABASE_URL = "COUNSELOR_AGENCY_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///agency-server.db"


def resolve_database_url(cli_value: str | None) -> str:
    """The ``--database-url`` flag, then ``$COUNSELOR_AGENCY_DATABASE_URL``, then ``agency-server.db`` here."""
    return cli_value or os.environ.get(ENV_DATABASE_URL) or DEFAULT_DATABASE_URL


def describe_url(url: str) -> str:
    """The URL with any password masked, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def create_server_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "isolation_level": None,
                                                  "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # Planner statistics for a long-lived connection (sqlite.org/lang_analyze.html#req): analyze what
            # needs it, bounded in time, so the feed and rule queries keep choosing their indexes as tables grow.
            cur.execute("PRAGMA optimize=0x10002")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # Writers take the lock up front; readers share the WAL snapshot and never wait for a writer.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY_OPTION) else "BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=8, max_overflow=8)


_MIGRATION_LOCK = 0x636F756E73656C  # any constant: one migrator at a time over one PostgreSQL database


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already)."""
    if current_revision(engine) == head_revision():
        return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Several workers (or hosts) starting at once: the first migrates, the others wait and find it done.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class ServerStore(Store):
    """The engine plus units of work (the desk's ``Store``, over the server's database); the API, the CLI and
    the tests all go through this."""

    def __init__(self, url: str, *, run_migrations: bool = True) -> None:
        self.url = url
        engine = create_server_engine(url)
        if run_migrations:
            migrate(engine)
        super().__init__(engine, path=None)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # The server's name for a write unit of work.
    session = Store.write

    def ping(self) -> None:
        """One round trip to the database; raises SQLAlchemy's ``OperationalError`` when it is unreachable."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def refresh_statistics(self) -> None:
        """Keep the query planner's statistics current (run now and then by the server, and after migrations):
        ``PRAGMA optimize`` on SQLite (``ANALYZE`` of the tables whose size changed a lot), ``ANALYZE`` of the
        busy tables on PostgreSQL (autovacuum does it too; this covers a freshly loaded database)."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA optimize")
            else:
                conn.execute(text("ANALYZE server_record, change_log, license, feed_entry, device_block"))
            conn.commit()


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock`` (the same in every process and host)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def lock_pools(session: Session, program_ids: list[str] | set[str], *, exclusive: bool) -> None:
    """Take each program's pool lock until the transaction ends (PostgreSQL; SQLite has one writer anyway).

    Batches that write licenses hold it shared, so they run side by side; a block reservation or a pool change
    holds it exclusively, so it counts issued licenses and outstanding blocks with no batch half-way through.
    Always taken in sorted order and before any block row, so two transactions cannot wait on each other."""
    if session.get_bind().dialect.name != "postgresql" or not program_ids:
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    for program_id in sorted(set(program_ids)):
        session.execute(text(f"SELECT {function}(:key)"), {"key": advisory_key(f"license_pool:{program_id}")})


def claim_feed_numbers(session: Session, count: int) -> int:
    """Take the feed counter's row lock for the rest of the transaction and add ``count`` to it, in one statement;
    returns the new value (the transaction's feed rows are numbered ``value - count + 1 .. value``)."""
    # Never below the clock (microseconds since 1970): a server restored from an older backup then numbers its
    # new entries past every cursor it gave out before the restore, so no device skips them (issue 11).
    floor = time.time_ns() // 1000
    claim = (update(Counter).where(Counter.name == "feed")
             .values(value=case((Counter.value > floor, Counter.value), else_=floor) + count)
             .returning(Counter.value))
    value = session.execute(claim).scalar()
    if value is None:  # a new database: make the row (whoever comes first), then claim as usual
        dialect_insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(dialect_insert(Counter).values(name="feed", value=0).on_conflict_do_nothing())
        value = session.execute(claim).scalar()
    if value is None:
        raise RuntimeError("The feed counter could not be claimed.")
    return int(value)


def upsert_feed_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write feed rows, replacing the row of the same (kind, key): one statement for all of them."""
    insert_rows(session, FeedEntry.__table__, rows, conflict=("kind", "key"),
                update=("seq", "center_id", "origin_device", "only_device", "data"))


_UNNEST_SQL: dict[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], Any] = {}


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]], *, conflict: tuple[str, ...] = (),
                update: tuple[str, ...] = ()) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in one statement; with ``conflict`` and
    ``update``, a row whose ``conflict`` key exists replaces those columns instead.

    On PostgreSQL the statement is ``INSERT ... SELECT FROM unnest(array, array, ...)``: one parameter per column
    whatever the number of rows, so its text is the same for every batch and the server prepares it once,
    where an executemany runs one INSERT per row and a multi-row VALUES list is a new statement for every row
    count. Elsewhere (SQLite) it is an executemany, which the driver runs in C."""
    if not rows:
        return
    columns = tuple(rows[0])
    if session.get_bind().dialect.name != "postgresql":
        statement: Any = sqlite_insert(table)
        if conflict:
            statement = statement.on_conflict_do_update(
                index_elements=list(conflict), set_={name: statement.excluded[name] for name in update})
        session.execute(statement, rows)
        return
    key = (table.name, columns, conflict, update)
    sql = _UNNEST_SQL.get(key)
    if sql is None:
        from sqlalchemy.dialects import postgresql

        dialect = postgresql.dialect()
        casts = ", ".join(f"u.{name}::{table.c[name].type.compile(dialect=dialect)}" for name in columns)
        arrays = ", ".join(f"CAST(:{name} AS text[])" for name in columns)
        text_sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) SELECT {casts} FROM unnest({arrays}) "
                    f"AS u({', '.join(columns)})")
        if conflict:
            text_sql += (f" ON CONFLICT ({', '.join(conflict)}) DO UPDATE SET "
                         + ", ".join(f"{name} = EXCLUDED.{name}" for name in update))
        sql = _UNNEST_SQL[key] = text(text_sql)
    params = {}
    for name in columns:
        values = [row[name] for row in rows]
        convert = _TEXT_OF.get(table.c[name].type._type_affinity)  # noqa: SLF001 (SQLAlchemy's type family)
        params[name] = values if convert is None else [None if v is None else convert(v) for v in values]
    session.execute(sql, params)


# How ``insert_rows`` spells a value of each column type as text (strings go as they are; dicts and lists as JSON).
_TEXT_OF: dict[Any, Any] = {sa_types.JSON: json.dumps, sa_types.Boolean: lambda v: "true" if v else "false",
                            sa_types.DateTime: lambda v: v.isoformat(), sa_types.Date: lambda v: v.isoformat(),
                            sa_types.Integer: str, sa_types.BigInteger: str}
