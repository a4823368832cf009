"""What every page is built from: ``Page(ctx, parent=None)``.

The context holds the opened desk (core services), the catalog, the app-level ``AppEvents`` and the operations
runner. Pages talk to the core through background operations and to each other only through ``AppEvents``: a
page never calls another page.

After every operation that changed something, ``AppEvents.operation_did_execute`` carries an ``OpChanges``
(``core/op_changes.py``: one flag per part of the desk, set by the core where it wrote); pages decide what
to refresh from its fields, e.g. ``if changes.touches("licenses", "progress"): self.refresh()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counselor_app.core.op_changes import OpChanges
from counselor_app.ui.operations import BackgroundOp, CollectionOp, QueryOp, TaskRunner

if TYPE_CHECKING:  # the desk (SQLAlchemy) is imported off the GUI thread, after the window is shown
    from counselor_app.core.desk import Desk

log = logging.getLogger(__name__)

T = TypeVar("T")

class AppEvents(QObject):
    """One app-wide hub. ``operation_did_execute(OpChanges)`` after every operation that changed something (see
    the module docstring).

    ``online_changed(bool | None)`` lets the sync controller report connectivity (None: unknown / no server set)
    without knowing the main window; ``sync_status(dict)`` carries anything else it wants shown.
    ``open_job_seeker(id)`` and ``start_appointment(job_seeker_id or "")`` are requests any page may make; the
    main window carries them out, so pages never reach into each other.
    """

    operation_did_execute = Signal(object)  # OpChanges
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

    def collection_op(self, parent: QWidget | None, op: Callable[..., T], *,
                      success: Callable[[T], Any] | None = None) -> CollectionOp[T]:
        """A write in the background; what it changed is announced from the core's own report, never listed
        here."""
        return CollectionOp(parent=parent, op=op, success=success, runner=self.runner, events=self.events)

    # -- catalog --------------------------------------------------------------------------------------------
    @property
    def catalog(self) -> Any:
        """The loaded catalog, or ``None`` while it loads (or when this build has none)."""
        return self._catalog

    def set_catalog(self, catalog: Any) -> None:
        self._catalog = catalog
        self.events.operation_did_execute.emit(OpChanges(catalog=True))

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
            self.events.operation_did_execute.emit(OpChanges(catalog=True))

        self.query(None, work, self.set_catalog).failure(failed).run_in_background()

    # -- shutdown -------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Let queued writes (autosave) finish, then close the store."""
        self.runner.shutdown(wait=True)
        if BackgroundOp._default_runner is self.runner:
            BackgroundOp._default_runner = None
        if CollectionOp._default_events is self.events:
            CollectionOp._default_events = None
