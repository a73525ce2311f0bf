"""Facet counts → ``[{value, label, count, selected, url}]`` for templates and the API.

Values are ids (entity slugs, ISO codes, source slugs, "2024"/"2024-07"); labels come from
the database in one query per facet. A selected value stays visible even at zero hits.
All page state is in the URL: each value carries the URL that toggles it.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.http import QueryDict

from archive.forms import FACET_PARAMS
from archive.models import Entity, Source

PANEL_SIZE = 12
ENTITY_KINDS = {
    "countries": Entity.Kind.COUNTRY,
    "persons": Entity.Kind.PERSON,
    "organizations": Entity.Kind.ORGANIZATION,
}
API_NAMES = {
    "countries": "country",
    "persons": "person",
    "organizations": "organization",
    "source": "source",
}
PARAM_FOR_FIELD = {field: param for param, field in FACET_PARAMS.items()}


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


def labels_for(field_name: str, values) -> dict[str, str]:
    values = list(values)
    if field_name == "source":
        return dict(Source.objects.filter(slug__in=values).values_list("slug", "name"))
    kind = ENTITY_KINDS[field_name]
    column = "code" if kind == Entity.Kind.COUNTRY else "slug"
    rows = Entity.objects.filter(kind=kind, **{f"{column}__in": values})
    return dict(rows.values_list(column, "name"))


def toggled(params: QueryDict, param: str, value: str) -> str:
    """The query string with ``value`` added to or removed from ``param`` (page reset)."""
    query = params.copy()
    query.pop("page", None)
    current = query.getlist(param)
    query.setlist(
        param, [v for v in current if v != value] if value in current else current + [value]
    )
    return "?" + query.urlencode()


def field_facet(field_name, counts: Counter, selected, params, size=PANEL_SIZE):
    top = [v for v, _ in counts.most_common(size)]
    values = list(dict.fromkeys([*selected, *top]))
    labels = labels_for(field_name, values)
    param = PARAM_FOR_FIELD[field_name]
    facet = [
        FacetValue(v, labels.get(v, v), counts.get(v, 0), v in selected, toggled(params, param, v))
        for v in values
    ]
    return sorted(facet, key=lambda f: (not f.selected, -f.count, f.label.lower()))


def date_facet(months: Counter, date_from, date_to, params) -> list[FacetValue]:
    """Years; once the range is one year, that year's months. Selecting sets from/to."""
    year = selected_year(date_from, date_to)
    if year is None:
        years = Counter()
        for month, n in months.items():
            years[month[:4]] += n
        buckets = sorted(years.items(), reverse=True)
        return [date_value(y, n, False, params, *year_range(int(y))) for y, n in buckets]
    facet = [
        date_value(
            str(year),
            sum(n for m, n in months.items() if m.startswith(str(year))),
            True,
            params,
            None,
            None,
        )
    ]
    for month, n in sorted(months.items()):
        if month.startswith(str(year)):
            y, m = int(month[:4]), int(month[5:7])
            start, end = date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
            chosen = (date_from, date_to) == (start, end)
            facet.append(
                date_value(month, n, chosen, params, *(year_range(y) if chosen else (start, end)))
            )
    return facet


def date_value(value, count, selected, params, start, end) -> FacetValue:
    query = params.copy()
    query.pop("page", None)
    for key, day in (("from", start), ("to", end)):
        query.pop(key, None)
        if day:
            query[key] = day.isoformat()
    label = value if len(value) == 4 else date(int(value[:4]), int(value[5:]), 1).strftime("%B %Y")
    return FacetValue(value, label, count, selected, "?" + query.urlencode())


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def selected_year(date_from, date_to) -> int | None:
    if date_from and date_to and date_from.year == date_to.year:
        if (date_from.month, date_from.day) == (1, 1) and (date_to.month, date_to.day) == (12, 31):
            return date_from.year
        if date_from.day == 1 and date_from.month == date_to.month:
            return date_from.year
    return None


def build_facets(response, request, params) -> dict[str, list[FacetValue]]:
    """All facet panels of a search, keyed by their API name."""
    panels = {
        API_NAMES[name]: field_facet(
            name, response.facets[name], request.filters.get(name, []), params
        )
        for name in ("countries", "persons", "organizations", "source")
    }
    panels["date"] = date_facet(
        response.facets["month"], request.date_from, request.date_to, params
    )
    return panels
