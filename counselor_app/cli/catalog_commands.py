"""``counselor-app recommend``: the recommendation engine without the desktop, for scripts, support staff and
checking the catalog's rules against real cases.

Input problems (unknown keys, bad values, an unreadable file) exit with code 2 and say what to fix on stderr;
warnings go to stderr too, so ``--json`` output on stdout stays a clean JSON list for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from counselor_app.core.catalog.model import Catalog, language_name
from counselor_app.core.catalog.recommend import (
    DEFAULT_LIMIT,
    REQUEST_FIELDS,
    RecommendationInputError,
    RecommendationRequest,
    RecommendationResult,
    format_date,
    format_number,
)

EXIT_OK = 0
EXIT_CATALOG = 1
EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "recommend", help="rank collections, certificates and courses for a job seeker, with reasons",
        description="Read a job seeker's answers from a JSON file and print ranked recommendations with the "
                    "reasons a counselor can read aloud. Keys: " + ", ".join(REQUEST_FIELDS) + ". The deadline "
                    "defaults to the agency profile's complete-by date.")
    p.add_argument("--profile", required=True, metavar="FILE.json",
                   help="the job seeker's answers as JSON ('-' reads standard input)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of {id, kind, title, score, hours, fits_deadline, reasons}")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"how many recommendations to show (default {DEFAULT_LIMIT})")
    p.add_argument("--today", metavar="YYYY-MM-DD",
                   help="count the time left from this day instead of today (to replay a past appointment)")
    p.set_defaults(handler=run_recommend)


def _fail(message: str) -> int:
    print(f"counselor-app recommend: {message}", file=sys.stderr)
    return EXIT_USAGE


def _read_profile(name: str) -> Any:
    if name == "-":
        return json.load(sys.stdin)
    return json.loads(Path(name).read_text(encoding="utf-8"))


def _program_complete_by(args: argparse.Namespace) -> tuple[date | None, str | None]:
    """The agency profile's complete-by date, or (None, why not). Imported here so this command still works
    (with an explicit deadline) in a build without the profiles module."""
    try:
        from counselor_app.core.profiles import load_profile
    except ImportError:
        return None, "the agency profiles are not available in this build"
    data_dir = None
    agency = getattr(args, "agency", None)
    try:
        from counselor_app.core.paths import resolve_data_dir

        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
        if not agency:
            from counselor_app.core.settings import Settings

            agency = Settings.load(data_dir / "settings.json").agency
    except Exception:  # noqa: BLE001 - no settings yet is a normal state for a script
        pass
    if not agency:
        return None, "no agency profile is set up; pass --agency (e.g. ma or ny)"
    try:
        profile = load_profile(agency, data_dir=data_dir)
    except Exception as exc:  # noqa: BLE001 - the profile module's own message is the useful part
        return None, str(exc)
    return profile.program.complete_by, None


def run_recommend(args: argparse.Namespace) -> int:
    from counselor_app.core.catalog.loader import CatalogError, load_default_catalog
    from counselor_app.core.catalog.recommend import recommend

    try:
        raw = _read_profile(args.profile)
    except OSError as exc:
        return _fail(f"cannot read {args.profile}: {exc.strerror or exc}")
    except json.JSONDecodeError as exc:
        return _fail(f"{args.profile} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
    if getattr(args, "limit", DEFAULT_LIMIT) < 1:
        return _fail("--limit must be at least 1")
    today = date.today()
    if getattr(args, "today", None):
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            return _fail(f"--today must be a date as YYYY-MM-DD (got {args.today!r})")

    default_deadline = None
    if isinstance(raw, dict) and raw.get("deadline") is None:
        default_deadline, why_not = _program_complete_by(args)
        if default_deadline is None:
            return _fail(f"the profile has no \"deadline\" and the program's complete-by date is unknown: {why_not}")
    try:
        request = RecommendationRequest.from_dict(raw, default_deadline=default_deadline)
    except RecommendationInputError as exc:
        name = "the profile on standard input" if args.profile == "-" else args.profile
        lines = [f"{name} cannot be used:"] + [f"  - {k}: {v}" for k, v in exc.field_errors.items()]
        return _fail("\n".join(lines))

    try:
        catalog = load_default_catalog()
    except CatalogError as exc:
        print(f"counselor-app recommend: {exc}", file=sys.stderr)
        return EXIT_CATALOG
    result = recommend(catalog, request, today=today, limit=getattr(args, "limit", DEFAULT_LIMIT))

    if args.json:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        json.dump([r.to_dict() for r in result.recommendations], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_result(result, request, catalog=catalog, out=sys.stdout)
    return EXIT_OK


def print_result(result: RecommendationResult, request: RecommendationRequest, *, catalog: Catalog,
                 out: TextIO) -> None:
    """The plan as a counselor reads it: the list with reasons, then warnings, a shorter path and notes."""
    last = catalog.occupation(request.last_occupation_soc)
    goal = catalog.occupation(request.goal_soc)

    def job(soc: str | None, occ: Any) -> str:
        if soc is None:
            return "not given"
        return f"{occ.title} ({soc})" if occ is not None else soc

    def full(day: date) -> str:
        return f"{format_date(day, today=day)}, {day.year}"

    print(f"Recommendations (catalog {catalog.catalog_version})", file=out)
    print(f"  Last job: {job(request.last_occupation_soc, last)}; goal: {job(request.goal_soc, goal)}", file=out)
    print(f"  Language: {language_name(request.language)}; {format_number(float(request.weekly_hours))} hours/week; "
          f"complete by {full(result.deadline)}: about {format_number(result.available_hours)} hours in "
          f"{format_number(result.weeks_left)} weeks from {full(result.today)}", file=out)
    print(file=out)
    print(f"  {'#':>2}  {'kind':<11}  {'hours':>5}  {'fits':<4}  {'score':>5}  title", file=out)
    for n, rec in enumerate(result.recommendations, 1):
        hours = "?" if rec.hours is None else format_number(rec.hours)
        fits = "yes" if rec.fits_deadline else "no"
        print(f"  {n:>2}  {rec.kind:<11}  {hours:>5}  {fits:<4}  {rec.score:>5.1f}  {rec.title}", file=out)
        for reason in rec.reasons:
            print(f"        - {reason}", file=out)
    if result.warnings:
        print("\nWarnings:", file=out)
        for warning in result.warnings:
            print(f"  ! {warning}", file=out)
    if result.shorter_path is not None:
        print(f"\n{result.shorter_path.explanation}", file=out)
    if result.notes:
        print("\nNotes:", file=out)
        for note in result.notes:
            print(f"  * {note}", file=out)
