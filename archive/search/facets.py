"""Facet counts → ``[{value, label, count, selected, url}]`` for templates and the API.

Values are ids (entity slugs, ISO codes, source slugs, "2024"/"2024-07"); labels come from
the database in one query per facet. A selected value stays visible even at zero hits.
Each value carries the URL that toggles it; active filters become removable chips.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import get_language_info

from archive.models import Entity, Source
from archive.search.links import SearchLinks
from archive.search.request import SearchRequest, SearchResponse
from archive.search.vocabulary import (
    BY_FIELD,
    DATE_API_NAME,
    DATE_PARAMS,
    FACETS,
    LANGUAGE_FIELD,
    MONTH_FIELD,
)

PANEL_SIZE = 12
DAY_LEVEL = 2  # a day sits two levels under its year (year > month > day)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    level: int = 0  # the date facet: 0 year, 1 month, 2 day

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
    return labels_of({field_name: list(values)})[field_name]


def labels_of(values: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """Field → value → label for the ``values`` of several facet fields: one query for the
    actors of every field, one for outlets (a value two entities share gets the label of
    the last by name, as a dict built from the rows in name order keeps it)."""
    found = {name: {} for name in values}
    actors = []
    for name, wanted in values.items():
        kind = BY_FIELD[name].kind
        if name == LANGUAGE_FIELD:
            found[name] = {v: language_name(v) for v in wanted}
        elif not kind:
            sources = Source.objects.filter(slug__in=wanted).values_list("slug", "name")
            found[name] = dict(sources) if wanted else {}
        elif wanted:
            actors.append(Q(kind=kind, **{f"{value_column(kind)}__in": wanted}))
    if actors:
        field_of = {BY_FIELD[name].kind: name for name in values}
        for kind, code, slug, label in Entity.objects.filter(reduce(or_, actors)).values_list(
            "kind", "code", "slug", "name"
        ):
            found[field_of[kind]][code if value_column(kind) == "code" else slug] = label
    return found


def value_column(kind: str) -> str:
    """The entity column a facet value of ``kind`` is: ISO code for countries, else slug."""
    return "code" if kind == Entity.Kind.COUNTRY else "slug"


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ("ko" → "Korean"); the code itself if unknown."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def field_facet(
    field_name, counts: Counter, selected, links: SearchLinks, size=PANEL_SIZE, labels=None
):
    """The values a panel of ``size`` shows (all with None), labelled by ``labels`` (a
    value → label dict holding them; read from the database when not given)."""
    values = shown_values(counts, selected, size)
    labels = labels_for(field_name, values) if labels is None else labels
    param = BY_FIELD[field_name].param
    facet = [
        FacetValue(v, labels.get(v, v), counts.get(v, 0), v in selected, links.toggled(param, v))
        for v in values
    ]
    return sorted(facet, key=lambda f: (not f.selected, -f.count, f.label.lower()))


def shown_values(counts: Counter, selected, size=PANEL_SIZE) -> list[str]:
    """The selected values, then the ``size`` most counted (all with None)."""
    top = [v for v, n in counts.most_common(size) if n]
    return list(dict.fromkeys([*selected, *top]))


def date_facet(
    months: Counter, date_from, date_to, links: SearchLinks, days: Mapping[date, int] = None
) -> list[FacetValue]:
    """Years; a whole year selected: it and its months; a whole month: it and its days; one
    day: its year, month and day. Choosing a value sets from/to; a chosen one goes up a level."""
    selected = selected_period(date_from, date_to)
    if selected is None:
        years = Counter()
        for month, n in months.items():
            years[month[:4]] += n
        buckets = sorted(years.items(), reverse=True)
        return [date_value(y, n, False, links.dates(*year_range(int(y)))) for y, n in buckets]
    unit, start = selected
    year = str(start.year)
    year_count = sum(n for m, n in months.items() if m.startswith(year))
    facet = [date_value(year, year_count, True, links.dates(None, None))]
    if unit == "year":
        for month, n in sorted(months.items()):
            if month.startswith(year):
                first = date(int(month[:4]), int(month[5:7]), 1)
                facet.append(date_value(month, n, False, links.dates(*month_range(first)), 1))
        return facet
    month = start.strftime("%Y-%m")
    facet.append(
        date_value(month, months.get(month, 0), True, links.dates(*year_range(start.year)), 1)
    )
    if unit == "day":
        count = (days or {}).get(start, months.get(month, 0))
        facet.append(day_value(start, count, True, links.dates(*month_range(start))))
        return facet
    for day, n in sorted((days or {}).items()):
        if (day.year, day.month) == (start.year, start.month) and n:
            facet.append(day_value(day, n, False, links.dates(day, day)))
    return facet


def date_value(value: str, count: int, selected: bool, url: str, level: int = 0) -> FacetValue:
    label = value if len(value) == 4 else date(int(value[:4]), int(value[5:]), 1).strftime("%B %Y")
    return FacetValue(value, label, count, selected, url, level)


def day_value(day: date, count: int, selected: bool, url: str) -> FacetValue:
    label = f"{day.day} {calendar.month_name[day.month]}"
    return FacetValue(day.isoformat(), label, count, selected, url, DAY_LEVEL)


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def month_range(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def selected_period(date_from, date_to) -> tuple[str, date] | None:
    """("year"|"month"|"day", first day) when from–to is exactly one of those, else None."""
    if not (date_from and date_to):
        return None
    if date_from == date_to:
        return "day", date_from
    if (date_from, date_to) == month_range(date_from):
        return "month", date_from
    if (date_from, date_to) == year_range(date_from.year):
        return "year", date_from
    return None


def build_facets(
    response: SearchResponse,
    request: SearchRequest,
    links: SearchLinks,
    days: Mapping[date, int] | None = None,
) -> dict[str, list[FacetValue]]:
    """All facet panels of a search, keyed by their API name."""
    selected = {facet.field: request.filters.get(facet.field, []) for facet in FACETS}
    shown = {name: shown_values(response.facets[name], chosen) for name, chosen in selected.items()}
    labels = labels_of(shown)
    panels = {
        facet.api_name: field_facet(
            facet.field,
            response.facets[facet.field],
            selected[facet.field],
            links,
            labels=labels[facet.field],
        )
        for facet in FACETS
    }
    panels[DATE_API_NAME] = date_facet(
        response.facets[MONTH_FIELD], request.date_from, request.date_to, links, days
    )
    return panels


def chips(request: SearchRequest, links: SearchLinks) -> list[Chip]:
    """Active filters, each with the URL that removes it."""
    return [Chip(removal.label, removal.url) for removal in removals(request, links)]


TITLES = {
    "country": "Countries",
    "person": "People",
    "organization": "Organizations",
    "source": "Outlets",
    "language": "Language",
    DATE_API_NAME: "Published",
}
MODE_LABELS = {"all": "all of", "any": "any of"}


@dataclass
class Mode:
    label: str
    url: str
    selected: bool


@dataclass
class Panel:
    """One facet as the search page shows it: its top values, a link to all of them, and
    the "all of"/"any of" choice once a value is selected."""

    name: str
    title: str
    values: list[FacetValue]
    total: int = 0  # distinct values in the results
    more_url: str = ""
    modes: list[Mode] = field(default_factory=list)


def build_panels(
    facets: dict[str, list[FacetValue]],
    response: SearchResponse,
    request: SearchRequest,
    links: SearchLinks,
) -> list[Panel]:
    panels = []
    for facet in FACETS:
        total = sum(1 for n in response.facets[facet.field].values() if n)
        panel = Panel(facet.api_name, TITLES[facet.api_name], facets[facet.api_name], total)
        if total > PANEL_SIZE:
            panel.more_url = links.facet_page(facet.api_name)
        if request.filters.get(facet.field):
            panel.modes = mode_choices(facet, request, links)
        panels.append(panel)
    panels.append(Panel(DATE_API_NAME, TITLES[DATE_API_NAME], facets[DATE_API_NAME]))
    return panels


def mode_choices(facet, request: SearchRequest, links: SearchLinks) -> list[Mode]:
    current = request.mode(facet.field)
    return [
        Mode(label, links.with_value(f"{facet.param}_mode", mode), mode == current)
        for mode, label in MODE_LABELS.items()
    ]


@dataclass
class Removal:
    """One active filter, the URL without it and the request that URL runs."""

    label: str
    url: str
    request: SearchRequest
    count: int = 0


def removals(request: SearchRequest, links: SearchLinks) -> list[Removal]:
    """Each active filter (a facet value, ``from``, ``to``) taken away on its own."""
    result = []
    for field_name, values in request.filters.items():
        labels = labels_for(field_name, values)
        param = BY_FIELD[field_name].param
        for value in values:
            rest = {
                k: [v for v in vs if k != field_name or v != value]
                for k, vs in request.filters.items()
            }
            smaller = replace(request, filters={k: vs for k, vs in rest.items() if vs}, page=1)
            result.append(Removal(labels.get(value, value), links.toggled(param, value), smaller))
    for key, attr in zip(DATE_PARAMS, ("date_from", "date_to"), strict=True):
        day = getattr(request, attr)
        if day:
            smaller = replace(request, **{attr: None}, page=1)
            result.append(Removal(f"{key} {day.isoformat()}", links.without(key), smaller))
    return result
