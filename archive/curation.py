"""The curator's tools: merge two entities, re-extract every article.

Curators edit the gazetteer's rows in the admin (see ``archive.actors``): add or remove
aliases, change kinds, merge duplicates (``origin=curated``). Extraction uses the database's
gazetteer and curated entities, so a curator's change takes effect at the next ``ingest`` or
``reextract``. The admin imports this module, so extraction is passed in, never imported.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from archive.actors import EntityResolver, save_mentions
from archive.entities.types import Actor
from archive.models import Article, Entity, Mention
from archive.signals import queue_articles


def merge_into(target: Entity, other: Entity) -> None:
    """Move ``other``'s mentions and aliases to ``target``, delete ``other``, queue re-indexing."""
    article_ids = list(other.mentions.values_list("article_id", flat=True))
    with transaction.atomic():
        for mention in other.mentions.all():
            existing = Mention.objects.filter(article_id=mention.article_id, entity=target).first()
            if existing:
                existing.count += mention.count
                existing.spans = sorted(existing.spans + mention.spans)
                existing.save()
                mention.delete()
            else:
                mention.entity = target
                mention.save()
        for name in [other.name, *other.aliases.values_list("name", flat=True)]:
            target.add_alias(name)
        other.delete()
        target.origin = Entity.Origin.CURATED
        target.save(update_fields=["origin"])
    queue_articles(article_ids)


def reextract(extract: Callable[[str, str], list[Actor]], progress=None) -> tuple[int, int]:
    """Re-run ``extract(title, body)`` over every article; returns (articles checked, articles
    changed). The caller syncs the gazetteer and matches with ``database_entries()``."""
    resolver = EntityResolver()
    checked = changed = 0
    for article in Article.objects.only("pk", "title", "body").iterator(chunk_size=200):
        actors = extract(article.title, article.body)
        with transaction.atomic():
            changed += save_mentions(article, actors, resolver)
        checked += 1
        if progress:
            progress(1)
    return checked, changed


def delete_orphans() -> int:
    """Delete entities found by extraction that no article mentions any more."""
    orphans = Entity.objects.filter(origin=Entity.Origin.EXTRACTED, mentions=None)
    count, _ = orphans.delete()
    return count
