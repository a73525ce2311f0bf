"""python manage.py sync_index — apply queued index changes (or --rebuild, or --check)."""

from django.core.management.base import BaseCommand, CommandError

from archive.search.service import INDEX_DAMAGE, REPAIR_COMMAND
from archive.search.sync import check_index, rebuild_index, repair_drift, repair_index, sync_index

SHOWN_IDS = 10


class Command(BaseCommand):
    help = "Bring the Whoosh index up to date with the database. The only index writer."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="re-index every article")
        parser.add_argument(
            "--check",
            action="store_true",
            help="compare the index with the database, report the drift and repair it",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="with --check: report, do not repair"
        )

    def handle(self, **options):
        try:
            self.run(options)
        except INDEX_DAMAGE as error:
            hint = "check the index directory (WHOOSH_PATH)" if options["rebuild"] else ""
            raise CommandError(
                f"the search index cannot be read or written ({type(error).__name__}: {error}): "
                + (hint or f"run `{REPAIR_COMMAND}`")
            ) from error

    def run(self, options):
        if options["rebuild"]:
            self.stdout.write(f"index rebuilt: {rebuild_index()} articles")
        elif options["check"]:
            self.check_and_repair(repair=not options["dry_run"])
        else:
            updated, removed = sync_index()
            self.stdout.write(f"index: {updated} articles updated, {removed} removed")
            report_repair(self.stdout, repair_index())

    def check_and_repair(self, repair: bool) -> None:
        drift = check_index()
        self.stdout.write(f"database: {drift.database} articles; index: {drift.index} documents")
        for label, ids in (
            ("missing from the index", drift.missing),
            ("in the index only", drift.extra),
            ("indexed more than once", drift.doubled),
        ):
            if ids:
                shown = ", ".join(str(pk) for pk in ids[:SHOWN_IDS])
                more = f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else ""
                self.stdout.write(f"{len(ids)} {label}: {shown}{more}")
        if drift.in_step:
            self.stdout.write("index and database agree")
        elif repair:
            updated, removed = repair_drift(drift)
            self.stdout.write(f"repaired: {updated} articles indexed, {removed} removed")


def report_repair(out, rebuilt: int | None) -> None:
    if rebuilt is not None:
        out.write(f"index: out of step with the database; rebuilt with {rebuilt} articles")
