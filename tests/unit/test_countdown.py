"""Countdown wording shared by the Deadlines pane and the exports."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.views.countdown import countdown, is_passed

UTC = dt.UTC
NOW = dt.datetime(2026, 5, 20, 9, 48, tzinfo=UTC)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.datetime(2026, 5, 23, 14, 0, tzinfo=UTC), "in 3d 4h 12m"),
        (dt.datetime(2026, 5, 20, 14, 0, tzinfo=UTC), "in 4h 12m"),
        (dt.datetime(2026, 5, 20, 10, 0, tzinfo=UTC), "in 12m"),
        (dt.datetime(2026, 5, 22, 9, 48, tzinfo=UTC), "in 2d"),
        (dt.datetime(2026, 5, 20, 9, 48, 30, tzinfo=UTC), "now"),
        (dt.datetime(2026, 5, 18, 7, 48, tzinfo=UTC), "passed 2d 2h ago"),
        (dt.datetime(2026, 5, 20, 11, 48, tzinfo=dt.timezone(dt.timedelta(hours=2))), "now"),
        (dt.datetime(2026, 5, 20, 14, 0), "in 4h 12m"),
        (dt.date(2026, 5, 20), "today"),
        (dt.date(2026, 5, 22), "in 1d 14h 12m"),
        (dt.date(2026, 5, 17), "passed 3d ago"),
    ],
)
def test_countdown(when: dt.date | dt.datetime, expected: str) -> None:
    assert countdown(NOW, when) == expected


def test_date_counts_to_start_of_day_in_nows_zone() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    assert countdown(dt.datetime(2026, 5, 20, 22, 0, tzinfo=tokyo), dt.date(2026, 5, 21)) == "in 2h"


def test_is_passed() -> None:
    assert not is_passed(NOW, dt.date(2026, 5, 20))
    assert is_passed(NOW, dt.date(2026, 5, 19))
    assert is_passed(NOW, dt.datetime(2026, 5, 20, 9, 0, tzinfo=UTC))
