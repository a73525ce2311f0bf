"""ParsedDocument + actors → database rows, atomically and idempotently.

One document is one transaction (article, URLs, capture, mentions, version group, index
queue entry). The same text (content hash) or the same URL is one
article: a second copy adds its capture and URLs to the existing article and changes
nothing else. Storing the same capture twice changes nothing at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.db import transaction

from archive.entities.types import COUNTRY, PERSON, Actor, normalise_name
from archive.ingest.document import ParsedDocument
from archive.ingest.near_duplicates import link_near_duplicates
from archive.models import (
    Alias,
    Article,
    ArticleURL,
    Capture,
    Entity,
    Mention,
    Source,
    unique_slug,
)
from archive.signals import queue_articles

NEW, UNCHANGED, DUPLICATE = "new", "unchanged", "duplicate"


class EntityResolver:
    """Maps extracted actors to Entity rows: by country code, then by normalised name.

    A person's one-word alias ("Moon") is kept for display but never used to match, so a
    bare surname can never join two different people across articles. The alias table is
    read once and kept in memory; call ``forget()`` after a rolled-back transaction.
    """

    def __init__(self, origin: str = Entity.Origin.EXTRACTED):
        self.origin = origin
        self.forget()

    def forget(self) -> None:
        self._ids: dict[tuple[str, str], int] | None = None
        self._codes: dict[str, int] = {}

    def _load(self) -> dict[tuple[str, str], int]:
        if self._ids is None:
            rows = Alias.objects.order_by("-entity_id").values_list(
                "entity__kind", "key", "entity_id"
            )
            self._ids = {(kind, key): pk for kind, key, pk in rows}  # lowest id wins
            countries = Entity.objects.filter(kind=COUNTRY).exclude(code="").order_by("-pk")
            self._codes = dict(countries.values_list("code", "pk"))
        return self._ids

    def keys(self, actor: Actor) -> list[str]:
        names = [actor.name] + [
            a for a in actor.aliases if actor.kind != PERSON or len(a.split()) > 1
        ]
        return [k for k in dict.fromkeys(normalise_name(n) for n in names) if k]

    def resolve(self, actor: Actor) -> Entity:
        ids = self._load()
        if actor.kind == COUNTRY and actor.code:
            pk = self._codes.get(actor.code)
            if pk is None:
                pk = self._codes[actor.code] = self.create(actor).pk
            return Entity(pk=pk, kind=COUNTRY, code=actor.code)
        keys = self.keys(actor)
        pk = next((ids[(actor.kind, k)] for k in keys if (actor.kind, k) in ids), None)
        if pk is None:
            pk = self.create(actor).pk
        for key in keys:
            ids.setdefault((actor.kind, key), pk)
        return Entity(pk=pk, kind=actor.kind)

    def create(self, actor: Actor) -> Entity:
        entity = Entity.objects.create(
            kind=actor.kind,
            name=actor.name,
            code=actor.code,
            slug=unique_slug(Entity, actor.name, kind=actor.kind),
            origin=self.origin,
        )
        entity.add_aliases([actor.name, *actor.aliases])
        return entity


def store(
    doc: ParsedDocument,
    actors: Iterable[Actor] | Callable[[], Iterable[Actor]],
    resolver: EntityResolver,
) -> tuple[str, Article]:
    """Store one parsed document. Returns (``new`` | ``duplicate`` | ``unchanged``, article).

    ``actors`` may be a function computing them, called only for a new article.
    """
    with transaction.atomic():
        existing = find_existing(doc)
        if existing:
            added = add_capture(existing, doc) | add_urls(existing, doc)
            return (DUPLICATE if added else UNCHANGED), existing
        article = Article.objects.create(
            title=doc.title[:1000],
            body=doc.body,
            published=doc.published,
            source=Source.for_name(doc.source),
            url=doc.url,
            author=doc.author[:500],
            language=doc.language,
            dateline=doc.dateline[:200],
            content_hash=doc.content_hash,
        )
        add_urls(article, doc)
        add_capture(article, doc)
        save_mentions(article, actors() if callable(actors) else actors, resolver, fresh=True)
        link_near_duplicates(article)
        return NEW, article


def find_existing(doc: ParsedDocument) -> Article | None:
    article = Article.objects.filter(content_hash=doc.content_hash).first()
    if article is None and doc.url:
        link = ArticleURL.objects.filter(url=doc.url).select_related("article").first()
        article = link.article if link else None
    return article


def add_urls(article: Article, doc: ParsedDocument) -> bool:
    added = False
    for url in dict.fromkeys(u for u in [doc.url, *doc.other_urls] if u):
        _, created = ArticleURL.objects.get_or_create(url=url[:2000], defaults={"article": article})
        added |= created
    return added


def add_capture(article: Article, doc: ParsedDocument) -> bool:
    sha = hashlib.sha256(doc.raw).hexdigest()
    _, created = Capture.objects.get_or_create(
        article=article,
        sha256=sha,
        defaults={
            "content": doc.raw,
            "content_type": doc.content_type,
            "origin": doc.origin[:2000],
            "captured": doc.captured,
        },
    )
    return created


def save_mentions(
    article: Article, actors: Iterable[Actor], resolver: EntityResolver, fresh: bool = False
) -> bool:
    """Make the article's mentions those of ``actors``; True if anything changed.

    Two actors resolved to one entity are merged into one mention. Unchanged mentions are
    left alone, so re-extraction with the same result writes nothing and queues nothing.
    ``fresh``: the article was just created and has no mentions yet.
    """
    merged: dict[int, Mention] = {}
    for actor in actors:
        entity = resolver.resolve(actor)
        mention = merged.setdefault(
            entity.pk, Mention(article=article, entity_id=entity.pk, count=0, spans=[])
        )
        mention.count += max(actor.count, len(actor.spans), 1)
        mention.spans = sorted(mention.spans + [list(s) for s in actor.spans])
    if not fresh:
        current = {
            m.entity_id: (m.count, m.spans)
            for m in Mention.objects.filter(article=article).only("entity_id", "count", "spans")
        }
        if current == {pk: (m.count, m.spans) for pk, m in merged.items()}:
            return False
        Mention.objects.filter(article=article).delete()
    Mention.objects.bulk_create(merged.values())
    queue_articles([article.pk])  # bulk_create sends no signals
    return True
