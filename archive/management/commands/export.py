"""python manage.py export --format csv|jsonl [q=… country=KP …] -o FILE

Every article a search matches, as on /search/export.csv and /search/export.jsonl.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from archive.export import FORMATS, records
from archive.search.matching import all_ids, request_for


class Command(BaseCommand):
    help = "Export every article a search matches as CSV or JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("params", nargs="*", help="search parameters: q=words country=KP …")
        parser.add_argument("--format", choices=sorted(FORMATS), default="csv")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        params = self.query(options["params"])
        started = time.perf_counter()
        ids = all_ids(request_for(params))
        out = (
            open(options["output"], "w", encoding="utf-8", newline="")
            if options["output"]
            else sys.stdout
        )
        try:
            for line in FORMATS[options["format"]](records(ids)):
                out.write(line)
        finally:
            if out is not sys.stdout:
                out.close()
        seconds = time.perf_counter() - started
        rate = len(ids) / seconds if seconds else 0
        self.stderr.write(f"{len(ids)} rows in {seconds:.2f} s ({rate:,.0f} rows/s)")

    @staticmethod
    def query(pairs: list[str]) -> QueryDict:
        params = QueryDict(mutable=True)
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not key:
                raise CommandError(f"Search parameters are name=value, not “{pair}”.")
            params.appendlist(key, value)
        return params
