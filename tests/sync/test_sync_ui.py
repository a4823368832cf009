"""The app side of sync, offscreen against the real server on loopback: the outbox table model, the Sync page's
actions (sync now, resolve, fix and resend, retry), the sign-in dialog, and the background controller that
reports online/offline and syncs when the server comes back. Operations run inline (synchronous runner)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from counselor_app.core.changes import append_change  # noqa: E402
from counselor_app.core.desk import Desk  # noqa: E402
from counselor_app.sync import outbox  # noqa: E402
from counselor_app.sync.service import sync_once  # noqa: E402
from counselor_app.sync.transport import RetryPolicy  # noqa: E402
from tests.sync.sync_support import (  # noqa: E402
    FAST_RETRY,
    PASSWORD,
    Agency,
    DeskFactory,
    register_many,
    signed_in,
)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    from counselor_app.sync import service

    real = service.SyncService.__init__

    def init(self: Any, desk: Desk, *, retry: RetryPolicy | None = None) -> None:
        real(self, desk, retry=retry or RetryPolicy(attempts=2, backoff_base_s=0.02, backoff_cap_s=0.05))

    monkeypatch.setattr(service.SyncService, "__init__", init)


def item(seq: int, status: str, *, label: str = "Ana Silva", error: str | None = None) -> outbox.OutboxItem:
    now = datetime(2020, 10, 1, 14, 5)
    return outbox.OutboxItem(seq=seq, change_id=f"c{seq}", entity="job_seeker", entity_id=f"e{seq}", op="update",
                             status=status, attempts=1, last_error=error, created_at=now, updated_at=now,
                             label=label, has_server_version=status == "conflict", person=label)


def test_outbox_table_model(qtmodeltester: Any) -> None:
    from PySide6.QtCore import Qt

    from counselor_app.ui.outbox_table_model import (
        COL_PROBLEM,
        COL_STATUS,
        COL_WHAT,
        SEQ_ROLE,
        OutboxFilterProxyModel,
        OutboxTableModel,
    )

    model = OutboxTableModel()
    qtmodeltester.check(model)
    model.set_rows([item(3, "conflict", error="Someone else changed this record first."),
                    item(5, "parked", error="The e-mail address is not valid."), item(1, "queued"),
                    item(2, "queued", error="An earlier change to the same record was not applied.")])
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.counts() == {"queued": 2, "parked": 1, "conflict": 1}
    assert model.index(0, COL_STATUS).data() == "Conflict: choose a version"
    assert model.index(1, COL_PROBLEM).data() == "The e-mail address is not valid."
    assert model.index(3, COL_PROBLEM).data() == "Waits for an earlier change to this record"
    assert model.index(0, COL_WHAT).data() == "Ana Silva" and model.index(1, 0).data(SEQ_ROLE) == 5
    assert model.headerData(COL_PROBLEM, Qt.Orientation.Horizontal) == "Problem"
    proxy = OutboxFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_mode(OutboxFilterProxyModel.ATTENTION)
    assert proxy.rowCount() == 2
    proxy.set_mode(OutboxFilterProxyModel.QUEUED)
    assert proxy.rowCount() == 2
    # A record with no person is named by its kind and time, never by an internal id.
    from dataclasses import replace

    nameless = replace(item(9, "queued"), entity="appointment", person="", label="Appointment e9")
    model.set_rows([nameless])
    assert model.index(0, COL_WHAT).data() == "Appointment of October 1, 2020, 10:05 AM"  # 14:05 UTC, center time


def test_page_columns_give_room_to_what_matters(make_desk: DeskFactory, make_ctx: Any, qtbot: Any) -> None:
    """Names on one line; the Problem column only when there is a problem, and then it takes the room."""
    from PySide6.QtWidgets import QHeaderView

    from counselor_app.ui.outbox_table_model import COL_PROBLEM, COL_WHAT
    from counselor_app.ui.sync_page import SyncPage

    page = SyncPage(make_ctx(make_desk("cols")))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    header = page.table.horizontalHeader()
    page._show(([item(1, "queued", label="Michael Jean-Baptiste"), item(2, "queued")], None, None))
    assert page.table.isColumnHidden(COL_PROBLEM)
    assert header.sectionResizeMode(COL_WHAT) == QHeaderView.ResizeMode.Stretch
    assert not page.table.wordWrap()
    assert page.table.rowHeight(0) < 2 * page.table.fontMetrics().height()
    page._show(([item(3, "parked", error="The e-mail address is not valid."), item(1, "queued")], None, None))
    assert not page.table.isColumnHidden(COL_PROBLEM)
    assert header.sectionResizeMode(COL_PROBLEM) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(COL_WHAT) == QHeaderView.ResizeMode.ResizeToContents


def test_sign_in_dialog_then_sync_page(agency: Agency, make_desk: DeskFactory, make_ctx: Any, qtbot: Any) -> None:
    from counselor_app.ui.sync_page import SyncPage
    from counselor_app.ui.sync_settings_dialog import SyncSettingsDialog

    desk = make_desk("a")
    ctx = make_ctx(desk)
    register_many(desk, 3)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3 and "No agency server is set up" in page.summary.text()

    dialog = SyncSettingsDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.server_url.setText("http://sync.example.gov")
    dialog.username.setText("dana")
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    assert "https://" in dialog.message.text()  # plain http beyond this computer is refused
    dialog.server_url.setText(agency.url)
    dialog.password.setText("wrong password")
    dialog.sign_in()
    assert "did not accept" in dialog.message.text()
    dialog.password.setText(PASSWORD)
    dialog.sign_in()  # signs in, then the controller syncs at once
    assert dialog.password.text() == "" and "Signed in as dana" in dialog.session_label.text()
    assert desk.settings.server_url == agency.url
    page.refresh()
    assert page.model.rowCount() == 0 and page.empty_label.isVisibleTo(page)
    assert "Signed in to" in page.summary.text() and "never" not in page.summary.text()
    dialog.sign_out()
    assert "Not signed in" in dialog.session_label.text()


def test_page_resolves_a_conflict_and_fixes_a_set_aside_change(agency: Agency, make_desk: DeskFactory,
                                                               make_ctx: Any, qtbot: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from counselor_app.ui import sync_page
    from counselor_app.ui.conflict_dialog import ConflictDialog
    from counselor_app.ui.sync_page import FixDialog, SyncPage

    agency.add_user("lee")
    a = signed_in(make_desk("a"), agency.url, "dana")
    b = signed_in(make_desk("b"), agency.url, "lee")
    [seeker_id] = register_many(a, 1)
    sync_once(a, retry=FAST_RETRY)
    sync_once(b, retry=FAST_RETRY)
    a.job_seekers.update(seeker_id, {"phone": "617-555-0101"})
    b.job_seekers.update(seeker_id, {"phone": "617-555-0202", "zip_code": "02125"})
    sync_once(a, retry=FAST_RETRY)
    # b also has a new person the server will refuse (an e-mail address the server cannot accept).
    [bad_id] = register_many(b, 1, prefix="bad")
    with b.store.write() as session:
        from sqlalchemy import select

        from counselor_app.core.models import OutboxEntry

        row = session.scalar(select(OutboxEntry).where(OutboxEntry.entity_id == bad_id))
        assert row is not None
        row.payload = dict(row.payload) | {"email": "not-an-address"}

    ctx = make_ctx(b)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.sync_now()
    assert "in conflict" in page.message.text() and "set aside" in page.message.text()
    statuses = [page.model.row_at(r).status for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert statuses == ["conflict", "parked"]

    seen: dict[str, Any] = {}

    def choose(dialog: ConflictDialog) -> int:
        seen["fields"] = {d.field for d in dialog.view.differing}
        theirs_phone = dialog.findChild(sync_page.QWidget, "theirs_phone")
        assert theirs_phone is not None
        theirs_phone.setChecked(True)  # type: ignore[attr-defined]
        dialog.choice = dialog.field_choices()
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", choose)
    assert page.select_seq(page.model.row_at(0).seq)  # type: ignore[union-attr]
    assert page.resolve_button.isEnabled() and not page.fix_button.isEnabled()
    page.resolve_selected()
    assert seen["fields"] == {"phone", "zip_code"}
    assert "Resolved" in page.message.text() or "Sent" in page.message.text()
    server = agency.record("job_seeker", seeker_id)
    assert server is not None and server.data["phone"] == "6175550101" and server.data["zip_code"] == "02125"

    def fix(dialog: FixDialog) -> int:
        dialog.set_field("email", "bad0@example.org")
        return 1

    monkeypatch.setattr(FixDialog, "exec", fix)
    parked = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert [i.status for i in parked if i is not None] == ["parked"]
    page.select_seq(parked[0].seq)  # type: ignore[union-attr]
    assert page.fix_button.isEnabled() and page.retry_button.isEnabled()
    page.fix_selected()
    assert page.model.rowCount() == 0, [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert b.job_seekers.get(bad_id).email == "bad0@example.org"
    assert agency.record("job_seeker", bad_id) is not None


def test_controller_reports_offline_and_syncs_when_the_server_returns(agency: Agency, make_desk: DeskFactory,
                                                                      make_ctx: Any, qtbot: Any) -> None:
    from counselor_app.ui.sync_controller import SyncController

    desk = make_desk("a")
    ctx = make_ctx(desk)
    controller = SyncController.instance(ctx)
    assert SyncController.instance(ctx) is controller
    events: list[Any] = []
    ctx.events.online_changed.connect(events.append)
    asked: list[str] = []
    controller.needs_sign_in.connect(asked.append)
    assert controller.sync_now(manual=True) is False and asked  # not signed in yet

    signed_in(desk, agency.url, "dana")
    register_many(desk, 2)
    agency.thread.stop()
    assert controller.sync_now(manual=False)
    assert controller.online is False and "could not be reached" in (controller.last_error or "")
    controller.probe()
    assert controller.online is False
    agency.restart()
    finished: list[Any] = []
    controller.sync_finished.connect(finished.append)
    controller.probe()  # the server is back: it syncs at once
    assert controller.online is True and finished and finished[0].complete
    assert events[-2:] == [False, True]
    assert controller.status()["queued"] == 0 and controller.last_successful_sync()


def test_main_window_shows_the_sync_page(agency: Agency, make_desk: DeskFactory, make_ctx: Any, qtbot: Any) -> None:
    from counselor_app.ui.main_window import MainWindow
    from counselor_app.ui.sync_controller import SyncController
    from counselor_app.ui.sync_page import SyncPage

    desk = signed_in(make_desk("a"), agency.url, "dana")
    with desk.store.write() as session:
        append_change(session, entity="spaceship", entity_id="x", op="create", payload={})
    ctx = make_ctx(desk)
    window = MainWindow(ctx, remember_layout=False)
    qtbot.addWidget(window)
    window.go_to("sync")
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    SyncController.instance(ctx).sync_now(manual=False)
    assert window.status.online is True
    window.refresh_status()
    assert window.status.parked == 1 and "need" in window.status.attention_label.text()


def _accessibility_problems(root: Any) -> list[str]:
    """Every input has a name a screen reader can say; every visible push button has a mnemonic."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QPushButton,
        QWidget,
    )

    buddied = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    problems = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)):
            continue
        parent = w.parent()
        if parent is not None and parent.metaObject().className().startswith(("QComboBox", "QSpinBox", "QAbstractSpinBox",
                                                            "QLineEdit", "QHeaderView", "QTableCornerButton",
                                                            "QAbstractScrollArea", "QScrollBar")):
            continue
        if type(w).__name__ in ("QToolButton", "QHeaderView") or w.objectName().startswith("qt_"):
            continue
        named = bool(w.accessibleName()) or id(w) in buddied or (
            isinstance(w, QAbstractButton) and bool(w.text().replace("&", "").strip()))
        if not named:
            problems.append(f"unnamed {type(w).__name__}:{w.objectName()}")
    problems += [f"no mnemonic: {b.text()}" for b in root.findChildren(QPushButton)
                 if b.isVisibleTo(root) and b.text() and "&" not in b.text()]
    return problems


