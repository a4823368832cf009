"""The protocol's device messages (issue 17): registering a desk, asking its status, and the administrator's
device and remote sign-out requests. Kept apart from ``protocol.py`` so the two evolve without colliding; the
server registers the routes in ``agency_server.devices`` and FastAPI writes them into the OpenAPI document.

A desk registers at sign-in with a random secret it keeps in its keyring. ``POST /api/v1/devices/status`` takes
that secret instead of a session token: once an administrator marks a device lost, all its sessions are revoked,
and the desk must still be able to learn that it has to erase itself.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class DeviceState(StrEnum):
    """What the agency says about a desk. ``lost``: erase everything now, send nothing. ``retired``: send what
    is still queued, then erase. ``unknown``: never registered (the desk registers at its next sign-in)."""

    ACTIVE = "active"
    LOST = "lost"
    RETIRED = "retired"
    UNKNOWN = "unknown"


class _Message(BaseModel):
    model_config = ConfigDict(extra="ignore")


class DeviceRegistration(_Message):
    device_id: str = Field(min_length=1, max_length=64)
    device_secret: str = Field(min_length=32, max_length=128,
                               description="Random, made by the desk and kept in its keyring; the server keeps its "
                                           "SHA-256 only.")
    label: str | None = Field(default=None, max_length=120, description="The computer's name, for IT.")
    app_version: str | None = Field(default=None, max_length=40)


class DeviceProof(_Message):
    device_id: str = Field(min_length=1, max_length=64)
    device_secret: str = Field(min_length=32, max_length=128)


class DeviceStatus(_Message):
    device_id: str
    status: DeviceState
    changed_at: datetime | None = None
    note: str | None = Field(default=None, description="The administrator's note, shown on the desk.")


class DeviceInfo(_Message):
    device_id: str
    label: str | None
    status: DeviceState
    status_note: str | None
    status_changed_at: datetime | None
    status_changed_by: str | None
    registered_at: datetime
    registered_by: str | None
    last_seen_at: datetime | None
    last_user: str | None
    wiped_at: datetime | None


class DeviceList(_Message):
    devices: list[DeviceInfo]


class DeviceStatusChange(_Message):
    status: DeviceState = Field(description="lost, retired or active (found again)")
    note: str | None = Field(default=None, max_length=500)


class SignOutResult(_Message):
    username: str
    sessions_ended: int
