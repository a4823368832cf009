"""Folded name keys that let the duplicate check find near-identical names through an index (issue 18).

The duplicate rule (``JobSeekerService.find_duplicates``) compares a new person's name with the people whose
first or last name starts with the same letters (up to three, accents and case ignored) and who share the birth
year or the ZIP code. Until issue 18 those people were found with the full-text index, then joined to the
job-seeker table to test the year or ZIP: at a million job seekers a common name ("mar…") matched tens of
thousands of rows, each read at random from the encrypted file (257 ms median per registration).

``job_seeker_name_key`` holds, for every job seeker, one row per distinct three-letter prefix of the words of
their name, folded exactly as the full-text index folds them (SQLite's ``unicode61`` tokenizer with
``remove_diacritics 2``: lower case, combining accents removed, ``ø``/``æ``/``ß`` kept), together with the whole
folded name (``validation.name_key``), the birth date and the ZIP code. Its covering indexes
``(prefix, birth_date, name_fold)`` and ``(prefix, zip_code, name_fold)`` give the candidates of one prefix in one
birth year, on one birth date or in one ZIP as a contiguous range, without touching the job-seeker rows.

The table is kept by triggers on ``job_seeker`` (insert, update of a name, birth date or ZIP, delete), so every
path that writes a job seeker keeps it right: registration, edits, the sync pull, the demo's bulk inserts and the
retention purge. The triggers call the two SQL functions defined here, which ``core.db`` registers on every
connection it opens (``register_sql_functions``).
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

# The number of leading letters compared (the FTS prefix index of the job-seeker search holds 1, 2 and 3).
PREFIX_LETTERS = 3
PREFIXES_FUNCTION = "counselor_name_prefixes"
NAME_KEY_FUNCTION = "counselor_name_key"


def _fold_char(ch: str) -> str:
    """One character as ``unicode61 remove_diacritics 2`` keeps it inside a word: lower case, no accents."""
    return "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if unicodedata.category(c) != "Mn")


def fts_words(text: str) -> list[str]:
    """The words of ``text`` as the full-text index stores them: runs of letters, digits and private-use
    characters (combining marks belong to their word and are dropped), folded. Source: SQLite FTS5
    documentation, "Unicode61 Tokenizer" (default categories ``L* N* Co``; ``remove_diacritics 2``)."""
    words: list[str] = []
    current: list[str] = []
    for ch in unicodedata.normalize("NFD", text or ""):
        category = unicodedata.category(ch)
        if category[0] in ("L", "N") or category == "Co":
            current.append(_fold_char(ch))
        elif category == "Mn":
            continue
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return [w for w in words if w]


def stored_prefixes(first: str | None, last: str | None) -> list[str]:
    """The distinct folded prefixes (up to three letters) of every word of a stored person's name."""
    return sorted({w[:PREFIX_LETTERS] for w in fts_words(f"{first or ''} {last or ''}")})


def fold_query_prefix(prefix: str) -> str | None:
    """A query prefix as the full-text index would fold it before matching (``"Élo"`` -> ``"elo"``)."""
    words = fts_words(prefix)
    return words[0] if words else None


def _prefixes_sql(first: Any, last: Any) -> str:
    return json.dumps(stored_prefixes(first if isinstance(first, str) else "", last if isinstance(last, str) else ""))


def _name_key_sql(first: Any, last: Any) -> str:
    # Imported here: core.db registers this function at start-up, before validation (phonenumbers) is needed.
    from counselor_app.core.validation import name_key

    return name_key(first if isinstance(first, str) else "", last if isinstance(last, str) else "")


def register_sql_functions(dbapi_connection: Any) -> None:
    """Define the functions the ``job_seeker_name_key`` triggers call, on one DB-API connection (sqlite3 or
    sqlcipher3). Both are deterministic: same names in, same text out."""
    try:
        dbapi_connection.create_function(PREFIXES_FUNCTION, 2, _prefixes_sql, deterministic=True)
        dbapi_connection.create_function(NAME_KEY_FUNCTION, 2, _name_key_sql, deterministic=True)
    except TypeError:  # a driver without the ``deterministic`` flag
        dbapi_connection.create_function(PREFIXES_FUNCTION, 2, _prefixes_sql)
        dbapi_connection.create_function(NAME_KEY_FUNCTION, 2, _name_key_sql)


# The rows of one job seeker (``new`` in a trigger), as SQL shared by the triggers and the migration's backfill.
ROWS_OF_NEW = (
    "INSERT INTO job_seeker_name_key(job_seeker_id, prefix, name_fold, birth_date, zip_code) "
    f"SELECT new.id, je.value, {NAME_KEY_FUNCTION}(new.first_name, new.last_name), new.birth_date, new.zip_code "
    f"FROM json_each({PREFIXES_FUNCTION}(new.first_name, new.last_name)) AS je "
    "WHERE new.birth_date IS NOT NULL OR new.zip_code IS NOT NULL; "
)
TRIGGERS = {
    "job_seeker_name_key_insert": f"AFTER INSERT ON job_seeker BEGIN {ROWS_OF_NEW} END",
    "job_seeker_name_key_update": (
        "AFTER UPDATE OF first_name, last_name, birth_date, zip_code ON job_seeker BEGIN "
        f"DELETE FROM job_seeker_name_key WHERE job_seeker_id = old.id; {ROWS_OF_NEW} END"),
    "job_seeker_name_key_delete": (
        "AFTER DELETE ON job_seeker BEGIN DELETE FROM job_seeker_name_key WHERE job_seeker_id = old.id; END"),
}
BACKFILL = (
    "INSERT INTO job_seeker_name_key(job_seeker_id, prefix, name_fold, birth_date, zip_code) "
    f"SELECT js.id, je.value, {NAME_KEY_FUNCTION}(js.first_name, js.last_name), js.birth_date, js.zip_code "
    f"FROM job_seeker AS js, json_each({PREFIXES_FUNCTION}(js.first_name, js.last_name)) AS je "
    "WHERE js.rowid > :low AND js.rowid <= :high AND (js.birth_date IS NOT NULL OR js.zip_code IS NOT NULL)"
)
