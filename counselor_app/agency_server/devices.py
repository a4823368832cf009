"""The device registry and remote sign-out (issue 17), apart from ``service.AgencyService``.

* A desk registers at sign-in (``POST /api/v1/devices``, with a session token) and thereafter asks its status with
  its device secret (``POST /api/v1/devices/status``, no token needed).
* An administrator marks a device ``lost`` (every session opened from it ends at once, and it can no longer sign
  in) or ``retired`` (it may still send what it holds, then erases itself), from the CLI
  (``counselor-agency-server device lost|retired|active|list``) or ``POST /api/v1/admin/devices/{id}/status``.
* ``sign_out_everywhere`` ends every session of one user on every device (``counselor-agency-server sign-out``,
  ``POST /api/v1/admin/users/{username}/sign-out``).

Every state change is audited (``AuditEvent``), naming ids and the administrator, never job seekers' data.
"""

import hmac
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from sqlalchemy import select, update

from counselor_app.agency_server import security
from counselor_app.agency_server.db import ServerStore
from counselor_app.agency_server.models import AuditEvent, Device, SessionToken, UserAccount, utcnow
from counselor_app.agency_server.service import BadRequest, Forbidden, NotFound, Principal, ServiceError
from counselor_app.sync.device_protocol import (
    DeviceInfo,
    DeviceList,
    DeviceProof,
    DeviceRegistration,
    DeviceState,
    DeviceStatus,
    DeviceStatusChange,
    SignOutResult,
)
from counselor_app.sync.protocol import API_PREFIX, ErrorBody


class Conflict(ServiceError):
    status = 409


