"""Core service benchmarks: search as you type, register a job seeker, issue a license, and the cost of
encryption (the same workload on the encrypted store and on plain SQLite).

Run alone: ``python -c "from tests.benchmarks import bench_core; print(bench_core.run('smoke'))"``;
normally ``tests/benchmarks/run.py`` runs it in a child process.
"""

from __future__ import annotations

import random
import shutil
import time
import unicodedata
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from tests.benchmarks.run import BenchData, bench_data, summarize, working_copy

# Rounds of the whole typing script (after one warm-up round) and writes timed, per scale.
ROUNDS = {"smoke": 2, "full": 5, "1m": 5}
WRITES = {"smoke": 25, "full": 150, "1m": 100}
WORKLOAD_ROUNDS = {"smoke": 2, "full": 4, "1m": 2}

# Names that are not in core/demo.py's lists, so new registrations are rarely flagged as possible duplicates.
NEW_FIRST = ("Tomasz", "Ingrid", "Kofi", "Leilani", "Bogdan", "Zainab", "Mateus", "Yuki", "Anneliese", "Oksana",
             "Rashida", "Emeka", "Solveig", "Dariusz", "Marisol", "Teodora", "Kenji", "Nadia", "Ezekiel", "Paloma")
NEW_LAST = ("Kowalski", "Larsen", "Boateng", "Kahananui", "Popescu", "Haddad", "Carvalho", "Tanaka", "Brandt",
            "Shevchenko", "Abernathy", "Eze", "Lindqvist", "Nowak", "Villanueva", "Dimitrova", "Watanabe",
            "Karimi", "Fairweather", "Quintero")
ELIGIBLE = {"employment_status": "unemployed", "covid_reason": "laid_off", "attests": True}
MA_ZIPS = ("02108", "02119", "02121", "02125", "01841", "01602", "01103", "02740", "02301", "01850")


def typing_script(desk: Any, *, seed: int = 7) -> list[str]:
    """What a counselor types, one query per keystroke: names (with the space), an e-mail, a whole phone number,
    the last four digits, an agency id. Values come from the seeded data so the searches find people."""
    from sqlalchemy import func, select

    from counselor_app.core.models import JobSeeker

    rng = random.Random(seed)
    with desk.store.read() as session:
        total = int(session.scalar(select(func.count()).select_from(JobSeeker)) or 0)
        picks = []
        for _ in range(4):
            row = session.execute(select(JobSeeker.first_name, JobSeeker.last_name, JobSeeker.email,
                                         JobSeeker.phone, JobSeeker.agency_customer_id)
                                  .offset(rng.randrange(max(1, total))).limit(1)).one()
            picks.append(row)
    words = ["maria garcia", "nguyen tran", "jean-baptiste", "o'brien", f"{picks[0][0]} {picks[0][1]}".casefold()]
    words.append((picks[1][2] or "ana.silva").split("@")[0])  # e-mail, local part
    words.append(picks[2][3] or "6175550123")  # a whole phone number, digits only
    words.append((picks[3][3] or "6175550123")[-4:])  # the last four digits the person remembers
    words.append(picks[0][4] or "MA1000123")  # the agency's customer id
    script: list[str] = []
    for word in words:
        script.extend(word[:i] for i in range(1, len(word) + 1))
    return script


def bench_search(data: BenchData, *, rounds: int) -> dict[str, Any]:
    with data.open_desk() as desk:
        script = typing_script(desk)
        for query in script:  # warm-up: the first page of the app has already touched the store
            desk.job_seekers.search(query)
        samples: list[float] = []
        by_query: dict[str, list[float]] = {}
        hits: dict[str, int] = {}
        for _ in range(rounds):
            for query in script:
                t0 = time.perf_counter()
                rows = desk.job_seekers.search(query)
                ms = (time.perf_counter() - t0) * 1000.0
                samples.append(ms)
                by_query.setdefault(query, []).append(ms)
                hits[query] = len(rows)
    short = [ms for q, v in by_query.items() if len(q.strip()) < 3 for ms in v]
    longer = [ms for q, v in by_query.items() if len(q.strip()) >= 3 for ms in v]
    slowest = sorted(by_query.items(), key=lambda kv: -max(kv[1]))[:4]
    note = "slowest: " + ", ".join(f"{q!r} {max(v):.1f} ms ({hits[q]} rows)" for q, v in slowest)
    return {
        "search_keystroke_ms": summarize(samples, unit="ms", note=f"{len(script)} keystrokes x {rounds}; {note}"),
        "search_keystroke_short_ms": summarize(short, unit="ms", note="queries of 1-2 characters"),
        "search_keystroke_long_ms": summarize(longer, unit="ms", note="queries of 3 or more characters"),
    }


