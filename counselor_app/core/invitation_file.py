"""The one writer of the provider's bulk-invitation file (``Full Name``, ``Email``, ``External ID``), used by the
desk (``core/invitations.py``) and the agency server (``agency_server/service.py``).

The file is read by the provider's importer, not by a person: every value is written as it is, with CSV quoting
only. An e-mail address in particular is never altered (a guard that put an apostrophe in front of
``-ana.ruiz@example.org`` made the provider invite an address that does not exist); addresses that no provider
accepts are refused at registration instead (``validation.normalize_email``). External ID is the job seeker's
id, which is how the provider's usage report is matched back (``core/progress_rules.py``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

INVITATION_HEADER = ("Full Name", "Email", "External ID")


def full_name(first: str | None, last: str | None) -> str:
    """One-name people have an empty last name: no trailing space."""
    return f"{(first or '').strip()} {(last or '').strip()}".strip()


def provider_csv(header: Sequence[str], rows: Iterable[Sequence[str | None]]) -> str:
    """A file for the provider's importer (invitations, removals): UTF-8 text (no BOM), CRLF line ends, the header
    then the rows, every value as it is (CSV quoting only; NUL dropped, which no importer reads)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([(value or "").replace("\0", "") for value in row])
    return out.getvalue()


def invitation_csv(rows: Iterable[tuple[str, str, str]]) -> str:
    """The bulk-invitation file: the header then one (full name, e-mail, job seeker id) per row."""
    return provider_csv(INVITATION_HEADER, rows)
