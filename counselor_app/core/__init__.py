"""The Qt-free core: domain, rules and the encrypted local store. Scripts, the CLI and the app all use it."""

from counselor_app.core.changes import Actor
from counselor_app.core.desk import Desk, open_desk
from counselor_app.core.errors import (
    ConcurrentEditError,
    CounselorDeskError,
    DuplicateJobSeekerWarning,
    IssuanceRefused,
    KeyringUnavailableError,
    NotFoundError,
    PermissionDeniedError,
    StoreError,
    ValidationError,
)

__all__ = [
    "Actor", "ConcurrentEditError", "CounselorDeskError", "Desk", "DuplicateJobSeekerWarning", "IssuanceRefused",
    "KeyringUnavailableError", "NotFoundError", "PermissionDeniedError", "StoreError", "ValidationError",
    "open_desk",
]
