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
    must all hold unless ``modes`` gives that field "any" (one of them is enough).
    ``literal``: the words only, not also the actors they name; ``names``: the known actors'
    names the words are looked up in (``expansion.ActorNames``; None: no expansion)."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    modes: dict[str, str] = field(default_factory=dict)
    literal: bool = False
    names: object = None

    def mode(self, field_name: str) -> str:
        return self.modes.get(field_name, "all")


@dataclass
class SearchResponse:
    """Total hits, this page's article ids (in order), facet counts, query terms, suggestion,
    and the actors the query named, whose articles it also matched (``expansion.Actor``)."""

    count: int
    ids: list[int]
    facets: dict[str, Counter]
    terms: set[str]
    suggestion: str = ""
    actors: list = field(default_factory=list)
    # hits per UTC day, computed when asked for (from the index's day column)
    days: Callable[[], dict[date, int]] = dict


@dataclass
class KeysetPage:
    """Hits after a keyset position: total hits, this page's ids, the key of its last hit
    (None when nothing follows), the index generation's name, the key family
    ("newest", "oldest", "relevance") and the query terms."""

    count: int
    ids: list[int]
    last: tuple | None
    generation: str
    kind: str
    terms: set[str] = field(default_factory=set)
