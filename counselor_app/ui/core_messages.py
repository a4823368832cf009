"""The words for the core's messages (``counselor_app.core.messages.Message``): code -> English template.

The core raises ``Message("email.missing", "Enter an e-mail address.")``; the UI shows
``words(message)``: the template for its code, translated by Qt (context ``core_messages``), filled with the
message's arguments (themselves worded when they are messages: a field's name). A message whose code is not
here shows its English text: tests/ui/test_core_messages.py fails the build before that reaches a counselor.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from counselor_app.core.messages import from_json

CONTEXT = "core_messages"

CATALOG: dict[str, Any] = {  # QT_TRANSLATE_NOOP is typed as returning object
    # fields, as named inside sentences ("Enter the {field}.")
    "field.first_name": QT_TRANSLATE_NOOP("core_messages", "first name"),
    "field.last_name": QT_TRANSLATE_NOOP("core_messages", "last name"),
    "field.email": QT_TRANSLATE_NOOP("core_messages", "e-mail address"),
    "field.phone": QT_TRANSLATE_NOOP("core_messages", "phone number"),
    "field.zip_code": QT_TRANSLATE_NOOP("core_messages", "ZIP code"),
    "field.birth_date": QT_TRANSLATE_NOOP("core_messages", "date of birth"),
    "field.preferred_language": QT_TRANSLATE_NOOP("core_messages", "preferred language"),
    "field.education": QT_TRANSLATE_NOOP("core_messages", "education"),
    "field.last_occupation_soc": QT_TRANSLATE_NOOP("core_messages", "last occupation"),
    "field.last_occupation_title": QT_TRANSLATE_NOOP("core_messages", "last job title"),
    "field.goal_soc": QT_TRANSLATE_NOOP("core_messages", "goal occupation"),
    "field.interests": QT_TRANSLATE_NOOP("core_messages", "interests"),
    "field.employment_status": QT_TRANSLATE_NOOP("core_messages", "employment status"),
    "field.unemployment_cause": QT_TRANSLATE_NOOP("core_messages", "cause of unemployment"),
    "field.ui_claimant": QT_TRANSLATE_NOOP("core_messages", "UI claimant"),
    "field.return_to_work_date": QT_TRANSLATE_NOOP("core_messages", "return-to-work date"),
    "field.digital_skill": QT_TRANSLATE_NOOP("core_messages", "digital skills"),
    "field.weekly_hours": QT_TRANSLATE_NOOP("core_messages", "hours available each week"),
    "field.barriers": QT_TRANSLATE_NOOP("core_messages", "barriers"),
    "field.consent_to_contact": QT_TRANSLATE_NOOP("core_messages", "consent to contact"),
    "field.agency_customer_id": QT_TRANSLATE_NOOP("core_messages", "agency customer id"),
    "field.prefers_text": QT_TRANSLATE_NOOP("core_messages", "prefers text messages"),
    # job-seeker fields
    "field.unknown": QT_TRANSLATE_NOOP("core_messages", "'{name}' is not a job-seeker field."),
    "field.missing": QT_TRANSLATE_NOOP("core_messages", "Enter the {field}."),
    "field.invalid": QT_TRANSLATE_NOOP("core_messages", "The {field} is not valid."),
    "email.missing": QT_TRANSLATE_NOOP("core_messages", "Enter an e-mail address."),
    "email.spaces": QT_TRANSLATE_NOOP("core_messages", "An e-mail address cannot contain spaces."),
    "email.one_at": QT_TRANSLATE_NOOP("core_messages",
                                      "An e-mail address needs exactly one @, as in name@example.com."),
    "email.no_local": QT_TRANSLATE_NOOP("core_messages", "The part before the @ is missing."),
    "email.too_long": QT_TRANSLATE_NOOP("core_messages", "This e-mail address is too long."),
    "email.bad_local": QT_TRANSLATE_NOOP("core_messages",
                                         "The part before the @ has characters an e-mail address cannot have."),
    "email.bad_domain": QT_TRANSLATE_NOOP("core_messages",
                                          "The part after the @ is not a valid domain, as in gmail.com."),
    "email.formula_start": QT_TRANSLATE_NOOP(
        "core_messages",
        "An e-mail address cannot start with “{char}”: the provider does not accept it and spreadsheets read it as a formula. Check the address with the job seeker."),
    "email.local_not_ascii": QT_TRANSLATE_NOOP(
        "core_messages",
        "The part before the @ has letters the provider cannot send to (accents or other alphabets); ask the job seeker for an address without them."),
    "phone.extension": QT_TRANSLATE_NOOP("core_messages",
                                         "Leave the extension out of the phone number (put it in the notes)."),
    "phone.digits": QT_TRANSLATE_NOOP("core_messages",
                                      "Enter a 10-digit US phone number, for example (617) 555-0123."),
    "phone.bad_start": QT_TRANSLATE_NOOP(
        "core_messages",
        "This is not a valid US phone number: the area code and the exchange cannot start with 0 or 1."),
    "name.too_long": QT_TRANSLATE_NOOP("core_messages", "The {field} is too long (120 characters at most)."),
    "name.bad_character": QT_TRANSLATE_NOOP("core_messages",
                                            "The {field} has a character a name cannot have: {character}."),
    "name.no_letter": QT_TRANSLATE_NOOP("core_messages", "The {field} needs at least one letter."),
    "zip.invalid": QT_TRANSLATE_NOOP(
        "core_messages", "Enter a 5-digit ZIP code, for example 02108 (ZIP+4 such as 02108-1234 also works)."),
    "soc.invalid": QT_TRANSLATE_NOOP(
        "core_messages", "Pick the occupation from the list, or type its code (a SOC code such as 41-2031)."),
    "date.invalid": QT_TRANSLATE_NOOP("core_messages",
                                      "The {field} is not a date. Use MM/DD/YYYY, for example 03/15/1980."),
    "birth_date.future": QT_TRANSLATE_NOOP("core_messages", "The date of birth is in the future."),
    "birth_date.too_young": QT_TRANSLATE_NOOP("core_messages",
                                              "The date of birth makes this person younger than 14."),
    "birth_date.too_old": QT_TRANSLATE_NOOP(
        "core_messages", "The date of birth makes this person older than 110; please check the year."),
    "language.unknown": QT_TRANSLATE_NOOP("core_messages", "Choose a preferred language from the list."),
    "education.unknown": QT_TRANSLATE_NOOP("core_messages", "Choose the highest education from the list."),
    "employment_status.unknown": QT_TRANSLATE_NOOP("core_messages", "Choose an employment status from the list."),
    "unemployment_cause.unknown": QT_TRANSLATE_NOOP("core_messages",
                                                    "Choose a cause of unemployment from the list."),
    "digital_skill.range": QT_TRANSLATE_NOOP(
        "core_messages", "Digital skills are rated from 1 (new to computers) to 4 (very comfortable)."),
    "weekly_hours.range": QT_TRANSLATE_NOOP("core_messages",
                                            "Hours available each week must be more than 0 and at most 80."),
    "barrier.unknown": QT_TRANSLATE_NOOP("core_messages", "Unknown barrier: {names}."),
    "yes_no.required": QT_TRANSLATE_NOOP("core_messages", "Answer yes or no."),
    "agency_id.characters": QT_TRANSLATE_NOOP("core_messages",
                                              "The agency customer id may hold only letters, digits and hyphens."),
    # the attestation
    "attestation.unknown_question": QT_TRANSLATE_NOOP(
        "core_messages", "'{name}' is not one of this state's attestation questions."),
    "attestation.unanswered": QT_TRANSLATE_NOOP("core_messages", "Answer the question: {question}"),
    "attestation.yes_no": QT_TRANSLATE_NOOP("core_messages", "Answer yes or no: {question}"),
    "attestation.unlisted": QT_TRANSLATE_NOOP("core_messages", "Choose one of the listed answers: {question}"),
    # license refusals (core/licenses.py) and what to do next
    "refusal.past_issue_by": QT_TRANSLATE_NOOP(
        "core_messages", "Licenses for this program could be issued until {day}; that date has passed."),
    "refusal.past_issue_by.next": QT_TRANSLATE_NOOP(
        "core_messages", "Offer the center's other services, and check with your supervisor whether the state has "
        "extended the program."),
    "refusal.not_started": QT_TRANSLATE_NOOP("core_messages", "This program starts on {day}."),
    "refusal.not_started.next": QT_TRANSLATE_NOOP("core_messages",
                                                  "Schedule a follow-up appointment for after the start date."),
    "refusal.already_pending": QT_TRANSLATE_NOOP(
        "core_messages", "{name} already has a license in this program: it is waiting for approval since {day}."),
    "refusal.already_licensed": QT_TRANSLATE_NOOP(
        "core_messages", "{name} already has a license in this program: it was issued on {day}."),
    "refusal.already_licensed.next": QT_TRANSLATE_NOOP(
        "core_messages", "Check that the invitation e-mail arrived; if the address was wrong, correct it and ask an "
        "administrator to resend."),
    "refusal.attestation_not_found": QT_TRANSLATE_NOOP(
        "core_messages", "The eligibility attestation was not found for this person."),
    "refusal.attestation_not_found.next": QT_TRANSLATE_NOOP(
        "core_messages", "Go back to the eligibility step and record the attestation."),
    "refusal.no_attestation": QT_TRANSLATE_NOOP("core_messages",
                                                "Eligibility has not been checked for this person yet."),
    "refusal.no_attestation.next": QT_TRANSLATE_NOOP("core_messages", "Record the self-attestation first."),
    "refusal.not_eligible": QT_TRANSLATE_NOOP(
        "core_messages", "The self-attestation shows this person is not eligible: {reasons}"),
    "refusal.invalid_email": QT_TRANSLATE_NOOP(
        "core_messages", "The invitation goes by e-mail, and the e-mail address on file is missing or not valid "
        "({problem})"),
    "refusal.invalid_email.next": QT_TRANSLATE_NOOP(
        "core_messages", "Correct the e-mail address in the job seeker's record, then issue the license."),
    "refusal.not_pending": QT_TRANSLATE_NOOP("core_messages", "This license is not waiting for approval."),
    "refusal.block_exhausted": QT_TRANSLATE_NOOP("core_messages",
                                                 "This device has no licenses left in its reserved block."),
    "refusal.block_exhausted.next": QT_TRANSLATE_NOOP(
        "core_messages", "Connect to the network and sync to reserve more licenses."),
    "refusal.already_revoked": QT_TRANSLATE_NOOP("core_messages", "This license is already revoked."),
    "refusal.already_inactivated": QT_TRANSLATE_NOOP("core_messages", "This license is already inactivated."),
    "license.not_found": QT_TRANSLATE_NOOP("core_messages", "This license is not in the local records."),
    "license.admin_only": QT_TRANSLATE_NOOP("core_messages",
                                            "Only a program administrator can revoke or inactivate a license."),
    "license.status_choice": QT_TRANSLATE_NOOP("core_messages", "A license can be revoked or inactivated."),
    "license.reason_missing": QT_TRANSLATE_NOOP("core_messages",
                                                "Give the reason for this change; it is kept in the record."),
    "license.reason_too_long": QT_TRANSLATE_NOOP("core_messages",
                                                 "The reason is too long (2,000 characters at most)."),
    "job_seeker.not_found": QT_TRANSLATE_NOOP("core_messages", "This job seeker is not in the local records."),
    "job_seeker.maybe_duplicate": QT_TRANSLATE_NOOP(
        "core_messages", "This person may already be registered: {names}. Open the existing record, or confirm "
        "that this is a different person."),
    # core/invitations.py
    "invitations.repeated": QT_TRANSLATE_NOOP(
        "core_messages", "The invitation file for {day} was made before; {rows:,} invitations were written again into {file}, the same people as then. Nobody is invited twice; licenses not sent yet go into the next day's file."),
    "invitations.none": QT_TRANSLATE_NOOP(
        "core_messages", "No licenses are waiting to be sent for {day} or earlier; no file was written."),
    "invitations.would_write": QT_TRANSLATE_NOOP(
        "core_messages", "{rows:,} invitations would go into {file}."),
    "invitations.written": QT_TRANSLATE_NOOP(
        "core_messages", "{rows:,} invitations went into {file}."),
    "invitations.earlier": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} of them were issued on earlier days and had not been sent yet ({days}{more})."),
    "invitations.pending": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} licenses are waiting for approval and are not included until approved."),
    # core/progress_import.py
    "import.already": QT_TRANSLATE_NOOP(
        "core_messages", "{file} was already imported on {day}; nothing was changed."),
    "import.done": QT_TRANSLATE_NOOP(
        "core_messages", "Imported {rows:,} course rows for {learners:,} learners from {file}: {inserted:,} new, {updated:,} updated, {unchanged:,} unchanged."),
    "import.unmatched": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} rows match no job seeker on this desk; they are kept for review."),
    # core/usage_report.py
    "report_cell": QT_TRANSLATE_NOOP(
        "core_messages", "Row {row}, column “{column}”: “{value}” {problem}"),
    "cell.not_a_time": QT_TRANSLATE_NOOP(
        "core_messages", "is not a date and time we can read (for example 2020-10-05 14:30)."),
    "cell.not_yes_no": QT_TRANSLATE_NOOP(
        "core_messages", "is not Yes or No."),
    "report_too_large": QT_TRANSLATE_NOOP(
        "core_messages", "{file} is larger than {limit_mb:,} MB, far more than any usage report; nothing was imported. Check that this is the provider's usage report, or split it and import the parts."),
    "report_too_many_rows": QT_TRANSLATE_NOOP(
        "core_messages", "{file} has more than {limit:,} rows, more than any spreadsheet holds; nothing was imported. Check that this is the provider's usage report."),
    "report_not_found": QT_TRANSLATE_NOOP(
        "core_messages", "{file} was not found; nothing was imported. Check the folder and the file name."),
    "report_no_permission": QT_TRANSLATE_NOOP(
        "core_messages", "{file} could not be read: this account may not open it. Copy the file to your Documents folder and import the copy."),
    "report_unreadable": QT_TRANSLATE_NOOP(
        "core_messages", "The report {file} could not be read ({detail}); nothing was imported."),
    "report_not_a_file": QT_TRANSLATE_NOOP(
        "core_messages", "{file} is not a file that holds a report (it is a folder, a device or a pipe); nothing was imported. Choose the CSV or Excel file you saved from the provider's site."),
    "report_bad_workbook": QT_TRANSLATE_NOOP(
        "core_messages", "{file} could not be opened as a spreadsheet ({detail}). Export the report again, as CSV or Excel (.xlsx)."),
    "report_empty": QT_TRANSLATE_NOOP(
        "core_messages", "{file} is empty: there is no header row and no data."),
    "report_rows_over": QT_TRANSLATE_NOOP(
        "core_messages", "{file} has more than {rows:,} rows; split it."),
    "report_mixed_decimals": QT_TRANSLATE_NOOP(
        "core_messages", "The report was not imported, and nothing was changed: its numbers mix decimal commas (1,5) and decimal points (2.5), so a value such as 1,500 could mean either. Export it again from the provider's site without editing it."),
    "report_mixed_dates": QT_TRANSLATE_NOOP(
        "core_messages", "The report was not imported, and nothing was changed: its dates mix day-first (20/11/2026) and month-first (11/20/2026) order, so a date such as 02/11/2026 could mean either. Export it again from the provider's site without editing it."),
    "report_bad_encoding": QT_TRANSLATE_NOOP(
        "core_messages", "{file} is not a text file we can read (its characters are in no encoding we know); nothing was imported. Save it from Excel as \"CSV UTF-8\" and import that."),
    "report_missing_columns": QT_TRANSLATE_NOOP(
        "core_messages", "The report was not imported, and nothing was changed: it lacks the column {missing}. Columns found: {seen}. Export the provider's usage (enrollment) report with these columns and import it again."),
    "cell.no_course": QT_TRANSLATE_NOOP(
        "core_messages", "is empty: every row needs the course name."),
    "cell.no_learner": QT_TRANSLATE_NOOP(
        "core_messages", "is empty, and so is External ID: the row does not say who the learner is."),
    "cell.outside_program": QT_TRANSLATE_NOOP(
        "core_messages", "is outside the program's dates ({start} to {end}); check the date, or that this is this program's report."),
    "cell.not_hours": QT_TRANSLATE_NOOP(
        "core_messages", "is not a number of hours."),
    "cell.not_a_grade": QT_TRANSLATE_NOOP(
        "core_messages", "is not a grade (a number)."),
    "cell.too_many_hours": QT_TRANSLATE_NOOP(
        "core_messages", "is more hours than any course takes (at most {hours:,.0f}); check the number's decimal mark."),
    "cell.grade_range": QT_TRANSLATE_NOOP(
        "core_messages", "is not a grade: grades run from 0 to 1, or 0 to 100 %."),
    "report_bad_cells": QT_TRANSLATE_NOOP(
        "core_messages", "The report {file} was not imported, and nothing was changed. Cells that need correcting: {count:,}."),
    # sync/service.py
    "sync.sent_applied": QT_TRANSLATE_NOOP(
        "core_messages", "Sent {sent:,} changes: {applied:,} applied."),
    "sync.sent": QT_TRANSLATE_NOOP(
        "core_messages", "Sent {sent:,} changes: {applied:,} applied, {duplicates:,} already on the server, {conflicts:,} in conflict, {rejected:,} set aside."),
    "sync.nothing_to_send": QT_TRANSLATE_NOOP(
        "core_messages", "Nothing new to send."),
    "sync.healed": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} records the agency server lacked were sent to it again first."),
    "sync.received": QT_TRANSLATE_NOOP(
        "core_messages", "Received {count:,} updates from the agency server."),
    "sync.block": QT_TRANSLATE_NOOP(
        "core_messages", "Licenses reserved for offline use: {count:,}."),
    "sync.approved": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} pending licenses approved."),
    "sync.not_yet_sent_plain": QT_TRANSLATE_NOOP(
        "core_messages", "Not yet on the server: {queued:,} queued, {parked:,} set aside, {conflicts:,} in conflict."),
    "sync.open_sync_page": QT_TRANSLATE_NOOP(
        "core_messages", "Open the Sync page in the app to fix, resend or resolve them."),
    "sync.not_yet_sent": QT_TRANSLATE_NOOP(
        "core_messages", "Not yet on the server: {queued:,} queued ({waiting:,} waiting behind a change that needs attention), {parked:,} set aside, {conflicts:,} in conflict."),
    "sync.nothing_waiting": QT_TRANSLATE_NOOP(
        "core_messages", "Nothing is waiting on this desk to be sent."),
    "sync.all_sent": QT_TRANSLATE_NOOP(
        "core_messages", "Everything is on the agency server."),
    "sync.server_restored": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server was restored from an older backup; records it lacked were sent again."),
    "sync.block_not_renewed": QT_TRANSLATE_NOOP(
        "core_messages", "Licenses were not re-reserved: some licenses issued here are not on the server yet."),
    "sync.block_refused": QT_TRANSLATE_NOOP(
        "core_messages", "Licenses were not reserved for offline use: {reason}"),
    "sync.still_pending": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} licenses stay pending approval."),
    "sync.pending_no_pool": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} licenses stay pending approval: the agency server has no license pool set for this program yet (an administrator sets it)."),
    "sync.pending_pool_used_up": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} licenses stay pending approval: the statewide pool of {pool:,} licenses is used up."),
    "sync.pending_pool_low": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} licenses stay pending approval: the statewide pool has only {left:,} licenses left, some of them reserved by other devices."),
    "sync.resent": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} records the agency server lacked were sent again."),
}


def words(message: Any) -> str:
    """``message`` in the UI's language: a core ``Message`` (or its autosaved JSON form,
    ``core.messages.to_json``) through ``CATALOG``, anything else as it is."""
    if isinstance(message, Mapping):
        message = from_json(message)
    code = getattr(message, "code", None)
    template = CATALOG.get(code) if isinstance(code, str) else None
    if template is None:
        return "" if message is None else str(message)
    args: Mapping[str, Any] = getattr(message, "args", {}) or {}
    worded = {key: _argument(value) for key, value in args.items()}
    text = QCoreApplication.translate(CONTEXT, template)
    try:
        return text.format(**worded)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English is better than none
        return template.format(**worded)


def _argument(value: Any) -> Any:
    """An argument as the sentence shows it: messages worded, days spelled out in the UI's language, numbers
    left to the template's format (``{count:,}``)."""
    from counselor_app.ui.labels import format_date

    if isinstance(value, datetime):
        from counselor_app.ui.labels import format_when

        return format_when(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_argument(v)) for v in value)
    return words(value)


def in_words(messages: Any) -> list[str]:
    """Several messages (a result's lines), each in the UI's language."""
    return [words(m) for m in messages]


def field_errors_in_words(field_errors: Mapping[str, Any]) -> dict[str, str]:
    return {key: words(value) for key, value in field_errors.items()}
