"""python manage.py bench_search — latency of full search pages (count, page, facets, snippets)."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.http import QueryDict

from archive.models import Article, Entity
from archive.search.service import run_search


class Command(BaseCommand):
    help = "Time typical search requests against the configured database and index."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, **options):
        person = (
            Entity.objects.filter(kind="person")
            .with_article_counts()
            .order_by("-n_articles")
            .first()
        )
        queries = [
            "",
            "q=missile",
            'q="Kim Jong Un"',
            "q=trade+surplus&sort=newest",
            "country=KP",
            "country=KP&country=US&from=2024-01-01&to=2024-12-31",
            f"person={person.slug}" if person else "q=seoul",
            "q=평양",
            "q=misile",
        ]
        self.stdout.write(f"{Article.objects.count()} articles in the database")
        started = time.perf_counter()
        run_search(QueryDict(""))
        self.stdout.write(
            f"first search (opens the searcher, builds facet maps): "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
        for query in queries:
            timings = []
            for _ in range(options["repeat"]):
                started = time.perf_counter()
                page = run_search(QueryDict(query))
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            self.stdout.write(
                f"{query or '(browse all)':55} {page.count:6} hits  "
                f"median {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms"
            )
