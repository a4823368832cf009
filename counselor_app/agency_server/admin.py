"""Administration and reads for people: catalog publishing, progress import, invitation files, statistics,
job-seeker lookups, progress lists and report summaries."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

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
    csv_safe,
)
from counselor_app.agency_server.feed import FeedService
from counselor_app.agency_server.models import (
    AuditEvent,
    CatalogVersion,
    Center,
    ChangeLog,
    DeviceBlock,
    FeedEntry,
    LearnerProgress,
    License,
    ProgressImport,
    ServerRecord,
    UserAccount,
)
from counselor_app.core.usage_report import read_usage_report
from counselor_app.sync import protocol as p


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
            self._feed_put(session, ctx, kind="catalog", key="current",
                           data={"catalog_version": version, "published_at": now.isoformat(), "catalog": catalog})
            self._publish_feed(session, ctx)
            session.add(AuditEvent(at=now, username=by, action="catalog_published", detail={"version": version}))
        return p.CatalogPublished(catalog_version=version, published_at=now)

    def import_progress(self, data: bytes | str, *, file_name: str, by: str | None) -> p.ProgressImportResult:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if len(raw) > MAX_PROGRESS_BYTES:
            raise BadRequest("The progress file is larger than 50 MB; split it and import the parts.")
        # The desk's parser: same columns, dates and refusals (every bad cell by row and column) on both sides.
        parsed = read_usage_report(raw, name=file_name)
        now = self.clock()
        with self.store.session() as session:
            ctx = _Batch(principal=_SYSTEM, device_id="", now=now)
            imp = ProgressImport(file_name=file_name[:260], sha256=hashlib.sha256(raw).hexdigest(),
                                 rows=len(parsed.rows), imported_by=by, imported_at=now)
            session.add(imp)
            session.flush()
            by_external: dict[str, ServerRecord] = {}
            by_email: dict[str, ServerRecord] = {}
            externals = sorted({ln.external_id for ln in parsed.rows if ln.external_id})
            emails = sorted({ln.email for ln in parsed.rows if ln.email})
            for chunk in _chunks(externals):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == "job_seeker",
                                                                      ServerRecord.entity_id.in_(chunk))):
                    by_external[rec.entity_id] = rec
            for chunk in _chunks(emails):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == "job_seeker",
                                                                      ServerRecord.email_lc.in_(chunk))):
                    by_email.setdefault(rec.email_lc or "", rec)
            matched = 0
            for line in parsed.rows:
                seeker = (by_external.get(line.external_id or "") or by_email.get(line.email or ""))
                course = line.course_name[:300]
                key = f"{line.external_id or ''}|{line.email or ''}|{course}"[:600]
                row = session.scalar(select(LearnerProgress).where(LearnerProgress.learner_key == key))
                if row is None:
                    row = LearnerProgress(learner_key=key)
                    session.add(row)
                row.job_seeker_id = seeker.entity_id if seeker else None
                row.center_id = seeker.center_id if seeker else None
                row.external_id = line.external_id
                row.email = line.email
                row.learner_name = line.learner_name
                row.program_name = line.program_name
                row.course_name = course
                row.enrollment_time = line.enrollment_time
                row.completion_time = line.completion_time
                row.completed = line.completed
                row.learning_hours = line.learning_hours or 0.0
                row.course_grade = line.course_grade
                row.import_id = imp.id
                row.updated_at = now
                session.flush()
                matched += 1 if seeker else 0
                self._feed_put(session, ctx, kind="progress", key=row.id, data=_progress_data(row),
                               center_id=row.center_id)
            imp.matched = matched
            imp.unmatched = len(parsed.rows) - matched
            self._publish_feed(session, ctx)
            session.add(AuditEvent(at=now, username=by, action="progress_imported",
                                   detail={"rows": len(parsed.rows), "matched": matched}))
            return p.ProgressImportResult(import_id=imp.id, rows=len(parsed.rows), matched=matched,
                                          unmatched=len(parsed.rows) - matched,
                                          ignored_columns=parsed.ignored_columns)

    def invitation_rows(self, day: date) -> list[tuple[str, str, str]]:
        """(Full Name, Email, External ID) of the licenses issued on ``day``; External ID is the job seeker's
        id, so the provider's progress report can be matched back without any PII."""
        with self.store.read() as session:
            licenses = list(session.scalars(select(License).where(License.issued_on == day,
                                                                  License.status == "issued")))
            names: dict[str, str] = {}
            ids = sorted({lic.job_seeker_id for lic in licenses})
            for chunk in _chunks(ids):
                for rec in session.scalars(select(ServerRecord).where(ServerRecord.entity == "job_seeker",
                                                                      ServerRecord.entity_id.in_(chunk))):
                    first = str(rec.data.get("first_name") or "").strip()
                    last = str(rec.data.get("last_name") or "").strip()
                    names[rec.entity_id] = f"{first} {last}".strip()
        rows = [(names.get(lic.job_seeker_id, ""), lic.email, lic.job_seeker_id) for lic in licenses]
        return sorted(rows, key=lambda r: (r[0].casefold(), r[1]))

    @staticmethod
    def invitation_csv(rows: Iterable[tuple[str, str, str]]) -> str:
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Full Name", "Email", "External ID"])
        for row in rows:
            writer.writerow([csv_safe(cell) for cell in row])
        return out.getvalue()

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
                            for status in ("applied", "duplicate", "conflict", "rejected")},
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
                ServerRecord.entity == "job_seeker", ServerRecord.deleted.is_(False))
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