class DeviceRegistry:
    def __init__(self, store: ServerStore, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    # -- the desk's side -----------------------------------------------------------------------------------
    def register(self, principal: Principal, request: DeviceRegistration) -> DeviceStatus:
        """Idempotent: the same device and secret again only updates when it was last seen and by whom."""
        digest = security.token_digest(request.device_secret)
        now = self.clock()
        with self.store.session() as session:
            device = session.get(Device, request.device_id)
            if device is None:
                device = Device(device_id=request.device_id, secret_hash=digest, label=request.label,
                                app_version=request.app_version, status=DeviceState.ACTIVE, registered_at=now,
                                registered_by=principal.username, last_seen_at=now, last_user=principal.username)
                session.add(device)
                session.add(AuditEvent(at=now, username=principal.username, action="device_registered",
                                       detail={"device_id": request.device_id}))
            elif not hmac.compare_digest(device.secret_hash, digest):
                raise Conflict("This device id is already registered with another secret. Ask IT to look at the "
                               "device list.")
            else:
                device.last_seen_at = now
                device.last_user = principal.username
                if request.app_version:
                    device.app_version = request.app_version
            return _status(device)

    def status(self, proof: DeviceProof) -> DeviceStatus:
        with self.store.session() as session:
            device = session.get(Device, proof.device_id)
            if device is None:
                return DeviceStatus(device_id=proof.device_id, status=DeviceState.UNKNOWN)
            if not hmac.compare_digest(device.secret_hash, security.token_digest(proof.device_secret)):
                raise Forbidden("This is not the device registered under this id.")
            device.last_seen_at = self.clock()
            return _status(device)

    def report_wiped(self, proof: DeviceProof) -> DeviceStatus:
        now = self.clock()
        with self.store.session() as session:
            device = session.get(Device, proof.device_id)
            if device is None:
                raise NotFound("No such device.")
            if not hmac.compare_digest(device.secret_hash, security.token_digest(proof.device_secret)):
                raise Forbidden("This is not the device registered under this id.")
            if device.status not in (DeviceState.LOST, DeviceState.RETIRED):
                raise BadRequest("Only a lost or retired device erases itself.")
            device.wiped_at = now
            session.add(AuditEvent(at=now, username=None, action="device_wiped",
                                   detail={"device_id": device.device_id, "status": device.status}))
            return _status(device)

    def refuse_sign_in(self, device_id: str | None) -> None:
        """A lost device cannot open sessions. A retired one can: its counselor may have to sign in again (an
        expired session) to send what it still holds before it erases itself."""
        if not device_id:
            return
        with self.store.read() as session:
            device = session.get(Device, device_id)
        if device is not None and device.status == DeviceState.LOST:
            raise Forbidden("This device has been reported lost; it cannot sign in. Ask IT.")

    # -- the administrator's side --------------------------------------------------------------------------
    def set_status(self, device_id: str, change: DeviceStatusChange, *, by: str) -> DeviceInfo:
        if change.status == DeviceState.UNKNOWN:
            raise BadRequest("A device can be marked lost, retired or active.")
        now = self.clock()
        with self.store.session() as session:
            device = session.get(Device, device_id)
            if device is None:
                raise NotFound("No device is registered under this id. 'device list' shows the devices.")
            previous = device.status
            device.status = change.status
            device.status_note = change.note
            device.status_changed_at = now
            device.status_changed_by = by
            ended = 0
            if change.status == DeviceState.LOST:
                # A thief must not send or receive anything more with a session the counselor left open.
                ended = session.execute(update(SessionToken).where(
                    SessionToken.device_id == device_id, SessionToken.revoked.is_(False)).values(
                    revoked=True)).rowcount or 0  # type: ignore[attr-defined]
            session.add(AuditEvent(at=now, username=by, action="device_status", note=change.note,
                                   detail={"device_id": device_id, "from": previous, "to": change.status,
                                           "sessions_ended": ended}))
            session.flush()
            return _info(device)

    def list(self) -> DeviceList:
        with self.store.read() as session:
            return DeviceList(devices=[_info(d) for d in session.scalars(
                select(Device).order_by(Device.registered_at))])

    def sign_out_everywhere(self, username: str, *, by: str) -> SignOutResult:
        now = self.clock()
        with self.store.session() as session:
            user = session.scalar(select(UserAccount).where(UserAccount.username == username))
            if user is None:
                raise NotFound("No such user.")
            ended = session.execute(update(SessionToken).where(
                SessionToken.user_id == user.id, SessionToken.revoked.is_(False)).values(revoked=True)).rowcount or 0  # type: ignore[attr-defined]
            session.add(AuditEvent(at=now, username=by, action="remote_sign_out",
                                   detail={"user": username, "sessions_ended": ended}))
        return SignOutResult(username=username, sessions_ended=int(ended))


def _status(device: Device) -> DeviceStatus:
    return DeviceStatus(device_id=device.device_id, status=DeviceState(device.status),
                        changed_at=device.status_changed_at, note=device.status_note)


def _info(device: Device) -> DeviceInfo:
    return DeviceInfo(device_id=device.device_id, label=device.label, status=DeviceState(device.status),
                      status_note=device.status_note, status_changed_at=device.status_changed_at,
                      status_changed_by=device.status_changed_by, registered_at=device.registered_at,
                      registered_by=device.registered_by, last_seen_at=device.last_seen_at,
                      last_user=device.last_user, wiped_at=device.wiped_at)


def register_routes(app: FastAPI, registry: DeviceRegistry, *, user: Callable[..., Principal],
                    admin: Callable[..., Principal]) -> None:
    """Add the device and remote sign-out routes to the app (called once from ``app.create_app``)."""
    errors: dict[int | str, dict[str, Any]] = {
        401: {"model": ErrorBody, "description": "No token, or the session has ended."},
        403: {"model": ErrorBody, "description": "Not allowed."}}
    # No postponed annotations in this module: FastAPI reads these local aliases when each route is defined.
    UserDep = Annotated[Principal, Depends(user)]  # noqa: N806
    AdminDep = Annotated[Principal, Depends(admin)]  # noqa: N806

    @app.post(f"{API_PREFIX}/devices", response_model=DeviceStatus, tags=["devices"],
              responses=errors | {409: {"model": ErrorBody, "description": "Registered with another secret."}})
    def register_device(request: DeviceRegistration, principal: UserDep) -> DeviceStatus:
        """Register this desk (at sign-in; repeating it is harmless). Answers the device's status."""
        return registry.register(principal, request)

    @app.post(f"{API_PREFIX}/devices/status", response_model=DeviceStatus, tags=["devices"],
              responses={403: {"model": ErrorBody, "description": "The secret does not match."}})
    def device_status(proof: DeviceProof) -> DeviceStatus:
        """The device's status, proven by its secret (no session token: a lost device's sessions are revoked).
        `lost`: erase everything and send nothing; `retired`: send what is queued, then erase."""
        return registry.status(proof)

    @app.post(f"{API_PREFIX}/devices/wiped", response_model=DeviceStatus, tags=["devices"],
              responses={403: {"model": ErrorBody}, 404: {"model": ErrorBody}})
    def device_wiped(proof: DeviceProof) -> DeviceStatus:
        """A lost or retired desk reports that it erased its data (best effort: it may have no network)."""
        return registry.report_wiped(proof)

    @app.get(f"{API_PREFIX}/admin/devices", response_model=DeviceList, tags=["administration"], responses=errors)
    def list_devices(principal: AdminDep) -> DeviceList:
        """Every registered device, with its status and when it was last seen."""
        return registry.list()

    @app.post(f"{API_PREFIX}/admin/devices/{{device_id}}/status", response_model=DeviceInfo,
              tags=["administration"], responses=errors | {404: {"model": ErrorBody}})
    def set_device_status(device_id: str, change: DeviceStatusChange,
                          principal: AdminDep) -> DeviceInfo:
        """Mark a device lost (its sessions end now; it erases itself at its next contact), retired (it sends
        what it holds, then erases itself) or active again."""
        return registry.set_status(device_id[:64], change, by=principal.username)

    @app.post(f"{API_PREFIX}/admin/users/{{username}}/sign-out", response_model=SignOutResult,
              tags=["administration"], responses=errors | {404: {"model": ErrorBody}})
    def sign_out_user(username: str, principal: AdminDep) -> SignOutResult:
        """End every session of a user on every device; their desks ask them to sign in again."""
        return registry.sign_out_everywhere(username[:120], by=principal.username)
