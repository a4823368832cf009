"""Validators for what counselors type. Each returns the clean value or raises ``ValueError`` with a sentence a
counselor understands; services collect those into one ``ValidationError`` per form.

A wrong e-mail address means the license invitation never arrives, so e-mail gets the most care: a syntax check
and a "did you mean" suggestion for common misspellings of big providers' domains.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from rapidfuzz.distance import OSA

from counselor_app.core.messages import Message
from counselor_app.core.spreadsheet_text import FORMULA_TRIGGERS

COMMON_DOMAINS = (
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "live.com", "msn.com",
    "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "me.com", "protonmail.com", "ymail.com",
    "charter.net", "cox.net", "earthlink.net", "optonline.net", "mail.com",
)
# Misspellings seen often enough to name outright; the edit-distance check catches the rest.
KNOWN_TYPOS = {
    "gmial.com": "gmail.com", "gmal.com": "gmail.com", "gmai.com": "gmail.com", "gamil.com": "gmail.com",
    "gnail.com": "gmail.com", "gmail.co": "gmail.com", "gmail.cm": "gmail.com", "gmail.con": "gmail.com",
    "gmaill.com": "gmail.com", "gmail.om": "gmail.com",
    "yaho.com": "yahoo.com", "yahooo.com": "yahoo.com", "yahoo.co": "yahoo.com", "yhaoo.com": "yahoo.com",
    "yahoo.con": "yahoo.com",
    "hotmial.com": "hotmail.com", "hotmal.com": "hotmail.com", "hotmai.com": "hotmail.com",
    "hotmail.co": "hotmail.com", "hotmail.con": "hotmail.com", "homail.com": "hotmail.com",
    "outlok.com": "outlook.com", "outloo.com": "outlook.com", "outlook.co": "outlook.com",
    "outlook.con": "outlook.com", "oulook.com": "outlook.com",
    "iclod.com": "icloud.com", "icloud.co": "icloud.com", "aol.co": "aol.com", "aoll.com": "aol.com",
}
_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
_SOC = re.compile(r"^\d{2}-\d{4}$")
LANGUAGES = ("en", "es", "zh", "ht", "pt", "vi", "ru", "ar", "fr", "ko", "tl", "pl", "other")
EDUCATION_LEVELS = ("none", "high_school", "some_college", "associate", "bachelor", "graduate")
BARRIERS = ("no_computer", "no_internet", "small_business_owner", "self_employed", "caregiver", "veteran",
            "transportation", "childcare", "limited_english", "disability")
EMPLOYMENT_STATUSES = ("unemployed", "furloughed", "employed", "underemployed", "self_employed", "not_in_labor_force")
UNEMPLOYMENT_CAUSES = ("covid_layoff", "covid_furlough", "covid_no_work", "business_closed", "plant_closure",
                       "laid_off_other", "quit", "fired", "never_employed", "other")


def _edit_distance(a: str, b: str, *, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment: swapped and missing letters), from rapidfuzz. Any
    distance past ``limit`` comes back as ``limit + 1``."""
    return int(OSA.distance(a, b, score_cutoff=limit))


def normalize_digits(value: str) -> str:
    """NFKC: full-width digits and letters (as Japanese, Chinese and Korean input methods type them) become
    ASCII, so ``６１７`` is validated, searched and compared as ``617``. Applied to every field of digits."""
    return unicodedata.normalize("NFKC", value or "")


# A leading character that makes a spreadsheet run the cell as a formula (OWASP CSV injection). No provider
# invites such an address, and writing it with a guard would alter it; so it is refused when typed.
_SPREADSHEET_UNSAFE_START = FORMULA_TRIGGERS


