"""Issue 12: the invitation file's sent mark travels through sync, both ways, against the real server on loopback.
A license sent in a desk's file is left out of the server's; one sent in the server's file is left out of the
desk's next file; nobody is invited twice."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from counselor_app.core.invitations import ELSEWHERE_FILE_NAME, write_invitation_file
from counselor_app.core.models import InvitationBatch, LicenseIssuance
from counselor_app.core.settings import Settings
from counselor_app.sync.service import sync_once
from tests.sync.sync_support import CENTER, FAST_RETRY, MA_DAY, Agency, DeskFactory, register_many, signed_in
from tests.sync.test_sync_basic import issue


def test_sent_mark_travels_desk_to_server_and_back(agency: Agency, make_desk: DeskFactory, tmp_path) -> None:
    agency.add_user("sue", role="supervisor")
    folder = tmp_path / "desk-s"
    folder.mkdir()
    Settings(agency="ma", center_name=CENTER, counselor_name="Sue", counselor_role="supervisor",
             connect_timeout_s=2.0, read_timeout_s=3.0).save(folder / "settings.json")
    desk = make_desk("s")
    desk.licenses.set_block(block_size=5)
    first, second, third = register_many(desk, 3)
    assert [issue(desk, s) for s in (first, second)] == ["issued", "issued"]
    signed_in(desk, agency.url, "sue")
    assert sync_once(desk, retry=FAST_RETRY).complete

    made = write_invitation_file(desk, tmp_path / "desk-file.csv", for_date=MA_DAY)
    assert made.rows == 2
    assert sync_once(desk, retry=FAST_RETRY).complete  # the marks go up as license updates
    assert agency.service.invitation_rows(MA_DAY) == []  # the server does not invite them again

    assert issue(desk, third) == "issued"
    assert sync_once(desk, retry=FAST_RETRY).complete
    # The server's file for the next day takes the one not yet sent...
    server_rows = agency.service.invitation_rows(MA_DAY + timedelta(days=1))
    assert [r[2] for r in server_rows] == [third]
    # ...and the desk learns it from the feed: its next file has nobody in it.
    assert sync_once(desk, retry=FAST_RETRY).complete
    with desk.store.read() as session:
        marks = dict(session.execute(select(LicenseIssuance.job_seeker_id, LicenseIssuance.invitation_batch_id)).all())
        stub = session.get(InvitationBatch, marks[third])
    assert all(marks.values()) and stub is not None and stub.file_name == ELSEWHERE_FILE_NAME
    again = write_invitation_file(desk, tmp_path / "desk-file-2.csv", for_date=MA_DAY + timedelta(days=1))
    assert again.rows == 0
