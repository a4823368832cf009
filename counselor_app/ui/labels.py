"""Human words for the core's codes (education levels, languages, barriers, outcomes…), translatable.

The core stores stable codes; what a counselor reads is decided here, in the UI language. Functions rather than
constants, because the translator must be installed before the text is looked up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from counselor_app.core.vocabulary import (
    AppointmentOutcome,
    AppointmentStatus,
    CatalogItemKind,
    LicenseStatus,
)

# Written out as ``_Q.translate("labels", ...)`` at every use so pyside6-lupdate can find the texts.
_Q = QCoreApplication


def language_labels() -> dict[str, str]:
    return {"en": _Q.translate("labels", "English"), "es": _Q.translate("labels", "Spanish"), "zh": _Q.translate("labels", "Chinese"), "ht": _Q.translate("labels", "Haitian Creole"),
            "pt": _Q.translate("labels", "Portuguese"), "vi": _Q.translate("labels", "Vietnamese"), "ru": _Q.translate("labels", "Russian"), "ar": _Q.translate("labels", "Arabic"),
            "fr": _Q.translate("labels", "French"), "ko": _Q.translate("labels", "Korean"), "tl": _Q.translate("labels", "Tagalog"), "pl": _Q.translate("labels", "Polish"), "other": _Q.translate("labels", "Other")}


def education_labels() -> dict[str, str]:
    return {"none": _Q.translate("labels", "No high school diploma"), "high_school": _Q.translate("labels", "High school diploma or GED"),
            "some_college": _Q.translate("labels", "Some college"), "associate": _Q.translate("labels", "Associate degree"),
            "bachelor": _Q.translate("labels", "Bachelor's degree"), "graduate": _Q.translate("labels", "Graduate degree")}


def employment_status_labels() -> dict[str, str]:
    return {"unemployed": _Q.translate("labels", "Unemployed"), "furloughed": _Q.translate("labels", "Furloughed"), "employed": _Q.translate("labels", "Employed"),
            "underemployed": _Q.translate("labels", "Underemployed"), "self_employed": _Q.translate("labels", "Self-employed"),
            "not_in_labor_force": _Q.translate("labels", "Not in the labor force")}


def unemployment_cause_labels() -> dict[str, str]:
    return {"covid_layoff": _Q.translate("labels", "Laid off because of COVID-19"),
            "covid_furlough": _Q.translate("labels", "Furloughed because of COVID-19"),
            "covid_no_work": _Q.translate("labels", "Cannot find work because of COVID-19"),
            "business_closed": _Q.translate("labels", "Business closed"), "plant_closure": _Q.translate("labels", "Plant closure or mass layoff"),
            "laid_off_other": _Q.translate("labels", "Laid off (other reason)"), "quit": _Q.translate("labels", "Quit"), "fired": _Q.translate("labels", "Let go"),
            "never_employed": _Q.translate("labels", "Never employed"), "other": _Q.translate("labels", "Other")}


def barrier_labels() -> dict[str, str]:
    return {"no_computer": _Q.translate("labels", "No computer"), "no_internet": _Q.translate("labels", "No internet at home"),
            "small_business_owner": _Q.translate("labels", "Small business owner"), "self_employed": _Q.translate("labels", "Self-employed"),
            "caregiver": _Q.translate("labels", "Caregiver"), "veteran": _Q.translate("labels", "Veteran"), "transportation": _Q.translate("labels", "Transportation"),
            "childcare": _Q.translate("labels", "Childcare"), "limited_english": _Q.translate("labels", "Limited English"),
            "disability": _Q.translate("labels", "Disability")}


def digital_skill_labels() -> dict[int, str]:
    return {1: _Q.translate("labels", "1 — New to computers"), 2: _Q.translate("labels", "2 — Can use e-mail and the web"),
            3: _Q.translate("labels", "3 — Comfortable with office software"), 4: _Q.translate("labels", "4 — Very comfortable")}


def outcome_labels() -> dict[str, str]:
    return {AppointmentOutcome.LICENSE_ISSUED: _Q.translate("labels", "License issued"), AppointmentOutcome.PENDING_APPROVAL: _Q.translate("labels", "License pending approval"),
            AppointmentOutcome.NOT_ELIGIBLE: _Q.translate("labels", "Not eligible"), AppointmentOutcome.ALREADY_LICENSED: _Q.translate("labels", "Already has a license"),
            AppointmentOutcome.REFERRED_ELSEWHERE: _Q.translate("labels", "Referred to other services"), AppointmentOutcome.NEEDS_FOLLOW_UP: _Q.translate("labels", "Needs a follow-up"),
            AppointmentOutcome.LEFT_BEFORE_SEEN: _Q.translate("labels", "Left before being seen"),
            AppointmentOutcome.DECLINED: _Q.translate("labels", "Job seeker declined")}


def appointment_status_labels() -> dict[str, str]:
    return {AppointmentStatus.SCHEDULED: _Q.translate("labels", "Scheduled"), AppointmentStatus.IN_PROGRESS: _Q.translate("labels", "In progress"), AppointmentStatus.COMPLETED: _Q.translate("labels", "Completed"),
            AppointmentStatus.CANCELLED: _Q.translate("labels", "Cancelled"), AppointmentStatus.NO_SHOW: _Q.translate("labels", "No-show")}


def level_labels() -> dict[str, str]:
    return {"beginner": _Q.translate("labels", "Beginner"), "intermediate": _Q.translate("labels", "Intermediate"), "advanced": _Q.translate("labels", "Advanced"),
            "mixed": _Q.translate("labels", "Mixed")}


def kind_labels() -> dict[str, str]:
    return {CatalogItemKind.COURSE: _Q.translate("labels", "Course"), CatalogItemKind.CERTIFICATE: _Q.translate("labels", "Certificate"), CatalogItemKind.COLLECTION: _Q.translate("labels", "Collection")}


def license_status_labels() -> dict[str, str]:
    return {LicenseStatus.ISSUED: _Q.translate("labels", "Issued"), LicenseStatus.PENDING_APPROVAL: _Q.translate("labels", "Pending approval"), LicenseStatus.REVOKED: _Q.translate("labels", "Revoked"),
            LicenseStatus.INACTIVATED: _Q.translate("labels", "Inactivated")}


def job_seeker_field_labels(*, cms: str = "") -> dict[str, str]:
    """A job seeker's fields as the sync dialogs name them (the form's labels, without keyboard mnemonics)."""
    return {"first_name": _Q.translate("labels", "First name"), "last_name": _Q.translate("labels", "Last name"),
            "email": _Q.translate("labels", "E-mail"), "phone": _Q.translate("labels", "Phone"),
            "zip_code": _Q.translate("labels", "ZIP code"), "birth_date": _Q.translate("labels", "Date of birth"),
            "preferred_language": _Q.translate("labels", "Preferred language"),
            "agency_customer_id": (_Q.translate("labels", "{cms} id").format(cms=cms) if cms
                                   else _Q.translate("labels", "Agency id")),
            "employment_status": _Q.translate("labels", "Employment status"),
            "unemployment_cause": _Q.translate("labels", "Cause of unemployment"),
            "ui_claimant": _Q.translate("labels", "UI claimant"),
            "return_to_work_date": _Q.translate("labels", "Return-to-work date"),
            "consent_to_contact": _Q.translate("labels", "Consent"),
            "prefers_text": _Q.translate("labels", "Reminders by text"),
            "last_occupation_soc": _Q.translate("labels", "Last occupation"),
            "last_occupation_title": _Q.translate("labels", "Last job title"),
            "goal_soc": _Q.translate("labels", "Goal occupation"), "interests": _Q.translate("labels", "Interests"),
            "education": _Q.translate("labels", "Education"), "digital_skill": _Q.translate("labels", "Digital skills"),
            "weekly_hours": _Q.translate("labels", "Hours a week"), "barriers": _Q.translate("labels", "Barriers")}


def _months(q: Any = _Q) -> tuple[str, ...]:
    return (q.translate("labels", "January"), q.translate("labels", "February"), q.translate("labels", "March"),
            q.translate("labels", "April"), q.translate("labels", "May"), q.translate("labels", "June"),
            q.translate("labels", "July"), q.translate("labels", "August"), q.translate("labels", "September"),
            q.translate("labels", "October"), q.translate("labels", "November"),
            q.translate("labels", "December"))


def format_date(value: object, *, texts: Any = _Q) -> str:
    """US style, e.g. "October 23, 2020"; dates are always spelled out so nobody confuses 10/11 and 11/10.
    ``texts`` (an ``i18n.DocumentTexts``) writes it in another language than the app's, for the handout."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return "" if value is None else str(value)
    months = _months(texts)
    return texts.translate("labels", "{month} {day}, {year}").format(month=months[value.month - 1], day=value.day,
                                                                     year=value.year)


