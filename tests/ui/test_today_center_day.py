"""The Today page's day is the center's (computer on UTC, 8:50 PM in Boston = 01:50 UTC the next day)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from counselor_app.core import center_clock
from tests.core.test_center_day import utc_process  # noqa: F401 - fixture

EVENING = datetime(2026, 11, 30, 1, 50)


def test_today_header_is_the_centers_day(main_window: Any, desk: Any, monkeypatch: pytest.MonkeyPatch,
                                         utc_process: None) -> None:  # noqa: F811
    desk.licenses._today = None
    monkeypatch.setattr(center_clock, "utcnow", lambda: EVENING)
    main_window.go_to("today")
    today = main_window.page("today")
    today.refresh()
    assert "November 29, 2026" in today.title.text()
