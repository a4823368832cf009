"""the center calendar's clash check served by an index: a counselor's live bookings by sign-in name (issue 16)

A partial expression index over the booking rows only (other records add nothing to it), on the center and the
JSON key the rule reads, written the same way in ``calendar_rules.counselor_key_sql`` so each database matches
the query to it.

Revision ID: i16b_booking_index
Revises: i11_sync_checkpoint
Create Date: 2026-11-30 01:50:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counselor_app.agency_server.calendar_rules import BOOKING_INDEX, BOOKINGS_ONLY, counselor_key_sql

revision = 'i16b_booking_index'
down_revision = 'i11_sync_checkpoint'
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index(BOOKING_INDEX, 'server_record', ['center_id', sa.text(counselor_key_sql(dialect, qualified=False))],
                    unique=False, postgresql_where=sa.text(BOOKINGS_ONLY), sqlite_where=sa.text(BOOKINGS_ONLY))


def downgrade() -> None:
    op.drop_index(BOOKING_INDEX, table_name='server_record')