#: The zone every time a person reads is shown in: the center's (``Settings.center_time_zone``), never the
#: computer's or UTC, so Today, the status bar and the Sync page agree. Set by the main window when it opens.
_center_zone_name: str | None = None


def set_center_time_zone(name: str | None) -> None:
    global _center_zone_name
    _center_zone_name = name


def center_time(value: object) -> Any:
    """A stored time (naive UTC, an aware datetime, or an ISO string) as an aware datetime in the center's zone;
    ``None`` for anything that is not a time."""
    from datetime import UTC, datetime

    from counselor_app.core.scheduling import center_zone

    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    return (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).astimezone(
        center_zone(_center_zone_name))


def _ui_locale() -> Any:
    """The locale of the UI language (not the computer's, which may be "C" in a service or a test run)."""
    from PySide6.QtCore import QLocale

    from counselor_app.ui.i18n import current_language

    if current_language() == "es":
        return QLocale(QLocale.Language.Spanish)  # 24-hour, as Spanish-speaking readers expect
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def clock_format() -> str:
    """The UI locale's short time format as a Qt pattern ("h:mm AP" in English, "H:mm" in Spanish), for editors."""
    from PySide6.QtCore import QLocale

    return _ui_locale().timeFormat(QLocale.FormatType.ShortFormat).replace("\u202f", " ")


