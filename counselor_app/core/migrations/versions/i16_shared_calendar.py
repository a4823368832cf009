"""bookings shared between a center's desks: the counselor by sign-in name, notes (issue 16)

Revision ID: i16_shared_calendar
Revises: i17_laptop_security
Create Date: 2026-11-30 00:45:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'i16_shared_calendar'
down_revision = 'i17_laptop_security'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('appointment_booking', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counselor_key', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('counselor_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('notes', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_appointment_booking_counselor_key'), ['counselor_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('appointment_booking', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_booking_counselor_key'))
        batch_op.drop_column('notes')
        batch_op.drop_column('counselor_name')
        batch_op.drop_column('counselor_key')
