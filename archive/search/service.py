"""One search, as the pages and the API see it: hits, snippets, facets, chips, pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.safestring import SafeString
from haystack import connections

from archive.models import Article
from archive.safe_url import safe_url
from archive.search.facets import Chip, FacetValue, build_facets, chips
from archive.search.form import SearchForm
from archive.search.highlight import snippet
from archive.search.links import SearchLinks
from archive.search.request import SearchRequest
from archive.search.vocabulary import DATE_PARAMS


@dataclass
class Hit:
    article: Article
    snippet: SafeString


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

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.request.per_page))


def backend():
    return connections["default"].get_backend()


def run_search(params: QueryDict) -> SearchPage:
    form = SearchForm(params)
    request = form.search_request()
    response = backend().execute(request)
    links = SearchLinks(params)
    page = SearchPage(
        request=request,
        count=response.count,
        hits=hits(response.ids, response.terms),
        facets=build_facets(response, request, links),
        chips=chips(request, links),
        problems=form.problems(),
        clear_url=links.clear_all(request.q),
        refine_fields=links.kept("q", "page", "sort"),
        date_fields=links.kept(*DATE_PARAMS, "page"),
    )
    if response.suggestion:
        page.suggestion = response.suggestion
        page.suggestion_url = links.with_query(response.suggestion)
    if request.page > 1:
        page.prev_url = links.page(request.page - 1)
    if request.page < page.pages:
        page.next_url = links.page(request.page + 1)
    return page


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
    }
