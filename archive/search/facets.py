"""Facet counts → ``[{value, label, count, selected, url}]`` for templates and the API.

Values are ids (entity slugs, ISO codes, source slugs, "2024"/"2024-07"); labels come from
the database in one query per facet. A selected value stays visible even at zero hits.
Each value carries the URL that toggles it; active filters become removable chips.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date

from archive.models import Entity, Source
from archive.search.links import SearchLinks
from archive.search.request import SearchRequest, SearchResponse
from archive.search.vocabulary import BY_FIELD, DATE_API_NAME, DATE_PARAMS, FACETS, MONTH_FIELD

PANEL_SIZE = 12


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str

    def as_json(self) -> dict:
        return {
            "value": self.value,
            "label": self.label,
            "count": self.count,
            "selected": self.selected,
        }


@dataclass
class Chip:
    label: str
    remove_url: str


def labels_for(field_name: str, values) -> dict[str, str]:
    values = list(values)
    kind = BY_FIELD[field_name].kind
    if not kind:
        return dict(Source.objects.filter(slug__in=values).values_list("slug", "name"))
    column = "code" if kind == Entity.Kind.COUNTRY else "slug"
    rows = Entity.objects.filter(kind=kind, **{f"{column}__in": values})
    return dict(rows.values_list(column, "name"))


def field_facet(field_name, counts: Counter, selected, links: SearchLinks, size=PANEL_SIZE):
    top = [v for v, _ in counts.most_common(size)]
    values = list(dict.fromkeys([*selected, *top]))
    labels = labels_for(field_name, values)
    param = BY_FIELD[field_name].param
    facet = [
        FacetValue(v, labels.get(v, v), counts.get(v, 0), v in selected, links.toggled(param, v))
        for v in values
    ]
    return sorted(facet, key=lambda f: (not f.selected, -f.count, f.label.lower()))


def date_facet(months: Counter, date_from, date_to, links: SearchLinks) -> list[FacetValue]:
    """Years; once the range is one year, that year's months. Selecting sets from/to."""
    year = selected_year(date_from, date_to)
    if year is None:
        years = Counter()
        for month, n in months.items():
            years[month[:4]] += n
        buckets = sorted(years.items(), reverse=True)
        return [date_value(y, n, False, links.dates(*year_range(int(y)))) for y, n in buckets]
    facet = [
        date_value(
            str(year),
            sum(n for m, n in months.items() if m.startswith(str(year))),
            True,
            links.dates(None, None),
        )
    ]
    for month, n in sorted(months.items()):
        if month.startswith(str(year)):
            y, m = int(month[:4]), int(month[5:7])
            start, end = date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
            chosen = (date_from, date_to) == (start, end)
            url = links.dates(*(year_range(y) if chosen else (start, end)))
            facet.append(date_value(month, n, chosen, url))
    return facet


def date_value(value: str, count: int, selected: bool, url: str) -> FacetValue:
    label = value if len(value) == 4 else date(int(value[:4]), int(value[5:]), 1).strftime("%B %Y")
    return FacetValue(value, label, count, selected, url)


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def selected_year(date_from, date_to) -> int | None:
    if date_from and date_to and date_from.year == date_to.year:
        if (date_from.month, date_from.day) == (1, 1) and (date_to.month, date_to.day) == (12, 31):
            return date_from.year
        if date_from.day == 1 and date_from.month == date_to.month:
            return date_from.year
    return None


def build_facets(
    response: SearchResponse, request: SearchRequest, links: SearchLinks
) -> dict[str, list[FacetValue]]:
    """All facet panels of a search, keyed by their API name."""
    panels = {
        facet.api_name: field_facet(
            facet.field, response.facets[facet.field], request.filters.get(facet.field, []), links
        )
        for facet in FACETS
    }
    panels[DATE_API_NAME] = date_facet(
        response.facets[MONTH_FIELD], request.date_from, request.date_to, links
    )
    return panels


def chips(request: SearchRequest, links: SearchLinks) -> list[Chip]:
    """Active filters, each with the URL that removes it."""
    result = []
    for field_name, values in request.filters.items():
        labels = labels_for(field_name, values)
        param = BY_FIELD[field_name].param
        for value in values:
            result.append(Chip(labels.get(value, value), links.toggled(param, value)))
    for key, day in zip(DATE_PARAMS, (request.date_from, request.date_to), strict=True):
        if day:
            result.append(Chip(f"{key} {day.isoformat()}", links.without(key)))
    return result