def test_sync_screens_are_accessible(agency: Agency, make_desk: DeskFactory, make_ctx: Any, qtbot: Any) -> None:
    from counselor_app.ui.conflict_dialog import ConflictDialog
    from counselor_app.ui.sync_page import FixDialog, SyncPage
    from counselor_app.ui.sync_settings_dialog import SyncSettingsDialog

    desk = make_desk("a")
    ctx = make_ctx(desk)
    page = SyncPage(ctx)
    settings = SyncSettingsDialog(ctx, page)
    view = outbox.ConflictView(seq=1, entity="job_seeker", entity_id="e1", title="Ana Silva", my_version=3,
                               server_version=2, reason=None, fields=[
                                   outbox.FieldDiff("phone", "Phone number", "6175550202", "6175550101", True),
                                   outbox.FieldDiff("email", "E-mail address", "a@example.org", "a@example.org",
                                                    False)])
    conflict = ConflictDialog(view, page)
    fix = FixDialog(item(4, "parked", error="The e-mail address is not valid."), {"email": "x"}, page)
    for widget in (page, settings, conflict, fix):
        qtbot.addWidget(widget)
        widget.show()
        assert _accessibility_problems(widget) == [], type(widget).__name__
    assert conflict.field_choices() == {"phone": "mine"}
    assert fix.changes() == {}
    fix.set_field("email", "y@example.org")
    assert fix.changes() == {"email": "y@example.org"}


