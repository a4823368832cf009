"""Which outcomes an appointment can end with: a person for every outcome that says something was done for one,
a license issued in the appointment for "License issued" (the trial finished a nobody as license_issued)."""

from __future__ import annotations

import pytest

from counselor_app.core.appointments import OUTCOMES, OUTCOMES_WITHOUT_PERSON, outcome_refusal
from counselor_app.core.errors import ValidationError
from counselor_app.core.vocabulary import AppointmentOutcome

ELIGIBLE = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}


def test_every_outcome_of_the_vocabulary_is_offered() -> None:
    assert set(OUTCOMES) == set(AppointmentOutcome)
    assert AppointmentOutcome.LEFT_BEFORE_SEEN in OUTCOMES_WITHOUT_PERSON


@pytest.mark.parametrize("outcome", list(AppointmentOutcome))
def test_without_a_job_seeker_only_the_outcomes_that_need_nobody(desk, outcome) -> None:
    appointment = desk.appointments.start(kind="walk_in").record  # nobody picked
    if outcome in (AppointmentOutcome.LEFT_BEFORE_SEEN, AppointmentOutcome.NEEDS_FOLLOW_UP):
        assert desk.appointments.complete(appointment.id, outcome=outcome).record.outcome == outcome
        return
    with pytest.raises(ValidationError) as refused:
        desk.appointments.complete(appointment.id, outcome=outcome)
    assert refused.value.field_errors["outcome"].code == "appointments.outcome_needs_person"
    assert desk.appointments.get(appointment.id).status == "in_progress"  # nothing saved


@pytest.mark.parametrize("outcome", list(AppointmentOutcome))
def test_with_a_job_seeker_and_no_license_everything_but_the_license_outcomes(desk, outcome) -> None:
    seeker = desk.job_seekers.register({"first_name": "Ana", "last_name": "Reyes", "email": "ana@example.org"},
                                       confirmed_not_duplicate=True).record
    appointment = desk.appointments.start(job_seeker_id=seeker.id).record
    if outcome in (AppointmentOutcome.LICENSE_ISSUED, AppointmentOutcome.PENDING_APPROVAL):
        with pytest.raises(ValidationError) as refused:
            desk.appointments.complete(appointment.id, outcome=outcome)
        assert refused.value.field_errors["outcome"].code == "appointments.outcome_needs_license"
    else:
        assert desk.appointments.complete(appointment.id, outcome=outcome).record.outcome == outcome


def test_license_issued_once_a_license_was_issued_in_this_appointment(desk) -> None:
    seeker = desk.job_seekers.register({"first_name": "Ana", "last_name": "Reyes", "email": "ana@example.org"},
                                       confirmed_not_duplicate=True).record
    earlier = desk.appointments.start(job_seeker_id=seeker.id).record
    attested = desk.appointments.attest(seeker.id, ELIGIBLE, appointment_id=earlier.id)
    assert desk.licenses.issue(seeker.id, appointment_id=earlier.id,
                               attestation_id=attested.attestation_id).status == "issued"
    later = desk.appointments.start(job_seeker_id=seeker.id).record
    with pytest.raises(ValidationError):  # issued in another appointment: not this one's outcome
        desk.appointments.complete(later.id, outcome="license_issued")
    assert desk.appointments.complete(earlier.id, outcome="license_issued").record.outcome == "license_issued"


@pytest.mark.parametrize("outcome", list(AppointmentOutcome))
@pytest.mark.parametrize("has_person", [False, True])
@pytest.mark.parametrize("statuses", [(), ("issued",), ("pending_approval",), ("revoked",)])
def test_the_rule_for_every_combination(outcome, has_person, statuses) -> None:
    refusal = outcome_refusal(outcome, has_person=has_person, issuance_statuses=statuses)
    allowed = ((has_person or outcome in OUTCOMES_WITHOUT_PERSON)
               and (outcome != "license_issued" or "issued" in statuses)
               and (outcome != "pending_approval" or "pending_approval" in statuses))
    assert (refusal is None) == allowed
