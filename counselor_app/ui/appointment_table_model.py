"""Today's appointments (and unfinished ones) as a Qt table model: ``COL_*`` constants, ``set_rows``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from counselor_app.core.scheduling import day_status
from counselor_app.core.vocabulary import AppointmentKind, AppointmentStatus
from counselor_app.ui import labels
from counselor_app.ui.outreach_table_models import day_status_label
from counselor_app.ui.row_table_model import RowTableModel, TableColumn

COL_TIME = 0
COL_NAME = 1
COL_KIND = 2
COL_STATUS = 3
COL_DETAIL = 4
COLUMN_COUNT = 5

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    id: str
    when: datetime | None
    job_seeker_id: str | None
    name: str
    kind: str
    status: str
    outcome: str | None
    step: str | None
    checked_in: bool = False  # a booked person on the front desk's waiting list
    paused: bool = False  # the counselor paused it (not the app closed on it)
    # Booked, but the center's calendar does not hold it: the server refused its booking (the counselor was
    # booked at that time at another desk) until the desk that made it moves or cancels it (issue 16).
    unconfirmed: bool = False


def step_label(step: str | None) -> str:
    names = {"find": QCoreApplication.translate("AppointmentTableModel", "Find or register"),
             "eligibility": QCoreApplication.translate("AppointmentTableModel", "Eligibility"),
             "background": QCoreApplication.translate("AppointmentTableModel", "Background and goals"),
             "recommendations": QCoreApplication.translate("AppointmentTableModel", "Recommendations"),
             "plan": QCoreApplication.translate("AppointmentTableModel", "Learning plan"),
             "license": QCoreApplication.translate("AppointmentTableModel", "License"),
             "summary": QCoreApplication.translate("AppointmentTableModel", "Summary")}
    return names.get(step or "find", step or "")


def format_time(when: datetime | None) -> str:
    return labels.format_clock(when)


def _kind_label(row: AppointmentRow) -> str:
    if row.kind == AppointmentKind.WALK_IN:
        return QCoreApplication.translate("AppointmentTableModel", "Walk-in")
    return QCoreApplication.translate("AppointmentTableModel", "Scheduled")


def _detail(row: AppointmentRow) -> str:
    if row.status == AppointmentStatus.IN_PROGRESS:
        if row.paused:
            return QCoreApplication.translate("AppointmentTableModel", "Paused at: {step}").format(
                step=step_label(row.step))
        return QCoreApplication.translate("AppointmentTableModel", "Stopped at: {step}").format(step=step_label(row.step))
    return labels.outcome_labels().get(row.outcome or "", row.outcome or "")


def _status_text(row: AppointmentRow) -> str:
    if row.unconfirmed and row.status == AppointmentStatus.SCHEDULED and not row.checked_in:
        return QCoreApplication.translate(
            "AppointmentTableModel", "Not confirmed: double-booked (the counselor has another appointment at this "
            "time; the desk that booked it must move or cancel it)")
    return day_status_label(day_status(row.status, waiting=row.checked_in))


class AppointmentTableModel(RowTableModel[AppointmentRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(QCoreApplication.translate("AppointmentTableModel", "Time"), lambda r: format_time(r.when)),
            TableColumn(QCoreApplication.translate("AppointmentTableModel", "Job seeker"),
                        lambda r: r.name or QCoreApplication.translate("AppointmentTableModel", "(not chosen yet)")),
            TableColumn(QCoreApplication.translate("AppointmentTableModel", "Kind"), _kind_label),
            TableColumn(QCoreApplication.translate("AppointmentTableModel", "Status"),
                        _status_text),
            TableColumn(QCoreApplication.translate("AppointmentTableModel", "Outcome or step"), _detail),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)
