"""One set of rules for desk and server (issue 11, item 1): whatever the desk's services let a counselor save
goes into the outbox as a payload the server's schema accepts. Hypothesis types what counselors type (any
Unicode, long strings, odd numbers) into the desk's services; what the desk refuses is fine, what it queues must
pass ``payload_problem``."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counselor_app.core.errors import CounselorDeskError
from counselor_app.core.models import OutboxEntry
from counselor_app.core.validation import BARRIERS, EDUCATION_LEVELS, EMPLOYMENT_STATUSES, LANGUAGES
from counselor_app.sync.payloads import payload_problem

ELIGIBLE = {"attests": True, "employment_status": "unemployed", "covid_reason": "laid_off"}
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
FORM = st.fixed_dictionaries({
    "first_name": TEXT, "last_name": TEXT,
}, optional={
    "email": st.emails() | TEXT, "phone": TEXT, "zip_code": st.from_regex(r"\A[0-9]{5}\Z") | TEXT,
    "preferred_language": st.sampled_from(LANGUAGES), "education": st.sampled_from(EDUCATION_LEVELS),
    "employment_status": st.sampled_from(EMPLOYMENT_STATUSES), "weekly_hours": st.floats(0, 100) | TEXT,
    "digital_skill": st.integers(-5, 10),
    "interests": st.lists(TEXT | st.text(min_size=195, max_size=260), max_size=30) | TEXT,
    "barriers": st.lists(st.sampled_from(BARRIERS), max_size=4), "last_occupation_title": TEXT,
    "agency_customer_id": TEXT, "consent_to_contact": st.booleans(), "ui_claimant": st.booleans(),
})


def _queued(desk: Any) -> list[OutboxEntry]:
    with desk.store.read() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(form=FORM, edit=FORM, note=TEXT | st.sampled_from(("n" * 10_000, "n" * 10_001, "n" * 25_000)),
       with_person=st.booleans())
def test_what_the_desk_saves_the_server_accepts(desk: Any, form: dict[str, Any], edit: dict[str, Any],
                                                note: str, with_person: bool) -> None:
    seen = {e.seq for e in _queued(desk)}
    try:
        seeker = desk.job_seekers.register(form, confirmed_not_duplicate=True).record
    except CounselorDeskError:
        seeker = None
    appointment = desk.appointments.start(job_seeker_id=seeker.id if seeker and with_person else None).record
    if seeker is not None:
        try:
            desk.job_seekers.update(seeker.id, edit)
        except CounselorDeskError:
            pass
        desk.appointments.save_wizard_state(appointment.id, step="find", state={"typed": note},
                                            job_seeker_id=seeker.id)
        attestation = desk.appointments.attest(seeker.id, ELIGIBLE, appointment_id=appointment.id)
        desk.appointments.save_plan(job_seeker_id=seeker.id, appointment_id=appointment.id,
                                    plan={"items": [{"title": note, "hours": 3.5}], "note": note})
        try:
            desk.appointments.add_note(job_seeker_id=seeker.id, body=note, appointment_id=appointment.id)
        except CounselorDeskError:
            pass
        try:
            desk.licenses.issue(seeker.id, appointment_id=appointment.id, attestation_id=attestation.attestation_id)
        except CounselorDeskError:
            pass
    try:
        desk.appointments.complete(appointment.id, outcome="needs_follow_up", notes=note or None)
    except CounselorDeskError:
        pass
    for entry in _queued(desk):
        if entry.seq in seen:
            continue
        problem = payload_problem(entry.entity, entry.op, entry.payload)
        assert problem is None, (entry.entity, entry.op, problem)