def format_clock(value: object) -> str:
    """A wall-clock time (a ``datetime`` or ``time`` already in local time) in the UI locale's short format:
    "9:05 PM" in English, "21:05" in Spanish. The one place a time of day is written for a person."""
    from PySide6.QtCore import QLocale, QTime

    hour, minute = getattr(value, "hour", None), getattr(value, "minute", None)
    if hour is None or minute is None:
        return "" if value is None else str(value)
    # Qt's CLDR data puts a narrow no-break space before AM/PM; a plain space reads the same in every font.
    return _ui_locale().toString(QTime(hour, minute), QLocale.FormatType.ShortFormat).replace("\u202f", " ")


def format_when(value: object, *, year: bool = True) -> str:
    """Date and time in the center's time zone, e.g. "October 1, 2020, 9:05 AM" (or "October 1, 9:05 AM"
    without the year; "1 de octubre de 2020, 21:05" in Spanish).

    The store keeps naive UTC timestamps, so a naive value is taken as UTC; an ISO string is parsed first.
    """
    local = center_time(value)
    if local is None:
        return "" if value is None else str(value)
    time = format_clock(local)
    if year:
        day = format_date(local.date())
    else:
        day = _Q.translate("labels", "{month} {day}").format(month=_months()[local.month - 1], day=local.day)
    return _Q.translate("labels", "{date}, {time}").format(date=day, time=time)
