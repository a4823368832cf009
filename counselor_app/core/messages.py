"""Sentences for people as codes with arguments: the core says *what*, the UI chooses the words.

A :class:`Message` is a ``str`` (its English text), so every caller that logs it, compares it or shows it keeps
working, and it also carries ``code`` and ``args`` so the UI can look the code up in its own catalog
(``counselor_app/ui/core_messages.py``) and show it in the counselor's language. Arguments may be messages
themselves (a field's name inside "Enter the {field}."); the UI words those too.

Raise ``ValueError(Message(...))`` and read it back with :func:`message_of`: ``str(exc)`` would turn it into a
plain string and lose the code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any


class Message(str):
    """``Message("email.missing", "Enter an e-mail address.")``; ``Message("name.missing", "Enter the {field}.",
    field=...)``. ``str(m)`` is the English sentence; ``m.code``, ``m.template`` and ``m.args`` are for the UI."""

    code: str
    template: str
    args: Mapping[str, Any]

    def __new__(cls, code: str, template: str, /, **args: Any) -> Message:
        english = {key: _english(value) for key, value in args.items()}
        obj = super().__new__(cls, template.format(**english) if args else template)
        obj.code = code
        obj.template = template
        obj.args = dict(args)
        return obj

    def __reduce__(self) -> tuple[Any, ...]:  # pickling (crash reports, worker hand-offs) keeps the code
        return (_rebuild, (self.code, self.template, dict(self.args)))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {str(self)!r})"


def _rebuild(code: str, template: str, args: dict[str, Any]) -> Message:
    return Message(code, template, **args)


def _english(value: Any) -> Any:
    """An argument as the English sentence shows it: a day as "October 5, 2020", a list joined with commas."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return f"{value:%B} {value.day}, {value.year}"
    if isinstance(value, (list, tuple)) and not isinstance(value, Message):
        return ", ".join(str(_english(v)) for v in value)
    return value


def to_json(message: Any) -> Any:
    """A JSON-safe form that keeps the code (for autosave): ``{"code", "template", "args"}``; a day argument is
    ``{"date": "2026-06-30"}``, a message argument nests. A plain string stays a string."""
    if not isinstance(message, Message):
        return message
    return {"code": message.code, "template": message.template,
            "args": {key: _arg_to_json(value) for key, value in message.args.items()}}


def _arg_to_json(value: Any) -> Any:
    if isinstance(value, Message):
        return to_json(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return {"date": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_arg_to_json(v) for v in value]
    return value


def from_json(data: Any) -> Any:
    """The inverse of :func:`to_json`; anything else (an English string from an older draft) as it is."""
    if isinstance(data, Mapping) and isinstance(data.get("code"), str) and isinstance(data.get("template"), str):
        raw = data.get("args")
        args: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        try:
            return Message(data["code"], data["template"], **{k: _arg_from_json(v) for k, v in args.items()})
        except (KeyError, IndexError, ValueError):
            return data["template"]
    return data


def _arg_from_json(value: Any) -> Any:
    if isinstance(value, Mapping) and set(value) == {"date"}:
        try:
            return date.fromisoformat(str(value["date"]))
        except ValueError:
            return str(value["date"])
    if isinstance(value, Mapping):
        return from_json(value)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_arg_from_json(v) for v in value]
    return value


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with: the :class:`Message` itself when there is one."""
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
