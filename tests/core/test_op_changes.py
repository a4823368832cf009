"""The core reports what each operation changed (``core/op_changes.py``), so the UI never keeps a list of its own."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from counselor_app.core.op_changes import OpChanges, collect_changes, note_changes


def test_real_services_report_what_they_wrote(desk: Any) -> None:
    with collect_changes() as registered:
        seeker = desk.job_seekers.register({"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com"}).record
    assert registered.changes == OpChanges(job_seekers=True, outbox=True)

    with collect_changes() as started:
        desk.appointments.start(job_seeker_id=seeker.id)
    assert started.changes == OpChanges(appointments=True, outbox=True)

    with collect_changes() as saved:
        desk.save_settings()
    assert saved.changes == OpChanges(settings=True)

    with collect_changes() as read:  # reads change nothing, even when they write an audit event
        desk.job_seekers.search("Silva")
        desk.job_seekers.history(seeker.id)
    assert not read.changes and read.changes.names() == ()


def test_nested_journals_each_see_the_inner_changes() -> None:
    with collect_changes() as outer:
        note_changes(OpChanges(licenses=True))
        with collect_changes() as inner:
            note_changes(OpChanges(outbox=True))
    assert inner.changes == OpChanges(outbox=True)
    assert outer.changes == OpChanges(licenses=True, outbox=True)
    note_changes(OpChanges(settings=True))  # with no journal open this is simply not recorded
    assert outer.changes.names() == ("licenses", "outbox")


def test_two_threads_never_mix_their_changes() -> None:
    seen: dict[str, OpChanges] = {}
    barrier = threading.Barrier(2)

    def work(name: str) -> None:
        with collect_changes() as journal:
            barrier.wait()
            note_changes(OpChanges.of(name))
            barrier.wait()
        seen[name] = journal.changes

    threads = [threading.Thread(target=work, args=(n,)) for n in ("licenses", "progress")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"licenses": OpChanges(licenses=True), "progress": OpChanges(progress=True)}


def test_changes_combine_and_answer_by_name() -> None:
    both = OpChanges(licenses=True) | OpChanges(outbox=True)
    assert both.touches("outbox", "sync") and not both.touches("sync", "catalog")
    assert OpChanges.of_record("license_issuance") == both
    with pytest.raises(TypeError):
        OpChanges.of("licences")  # a misspelt part is an error, not a silent no-op


def test_typed_results_carry_what_the_call_changed(desk: Any) -> None:
    """A service's typed result says what it changed (``result.changes``), the same as an enclosing journal (the
    UI's operation helper) collected: the caller needs no list of its own, and no journal either."""
    from dataclasses import replace

    from counselor_app.core.op_changes import NO_CHANGES, changes_of, with_changes

    seeker = desk.job_seekers.register({"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com"}).record
    with collect_changes() as attested:
        att = desk.appointments.attest(seeker.id, {"employment_status": "unemployed", "covid_reason": "laid_off",
                                                   "attests": True})
    assert att.changes == attested.changes and att.changes.touches("attestations", "outbox")
    with collect_changes() as issued:
        result = desk.licenses.issue(seeker.id, attestation_id=att.attestation_id)
    assert result.changes == issued.changes == OpChanges(licenses=True, outbox=True)
    assert changes_of(result) == result.changes and changes_of(seeker) is None
    assert with_changes(replace(result, changes=NO_CHANGES), OpChanges(sync=True)).changes == OpChanges(sync=True)
