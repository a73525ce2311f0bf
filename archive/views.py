"""Thin views: fetch, call one or two model or service functions, render."""

from functools import wraps

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive import network
from archive.forms import ActorFilterForm
from archive.models import KIND_PLURALS, Article, Capture, Entity
from archive.search import aggregates
from archive.search.charts import build_chart
from archive.search.highlight import linked_body
from archive.search.links import SearchLinks
from archive.search.service import (
    IndexUnavailable,
    facet_listing,
    run_search,
)
from archive.search.vocabulary import FACETS

CSP_SANDBOX = "sandbox; default-src 'none'"
HOME_LATEST = 10  # newest articles on the home page
HOME_ACTORS = 8  # most-named actors of each kind on the home page
ACTOR_ARTICLES_PER_PAGE = 20  # an actor page's articles per page
ACTOR_ALIASES = 40  # aliases listed on an actor page
CO_MENTIONED = 15  # actors most often named beside one, on its page
PREVIEW_BYTES = 200_000  # of a capture shown on its page; the rest is cut


def index_needed(view):
    """``view``, answering the search index's damage with the 503 page that says how to
    repair it (the pages' figures are read from the index)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except IndexUnavailable as error:
            return render(request, "503.html", {"message": str(error)}, status=503)

    return wrapped


@require_safe
@index_needed
def home(request):
    return render(
        request,
        "archive/home.html",
        {
            "latest": aggregates.latest_articles(HOME_LATEST),
            "top_actors": {
                KIND_PLURALS[kind]: aggregates.most_mentioned(kind, HOME_ACTORS)
                for kind in Entity.Kind
            },
            "chart": aggregates.per_generation(
                "home chart", lambda: time_chart(aggregates.days_of_all())
            ),
            "total": Article.objects.count(),
        },
    )


@require_safe
def search(request):
    try:
        page = run_search(request.GET)
    except IndexUnavailable as error:
        return render(request, "503.html", {"message": str(error)}, status=503)
    drawn = network.for_page(request.GET, page.count, page.request)
    return render(request, "archive/search.html", {"page": page, "network": drawn})


@require_safe
def facet_values(request, name):
    listing = facet_listing(name, request.GET)
    if listing is None:
        raise Http404("No such facet.")
    return render(request, "archive/facet.html", {"listing": listing})


@require_safe
def query_help(request):
    return render(request, "archive/query_help.html")


def api_error(status: int, message: str, **headers) -> JsonResponse:
    """``{"error": message}`` with ``status``."""
    response = JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )
    for name, value in headers.items():
        response[name] = value
    return response


API_PREFIX = "/api/"
ERROR_MESSAGES = {
    400: "Bad request.",
    403: "Forbidden.",
    404: "There is nothing at this address.",
    500: "Server error; it has been logged.",
}


def error_page(status: int):
    """A handler for ``status``: JSON under /api/, the HTML template elsewhere. Never the
    exception's text: it may hold server paths."""

    def handler(request, exception=None):
        if request.path.startswith(API_PREFIX):
            return api_error(status, ERROR_MESSAGES[status])
        return render(request, f"{status}.html", status=status)

    handler.__name__ = f"error_{status}"
    return handler


error_400 = error_page(400)
error_403 = error_page(403)
error_404 = error_page(404)
error_500 = error_page(500)


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    mentions = list(article.actors())
    links = [
        (start, end, m.entity.get_absolute_url(), m.entity.name)
        for m in mentions
        for start, end in m.spans
        if 0 <= start < end <= len(article.body)
    ]
    return render(
        request,
        "archive/article.html",
        {
            "article": article,
            "body": linked_body(article.body, links),
            "mentions": mentions,
            "captures": article.captures.defer("content"),
            "versions": article.other_versions(),
        },
    )


@require_safe
def capture_list(request, pk):
    article = get_object_or_404(Article, pk=pk)
    captures = list(article.captures.all())
    return render(
        request,
        "archive/captures.html",
        {
            "article": article,
            "captures": [(c, preview(c)) for c in captures],
        },
    )


@require_safe
def capture_raw(request, pk, capture_pk):
    """The capture's bytes as plain text, in a sandbox: nothing inside it can run."""
    capture = get_object_or_404(Capture, pk=capture_pk, article_id=pk)
    response = HttpResponse(bytes(capture.content), content_type="text/plain; charset=utf-8")
    response["Content-Security-Policy"] = CSP_SANDBOX
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="capture-{capture.pk}.txt"'
    return response


ACTORS_PER_PAGE = 120
ACTORS_IN_OVERVIEW = 24


@require_safe
@index_needed
def actor_list(request):
    """The actor directory: the most mentioned of each kind, or one kind or name in full."""
    form = ActorFilterForm(request.GET)
    kind = form.value("kind")
    context = {
        "form": form,
        "browsing": form.is_browsing(),
        "heading": KIND_PLURALS.get(kind, "Actors"),
        "singular": Entity.Kind(kind).label if kind else "Actor",
    }
    if context["browsing"]:
        listed = aggregates.listed_entities(form.entities(), form.by_articles())
        context["page"] = Paginator(listed, ACTORS_PER_PAGE).get_page(form.value("page"))
    else:
        context["groups"] = [most_mentioned(kind) for kind in Entity.Kind]
    return render(request, "archive/actors.html", context)


def most_mentioned(kind) -> dict:
    return {
        "kind": kind,
        "label": KIND_PLURALS[kind],
        "count": aggregates.listed_count(kind),
        "top": aggregates.most_mentioned(
            kind, ACTORS_IN_OVERVIEW, aggregates.by_count_then_lower_name
        ),
    }


@require_safe
@index_needed
def actor_detail(request, kind, slug):
    entity = Entity.objects.filter(kind=kind, slug=slug).first()
    if entity is None and kind == Entity.Kind.COUNTRY:  # /actors/country/KP/, as in facets
        by_code = Entity.objects.filter(kind=kind, code=slug.upper()).order_by("pk").first()
        if by_code is not None:
            return redirect(by_code)
    if entity is None:
        raise Http404("No such actor.")
    figures = aggregates.actor_figures(entity, CO_MENTIONED)
    page = Paginator(figures.articles, ACTOR_ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "archive/actor.html",
        {
            "entity": entity,
            "page": page,
            "chart": time_chart(figures.days, search_params(entity)),
            "aliases": entity.aliases.order_by("name")[:ACTOR_ALIASES],
            "co_mentioned": figures.co_mentioned,
            "network": network.for_page(search_params(entity), page.paginator.count),
        },
    )


def search_params(entity) -> QueryDict:
    """The search parameters that select ``entity``'s articles."""
    params = QueryDict(mutable=True)
    facet = next((f for f in FACETS if f.kind == entity.kind), None)
    if facet:
        params[facet.param] = entity.facet_value
    return params


def time_chart(counts: dict, params: QueryDict | None = None):
    """The time chart of articles per day; each bar searches its period (within ``params``)."""
    links = SearchLinks(params or QueryDict())
    search = reverse("archive:search")
    return build_chart(counts, lambda start, end: search + links.dates(start, end), by_day=True)


def preview(capture, limit=PREVIEW_BYTES) -> str:
    """Decoded text of a capture for display (escaped by the template)."""
    text = bytes(capture.content[:limit]).decode("utf-8", errors="replace")
    return text + ("\n…" if len(capture.content) > limit else "")
