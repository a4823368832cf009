"""sync checkpoints (a restored server is noticed by every device) and the change log by record (repairs ask
which versions the server held when)

Revision ID: i11_sync_checkpoint
Revises: i18_batch_indexes
Create Date: 2026-11-30 00:40:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'i11_sync_checkpoint'
down_revision = 'i18_batch_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_checkpoint',
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('matched', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'user_id', name=op.f('pk_sync_checkpoint'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_record', ['entity', 'entity_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_record')
    op.drop_table('sync_checkpoint')
