"""Opening the encrypted local store: SQLCipher, pragmas, migrations.

The database is encrypted with a random 256-bit key held in the keyring. We pass it as a raw key
(``x'…'``) so opening skips SQLCipher's passphrase KDF: the key is already random, and a KDF per connection
would cost a counselor a visible pause on every start.
"""

from __future__ import annotations

import ast
import functools
import logging
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from counselor_app.core.errors import StoreError
from counselor_app.core.messages import Message
from counselor_app.core.name_keys import register_sql_functions
from counselor_app.core.store import READ_ONLY_OPTION
from counselor_app.core.store import Store as Store  # importable from here as before

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Page cache per connection, in KiB. SQLCipher decrypts and checks every page it reads from the file, so pages
# kept decrypted in the cache are what makes search-as-you-type and the duplicate check fast over 100,000
# people (the default here is 8 MB). Memory grows only with the pages actually read.
CACHE_KIB = 32 * 1024
ERASED_MARKER = "DEVICE_ERASED.json"  # core.device_wipe.MARKER_FILE


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(_alembic_config()).get_heads())


@functools.cache
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """``revision -> down revisions``, read from the ``revision =`` / ``down_revision =`` lines of the migration
    files without importing Alembic (about 0.15 s of every start when there is nothing to migrate)."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, Any] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(value)
        revision = values.get("revision")
        if not isinstance(revision, str):
            continue
        down = values.get("down_revision")
        graph[revision] = (down,) if isinstance(down, str) else tuple(down or ())
    return graph


def _quick_head_revisions() -> set[str]:
    graph = _revision_graph()
    referenced = {down for downs in graph.values() for down in downs}
    return set(graph) - referenced


def _quick_current_revisions(engine: Engine) -> set[str]:
    """The ``alembic_version`` rows with one plain query (empty for a new database)."""
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
        if exists is None:
            return set()
        return {str(row[0]) for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def create_store_engine(path: Path, *, key_hex: str | None, pool_size: int = 4) -> Engine:
    """An engine for ``path``; ``key_hex=None`` opens plain SQLite (used only to compare speed in benchmarks)."""
    if key_hex is not None and (len(key_hex) != 64 or any(c not in "0123456789abcdef" for c in key_hex)):
        raise StoreError(Message("db.database_key_malformed", "The database key is malformed."))
    dbapi: Any
    if key_hex is None:
        import sqlite3 as dbapi
    else:
        dbapi = sqlcipher3.dbapi2

    def connect() -> Any:
        if (path.parent / ERASED_MARKER).exists():
            # Never re-create a database a lost or retired desk has just erased (core.device_wipe).
            raise StoreError(Message(
                    "db.data_folder_erased",
                    "This data folder was erased; its database cannot be opened."))
        conn = dbapi.connect(str(path), check_same_thread=False, isolation_level=None)
        if key_hex is not None:
            conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        return conn

    engine = create_engine("sqlite://", creator=connect, module=dbapi, poolclass=QueuePool,
                           pool_size=pool_size, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            # Fails here, not later, when the key is wrong or the file is not a database.
            cur.execute("SELECT count(*) FROM sqlite_master")
        except Exception as exc:  # noqa: BLE001 - the driver's error types vary
            raise StoreError(
                Message(
                    "db.local_database_could",
                    "The local database could not be opened: the file is damaged or was encrypted with a "
                    "different key (for example, copied from another computer).")) from exc
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # a committed issuance must survive a power cut
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute(f"PRAGMA cache_size=-{int(CACHE_KIB)}")
        cur.close()
        register_sql_functions(dbapi_conn)  # called by the job_seeker_name_key triggers (core/name_keys.py)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writes take the lock up front so read-then-write never dies with SQLITE_BUSY halfway.
        if conn.get_execution_options().get(READ_ONLY_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the main file (outside any transaction, where SQLite allows it)."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def backup_file(path: Path, backups_dir: Path, engine: Engine) -> Path:
    """Copy the (still encrypted) database aside, after folding the WAL into it."""
    checkpoint(engine)
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{path.stem}-before-migration-{stamp}.db"
    shutil.copy2(path, target)
    return target


def migrate(engine: Engine, *, path: Path, backups_dir: Path) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup made, if any.

    The common case, a database already at the newest revision, is decided without importing Alembic."""
    quick_heads = _quick_head_revisions()
    if quick_heads and _quick_current_revisions(engine) == quick_heads:
        return None
    from alembic import command

    heads = head_revisions()
    current = current_revisions(engine)
    if current == heads:
        return None
    backup = None
    if current and path.exists():
        backup = backup_file(path, backups_dir, engine)
        log.info("Backed up the database before migrating to %s", backup.name)
    unknown = current - _all_revisions()
    if unknown:
        raise StoreError(Message(
                "db.database_written_newer",
                "This database was written by a newer version of Counselor Desk. Install the newer "
                "version to open it."))
    cfg = _alembic_config()
    with engine.connect() as conn:
        # Batch migrations rebuild tables; foreign keys must be off outside the transaction for that.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()
    return backup


def _all_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
