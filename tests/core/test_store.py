from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from counselor_app.core import KeyringUnavailableError, StoreError, open_desk
from counselor_app.core.db import checkpoint, create_store_engine, current_revisions, head_revisions, migrate
from counselor_app.core.paths import ENV_DATA_DIR, DataPaths, resolve_data_dir
from counselor_app.core.settings import Settings

PERSON = {"first_name": "Zbigniewa", "last_name": "Quixotesworth", "email": "zq.unique.person@example.org",
          "phone": "(413) 867-5309", "zip_code": "01103"}


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*.db*") if p.is_file())


def test_pii_never_appears_in_the_database_files(configured_data_dir: Path) -> None:
    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        desk.job_seekers.register(PERSON)
        wal = desk.store.path.with_name(desk.store.path.name + "-wal")
        # Check while the WAL still holds the write, then again after a checkpoint folds it into the file.
        assert wal.exists() and wal.stat().st_size > 0
        blob = _all_bytes(configured_data_dir)
        checkpoint(desk.store.engine)
    blob += _all_bytes(configured_data_dir)
    for secret in ("Zbigniewa", "Quixotesworth", "zq.unique.person", "4138675309", "867-5309"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in blob, secret
    # Plain SQLite cannot read it at all.
    db = next(configured_data_dir.glob("*.db"))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT * FROM sqlite_master").fetchall()


def test_key_lives_only_in_the_keyring(configured_data_dir: Path, memory_keyring) -> None:
    with open_desk(data_dir=configured_data_dir, agency="ma"):
        pass
    keys = [v for (service, name), v in memory_keyring.secrets.items() if name.startswith("db-key:")]
    assert len(keys) == 1 and len(keys[0]) == 64
    for path in configured_data_dir.rglob("*"):
        if path.is_file():
            assert keys[0].encode() not in path.read_bytes()
            assert bytes.fromhex(keys[0]) not in path.read_bytes()


def test_no_keyring_stops_with_instructions_and_writes_no_plaintext(configured_data_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailableError) as err:
        open_desk(data_dir=configured_data_dir, agency="ma")
    message = str(err.value)
    assert "PYTHON_KEYRING_BACKEND" in message and "keyrings.alt" in message
    assert "unencrypted" in message
    assert not list(configured_data_dir.glob("*.db"))


def test_a_lost_key_is_explained_not_a_traceback(configured_data_dir: Path, memory_keyring) -> None:
    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        desk.job_seekers.register(PERSON)
    memory_keyring.secrets.clear()
    with pytest.raises(KeyringUnavailableError, match="copied from another computer"):
        open_desk(data_dir=configured_data_dir, agency="ma")


def test_a_wrong_key_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    engine = create_store_engine(path, key_hex="a" * 64)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    engine.dispose()
    other = create_store_engine(path, key_hex="b" * 64)
    with pytest.raises(StoreError, match="different key"):
        with other.connect():
            pass
    other.dispose()
    with pytest.raises(StoreError, match="malformed"):
        create_store_engine(path, key_hex="not-hex")


def test_store_pragmas(desk) -> None:
    with desk.store.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert current_revisions(desk.store.engine) == head_revisions()


def test_one_database_per_agency_profile(configured_data_dir: Path) -> None:
    with open_desk(data_dir=configured_data_dir, agency="ma") as ma:
        ma.job_seekers.register(PERSON)
    with open_desk(data_dir=configured_data_dir, agency="ny") as ny:
        assert ny.job_seekers.count() == 0
    assert sorted(p.name for p in configured_data_dir.glob("*.db")) == [
        "counselor-desk-ma.db", "counselor-desk-ny.db"]


def test_newer_schema_is_refused(desk) -> None:
    with desk.store.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    with pytest.raises(StoreError, match="newer version"):
        migrate(desk.store.engine, path=desk.store.path, backups_dir=desk.paths.backups_dir)


# Databases written by each released schema, with the (test-only) key they were encrypted with.
RELEASED_STORES = [("store-0001.db", "5eed" * 16)]


@pytest.mark.parametrize("name, key", RELEASED_STORES)
def test_databases_of_every_released_schema_open_and_keep_their_data(tmp_path: Path, name: str, key: str) -> None:
    """Opening an older database migrates it to the newest schema, backs it up first when there is anything to
    migrate, and keeps every record, its search index and its queued changes."""
    path = tmp_path / name
    shutil.copy(Path(__file__).with_name("data") / name, path)
    engine = create_store_engine(path, key_hex=key)
    needs_migration = current_revisions(engine) != head_revisions()
    backup = migrate(engine, path=path, backups_dir=tmp_path / "backups")
    assert (backup is not None) == needs_migration
    if backup is not None:
        assert backup.exists() and backup.read_bytes()[:16] != b"SQLite format 3\x00"  # still encrypted
    assert current_revisions(engine) == head_revisions()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT first_name FROM job_seeker WHERE id = 'js-1'").scalar() == "Ana"
        assert conn.exec_driver_sql("SELECT count(*) FROM job_seeker_fts WHERE job_seeker_fts MATCH 'souza'"
                                    ).scalar() == 1
        assert conn.exec_driver_sql("SELECT status FROM license_issuance WHERE id = 'li-1'").scalar() == "issued"
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox WHERE status = 'queued'").scalar() == 1
    engine.dispose()


def test_data_dir_resolution_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir(tmp_path / "from-flag") == (tmp_path / "from-flag").resolve()
    assert resolve_data_dir(None) == (tmp_path / "from-env").resolve()
    monkeypatch.delenv(ENV_DATA_DIR)
    assert "CounselorDesk" in str(resolve_data_dir(None))
    with pytest.raises(ValueError):
        DataPaths(tmp_path).database("../etc")


def test_settings_survive_damage_and_save_atomically(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(center_name="Lowell", counselor_name="Mei Chen")
    s.save(path)
    loaded = Settings.load(path)
    assert loaded.center_name == "Lowell" and loaded.device_id == s.device_id and loaded.configured
    path.write_text("{broken")
    damaged = Settings.load(path)
    assert damaged.center_name == "" and not damaged.configured
    assert not list(tmp_path.glob(".settings-*"))


def test_quick_revision_reading_agrees_with_alembic(desk) -> None:
    """Start-up reads revisions without importing alembic; it must give alembic's own answers."""
    from counselor_app.core.db import _quick_current_revisions, _quick_head_revisions

    assert _quick_head_revisions() == head_revisions()
    assert _quick_current_revisions(desk.store.engine) == current_revisions(desk.store.engine)
