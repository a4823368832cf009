"""Outbox entries keep the server's reason code beside its sentence (issue 13).

The Sync page's Problem column is worded by the desk from the code, in the counselor's language; the server's own
sentence stays in ``last_error`` and is shown as the detail.

Revision ID: i13_outbox_reason_code
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i13_outbox_reason_code"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("reason_code", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("reason_code")
