"""python manage.py bench_export [--format csv|jsonl|both] [name=value …]

Streams the CSV and JSON Lines exports of every article (or of a search) through the real
views, in-process, discarding the bytes, and reports rows/s and the growth of the process's
resident memory (sampled at every streamed chunk) over what it was before the export. The
index is opened first (as in a running worker), so its loading is not counted.
Run it on the archive in PENINSULA_VAR, e.g. a synthetic 100k one (``make_synth.py``).
"""

import resource
import time
from urllib.parse import urlencode

from django.core.management.base import BaseCommand
from django.test import Client, override_settings
from django.urls import reverse

from archive.management.commands.export import Command as ExportCommand
from archive.management.commands.fuzz import host
from archive.search.request import SearchRequest
from archive.search.service import backend

ROUTES = {"csv": "archive:export-csv", "jsonl": "archive:export-jsonl"}
MB = 1024 * 1024


def rss_bytes() -> int:
    """The process's resident memory now (Linux ``/proc``; else its peak so far)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def stream(url: str) -> tuple[int, int, int, int]:
    """(status, rows, bytes, peak RSS) of streaming ``url``: rows are lines after the CSV
    header, or JSON lines."""
    client = Client(HTTP_HOST=host())
    with override_settings(EXPORT_RATE_LIMIT=""):
        response = client.get(url)
        newlines, size, peak = 0, 0, rss_bytes()
        for chunk in response.streaming_content if response.streaming else [response.content]:
            newlines, size = newlines + chunk.count(b"\n"), size + len(chunk)
            peak = max(peak, rss_bytes())
    header = 1 if url.split("?")[0].endswith(".csv") else 0
    return response.status_code, max(0, newlines - header), size, peak


class Command(BaseCommand):
    help = "Measure export speed (rows/s) and memory growth on this archive."

    def add_arguments(self, parser):
        parser.add_argument("params", nargs="*", help="search parameters: q=words country=KP …")
        parser.add_argument("--format", choices=["csv", "jsonl", "both"], default="both")

    def handle(self, *args, **options):
        query = urlencode(list(ExportCommand.query(options["params"]).lists()), doseq=True)
        formats = ["csv", "jsonl"] if options["format"] == "both" else [options["format"]]
        # Open the index and read its columns first: what a running worker already holds.
        backend().execute(SearchRequest(per_page=1))
        for fmt in formats:
            self.measure(fmt, reverse(ROUTES[fmt]) + ("?" + query if query else ""))

    def measure(self, fmt: str, url: str) -> None:
        before = rss_bytes()
        started = time.perf_counter()
        status, rows, size, peak = stream(url)
        seconds = time.perf_counter() - started
        rate = rows / seconds if seconds else 0.0
        self.stdout.write(
            f"{fmt}: HTTP {status}, {rows} rows, {size / MB:.1f} MB in {seconds:.2f} s "
            f"({rate:,.0f} rows/s); RSS growth {(peak - before) / MB:.1f} MB "
            f"(before {before / MB:.0f} MB, peak {peak / MB:.0f} MB)"
        )
