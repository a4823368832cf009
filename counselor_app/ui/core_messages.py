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

from counselor_app.core.messages import from_json, message_of

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
    "sync.server_restored_compared": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server was restored from an older copy of its database; this desk compared its records with it."),
    "sync.diverged": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} records were changed on the agency server by someone else after it was restored, and this desk's changes were lost there: resolve them on the Sync page."),
    "sync.double_booked": QT_TRANSLATE_NOOP(
        "core_messages", "{count:,} bookings made at another desk take the same time as a booking here for the same counselor; the Calendar marks them \"double-booked\": move or cancel one."),
    # core/appointments.py
    "appointments.appointment_local_records": QT_TRANSLATE_NOOP(
        "core_messages", "This appointment is not in the local records."),
    "appointments.appointment_either_scheduled": QT_TRANSLATE_NOOP(
        "core_messages", "An appointment is either scheduled or a walk-in."),
    "appointments.place_either_center": QT_TRANSLATE_NOOP(
        "core_messages", "The place is either the center or an outreach event."),
    "appointments.outcome_not_listed": QT_TRANSLATE_NOOP(
        "core_messages", "Choose the appointment's outcome from the list."),
    "scheduling.starts_in_past": QT_TRANSLATE_NOOP(
        "core_messages", "This time has already passed. Choose a later time."),
    "appointments.outcome_needs_person": QT_TRANSLATE_NOOP(
        "core_messages", "Without a job seeker, choose Left before being seen or Needs a follow-up."),
    "appointments.outcome_needs_license": QT_TRANSLATE_NOOP(
        "core_messages", "This outcome needs a license issued in this appointment; choose another outcome."),
    "appointments.unknown_appointment_status": QT_TRANSLATE_NOOP(
        "core_messages", "Unknown appointment status."),
    "appointments.notes_too_long": QT_TRANSLATE_NOOP(
        "core_messages", "The notes are too long (10,000 characters at most)."),
    "appointments.job_seeker_local": QT_TRANSLATE_NOOP(
        "core_messages", "This job seeker is not in the local records."),
    "appointments.write_note_before": QT_TRANSLATE_NOOP(
        "core_messages", "Write the note before saving it."),
    "appointments.note_too_long": QT_TRANSLATE_NOOP(
        "core_messages", "The note is too long (10,000 characters at most)."),
    # core/campaigns.py
    "campaigns.larger_mb_split": QT_TRANSLATE_NOOP(
        "core_messages", "{name} is larger than {value} MB; split the list."),
    "campaigns.old_style_excel": QT_TRANSLATE_NOOP(
        "core_messages", "{name} is an old-style Excel file (.xls). Save it as .xlsx or CSV."),
    "campaigns.header_row_names": QT_TRANSLATE_NOOP(
        "core_messages", "{name} has no header row with names and an e-mail, phone or customer id column (for example: First Name, Last Name, Email, Phone)."),
    "campaigns.more_people_split": QT_TRANSLATE_NOOP(
        "core_messages", "{name} has more than {max_rows:,} people; split the list."),
    "campaigns.cells_unreadable": QT_TRANSLATE_NOOP(
        "core_messages", "{name} was not imported: {count} cell(s) could not be read."),
    "campaigns.header_but_nobody": QT_TRANSLATE_NOOP(
        "core_messages", "{name} has a header but nobody in it."),
    "campaigns.person_longer_campaign": QT_TRANSLATE_NOOP(
        "core_messages", "This person is no longer on the campaign list."),
    "campaigns.supervisor_import_campaign": QT_TRANSLATE_NOOP(
        "core_messages", "Only a supervisor can import a campaign list."),
    "campaigns.give_campaign_name": QT_TRANSLATE_NOOP(
        "core_messages", "Give the campaign a name."),
    "campaigns.campaign_local_records": QT_TRANSLATE_NOOP(
        "core_messages", "This campaign is not in the local records."),
    "campaigns.choose_how_call": QT_TRANSLATE_NOOP(
        "core_messages", "Choose how the call or e-mail went."),
    "campaigns.choose_why_person": QT_TRANSLATE_NOOP(
        "core_messages", "Choose why the person declined."),
    "campaigns.book_appointment_first": QT_TRANSLATE_NOOP(
        "core_messages", "Book the appointment first, then record it as set."),
    "campaigns.working_person_now": QT_TRANSLATE_NOOP(
        "core_messages", "{claimed_by} is working with this person now."),
    # core/catalog/plan.py
    "catalog.plan.unknown_milestone_kind": QT_TRANSLATE_NOOP(
        "core_messages", "Unknown milestone kind {kind!r}."),
    "catalog.plan.stored_plan_version": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan has version {plan_version!r}; this app reads version {plan_version2}."),
    "catalog.plan.stored_plan_missing": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan is missing the field {value!r}."),
    "catalog.plan.stored_plan_damaged": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan is damaged: {exc}."),
    "catalog.plan.stored_plan_field": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan field {field!r} must be text, got {value!r}."),
    "catalog.plan.stored_plan_field_2": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan field {field!r} must be one of {value}, got {value2!r}."),
    "catalog.plan.stored_plan_field_3": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan field {field!r} must be a number of hours, got {value!r}."),
    "catalog.plan.stored_plan_field_4": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan field {field!r} must be true or false, got {value!r}."),
    "catalog.plan.stored_plan_field_5": QT_TRANSLATE_NOOP(
        "core_messages", "Stored plan field {field!r} must be a date (YYYY-MM-DD), got {value!r}."),
    "catalog.plan.weekly_hours_must": QT_TRANSLATE_NOOP(
        "core_messages", "Weekly hours must be more than 0 and at most {max_weekly_hours} (got {weekly_hours!r})."),
    "catalog.plan.must_date_got": QT_TRANSLATE_NOOP(
        "core_messages", "{name} must be a date (got {value!r})."),
    "catalog.plan.chosen_ids_must": QT_TRANSLATE_NOOP(
        "core_messages", "chosen_ids must be a list of ids, not one string."),
    "plan.not_in_catalog": QT_TRANSLATE_NOOP(
        "core_messages", "Not in the catalog: {ids}."),
    # core/catalog/recommend_request.py
    "catalog.recommend_request.must_json_object": QT_TRANSLATE_NOOP(
        "core_messages", "must be a JSON object of field: value"),
    # core/db.py
    "db.database_key_malformed": QT_TRANSLATE_NOOP(
        "core_messages", "The database key is malformed."),
    "db.data_folder_erased": QT_TRANSLATE_NOOP(
        "core_messages", "This data folder was erased; its database cannot be opened."),
    "db.local_database_could": QT_TRANSLATE_NOOP(
        "core_messages", "The local database could not be opened: the file is damaged or was encrypted with a different key (for example, copied from another computer)."),
    "db.database_written_newer": QT_TRANSLATE_NOOP(
        "core_messages", "This database was written by a newer version of Counselor Desk. Install the newer version to open it."),
    # core/eligibility.py
    "eligibility.profile_has_no_pathways": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile's eligibility rules have no pathways."),
    "eligibility.eligibility_rules_refer": QT_TRANSLATE_NOOP(
        "core_messages", "The eligibility rules refer to a question the profile does not ask: {qid}."),
    # core/front_desk.py
    "front_desk.appointment_local_records": QT_TRANSLATE_NOOP(
        "core_messages", "This appointment is not in the local records."),
    "front_desk.appointment_already_started": QT_TRANSLATE_NOOP(
        "core_messages", "This appointment has already started or ended."),
    "front_desk.job_seeker_local": QT_TRANSLATE_NOOP(
        "core_messages", "This job seeker is not in the local records."),
    "front_desk.enter_name_person": QT_TRANSLATE_NOOP(
        "core_messages", "Enter the name of the person who arrived."),
    "front_desk.already_waiting_list": QT_TRANSLATE_NOOP(
        "core_messages", "{name} is already on the waiting list."),
    "front_desk.person_longer_waiting": QT_TRANSLATE_NOOP(
        "core_messages", "This person is no longer on the waiting list."),
    "front_desk.already_been_called": QT_TRANSLATE_NOOP(
        "core_messages", "{display_name} has already been called in."),
    # core/invitations.py
    "invitations.already_exists_may": QT_TRANSLATE_NOOP(
        "core_messages", "{name} already exists in {parent}; it may be an earlier file that was not uploaded yet. Choose another file name."),
    "invitations.there_invitation_file": QT_TRANSLATE_NOOP(
        "core_messages", "There is no invitation file with this id on this desk."),
    "invitations.invitation_file_could": QT_TRANSLATE_NOOP(
        "core_messages", "The invitation file could not be written to {parent} ({strerror}); no license was marked as sent."),
    # core/job_seekers.py
    "job_seekers.job_seeker_local": QT_TRANSLATE_NOOP(
        "core_messages", "This job seeker is not in the local records."),
    "job_seekers.someone_else_saved": QT_TRANSLATE_NOOP(
        "core_messages", "Someone else saved changes to this job seeker while you were editing. Reopen the record to see them, then make your change again."),
    # core/key_escrow.py
    "key_escrow.agency_s_recovery_3": QT_TRANSLATE_NOOP(
        "core_messages", "The agency's recovery key is not a PEM public key. Ask IT for the file made with 'openssl pkey -pubout'."),
    "key_escrow.agency_s_recovery": QT_TRANSLATE_NOOP(
        "core_messages", "The agency's recovery key must be an RSA public key."),
    "key_escrow.agency_s_recovery_2": QT_TRANSLATE_NOOP(
        "core_messages", "The agency's recovery key is too short ({key_size} bits); it needs at least {min_rsa_bits}."),
    "key_escrow.escrow_file_read": QT_TRANSLATE_NOOP(
        "core_messages", "The escrow file {name} cannot be read."),
    "key_escrow.agency_s_recovery_4": QT_TRANSLATE_NOOP(
        "core_messages", "The agency's recovery key file {public_key_file} cannot be read."),
    "key_escrow.there_escrow_file": QT_TRANSLATE_NOOP(
        "core_messages", "There is no escrow file ({name}) next to the database: this desk's key was never sealed to the agency's recovery key."),
    "key_escrow.escrow_file_written": QT_TRANSLATE_NOOP(
        "core_messages", "The escrow file was written by a newer version of Counselor Desk."),
    "key_escrow.private_recovery_key": QT_TRANSLATE_NOOP(
        "core_messages", "The private recovery key is protected by a passphrase; give it."),
    "key_escrow.private_recovery_key_2": QT_TRANSLATE_NOOP(
        "core_messages", "The private recovery key cannot be read (wrong file or wrong passphrase)."),
    "key_escrow.private_key_recovery": QT_TRANSLATE_NOOP(
        "core_messages", "This private key is not the recovery key this desk's key was sealed to (the escrow names fingerprint {value}…)."),
    "key_escrow.escrow_file_damaged_2": QT_TRANSLATE_NOOP(
        "core_messages", "The escrow file is damaged: the key cannot be unsealed."),
    "key_escrow.escrow_file_damaged": QT_TRANSLATE_NOOP(
        "core_messages", "The escrow file is damaged: the unsealed key does not match its check value."),
    "key_escrow.use_least_bits": QT_TRANSLATE_NOOP(
        "core_messages", "Use at least {min_rsa_bits} bits."),
    "key_escrow.already_exists_overwritten": QT_TRANSLATE_NOOP(
        "core_messages", "{path} already exists; it is not overwritten."),
    "key_escrow.encryption_key_desk": QT_TRANSLATE_NOOP(
        "core_messages", "The encryption key of this desk's database is no longer in this computer's keyring, so the records cannot be opened here now. Nothing is lost: the key was sealed to the agency's recovery key. Ask IT to run 'counselor-app recover-key --private-key FILE' for this data folder (see docs/DEPLOYMENT.md, 'Recovering a desk whose key was lost')."),
    # core/keystore.py
    "keystore.encryption_key_database": QT_TRANSLATE_NOOP(
        "core_messages", "The encryption key for this database is not in this computer's keyring, so the data cannot be opened. If the data folder was copied from another computer, it can only be opened there."),
    # core/local_accounts.py
    "local_accounts.there_such_counselor": QT_TRANSLATE_NOOP(
        "core_messages", "There is no such counselor on this desk."),
    # core/outcomes.py
    "outcomes.outcome_rules_valid": QT_TRANSLATE_NOOP(
        "core_messages", "The outcome rules {name} are not valid JSON ({exc})."),
    "outcomes.there_outcome_rules": QT_TRANSLATE_NOOP(
        "core_messages", "There are no outcome rules for the state '{state}' (expected resources/outcomes/{name}.json)."),
    "outcomes.outcome_rules_need": QT_TRANSLATE_NOOP(
        "core_messages", "The outcome rules for {state} need a label and a code for {value}."),
    "outcomes.outcome_rules_missing": QT_TRANSLATE_NOOP(
        "core_messages", "The outcome rules for {state} are missing or have a wrong field ({exc})."),
    "outcomes.program_administrator_review": QT_TRANSLATE_NOOP(
        "core_messages", "Only a program administrator can review outcomes for the state's system."),
    "outcomes.date_outcome_future": QT_TRANSLATE_NOOP(
        "core_messages", "The date of an outcome cannot be in the future."),
    "outcomes.course_credential_name": QT_TRANSLATE_NOOP(
        "core_messages", "The course or credential name is too long (300 characters)."),
    "outcomes.outcome_local_records": QT_TRANSLATE_NOOP(
        "core_messages", "This outcome is not in the local records."),
    "outcomes.outcome_already": QT_TRANSLATE_NOOP(
        "core_messages", "This outcome is already {status}."),
    "outcome_state.proposed": QT_TRANSLATE_NOOP("core_messages", "proposed"),
    "outcome_state.accepted": QT_TRANSLATE_NOOP("core_messages", "accepted"),
    "outcome_state.rejected": QT_TRANSLATE_NOOP("core_messages", "rejected"),
    "outcome_state.entered": QT_TRANSLATE_NOOP("core_messages", "entered in the state's system"),
    "outcomes.outcome_changed": QT_TRANSLATE_NOOP(
        "core_messages", "An outcome that is {status} cannot be changed."),
    "outcomes.give_reason_rejecting": QT_TRANSLATE_NOOP(
        "core_messages", "Give the reason for rejecting this outcome; it is kept in the record."),
    "outcomes.proposed_outcome_rejected": QT_TRANSLATE_NOOP(
        "core_messages", "Only a proposed outcome can be rejected; this one is {status}."),
    # core/outreach_mail.py
    "outreach_mail.e_mail_could": QT_TRANSLATE_NOOP(
        "core_messages", "The e-mail could not be sent ({reason}). Check the mail relay in the reminder settings; nothing was marked as sent."),
    # core/partner_referrals.py
    "partner_referrals.referral_desk": QT_TRANSLATE_NOOP(
        "core_messages", "This referral is not on this desk."),
    "partner_referrals.referral_already_handled": QT_TRANSLATE_NOOP(
        "core_messages", "This referral was already handled."),
    "partner_referrals.job_seeker_local": QT_TRANSLATE_NOOP(
        "core_messages", "This job seeker is not in the local records."),
    # core/profiles.py
    "profiles.agency_profile_valid": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile {name} is not valid JSON ({exc})."),
    "profiles.agency_profile_must": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile {name} must be a JSON object."),
    "profiles.there_agency_profile": QT_TRANSLATE_NOOP(
        "core_messages", "There is no agency profile named '{profile_id}'. Known profiles: {known}."),
    "profiles.agency_profile_missing": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile is missing {where}.{key}."),
    "profiles.agency_profile_date": QT_TRANSLATE_NOOP(
        "core_messages", "{where}.{key} in the agency profile is not a date (YYYY-MM-DD)."),
    "profiles.agency_profile_missing_2": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile is missing the field {value!r}."),
    "profiles.agency_profile_value": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile has a value of the wrong kind ({exc})."),
    "profiles.dates_out_of_order": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile's program dates are out of order (start, issue-by, enroll-by, complete-by)."),
    "profiles.pool_negative": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile's license pool cannot be negative."),
    # core/reminder_sender.py
    "reminder_sender.supervisor_program_administrator": QT_TRANSLATE_NOOP(
        "core_messages", "Only a supervisor or program administrator can send reminders."),
    "reminder_sender.program_administrator_set": QT_TRANSLATE_NOOP(
        "core_messages", "Only a program administrator can set up the mail relay."),
    # core/reports.py
    "reports.supervisor_program_administrator": QT_TRANSLATE_NOOP(
        "core_messages", "Only a supervisor or program administrator can {what}."),
    "supervisor_only.export_reminder_lists": QT_TRANSLATE_NOOP("core_messages", "export reminder lists (they name job seekers)"),
    "supervisor_only.export_summary": QT_TRANSLATE_NOOP("core_messages", "export the program summary (its detail sheet names job seekers)"),
    "supervisor_only.import_progress": QT_TRANSLATE_NOOP("core_messages", "import the provider's progress reports"),
    "supervisor_only.invitation_file": QT_TRANSLATE_NOOP("core_messages", "make the invitation file (it lists job seekers' names and e-mail addresses)"),
    "supervisor_only.match_progress": QT_TRANSLATE_NOOP("core_messages", "match progress rows to job seekers"),
    "supervisor_only.propose_outcomes": QT_TRANSLATE_NOOP("core_messages", "propose outcomes from learner progress"),
    "supervisor_only.review_outcomes": QT_TRANSLATE_NOOP("core_messages", "review outcomes (they name job seekers)"),
    "supervisor_only.review_unmatched": QT_TRANSLATE_NOOP("core_messages", "review unmatched progress rows"),
    "supervisor_only.list_job_seekers": QT_TRANSLATE_NOOP("core_messages", "see a list of job seekers"),
    "supervisor_only.see_reminder_lists": QT_TRANSLATE_NOOP("core_messages", "see reminder lists (they name job seekers)"),
    "supervisor_only.see_removal_files": QT_TRANSLATE_NOOP("core_messages", "see removal files (they name job seekers)"),
    "supervisor_only.write_removal_files": QT_TRANSLATE_NOOP("core_messages", "write removal files"),
    "reports.supervisor_program_administrator_2": QT_TRANSLATE_NOOP(
        "core_messages", "Only a supervisor or program administrator can see program-wide figures; a counselor can see the figures for their own licenses."),
    "reports.center_named_centers": QT_TRANSLATE_NOOP(
        "core_messages", "No center is named '{value}'. Centers on this desk: {names}."),
    "reports.more_one_center": QT_TRANSLATE_NOOP(
        "core_messages", "More than one center matches '{value}'; give more of the name. Centers: {names}."),
    "reports.counselor_named_desk": QT_TRANSLATE_NOOP(
        "core_messages", "No counselor is named '{value}' on this desk."),
    "reports.more_one_counselor": QT_TRANSLATE_NOOP(
        "core_messages", "More than one counselor matches '{value}'; give the full name or user name."),
    # core/retention.py
    "retention.days_not_a_number": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile's retention value is not a number of days."),
    "retention.period_negative": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile's retention period cannot be negative."),
    "retention.source_missing": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile's retention value must say its source."),
    "retention.agency_profile_sets": QT_TRANSLATE_NOOP(
        "core_messages", "The agency profile sets no retention period for this desk, so nothing is purged."),
    # core/scheduling.py
    "scheduling.choose_person_outreach": QT_TRANSLATE_NOOP(
        "core_messages", "Choose in person, outreach event, phone or video."),
    "scheduling.appointment_lasts_minutes": QT_TRANSLATE_NOOP(
        "core_messages", "An appointment lasts {min_minutes} minutes to 8 hours."),
    "scheduling.choose_whom_appointment": QT_TRANSLATE_NOOP(
        "core_messages", "Choose whom the appointment is for."),
    "scheduling.job_seeker_local": QT_TRANSLATE_NOOP(
        "core_messages", "This job seeker is not in the local records."),
    "scheduling.person_longer_campaign": QT_TRANSLATE_NOOP(
        "core_messages", "This person is no longer on the campaign list."),
    "scheduling.appointment_started_marked": QT_TRANSLATE_NOOP(
        "core_messages", "Only an appointment that has not started can be marked so."),
    "scheduling.appointment_marked_missed": QT_TRANSLATE_NOOP(
        "core_messages", "An appointment can be marked as missed only once its time has come."),
    "scheduling.booking_local_records": QT_TRANSLATE_NOOP(
        "core_messages", "This booking is not in the local records."),
    "scheduling.only_unstarted_moves": QT_TRANSLATE_NOOP(
        "core_messages", "Only an appointment that has not started can be moved."),
    # sync/outbox.py
    "outbox.field_not_correctable": QT_TRANSLATE_NOOP(
        "core_messages", "'{field}' cannot be corrected here."),
    "outbox.change_longer_waiting": QT_TRANSLATE_NOOP(
        "core_messages", "This change is no longer waiting to be sent."),
    "outbox.change": QT_TRANSLATE_NOOP(
        "core_messages", "This change is {status}, not {value}."),
    "outbox.server_s_version": QT_TRANSLATE_NOOP(
        "core_messages", "The server's version of this record is missing; sync again."),
    "outbox.choose_mine_or_theirs": QT_TRANSLATE_NOOP(
        "core_messages", "Choose mine or theirs."),
    "outbox.choose_mine_theirs": QT_TRANSLATE_NOOP(
        "core_messages", "Choose mine, theirs, or field by field."),
    # sync/service.py
    "service.agency_server_set": QT_TRANSLATE_NOOP(
        "core_messages", "No agency server is set up. Sign in to the agency server first."),
    "service.sign_agency_server": QT_TRANSLATE_NOOP(
        "core_messages", "Sign in to the agency server to sync."),
    "service.sync_already_running": QT_TRANSLATE_NOOP(
        "core_messages", "A sync is already running."),
    # sync/transport.py
    "transport.agency_server_answered": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server answered more changes than were sent."),
    "transport.answer_not_understood": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server's answer was not understood. Check the server address; the server may run a different protocol version."),
    "transport.sign_agency_server": QT_TRANSLATE_NOOP(
        "core_messages", "Sign in to the agency server first."),
    "transport.certificate_unverified": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server's certificate could not be verified, so nothing was sent. If your agency uses its own certificate authority, set its CA bundle in the sync settings."),
    "transport.address_invalid": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server's address is not valid."),
    "transport.agency_server_did": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server did not accept the user name or password."),
    "transport.your_sign_agency": QT_TRANSLATE_NOOP(
        "core_messages", "Your sign-in to the agency server has ended. Sign in again to sync; nothing waiting to be sent was lost."),
    "transport.agency_server_busy": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server is busy and asked to wait {wait:.0f} seconds; sync will try again later. Nothing waiting to be sent was lost."),
    "transport.agency_server_could": QT_TRANSLATE_NOOP(
        "core_messages", "The agency server could not be reached ({last_problem}). Sync will try again; nothing waiting to be sent was lost."),
    # core/reminder_sender.py
    "reminder_sender.valid_json": QT_TRANSLATE_NOOP(
        "core_messages", "{name} is not valid JSON ({exc})."),
    "reminder_sender.there_reminder_templates": QT_TRANSLATE_NOOP(
        "core_messages", "There are no reminder templates in the language '{language}'."),
    "reminder_sender.reminder_templates_have": QT_TRANSLATE_NOOP(
        "core_messages", "The {language} reminder templates have no message for the list '{name}'."),
    "reminder_sender.template_broken_merge": QT_TRANSLATE_NOOP(
        "core_messages", "The {language} template for '{name}' has a broken merge field ({exc})."),
    "reminder_sender.template_uses_unknown": QT_TRANSLATE_NOOP(
        "core_messages", "The {language} template for '{name}' uses unknown merge fields: {value}."),
    "reminder_sender.mail_relay_set": QT_TRANSLATE_NOOP(
        "core_messages", "The mail relay is not set up: enter the relay's host name and the sender address in the reminder settings."),
    "reminder_sender.relay_password_missing": QT_TRANSLATE_NOOP(
        "core_messages", "The mail relay's password is not saved on this computer; enter it in the reminder settings."),
    "reminder_sender.mail_relay_refused": QT_TRANSLATE_NOOP(
        "core_messages", "The mail relay refused the user name or password."),
    "reminder_sender.mail_relay_does": QT_TRANSLATE_NOOP(
        "core_messages", "The mail relay does not offer sign-in on this connection; check the security setting (STARTTLS or TLS) with the agency's IT."),
    "reminder_sender.mail_relay_could": QT_TRANSLATE_NOOP(
        "core_messages", "The mail relay {smtp_host}:{smtp_port} could not be reached ({reason})."),
    "reminder_sender.mail_relay_refused_2": QT_TRANSLATE_NOOP(
        "core_messages", "The mail relay refused the sender address; check it in the mail relay settings."),
    # core/campaigns.py
    "campaigns.import_cancelled": QT_TRANSLATE_NOOP(
        "core_messages", "The import was cancelled; nothing was written."),
    "campaigns.bad_cell": QT_TRANSLATE_NOOP(
        "core_messages", "Row {row}, column “{column}”: “{value}”: {problem}"),
    "campaigns.no_possible_match": QT_TRANSLATE_NOOP(
        "core_messages", "This person has no possible match to confirm or reject."),
    # core/keystore.py
    "keystore.help": QT_TRANSLATE_NOOP(
        "core_messages", "Counselor Desk keeps its encryption key in the system keyring, and no usable keyring was found on this computer. To fix this: on Windows or macOS, sign in to your user account normally (the keyring opens with it); on Linux, install and unlock a keyring such as GNOME Keyring or KWallet (for example 'sudo apt install gnome-keyring' and sign in again). For a test machine without a desktop, you may set PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring (after 'pip install keyrings.alt'); that stores the key unprotected and is for development only. The app will not store job seekers' data unencrypted."),
    "keystore.not_read": QT_TRANSLATE_NOOP(
        "core_messages", "The system keyring could not be read ({reason}). If the keyring is locked, unlock it (sign in to your computer account again) and retry. {help}"),
    "keystore.not_written": QT_TRANSLATE_NOOP(
        "core_messages", "The system keyring could not be written ({reason}). If the keyring is locked, unlock it (sign in to your computer account again) and retry. {help}"),
    "keystore.not_changed": QT_TRANSLATE_NOOP(
        "core_messages", "The system keyring could not be changed ({reason}). If the keyring is locked, unlock it (sign in to your computer account again) and retry. {help}"),
    "keystore.not_kept": QT_TRANSLATE_NOOP(
        "core_messages", "The keyring did not keep the new encryption key. {help}"),
    # core/environment_errors.py
    "file.disk_full_in": QT_TRANSLATE_NOOP(
        "core_messages", "{what} could not be saved: the disk in {folder} is full. Free some space (empty the Recycle Bin, delete old exports) or choose another drive, and try again. Nothing was saved."),
    "file.disk_full": QT_TRANSLATE_NOOP(
        "core_messages", "{what} could not be saved: the disk is full. Free some space (empty the Recycle Bin, delete old exports) or choose another drive, and try again. Nothing was saved."),
    "file.not_writable_in": QT_TRANSLATE_NOOP(
        "core_messages", "{what} could not be saved: this account may not write in {folder}. Choose another folder (for example Documents) and try again. Nothing was saved."),
    "file.not_writable": QT_TRANSLATE_NOOP(
        "core_messages", "{what} could not be saved: this account may not write. Choose another folder (for example Documents) and try again. Nothing was saved."),
    "file.write_failed_in": QT_TRANSLATE_NOOP(
        "core_messages", "{what} could not be saved ({reason}) in {folder}. Check the disk and try again. Nothing was saved."),
    "file.write_failed": QT_TRANSLATE_NOOP(
        "core_messages", "{what} could not be saved ({reason}). Check the disk and try again. Nothing was saved."),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "core_messages", "The change could not be saved: the disk is full. Nothing was changed. Free some space (empty the Recycle Bin, delete old exports) and try again; what you typed is still on the screen."),
    "store.read_only": QT_TRANSLATE_NOOP(
        "core_messages", "The change could not be saved: the data folder is read-only. Nothing was changed. Ask IT to check the data folder's permissions."),
    "store.disk_error": QT_TRANSLATE_NOOP(
        "core_messages", "The change could not be saved: the disk reported an error. Nothing was changed. Try again; if it happens again, ask IT to check the disk."),
    # export/summary_workbook.py
    "file.summary_workbook": QT_TRANSLATE_NOOP(
        "core_messages", "The summary workbook"),
    # core/reminder_sender.py
    "relay.host": QT_TRANSLATE_NOOP(
        "core_messages", "Enter the relay's host name, e.g. smtp.agency.example.gov."),
    "relay.port": QT_TRANSLATE_NOOP(
        "core_messages", "The port is a number from 1 to 65535 (587 for STARTTLS, 465 for TLS)."),
    "relay.security": QT_TRANSLATE_NOOP(
        "core_messages", "Choose STARTTLS, TLS or none."),
    "relay.clear_text": QT_TRANSLATE_NOOP(
        "core_messages", "Without encryption the password and messages cross the network in clear text; use STARTTLS or TLS (none is only for a relay on this computer)."),
    "relay.ca_bundle": QT_TRANSLATE_NOOP(
        "core_messages", "The certificate file was not found."),
    "relay.window_days": QT_TRANSLATE_NOOP(
        "core_messages", "The number of days is from 0 to 365."),
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


def error_words(exc: BaseException) -> str:
    """What an exception says, in the UI's language (its ``Message``; ``str(exc)`` for one without a code)."""
    return words(message_of(exc))


def in_words(messages: Any) -> list[str]:
    """Several messages (a result's lines), each in the UI's language."""
    return [words(m) for m in messages]


def field_errors_in_words(field_errors: Mapping[str, Any]) -> dict[str, str]:
    return {key: words(value) for key, value in field_errors.items()}
