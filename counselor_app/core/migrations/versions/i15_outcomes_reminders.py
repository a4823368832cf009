"""outcomes, reminder sends, removal entries; job_seeker.prefers_text (issue 15)

Revision ID: i15_outcomes
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i15_outcomes"
down_revision = "i13_outbox_reason_code"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job_seeker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prefers_text", sa.Boolean(), nullable=False, server_default="0"))
    op.create_table(
        "outcome",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("proposal_key", sa.String(length=400), nullable=False),
        sa.Column("job_seeker_id", sa.String(length=36), nullable=False),
        sa.Column("program_id", sa.String(length=60), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("system", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("achieved_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=36), nullable=True),
        sa.Column("entered_at", sa.DateTime(), nullable=True),
        sa.Column("entered_by", sa.String(length=36), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_seeker_id"], ["job_seeker.id"], name=op.f("fk_outcome_job_seeker_id_job_seeker")),
        sa.ForeignKeyConstraint(["reviewed_by"], ["app_user.id"], name=op.f("fk_outcome_reviewed_by_app_user")),
        sa.ForeignKeyConstraint(["entered_by"], ["app_user.id"], name=op.f("fk_outcome_entered_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
        sa.UniqueConstraint("proposal_key", name=op.f("uq_outcome_proposal_key")),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_job_seeker_id"), ["job_seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcome_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcome_status"), ["status"], unique=False)
    op.create_table(
        "reminder_send",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("job_seeker_id", sa.String(length=36), nullable=False),
        sa.Column("list_name", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("smtp_code", sa.Integer(), nullable=True),
        sa.Column("failure", sa.String(length=200), nullable=True),
        sa.Column("message_id", sa.String(length=200), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("sent_by", sa.String(length=36), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["job_seeker_id"], ["job_seeker.id"],
                                name=op.f("fk_reminder_send_job_seeker_id_job_seeker")),
        sa.ForeignKeyConstraint(["sent_by"], ["app_user.id"], name=op.f("fk_reminder_send_sent_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_send")),
    )
    with op.batch_alter_table("reminder_send", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_send_job_seeker_id"), ["job_seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_send_list_name"), ["list_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_send_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_send_claimed_at"), ["claimed_at"], unique=False)
    op.create_table(
        "removal_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("issuance_id", sa.String(length=36), nullable=False),
        sa.Column("job_seeker_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=True),
        sa.Column("written_at", sa.DateTime(), nullable=True),
        sa.Column("written_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["issuance_id"], ["license_issuance.id"],
                                name=op.f("fk_removal_entry_issuance_id_license_issuance")),
        sa.ForeignKeyConstraint(["job_seeker_id"], ["job_seeker.id"],
                                name=op.f("fk_removal_entry_job_seeker_id_job_seeker")),
        sa.ForeignKeyConstraint(["written_by"], ["app_user.id"], name=op.f("fk_removal_entry_written_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removal_entry")),
        sa.UniqueConstraint("issuance_id", name=op.f("uq_removal_entry_issuance_id")),
    )
    with op.batch_alter_table("removal_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_removal_entry_job_seeker_id"), ["job_seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_removal_entry_written_at"), ["written_at"], unique=False)


def downgrade() -> None:
    op.drop_table("removal_entry")
    op.drop_table("reminder_send")
    op.drop_table("outcome")
    with op.batch_alter_table("job_seeker", schema=None) as batch_op:
        batch_op.drop_column("prefers_text")
