"""local sign-in per counselor, the author of each outbox row, the retention purge's record (issue 17)

Revision ID: i17_laptop_security
Revises: 0001
Create Date: 2026-11-29 22:00:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'i17_laptop_security'
down_revision = 'i16_outreach'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('local_credential',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('secret_hash', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_local_credential_user_id_app_user')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_local_credential'))
    )
    op.create_table('purged_record',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('purged_at', sa.DateTime(), nullable=False),
    sa.Column('run_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_purged_record'))
    )
    with op.batch_alter_table('purged_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purged_record_purged_at'), ['purged_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_purged_record_run_id'), ['run_id'], unique=False)
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author', sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('author')
    with op.batch_alter_table('purged_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purged_record_run_id'))
        batch_op.drop_index(batch_op.f('ix_purged_record_purged_at'))
    op.drop_table('purged_record')
    op.drop_table('local_credential')
