"""The time chart: article counts → bars on a continuous time axis, one builder for every page.

Pure functions, no Django: counts keyed by day or month in, a ``Chart`` out whose bars carry
their SVG geometry, their label ("March 2024") and the URL that narrows a search to their
period. Empty periods between the first and the last count are zero bars, never skipped. The
period follows the span: days for up to ~3 months of day counts, months for up to 8 years,
years beyond.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

WIDTH = 640  # viewBox units; the SVG scales to its box
BAR_AREA = 120  # height of the tallest bar
MAX_DAYS = 92
MAX_MONTHS = 96
MONTHS_PER_YEAR = 12
BAR_GAP_SHARE = 0.15  # of a slot left empty between bars …
BAR_GAP_MIN_SLOT = 3  # … when a slot is wider than this (narrower bars touch)
SVG_DECIMALS = 2  # bar positions and sizes are rounded to this many decimals


@dataclass(frozen=True)
class Bar:
    start: date
    end: date
    count: int
    label: str
    url: str
    x: float = 0.0
    width: float = 0.0
    height: float = 0.0

    @property
    def y(self) -> float:
        return BAR_AREA - self.height

    @property
    def title(self) -> str:
        return f"{self.label}: {self.count:,} article{'' if self.count == 1 else 's'}"


@dataclass
class Chart:
    unit: str  # "day", "month" or "year"
    bars: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    bar_area: int = BAR_AREA

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)

    @property
    def description(self) -> str:
        first, last = self.bars[0], self.bars[-1]
        return f"Articles per {self.unit}, {first.label} to {last.label}: {self.total:,} in all"

    @property
    def axis_labels(self) -> list[str]:
        """The first and the last bar's labels, under the chart's two ends."""
        first, last = self.bars[0].label, self.bars[-1].label
        return [first] if first == last else [first, last]


def month_key(day: date) -> date:
    return day.replace(day=1)


def choose_unit(days: Mapping[date, int] | None, months: Mapping[date, int]) -> str:
    """Days when day counts are known and span at most MAX_DAYS; months up to MAX_MONTHS."""
    if days:
        if (max(days) - min(days)).days < MAX_DAYS:
            return "day"
    first, last = min(months), max(months)
    span = (last.year - first.year) * MONTHS_PER_YEAR + last.month - first.month + 1
    return "month" if span <= MAX_MONTHS else "year"


def periods(unit: str, first: date, last: date) -> list[tuple[date, date]]:
    """Every period of ``unit`` from the one holding ``first`` to the one holding ``last``."""
    result = []
    start = period_start(unit, first)
    while start <= last:
        end = period_end(unit, start)
        result.append((start, end))
        start = end + timedelta(days=1)
    return result


def period_start(unit: str, day: date) -> date:
    if unit == "year":
        return date(day.year, 1, 1)
    return month_key(day) if unit == "month" else day


def period_end(unit: str, start: date) -> date:
    if unit == "year":
        return date(start.year, 12, 31)
    if unit == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start


def period_label(unit: str, start: date) -> str:
    if unit == "year":
        return str(start.year)
    if unit == "month":
        return f"{calendar.month_name[start.month]} {start.year}"
    return f"{start.day} {calendar.month_name[start.month]} {start.year}"


def build_chart(
    counts: Mapping[date, int],
    url_for: Callable[[date, date], str],
    by_day: bool = False,
) -> Chart | None:
    """Bars for ``counts`` (keyed by day when ``by_day``, else by the first of the month).

    ``url_for(start, end)`` gives each bar's link. None when nothing is dated.
    """
    counts = {k: n for k, n in counts.items() if n}
    if not counts:
        return None
    days = counts if by_day else None
    months = Counter()
    for key, n in counts.items():
        months[month_key(key)] += n
    unit = choose_unit(days, months)
    totals = Counter()
    for key, n in counts.items():
        totals[period_start(unit, key)] += n
    spans = periods(unit, min(counts), max(counts))
    return layout(unit, [(s, e, totals.get(s, 0)) for s, e in spans], url_for)


def layout(unit: str, spans, url_for) -> Chart:
    """Equal slots across the width; heights proportional to the largest count."""
    slot = WIDTH / len(spans)
    gap = slot * BAR_GAP_SHARE if slot > BAR_GAP_MIN_SLOT else 0
    top = max(n for _, _, n in spans) or 1
    bars = [
        Bar(
            start=start,
            end=end,
            count=n,
            label=period_label(unit, start),
            url=url_for(start, end),
            x=round(i * slot + gap / 2, SVG_DECIMALS),
            width=round(slot - gap, SVG_DECIMALS),
            height=round(BAR_AREA * n / top, SVG_DECIMALS) if n else 0.0,
        )
        for i, (start, end, n) in enumerate(spans)
    ]
    return Chart(unit=unit, bars=bars)


def months_from_facet(month_counts: Mapping[str, int]) -> dict[date, int]:
    """The month facet's ``{"2024-03": 41}`` as ``{date(2024, 3, 1): 41}``."""
    return {date(int(m[:4]), int(m[5:7]), 1): n for m, n in month_counts.items() if n}
