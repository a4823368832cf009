"""Two counselors on one laptop: each one's records carry their name in the desk's audit and on the server."""

from __future__ import annotations

from sqlalchemy import select

from counselor_app.agency_server.models import ChangeLog, ServerRecord, UserAccount
from counselor_app.core.local_accounts import LocalAccounts
from counselor_app.core.models import AuditEvent, OutboxEntry
from counselor_app.sync.service import session_info, sync_once
from tests.sync.sync_support import FAST_RETRY, Agency, DeskFactory, register_many, signed_in


def _server_user_of_change(agency: Agency) -> dict[str, str]:
    with agency.store.read() as session:
        names = dict(session.execute(select(UserAccount.id, UserAccount.username)).all())
        return {row.entity_id + ":" + row.op: names[row.user_id] for row in session.scalars(select(ChangeLog))}


def test_second_counselor_changes_carry_their_name_in_the_audit_and_on_the_server(
        agency: Agency, make_desk: DeskFactory) -> None:
    agency.add_user("lee")
    desk = signed_in(make_desk("shared"), agency.url, "dana")
    dana_local = desk.actor
    accounts = LocalAccounts(desk.store)
    accounts.set_secret(dana_local, dana_local.user_id, "274913")
    dana_ids = register_many(desk, 2, prefix="dana")
    lee = accounts.add_counselor(dana_local, display_name="Lee Chen", secret="outreach fair")

    # Dana steps away; Lee signs in on the same laptop, and to the server with his own account.
    desk.switch_actor(accounts.actor_for(lee.user_id))
    signed_in(desk, agency.url, "lee")
    assert session_info(desk)["username"] == "lee"
    lee_ids = register_many(desk, 1, prefix="lee")
    desk.job_seekers.update(dana_ids[0], {"phone": "6175550101"})
    # A third counselor who never signed in to the server.
    sam = accounts.add_counselor(desk.actor, display_name="Sam Ortiz", secret="274619")
    desk.switch_actor(accounts.actor_for(sam.user_id))
    sam_ids = register_many(desk, 1, prefix="sam")

    with desk.store.read() as session:
        authors = [row.author for row in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
        audit = {(e.entity_id, e.action): e.actor_name for e in session.scalars(select(AuditEvent))
                 if e.entity_id}
    assert authors == [dana_local.username] * 2 + ["lee.chen"] * 2 + ["sam.ortiz"]
    assert {audit[(i, a)] for (i, a) in audit if i in lee_ids} == {"lee.chen"}

    # Dana is back and syncs: each run goes under its author's own server session.
    desk.switch_actor(accounts.actor_for(dana_local.user_id))
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.complete, report.summary()
    by_change = _server_user_of_change(agency)
    assert by_change[f"{dana_ids[0]}:create"] == "dana" and by_change[f"{dana_ids[1]}:create"] == "dana"
    assert by_change[f"{lee_ids[0]}:create"] == "lee"
    assert by_change[f"{dana_ids[0]}:update"] == "lee", "Lee's edit of Dana's record is Lee's on the server"
    # Sam has no server session on this desk: the syncing counselor's session carries it (documented).
    assert by_change[f"{sam_ids[0]}:create"] == "dana"
    with agency.store.read() as session:
        lee_id = session.scalar(select(UserAccount.id).where(UserAccount.username == "lee"))
        rec = session.get(ServerRecord, ("job_seeker", dana_ids[0]))
    assert rec is not None and rec.updated_by == lee_id and rec.version == 2


def test_expired_session_of_another_counselor_falls_back_to_the_syncing_one(
        agency: Agency, make_desk: DeskFactory) -> None:
    agency.add_user("lee")
    desk = signed_in(make_desk("fallback"), agency.url, "dana")
    accounts = LocalAccounts(desk.store)
    first = desk.actor
    lee = accounts.add_counselor(first, display_name="Lee Chen", secret="outreach fair")
    desk.switch_actor(accounts.actor_for(lee.user_id))
    signed_in(desk, agency.url, "lee")
    ids = register_many(desk, 2, prefix="late")
    agency.service.add_user(username="lee", role="counselor", center="MassHire Boston Career Center",
                            password="another long password")  # a reset password ends Lee's sessions
    desk.switch_actor(accounts.actor_for(first.user_id))
    report = sync_once(desk, retry=FAST_RETRY)
    assert report.complete
    by_change = _server_user_of_change(agency)
    assert {by_change[f"{i}:create"] for i in ids} == {"dana"}
