"""What the reference server does, independent of HTTP: the API and the CLI both call ``AgencyService``.

The service is assembled from one part per concern (each its own module): ``auth`` (accounts, sign-in, tokens),
``changes`` (applying pushed batches), ``feed`` (the changes feed), ``pool`` (license pools and device blocks)
``admin`` (catalog, progress, invitations, reports) and ``reconcile`` (digest comparison). ``common`` holds the errors and helpers they share.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from counselor_app.agency_server import security
from counselor_app.agency_server.admin import AdminService
from counselor_app.agency_server.auth import AuthService
from counselor_app.agency_server.changes import ChangeService
from counselor_app.agency_server.common import (
    CONSUMED_LICENSE,
    LICENSE_STATUSES,
    LIVE_LICENSE,
    MAX_PAYLOAD_CHARS,
    MAX_PROGRESS_BYTES,
    BadRequest,
    Forbidden,
    NotFound,
    Principal,
    ServiceError,
    TooManyAttempts,
    Unauthorized,
)
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import utcnow
from counselor_app.agency_server.pool import PoolService
from counselor_app.agency_server.reconcile import ReconcileService


class AgencyService(AuthService, ChangeService, PoolService, AdminService, ReconcileService):
    def __init__(self, store: ServerStore, *, token_ttl: timedelta = timedelta(hours=12),
                 clock: Callable[[], datetime] = utcnow,
                 login_limits: security.LoginLimits | None = None) -> None:
        self.store = store
        self.token_ttl = token_ttl
        self.clock = clock
        self.login_limits = login_limits or security.LoginLimits()


__all__ = [
    "CONSUMED_LICENSE", "LICENSE_STATUSES", "LIVE_LICENSE", "MAX_PAYLOAD_CHARS", "MAX_PROGRESS_BYTES",
    "AgencyService", "BadRequest", "Forbidden", "NotFound", "Principal", "ServiceError", "TooManyAttempts",
    "Unauthorized",
]
