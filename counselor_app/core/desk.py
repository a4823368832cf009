"""``Desk``: one opened data folder: settings, agency profile, encrypted store, and the services over them.

This is the library's front door for the app, the CLI, scripts and tests alike::

    from counselor_app.core import open_desk
    with open_desk(data_dir="/tmp/x", agency="ma") as desk:
        desk.job_seekers.search("maria")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from counselor_app.core import device_wipe, key_escrow, keystore
from counselor_app.core.appointments import AppointmentService
from counselor_app.core.changes import Actor, record_audit
from counselor_app.core.db import Store, create_store_engine, migrate
from counselor_app.core.job_seekers import JobSeekerService
from counselor_app.core.licenses import LicenseService
from counselor_app.core.models import (
    Appointment,
    Center,
    JobSeeker,
    LicenseIssuance,
    OutboxEntry,
    SyncState,
    User,
    utcnow,
)
from counselor_app.core.op_changes import OpChanges, note_changes
from counselor_app.core.paths import DataPaths, resolve_data_dir
from counselor_app.core.profiles import AgencyProfile, load_profile
from counselor_app.core.settings import Settings
from counselor_app.core.vocabulary import LicenseStatus, OutboxState, Role


def username_for(display_name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", ".", display_name.casefold()).strip(".")
    return slug or "counselor"


# Sync state key: "1" makes the next sync start by reconciling with the server (ids and versions per entity).
# Set by the demo seeding, whose records count as sent though no server has seen them; cleared by sync once a
# reconcile got through (``sync.service``).
RECONCILE_PENDING_KEY = "sync_reconcile_pending"
# Sync state key: when the last sync that got through finished (ISO, UTC); written by ``sync.service``.
LAST_SUCCESS_KEY = "last_successful_sync"


@dataclass
class Desk:
    paths: DataPaths
    settings: Settings
    profile: AgencyProfile
    store: Store
    actor: Actor
    today_override: date | None = None

    def __post_init__(self) -> None:
        self.store.author = self.actor.username if self.actor.user_id else None
        self.job_seekers = JobSeekerService(self.store, self.actor, today=self.today_override,
                                            zone=self._center_zone_name)
        self.appointments = AppointmentService(self.store, self.actor, self.profile)
        self.licenses = LicenseService(self.store, self.actor, self.profile,
                                       default_block=self.settings.default_offline_license_block,
                                       today=self.today_override, zone=self._center_zone_name)

    def _center_zone_name(self) -> str | None:
        return getattr(self.settings, "center_time_zone", None)

    def switch_actor(self, actor: Actor) -> None:
        """Another counselor signed in on this laptop (``core.local_accounts``): from now on every record and
        audit event names them. The services are rebuilt around the new actor; nothing else is kept per person."""
        self.actor = actor
        self.__post_init__()

    # -- small shared state -----------------------------------------------------------------------------
    def get_state(self, key: str, default: str | None = None) -> str | None:
        with self.store.read() as session:
            row = session.get(SyncState, key)
            return row.value if row is not None else default

    def set_state(self, key: str, value: str) -> None:
        with self.store.write() as session:
            row = session.get(SyncState, key)
            if row is None:
                session.add(SyncState(key=key, value=value))
            else:
                row.value = value

    def audit(self, action: str, *, entity: str | None = None, entity_id: str | None = None,
              detail: dict[str, Any] | None = None) -> None:
        with self.store.write() as session:
            record_audit(session, self.actor, action, entity=entity, entity_id=entity_id, detail=detail)

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)
        note_changes(OpChanges(settings=True))

    def status(self) -> dict[str, Any]:
        """What IT support asks first: how much is here and how much has not reached the server."""
        with self.store.read() as session:
            issuances = dict(session.execute(select(LicenseIssuance.status, func.count())
                                             .group_by(LicenseIssuance.status)).all())
            outbox = dict(session.execute(select(OutboxEntry.status, func.count())
                                          .group_by(OutboxEntry.status)).all())
            last_sync = session.get(SyncState, LAST_SUCCESS_KEY)
            return {
                "data_dir": str(self.paths.root),
                "agency": self.profile.id,
                "program": self.profile.program.id,
                "job_seekers": int(session.scalar(select(func.count()).select_from(JobSeeker)) or 0),
                "appointments": int(session.scalar(select(func.count()).select_from(Appointment)) or 0),
                "issuances": {k: int(issuances.get(k, 0)) for k in
                              (LicenseStatus.ISSUED, LicenseStatus.PENDING_APPROVAL, LicenseStatus.REVOKED, LicenseStatus.INACTIVATED)},
                "outbox": {OutboxState.QUEUED: int(outbox.get("queued", 0)), OutboxState.PARKED: int(outbox.get("parked", 0)),
                           OutboxState.CONFLICT: int(outbox.get("conflict", 0))},
                "last_successful_sync": last_sync.value if last_sync else None,
            }

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ensure_actor(store: Store, settings: Settings) -> Actor:
    if not settings.configured:
        return Actor(user_id=None, username="unconfigured", display_name="(not set up)", role=Role.COUNSELOR)
    username = settings.counselor_username or username_for(settings.counselor_name)
    with store.write() as session:
        center = session.scalar(select(Center).where(Center.name == settings.center_name))
        if center is None:
            center = Center(name=settings.center_name, created_at=utcnow())
            session.add(center)
            session.flush()
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, display_name=settings.counselor_name, role=settings.counselor_role,
                        center_id=center.id, created_at=utcnow())
            session.add(user)
            session.flush()
        else:
            user.display_name = settings.counselor_name
            user.role = settings.counselor_role
            user.center_id = center.id
        return Actor(user_id=user.id, username=user.username, display_name=user.display_name, role=user.role,
                     center_id=center.id, center_name=center.name)


def open_store(paths: DataPaths, profile_id: str, *, plaintext_for_benchmark: bool = False,
               settings: Settings | None = None) -> Store:
    """Open (and migrate) the encrypted database of one agency profile. With ``settings``, the key is also sealed
    to the agency's recovery key when IT configured one (``core.key_escrow``)."""
    db_path = paths.database(profile_id)
    if plaintext_for_benchmark:
        key = None
    else:
        key_id = f"{paths.root}:{profile_id}"
        if db_path.exists():
            key_escrow.refuse_if_key_lost(db_path, keystore.get_secret(keystore.database_key_name(key_id)))
        key = keystore.get_or_create_database_key(key_id, create=not db_path.exists())
        if settings is not None:
            key_escrow.seal_for_deployment(paths.root, db_path, key, settings.recovery_public_key_file,
                                           device_id=settings.device_id)
    engine = create_store_engine(db_path, key_hex=key)
    try:
        migrate(engine, path=db_path, backups_dir=paths.backups_dir)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, path=db_path)


def open_desk(*, data_dir: str | Path | None = None, agency: str | None = None,
              today: date | None = None, plaintext_for_benchmark: bool = False,
              language: str | None = None) -> Desk:
    """``language`` picks the profile texts the job seeker reads (default: the app's language setting)."""
    paths = DataPaths(resolve_data_dir(data_dir))
    device_wipe.refuse_if_erased(paths)  # a desk erased as lost or retired never starts over silently
    paths.ensure()
    settings = Settings.load(paths.settings_file)
    if not paths.settings_file.exists():
        settings.save(paths.settings_file)  # keep the device id stable from the first run on
    profile_id = agency or settings.agency
    profile = load_profile(profile_id, data_dir=paths.root, language=language or settings.ui_language)
    store = open_store(paths, profile_id, plaintext_for_benchmark=plaintext_for_benchmark, settings=settings)
    try:
        actor = _ensure_actor(store, settings)
    except BaseException:
        store.close()
        raise
    return Desk(paths=paths, settings=settings, profile=profile, store=store, actor=actor, today_override=today)
