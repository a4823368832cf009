"""A second live license for one person (issue 11): the Sync page and the conflict dialog say what happened and
what each choice does, in the counselor's language, not the generic "someone else changed this record"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from counselor_app.sync.outbox import LICENSE_ELSEWHERE, ConflictView, FieldDiff, OutboxItem
from counselor_app.ui.conflict_dialog import ConflictDialog
from counselor_app.ui.outbox_table_model import problem_text


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    from counselor_app.ui.i18n import install_translators

    install_translators(request.param)
    yield request.param
    install_translators("en")


def _item(reason_code: str | None) -> OutboxItem:
    now = datetime(2026, 11, 30, 14, 0)
    return OutboxItem(seq=1, change_id="c1", entity="license_issuance", entity_id="L1", op="create",
                      status="conflict", attempts=1, last_error=outbox_english(), created_at=now, updated_at=now,
                      label="License", has_server_version=True, reason_code=reason_code)


def outbox_english() -> str:
    from counselor_app.sync.outbox import LICENSE_ELSEWHERE_TEXT

    return LICENSE_ELSEWHERE_TEXT


def test_the_problem_column_words_a_second_license(qtbot: Any, language: str) -> None:
    text = problem_text(_item(LICENSE_ELSEWHERE))
    assert text != outbox_english()
    assert ("Otro escritorio" in text) if language == "es" else ("Another desk" in text)


def test_the_conflict_dialog_explains_a_second_license(qtbot: Any, language: str) -> None:
    view = ConflictView(seq=1, entity="license_issuance", entity_id="L1", title="License", my_version=1,
                        server_version=1, fields=[FieldDiff(field="status", label="Status", mine="issued",
                                                            theirs="revoked", changed_here=True)],
                        reason=outbox_english(), reason_code=LICENSE_ELSEWHERE)
    dialog = ConflictDialog(view)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Someone else changed this record" not in shown and "Alguien" not in shown
    assert ("otro escritorio" in shown) if language == "es" else ("another desk" in shown)
