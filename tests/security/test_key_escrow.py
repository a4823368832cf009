"""Key escrow end to end: a desk whose keyring entry was deleted is opened with the agency's recovery key and its
queue drains to the real server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counselor_app.cli import main as cli_main
from counselor_app.core import keystore, open_desk
from counselor_app.core.key_escrow import (
    DatabaseKeyLost,
    RecoveryKeyError,
    escrow_path,
    generate_recovery_key_pair,
    unseal,
)
from tests.sync.sync_support import MA_DAY, Agency, DeskFactory, queued_change_ids, register_many, signed_in


@pytest.fixture(scope="module")
def recovery_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("agency-it")
    private, public = folder / "recovery-private.pem", folder / "recovery-public.pem"
    generate_recovery_key_pair(private, public, bits=3072)
    return private, public


def _deploy_public_key(folder: Path, public: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "recovery-public-key.pem").write_bytes(public.read_bytes())


def test_lost_keyring_entry_recovered_and_queue_drains(agency: Agency, make_desk: DeskFactory, tmp_path: Path,
                                                         recovery_pair: tuple[Path, Path], memory_keyring,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    private, public = recovery_pair
    folder = tmp_path / "desk-field"
    _deploy_public_key(folder, public)
    desk = signed_in(make_desk("field"), agency.url, "dana")
    db_path = desk.store.path
    assert db_path is not None and escrow_path(db_path).exists()
    body = json.loads(escrow_path(db_path).read_text())
    assert body["algorithm"] == "RSA-OAEP-SHA256"
    key_name = keystore.database_key_name(f"{folder}:ma")
    original_key = keystore.get_secret(key_name)
    assert original_key and original_key not in escrow_path(db_path).read_text()
    ids = register_many(desk, 7, prefix="esc")
    expected = queued_change_ids(desk)
    desk.close()

    # The keyring entry is lost (profile reset): the desk refuses to open and says how IT recovers it.
    keystore.delete_secret(key_name)
    with pytest.raises(DatabaseKeyLost, match="recover-key"):
        open_desk(data_dir=folder, agency="ma", today=MA_DAY)
    assert db_path.exists(), "a lost key must never make the desk start over on an empty database"

    # IT recovers with the private key and sends the queue in one command.
    rc = cli_main(["--data-dir", str(folder), "recover-key", "--private-key", str(private), "--sync"])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "7 changes wait" in out and "Everything is on the agency server" in out
    assert keystore.get_secret(key_name) == original_key
    for seeker_id in ids:
        assert agency.record("job_seeker", seeker_id) is not None
    assert set(agency.applied_change_ids()) >= expected
    with open_desk(data_dir=folder, agency="ma", today=MA_DAY) as reopened:
        assert reopened.status()["outbox"]["queued"] == 0


def test_wrong_private_key_is_refused(tmp_path: Path, configured_data_dir: Path,
                                      recovery_pair: tuple[Path, Path]) -> None:
    _private, public = recovery_pair
    _deploy_public_key(configured_data_dir, public)
    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        db_path = desk.store.path
    other_private, other_public = tmp_path / "other.pem", tmp_path / "other.pub"
    generate_recovery_key_pair(other_private, other_public, bits=3072)
    with pytest.raises(RecoveryKeyError, match="not the recovery key"):
        unseal(db_path, other_private.read_bytes())


def test_no_recovery_key_means_no_escrow_and_the_old_message(configured_data_dir: Path) -> None:
    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        db_path = desk.store.path
    assert not escrow_path(db_path).exists()
    keystore.delete_secret(keystore.database_key_name(f"{configured_data_dir}:ma"))
    with pytest.raises(Exception, match="not in this computer's keyring") as info:
        open_desk(data_dir=configured_data_dir, agency="ma")
    assert not isinstance(info.value, DatabaseKeyLost)


def test_new_recovery_key_reseals_and_short_keys_are_refused(tmp_path: Path, configured_data_dir: Path,
                                                             recovery_pair: tuple[Path, Path]) -> None:
    private, public = recovery_pair
    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        db_path = desk.store.path
    assert not escrow_path(db_path).exists()
    # IT deploys the public key later: the next start seals the existing key.
    _deploy_public_key(configured_data_dir, public)
    open_desk(data_dir=configured_data_dir, agency="ma").close()
    key = keystore.get_secret(keystore.database_key_name(f"{configured_data_dir}:ma"))
    assert unseal(db_path, private.read_bytes()) == key
    with pytest.raises(RecoveryKeyError, match="at least 3072"):
        generate_recovery_key_pair(tmp_path / "weak.pem", tmp_path / "weak.pub", bits=2048)


def test_passphrase_protected_private_key(tmp_path: Path, configured_data_dir: Path) -> None:
    private, public = tmp_path / "p.pem", tmp_path / "p.pub"
    generate_recovery_key_pair(private, public, bits=3072, passphrase=b"long agency passphrase")
    assert (private.stat().st_mode & 0o777) == 0o600
    _deploy_public_key(configured_data_dir, public)
    with open_desk(data_dir=configured_data_dir, agency="ma") as desk:
        db_path = desk.store.path
    with pytest.raises(RecoveryKeyError, match="passphrase"):
        unseal(db_path, private.read_bytes())
    assert len(unseal(db_path, private.read_bytes(), password=b"long agency passphrase")) == 64
