"""python manage.py reextract — re-run entity extraction over stored articles."""

import sys
from functools import partial

from django.core.management.base import BaseCommand

from archive.actors import database_entries, sync_gazetteer
from archive.curation import delete_orphans, reextract
from archive.entities.gazetteer import Gazetteer
from archive.entities.pipeline import extract
from archive.ingest.index_writer import index_writer
from archive.models import Article
from archive.search.sync import sync_index


class Command(BaseCommand):
    help = (
        "Re-run extraction over every stored article after gazetteer or curation changes, "
        "then bring the database and the index up to date. Running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, **options):
        progress = None
        if not options["no_progress"] and sys.stderr.isatty():
            from tqdm import tqdm

            progress = tqdm(total=Article.objects.count(), unit=" articles", file=sys.stderr)
        sync_gazetteer()
        gazetteer = Gazetteer.from_entries(database_entries())
        checked, changed = reextract(
            partial(extract, gazetteer=gazetteer),
            progress.update if progress is not None else None,
        )
        if progress is not None:
            progress.close()
        orphans = delete_orphans()
        with index_writer(self.stderr.write):  # one index writer at a time, as ingest
            updated, removed = sync_index()
        self.stdout.write(
            f"{checked} articles checked, {changed} changed, {orphans} unused entities removed; "
            f"index: {updated} updated, {removed} removed"
        )
