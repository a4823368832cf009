"""indexes for batch-shaped rule checks: one live license per person (partial unique), pool counts

Revision ID: i18_batch_indexes
Revises: 0002
Create Date: 2026-11-29 22:30:00.000000
"""
from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = 'i18_batch_indexes'
down_revision = 'i17_devices'
branch_labels = None
depends_on = None

LIVE = "status IN ('issued', 'pending_approval')"
log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    bind = op.get_bind()
    duplicates = bind.execute(sa.text(
        f"SELECT job_seeker_id, program_id FROM license WHERE {LIVE} "
        "GROUP BY job_seeker_id, program_id HAVING COUNT(*) > 1")).fetchall()
    if duplicates:
        # The rule was always kept by the server; a database that breaks it was edited by hand. Name one case
        # instead of failing on the index with the database's own message.
        raise RuntimeError(
            f"{len(duplicates)} job seeker(s) have more than one live license in a program (for example job "
            f"seeker {duplicates[0][0]} in {duplicates[0][1]}); revoke the extra ones, then start the server again.")
    op.create_index('uq_license_live_person', 'license', ['job_seeker_id', 'program_id'], unique=True,
                    postgresql_where=sa.text(LIVE), sqlite_where=sa.text(LIVE))
    op.create_index('ix_license_program_status', 'license', ['program_id', 'status'], unique=False)
    # Planner statistics for the new indexes and for the tables as they are now.
    if bind.dialect.name == "sqlite":
        op.execute("ANALYZE")
    else:
        op.execute("ANALYZE license, server_record, change_log, feed_entry")


def downgrade() -> None:
    op.drop_index('ix_license_program_status', table_name='license')
    op.drop_index('uq_license_live_person', table_name='license')
