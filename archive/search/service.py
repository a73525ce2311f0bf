"""One search, as the pages and the API see it: hits, snippets, facets, chips, pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.safestring import SafeString
from haystack import connections

from archive.facets import (
    PARAM_FOR_FIELD,
    FacetValue,
    build_facets,
    labels_for,
    toggled,
)
from archive.forms import SearchForm
from archive.models import Article
from archive.safe_url import safe_url
from archive.search.backend import SearchRequest
from archive.search.highlight import snippet


@dataclass
class Hit:
    article: Article
    snippet: SafeString


@dataclass
class Chip:
    label: str
    remove_url: str


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

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.request.per_page))


def backend():
    return connections["default"].get_backend()


def run_search(params: QueryDict) -> SearchPage:
    form = SearchForm(params)
    request = form.search_request()
    response = backend().execute(request)
    articles = Article.objects.select_related("source").in_bulk(response.ids)
    hits = [
        Hit(articles[i], snippet(articles[i].body, response.terms))
        for i in response.ids
        if i in articles  # an article deleted since the last index sync
    ]
    page = SearchPage(
        request=request,
        count=response.count,
        hits=hits,
        facets=build_facets(response, request, params),
        chips=chips(request, params),
        problems=form.problems(),
    )
    if response.suggestion:
        page.suggestion = response.suggestion
        page.suggestion_url = with_params(params, q=response.suggestion)
    if request.page > 1:
        page.prev_url = with_params(params, page=request.page - 1)
    if request.page < page.pages:
        page.next_url = with_params(params, page=request.page + 1)
    return page


def with_params(params: QueryDict, **changes) -> str:
    query = params.copy()
    for key, value in changes.items():
        query[key] = str(value)
    if "page" not in changes:
        query.pop("page", None)
    return "?" + query.urlencode()


def chips(request: SearchRequest, params: QueryDict) -> list[Chip]:
    """Active filters, each with the URL that removes it."""
    result = []
    for field_name, values in request.filters.items():
        labels = labels_for(field_name, values)
        param = PARAM_FOR_FIELD[field_name]
        for value in values:
            result.append(Chip(labels.get(value, value), toggled(params, param, value)))
    for key, day in (("from", request.date_from), ("to", request.date_to)):
        if day:
            query = params.copy()
            query.pop(key)
            query.pop("page", None)
            result.append(Chip(f"{key} {day.isoformat()}", "?" + query.urlencode()))
    return result


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
    }
