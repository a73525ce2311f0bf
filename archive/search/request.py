"""The contract between the search page and the backend: one request in, one response out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

MAX_QUERY_CHARS = 500
SORTS = ("relevance", "newest", "oldest")
MODES = ("all", "any")  # within one facet: articles with every selected value, or any of them


@dataclass
class SearchRequest:
    """What a person asked for. ``filters`` maps a facet field to its selected values, which
    must all hold unless ``modes`` gives that field "any" (one of them is enough)."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    modes: dict[str, str] = field(default_factory=dict)

    def mode(self, field_name: str) -> str:
        return self.modes.get(field_name, "all")


@dataclass
class SearchResponse:
    """Total hits, this page's article ids (in order), facet counts, query terms, suggestion."""

    count: int
    ids: list[int]
    facets: dict[str, Counter]
    terms: set[str]
    suggestion: str = ""
    # hits per UTC day, computed when asked for (from the index's day column)
    days: Callable[[], dict[date, int]] = dict
