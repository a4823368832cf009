"""Shrunk and replayed failures of the model-based sync test (issue 11), as ordinary tests."""

from __future__ import annotations

from tests.sync.test_sync_model import SyncModel


def test_restore_then_edits_on_two_desks_with_faults_converge() -> None:
    state = SyncModel()
    state.open_desks(seed=21099615, rate=0.1)
    state.administrator_revokes(n=1044)
    state.finish_appointment(cancelled=False, d=1, n=1784)
    state.walk_in(d=0, n=1, with_person=True)
    state.walk_in(d=2, n=4950, with_person=False)
    state.walk_in(d=0, n=89, with_person=True)
    state.walk_in(d=2, n=2048, with_person=False)
    state.walk_in(d=2, n=1796, with_person=True)
    state.restore_then_edit_the_same_person_elsewhere(editor=2, editor_syncs_first=False, fields=('last_name', 'phone'), first_desk_edits=False, n=3423)
    state.busy_hour(count=5, d=2)
    state.sync(d=2)
    state.busy_hour(count=3, d=0)
    state.edit(d=2, field='weekly_hours', n=1122)
    state.restore_then_edit_the_same_person_elsewhere(editor=1, editor_syncs_first=True, fields=('zip_code', 'last_name'), first_desk_edits=False, n=107)
    state.busy_hour(count=2, d=0)
    state.busy_hour(count=3, d=1)
    state.restore_then_edit_the_same_person_elsewhere(editor=2, editor_syncs_first=True, fields=('email', 'phone'), first_desk_edits=True, n=706)
    state.finish_appointment(cancelled=False, d=2, n=4718)
    state.sync(d=1)
    state.finish_appointment(cancelled=True, d=2, n=193)
    state.finish_appointment(cancelled=False, d=1, n=166)
    state.busy_hour(count=5, d=2)
    state.administrator_revokes(n=168)
    state.edit(d=0, field='last_name', n=68)
    state.busy_hour(count=2, d=1)
    state.walk_in(d=1, n=128, with_person=False)
    state.sync(d=2)
    state.walk_in(d=0, n=3833, with_person=False)
    state.go_offline(d=1)
    state.go_offline(d=0)
    state.teardown()


def test_a_license_lost_in_a_restore_and_issued_again_elsewhere_is_not_set_aside() -> None:
    """A hunting run's sequence: two desks issue the same person a license (licenses are not in the feed, and a
    restore can also take one away from the server), and a revocation plus a new license re-sent by a restore
    repair. The second live license is a conflict a person settles, never set aside; the repair sends the
    revocation first. Hand-written, deterministic versions: tests/sync/test_sync_license_restore.py."""
    state = SyncModel()
    state.open_desks(rate=0.2, seed=183)
    state.edit(d=1, field='weekly_hours', n=2663)
    state.go_offline(d=2)
    state.busy_hour(count=2, d=1)
    state.sync(d=1)
    state.register(d=0)
    state.attest_and_issue(d=0, n=6199)
    state.go_online(d=1)
    state.resolve_a_conflict(choice='fields', d=2, n=234)
    state.edit_same_person_on_two_desks(field='last_name', n=410)
    state.sync(d=1)
    state.administrator_revokes(n=105)
    state.finish_appointment(cancelled=True, d=0, n=360)
    state.attest_and_issue(d=2, n=1068)
    state.attest_and_issue(d=1, n=1108)
    state.sync(d=1)
    state.administrator_revokes(n=1211)
    state.restore_then_edit_the_same_person_elsewhere(editor=1, editor_syncs_first=False, fields=('phone', 'zip_code'), first_desk_edits=True, n=367)
    state.attest_and_issue(d=1, n=852)
    state.administrator_revokes(n=854)
    state.attest_and_issue(d=2, n=9999)
    state.register(d=2)
    state.restore_then_edit_the_same_person_elsewhere(editor=2, editor_syncs_first=True, fields=('last_name', 'zip_code'), first_desk_edits=True, n=2709)
    state.edit_same_person_on_two_desks(field='zip_code', n=1043)
    state.busy_hour(count=4, d=1)
    state.attest_and_issue(d=1, n=2048)
    state.busy_hour(count=3, d=2)
    state.restart_server_from_older_copy()
    state.attest_and_issue(d=1, n=7071)
    state.go_online(d=0)
    state.teardown()
