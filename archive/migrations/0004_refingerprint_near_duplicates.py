"""Recompute near-duplicate fingerprints and groups.

The MinHash of 0001-0003 used a hash family that was monotonic in its input, so its
fingerprints and the groups built from them were unreliable; this rebuilds both.
"""

from django.db import migrations


def regroup(apps, schema_editor):
    from archive.ingest.near_duplicates import link_near_duplicates

    article_model = apps.get_model("archive", "Article")
    fingerprint_model = apps.get_model("archive", "Fingerprint")
    fingerprint_model.objects.all().delete()
    article_model.objects.update(version_of=None)
    for article in article_model.objects.only("body").order_by("pk").iterator(chunk_size=500):
        link_near_duplicates(article, models=(article_model, fingerprint_model))


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_fingerprint_index_by_value")]

    operations = [migrations.RunPython(regroup, migrations.RunPython.noop)]
