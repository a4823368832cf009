"""The batch path's one-statement writes (``db.insert_rows``: ``INSERT ... SELECT FROM unnest(arrays)`` on
PostgreSQL, executemany on SQLite) store every value as the ORM would: text with quotes, commas, braces and
backslashes (an array literal's special characters), non-ASCII, empty strings, NULLs, booleans, dates and JSON."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from counselor_app.agency_server.db import ServerStore, insert_rows, upsert_feed_rows
from counselor_app.agency_server.models import FeedEntry, ServerRecord

TRICKY = ['plain', 'a "quoted", {braced} value', "back\\slash and 'single'", "", "NULL", "José Ñúñez — ✓",
          "{1,2}", "line\nbreak\ttab"]


def test_bulk_rows_read_back_as_written(database_url: str) -> None:
    store = ServerStore(database_url)
    now = dt.datetime(2026, 11, 30, 1, 2, 3, 456789)
    rows = [{"entity": "job_seeker", "entity_id": f"id-{i}", "version": i + 1, "center_id": None,
             "email_lc": text if i % 2 else None,
             "data": {"id": f"id-{i}", "note": text, "list": [text, None, 1.5, True], "nested": {"k": text}},
             "deleted": bool(i % 3 == 0), "origin_device": text, "created_at": now, "updated_at": now,
             "updated_by": None} for i, text in enumerate(TRICKY)]
    with store.session() as session:
        insert_rows(session, ServerRecord.__table__, rows)
        upsert_feed_rows(session, [{"kind": "record", "key": f"job_seeker:id-{i}", "seq": 10 + i, "center_id": None,
                                    "origin_device": text, "only_device": None, "data": {"t": text}}
                                   for i, text in enumerate(TRICKY)])
    with store.session() as session:  # the same keys again: replaced, not duplicated
        upsert_feed_rows(session, [{"kind": "record", "key": "job_seeker:id-0", "seq": 99, "center_id": None,
                                    "origin_device": None, "only_device": "dev", "data": {}}])
    with store.read() as session:
        stored = {r.entity_id: r for r in session.scalars(select(ServerRecord))}
        feed = {f.key: f for f in session.scalars(select(FeedEntry))}
        for row in rows:
            got = stored[row["entity_id"]]
            assert (got.version, got.center_id, got.email_lc, got.data, got.deleted, got.origin_device,
                    got.created_at, got.updated_by) == (row["version"], None, row["email_lc"], row["data"],
                                                        row["deleted"], row["origin_device"], now, None)
        assert len(feed) == len(TRICKY)
        assert (feed["job_seeker:id-0"].seq, feed["job_seeker:id-0"].only_device) == (99, "dev")
        assert feed["job_seeker:id-1"].data == {"t": TRICKY[1]} and feed["job_seeker:id-1"].origin_device == TRICKY[1]
    store.close()
