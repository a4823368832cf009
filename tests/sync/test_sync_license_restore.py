"""A license lost in a server restore (issue 11), by hand: the sequences behind the hunting run that ended with a
license create set aside by the server's one-live-license rule."""

from __future__ import annotations

from sqlalchemy import select

from counselor_app.agency_server.models import ServerRecord
from counselor_app.core.models import LicenseIssuance, OutboxEntry
from counselor_app.sync import outbox
from tests.sync.test_sync_model import ELIGIBLE, SyncModel


def _issue(state: SyncModel, d: int, person: str) -> str:
    desk = state.desks[d]
    attestation = desk.appointments.attest(person, ELIGIBLE)
    return desk.licenses.issue(person, attestation_id=attestation.attestation_id).issuance_id


def _register(state: SyncModel, d: int, name: str) -> str:
    return state.desks[d].job_seekers.register(
        {"first_name": name, "last_name": "Restored", "email": f"{name.lower()}@example.org"},
        confirmed_not_duplicate=True).record.id


def _outbox(state: SyncModel, d: int) -> list[tuple[str, str, str, str | None]]:
    with state.desks[d].store.read() as session:
        return [(e.entity, e.op, e.status, e.last_error) for e in session.scalars(select(OutboxEntry))]


def _server_license(state: SyncModel, issuance: str) -> dict | None:
    with state.store.read() as session:
        rec = session.scalar(select(ServerRecord).where(ServerRecord.entity == "license_issuance",
                                                        ServerRecord.entity_id == issuance))
        return None if rec is None else dict(rec.data)


def test_revoked_then_issued_again_then_restored_converges_silently() -> None:
    """The administrator's desk revokes a person's license and issues a new one; the server is restored to a copy
    holding the first one live. Its repair re-sends both (the revocation and the new license): the server must
    take the revocation before the new license, not set the new one aside."""
    state = SyncModel()
    try:
        state.open_desks(seed=1, rate=0.0)
        person = _register(state, 2, "Rosa")
        first = _issue(state, 2, person)
        assert state._sync(2)
        state.back_up_server()
        state.desks[2].licenses.change_status(first, status="revoked", reason="Issued by mistake.")
        second = _issue(state, 2, person)
        while second > first:  # the repair's pages come in id order: the new license sorts first, as it did
            state.desks[2].licenses.change_status(second, status="revoked", reason="Issued by mistake.")
            second = _issue(state, 2, person)
        assert state._sync(2)
        state.restart_server_from_older_copy()
        assert (_server_license(state, first) or {}).get("status") == "issued"
        assert _server_license(state, second) is None
        assert state._sync(2)
        assert _outbox(state, 2) == []
        assert (_server_license(state, first) or {}).get("status") == "revoked"
        assert (_server_license(state, second) or {}).get("status") == "issued"
        state.nothing_is_set_aside_that_a_person_did_not_cause()
    finally:
        state.teardown()


