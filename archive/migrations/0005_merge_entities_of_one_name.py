"""Merge entities that share a kind and a name (left by two ingests run at once) into the
oldest of them, so that (kind, name) can be unique (0006). Mentions of one article are
added together, aliases moved, and the articles concerned queued for re-indexing."""

from django.db import migrations
from django.db.models import Count, Min


def merge_duplicates(apps, schema_editor):
    Entity = apps.get_model("archive", "Entity")
    groups = (
        Entity.objects.values("kind", "name")
        .annotate(n=Count("id"), keep=Min("id"))
        .filter(n__gt=1)
    )
    for group in list(groups):
        others = Entity.objects.filter(kind=group["kind"], name=group["name"]).exclude(
            pk=group["keep"]
        )
        for other in others:
            merge(apps, group["keep"], other)


def merge(apps, keep: int, other) -> None:
    Alias, Mention, IndexQueue = (
        apps.get_model("archive", name) for name in ("Alias", "Mention", "IndexQueue")
    )
    for mention in Mention.objects.filter(entity=other):
        kept = Mention.objects.filter(article_id=mention.article_id, entity_id=keep).first()
        if kept is None:
            Mention.objects.filter(pk=mention.pk).update(entity_id=keep)
        else:
            kept.count += mention.count
            kept.spans = sorted(kept.spans + mention.spans)
            kept.save()
            mention.delete()
        IndexQueue.objects.get_or_create(article_id=mention.article_id)
    names = set(Alias.objects.filter(entity_id=keep).values_list("name", flat=True))
    for alias in Alias.objects.filter(entity=other):
        if alias.name not in names:
            Alias.objects.filter(pk=alias.pk).update(entity_id=keep)
            names.add(alias.name)
    other.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0004_refingerprint_near_duplicates"),
    ]

    operations = [migrations.RunPython(merge_duplicates, migrations.RunPython.noop)]
