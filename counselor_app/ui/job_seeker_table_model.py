"""The job-seeker search list as a Qt table model (Vorta style: ``COL_*`` constants and ``set_rows``).

Rows are the core's small ``JobSeekerRow`` values, never ORM objects, so the model can be filled from a worker
thread's result without holding a database session across event-loop turns.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from counselor_app.core.job_seekers import JobSeekerRow
from counselor_app.core.validation import display_email, format_us_phone
from counselor_app.ui.row_table_model import RowTableModel, TableColumn

COL_NAME = 0
COL_EMAIL = 1
COL_PHONE = 2
COL_ZIP = 3
COL_AGENCY_ID = 4
COLUMN_COUNT = 5

#: Role giving the row's job-seeker id (for opening the record).
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class JobSeekerTableModel(RowTableModel[JobSeekerRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((
            TableColumn(QCoreApplication.translate("JobSeekerTableModel", "Name"),
                        lambda r: f"{r.last_name}, {r.first_name}" if r.last_name else r.first_name,
                        tooltip=attrgetter("full_name")),
            TableColumn(QCoreApplication.translate("JobSeekerTableModel", "E-mail"),
                        lambda r: display_email(r.email)),  # an IDN domain as typed (issue 12)
            TableColumn(QCoreApplication.translate("JobSeekerTableModel", "Phone"), lambda r: format_us_phone(r.phone)),
            TableColumn(QCoreApplication.translate("JobSeekerTableModel", "ZIP"), lambda r: r.zip_code or ""),
            TableColumn(QCoreApplication.translate("JobSeekerTableModel", "Agency id"),
                        lambda r: r.agency_customer_id or ""),
        ), row_roles={ID_ROLE: attrgetter("id")}, parent=parent)

    def rows(self) -> list[JobSeekerRow]:
        return list(self._rows)
