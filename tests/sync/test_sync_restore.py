"""A server restored from an older copy of its database (issue 11), desks and the real server on loopback.

Every desk notices the restore on its next sync, whatever order anyone's writes reach the restored server in (the
mark each desk leaves at the end of a sync is gone), and reconciles by itself. Its repairs never overwrite what
someone else wrote on the restored server: a real divergence waits as an ordinary conflict, identical content
converges silently, and a copy nobody wrote since is simply replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

from counselor_app.agency_server.app import create_app
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.runner import ServerThread
from counselor_app.core.models import JobSeeker
from counselor_app.core.vocabulary import OutboxState
from counselor_app.sync import outbox
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import Agency, DeskFactory, signed_in


def _register(desk, first: str) -> str:  # type: ignore[no-untyped-def]
    return desk.job_seekers.register({"first_name": first, "last_name": "Restore",
                                      "email": f"{first.lower()}@example.org"}, confirmed_not_duplicate=True).record.id


def _back_up(agency: Agency, backup: Path) -> None:
    agency.store.engine.dispose()
    shutil.copyfile(Path(str(agency.store.engine.url.database)), backup)


def _restore(agency: Agency, backup: Path) -> None:
    db_file = Path(str(agency.store.engine.url.database))
    agency.thread.stop()
    agency.store.close()
    for suffix in ("", "-wal", "-shm"):  # a new file: no connection left open reads the newer data
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, db_file)
    store = ServerStore(f"sqlite:///{db_file}")
    app = create_app(store)
    agency.store, agency.service = store, app.state.service
    agency.thread = ServerThread(app, port=agency.thread.port)
    agency.thread.start()


def _local(desk, seeker_id: str) -> JobSeeker:  # type: ignore[no-untyped-def]
    with desk.store.read() as session:
        row = session.get(JobSeeker, seeker_id)
        assert row is not None
        return row


def _two_desks(agency: Agency, make_desk: DeskFactory):  # type: ignore[no-untyped-def]
    agency.add_user("lee")
    return signed_in(make_desk("ana"), agency.url, "dana"), signed_in(make_desk("lee"), agency.url, "lee")


def test_every_desk_notices_a_restore_even_when_others_wrote_first(agency: Agency, make_desk: DeskFactory,
                                                                    tmp_path: Path) -> None:
    ana, lee = _two_desks(agency, make_desk)
    _register(ana, "Early")
    assert sync_once(ana).complete and sync_once(lee).complete
    _back_up(agency, tmp_path / "backup.db")
    late = _register(ana, "Late")
    assert sync_once(ana).complete
    _restore(agency, tmp_path / "backup.db")
    assert agency.record("job_seeker", late) is None
    # Someone writes before Ana's desk pulls: the feed's numbers move past her cursor, so the cursor alone would
    # not tell her anything was lost. (Lee's desk last synced before the backup: it lost nothing, and sees that.)
    _register(lee, "Meanwhile")
    report = sync_once(lee)
    assert report.complete and report.reconciled is None, report.summary()
    report = sync_once(ana)  # an ordinary sync, nobody asked for a reconcile
    assert report.complete, report.summary()
    assert report.reconciled is not None and report.resent >= 1
    assert agency.record("job_seeker", late) is not None
    # Once compared, the next sync does not compare again.
    assert sync_once(ana).reconciled is None


def test_a_repair_never_overwrites_an_edit_made_on_the_restored_server(agency: Agency, make_desk: DeskFactory,
                                                                        tmp_path: Path) -> None:
    ana, lee = _two_desks(agency, make_desk)
    person = _register(ana, "Shared")
    assert sync_once(ana).complete and sync_once(lee).complete
    _back_up(agency, tmp_path / "backup.db")
    ana.job_seekers.update(person, {"phone": "6175550101"})
    assert sync_once(ana).complete  # Ana's edit reached the server: version 2
    _restore(agency, tmp_path / "backup.db")  # ...and was lost with the restore
    lee.job_seekers.update(person, {"zip_code": "02119"})
    assert sync_once(lee).complete  # Lee's edit: also version 2 on the restored server, other content
    record = agency.record("job_seeker", person)
    assert record is not None and record.version == 2 and record.data["zip_code"] == "02119"

    report = sync_once(ana)
    assert report.diverged == 1 and report.conflict_total == 1, report.summary()
    record = agency.record("job_seeker", person)
    assert record is not None and record.data["zip_code"] == "02119" and record.data.get("phone") != "6175550101"
    # The counselor sees both versions and keeps her phone and Lee's zip code.
    conflict = next(i for i in outbox.list_entries(ana) if i.status == OutboxState.CONFLICT)
    view = outbox.conflict_view(ana, conflict.seq)
    assert {f.field for f in view.differing} >= {"phone", "zip_code"}
    outbox.resolve_conflict(ana, conflict.seq, {"phone": "mine", "zip_code": "theirs"})
    assert sync_once(ana).complete and sync_once(lee).complete
    record = agency.record("job_seeker", person)
    assert record is not None
    assert (record.data["phone"], record.data["zip_code"]) == ("6175550101", "02119")
    for desk in (ana, lee):
        row = _local(desk, person)
        assert (row.phone, row.zip_code, row.version) == ("6175550101", "02119", record.version)


def test_an_edit_waiting_on_a_desk_is_not_applied_over_a_restored_servers_new_version(
        agency: Agency, make_desk: DeskFactory, tmp_path: Path) -> None:
    ana, lee = _two_desks(agency, make_desk)
    person = _register(ana, "Waiting")
    assert sync_once(ana).complete and sync_once(lee).complete
    _back_up(agency, tmp_path / "backup.db")
    ana.job_seekers.update(person, {"phone": "6175550102"})
    assert sync_once(ana).complete
    _restore(agency, tmp_path / "backup.db")
    lee.job_seekers.update(person, {"zip_code": "02125"})
    assert sync_once(lee).complete
    # Ana edits again before her next sync: her change is made on her version 2, the server's version 2 is Lee's.
    ana.job_seekers.update(person, {"weekly_hours": 10.0})
    report = sync_once(ana)
    assert report.conflict_total == 1, report.summary()
    record = agency.record("job_seeker", person)
    assert record is not None and record.data["zip_code"] == "02125" and record.version == 2
    conflict = next(i for i in outbox.list_entries(ana) if i.status == OutboxState.CONFLICT)
    outbox.resolve_conflict(ana, conflict.seq, {"zip_code": "theirs"})
    assert sync_once(ana).complete and sync_once(lee).complete
    record = agency.record("job_seeker", person)
    assert record is not None
    assert (record.data["phone"], record.data["zip_code"], record.data["weekly_hours"]) == (
        "6175550102", "02125", 10.0)


def test_the_same_edit_on_the_restored_server_converges_without_a_conflict(agency: Agency, make_desk: DeskFactory,
                                                                           tmp_path: Path) -> None:
    ana, lee = _two_desks(agency, make_desk)
    person = _register(ana, "Same")
    assert sync_once(ana).complete and sync_once(lee).complete
    _back_up(agency, tmp_path / "backup.db")
    ana.job_seekers.update(person, {"phone": "6175550103"})
    assert sync_once(ana).complete
    _restore(agency, tmp_path / "backup.db")
    lee.job_seekers.update(person, {"phone": "6175550103"})  # the person called both desks with the same number
    assert sync_once(lee).complete
    report = sync_once(ana)
    assert report.complete and report.diverged == 0, report.summary()
    record = agency.record("job_seeker", person)
    assert record is not None and record.data["phone"] == "6175550103"
    assert _local(ana, person).version == record.version


def test_a_restored_copy_nobody_wrote_since_is_replaced_and_records_it_lacks_come_back(
        agency: Agency, make_desk: DeskFactory, tmp_path: Path) -> None:
    ana, lee = _two_desks(agency, make_desk)
    person = _register(ana, "Older")
    assert sync_once(ana).complete and sync_once(lee).complete
    _back_up(agency, tmp_path / "backup.db")
    ana.job_seekers.update(person, {"phone": "6175550104"})
    ana.job_seekers.update(person, {"zip_code": "02108"})
    late = _register(ana, "Lately")
    note_person = _register(ana, "Noted")
    assert sync_once(ana).complete
    ana.appointments.add_note(job_seeker_id=note_person, body="Called back.")
    assert sync_once(ana).complete and sync_once(lee).complete
    _restore(agency, tmp_path / "backup.db")
    report = sync_once(lee)  # Lee also pulled the lost records: he notices and repairs them as well
    assert report.complete and report.conflict_total == 0, report.summary()
    report = sync_once(ana)
    assert report.complete and report.conflict_total == 0, report.summary()
    record = agency.record("job_seeker", person)
    assert record is not None and record.version == 3
    assert (record.data["phone"], record.data["zip_code"]) == ("6175550104", "02108")
    assert agency.record("job_seeker", late) is not None
    assert agency.record_count("case_note") == 1
