"""Crash reports: useful to IT (version, system, traceback) and safe to e-mail (no personal data, no secrets)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from counselor_app import __version__
from counselor_app.core import crash_report
from counselor_app.core.crash_report import KEEP_REPORTS, build_report, write_crash_report
from counselor_app.core.logs import configure_logging, stop_logging
from counselor_app.core.paths import DataPaths

NAME = "Marisol Quintanilla-Reyes"
EMAIL = "marisol.qreyes@example.net"
PHONE = "617-555-0199"
TOKEN = "Zx9_k2LmQ8vR4tY7uI1oP3aS5dF6gH0jKlMn"
WHEN = datetime(2020, 10, 1, 14, 40, 5, tzinfo=UTC)


def _register(record: dict[str, str]) -> None:
    seeker_name = record["name"]  # a local holding PII: its value must not appear in the report
    contact = {"email": record["email"], "phone": record["phone"]}
    try:
        {}[seeker_name]
    except KeyError as exc:
        raise ValueError(f"could not register {seeker_name!r} <{contact['email']}>, call {contact['phone']}, "
                         f"token={TOKEN}") from exc


def _crash() -> tuple[type[BaseException], BaseException, object]:
    try:
        _register({"name": NAME, "email": EMAIL, "phone": PHONE})
    except ValueError as exc:
        exc.add_note(f"while saving {NAME!r} for {EMAIL}")
        return type(exc), exc, exc.__traceback__
    raise AssertionError("no crash")


def test_report_names_version_system_and_code_but_no_personal_data() -> None:
    exc_type, exc, tb = _crash()
    text = build_report(exc_type, exc, tb, when=WHEN)  # type: ignore[arg-type]
    for value in (NAME, "Marisol", "Quintanilla", EMAIL, PHONE, "5550199", TOKEN):
        assert value not in text, f"{value!r} is in the report"
    assert f"App version:   {__version__}" in text
    assert "Time (UTC):    2020-10-01 14:40:05" in text
    assert re.search(r"^System: +\S", text, re.M) and re.search(r"^Python: +CPython|^Python: +\w", text, re.M)
    assert "Error:         builtins.ValueError" in text
    # The traceback itself: both exceptions, the frames, the source lines (code, not data).
    assert "KeyError: '<redacted>'" in text
    assert "The above exception was the direct cause" in text
    assert "in _register" in text and "{}[seeker_name]" in text
    assert "ValueError: could not register '<redacted>' <<email>>, call <phone>, token=<redacted>" in text
    assert "while saving '<redacted>' for <email>" in text  # notes are scrubbed too


def test_report_handles_groups_long_messages_and_missing_exception_objects() -> None:
    try:
        raise ExceptionGroup("sync failed", [ValueError(f"bad {EMAIL}"), KeyError(NAME)])
    except ExceptionGroup as group:
        text = build_report(type(group), group, group.__traceback__)
    assert EMAIL not in text and NAME not in text and "sync failed" in text
    long = build_report(RuntimeError, RuntimeError("x" * 5000), None)
    assert "x" * 501 not in long and "…" in long
    assert "RuntimeError" in build_report(RuntimeError, None, None)


def test_write_names_the_file_by_local_time_and_keeps_the_last_reports(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    exc_type, exc, tb = _crash()
    first = write_crash_report(paths, exc_type, exc, tb, when=WHEN)  # type: ignore[arg-type]
    stamp = WHEN.astimezone().strftime("%Y%m%d-%H%M%S")
    assert first.path == paths.logs_dir / f"crash-{stamp}.txt"
    assert first.path.read_text(encoding="utf-8") == first.text
    second = write_crash_report(paths, exc_type, exc, tb, when=WHEN)  # type: ignore[arg-type]
    assert second.path is not None and second.path.name == f"crash-{stamp}-2.txt"
    for minute in range(KEEP_REPORTS + 5):
        write_crash_report(paths, RuntimeError, RuntimeError("boom"), None,
                           when=datetime(2020, 10, 2, 9, minute, tzinfo=UTC))
    reports = list(paths.logs_dir.glob("crash-*.txt"))
    assert len(reports) == KEEP_REPORTS


def test_report_is_returned_even_when_it_cannot_be_saved(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "logs").write_text("a file where the folder should be")
    report = write_crash_report(DataPaths(root), RuntimeError, RuntimeError(f"for {EMAIL}"), None)
    assert report.path is None and "RuntimeError" in report.text and EMAIL not in report.text


def test_the_log_points_to_the_report_without_the_details(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    configure_logging(paths)
    try:
        exc_type, exc, tb = _crash()
        report = write_crash_report(paths, exc_type, exc, tb)  # type: ignore[arg-type]
        for handler in logging.getLogger().handlers:
            handler.flush()
        log_text = (paths.logs_dir / "counselor-desk.log").read_text(encoding="utf-8")
    finally:
        stop_logging()
    assert report.path is not None and report.path.name in log_text and "CRITICAL" in log_text
    assert NAME not in log_text and EMAIL not in log_text and TOKEN not in log_text


def test_report_from_a_worker_thread_names_the_thread(tmp_path: Path) -> None:
    reports = []

    def work() -> None:
        try:
            raise OSError(f"disk full while exporting for {EMAIL}")
        except OSError as exc:
            reports.append(write_crash_report(DataPaths(tmp_path), type(exc), exc, exc.__traceback__))

    thread = threading.Thread(target=work, name="export-worker")
    thread.start()
    thread.join()
    assert "Thread:        export-worker" in reports[0].text and EMAIL not in reports[0].text


@pytest.mark.parametrize("module", ["counselor_app.core.crash_report", "counselor_app.core.logs"])
def test_crash_report_and_logs_load_no_qt(module: str) -> None:
    code = f"import sys, {module}; print('PySide6' in sys.modules)"
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False"
    assert crash_report.__name__ == "counselor_app.core.crash_report"
