"""What every page is built from: ``Page(ctx, parent=None)``.

The context holds the opened desk (core services), the catalog, the app-level ``AppEvents`` and the operations
runner. Pages talk to the core through background operations and to each other only through ``AppEvents``: a
page never calls another page.

Names announced on ``AppEvents.changed`` (pages decide what to refresh):

``job_seekers``  a job seeker was registered or edited
``appointments`` an appointment started, autosaved its wizard, or ended
``attestations`` an eligibility attestation was recorded
``plans``        a learning plan was saved
``licenses``     a license was issued or changed
``outbox``       something was queued for (or sent to / received from) the server
``settings``     ``desk.settings`` changed and was saved
``catalog``      the catalog was (re)loaded
``sync``         a sync finished (successfully or not)
``progress``     learner progress was imported
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counselor_app.ui.operations import BackgroundOp, CollectionOp, QueryOp, TaskRunner

if TYPE_CHECKING:  # the desk (SQLAlchemy) is imported off the GUI thread, after the window is shown
    from counselor_app.core.desk import Desk

log = logging.getLogger(__name__)

T = TypeVar("T")

CHANGE_NAMES = ("job_seekers", "appointments", "attestations", "plans", "licenses", "outbox", "settings",
                "catalog", "sync", "progress")


class AppEvents(QObject):
    """One app-wide hub. ``changed(name)`` after every operation that changed something (see module docstring).

    ``online_changed(bool | None)`` lets the sync controller report connectivity (None: unknown / no server set)
    without knowing the main window; ``sync_status(dict)`` carries anything else it wants shown.
    ``open_job_seeker(id)`` and ``start_appointment(job_seeker_id or "")`` are requests any page may make; the
    main window carries them out, so pages never reach into each other.
    """

    changed = Signal(str)
    online_changed = Signal(object)
    sync_status = Signal(object)
    open_job_seeker = Signal(str)
    start_appointment = Signal(str)
    resume_appointment = Signal(str)
    navigate = Signal(str)


class AppContext:
    """Built once by ``app.run_app`` (or a test) and handed to every page."""

    def __init__(self, desk: Desk, *, runner: TaskRunner | None = None, events: AppEvents | None = None,
                 catalog: Any = None, demo: bool = False, demo_notice: str = "") -> None:
        self.desk = desk
        self.events = events or AppEvents()
        self.runner = runner or TaskRunner()
        self._catalog = catalog
        self.catalog_error: str | None = None
        self.demo = demo
        #: Shown in the window title and status bar in demo mode (e.g. the in-memory keyring warning).
        self.demo_notice = demo_notice
        # Operations started anywhere without an explicit runner use this context's.
        BackgroundOp._default_runner = self.runner
        CollectionOp._default_events = self.events

    # -- convenience ----------------------------------------------------------------------------------------
    @property
    def settings(self) -> Any:
        return self.desk.settings

    @property
    def profile(self) -> Any:
        return self.desk.profile

    def today(self) -> date:
        """The desk's "today" (fixed in tests and demos so program deadlines stay meaningful)."""
        return self.desk.licenses.today()

    def query(self, parent: QWidget | None, op: Callable[..., T],
              success: Callable[[T], Any] | None = None) -> QueryOp[T]:
        return QueryOp(parent=parent, op=op, success=success, runner=self.runner)

    def collection_op(self, parent: QWidget | None, op: Callable[..., T], *, changes: str | Iterable[str],
                      success: Callable[[T], Any] | None = None) -> CollectionOp[T]:
        return CollectionOp(parent=parent, op=op, success=success, changes=changes, runner=self.runner,
                            events=self.events)

    # -- catalog --------------------------------------------------------------------------------------------
    @property
    def catalog(self) -> Any:
        """The loaded catalog, or ``None`` while it loads (or when this build has none)."""
        return self._catalog

    def set_catalog(self, catalog: Any) -> None:
        self._catalog = catalog
        self.events.changed.emit("catalog")

    def load_catalog(self) -> None:
        """Load the shipped (or server-provided) catalog in the background; announces ``catalog``."""
        if self._catalog is not None:
            return

        def work() -> Any:
            from counselor_app.core.catalog import load_default_catalog

            return load_default_catalog()

        def failed(exc: BaseException) -> None:
            self.catalog_error = str(exc)
            log.warning("Catalog not available: %s", exc)
            self.events.changed.emit("catalog")

        self.query(None, work, self.set_catalog).failure(failed).run_in_background()

    # -- shutdown -------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Let queued writes (autosave) finish, then close the store."""
        self.runner.shutdown(wait=True)
        if BackgroundOp._default_runner is self.runner:
            BackgroundOp._default_runner = None
        if CollectionOp._default_events is self.events:
            CollectionOp._default_events = None