def normalize_email(value: str) -> str:
    """Return the address as the provider accepts it, or raise ``ValueError`` with the reason.

    Syntax by email-validator (RFC 5322/6531, no DNS lookup). The domain is lower-cased and, when
    internationalized (``bücher.example``, ``example.рф``), stored in its ASCII form (``xn--bcher-kva.example``),
    which every mail system and the provider's bulk invitation accept; ``display_email`` shows it as typed.
    Refused with a reason: a non-ASCII part before the @ (no provider delivers to it) and an address that
    starts with ``= + - @`` (a spreadsheet would run it as a formula)."""
    text = unicodedata.normalize("NFKC", (value or "")).strip()
    if not text:
        raise ValueError(Message("email.missing", "Enter an e-mail address."))
    if any(ch.isspace() for ch in text):
        raise ValueError(Message("email.spaces", "An e-mail address cannot contain spaces."))
    if text.count("@") != 1:
        raise ValueError(Message("email.one_at", "An e-mail address needs exactly one @, as in name@example.com."))
    local, domain = text.split("@")
    if not local:
        raise ValueError(Message("email.no_local", "The part before the @ is missing."))
    if local.startswith(_SPREADSHEET_UNSAFE_START):
        raise ValueError(Message("email.formula_start",
                                 "An e-mail address cannot start with “{char}”: the provider does not accept it and spreadsheets read it as a formula. Check the address with the job seeker.",
                                 char=local[0]))
    if not local.isascii():
        raise ValueError(Message("email.local_not_ascii",
                                 "The part before the @ has letters the provider cannot send to (accents or other alphabets); ask the job seeker for an address without them."))
    try:
        checked = validate_email(text, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        reason = str(exc)
        if "too long" in reason:
            raise ValueError(Message("email.too_long", "This e-mail address is too long.")) from None
        if "after the @" in reason or "domain" in reason.casefold():
            raise ValueError(Message("email.bad_domain", "The part after the @ is not a valid domain, as in gmail.com.")) from None
        raise ValueError(Message("email.bad_local", "The part before the @ has characters an e-mail address cannot have.")) from None
    domain = (checked.ascii_domain or checked.domain).lower().rstrip(".")
    tld = domain.rpartition(".")[2]
    if "." not in domain or not (tld.isalpha() or tld.startswith("xn--")):
        raise ValueError(Message("email.bad_domain", "The part after the @ is not a valid domain, as in gmail.com."))
    return f"{checked.local_part}@{domain}"


def display_email(stored: str | None) -> str:
    """An address as the person typed it: an ``xn--`` domain shown in its own letters."""
    if not stored or "xn--" not in stored:
        return stored or ""
    local, _, domain = stored.rpartition("@")
    try:
        return f"{local}@{domain.encode('ascii').decode('idna')}"
    except UnicodeError:
        return stored


def suggest_email(value: str) -> str | None:
    """A likely intended address when the domain looks like a misspelled common provider, else ``None``."""
    try:
        email = normalize_email(value)
    except ValueError:
        # "maria@gmailcom" is the most common way a valid-looking address is broken.
        text = (value or "").strip()
        if text.count("@") == 1:
            local, domain = text.split("@")
            domain = domain.lower()
            for known in COMMON_DOMAINS:
                if domain == known.replace(".", ""):
                    return f"{local}@{known}"
        return None
    local, domain = email.rsplit("@", 1)
    if domain in COMMON_DOMAINS:
        return None
    if domain in KNOWN_TYPOS:
        return f"{local}@{KNOWN_TYPOS[domain]}"
    best = None
    best_distance = 3
    for known in COMMON_DOMAINS:
        distance = _edit_distance(domain, known)
        if distance < best_distance:
            best, best_distance = known, distance
    if best is not None and best_distance <= (1 if len(domain) <= 7 else 2):
        return f"{local}@{best}"
    return None


def normalize_us_phone(value: str) -> str:
    """Ten digits, without the +1 country code; accepts any common way of writing a US number, full-width
    digits and letters on the keypad included (parsed by phonenumbers)."""
    text = normalize_digits(value).strip()
    if not text:
        raise ValueError(Message("phone.digits", "Enter a 10-digit US phone number, for example (617) 555-0123."))
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        raise ValueError(Message("phone.digits", "Enter a 10-digit US phone number, for example (617) 555-0123.")) from None
    if number.extension:
        raise ValueError(Message("phone.extension", "Leave the extension out of the phone number (put it in the notes)."))
    digits = str(number.national_number)
    if number.country_code != 1 or len(digits) != 10 or number.italian_leading_zero:
        raise ValueError(Message("phone.digits", "Enter a 10-digit US phone number, for example (617) 555-0123."))
    if digits[0] in "01" or digits[3] in "01":
        raise ValueError(Message("phone.bad_start", "This is not a valid US phone number: the area code and the "
                                 "exchange cannot start with 0 or 1."))
    return digits


def format_us_phone(digits: str | None) -> str:
    if not digits or len(digits) != 10:
        return digits or ""
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def normalize_name(value: str, *, field_label: str) -> str:
    """Names in any script: letters from any alphabet, marks, spaces, hyphens, apostrophes and periods."""
    text = unicodedata.normalize("NFC", " ".join((value or "").split()))
    if not text:
        raise ValueError(Message("field.missing", "Enter the {field}.", field=field_label))
    if len(text) > 120:
        raise ValueError(Message(
            "name.too_long", "The {field} is too long (120 characters at most).", field=field_label))
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in ("L", "M") or ch in " -'.’" or cat == "Zs":
            continue
        raise ValueError(Message(
            "name.bad_character", "The {field} has a character a name cannot have: "
            "{character}.", field=field_label, character=repr(ch)))
    if not any(unicodedata.category(ch)[0] == "L" for ch in text):
        raise ValueError(Message("name.no_letter", "The {field} needs at least one letter.", field=field_label))
    return text


def normalize_zip(value: str) -> str:
    text = normalize_digits(value).strip()
    if not _ZIP.match(text):
        raise ValueError(Message(
            "zip.invalid", "Enter a 5-digit ZIP code, for example 02108 (ZIP+4 such as 02108-1234 also works)."))
    return text


def normalize_soc(value: str) -> str:
    text = normalize_digits(value).strip()
    if not _SOC.match(text):
        raise ValueError(Message(
            "soc.invalid", "Pick the occupation from the list, or type its code (a SOC code such as 41-2031)."))
    return text


def parse_date(value: str | date | None, *, field_label: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = normalize_digits(value).strip()
    for parse in (date.fromisoformat, _us_date):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(Message(
        "date.invalid", "The {field} is not a date. Use MM/DD/YYYY, for example 03/15/1980.", field=field_label))


def _us_date(text: str) -> date:
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", text)
    if not m:
        raise ValueError(text)
    return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))


def normalize_birth_date(value: str | date | None, *, today: date) -> date | None:
    born = parse_date(value, field_label=Message("field.birth_date", "date of birth"))
    if born is None:
        return None
    if born > today:
        raise ValueError(Message("birth_date.future", "The date of birth is in the future."))
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 14:
        raise ValueError(Message("birth_date.too_young", "The date of birth makes this person younger than 14."))
    if age > 110:
        raise ValueError(Message(
            "birth_date.too_old", "The date of birth makes this person older than 110; please check the year."))
    return born


def name_key(first: str, last: str) -> str:
    """Folded name used to spot near-identical names (accents, case and spacing ignored)."""
    text = unicodedata.normalize("NFKD", f"{first} {last}".casefold())
    return "".join(ch for ch in text if ch.isalnum())


def names_near(a: str, b: str) -> bool:
    if a == b:
        return True
    return _edit_distance(a, b, limit=2) <= (1 if min(len(a), len(b)) < 8 else 2)
