from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counselor_app.core import ConcurrentEditError, DuplicateJobSeekerWarning, ValidationError
from counselor_app.core.models import AuditEvent, JobSeeker, OutboxEntry

MARIA = {"first_name": "María", "last_name": "López", "email": "maria.lopez@example.com",
         "phone": "(617) 555-0123", "zip_code": "02119", "birth_date": "04/12/1985",
         "preferred_language": "es", "education": "high_school", "last_occupation_soc": "41-2031",
         "digital_skill": 2, "weekly_hours": 10, "barriers": ["no_computer"], "consent_to_contact": True}


def counts(desk) -> tuple[int, int, int]:
    with desk.store.read() as s:
        return (s.scalar(select(func.count()).select_from(JobSeeker)),
                s.scalar(select(func.count()).select_from(OutboxEntry)),
                s.scalar(select(func.count()).select_from(AuditEvent)))


def test_register_writes_record_outbox_and_audit_together(desk) -> None:
    seeker = desk.job_seekers.register(MARIA).record
    assert seeker.phone == "6175550123" and seeker.version == 1
    assert counts(desk) == (1, 1, 1)
    with desk.store.read() as s:
        entry = s.scalar(select(OutboxEntry))
        assert (entry.entity, entry.entity_id, entry.op, entry.base_version) == ("job_seeker", seeker.id, "create",
                                                                                 None)
        assert entry.payload["email"] == "maria.lopez@example.com"
        audit = s.scalar(select(AuditEvent))
        assert (audit.action, audit.entity_id, audit.actor_name) == ("create", seeker.id, "dana.rivera")


@pytest.mark.parametrize("field, value, fragment", [
    ("email", "maria@gmail", "not a valid domain"),
    ("phone", "555-0123", "10-digit"),
    ("zip_code", "2119", "ZIP"),
    ("birth_date", "31/12/1985", "not a date"),
    ("first_name", "", "Enter the first name"),
    ("last_name", "L0pez", "character"),
    ("digital_skill", 7, "from 1"),
    ("weekly_hours", -3, "more than 0"),
    ("barriers", ["teleportation"], "Unknown barrier"),
    ("last_occupation_soc", "412031", "SOC code"),
    ("preferred_language", "klingon", "preferred language"),
    ("education", "phd", "education"),
    ("consent_to_contact", "maybe", "yes or no"),
])
def test_bad_input_is_refused_field_by_field_and_writes_nothing(desk, field, value, fragment) -> None:
    with pytest.raises(ValidationError) as err:
        desk.job_seekers.register(MARIA | {field: value})
    assert fragment in err.value.field_errors[field]
    assert counts(desk) == (0, 0, 0)


def test_all_errors_are_reported_at_once(desk) -> None:
    with pytest.raises(ValidationError) as err:
        desk.job_seekers.register({"first_name": "", "email": "x", "phone": "1", "nickname": "Mimi"})
    # One name is enough (issue 12): the last name is not required.
    assert set(err.value.field_errors) == {"first_name", "email", "phone", "nickname"}


@pytest.mark.parametrize("second, reason", [
    ({"first_name": "Rosa", "last_name": "Díaz", "email": "MARIA.LOPEZ@example.com"}, "same e-mail address"),
    ({"first_name": "Rosa", "last_name": "Díaz", "phone": "617.555.0123"}, "same phone number"),
    ({"first_name": "Maria", "last_name": "Lopez", "birth_date": "1985-01-01"}, "nearly the same name and birth year"),
    ({"first_name": "Mariá", "last_name": "Lopes", "zip_code": "02119"}, "nearly the same name and ZIP code"),
])
def test_possible_duplicates_are_reported_before_a_second_record(desk, second, reason) -> None:
    first = desk.job_seekers.register(MARIA).record
    with pytest.raises(DuplicateJobSeekerWarning) as warn:
        desk.job_seekers.register(second)
    assert warn.value.candidates[0].id == first.id
    assert reason in warn.value.candidates[0].reasons
    assert "may already be registered" in str(warn.value)
    assert counts(desk)[0] == 1
    desk.job_seekers.register(second, confirmed_not_duplicate=True)
    assert counts(desk)[0] == 2


def test_different_people_are_not_flagged(desk) -> None:
    desk.job_seekers.register(MARIA)
    other = {"first_name": "Mario", "last_name": "Pérez", "zip_code": "02119", "birth_date": "1985-02-02"}
    assert desk.job_seekers.find_duplicates(other) == []


def test_search_by_prefix_over_names_email_phone_and_agency_id(desk) -> None:
    maria = desk.job_seekers.register(MARIA | {"agency_customer_id": "MA1234567"}).record
    desk.job_seekers.register({"first_name": "Mariana", "last_name": "Smith", "email": "msmith@example.org"})
    desk.job_seekers.register({"first_name": "王", "last_name": "秀英", "phone": "212-555-0188"})
    ids = lambda q: [r.id for r in desk.job_seekers.search(q)]  # noqa: E731
    assert ids("lopez") == [maria.id]  # accents folded
    assert ids("LÓP") == [maria.id]
    assert len(ids("mari")) == 2
    assert ids("maria lo") == [maria.id]
    assert ids("maria.lopez@exa") == [maria.id]
    assert ids("617 555") == [maria.id]
    assert ids("0123") == [maria.id]  # last four digits
    assert ids("MA12345") == [maria.id]
    assert len(ids("秀英")) == 1
    assert ids("zzz") == []
    assert ids('"; DROP TABLE job_seeker; --') == []
    assert ids("") and len(ids("")) == 3


def test_search_ranks_the_better_match_first(desk) -> None:
    desk.job_seekers.register({"first_name": "Smith", "last_name": "Jones", "email": "a@example.com"})
    best = desk.job_seekers.register({"first_name": "Anna", "last_name": "Smith", "email": "anna.smith@example.com"}).record
    assert desk.job_seekers.search("anna smith")[0].id == best.id


def test_update_bumps_version_and_queues_only_the_change(desk) -> None:
    seeker = desk.job_seekers.register(MARIA).record
    updated = desk.job_seekers.update(seeker.id, {"email": "maria.l@example.com"}, expected_version=1).record
    assert updated.version == 2
    with desk.store.read() as s:
        entry = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert entry.op == "update" and entry.base_version == 1
        assert entry.payload["email"] == "maria.l@example.com" and "first_name" not in entry.payload
    assert [r.id for r in desk.job_seekers.search("maria.l@")] == [seeker.id]
    with pytest.raises(ConcurrentEditError, match="while you were editing"):
        desk.job_seekers.update(seeker.id, {"email": "x@example.com"}, expected_version=1)
    # Saving without changes writes nothing.
    before = counts(desk)
    desk.job_seekers.update(seeker.id, {"email": "maria.l@example.com"})
    assert counts(desk) == before


def test_history_is_audited_as_a_view(desk) -> None:
    seeker = desk.job_seekers.register(MARIA).record
    history = desk.job_seekers.history(seeker.id)
    assert history.licenses == [] and history.appointments == []
    with desk.store.read() as s:
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) == "view"
