"""invitation files by "not yet sent": each license in exactly one batch

Revision ID: i12_invitations
Revises: 0002
Create Date: 2026-11-29 22:50:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'i12_invitations'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('invitation_batch',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('for_date', sa.Date(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation_batch')),
    sa.UniqueConstraint('for_date', name=op.f('uq_invitation_batch_for_date'))
    )
    with op.batch_alter_table('license', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invitation_batch_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_license_invitation_batch_id'), ['invitation_batch_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('license', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_license_invitation_batch_id'))
        batch_op.drop_column('invitation_batch_id')
    op.drop_table('invitation_batch')
