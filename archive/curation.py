"""The curator's tools: merge two entities, re-extract every article.

Curators edit the gazetteer's rows in the admin (see ``archive.actors``): add or remove
aliases, change kinds, merge duplicates (``origin=curated``). Extraction uses the database's
gazetteer and curated entities, so a curator's change takes effect at the next ``ingest`` or
``reextract``. The admin imports this module, so extraction is passed in, never imported.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from archive.actors import EntityResolver, save_mentions
from archive.entities.types import Actor, normalise_name
from archive.models import Alias, Article, Entity, Mention, Merge, unique_slug
from archive.signals import queue_articles


def merge_plan(target: Entity, other: Entity) -> dict:
    """What merging ``other`` into ``target`` would do, changing nothing: the articles whose
    mentions move and the names added to ``target`` as surface-scoped aliases."""
    have = set(target.aliases.values_list("name", flat=True))
    names = dict.fromkeys([other.name, *other.aliases.values_list("name", flat=True)])
    mentions = other.mentions.select_related("article").order_by("article_id")
    return {
        "target": target,
        "other": other,
        "articles": [m.article for m in mentions],
        "count": sum(m.count for m in mentions),
        "aliases": [n for n in names if n not in have],
    }


def merge_into(target: Entity, other: Entity) -> Merge:
    """Move ``other``'s mentions to ``target``, delete ``other``, queue re-indexing.

    ``other``'s names become *scoped* aliases of ``target``: they name it when written alone,
    never inside a longer name ("Workers' Party" merged into the Workers' Party of Korea does
    not make the "Hungarian Workers' Party" the WPK at re-extraction). The returned ``Merge``
    records what moved, for ``undo_merge``."""
    plan = merge_plan(target, other)
    article_ids = [a.pk for a in plan["articles"]]
    with transaction.atomic():
        record = Merge(target=target, other=entity_fields(other), added=plan["aliases"])
        record.moved = [move_mention(mention, target) for mention in other.mentions.all()]
        Alias.objects.bulk_create(
            [
                Alias(entity=target, name=n, key=normalise_name(n), scoped=True)
                for n in plan["aliases"]
            ]
        )
        other.delete()
        record.other["target_origin"] = target.origin
        target.origin = Entity.Origin.CURATED
        target.save(update_fields=["origin"])
        record.save()
    queue_articles(article_ids)
    return record


def entity_fields(entity: Entity) -> dict:
    aliases = list(entity.aliases.values_list("name", "scoped"))
    fields = {f: getattr(entity, f) for f in ("kind", "name", "slug", "code", "origin")}
    return {**fields, "aliases": aliases}


def move_mention(mention: Mention, target: Entity) -> dict:
    """Move one mention to ``target``; what it was and what ``target`` had in that article."""
    existing = Mention.objects.filter(article_id=mention.article_id, entity=target).first()
    moved = {"article": mention.article_id, "count": mention.count, "spans": mention.spans}
    moved["target_before"] = existing and {"count": existing.count, "spans": existing.spans}
    if existing:
        existing.count += mention.count
        existing.spans = sorted(existing.spans + mention.spans)
        existing.save()
        mention.delete()
    else:
        mention.entity = target
        mention.save()
    return moved


def undo_merge(record: Merge) -> Entity:
    """Put back the entity a merge deleted, its aliases and mentions, and the target's
    mentions and aliases as they were. Refused twice or after the name was taken again."""
    if record.undone:
        raise ValueError("this merge was already undone")
    other = record.other
    if Entity.objects.filter(kind=other["kind"], name=other["name"]).exists():
        raise ValueError(f"an entity named {other['name']!r} exists again; undo refused")
    with transaction.atomic():
        restored = Entity.objects.create(
            **{f: other[f] for f in ("kind", "name", "code", "origin")},
            slug=unique_slug(Entity, other["slug"], kind=other["kind"]),
        )
        Alias.objects.bulk_create(
            [
                Alias(entity=restored, name=n, key=normalise_name(n), scoped=scoped)
                for n, scoped in other["aliases"]
            ]
        )
        for moved in record.moved:
            move_back(moved, record.target, restored)
        record.target.aliases.filter(name__in=record.added, scoped=True).delete()
        record.undone = timezone.now()
        record.save(update_fields=["undone"])
    queue_articles([m["article"] for m in record.moved])
    return restored


def move_back(moved: dict, target: Entity, restored: Entity) -> None:
    mentions = Mention.objects.filter(article_id=moved["article"], entity=target)
    before = moved["target_before"]
    if before:
        mentions.update(count=before["count"], spans=before["spans"])
    else:
        mentions.delete()
    Mention.objects.create(
        article_id=moved["article"], entity=restored, count=moved["count"], spans=moved["spans"]
    )


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
