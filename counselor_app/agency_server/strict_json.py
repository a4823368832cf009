"""Reading request bodies as strict JSON, before any route sees them.

Python's ``json`` accepts what JSON does not (``NaN``, ``Infinity``), integers of any size and strings holding
lone UTF-16 surrogates, and recurses once per nesting level. Any of these stored by the server could break a
later read (a 900-level value once made the changes feed fail for a whole center), so a body with one of them is
refused with 400 and a sentence saying what was wrong; nothing is applied.
"""

from __future__ import annotations

import json
from typing import Any

from counselor_app.sync.payloads import INT64_MAX, INT64_MIN

MAX_REQUEST_DEPTH = 16  # a change batch is 3 levels around a payload whose fields allow 6 more


class StrictJsonError(ValueError):
    """The body is not strict JSON; the message is safe to show."""


def _no_constant(name: str) -> Any:
    raise StrictJsonError(f"The request holds {name}, which is not a JSON number; send a finite number or null.")


def _int(text: str) -> int:
    value = int(text) if len(text) <= 21 else None
    if value is None or not INT64_MIN <= value <= INT64_MAX:
        raise StrictJsonError("The request holds an integer larger than 64 bits.")
    return value


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise StrictJsonError("The request holds a number too large to store.")
    return value


def loads_strict(body: bytes | str, *, max_depth: int = MAX_REQUEST_DEPTH) -> Any:
    """Parse ``body`` as strict JSON. Raises ``StrictJsonError`` (a ``ValueError``) with a readable message."""
    try:
        value = json.loads(body, parse_constant=_no_constant, parse_int=_int, parse_float=_float)
    except StrictJsonError:
        raise
    except RecursionError:
        raise StrictJsonError(f"The request is nested deeper than {max_depth} levels.") from None
    except UnicodeDecodeError:
        raise StrictJsonError("The request is not UTF-8 text.") from None
    except ValueError as exc:
        raise StrictJsonError(f"The request is not valid JSON ({str(exc)[:80]}).") from None
    check_value(value, max_depth=max_depth)
    return value


def check_value(value: Any, *, max_depth: int = MAX_REQUEST_DEPTH) -> None:
    """Depth and text checks over an already parsed value, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            if depth + 1 > max_depth:
                raise StrictJsonError(f"The request is nested deeper than {max_depth} levels.")
            for key, sub in item.items():
                _check_text(key)
                stack.append((sub, depth + 1))
        elif isinstance(item, list):
            if depth + 1 > max_depth:
                raise StrictJsonError(f"The request is nested deeper than {max_depth} levels.")
            stack.extend((sub, depth + 1) for sub in item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise StrictJsonError("The request holds text with a lone surrogate (\\ud800-\\udfff), which is not "
                              "valid Unicode text.") from None
    if "\x00" in text:
        raise StrictJsonError("The request holds a NUL character, which no record may contain.")