@pytest.fixture
def spanish_for_this_test() -> Any:
    from counselor_app.ui.i18n import install_translators, remove_translators

    install_translators("es")
    yield
    remove_translators()  # the tests after this one read the source English


def test_a_sync_with_set_aside_items_reads_in_spanish(agency: Agency, make_desk: DeskFactory, make_ctx: Any,
                                                      qtbot: Any, spanish_for_this_test: None) -> None:
    """Issue 13: a real sync that ends with a conflict and a refused record, the whole window in Spanish, shows
    no English sentence of the app's own catalog (the server's own words appear only quoted, as its words)."""
    from sqlalchemy import select

    from counselor_app.core.models import OutboxEntry
    from counselor_app.ui.main_window import MainWindow
    from tests.ui.english_check import english_on_screen

    agency.add_user("lee")
    a = signed_in(make_desk("a"), agency.url, "dana")
    b = signed_in(make_desk("b"), agency.url, "lee")
    [seeker_id] = register_many(a, 1)
    sync_once(a, retry=FAST_RETRY)
    sync_once(b, retry=FAST_RETRY)
    a.job_seekers.update(seeker_id, {"phone": "617-555-0101"})
    b.job_seekers.update(seeker_id, {"phone": "617-555-0202"})
    sync_once(a, retry=FAST_RETRY)
    [bad_id] = register_many(b, 1, prefix="bad")
    with b.store.write() as session:
        row = session.scalar(select(OutboxEntry).where(OutboxEntry.entity_id == bad_id))
        assert row is not None
        row.payload = dict(row.payload) | {"email": "not-an-address"}

    window = MainWindow(make_ctx(b), remember_layout=False)
    qtbot.addWidget(window)
    window.resize(1350, 690)
    window.show()
    window.go_to("sync")
    page = window.page("sync")
    page.sync_now()
    items = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert [i.status for i in items if i is not None] == ["conflict", "parked"]
    assert [i.reason_code for i in items if i is not None] == ["conflict", "invalid"]
    for row in range(page.model.rowCount()):
        page.select_seq(page.model.row_at(row).seq)  # type: ignore[union-attr]
        qtbot.wait(20)
        leftovers = english_on_screen(window)
        assert not leftovers, leftovers
    from counselor_app.ui.outbox_table_model import COL_PROBLEM

    assert page.model.index(1, COL_PROBLEM).data() == \
        "El servidor de la agencia encontró un error en este registro: corríjalo"
