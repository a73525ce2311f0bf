"""Every search URL, built in one place from the query string of the page being shown.

All page state is in the URL. Each link keeps the other parameters as they are; a link that
changes what is searched goes back to page 1.
"""

from __future__ import annotations

import functools
from datetime import date
from urllib.parse import quote, urlencode

from django.http import QueryDict
from django.urls import reverse


class SearchLinks:
    """Links from the parameters ``params``. A page builds a hundred of them (facet values,
    chart bars, network nodes), so the parameters are copied as plain lists, not as a
    QueryDict, and each (key, value) pair is URL-encoded once: the query strings are the
    ones ``QueryDict.urlencode`` gives (keys in the same order, a new key last)."""

    def __init__(self, params: QueryDict):
        self.params = params
        self._lists = list(params.lists())

    def _first_page(self) -> dict[str, list[str]]:
        query = {key: list(values) for key, values in self._lists}
        query.pop("page", None)
        return query

    def toggled(self, param: str, value: str) -> str:
        """``value`` added to or removed from ``param``."""
        query = self._first_page()
        current = query.get(param, [])
        query[param] = [v for v in current if v != value] if value in current else current + [value]
        return "?" + encoded(query)

    def narrowed(self, param: str, value: str) -> str:
        """``value`` added to ``param`` (kept if already there): the search narrowed to it."""
        query = self._first_page()
        if value not in query.get(param, []):
            query.setdefault(param, []).append(value)
        return "?" + encoded(query)

    def dates(self, start: date | None, end: date | None) -> str:
        """The date range set to ``start``–``end`` (either may be None: open)."""
        query = self._first_page()
        for key, day in (("from", start), ("to", end)):
            query.pop(key, None)
            if day:
                query[key] = [day.isoformat()]
        return "?" + encoded(query)

    def without(self, key: str) -> str:
        query = self._first_page()
        query.pop(key, None)
        return "?" + encoded(query)

    def with_value(self, key: str, value: str) -> str:
        """``key`` set to ``value`` ("" removes it)."""
        query = self._first_page()
        query.pop(key, None)
        if value:
            query[key] = [value]
        return "?" + encoded(query)

    def facet_page(self, name: str) -> str:
        """Every value of the facet ``name`` under the current search."""
        return reverse("archive:facet", args=[name]) + "?" + encoded(self._first_page())

    def search_page(self, link: str) -> str:
        """A ``?…`` link of these links made absolute to the search page."""
        return self._search_url + link

    @functools.cached_property
    def _search_url(self) -> str:
        return reverse("archive:search")  # once per page: it is reversed for every chart bar

    def with_query(self, q: str) -> str:
        query = self._first_page()
        query["q"] = [q]
        return "?" + encoded(query)

    def page(self, number: int) -> str:
        query = {key: list(values) for key, values in self._lists}
        query["page"] = [str(number)]
        return "?" + encoded(query)

    def clear_all(self, q: str) -> str:
        """The search page with the same words and no filters."""
        return reverse("archive:search") + (f"?q={quote(q, safe='/')}" if q else "")

    def kept(self, *replaced: str) -> list[tuple[str, str]]:
        """(name, value) of every parameter but ``replaced``: hidden fields of a form that
        sets those."""
        return [
            (key, value)
            for key, values in self.params.lists()
            if key not in replaced
            for value in values
        ]


def encoded(query: dict[str, list[str]]) -> str:
    """``query`` as ``QueryDict.urlencode`` writes it."""
    return "&".join(pair(key, value) for key, values in query.items() for value in values)


@functools.lru_cache(maxsize=4096)
def pair(key: str, value: str) -> str:
    return urlencode({key: value})
