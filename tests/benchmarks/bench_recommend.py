"""Benchmark: one recommendation over a generated 5,000-course catalog (target: median <= 5 ms).

The shipped catalog has about a hundred courses; a state or a server catalog may have thousands. The
synthetic catalog keeps the real collection ids (the engine's rules name them) and real occupation codes
for the transition chart, and fills the rest with generated courses, tags and certificates. It is built
once (not timed), then the same recommendation is timed repeatedly.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

try:
    from counselor_app.core.catalog import Catalog, RecommendationRequest, parse_catalog, recommend
except ModuleNotFoundError:  # run as a script from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from counselor_app.core.catalog import Catalog, RecommendationRequest, parse_catalog, recommend

COURSES = 5000
CERTIFICATES = 150
COLLECTION_IDS = ("job-readiness", "bridge-to-postsecondary", "displaced-worker-retraining", "entrepreneurship",
                  "digital-literacy", "job-search-self-care")
REAL_TAGS = ("data", "computers", "it", "python", "excel", "marketing", "health", "english", "math", "design",
             "project management", "cybersecurity", "cloud", "business", "writing", "sales", "ai", "teaching")
LOW = ("41-2031", "43-4051", "43-6014", "49-9071", "35-3031", "41-2011")
GATEWAY = ("15-1232", "15-1231")
HIGHER = ("15-1244", "15-1211", "15-1252", "15-1299", "15-1253", "15-1254", "15-1241", "15-1251")
REQUEST = RecommendationRequest(
    last_occupation_soc="41-2031", interests=("data", "computers", "tag17"), education="high_school",
    digital_skill=2, language="es", weekly_hours=10, barriers=("no_computer",), age=34,
    deadline=date(2020, 12, 31))
TODAY = date(2020, 9, 15)


def synthetic_catalog_dict(*, courses: int = COURSES, certificates: int = CERTIFICATES, seed: int = 20200915) -> dict[str, Any]:
    """A valid catalog document of the requested size; deterministic for a given seed."""
    rng = random.Random(seed)
    vocabulary = [*REAL_TAGS, *(f"tag{i}" for i in range(300))]
    course_rows = []
    members: dict[str, list[str]] = {cid: [] for cid in COLLECTION_IDS}
    for i in range(courses):
        cid = f"course-{i:05d}"
        language = rng.choices(("en", "es", "pt", "fr"), weights=(85, 10, 3, 2))[0]
        hours = None if rng.random() < 0.1 else {"value": rng.randint(2, 60), "source": "synthetic"}
        course_rows.append({
            "id": cid, "title": f"Synthetic course {i}", "partner": f"Partner {i % 40}", "hours": hours,
            "level": rng.choices(("beginner", "intermediate", "advanced", "mixed"), weights=(50, 30, 10, 10))[0],
            "language": language, "free_credential": rng.random() < 0.9,
            "skills": rng.sample(vocabulary, rng.randint(2, 5)), "hands_on_software": rng.random() < 0.3,
        })
        for col in rng.sample(COLLECTION_IDS, rng.randint(1, 2)):
            members[col].append(cid)
    occupations = [{"soc": soc, "title": f"Occupation {soc}", "wage_tier": tier, "tier_source": "synthetic"}
                   for tier, group in (("lower", LOW), ("gateway", GATEWAY), ("higher", HIGHER)) for soc in group]
    extra = sorted({f"{rng.choice(('11', '13', '15', '25', '27', '29', '41', '43'))}-{rng.randint(1000, 9999)}"
                    for _ in range(60)} - {o["soc"] for o in occupations})
    occupations += [{"soc": soc, "title": f"Occupation {soc}", "wage_tier": None} for soc in extra]
    all_socs = [o["soc"] for o in occupations]
    transitions = [{"from_soc": a, "to_soc": b, "basis": "named", "source": "synthetic"}
                   for a in LOW for b in GATEWAY] + [
                  {"from_soc": a, "to_soc": b, "basis": "named", "source": "synthetic"} for a in GATEWAY for b in HIGHER]
    cert_rows = []
    for i in range(certificates):
        chosen = rng.sample(course_rows, rng.randint(4, 10))
        cert_rows.append({
            "id": f"certificate-{i:04d}", "title": f"Synthetic certificate {i}", "partner": f"Partner {i % 40}",
            "course_ids": [c["id"] for c in chosen], "courses_complete": True, "hours": None,
            "level": chosen[0]["level"], "languages": [chosen[0]["language"]], "free_credential": True,
            "occupation_socs": rng.sample(all_socs, rng.randint(1, 3)), "tags": rng.sample(vocabulary, 3),
        })
    return {
        "schema_version": 1, "catalog_version": f"synthetic-{courses}", "sources": {"synthetic": "Generated."},
        "collections": [{"id": cid, "title": cid.replace("-", " ").title(), "purpose": "Synthetic purpose.",
                         "purpose_source": "synthetic", "tags": rng.sample(vocabulary, 4), "course_ids": ids}
                        for cid, ids in members.items()],
        "certificates": cert_rows, "courses": course_rows, "occupations": occupations, "transitions": transitions,
    }


def synthetic_catalog(*, courses: int = COURSES, seed: int = 20200915) -> Catalog:
    return parse_catalog(synthetic_catalog_dict(courses=courses, seed=seed), origin="synthetic catalog")


def run(scale: str) -> dict[str, float | int]:
    """Time one recommendation over a 5,000-course catalog. ``scale`` "smoke"/"quick"/"small" runs fewer
    repetitions (for CI); anything else runs the full count."""
    runs = 30 if scale in ("smoke", "quick", "small", "ci") else 300
    catalog = synthetic_catalog()
    for _ in range(5):  # warm caches and the allocator, as an app that has been open for a while would be
        recommend(catalog, REQUEST, today=TODAY)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        recommend(catalog, REQUEST, today=TODAY)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[max(0, math.ceil(0.95 * len(timings)) - 1)]
    return {"median_ms": round(statistics.median(timings), 3), "p95_ms": round(p95, 3), "runs": runs}


if __name__ == "__main__":
    scale = sys.argv[1] if len(sys.argv) > 1 else "full"
    build_start = time.perf_counter()
    synthetic_catalog()
    print(f"catalog of {COURSES:,} courses built and validated in {(time.perf_counter() - build_start) * 1000:.0f} ms")
    print(run(scale))
