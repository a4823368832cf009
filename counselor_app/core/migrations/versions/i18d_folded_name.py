"""folded name keys for the duplicate check, kept by triggers and backfilled in batches; report indexes (issue 18)

Revision ID: i18d_folded_name
Revises: i17_laptop_security
Create Date: 2026-11-30 00:40:00.000000
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import text

from counselor_app.core.name_keys import BACKFILL, TRIGGERS

revision = 'i18d_folded_name'
down_revision = 'i16_shared_calendar'
branch_labels = None
depends_on = None

# Job seekers folded per statement: bounds the statement's memory on a desk with a million of them.
BACKFILL_BATCH = 20_000


def upgrade() -> None:
    # WITHOUT ROWID: the primary key is the table, and each index carries it, so the candidate queries read
    # only the index (see core/name_keys.py).
    op.execute(
        "CREATE TABLE job_seeker_name_key ("
        "job_seeker_id VARCHAR(36) NOT NULL, prefix VARCHAR(12) NOT NULL, name_fold VARCHAR(480) NOT NULL, "
        "birth_date DATE, zip_code VARCHAR(10), "
        "CONSTRAINT pk_job_seeker_name_key PRIMARY KEY (job_seeker_id, prefix)) WITHOUT ROWID")
    op.execute("CREATE INDEX ix_job_seeker_name_key_birth ON job_seeker_name_key (prefix, birth_date, name_fold)")
    op.execute("CREATE INDEX ix_job_seeker_name_key_zip ON job_seeker_name_key (prefix, zip_code, name_fold)")
    bind = op.get_bind()
    high = bind.execute(text("SELECT max(rowid) FROM job_seeker")).scalar() or 0
    low = 0
    while low < high:
        bind.execute(text(BACKFILL), {"low": low, "high": low + BACKFILL_BATCH})
        low += BACKFILL_BATCH
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # The summary workbook's filters: program and dates, a center or a counselor over dates.
    with op.batch_alter_table('license_issuance', schema=None) as batch_op:
        batch_op.create_index('ix_license_issuance_report', ['program_id', 'issued_on', 'center_id', 'issued_by',
                                                             'status', 'job_seeker_id'], unique=False)
        batch_op.create_index('ix_license_issuance_center_report', ['program_id', 'center_id', 'issued_on'],
                              unique=False)
        batch_op.create_index('ix_license_issuance_counselor_report', ['program_id', 'issued_by', 'issued_on'],
                              unique=False)
    op.execute("ANALYZE job_seeker_name_key")
    op.execute("ANALYZE license_issuance")


def downgrade() -> None:
    with op.batch_alter_table('license_issuance', schema=None) as batch_op:
        batch_op.drop_index('ix_license_issuance_counselor_report')
        batch_op.drop_index('ix_license_issuance_center_report')
        batch_op.drop_index('ix_license_issuance_report')
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS job_seeker_name_key")
