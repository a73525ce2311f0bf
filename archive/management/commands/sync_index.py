"""python manage.py sync_index — apply queued index changes (or --rebuild everything)."""

from django.core.management.base import BaseCommand

from archive.search.sync import rebuild_index, repair_index, sync_index


class Command(BaseCommand):
    help = "Bring the Whoosh index up to date with the database. The only index writer."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="re-index every article")

    def handle(self, **options):
        if options["rebuild"]:
            self.stdout.write(f"index rebuilt: {rebuild_index()} articles")
        else:
            updated, removed = sync_index()
            self.stdout.write(f"index: {updated} articles updated, {removed} removed")
            report_repair(self.stdout, repair_index())


def report_repair(out, rebuilt: int | None) -> None:
    if rebuilt is not None:
        out.write(f"index: out of step with the database; rebuilt with {rebuilt} articles")
