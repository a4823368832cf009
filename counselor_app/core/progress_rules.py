"""The one rule set for turning usage-report rows into learners' progress, used by the desk's import
(``core/progress_import.py``) and the agency server's (``agency_server/service.py``), so the same file gives
the same figures at both ends (``tests/core/test_import_parity.py`` runs files through both and compares).

- **Key.** A row is one learner in one course: (External ID, e-mail, course name), e-mail compared by
  ``usage_report.email_match_key``.
- **Merge.** Two rows with one key (a re-enrollment, or the course in two programs) become one: the further
  along wins — completed before not completed, then the later activity, then more hours.
- **Match.** External ID to the job seeker's id (what the invitation file writes), then to the agency customer
  id (MOSES / OSOS); then the e-mail, against the job seeker's record and the address their license went to.
  An e-mail that belongs to several people (a family sharing one address) matches nobody: the row is held
  for review, never given to whichever person the database returned first.

Qt-free and storage-free: each end loads the people it knows into a ``LearnerMatcher``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from counselor_app.core.usage_report import UsageRow, email_match_key

RowKey = tuple[str, str, str]

# Why a row matched nobody: codes for the UI to translate, with the English text beside them.
UNMATCHED_REASONS = {
    "shared_email": "This e-mail address belongs to {count} job seekers; the row needs an External ID to tell "
                    "them apart.",
    "no_match_id_or_email": "No job seeker has this External ID or e-mail address.",
    "no_match_id": "No job seeker has this External ID.",
    "no_match_email": "No job seeker has this e-mail address.",
}


def row_key(external_id: str | None, email: str | None, course: str) -> RowKey:
    return (external_id or "", email_match_key(email) if email else "", course)


def further_along(a: UsageRow, b: UsageRow) -> UsageRow:
    """Of two rows for one learner and course, the one further along (``a`` on a tie: the earlier row)."""
    def rank(r: UsageRow) -> tuple[bool, datetime, float]:
        last = r.last_activity_time or r.completion_time or r.enrollment_time or datetime.min
        return (r.completed, last, r.learning_hours or 0.0)
    return a if rank(a) >= rank(b) else b


@dataclass(slots=True)
class MergedRows:
    rows: dict[RowKey, UsageRow]  # in the report's order; each row keeps the row number it first appeared on
    duplicates: int  # rows folded into another


def merge_rows(rows: Iterable[UsageRow]) -> MergedRows:
    merged: dict[RowKey, UsageRow] = {}
    duplicates = 0
    for r in rows:
        key = row_key(r.external_id, r.email, r.course_name)
        other = merged.get(key)
        if other is None:
            merged[key] = r
            continue
        duplicates += 1
        kept = further_along(other, r)
        merged[key] = kept if kept.row == other.row else _renumbered(kept, other.row)
    return MergedRows(merged, duplicates)


def _renumbered(row: UsageRow, number: int) -> UsageRow:
    from dataclasses import replace

    return replace(row, row=number)


@dataclass(slots=True)
class Match:
    job_seeker_id: str | None
    reason_code: str = ""  # a key of UNMATCHED_REASONS when nobody matched
    owners: int = 0

    @property
    def reason(self) -> str:
        return UNMATCHED_REASONS[self.reason_code].format(count=self.owners) if self.reason_code else ""


@dataclass(slots=True)
class LearnerMatcher:
    ids: set[str] = field(default_factory=set)
    by_customer_id: dict[str, str | None] = field(default_factory=dict)  # None: two people share it
    by_email: dict[str, set[str]] = field(default_factory=dict)

    def add_person(self, job_seeker_id: str, *, customer_id: str | None = None,
                   emails: Iterable[str | None] = ()) -> None:
        self.ids.add(job_seeker_id)
        if customer_id and customer_id.strip():
            key = customer_id.strip().casefold()
            known = self.by_customer_id.get(key, job_seeker_id)
            self.by_customer_id[key] = job_seeker_id if known == job_seeker_id else None
        for email in emails:
            self.add_email(job_seeker_id, email)

    def add_email(self, job_seeker_id: str, email: str | None) -> None:
        if email and email.strip():
            self.by_email.setdefault(email_match_key(email), set()).add(job_seeker_id)

    def match(self, external_id: str | None, email: str | None) -> Match:
        if external_id:
            if external_id in self.ids:
                return Match(external_id)
            found = self.by_customer_id.get(external_id.strip().casefold())
            if found:
                return Match(found)
        if email:
            owners = self.by_email.get(email_match_key(email), set())
            if len(owners) == 1:
                return Match(next(iter(owners)))
            if len(owners) > 1:
                return Match(None, "shared_email", len(owners))
        if external_id and email:
            return Match(None, "no_match_id_or_email")
        return Match(None, "no_match_id" if external_id else "no_match_email")
