"""Realistic synthetic data for demos, tests and benchmarks (``counselor-app seed-demo``).

Deterministic for a given seed. Names are drawn from the mix of backgrounds a Massachusetts or New York career
center serves; phone numbers use the 555-01xx range reserved for fiction where it can, and e-mail addresses use
the reserved ``example.`` domains so a demo can never invite a real person.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from threading import Event
from typing import Any

from sqlalchemy import insert, select

from counselor_app.core.changes import append_change, record_audit, record_payload
from counselor_app.core.desk import Desk
from counselor_app.core.models import (
    Appointment,
    CaseManagementService,
    Center,
    EligibilityAttestation,
    JobSeeker,
    LicenseIssuance,
    LicensePool,
    User,
    utcnow,
)
from counselor_app.core.op_changes import OpChanges, note_changes
from counselor_app.core.profiles import write_override
from counselor_app.core.vocabulary import (
    AppointmentKind,
    AppointmentOutcome,
    AppointmentStatus,
    ChangeOp,
    Entity,
    LicenseStatus,
    PlaceKind,
    Role,
)

FIRST_NAMES = (
    "María", "José", "Luis", "Ana", "Carmen", "Juan", "Rosa", "Carlos", "Yesenia", "Miguel", "James", "Mary",
    "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "William", "Elizabeth", "Keisha", "DeShawn",
    "Tyrone", "Aaliyah", "Jamal", "Latoya", "Wei", "Mei", "Jian", "Xiu", "Nguyen", "Linh", "Minh", "Thu",
    "Jean", "Marie", "Fabiola", "Wesner", "Guerline", "Fatima", "Mohammed", "Amina", "Omar", "Olga", "Dmitri",
    "Svetlana", "Priya", "Raj", "Anjali", "Sean", "Bridget", "Patrick", "Siobhan", "Giovanni", "Francesca",
    "João", "Conceição", "Thiago", "Kwame", "Abena", "Chinonso", "Ngozi", "Hyun", "Ji-woo", "Dana", "Alex",
)
LAST_NAMES = (
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Jackson", "Washington", "Jefferson", "Robinson", "Chen", "Wang", "Li", "Zhang", "Liu", "Nguyen", "Tran",
    "Pham", "Le", "Pierre", "Jean-Baptiste", "Joseph", "Louis", "Charles", "Ali", "Hassan", "Ahmed", "Ivanova",
    "Petrov", "Patel", "Shah", "Singh", "O'Brien", "Murphy", "Sullivan", "Kelly", "Rossi", "Russo", "Silva",
    "Santos", "Oliveira", "Mensah", "Okafor", "Kim", "Park", "Choi", "Rivera", "Cruz", "Reyes", "Morales",
)
DOMAINS = ("example.com", "example.org", "example.net")
MA_ZIPS = ("02108", "02119", "02121", "02125", "02128", "01841", "01843", "01602", "01605", "01103", "01109",
           "02740", "02301", "01850", "02150", "02151", "02360", "01420")
NY_ZIPS = ("10001", "10027", "10451", "10456", "11201", "11207", "11368", "11373", "10301", "12207", "14201",
           "14608", "13202", "10701", "10550", "11550")
MA_AREA = ("617", "857", "508", "774", "781", "339", "978", "351", "413")
NY_AREA = ("212", "646", "718", "347", "917", "516", "914", "518", "716", "585", "315")
# Low-wage occupations the seed's transition chart starts from, with SOC 2018 codes.
OCCUPATIONS = (
    ("41-2031", "Retail salesperson"), ("41-2011", "Cashier"), ("43-4051", "Customer service representative"),
    ("43-6014", "Administrative assistant"), ("49-9071", "Maintenance and repair worker"),
    ("35-3023", "Fast food and counter worker"), ("35-2014", "Restaurant cook"), ("35-3031", "Waiter/waitress"),
    ("53-3032", "Truck driver"), ("37-2011", "Janitor"), ("31-1131", "Nursing assistant"),
    ("43-4171", "Receptionist"), ("41-1011", "First-line supervisor of retail sales workers"),
    ("53-7062", "Laborer and freight mover"), ("39-5012", "Hairdresser"), ("15-1232", "Computer user support specialist"),
)
CENTERS = {
    "ma": ("MassHire Boston Career Center", "MassHire Lowell Career Center", "MassHire Springfield Career Center",
           "MassHire Worcester Career Center", "MassHire Greater New Bedford Career Center"),
    "ny": ("Bronx Workforce1 Career Center", "Brooklyn Workforce1 Career Center", "Albany Career Central",
           "Buffalo Employment and Training Center", "Rochester Career Center"),
}
COUNSELORS = ("Dana Rivera", "Michael O'Connor", "Keisha Brown", "Luis Ortega", "Mei Chen", "Patrick Doyle",
              "Fabiola Jean", "Priya Patel", "Sam Goldberg", "Ana Souza")


@dataclass(frozen=True, slots=True)
class SeedResult:
    job_seekers: int
    appointments: int
    issuances: int
    program_window: tuple[date, date, date, date]


def live_program_window(today: date) -> dict[str, str]:
    """Move the program around today so a demo is live, not expired."""
    return {"starts_on": (today - timedelta(days=45)).isoformat(),
            "issue_by": (today + timedelta(days=45)).isoformat(),
            "enroll_by": (today + timedelta(days=55)).isoformat(),
            "complete_by": (today + timedelta(days=135)).isoformat()}


def configure_demo_settings(desk_data_dir: Any, agency: str) -> None:
    from counselor_app.core.settings import Settings

    path = desk_data_dir / "settings.json"
    settings = Settings.load(path)
    if not settings.configured:
        settings.agency = agency
        settings.center_name = CENTERS.get(agency, CENTERS["ma"])[0]
        settings.counselor_name = "Dana Rivera"
        settings.counselor_role = Role.SUPERVISOR
        settings.demo = True
        settings.save(path)
    from counselor_app.core.center_clock import center_today

    write_override(desk_data_dir, agency, {"program": live_program_window(center_today(settings.center_time_zone))})


def seed_demo(desk: Desk, *, job_seekers: int, seed: int = 1, today: date | None = None,
              queued_tail: int = 12, progress: Callable[[int, int], None] | None = None,
              cancel: Event | None = None, chunk: int = 5000, license_share: float = 0.92) -> SeedResult:
    """Fill the store with ``job_seekers`` people; a ``license_share`` of them (about 9 in 10 by default) also
    have an appointment, an attestation and a license. Benchmarks ask for 1.0 to get one issuance per person.
    Records are marked as already synced except the last ``queued_tail``, so the demo shows a queue."""
    if not 0.0 <= license_share <= 1.0:
        raise ValueError("license_share must be between 0 and 1")
    rng = random.Random(seed)
    today = today or desk.licenses.today()  # the center's day
    program = desk.profile.program
    agency = desk.profile.id
    zips = NY_ZIPS if agency == "ny" else MA_ZIPS
    areas = NY_AREA if agency == "ny" else MA_AREA
    with desk.store.write() as session:
        centers = []
        for name in CENTERS.get(agency, CENTERS["ma"]):
            center = session.scalar(select(Center).where(Center.name == name))
            if center is None:
                center = Center(id=str(uuid.UUID(int=rng.getrandbits(128))), name=name, created_at=utcnow())
                session.add(center)
            centers.append(center)
        session.flush()
        users = []
        for i, name in enumerate(COUNSELORS):
            uname = name.casefold().replace(" ", ".").replace("'", "")
            user = session.scalar(select(User).where(User.username == uname))
            if user is None:
                user = User(id=str(uuid.UUID(int=rng.getrandbits(128))), username=uname, display_name=name,
                            role=Role.COUNSELOR, center_id=centers[i % len(centers)].id, created_at=utcnow())
                session.add(user)
            users.append(user)
        session.flush()
        user_centers = [(u.id, u.center_id) for u in users]

    window_days = max(1, min((today - program.starts_on).days, (program.issue_by - program.starts_on).days))
    total = job_seekers
    made_appts = made_licenses = 0
    done = 0
    while done < total:
        if cancel is not None and cancel.is_set():
            break
        n = min(chunk, total - done)
        seekers: list[dict[str, Any]] = []
        appts: list[dict[str, Any]] = []
        attests: list[dict[str, Any]] = []
        licenses: list[dict[str, Any]] = []
        services: list[dict[str, Any]] = []
        for i in range(done, done + n):
            sid = str(uuid.UUID(int=rng.getrandbits(128)))
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            local = f"{first}.{last}".casefold().replace(" ", "").replace("'", "")
            # "María López" -> "maria.lopez": fold accents rather than drop the letters.
            local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode() or "jobseeker"
            email = f"{local}{i}@{rng.choice(DOMAINS)}"
            soc, title = rng.choice(OCCUPATIONS)
            counselor_id, center_id = rng.choice(user_centers)
            day = program.starts_on + timedelta(days=rng.randrange(window_days))
            stamp = datetime.combine(day, time(9, 0)) + timedelta(minutes=rng.randrange(8 * 60))
            seekers.append({
                "id": sid, "version": 1, "agency_customer_id": f"{agency.upper()}{1000000 + i}",
                "first_name": first, "last_name": last, "email": email,
                "phone": f"{rng.choice(areas)}555{rng.randrange(100, 200):04d}" if rng.random() < 0.3 else
                f"{rng.choice(areas)}{rng.randrange(200, 999)}{rng.randrange(0, 10000):04d}",
                "zip_code": rng.choice(zips),
                "birth_date": date(rng.randrange(1955, 2004), rng.randrange(1, 13), rng.randrange(1, 29)),
                "preferred_language": rng.choices(("en", "es", "zh", "ht", "pt", "vi"), (70, 18, 4, 3, 3, 2))[0],
                "education": rng.choice(("none", "high_school", "high_school", "some_college", "associate",
                                         "bachelor", "graduate")),
                "last_occupation_soc": soc, "last_occupation_title": title, "goal_soc": None, "interests": [],
                "employment_status": rng.choice(("unemployed", "unemployed", "furloughed")),
                "unemployment_cause": rng.choice(("covid_layoff", "covid_furlough", "covid_no_work")),
                "ui_claimant": rng.random() < 0.7, "return_to_work_date": None,
                "digital_skill": rng.randrange(1, 5), "weekly_hours": float(rng.choice((3, 5, 8, 10, 15, 20))),
                "barriers": rng.sample(("no_computer", "no_internet", "caregiver", "veteran"), rng.randrange(0, 2)),
                "consent_to_contact": True, "center_id": center_id, "created_by": counselor_id,
                "created_at": stamp, "updated_at": stamp,
            })
            if rng.random() < license_share:
                aid = str(uuid.UUID(int=rng.getrandbits(128)))
                appts.append({"id": aid, "version": 2, "job_seeker_id": sid, "counselor_id": counselor_id,
                              "center_id": center_id, "kind": rng.choice((AppointmentKind.WALK_IN, AppointmentKind.SCHEDULED)),
                              "place_kind": PlaceKind.OUTREACH if rng.random() < 0.15 else PlaceKind.CENTER, "place_name": None,
                              "scheduled_at": stamp, "started_at": stamp, "ended_at": stamp + timedelta(minutes=30),
                              "status": AppointmentStatus.COMPLETED, "outcome": AppointmentOutcome.LICENSE_ISSUED, "notes": None,
                              "wizard_step": None, "wizard_state": {}, "created_at": stamp, "updated_at": stamp})
                att_id = str(uuid.UUID(int=rng.getrandbits(128)))
                attests.append({"id": att_id, "job_seeker_id": sid, "appointment_id": aid,
                                "program_id": program.id, "text_version": desk.profile.attestation_version,
                                "attestation_text": desk.profile.attestation_text,
                                "answers": {"employment_status": "unemployed", "attests": True}, "eligible": True,
                                "reasons": ["Eligible (demo data)."], "counselor_id": counselor_id,
                                "attested_at": stamp})
                lid = str(uuid.UUID(int=rng.getrandbits(128)))
                licenses.append({"id": lid, "version": 1, "job_seeker_id": sid, "program_id": program.id,
                                 "appointment_id": aid, "attestation_id": att_id,
                                 # All issued: demo records count as already synced, and a pending one would
                                 # need a server that knows it before it could be approved.
                                 "status": LicenseStatus.ISSUED,
                                 "email": email, "issued_on": day, "issued_at": stamp, "issued_by": counselor_id,
                                 "center_id": center_id, "from_device_block": True, "invitation_batch_id": None})
                services.append({"id": str(uuid.UUID(int=rng.getrandbits(128))), "job_seeker_id": sid,
                                 "issuance_id": lid, "system": desk.profile.case_management_system,
                                 "service_label": desk.profile.service_label,
                                 "service_category": desk.profile.service_category, "service_date": day,
                                 "counselor_id": counselor_id, "recorded_at": stamp})
        with desk.store.write() as session:
            session.execute(insert(JobSeeker), seekers)
            if appts:
                session.execute(insert(Appointment), appts)
                session.execute(insert(EligibilityAttestation), attests)
                session.execute(insert(LicenseIssuance), licenses)
                session.execute(insert(CaseManagementService), services)
        made_appts += len(appts)
        made_licenses += len(licenses)
        done += n
        if progress is not None:
            progress(done, total)

    with desk.store.write() as session:
        # A few recent records wait for the server, as on a real desk between syncs.
        tail = list(session.scalars(select(JobSeeker).order_by(JobSeeker.created_at.desc()).limit(queued_tail)))
        for seeker in tail:
            append_change(session, entity=Entity.JOB_SEEKER, entity_id=seeker.id, op=ChangeOp.CREATE,
                          payload=record_payload(seeker))
        pool = session.get(LicensePool, program.id)
        if pool is None:
            session.add(LicensePool(program_id=program.id, pool_size=program.license_pool or 0,
                                    issued_statewide=made_licenses, block_size=desk.settings.default_offline_license_block,
                                    block_used=0, updated_at=utcnow()))
        record_audit(session, desk.actor, "seed_demo", detail={"job_seekers": done, "seed": seed})
    note_changes(OpChanges(job_seekers=True, appointments=True, licenses=True, outbox=True))
    # The records above count as already sent, but no server has seen them (a demo server is new, a real one never
    # had them): the next sync reconciles first and sends what the server lacks, so "everything is on the server"
    # is true when the desk says it (the app's demo and ``counselor-app seed-demo`` alike).
    from counselor_app.core.desk import RECONCILE_PENDING_KEY

    desk.set_state(RECONCILE_PENDING_KEY, "1")
    return SeedResult(job_seekers=done, appointments=made_appts, issuances=made_licenses,
                      program_window=(program.starts_on, program.issue_by, program.enroll_by, program.complete_by))
