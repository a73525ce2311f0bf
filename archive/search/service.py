"""One search, as the pages and the API see it: hits, snippets, facets, chips, pages."""

from __future__ import annotations

import logging
import pickle
import struct
import zlib
from dataclasses import dataclass, field, replace
from datetime import date

from django.http import QueryDict
from django.utils.safestring import SafeString
from haystack import connections
from whoosh.index import IndexError as WhooshIndexError
from whoosh.reading import ReaderClosed

from archive.models import Article, Entity
from archive.safe_url import safe_url
from archive.search.charts import Chart, build_chart, months_from_facet
from archive.search.facets import (
    TITLES,
    Chip,
    FacetValue,
    Panel,
    Removal,
    build_facets,
    build_panels,
    chips,
    field_facet,
    removals,
)
from archive.search.form import PARAM_MAX_CHARS, SearchForm
from archive.search.highlight import snippet
from archive.search.links import SearchLinks
from archive.search.request import SearchRequest
from archive.search.vocabulary import DATE_PARAMS, FACETS, LITERAL_PARAM, MONTH_FIELD

logger = logging.getLogger(__name__)

REPAIR_COMMAND = "python manage.py sync_index --rebuild"
# What reading a truncated, emptied, deleted or unreadable index raised when tried on a real
# one: a bad segment (EOFError, struct.error, zlib.error, UnpicklingError), a missing table of
# contents (EmptyIndexError), an index path that cannot be listed or opened (OSError).
INDEX_DAMAGE = (
    OSError,
    EOFError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    WhooshIndexError,
    ReaderClosed,
)


class IndexUnavailable(Exception):
    """The search index cannot be read; it needs ``sync_index --rebuild``."""

    def __init__(self):
        super().__init__(f"The search index needs repair: run `{REPAIR_COMMAND}`.")


@dataclass
class Hit:
    article: Article
    snippet: SafeString


@dataclass
class Expansion:
    """The actors a query named, whose articles it also matched, and the link that searches
    the words typed only (or, for a literal search, the link that expands it again)."""

    actors: list[Entity]
    literal: bool
    toggle_url: str

    def as_json(self) -> dict:
        return {
            "literal": self.literal,
            "actors": [
                {
                    "name": actor.name,
                    "kind": actor.kind,
                    "slug": actor.slug,
                    "url": actor.get_absolute_url(),
                    "names": actor.other_names,
                }
                for actor in self.actors
            ],
            "toggle_url": self.toggle_url,
        }


@dataclass
class SearchPage:
    request: SearchRequest
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    chips: list[Chip] = field(default_factory=list)
    suggestion: str = ""
    suggestion_url: str = ""
    problems: list[str] = field(default_factory=list)
    prev_url: str = ""
    next_url: str = ""
    clear_url: str = ""
    # (name, value) of the parameters the refine and date forms carry along unchanged
    refine_fields: list[tuple[str, str]] = field(default_factory=list)
    date_fields: list[tuple[str, str]] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)
    chart: Chart | None = None
    # on no results: each active filter with the count its removal would give
    relaxations: list[Removal] = field(default_factory=list)
    expansion: Expansion | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.request.per_page))


def backend():
    return connections["default"].get_backend()


def invalid_parameters(params: QueryDict) -> list[str]:
    """Why the parameters are invalid (the API refuses them; the page ignores them)."""
    return SearchForm(params).invalid()


def execute(request: SearchRequest):
    """The backend's response; an unreadable index raises IndexUnavailable, details logged."""
    try:
        return backend().execute(request)
    except INDEX_DAMAGE as error:
        logger.error("search index unreadable: %s: %s", type(error).__name__, error)
        raise IndexUnavailable() from error


def current_columns():
    """The columns of the index generation this thread reads (``columns.Generation``); an
    unreadable index raises IndexUnavailable."""
    try:
        return backend().columns()
    except INDEX_DAMAGE as error:
        logger.error("search index unreadable: %s: %s", type(error).__name__, error)
        raise IndexUnavailable() from error


def run_search(params: QueryDict) -> SearchPage:
    form = SearchForm(params)
    request = form.search_request()
    response = execute(request)
    links = SearchLinks(params)
    days = day_counts(response)
    facets = build_facets(response, request, links, days)
    page = SearchPage(
        request=request,
        count=response.count,
        hits=hits(response.ids, response.terms),
        facets=facets,
        chips=chips(request, links),
        problems=form.problems(),
        clear_url=links.clear_all(request.q),
        refine_fields=links.kept("q", "page", "sort"),
        date_fields=links.kept(*DATE_PARAMS, "page"),
        panels=build_panels(facets, response, request, links),
        chart=result_chart(response, days, links),
        expansion=expansion(request, response, links),
    )
    if not response.count:
        page.relaxations = relaxations(request, links)
    if response.suggestion:
        page.suggestion = response.suggestion
        page.suggestion_url = links.with_query(response.suggestion)
    if request.page > page.pages:
        page.problems.append(f"Page {request.page} is past the last page, {page.pages}.")
    if request.page > 1:
        page.prev_url = links.page(min(request.page - 1, page.pages))
    if request.page < page.pages:
        page.next_url = links.page(request.page + 1)
    return page


def expansion(request: SearchRequest, response, links: SearchLinks) -> Expansion | None:
    """What the page says about actor expansion: None when there is nothing to say."""
    if request.literal and request.q.strip():
        return Expansion([], True, links.with_value(LITERAL_PARAM, ""))
    if not response.actors:
        return None
    entities = Entity.objects.prefetch_related("aliases").in_bulk(
        [actor.entity_id for actor in response.actors]
    )
    actors = [entities[a.entity_id] for a in response.actors if a.entity_id in entities]
    for actor in actors:
        actor.other_names = other_names(actor)
    return Expansion(actors, False, links.with_value(LITERAL_PARAM, "1"))