def new_person(i: int, rng: random.Random, *, common_names: bool = False) -> dict[str, Any]:
    if common_names:  # as common as the people already registered: some are flagged as possible duplicates
        from counselor_app.core.demo import FIRST_NAMES, LAST_NAMES

        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    else:
        first, last = NEW_FIRST[i % len(NEW_FIRST)], NEW_LAST[(i // len(NEW_FIRST) + i) % len(NEW_LAST)]
    local = unicodedata.normalize("NFKD", f"{first}.{last}.{i}".casefold()).encode("ascii", "ignore").decode()
    local = "".join(ch for ch in local if ch.isalnum() or ch == ".")
    return {"first_name": first, "last_name": last, "email": f"{local}@example.org",
            "phone": f"413{rng.randrange(200, 999)}{rng.randrange(0, 10000):04d}", "zip_code": rng.choice(MA_ZIPS),
            "birth_date": f"{rng.randrange(1, 13):02d}/{rng.randrange(1, 29):02d}/{rng.randrange(1960, 2002)}",
            "preferred_language": "en", "education": "high_school", "last_occupation_soc": "41-2031",
            "employment_status": "unemployed", "unemployment_cause": "covid_layoff", "ui_claimant": True,
            "digital_skill": 2, "weekly_hours": 10, "consent_to_contact": True}


def register_and_issue(desk: Any, *, n: int, start: int, rng: random.Random,
                       register_ms: list[float] | None = None, issue_ms: list[float] | None = None,
                       common_names: bool = False) -> int:
    """Register ``n`` new people (the duplicate check included) and issue each a license after the attestation,
    as the appointment wizard does. Returns how many registrations were flagged as possible duplicates."""
    from counselor_app.core.errors import DuplicateJobSeekerWarning

    flagged = 0
    for i in range(start, start + n):
        data = new_person(i, rng, common_names=common_names)
        t0 = time.perf_counter()
        try:
            seeker = desk.job_seekers.register(data).record
        except DuplicateJobSeekerWarning:
            flagged += 1  # the counselor confirms it is someone else: that second call counts too
            seeker = desk.job_seekers.register(data, confirmed_not_duplicate=True).record
        t1 = time.perf_counter()
        appt = desk.appointments.start(job_seeker_id=seeker.id).record
        att = desk.appointments.attest(seeker.id, ELIGIBLE, appointment_id=appt.id)
        t2 = time.perf_counter()
        result = desk.licenses.issue(seeker.id, appointment_id=appt.id, attestation_id=att.attestation_id)
        t3 = time.perf_counter()
        if result.status != "issued":
            raise RuntimeError(f"issuance came back {result.status}; the benchmark expects issued")
        if register_ms is not None:
            register_ms.append((t1 - t0) * 1000.0)
        if issue_ms is not None:
            issue_ms.append((t3 - t2) * 1000.0)
    return flagged


def bench_writes(data: BenchData, *, n: int) -> dict[str, Any]:
    rng = random.Random(11)
    with data.open_desk() as desk:
        desk.licenses.set_block(block_size=1_000_000)  # as after a sync: issue, not "pending approval"
        register_and_issue(desk, n=3, start=10_000, rng=rng)  # warm-up
        reg: list[float] = []
        iss: list[float] = []
        flagged = register_and_issue(desk, n=n, start=0, rng=rng, register_ms=reg, issue_ms=iss)
        common: list[float] = []
        common_flagged = register_and_issue(desk, n=max(10, n // 3), start=20_000, rng=rng, register_ms=common,
                                            common_names=True)
        # The duplicate check alone (issue 18: it grew 15x from 100,000 to 1 M), for names as common as the
        # seeded ones, after one warm-up call.
        check: list[float] = []
        candidates = 0
        desk.job_seekers.find_duplicates(new_person(30_000, rng, common_names=True))
        for i in range(30_001, 30_001 + n):
            person = new_person(i, rng, common_names=True)
            t0 = time.perf_counter()
            candidates += len(desk.job_seekers.find_duplicates(person))
            check.append((time.perf_counter() - t0) * 1000.0)
    return {
        "duplicate_check_common_ms": summarize(
            check, unit="ms", note=f"find_duplicates alone, common names; {candidates} flagged in {n} checks"),
        "register_common_names_ms": summarize(
            common, unit="ms", note=f"names drawn like the seeded ones; {common_flagged} of {len(common)} flagged, "
            "then confirmed (both calls counted)"),
        "register_ms": summarize(reg, unit="ms", note=f"duplicate check + commit; {flagged} of {n} flagged "
                                 "as possible duplicates (then confirmed, both calls counted)"),
        "issue_ms": summarize(iss, unit="ms", note="checks, pool, issuance, case-management record, outbox"),
    }


def make_plaintext_copy(encrypted: BenchData, target_root: Path) -> Path:
    """The same data folder with the database decrypted (``sqlcipher_export``), for the encryption comparison."""
    import sqlcipher3

    from counselor_app.core import keystore
    from counselor_app.core.db import checkpoint, create_store_engine
    from counselor_app.core.paths import DataPaths

    paths = DataPaths(encrypted.data_dir.resolve())
    db = paths.database(encrypted.agency)
    key = keystore.get_or_create_database_key(f"{paths.root}:{encrypted.agency}", create=False)
    engine = create_store_engine(db, key_hex=key)
    checkpoint(engine)
    engine.dispose()
    plain_root = target_root / "plain-data"
    shutil.copytree(encrypted.data_dir, plain_root, ignore=shutil.ignore_patterns("*.db", "*.db-wal", "*.db-shm"))
    plain_db = DataPaths(plain_root).database(encrypted.agency)
    conn = sqlcipher3.dbapi2.connect(str(db), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute(f"ATTACH DATABASE '{plain_db}' AS plaintext KEY ''")
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    return plain_root


def workload(desk: Any, script: list[str], ids: list[str], *, round_no: int, writes: int) -> float:
    """A counselor's morning in miniature: typing searches, opening records, registering and issuing."""
    rng = random.Random(round_no)
    t0 = time.perf_counter()
    for query in script:
        desk.job_seekers.search(query)
    for seeker_id in ids:
        desk.job_seekers.get(seeker_id)
    for seeker_id in ids[:10]:
        desk.job_seekers.history(seeker_id)
    register_and_issue(desk, n=writes, start=100_000 + round_no * 1000, rng=rng)
    desk.status()
    return (time.perf_counter() - t0) * 1000.0


def bench_encryption(data: BenchData, *, rounds: int, writes: int) -> dict[str, Any]:
    from sqlalchemy import select

    from counselor_app.core import open_desk
    from counselor_app.core.models import JobSeeker

    plain_root = make_plaintext_copy(data, data.data_dir.parent)
    try:
        with ExitStack() as stack:
            enc = stack.enter_context(data.open_desk())
            plain = stack.enter_context(open_desk(data_dir=plain_root, agency=data.agency,
                                                  plaintext_for_benchmark=True))
            if plain.job_seekers.count() != enc.job_seekers.count():
                raise RuntimeError("the plaintext copy does not hold the same job seekers")
            script = typing_script(enc)
            with enc.store.read() as session:
                ids = list(session.scalars(select(JobSeeker.id).order_by(JobSeeker.id).limit(50)))
            for desk in (enc, plain):
                desk.licenses.set_block(block_size=1_000_000)
                workload(desk, script, ids, round_no=0, writes=2)  # warm-up
            enc_ms: list[float] = []
            plain_ms: list[float] = []
            for r in range(1, rounds + 1):
                # Alternate the order so a noisy neighbour hurts both sides alike.
                order = ((enc, enc_ms), (plain, plain_ms)) if r % 2 else ((plain, plain_ms), (enc, enc_ms))
                for desk, out in order:
                    out.append(workload(desk, script, ids, round_no=r, writes=writes))
    finally:
        shutil.rmtree(plain_root, ignore_errors=True)
    note = f"{len(script)} searches, 50 record reads, 10 histories, {writes} registrations + issuances"
    return {"encrypted_workload_ms": summarize(enc_ms, unit="ms", note=note),
            "plain_workload_ms": summarize(plain_ms, unit="ms", note=note)}


def run(scale: str) -> dict[str, Any]:
    results: dict[str, Any] = {}
    shared = bench_data(scale)
    results.update(bench_search(shared, rounds=ROUNDS[scale]))
    with working_copy(scale) as copy:
        results.update(bench_writes(copy, n=WRITES[scale]))
    with working_copy(scale) as copy:
        results.update(bench_encryption(copy, rounds=WORKLOAD_ROUNDS[scale], writes=10))
    return results


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "smoke"), indent=1))
