"""The gazetteer in the database, and the curator's tools: merge, re-extract.

The gazetteer files are loaded into Entity/Alias rows (``origin=gazetteer``). Curators then
edit those rows in the admin: add or remove aliases, change kinds, merge duplicates
(``origin=curated``). Extraction uses the database's gazetteer and curated entities, so a
curator's change takes effect at the next ``ingest`` or ``reextract``. The files are
re-loaded only when they change, so a curator's removal of an alias is not undone.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from django.db import transaction

from archive import entities
from archive.entities.gazetteer import default_entries
from archive.entities.types import Actor
from archive.ingest.store import EntityResolver, save_mentions
from archive.models import Alias, Article, Entity, GazetteerState, Mention
from archive.signals import queue_articles


def file_entries():
    return list(default_entries())


def entries_fingerprint(entries) -> str:
    data = [[e.kind, e.name, sorted(e.aliases), e.code or ""] for e in entries]
    return hashlib.sha256(json.dumps(sorted(data), ensure_ascii=False).encode()).hexdigest()


def sync_gazetteer(entries=None) -> int:
    """Load the gazetteer files into the database if they changed; returns entities added.

    Existing entities keep their curated name and slug; missing aliases are added.
    """
    entries = file_entries() if entries is None else list(entries)
    fingerprint = entries_fingerprint(entries)
    state = GazetteerState.objects.first()
    if state and state.sha256 == fingerprint:
        return 0
    known = set(Alias.objects.values_list("entity__kind", "name"))
    resolver = EntityResolver(origin=Entity.Origin.GAZETTEER)
    before = Entity.objects.count()
    with transaction.atomic():
        for entry in entries:
            actor = Actor(entry.kind, entry.name, list(entry.aliases), entry.code or "")
            names = [actor.name, *actor.aliases]
            missing = [n for n in names if (actor.kind, n) not in known]
            if not missing:
                continue
            entity = resolver.resolve(actor)
            for name in missing:
                entity.add_alias(name)
                known.add((actor.kind, name))
        GazetteerState.objects.update_or_create(pk=1, defaults={"sha256": fingerprint})
    return Entity.objects.count() - before


def database_gazetteer():
    """A Gazetteer of the gazetteer-file and curated entities, with their current aliases."""
    guiding = Entity.objects.exclude(origin=Entity.Origin.EXTRACTED)
    aliases = defaultdict(list)
    for entity_id, name in Alias.objects.filter(entity__in=guiding).values_list(
        "entity_id", "name"
    ):
        aliases[entity_id].append(name)
    entries = [
        entities.GazetteerEntry(e.kind, e.name, aliases[e.pk], e.code)
        for e in guiding.only("pk", "kind", "name", "code")
    ]
    return entities.Gazetteer.from_entries(entries)


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


def reextract(progress=None) -> tuple[int, int]:
    """Re-run extraction over every article. Returns (articles checked, articles changed)."""
    sync_gazetteer()
    gazetteer = database_gazetteer()
    resolver = EntityResolver()
    checked = changed = 0
    for article in Article.objects.only("pk", "title", "body").iterator(chunk_size=200):
        actors = entities.extract(article.title, article.body, gazetteer=gazetteer)
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
