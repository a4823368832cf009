"""The Qt-free core: domain, rules and the encrypted local store. Scripts, the CLI and the app all use it.

``Actor``, ``Desk`` and ``open_desk`` are loaded on first use (PEP 562): they pull in SQLAlchemy and the models,
and the app must be able to read its settings and show its window before paying for that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from counselor_app.core.changes import Actor
    from counselor_app.core.desk import Desk, open_desk

_LAZY = {"Actor": "counselor_app.core.changes", "Desk": "counselor_app.core.desk",
         "open_desk": "counselor_app.core.desk"}

__all__ = [
    "Actor", "ConcurrentEditError", "CounselorDeskError", "Desk", "DuplicateJobSeekerWarning", "IssuanceRefused",
    "KeyringUnavailableError", "NotFoundError", "PermissionDeniedError", "StoreError", "ValidationError",
    "open_desk",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
