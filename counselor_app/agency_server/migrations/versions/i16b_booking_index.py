"""the center calendar's clash check served by an index: a counselor's live bookings by sign-in name (issue 16)

A partial expression index over the booking rows only (other records add nothing to it), on the center and the
JSON key the rule reads, spelled exactly as ``calendar_rules.counselor_key_sql`` spells it in the query (each
database matches a query to an expression index by its text). Written out here so this revision never changes.

Revision ID: i16b_booking_index
Revises: i11_sync_checkpoint
Create Date: 2026-11-30 01:50:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'i16b_booking_index'
down_revision = 'i11_sync_checkpoint'
branch_labels = None
depends_on = None

BOOKING_INDEX = "ix_server_record_booking_counselor"
BOOKINGS_ONLY = "entity = 'appointment_booking'"
KEY = {"postgresql": "(data ->> 'counselor_key')", "sqlite": "json_extract(data, '$.counselor_key')"}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index(BOOKING_INDEX, 'server_record', ['center_id', sa.text(KEY.get(dialect, KEY["sqlite"]))],
                    unique=False, postgresql_where=sa.text(BOOKINGS_ONLY), sqlite_where=sa.text(BOOKINGS_ONLY))


def downgrade() -> None:
    op.drop_index(BOOKING_INDEX, table_name='server_record')
