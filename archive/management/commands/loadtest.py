"""python manage.py loadtest — a bounded loopback load while an ingest runs.

Starts gunicorn (``archive/gunicorn_conf.py``) on a loopback port over the archive configured by
``PENINSULA_VAR``, starts ``ingest`` of a synthetic file, and runs ``--clients`` clients for
``--seconds`` seconds over a fixed mix of pages. Reports requests, errors (5xx and failed connections), p50/p95/max latency,
then, once the ingest has finished, the database's article count beside the index's. Every
request goes to 127.0.0.1 only; the loops stop by themselves.
"""

from __future__ import annotations

import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.bench.synth import synthetic_corpus
from archive.models import Article
from archive.search.sync import backend

PAGES = (
    "/",
    "/search/?q=nuclear",
    "/search/?q=%22Kim+Jong+Un%22",
    "/search/?country=KP",
    "/search/?q=missile&country=KP&from=2010-01-01&to=2019-12-31",
    "/search/?q=kim&page=3",
    "/actors/",
    "/actors/person/kim-jong-un/",
    "/api/search/?q=seoul",
)
REQUEST_TIMEOUT = 30
# The clients stand for many readers but all come from 127.0.0.1: the served archive runs
# without per-address rate limits, so that every request is a real page, not a cheap 429.
UNLIMITED = {"API_RATE_LIMIT": "", "EXPORT_RATE_LIMIT": ""}
SERVER_STOP_SECONDS = 30  # gunicorn is given this long to stop after SIGTERM
SERVER_START_SECONDS = 60  # gunicorn must answer within this long of starting
START_POLL_SECONDS = 0.5  # how often it is asked meanwhile


class Command(BaseCommand):
    help = "Load the served archive with N clients for T seconds while an ingest runs."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=50)
        parser.add_argument("--seconds", type=float, default=60)
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--ingest", type=Path, help="file or folder ingested during the load")
        parser.add_argument("--articles", type=int, default=3000, help="synthetic articles")
        parser.add_argument("--corpus", type=Path, default=settings.CORPUS_DIR)

    def handle(self, **options):
        source = options["ingest"] or self.synthetic(options["articles"], options["corpus"])
        self.run(["migrate", "-v0"])
        self.run(["ingest", "--no-progress", "seeds"])  # something to serve from the start
        server = self.start_server(options["port"])
        try:
            ingest = subprocess.Popen(
                [sys.executable, "manage.py", "ingest", "--no-progress", str(source)],
                cwd=settings.BASE_DIR,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            results = self.load(options["port"], options["clients"], options["seconds"])
            self.stdout.write("load over; waiting for the ingest to finish")
            output, _ = ingest.communicate()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=SERVER_STOP_SECONDS)
        self.report(results, output)

    def synthetic(self, n: int, corpus: Path) -> Path:
        return synthetic_corpus(corpus, n, settings.VAR_DIR / f"load-{n}.jsonl", seed=911)

    def run(self, args: list[str]) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, check=True)

    def start_server(self, port: int) -> subprocess.Popen:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [
                str(gunicorn),
                "archive.wsgi",
                "-c",
                "archive/gunicorn_conf.py",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **UNLIMITED},
        )
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            try:
                self.fetch(port, "/")
                return server
            except OSError:
                time.sleep(START_POLL_SECONDS)
        server.kill()
        raise CommandError(
            f"gunicorn did not answer on 127.0.0.1:{port} within {SERVER_START_SECONDS} s"
        )

    @staticmethod
    def fetch(port: int, path: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def load(self, port: int, clients: int, seconds: float) -> list[tuple[float, str]]:
        results: list[tuple[float, str]] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            while time.monotonic() < stop_at:
                path = rng.choice(PAGES)
                started = time.perf_counter()
                try:
                    outcome = str(self.fetch(port, path))
                except OSError as error:
                    outcome = type(error).__name__
                with lock:
                    results.append(((time.perf_counter() - started) * 1000, outcome))

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    def report(self, results: list[tuple[float, str]], ingest_output: str) -> None:
        outcomes = Counter(outcome for _, outcome in results)
        # A 404 for an actor not yet ingested is an answer; a 5xx or a dropped connection is not.
        errors = sum(
            n for outcome, n in outcomes.items() if not outcome.startswith(("2", "3", "4"))
        )
        timings = sorted(ms for ms, _ in results)
        p95 = timings[max(0, round(0.95 * len(timings)) - 1)] if timings else 0
        self.stdout.write(
            f"{len(results)} requests, {errors} errors ({dict(outcomes)}); "
            f"p50 {statistics.median(timings) if timings else 0:.0f} ms, p95 {p95:.0f} ms, "
            f"max {timings[-1] if timings else 0:.0f} ms"
        )
        self.stdout.write("ingest: " + " / ".join(ingest_output.strip().splitlines()[-2:]))
        search = backend()
        search.setup()
        indexed = search.index.refresh().doc_count()
        stored = Article.objects.count()
        verdict = "in step" if indexed == stored else "OUT OF STEP"
        self.stdout.write(f"database {stored} articles, index {indexed} documents: {verdict}")
        if errors or indexed != stored:
            sys.exit(1)
