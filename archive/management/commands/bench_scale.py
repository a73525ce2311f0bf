"""python manage.py bench_scale --n N — ingest and page latency at scale, beside SQLite FTS5.

Builds a deterministic synthetic corpus of N articles (``shared/tools/make_synth.py``), ingests it
into the archive configured by ``PENINSULA_VAR`` (the Makefile gives each N its own), reports
ingest wall and CPU time, documents/s, peak RSS, database and index size and the time of a
second ingest that changes nothing; then times a fixed mix of pages through the real view stack
(Django's test client: URL routing, views, templates), each page once cold (first request for
that URL in this process) and ``--repeat`` times warm, and the same mix on an SQLite FTS5
reference built from the same rows, printing p50/p95 and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from archive import gunicorn_conf
from archive.bench import fts5
from archive.bench.synth import synthetic_corpus
from archive.models import Article, Entity, Source
from archive.search.vocabulary import FACETS

# The archive's own facet vocabulary: URL parameter → index field (the reference names its
# actor and outlet columns by the same fields).
FIELD_FOR_PARAM = {facet.param: facet.field for facet in FACETS}


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


class Command(BaseCommand):
    help = "Scale benchmark: synthetic corpus → ingest → page latency vs SQLite FTS5."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, default=10_000, help="articles to synthesise")
        parser.add_argument("--repeat", type=int, default=20, help="warm repetitions per page")
        parser.add_argument("--corpus", type=Path, default=settings.CORPUS_DIR)
        parser.add_argument(
            "--skip-ingest", action="store_true", help="time pages on the archive as it is"
        )
        parser.add_argument("--first-request", help=argparse.SUPPRESS, default="")
        parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)

    def handle(self, **options):
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns otherwise
        if options["first_request"]:
            return self.first_request(options["first_request"], options["warm"])
        if not options["skip_ingest"]:
            self.ingest_corpus(options["n"], options["corpus"])
        mix = self.page_mix()
        self.stdout.write(f"{Article.objects.count()} articles; {len(mix)} pages in the mix")
        self.report_first_request(mix[1][1])
        self.compare(mix, options["repeat"])
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"this process (a worker's work) peak RSS: {rss:.0f} MB")

    # -- ingest -------------------------------------------------------------------------

    def ingest_corpus(self, n: int, corpus: Path) -> None:
        jsonl = synthetic_corpus(corpus, n, settings.VAR_DIR / f"synth-{n}.jsonl")
        self.run([sys.executable, "manage.py", "migrate", "-v0"])
        for label in ("ingest", "second ingest (nothing new)"):
            self.timed_ingest(label, jsonl, n)
        db = Path(settings.DATABASES["default"]["NAME"])
        index = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
        self.stdout.write(
            f"database {db.stat().st_size / 2**20:.0f} MB (SQLite file; other engines: see their "
            f"own tools), index {directory_size(index) / 2**20:.0f} MB"
        )

    def timed_ingest(self, label: str, jsonl: Path, n: int) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        output = self.run([sys.executable, "manage.py", "ingest", "--no-progress", str(jsonl)])
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        self.stdout.write(
            f"{label}: {wall:.1f} s wall, {cpu:.0f} CPU-s, {n / wall:.1f} articles/s, "
            f"peak RSS of any ingest process so far {after.ru_maxrss / 1024:.0f} MB"
        )
        self.stdout.write("  " + output.strip().splitlines()[-1])

    def run(self, command: list[str], **env) -> str:
        done = subprocess.run(
            command,
            cwd=settings.BASE_DIR,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise CommandError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
        return done.stdout

    # -- the page mix -------------------------------------------------------------------

    def page_mix(self) -> list[tuple[str, str]]:
        person = self.top_slug("person")
        org = self.top_slug("organization")
        source = Source.objects.order_by("pk").values_list("slug", flat=True).first() or "x"
        article = Article.objects.order_by("pk").values_list("pk", flat=True).first() or 1
        return [
            ("browse all + facets", "/search/"),
            ("common term", "/search/?q=nuclear"),
            ("rare term", "/search/?q=naphtha"),
            ("phrase", '/search/?q="Kim+Jong+Un"'),
            ("country filter", "/search/?country=KP"),
            ("person filter", f"/search/?person={person}"),
            ("organization filter", f"/search/?org={org}"),
            ("source filter", f"/search/?source={source}"),
            ("two filters", f"/search/?country=KP&person={person}"),
            ("date range", "/search/?from=2010-01-01&to=2019-12-31"),
            (
                "full page",
                f"/search/?q=nuclear&country=KP&person={person}&from=2010-01-01&to=2019-12-31",
            ),
            ("sort newest", "/search/?q=kim&sort=newest"),
            ("page 200", "/search/?q=kim&page=200"),
            ("home", "/"),
            ("actor page", f"/actors/person/{person}/"),
            ("article page", f"/articles/{article}/"),
            ("/actors/", "/actors/"),
        ]

    @staticmethod
    def top_slug(kind: str) -> str:
        top = Entity.objects.filter(kind=kind).with_article_counts().order_by("-n_articles")
        return top.values_list("slug", flat=True).first() or "x"

    def compare(self, mix, repeat: int) -> None:
        reference = self.reference()
        client = Client()
        started = time.perf_counter()
        gunicorn_conf.post_worker_init(worker=None)  # as every gunicorn worker starts
        self.stdout.write(f"worker warm-up {(time.perf_counter() - started) * 1000:.0f} ms")
        self.stdout.write(
            f"{'page':22} {'cold':>7} {'p50':>7} {'p95':>7} | {'FTS5 p50':>8} {'p95':>7} | "
            "p95 ratio  (ms)"
        )
        for name, url in mix:
            cold, warm = self.time_page(lambda u=url: self.get(client, u), repeat)
            _, ref = self.time_page(lambda u=url: self.reference_page(reference, u), repeat)
            ratio = percentile(warm, 0.95) / max(percentile(ref, 0.95), 0.1)
            self.stdout.write(
                f"{name:22} {cold:7.1f} {statistics.median(warm):7.1f} "
                f"{percentile(warm, 0.95):7.1f} | {statistics.median(ref):8.1f} "
                f"{percentile(ref, 0.95):7.1f} | {ratio:5.1f}x"
            )

    @staticmethod
    def get(client: Client, url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")

    @staticmethod
    def time_page(call, repeat: int) -> tuple[float, list[float]]:
        timings = []
        for _ in range(repeat + 1):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        return timings[0], timings[1:]

    def reference(self):
        started = time.perf_counter()
        db = fts5.build(settings.VAR_DIR / "fts5-reference.sqlite3")
        self.stdout.write(f"FTS5 reference built in {time.perf_counter() - started:.1f} s")
        return db

    @staticmethod
    def reference_page(db, url: str):
        path, _, query = url.partition("?")
        params = parse_qsl(query.replace('"', "%22"))
        if path == "/":
            return fts5.home(db)
        if path == "/actors/":
            return fts5.actor_list(db)
        if path.startswith("/actors/"):
            return fts5.actor_page(db, "persons", path.rstrip("/").rsplit("/", 1)[1])
        if path.startswith("/articles/"):
            pk = int(path.strip("/").split("/")[1])
            return db.execute("SELECT title, body FROM fts WHERE rowid = ?", (pk,)).fetchone()
        return fts5.search(db, reference_request(params))

    # -- the first request of a fresh process --------------------------------------------

    def report_first_request(self, url: str) -> None:
        """The first request of a fresh process, as is and after the warm-up that gunicorn
        runs in each worker before it takes requests (``post_worker_init``)."""
        for label, flag in (("", []), (" after the worker's warm-up", ["--warm"])):
            started = time.perf_counter()
            command = [sys.executable, "manage.py", "bench_scale", "--first-request", url]
            figures = json.loads(self.run(command + flag))
            total = (time.perf_counter() - started) * 1000
            warm = f" (warm-up {figures['warm_ms']:.0f} ms)" if flag else ""
            self.stdout.write(
                f"first request after a restart{label} ({url}): {figures['ms']:.0f} ms{warm} "
                f"(process start to answer {total:.0f} ms), worker RSS after it "
                f"{figures['rss_mb']:.0f} MB"
            )

    def first_request(self, url: str, warm: bool) -> None:
        started = time.perf_counter()
        if warm:
            gunicorn_conf.post_worker_init(worker=None)
        warm_ms = (time.perf_counter() - started) * 1000
        client = Client()
        started = time.perf_counter()
        self.get(client, url)
        ms = (time.perf_counter() - started) * 1000
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(json.dumps({"ms": ms, "warm_ms": warm_ms, "rss_mb": rss}))


def reference_request(params: list[tuple[str, str]]) -> fts5.Request:
    """The FTS5 reference's reading of a search URL's parameters."""
    request = fts5.Request()
    for key, value in params:
        if key == "q":
            request.q = value
        elif key in FIELD_FOR_PARAM:
            request.filters.append((FIELD_FOR_PARAM[key], value))
        elif key in ("from", "to"):
            day = fts5.day_number(fts5.date.fromisoformat(value))
            setattr(request, "day_from" if key == "from" else "day_to", day)
        elif key == "sort":
            request.sort = value
        elif key == "page":
            request.page = int(value)
    return request
