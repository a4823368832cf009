"""Sentences for people as codes with arguments: the core says *what*, the UI chooses the words.

A :class:`Message` is a ``str`` (its English text), so every caller that logs it, compares it or shows it keeps
working, and it also carries ``code`` and ``args`` so the UI can look the code up in its own catalog
(``counselor_app/ui/core_messages.py``) and show it in the counselor's language. Arguments may be messages
themselves (a field's name inside "Enter the {field}."); the UI words those too.

Raise ``ValueError(Message(...))`` and read it back with :func:`message_of`: ``str(exc)`` would turn it into a
plain string and lose the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Message(str):
    """``Message("email.missing", "Enter an e-mail address.")``; ``Message("name.missing", "Enter the {field}.",
    field=...)``. ``str(m)`` is the English sentence; ``m.code``, ``m.template`` and ``m.args`` are for the UI."""

    code: str
    template: str
    args: Mapping[str, Any]

    def __new__(cls, code: str, template: str, /, **args: Any) -> Message:
        obj = super().__new__(cls, template.format(**args) if args else template)
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


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with: the :class:`Message` itself when there is one."""
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