def test_license_lost_in_restore_and_issued_elsewhere_meanwhile() -> None:
    """Desk A issues a license and syncs; the server is restored to a copy without it; desk B, which never saw
    it, issues the same person one and syncs. Desk A's repair re-sends its license."""
    state = SyncModel()
    try:
        state.open_desks(seed=1, rate=0.0)
        person = _register(state, 0, "Tomas")
        assert state._sync(0) and state._sync(1)
        state.back_up_server()
        mine = _issue(state, 0, person)
        assert state._sync(0)
        state.restart_server_from_older_copy()
        theirs = _issue(state, 1, person)
        assert state._sync(1)
        assert state._sync(0)
        # Two live licenses for one person is forbidden statewide, and both desks issued in good faith: desk A's
        # license waits as a conflict a person sees (not set aside), with the reason and a way out.
        state.nothing_is_set_aside_that_a_person_did_not_cause()
        [item] = outbox.list_entries(state.desks[0])
        assert (item.entity, item.status, item.entity_id) == ("license_issuance", "conflict", mine)
        assert "also issued a license in this program from another desk" in (item.last_error or "")
        view = outbox.conflict_view(state.desks[0], item.seq)
        assert [(f.field, f.mine, f.theirs) for f in view.differing] == [("status", "issued", "revoked")]
        # "Mine" while the other license is live: refused again, again a conflict (never set aside).
        assert outbox.resolve_conflict(state.desks[0], item.seq, "mine") == "requeued"
        assert state._sync(0)
        state.nothing_is_set_aside_that_a_person_did_not_cause()
        [item] = outbox.list_entries(state.desks[0])
        assert item.status == "conflict"
        # "Theirs": desk A's license steps aside, recorded as revoked everywhere; the other stays live.
        assert outbox.resolve_conflict(state.desks[0], item.seq, "theirs") == "theirs"
        assert state._sync(0) and state._sync(1) and state._sync(0)
        assert _outbox(state, 0) == [] and _outbox(state, 1) == []
        assert (_server_license(state, mine) or {}).get("status") == "revoked"
        assert (_server_license(state, theirs) or {}).get("status") == "issued"
        with state.desks[0].store.read() as session:  # licenses are not in the feed: each desk holds its own
            assert session.get(LicenseIssuance, mine).status == "revoked"
            assert "Another desk issued" in (session.get(LicenseIssuance, mine).status_reason or "")
        state._check_union()
    finally:
        state.teardown()


def test_second_license_kept_after_the_other_is_revoked() -> None:
    """The way out on the other side: an administrator revokes the other desk's license, and the counselor sends
    this desk's own again ("Mine"): the server takes it."""
    state = SyncModel()
    try:
        state.open_desks(seed=1, rate=0.0)
        person = _register(state, 0, "Ines")
        assert state._sync(0) and state._sync(2)
        state.back_up_server()
        mine = _issue(state, 0, person)
        assert state._sync(0)
        state.restart_server_from_older_copy()
        theirs = _issue(state, 2, person)
        assert state._sync(2) and state._sync(0)
        [item] = outbox.list_entries(state.desks[0])
        assert item.status == "conflict"
        state.desks[2].licenses.change_status(theirs, status="revoked", reason="Issued twice after a restore.")
        assert state._sync(2)
        assert outbox.resolve_conflict(state.desks[0], item.seq, {"status": "mine"}) == "requeued"
        assert state._sync(0) and state._sync(2)
        assert _outbox(state, 0) == [] and _outbox(state, 2) == []
        assert (_server_license(state, mine) or {}).get("status") == "issued"
        assert (_server_license(state, theirs) or {}).get("status") == "revoked"
        state._check_union()
    finally:
        state.teardown()


def test_two_desks_issue_the_same_person_without_a_restore() -> None:
    """No restore needed: licenses are not in the feed, so a desk cannot know that another desk issued the person
    one. The second desk's license is a conflict a person settles, never set aside."""
    state = SyncModel()
    try:
        state.open_desks(seed=1, rate=0.0)
        person = _register(state, 0, "Lucia")
        assert state._sync(0) and state._sync(1)
        first = _issue(state, 0, person)
        assert state._sync(0)
        second = _issue(state, 1, person)
        assert state._sync(1)
        state.nothing_is_set_aside_that_a_person_did_not_cause()
        # (Issuing also touched the person's record on both desks: that edit is a conflict of its own.)
        [item] = [i for i in outbox.list_entries(state.desks[1]) if i.entity == "license_issuance"]
        assert (item.status, item.entity_id) == ("conflict", second)
        assert outbox.resolve_conflict(state.desks[1], item.seq, {"status": "theirs"}) == "theirs"
        for other in outbox.list_entries(state.desks[1], statuses=("conflict",)):
            outbox.resolve_conflict(state.desks[1], other.seq, "theirs")
        assert state._sync(1) and state._sync(0)
        assert _outbox(state, 1) == []
        assert (_server_license(state, first) or {}).get("status") == "issued"
        assert (_server_license(state, second) or {}).get("status") == "revoked"
        state._check_union()
    finally:
        state.teardown()
