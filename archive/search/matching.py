"""Every article a search matches, not one page of it: for feeds, exports and the network.

The backend answers with one page of ids; asking for one page as long as the hit count gives
them all, in the order the search sorts them. Only ids are held, never rows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.http import QueryDict

from archive.search.form import SearchForm
from archive.search.request import SORTS, SearchRequest
from archive.search.service import backend


def request_for(params: QueryDict, sort: str = "") -> SearchRequest:
    """The search ``params`` describe, sorted by ``sort`` if given, else by their ``sort``
    parameter, else newest first."""
    request = SearchForm(params).search_request()
    asked = params.get("sort", "")
    return replace(request, sort=sort or (asked if asked in SORTS else "newest"), page=1)


def dated(request: SearchRequest) -> SearchRequest:
    """The request narrowed to articles with a publication date (a timeline has no place
    for the others)."""
    return replace(request, date_from=request.date_from or date.min)


def first_ids(request: SearchRequest, n: int) -> list[int]:
    """The first ``n`` matching ids in the request's order."""
    return backend().execute(replace(request, page=1, per_page=max(1, n))).ids


def all_ids(request: SearchRequest) -> list[int]:
    """Every matching id in the request's order (one count, then one page of that length)."""
    count = backend().execute(replace(request, page=1, per_page=1)).count
    return first_ids(request, count) if count else []
