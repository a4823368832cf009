"""Units of work over any SQLAlchemy engine: the desk's encrypted SQLite and the agency server's database alike.

Kept apart from ``core/db.py`` (which opens the desk's SQLCipher file) so the reference server can use the same
``Store`` without importing the desk's encryption driver: the server depends on core's pure parts only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from counselor_app.core.environment_errors import store_write_error

# Execution option that marks a read-only unit of work: it begins with a plain BEGIN, not BEGIN IMMEDIATE.
READ_ONLY_OPTION = "counselor_read_only"


class Store:
    """The engine plus short units of work. Services open one ``write()`` per operation and never keep a
    session beyond it, so no ORM session crosses threads or event-loop turns."""

    def __init__(self, engine: Engine, *, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        #: The signed-in counselor's user name, written into each outbox row (``Desk.switch_actor`` sets it).
        self.author: str | None = None
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(bind=engine.execution_options(**{READ_ONLY_OPTION: True}),
                                           expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything in the block commits together or not at all."""
        try:
            with self._sessions() as session, session.begin():
                session.info["counselor_desk_author"] = self.author  # core.changes.AUTHOR_INFO
                yield session
        except DBAPIError as exc:  # a full disk or a read-only folder: a sentence, and nothing was written
            sentence = store_write_error(exc)
            if sentence is None:
                raise
            raise sentence from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
