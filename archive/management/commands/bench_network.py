"""python manage.py bench_network [name=value …] [--repeat N]

Times the actor network of a search (default ``person=kim-jong-un``) through the real SVG
route (every hit: search, mentions, layout, rendering) and the page's search (the drawing
included), in-process, after one warm-up request; reports the median and the worst.
"""

import statistics
import time
from urllib.parse import urlencode

from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from django.urls import reverse

from archive.management.commands.export import Command as ExportCommand
from archive.management.commands.fuzz import host

ROUTES = (("network.svg", "archive:network-svg"), ("search page", "archive:search"))


def timings(client: Client, url: str, repeat: int) -> list[float]:
    """Seconds of ``repeat`` requests for ``url`` after one warm-up."""
    with override_settings(EXPORT_RATE_LIMIT="", API_RATE_LIMIT=""):
        if client.get(url).status_code != 200:
            raise CommandError(f"{url} did not answer 200")
        found = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            found.append(time.perf_counter() - started)
    return found


class Command(BaseCommand):
    help = "Time the actor network of a search (SVG route and search page)."

    def add_arguments(self, parser):
        parser.add_argument("params", nargs="*", help="search parameters (person=kim-jong-un)")
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, **options):
        params = ExportCommand.query(options["params"] or ["person=kim-jong-un"])
        query = urlencode(list(params.lists()), doseq=True)
        client = Client(HTTP_HOST=host())
        for label, name in ROUTES:
            found = timings(client, f"{reverse(name)}?{query}", max(1, options["repeat"]))
            self.stdout.write(
                f"{label} ({query}): median {statistics.median(found) * 1000:.0f} ms, "
                f"worst {max(found) * 1000:.0f} ms over {len(found)} requests"
            )
