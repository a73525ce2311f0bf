"""Dates written the Korean way: "2015년 1월 1일", "2015. 1. 1.", "주체104(2015)년 1월 1일".

North Korean texts count years from 1912, the year of Kim Il Sung's birth (주체1년): 주체104년
is 2015. They often give the Gregorian year in brackets as well, which is then trusted. A time
may follow ("오후 3시 20분", "15:20"); without a zone it is taken as UTC, like every other
date the readers find.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

JUCHE_OFFSET = 1911  # 주체1년 = 1912
_YEAR = r"(?:주체\s*(?P<juche>\d{1,3})\s*(?:\(\s*(?P<bracketed>\d{4})\s*\))?|(?P<year>\d{4}))"
_WRITTEN = re.compile(rf"{_YEAR}\s*년\s*(?P<month>\d{{1,2}})\s*월\s*(?P<day>\d{{1,2}})\s*일")
# "2015. 1. 1." with spaces after the dots, the way Korean pages print dates
_DOTTED = re.compile(r"\b(?P<year>\d{4})\.\s+(?P<month>\d{1,2})\.\s+(?P<day>\d{1,2})\.?(?!\d)")
_CLOCK = re.compile(
    r"(?P<half>오전|오후)?\s*(?P<hour>\d{1,2})\s*시(?:\s*(?P<minute>\d{1,2})\s*분)?"
)
_COLON_CLOCK = re.compile(r"\b(?P<hour>\d{1,2}):(?P<minute>\d{2})\b")


def find(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of the first Korean-style date in ``text``, or None."""
    match = _WRITTEN.search(text) or _DOTTED.search(text)
    if not match:
        return None
    year = gregorian_year(match)
    month, day = int(match.group("month")), int(match.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def gregorian_year(match: re.Match) -> int:
    groups = match.groupdict()
    if groups.get("bracketed"):
        return int(groups["bracketed"])
    if groups.get("juche"):
        return int(groups["juche"]) + JUCHE_OFFSET
    return int(groups["year"])


def parse(text: str | None) -> datetime | None:
    """Aware UTC datetime of a Korean-style date (and the time after it), or None."""
    if not text:
        return None
    match = _WRITTEN.search(text) or _DOTTED.search(text)
    ymd = find(text)
    if not match or not ymd:
        return None
    hour, minute = clock(text[match.end() :])
    try:
        return datetime(*ymd, hour, minute, tzinfo=UTC)
    except ValueError:
        return None


def clock(text: str) -> tuple[int, int]:
    """(hour, minute) of a time right after the date ("오후 3시 20분", "15:20"); (0, 0) if none."""
    head = text[:20]
    match = _CLOCK.match(head.strip()) or _COLON_CLOCK.search(head)
    if not match:
        return 0, 0
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if match.groupdict().get("half") == "오후" and hour < 12:
        hour += 12
    if match.groupdict().get("half") == "오전" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else (0, 0)
