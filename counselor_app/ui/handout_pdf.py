"""The one-page "learning plan" handout the job seeker takes home (PDF or printer).

It answers the questions people call the career center about afterwards: what did I sign up for, by when, how
will the invitation arrive, and whom do I call. Built from plain values, so it can be written on a worker thread.

It is written in the job seeker's language (``HandoutData.language``), which need not be the counselor's: the
handout's texts come from a ``DocumentTexts`` for that language, the agency's texts from the profile loaded in
it, and the plan's milestone labels are read out again in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from counselor_app.core.vocabulary import LicenseStatus
from counselor_app.ui.i18n import DocumentTexts, document_language
from counselor_app.ui.labels import format_date
from counselor_app.ui.widgets import html_escape
from counselor_app.ui.wizard_state import WizardState

# Texts are written out as texts.translate("handout", ...) so pyside6-lupdate finds them.


@dataclass
class HandoutData:
    job_seeker_name: str
    email: str
    today: date
    program_name: str
    provider: str
    enroll_by: date
    complete_by: date
    license_status: str | None  # issued | pending_approval | None
    invitation_text: str
    invitation_sender: str
    contact_who: str
    contact_help: str
    counselor_name: str
    center_name: str
    items: list[dict[str, Any]] = field(default_factory=list)  # {title, hours}
    milestones: list[dict[str, Any]] = field(default_factory=list)  # {date, label}
    total_hours: float | None = None
    weekly_hours: float | None = None
    language: str = "en"  # en | es: the job seeker's, not necessarily the app's
    center_phone: str = ""
    center_address: str = ""
    center_hours: str = ""


def job_seeker_language(state: WizardState | dict[str, Any]) -> str:
    """The language the job seeker reads: "es" or "en" (from the background step, else the person's record)."""
    background = state.get("background") or {}
    return document_language(background.get("preferred_language") or state.get("preferred_language"))


def profile_in(ctx: Any, language: str) -> Any:
    """The agency profile with the texts a job seeker reads in ``language`` (a small JSON file: read each time,
    so a changed override is seen)."""
    from counselor_app.core.profiles import load_profile

    desk = ctx.desk
    return load_profile(desk.profile.id, data_dir=desk.paths.root, language=language)


def _milestones(plan: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """The plan's milestones with their labels in ``language`` (the plan was built in the counselor's)."""
    from datetime import date as _date

    from counselor_app.core.catalog import PlanError, milestone_label

    titles = {i.get("id"): i.get("title", "") for i in plan.get("items", [])}
    out = []
    for m in plan.get("milestones", []):
        label = m.get("label", "")
        try:
            label = milestone_label(str(m.get("kind")), language=language, title=titles.get(m.get("item_id"), ""),
                                    day=_date.fromisoformat(str(m["date"])),
                                    start=_date.fromisoformat(str(plan["start"])))
        except (KeyError, ValueError, PlanError):
            pass  # an older or damaged record: keep the stored label
        out.append({"date": m.get("date"), "label": label})
    return out


def handout_data(ctx: Any, state: WizardState | dict[str, Any], *, language: str | None = None) -> HandoutData:
    """Collect what the handout needs from the wizard's state and the agency profile (GUI thread), in
    ``language`` (default: the job seeker's preferred language)."""
    desk = ctx.desk
    language = document_language(language or job_seeker_language(state))
    profile = profile_in(ctx, language)
    plan = state.get("plan") or {}
    issuance = state.get("issuance") or {}
    return HandoutData(
        job_seeker_name=str(state.get("job_seeker_name") or ""), email=str(issuance.get("email")
                                                                          or state.get("email") or ""),
        today=ctx.today(), program_name=profile.program.name, provider=profile.program.provider,
        enroll_by=profile.program.enroll_by, complete_by=profile.program.complete_by,
        license_status=issuance.get("status"), invitation_text=str(profile.invitation.get("how_it_arrives", "")),
        invitation_sender=str(profile.invitation.get("sender", profile.program.provider)),
        contact_who=str(profile.contact.get("who_to_call", "")), contact_help=str(profile.contact.get("help_text", "")),
        counselor_name=desk.actor.display_name, center_name=desk.settings.center_name,
        center_phone=desk.settings.center_phone, center_address=desk.settings.center_address,
        center_hours=desk.settings.center_hours,
        items=[{"title": i.get("title", ""), "hours": i.get("hours")} for i in plan.get("items", [])],
        milestones=_milestones(plan, language),
        total_hours=plan.get("total_hours"), weekly_hours=plan.get("weekly_hours"), language=language)


def _hours(value: Any, texts: DocumentTexts) -> str:
    if value is None:
        return texts.translate("handout", "length not known")
    return texts.translate("handout", "about {n} hours").format(n=f"{float(value):g}")


def _h2(text: str) -> str:
    return f"<h2 style='font-size: 13pt;'>{html_escape(text)}</h2>"


def _p(text: str) -> str:
    return f"<p>{html_escape(text)}</p>"


def handout_html(data: HandoutData) -> str:
    e = html_escape
    texts = DocumentTexts(data.language)
    big_email = f"<p style='font-size: 14pt;'><b>{e(data.email)}</b></p>"
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10.5pt;'>",
        "<h1 style='font-size: 18pt; margin-bottom: 0;'>" + e(texts.translate("handout", "Your learning plan"))
        + "</h1>",
        f"<p style='color:#444;'>{e(data.job_seeker_name)} · {e(format_date(data.today, texts=texts))} · "
        f"{e(data.program_name)}</p>",
    ]
    if data.license_status == LicenseStatus.ISSUED:
        parts += [_h2(texts.translate("handout", "Your free license")),
                  _p(texts.translate("handout", "A license was issued for you today. The invitation from {sender} "
                                  "will be sent to:").format(sender=data.invitation_sender)), big_email]
    elif data.license_status == LicenseStatus.PENDING_APPROVAL:
        parts += [_h2(texts.translate("handout", "Your license")),
                  _p(texts.translate("handout", "Your license was recorded today and is waiting for approval. Once "
                                  "approved, the invitation from {sender} will be sent to:")
                     .format(sender=data.invitation_sender)), big_email]
    if data.license_status and data.invitation_text:
        parts += [_h2(texts.translate("handout", "How the invitation arrives")), _p(data.invitation_text)]
    enroll = texts.translate("handout", "Accept the invitation and enroll by {date}").format(
        date=format_date(data.enroll_by, texts=texts))
    finish = texts.translate("handout", "Finish your courses by {date}").format(
        date=format_date(data.complete_by, texts=texts))
    parts += [_h2(texts.translate("handout", "Important dates")),
              f"<ul><li>{e(enroll)}</li><li>{e(finish)}</li></ul>"]
    if data.items:
        parts.append(_h2(texts.translate("handout", "What you plan to take")))
        parts.append("<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse;' "
                     "width='100%'>")
        for item in data.items:
            hours = _hours(item["hours"], texts)
            parts.append(f"<tr><td>{e(item['title'])}</td><td align='right'>{e(hours)}</td></tr>")
        parts.append("</table>")
        unmeasured = sum(1 for item in data.items if item.get("hours") is None)
        if data.total_hours is not None and data.weekly_hours and unmeasured < len(data.items):
            if unmeasured:  # the total leaves out what has no length: never "0 hours" for a collection
                sentence = texts.translate("handout", "In total at least {total} (some items have no length "
                                                      "yet); you said you have about {weekly} hours a week.")
            else:
                sentence = texts.translate("handout", "In total {total}; you said you have about {weekly} hours "
                                                      "a week.")
            parts.append(_p(sentence.format(total=_hours(data.total_hours, texts),
                                            weekly=f"{float(data.weekly_hours):g}")))
    if data.milestones:
        parts.append(_h2(texts.translate("handout", "Your schedule")) + "<table cellpadding='3'>")
        for m in data.milestones:
            try:
                day = format_date(date.fromisoformat(str(m["date"])), texts=texts)
            except ValueError:
                day = str(m["date"])
            parts.append(f"<tr><td><b>{e(day)}</b></td><td>{e(m['label'])}</td></tr>")
        parts.append("</table>")
    who = f"{data.contact_who}: {data.counselor_name}, {data.center_name}."
    parts += [_h2(texts.translate("handout", "Questions? Who to call")), _p(who)]
    # The center's own phone, address and hours, from the deployment's settings (settings.json).
    for label, value in ((texts.translate("handout", "Phone: {value}"), data.center_phone),
                         (texts.translate("handout", "Address: {value}"), data.center_address),
                         (texts.translate("handout", "Hours: {value}"), data.center_hours)):
        if value:
            parts.append(_p(label.format(value=value)))
    parts.append(_p(data.contact_help))
    parts.append("</body></html>")
    return "".join(parts)


def write_handout_pdf(data: HandoutData, path: str | Path) -> Path:
    """Write the handout as a one-page US Letter PDF. Safe on a worker thread (no widgets)."""
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(DocumentTexts(data.language).translate("handout", "Learning plan"))
    writer.setCreator("Counselor Desk")
    doc = QTextDocument()
    doc.setHtml(handout_html(data))
    # No page size on the document: print_() then lays it out for the writer's page and resolution, so point
    # sizes come out as points on paper.
    doc.print_(writer)
    return target