# An actor is shown with at most this many of its names (its aliases in other scripts first).
SHOWN_NAMES = 3


def other_names(entity: Entity) -> list[str]:
    """A few names of ``entity`` besides its own: Hangul ones first, then others."""
    names = sorted(
        {alias.name for alias in entity.aliases.all()} - {entity.name},
        key=lambda name: (not any("\uac00" <= c <= "\ud7a3" for c in name), len(name), name),
    )
    return names[:SHOWN_NAMES]


# Day counts are shown when the results span a few months at most (from the day column).
DAY_DETAIL_MONTHS = 3
DAY_DETAIL_HITS = 5000
MAX_RELAXED_FILTERS = 6


def day_counts(response) -> dict[date, int]:
    """Hits per UTC day, when the results fall within DAY_DETAIL_MONTHS months; else {}."""
    months = [m for m, n in response.facets[MONTH_FIELD].items() if n]
    if not months or len(months) > DAY_DETAIL_MONTHS or response.count > DAY_DETAIL_HITS:
        return {}
    return response.days()


def result_chart(response, days: dict[date, int], links: SearchLinks) -> Chart | None:
    """The time chart of the results: by day when known, else from the month facet."""
    to_search = lambda start, end: links.search_page(links.dates(start, end))  # noqa: E731
    if days:
        return build_chart(days, to_search, by_day=True)
    return build_chart(months_from_facet(response.facets[MONTH_FIELD]), to_search)


def relaxations(request: SearchRequest, links: SearchLinks) -> list[Removal]:
    """For a search that found nothing: each active filter with the count found without it
    (one search per filter, only for up to MAX_RELAXED_FILTERS filters), most first."""
    options = removals(request, links)
    if len(options) > MAX_RELAXED_FILTERS:
        return []
    for option in options:
        option.count = execute(replace(option.request, per_page=1)).count
    return sorted(options, key=lambda o: -o.count)


def hits(ids: list[int], terms: set[str]) -> list[Hit]:
    articles = Article.objects.select_related("source").in_bulk(ids)
    return [
        Hit(articles[i], snippet(articles[i].body, terms))
        for i in ids
        if i in articles  # an article deleted since the last index sync
    ]


def api_payload(page: SearchPage) -> dict:
    return {
        "count": page.count,
        "page": page.request.page,
        "pages": page.pages,
        "results": [
            {
                "id": hit.article.pk,
                "title": hit.article.title,
                "url": hit.article.get_absolute_url(),
                # The original as stored; only safe_url (http/https or null) may become a link.
                "source_url": hit.article.url,
                "safe_url": safe_url(hit.article.url),
                "published": hit.article.published.isoformat() if hit.article.published else None,
                "source": hit.article.source.name if hit.article.source else None,
                "snippet": str(hit.snippet),
            }
            for hit in page.hits
        ],
        "facets": {name: [v.as_json() for v in values] for name, values in page.facets.items()},
        "suggestion": page.suggestion or None,
        "expansion": page.expansion.as_json() if page.expansion else None,
    }


LISTING_PER_PAGE = 100
LISTING_PARAMS = ("fq", "fpage")  # the facet page's own: its filter box and its page


@dataclass
class FacetListing:
    """Every value of one facet under the current search, filtered by label and paged."""

    name: str
    title: str
    values: list[FacetValue]
    matching: int
    filter_text: str
    page: int
    pages: int
    back_url: str
    fields: list[tuple[str, str]]  # the search's parameters, carried by the filter form
    prev_url: str = ""
    next_url: str = ""


def facet_listing(name: str, params: QueryDict) -> FacetListing | None:
    """The "show all" page of facet ``name`` (an API name); None for an unknown facet."""
    facet = next((f for f in FACETS if f.api_name == name), None)
    if facet is None:
        return None
    search_params = params.copy()
    for key in LISTING_PARAMS:
        search_params.pop(key, None)
    request = SearchForm(search_params).search_request()
    response = backend().execute(replace(request, page=1, per_page=1))
    links = SearchLinks(search_params)
    counts = response.facets[facet.field]
    selected = request.filters.get(facet.field, [])
    everything = field_facet(facet.field, counts, selected, links, size=None)
    filter_text = params.get("fq", "").strip()[:PARAM_MAX_CHARS]
    needle = filter_text.casefold()
    values = [v for v in everything if needle in v.label.casefold() or needle in v.value.casefold()]
    pages = max(1, -(-len(values) // LISTING_PER_PAGE))
    number = listing_page(params.get("fpage"), pages)
    listing = FacetListing(
        name=name,
        title=TITLES[name],
        values=values[(number - 1) * LISTING_PER_PAGE : number * LISTING_PER_PAGE],
        matching=len(values),
        filter_text=filter_text,
        page=number,
        pages=pages,
        back_url=links.search_page(links.without("page")),
        fields=links.kept(*LISTING_PARAMS, "page"),
    )
    for value in listing.values:
        value.url = links.search_page(value.url)
    own = SearchLinks(params)
    if number > 1:
        listing.prev_url = own.with_value("fpage", str(number - 1))
    if number < pages:
        listing.next_url = own.with_value("fpage", str(number + 1))
    return listing


def listing_page(raw, pages: int) -> int:
    try:
        return min(max(1, int(raw or 1)), pages)
    except ValueError:
        return 1
