"""Atom feeds (RFC 4287) of any search and of each actor: the newest articles first.

Every string from an article is text: the summary is sent as ``type="text"`` (Django's Atom
writer would say ``html``), and characters XML 1.0 cannot carry are dropped, so a feed reader
never receives markup or a malformed document from data.
"""

from __future__ import annotations

import re
from datetime import UTC

from django.contrib.syndication.views import Feed
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.export import articles_with_actors
from archive.models import Article, Entity
from archive.search.matching import dated, first_ids, request_for
from archive.search.vocabulary import FACETS

FEED_SIZE = 50
SUMMARY_CHARS = 400
# C0 controls but tab, newline and return; surrogates; U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    return NOT_XML.sub("", "" if value is None else str(value))


def summary(body: str) -> str:
    """The start of the body as one line of plain text, cut at a word."""
    text = " ".join(xml_text(body).split())
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


class ArchiveAtomFeed(Atom1Feed):
    """Atom with a plain-text summary and actors as categories (term, scheme, label)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("summary", item["summary"], {"type": "text"})
        for term, scheme, label in item["actors"]:
            handler.addQuickElement(
                "category", "", {"term": term, "scheme": scheme, "label": label}
            )


class ArticleFeed(Feed):
    """What both feeds share: how an article becomes an entry."""

    feed_type = ArchiveAtomFeed
    author_name = "Peninsula"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def articles(self, ids: list[int]) -> list[Article]:
        return articles_with_actors(ids[:FEED_SIZE])

    def item_title(self, article):
        return xml_text(article.title) or "(untitled)"

    def item_description(self, article):
        return None  # the plain-text summary is written by ArchiveAtomFeed

    def item_pubdate(self, article):
        return article.published.astimezone(UTC) if article.published else None

    def item_updateddate(self, article):
        # Atom requires <updated>: the publication time, else when the archive last changed it.
        return (article.published or article.updated).astimezone(UTC)

    def item_author_name(self, article):
        return xml_text(article.source.name) if article.source_id else None

    def item_categories(self, article):
        return ()

    def item_extra_kwargs(self, article):
        scheme = self.request.build_absolute_uri(reverse("archive:actors"))
        actors = sorted(article.mentions.all(), key=lambda m: (m.entity.kind, -m.count))
        return {
            "summary": summary(article.body),
            "actors": [
                (m.entity.facet_value, f"{scheme}{m.entity.kind}/", xml_text(m.entity.name))
                for m in actors
            ],
        }


def search_description(params: QueryDict) -> str:
    request = request_for(params)
    parts = [f"“{request.q}”"] if request.q else []
    by_param = {facet.field: facet.param for facet in FACETS}
    parts += [f"{by_param[f]}={v}" for f, values in request.filters.items() for v in values]
    parts += [
        f"{name}={day}"
        for name, day in (("from", request.date_from), ("to", request.date_to))
        if day
    ]
    return ", ".join(parts) or "all articles"


class SearchFeed(ArticleFeed):
    def get_object(self, request):
        query = request.GET.copy()
        query.pop("page", None)
        return query

    def title(self, params):
        return xml_text(f"Peninsula: {search_description(params)}")

    def link(self, params):
        return reverse("archive:search") + (f"?{params.urlencode()}" if params else "")

    def feed_url(self, params):
        return reverse("archive:search-feed") + (f"?{params.urlencode()}" if params else "")

    def items(self, params):
        return self.articles(first_ids(dated(request_for(params, sort="newest")), FEED_SIZE))


class ActorFeed(ArticleFeed):
    def get_object(self, request, kind, slug):
        entity = Entity.objects.filter(kind=kind, slug=slug).first()
        if entity is None:
            raise Http404("No such actor.")
        return entity

    def title(self, entity):
        return xml_text(f"Peninsula: {entity.name}")

    def link(self, entity):
        return entity.get_absolute_url()

    def feed_url(self, entity):
        return reverse("archive:actor-feed", args=[entity.kind, entity.slug])

    def items(self, entity):
        articles = Article.objects.filter(mentions__entity=entity, published__isnull=False)
        articles = articles.latest_first()
        return self.articles(list(articles.values_list("pk", flat=True)[:FEED_SIZE]))
