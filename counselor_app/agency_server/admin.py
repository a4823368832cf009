"""Administration and reads for people: catalog publishing, progress import, invitation files, statistics,
job-seeker lookups, progress lists and report summaries."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselor_app.agency_server.common import (
    _SYSTEM,
    LICENSE_STATUSES,
    MAX_PROGRESS_BYTES,
    BadRequest,
    Forbidden,
    NotFound,
    Principal,
    _Batch,
    _chunks,
)
from counselor_app.agency_server.feed import FeedService
from counselor_app.agency_server.models import (
    AuditEvent,
    CatalogVersion,
    Center,
    ChangeLog,
    DeviceBlock,
    FeedEntry,
    InvitationBatch,
    LearnerProgress,
    License,
    ProgressImport,
    ServerRecord,
    UserAccount,
)
from counselor_app.core.invitation_file import full_name, invitation_csv
from counselor_app.core.progress_rules import LearnerMatcher, merge_rows
from counselor_app.core.usage_report import read_usage_report
from counselor_app.core.vocabulary import ChangeResultStatus, Entity, FeedKind, LicenseStatus
from counselor_app.sync import protocol as p

_PROGRESS_FIELDS = ("learner_name", "program_name", "enrollment_time", "completion_time", "completed",
                    "learning_hours", "course_grade")


class AdminService(FeedService):
    """Catalog, progress import, invitation files, statistics and reports."""

    # -- administration ------------------------------------------------------------------------------------
    def publish_catalog(self, catalog: dict[str, Any], *, by: str | None) -> p.CatalogPublished:
        if not isinstance(catalog, dict) or not catalog:
            raise BadRequest("The catalog must be a JSON object.")
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now)
            version = int(session.scalar(select(func.max(CatalogVersion.version))) or 0) + 1
            session.add(CatalogVersion(version=version, data=catalog, published_at=now, published_by=by))
            self._feed_put(session, ctx, kind=FeedKind.CATALOG, key="current",
                           data={"catalog_version": version, "published_at": now.isoformat(), "catalog": catalog})
            self._publish_feed(session, ctx)
            session.add(AuditEvent(at=now, username=by, action="catalog_published", detail={"version": version}))
        return p.CatalogPublished(catalog_version=version, published_at=now)

    def import_progress(self, data: bytes | str, *, file_name: str, by: str | None) -> p.ProgressImportResult:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        # The desk's parser and the desk's rules (core/progress_rules.py): same columns, numbers, refusals,
        # matching and merging at both ends, so a file gives the same figures here and on a desk.
        parsed = read_usage_report(raw, name=file_name, max_bytes=MAX_PROGRESS_BYTES)
        merged = merge_rows(parsed.rows).rows
        fields = [f for f in _PROGRESS_FIELDS if f in parsed.columns or f == "completed"]
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now)
            imp = ProgressImport(file_name=file_name[:260], sha256=hashlib.sha256(raw).hexdigest(),
                                 rows=len(merged), imported_by=by, imported_at=now)
            session.add(imp)
            session.flush()
            matcher = LearnerMatcher()
            centers: dict[str, int | None] = {}
            for rec in session.execute(select(ServerRecord.entity_id, ServerRecord.email_lc, ServerRecord.data,
                                              ServerRecord.center_id)
                                       .where(ServerRecord.entity == Entity.JOB_SEEKER, ServerRecord.deleted.is_(False))):
                customer = rec.data.get("agency_customer_id") if isinstance(rec.data, dict) else None
                matcher.add_person(rec.entity_id, customer_id=str(customer) if customer else None,
                                   emails=(rec.email_lc,))
                centers[rec.entity_id] = rec.center_id
            for jsid, email in session.execute(select(License.job_seeker_id, License.email)):
                if jsid in centers:
                    matcher.add_email(jsid, email)
            matched = 0
            for key, line in merged.items():
                seeker_id = matcher.match(line.external_id, line.email).job_seeker_id
                course = line.course_name[:300]
                learner_key = "|".join((*key[:2], course))[:600]
                row = session.scalar(select(LearnerProgress).where(LearnerProgress.learner_key == learner_key))
                if row is None:
                    row = LearnerProgress(learner_key=learner_key, learning_hours=0.0, completed=False)
                    session.add(row)
                row.job_seeker_id = seeker_id
                row.center_id = centers.get(seeker_id) if seeker_id else None
                row.external_id = line.external_id
                row.email = line.email
                row.course_name = course
                for name in fields:  # a column this report lacks keeps what an earlier report said
                    setattr(row, name, getattr(line, name))
                if "learning_hours" in fields:
                    row.learning_hours = line.learning_hours or 0.0
                row.import_id = imp.id
                row.updated_at = now
                session.flush()
                matched += 1 if seeker_id else 0
                self._feed_put(session, ctx, kind=FeedKind.PROGRESS, key=row.id, data=_progress_data(row),
                               center_id=row.center_id)
            imp.matched = matched
            imp.unmatched = len(merged) - matched
            self._publish_feed(session, ctx)
            session.add(AuditEvent(at=now, username=by, action="progress_imported",
                                   detail={"rows": len(merged), "matched": matched}))
            return p.ProgressImportResult(import_id=imp.id, rows=len(merged), matched=matched,
                                          unmatched=len(merged) - matched,
                                          ignored_columns=parsed.ignored_columns)

    def invitation_rows(self, day: date, *, by: str | None = None) -> list[tuple[str, str, str]]:
        """(Full Name, Email, External ID) of the invitation file for ``day``, by "not yet sent" (issue 12).

        The first time a day is asked for, its file takes every issued license not in any file yet and issued
        on or before ``day`` (so a license issued offline and synced after its day's file goes into the next
        file), and marks them with the batch. Asking again for that day gives the same licenses back, never new
        invitations. External ID is the job seeker's id, so the progress report is matched back without PII."""
        with self.store.session() as session:
            batch = session.scalar(select(InvitationBatch).where(InvitationBatch.for_date == day))
            if batch is None:
                waiting = list(session.scalars(select(License).where(
                    License.status == LicenseStatus.ISSUED, License.invitation_batch_id.is_(None), License.issued_on <= day)))
                now = self.clock()
                ctx = _Batch(principal=_SYSTEM, device_id="", now=now)
                batch = InvitationBatch(for_date=day, row_count=len(waiting), created_by=by, created_at=now)
                session.add(batch)
                session.flush()
                for lic in waiting:
                    lic.invitation_batch_id = batch.id
                    self._mark_sent(session, ctx, lic.issuance_id, batch_id=batch.id, day=day)
                self._publish_feed(session, ctx)
                session.add(AuditEvent(at=self.clock(), username=by, action="invitation_file",
                                       detail={"for_date": day.isoformat(), "rows": len(waiting)}))
                licenses = waiting
            else:
                licenses = list(session.scalars(select(License).where(License.invitation_batch_id == batch.id)))
            names: dict[str, str] = {}
            ids = sorted({lic.job_seeker_id for lic in licenses})
            for chunk in _chunks(ids):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == Entity.JOB_SEEKER,
                                                                      ServerRecord.entity_id.in_(chunk))):
                    names[rec.entity_id] = full_name(rec.data.get("first_name"), rec.data.get("last_name"))
            rows = [(names.get(lic.job_seeker_id, ""), lic.email, lic.job_seeker_id) for lic in licenses]
        return sorted(rows, key=lambda r: (r[0].casefold(), r[1]))

    def _mark_sent(self, session: Session, ctx: _Batch, issuance_id: str, *, batch_id: str, day: date) -> None:
        """The sent mark travels to the desks in the license record itself: a new version in the feed."""
        rec = session.get(ServerRecord, ("license_issuance", issuance_id))
        if rec is None or rec.deleted:
            return
        version = rec.version + 1
        rec.data = dict(rec.data) | {"invitation_batch_id": batch_id, "invited_for": day.isoformat(),
                                     "version": version}
        rec.version = version
        rec.updated_at = ctx.now
        self._feed_put(session, ctx, kind=FeedKind.RECORD, key=f"license_issuance:{issuance_id}", data={},
                       center_id=rec.center_id)

    @staticmethod
    def invitation_csv(rows: Iterable[tuple[str, str, str]]) -> str:
        """The one invitation writer (``core/invitation_file.py``), shared with the desk."""
        return invitation_csv(rows)

    def stats(self) -> dict[str, Any]:
        with self.store.read() as session:
            records = dict(session.execute(select(ServerRecord.entity, func.count())
                                           .where(ServerRecord.deleted.is_(False))
                                           .group_by(ServerRecord.entity)).all())
            changes = dict(session.execute(select(ChangeLog.status, func.count())
                                           .group_by(ChangeLog.status)).all())
            licenses = dict(session.execute(select(License.status, func.count())
                                            .group_by(License.status)).all())

            def count(model: Any) -> int:
                return int(session.scalar(select(func.count()).select_from(model)) or 0)

            return {
                "records": {entity: int(records.get(entity, 0)) for entity in p.SYNCED_ENTITIES},
                "changes": {status: int(changes.get(status, 0))
                            for status in (ChangeResultStatus.APPLIED, ChangeResultStatus.DUPLICATE, ChangeResultStatus.CONFLICT, ChangeResultStatus.REJECTED)},
                "licenses": {status: int(licenses.get(status, 0)) for status in LICENSE_STATUSES},
                "users": count(UserAccount), "centers": count(Center), "learner_progress": count(LearnerProgress),
                "catalog_versions": count(CatalogVersion), "device_blocks": count(DeviceBlock),
                "feed_entries": count(FeedEntry),
            }

    # -- reads for people ----------------------------------------------------------------------------------
    def get_job_seeker(self, principal: Principal, entity_id: str) -> p.JobSeekerRecord:
        with self.store.read() as session:
            rec = session.get(ServerRecord, ("job_seeker", entity_id))
            if rec is None or rec.deleted:
                raise NotFound("No such job seeker.")
            if not principal.is_administrator and rec.center_id != principal.center_id:
                raise Forbidden("This job seeker belongs to another center.")
            center = session.get(Center, rec.center_id) if rec.center_id else None
            return p.JobSeekerRecord(entity_id=rec.entity_id, version=rec.version,
                                     center=center.name if center else "", data=rec.data)

    def list_progress(self, principal: Principal, *, limit: int, offset: int) -> p.ProgressList:
        if not principal.is_supervisor:
            raise Forbidden("Only supervisors and administrators can read learners' progress.")
        query = select(LearnerProgress)
        if not principal.is_administrator:
            query = query.where(LearnerProgress.center_id == principal.center_id)
        with self.store.read() as session:
            total = int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
            rows = list(session.scalars(query.order_by(LearnerProgress.id).offset(max(0, offset))
                                        .limit(max(1, min(limit, 1000)))))
            centers = dict(session.execute(select(Center.id, Center.name)).all())
        return p.ProgressList(total=total, rows=[p.ProgressRow(
            id=r.id, job_seeker_id=r.job_seeker_id, center=centers.get(r.center_id) if r.center_id else None,
            external_id=r.external_id, email=r.email, learner_name=r.learner_name, course_name=r.course_name,
            enrollment_time=r.enrollment_time, completion_time=r.completion_time, completed=r.completed,
            learning_hours=r.learning_hours) for r in rows])

    def report_summary(self, principal: Principal) -> p.ReportSummary:
        if not principal.is_supervisor:
            raise Forbidden("Only supervisors and administrators can read reports.")
        with self.store.read() as session:
            centers = dict(session.execute(select(Center.id, Center.name)).all())
            seekers = dict(session.execute(select(ServerRecord.center_id, func.count()).where(
                ServerRecord.entity == Entity.JOB_SEEKER, ServerRecord.deleted.is_(False))
                .group_by(ServerRecord.center_id)).all())
            lic = session.execute(select(License.center_id, License.status, func.count())
                                  .group_by(License.center_id, License.status)).all()
            prog = session.execute(select(LearnerProgress.center_id, LearnerProgress.completed, func.count())
                                   .group_by(LearnerProgress.center_id, LearnerProgress.completed)).all()
        out = []
        for center_id, name in sorted(centers.items(), key=lambda kv: kv[1]):
            if not principal.is_administrator and center_id != principal.center_id:
                continue
            out.append(p.CenterSummary(
                center=name, job_seekers=int(seekers.get(center_id, 0)),
                licenses_issued=sum(n for c, s, n in lic if c == center_id and s == "issued"),
                licenses_pending=sum(n for c, s, n in lic if c == center_id and s == "pending_approval"),
                learners_enrolled=sum(n for c, _done, n in prog if c == center_id),
                learners_completed=sum(n for c, done, n in prog if c == center_id and done)))
        return p.ReportSummary(centers=out)


def _progress_data(row: LearnerProgress) -> dict[str, Any]:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {"id": row.id, "job_seeker_id": row.job_seeker_id, "external_id": row.external_id, "email": row.email,
            "learner_name": row.learner_name, "program_name": row.program_name, "course_name": row.course_name,
            "enrollment_time": iso(row.enrollment_time), "completion_time": iso(row.completion_time),
            "completed": row.completed, "learning_hours": row.learning_hours, "course_grade": row.course_grade}
