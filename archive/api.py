"""The JSON API beyond /api/search/: search results with cursor paging, article detail,
actor list and detail, the OpenAPI description. Errors are ``{"error": message}``."""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections import Counter

from django.db.models import Count
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive.api_schema import SCHEMA
from archive.export import articles_with_actors, utc_iso
from archive.models import Article, Entity, Mention
from archive.ratelimit import rate_limited
from archive.safe_url import safe_url
from archive.search import aggregates, cursor
from archive.search.form import PER_PAGE, SearchForm
from archive.search.service import (
    INDEX_DAMAGE,
    IndexUnavailable,
    api_payload,
    backend,
    hits,
    invalid_parameters,
    run_search,
)

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
CO_MENTIONS = 15


class BadParameter(ValueError):
    pass


def json_response(data, status=200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def api_view(view):
    """GET/HEAD only (else a JSON 405), rate limited, bad parameters answered with 400
    ``{"error": …}``, a bad cursor with 400 or 410, an unreadable index with 503."""

    @rate_limited
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = json_response({"error": "Method not allowed: use GET."}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except BadParameter as problem:
            return json_response({"error": str(problem)}, status=400)
        except cursor.CursorError as problem:
            return json_response({"error": str(problem)}, status=problem.status)
        except INDEX_DAMAGE as error:
            logger.error("search index unreadable: %s: %s", type(error).__name__, error)
            return json_response({"error": str(IndexUnavailable())}, status=503)
        except IndexUnavailable as problem:
            return json_response({"error": str(problem)}, status=503)

    wrapped.__name__ = view.__name__
    return wrapped


def not_found(what: str) -> JsonResponse:
    return json_response({"error": f"No such {what}."}, status=404)


# -- cursors: opaque to clients ------------------------------------------------------------
# Search cursors hold a keyset position (archive/search/cursor.py); the actor list's, the
# last actor id.


def encode_cursor(value: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": value}).encode()).decode().rstrip("=")


def decode_cursor(text: str) -> int:
    if not text:
        return 0
    try:
        padded = text + "=" * (-len(text) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))["k"]
    except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error):
        raise BadParameter(cursor.MALFORMED) from None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise BadParameter(cursor.MALFORMED)
    return value


def limit_of(params, default: int = DEFAULT_LIMIT) -> int:
    raw = params.get("limit", "")
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadParameter(f"“limit” must be a whole number from 1 to {MAX_LIMIT}.")
    return int(raw)


def next_url(request, token: str | int | None) -> str | None:
    """This request's URL with ``cursor`` set to ``token`` (and no ``page``); None for None."""
    if token is None:
        return None
    query = request.GET.copy()
    query.pop("page", None)
    query["cursor"] = token if isinstance(token, str) else encode_cursor(token)
    return request.build_absolute_uri(request.path + "?" + query.urlencode())


def search_walk(params: QueryDict, limit: int, text: str | None = None):
    """(``KeysetPage``, next cursor) of the search ``params`` after cursor ``text`` (by
    default their ``cursor`` parameter; "" is the start)."""
    if reasons := invalid_parameters(params):
        raise BadParameter("Invalid parameters: " + "; ".join(reasons))
    request = SearchForm(params).search_request()
    text = params.get("cursor", "") if text is None else text
    return cursor.page_after(backend(), request, text, limit)


# -- articles -----------------------------------------------------------------------------


def article_summary(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "outlet": article.source.name if article.source_id else None,
        "published": utc_iso(article.published),
        "url": safe_url(article.url),
        "api_url": reverse("archive:api-article", args=[article.pk]),
        "page_url": article.get_absolute_url(),
    }


def actor_ref(entity: Entity) -> dict:
    return {
        "kind": entity.kind,
        "id": entity.facet_value,
        "name": entity.name,
        "api_url": reverse("archive:api-actor", args=[entity.kind, entity.slug]),
    }


@api_view
def search(request):
    """The search as JSON: count, facets, suggestion and results. Paged by ``page`` (≤ 500,
    as the search page) or, with ``cursor`` ("" to start), by keyset with no cap; either
    way ``next`` is the cursor URL of what follows."""
    params = request.GET
    if "cursor" in params and "page" in params:
        raise BadParameter("Use either “page” or “cursor”, not both.")
    if reasons := invalid_parameters(params):
        raise BadParameter("Invalid parameters: " + "; ".join(reasons))
    first = params.copy()
    for name in ("cursor", "limit"):
        first.pop(name, None)
    page = run_search(first)
    if "cursor" in params:
        walk, token = search_walk(params, limit_of(params, PER_PAGE))
        page.hits = hits(walk.ids, walk.terms)
    else:
        shown = page.request.page * page.request.per_page
        token = search_walk(params, shown, "")[1] if page.request.page <= page.pages else None
    data = api_payload(page) | {"next": next_url(request, token)}
    if "cursor" in params:
        data["page"] = data["pages"] = None
    return json_response(data)


@api_view
def article_list(request):
    """Every article a search matches (same parameters as /api/search/), cursor-paged."""
    walk, token = search_walk(request.GET, limit_of(request.GET))
    articles = articles_with_actors(walk.ids, text=False)
    return json_response(
        {
            "results": [
                article_summary(a) | {"actors": [actor_ref(m.entity) for m in a.mentions.all()]}
                for a in articles
            ],
            "next": next_url(request, token),
        }
    )


@api_view
def article_detail(request, pk):
    article = Article.objects.select_related("source").filter(pk=pk).first()
    if article is None:
        return not_found("article")
    return json_response(
        article_summary(article)
        | {
            "text": article.body,
            "language": article.language,
            "author": article.author,
            "dateline": article.dateline,
            "actors": [actor_ref(m.entity) | {"mentions": m.count} for m in article.actors()],
            "versions": [article_summary(v) for v in article.other_versions()],
        }
    )


# -- actors -------------------------------------------------------------------------------


@api_view
def actor_list(request):
    """Actors by id, cursor-paged (the cursor holds the last id), optionally of one kind."""
    after, limit = decode_cursor(request.GET.get("cursor", "")), limit_of(request.GET)
    kind = request.GET.get("kind", "")
    if kind and kind not in Entity.Kind.values:
        raise BadParameter(f"“kind” must be one of {', '.join(Entity.Kind.values)}.")
    entities = Entity.objects.filter(pk__gt=after).order_by("pk")
    page = list((entities.filter(kind=kind) if kind else entities)[: limit + 1])
    counts = article_counts([e.pk for e in page[:limit]])
    return json_response(
        {
            "results": [actor_ref(e) | {"articles": counts.get(e.pk, 0)} for e in page[:limit]],
            "next": next_url(request, page[limit - 1].pk if len(page) > limit else None),
        }
    )


def article_counts(entity_ids) -> dict[int, int]:
    rows = Mention.objects.filter(entity_id__in=entity_ids).values("entity_id")
    return {r["entity_id"]: r["n"] for r in rows.annotate(n=Count("article_id", distinct=True))}


@api_view
def actor_detail(request, kind, slug):
    entity = Entity.objects.filter(kind=kind, slug=slug).first()
    if entity is None:
        return not_found("actor")
    figures = aggregates.actor_figures(entity, CO_MENTIONS)
    return json_response(
        actor_ref(entity)
        | {
            "aliases": sorted(entity.aliases.values_list("name", flat=True)),
            "articles": len(figures.articles),
            "co_mentioned": [actor_ref(e) | {"articles": e.n} for e in figures.co_mentioned],
            "per_month": per_month(figures.days),
        }
    )


def per_month(days: dict) -> list[dict]:
    """Articles per month ("YYYY-MM"), oldest first, from articles per day."""
    months = Counter()
    for day, n in days.items():
        months[day.strftime("%Y-%m")] += n
    return [{"month": month, "articles": n} for month, n in sorted(months.items())]


# -- the description ----------------------------------------------------------------------


@require_safe
def schema(request):
    return json_response(SCHEMA)


@require_safe
def docs(request):
    return render(request, "archive/api_docs.html", {"schema": SCHEMA, "paths": doc_paths()})


def doc_paths() -> list[dict]:
    """The schema's operations as rows for the docs page."""
    return [
        {
            "path": path,
            "summary": spec["get"].get("summary", ""),
            "description": spec["get"].get("description", ""),
            "parameters": spec["get"].get("parameters", []),
        }
        for path, spec in SCHEMA["paths"].items()
    ]
