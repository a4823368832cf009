from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from counselor_app.core import IssuanceRefused, PermissionDeniedError, ValidationError, open_desk
from counselor_app.core.models import (
    AuditEvent,
    CaseManagementService,
    EligibilityAttestation,
    LicenseIssuance,
    OutboxEntry,
)
from counselor_app.core.settings import Settings

ELIGIBLE = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}
NOT_ELIGIBLE = {"employment_status": "employed", "covid_reason": "not_related", "attests": True}


def person(desk, n: int = 0, **extra):
    data = {"first_name": "Keisha", "last_name": f"Brown{'abcdefghij'[n % 10]}", "email": f"keisha{n}@example.com"}
    return desk.job_seekers.register(data | extra, confirmed_not_duplicate=True).record


def eligible_person(desk, n: int = 0, **extra):
    seeker = person(desk, n, **extra)
    desk.appointments.attest(seeker.id, ELIGIBLE)
    return seeker


def test_issuing_records_license_service_outbox_and_audit(desk) -> None:
    seeker = person(desk)
    appt = desk.appointments.start(job_seeker_id=seeker.id).record
    att = desk.appointments.attest(seeker.id, ELIGIBLE, appointment_id=appt.id)
    result = desk.licenses.issue(seeker.id, appointment_id=appt.id, attestation_id=att.attestation_id)
    assert result.status == "issued" and result.email == "keisha0@example.com"
    with desk.store.read() as s:
        lic = s.get(LicenseIssuance, result.issuance_id)
        assert (lic.issued_on, lic.attestation_id, lic.program_id) == (date(2020, 10, 1), att.attestation_id,
                                                                       "ma-coursera-2020")
        service = s.get(CaseManagementService, result.service_record_id)
        assert (service.system, service.service_label, service.service_category) == (
            "MOSES", "Coursera License Issued", "career_service_referral")
        entities = [e for (e,) in s.execute(select(OutboxEntry.entity).order_by(OutboxEntry.seq))]
        # The attestation ("unemployed, laid off") also brings the person's record up to date.
        assert entities == ["job_seeker", "appointment", "job_seeker", "eligibility_attestation",
                            "license_issuance", "case_service"]
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "license_issue")).entity_id == lic.id
        stored = s.get(EligibilityAttestation, att.attestation_id)
        assert stored.text_version == "MA-2020-09-08" and stored.answers == ELIGIBLE
        assert stored.counselor_id == desk.actor.user_id and stored.attestation_text.startswith("I attest")


def _no_new_license(desk, fn) -> IssuanceRefused:
    with desk.store.read() as s:
        before = (s.scalar(select(func.count()).select_from(LicenseIssuance)),
                  s.scalar(select(func.count()).select_from(OutboxEntry)))
    with pytest.raises(IssuanceRefused) as err:
        fn()
    with desk.store.read() as s:
        after = (s.scalar(select(func.count()).select_from(LicenseIssuance)),
                 s.scalar(select(func.count()).select_from(OutboxEntry)))
    assert before == after
    assert err.value.next_step
    return err.value


def test_refused_when_not_eligible(desk) -> None:
    seeker = person(desk)
    desk.appointments.attest(seeker.id, NOT_ELIGIBLE)
    err = _no_new_license(desk, lambda: desk.licenses.issue(seeker.id))
    assert err.reason_code == "not_eligible" and "not eligible" in str(err)


def test_refused_without_attestation(desk) -> None:
    seeker = person(desk)
    assert _no_new_license(desk, lambda: desk.licenses.issue(seeker.id)).reason_code == "no_attestation"


def test_refused_without_a_valid_email(desk) -> None:
    seeker = desk.job_seekers.register({"first_name": "Wei", "last_name": "Chen"}).record
    desk.appointments.attest(seeker.id, ELIGIBLE)
    err = _no_new_license(desk, lambda: desk.licenses.issue(seeker.id))
    assert err.reason_code == "invalid_email" and "Correct the e-mail" in err.next_step


def test_refused_when_already_licensed(desk) -> None:
    seeker = eligible_person(desk)
    desk.licenses.issue(seeker.id)
    err = _no_new_license(desk, lambda: desk.licenses.issue(seeker.id))
    assert err.reason_code == "already_licensed" and "October 1, 2020" in str(err)


def test_refused_after_issue_by(configured_data_dir) -> None:
    with open_desk(data_dir=configured_data_dir, agency="ma", today=date(2020, 10, 24)) as late:
        seeker = eligible_person(late)
        err = _no_new_license(late, lambda: late.licenses.issue(seeker.id))
    assert err.reason_code == "past_issue_by" and "October 23, 2020" in str(err)


def test_offline_past_the_block_is_pending_approval_never_issued(configured_data_dir) -> None:
    settings = Settings.load(configured_data_dir / "settings.json")
    settings.default_offline_license_block = 2
    settings.save(configured_data_dir / "settings.json")
    with open_desk(data_dir=configured_data_dir, agency="ma", today=date(2020, 10, 1)) as desk:
        results = [desk.licenses.issue(eligible_person(desk, n).id) for n in range(4)]
        assert [r.status for r in results] == ["issued", "issued", "pending_approval", "pending_approval"]
        assert results[2].service_record_id is None
        status = desk.licenses.pool_status()
        assert (status.block_remaining, status.issued_here, status.pending_here) == (0, 2, 2)
        with pytest.raises(IssuanceRefused, match="no licenses left"):
            desk.licenses.approve_pending(results[2].issuance_id)
        desk.licenses.set_block(block_size=10, issued_statewide=1200)
        approved = desk.licenses.approve_pending(results[2].issuance_id)
        assert approved.status == "issued" and approved.service_record_id
        assert desk.licenses.pool_status().pending_here == 1


def test_only_administrators_revoke_and_always_with_a_reason(desk, configured_data_dir) -> None:
    seeker = eligible_person(desk)
    result = desk.licenses.issue(seeker.id)
    with pytest.raises(PermissionDeniedError):
        desk.licenses.change_status(result.issuance_id, status="revoked", reason="Duplicate")
    desk.close()
    settings = Settings.load(configured_data_dir / "settings.json")
    settings.counselor_name, settings.counselor_role = "Ana Admin", "administrator"
    settings.save(configured_data_dir / "settings.json")
    with open_desk(data_dir=configured_data_dir, agency="ma", today=date(2020, 10, 1)) as admin:
        with pytest.raises(ValidationError, match="reason"):
            admin.licenses.change_status(result.issuance_id, status="revoked", reason=" ")
        lic = admin.licenses.change_status(result.issuance_id, status="inactivated", reason="Learner asked").record
        assert lic.status == "inactivated" and lic.version == 2
        with pytest.raises(IssuanceRefused, match="already inactivated"):
            admin.licenses.change_status(result.issuance_id, status="revoked", reason="again")
        # A new license may be issued once the earlier one is no longer live.
        assert admin.licenses.issue(seeker.id).status == "issued"
