"""The desk's side of the device registry (issue 17): register at sign-in, ask the agency at every sync whether
this computer was reported lost or retired, and erase it when it was.

* ``lost``: erase at once, before anything is sent or received (the person holding the laptop may not be a
  counselor).
* ``retired``: finish the round (send what is queued, as the signed-in counselor), then erase; with nothing
  queued, erase at once. A retired desk may still sign in (its session may have expired), a lost one may not.

After the erase the desk holds no database, key, export, backup or log (``core.device_wipe``), tells the server
(best effort), and raises ``DeviceErasedBySync`` so the app and the CLI say what happened. It is deliberately not a
``SyncError``: nothing after it may touch the erased store.
"""

from __future__ import annotations

import logging
import platform
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import select

from counselor_app import __version__
from counselor_app.core import keystore
from counselor_app.core.device_wipe import DeviceErased, EraseReason, erase_data_folder
from counselor_app.core.models import User
from counselor_app.sync.device_protocol import DeviceProof, DeviceRegistration, DeviceState, DeviceStatus
from counselor_app.sync.errors import ProtocolError, ServerRefused, ServerUnreachable, SyncError

if TYPE_CHECKING:
    from counselor_app.core.desk import Desk
    from counselor_app.sync.service import SyncReport
    from counselor_app.sync.transport import AgencyClient

log = logging.getLogger(__name__)


class DeviceErasedBySync(DeviceErased):
    """The agency's answer made this desk erase itself during a sync. ``report`` is the erase report."""

    def __init__(self, reason: str, erased_at: str, note: str | None, *, unsent: int = 0) -> None:
        super().__init__(reason, erased_at, note)
        self.unsent = unsent


def secret_name(device_id: str) -> str:
    return f"device-secret:{device_id}"


def _secret(desk: Desk, *, create: bool) -> str | None:
    name = secret_name(desk.settings.device_id)
    value = keystore.get_secret(name)
    if value is None and create:
        value = secrets.token_urlsafe(32)
        keystore.set_secret(name, value)
    return value


def register(desk: Desk, client: AgencyClient) -> DeviceStatus | None:
    """Register this desk with the server the client is signed in to. A server without the device registry
    (404) or a passing network failure is logged, not fatal: the next sync registers."""
    secret = _secret(desk, create=True)
    assert secret is not None
    body = DeviceRegistration(device_id=desk.settings.device_id, device_secret=secret,
                              label=platform.node()[:120] or None, app_version=__version__)
    try:
        status = client._call("POST", "/devices", DeviceStatus, body=body)  # noqa: SLF001 - the one client
    except (ServerRefused, ServerUnreachable, ProtocolError) as exc:
        log.warning("this device could not be registered with the agency server (%s)", type(exc).__name__)
        return None
    desk.audit("device_registered")
    return status


def check_in(desk: Desk, client: AgencyClient) -> DeviceState:
    """Ask the agency about this desk; erase it now if it was reported lost. Returns the state."""
    secret = _secret(desk, create=False)
    status: DeviceStatus | None = None
    if secret is not None:
        try:
            status = client._call("POST", "/devices/status", DeviceStatus,  # noqa: SLF001
                                  body=DeviceProof(device_id=desk.settings.device_id, device_secret=secret),
                                  auth=False)
        except ServerRefused as exc:
            if exc.status != 404:  # 404: a server without the registry; anything else is the server's problem
                raise
    if status is None or status.status == DeviceState.UNKNOWN:
        status = register(desk, client) if client.token else None
    if status is None:
        return DeviceState.UNKNOWN
    if status.status == DeviceState.LOST:
        erase(desk, client, EraseReason.LOST, status.note)
    if status.status == DeviceState.RETIRED and not _unsent(desk):
        # Nothing left to send: no session is needed to finish (a returned laptop's session has often expired).
        erase(desk, client, EraseReason.RETIRED, status.note)
    return status.status


def _unsent(desk: Desk) -> int:
    from counselor_app.sync import outbox

    counts = outbox.counts(desk)
    return int(counts["queued"] + counts["parked"] + counts["conflict"])


def finish_if_retired(desk: Desk, client: AgencyClient, state: DeviceState, report: SyncReport) -> None:
    """After a round that got through: a retired desk has sent what the server would take; erase it."""
    if state != DeviceState.RETIRED or report.error is not None:
        return
    erase(desk, client, EraseReason.RETIRED, None, unsent=report.unsent)


def erase(desk: Desk, client: AgencyClient, reason: EraseReason, note: str | None, *, unsent: int = 0) -> None:
    settings = desk.settings
    secret = keystore.get_secret(secret_name(settings.device_id))
    names = [secret_name(settings.device_id)]
    if settings.server_url:
        from counselor_app.sync.service import token_key

        base = token_key(settings.server_url, settings.device_id)
        names.append(base)
        with desk.store.read() as session:
            names.extend(f"{base}#{u}" for u in session.scalars(select(User.username)))
    log.warning("the agency marked this device %s; erasing its data folder", reason)
    desk.close()
    erased = erase_data_folder(desk.paths, reason=reason, secrets=names, note=note)
    if secret is not None:
        try:
            client._call("POST", "/devices/wiped", DeviceStatus,  # noqa: SLF001
                         body=DeviceProof(device_id=settings.device_id, device_secret=secret), auth=False,
                         retry=False)
        except SyncError:
            pass  # the server learns it at the administrator's next look, from last_seen_at
    raise DeviceErasedBySync(str(reason), erased.erased_at, note, unsent=unsent)
