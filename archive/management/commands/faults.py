"""python manage.py faults — kill -9 an ingest at random points, rerun it, check nothing is lost.

Each trial starts from an empty archive in a directory of its own, ingests a synthetic file,
sends SIGKILL to the ingest process at a random moment of a full run (the first, unbroken run
measures how long that is, so late points fall in the index phase), looks for processes the
killed ingest left behind, reruns the ingest to the end and then checks: every article of the
file stored once, the index holding exactly the database's articles, no actor stored twice.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.bench.synth import synthetic_corpus

SETTLE_SECONDS = 2  # after a kill, before looking for processes left behind

CHECK = r"""
import json, django
django.setup()
from django.db.models import Count
from haystack import connections
from archive.models import Article, Entity
backend = connections["default"].get_backend()
backend.setup()
searcher = backend.index.refresh().searcher()
indexed = [int(f["django_id"]) for f in searcher.all_stored_fields()]
stored = set(Article.objects.values_list("pk", flat=True))
twice = Entity.objects.values("kind", "name").annotate(n=Count("id")).filter(n__gt=1).count()
print(json.dumps({"stored": len(stored), "indexed": len(indexed),
                  "missing": len(stored - set(indexed)), "extra": len(set(indexed) - stored),
                  "indexed_twice": len(indexed) - len(set(indexed)), "actors_twice": twice}))
"""


class Command(BaseCommand):
    help = "Kill -9 an ingest at random points, rerun it and check database and index."

    def add_arguments(self, parser):
        parser.add_argument("--trials", type=int, default=10)
        parser.add_argument("--articles", type=int, default=600)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--corpus", type=Path, default=settings.CORPUS_DIR)

    def handle(self, **options):
        rng = random.Random(options["seed"])
        workdir = Path(tempfile.mkdtemp(prefix="peninsula-faults-"))
        try:
            source = self.synthetic(workdir, options["articles"], options["corpus"])
            full = self.clean_run(workdir / "clean", source)
            self.stdout.write(f"an unbroken ingest of {options['articles']} articles: {full:.1f} s")
            failures = sum(
                not self.trial(workdir / f"trial-{i}", source, rng.uniform(0.5, full), i)
                for i in range(1, options["trials"] + 1)
            )
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        self.stdout.write(f"{options['trials'] - failures} of {options['trials']} trials clean")
        if failures:
            sys.exit(1)

    def synthetic(self, workdir: Path, n: int, corpus: Path) -> Path:
        return synthetic_corpus(corpus, n, workdir / "faults.jsonl", seed=913)

    def clean_run(self, var: Path, source: Path) -> float:
        self.manage(var, "migrate", "-v0")
        started = time.perf_counter()
        self.manage(var, "ingest", "--no-progress", str(source))
        return time.perf_counter() - started

    def trial(self, var: Path, source: Path, kill_after: float, number: int) -> bool:
        self.manage(var, "migrate", "-v0")
        ingest = subprocess.Popen(
            self.command("ingest", "--no-progress", str(source)),
            cwd=settings.BASE_DIR,
            env=self.env(var),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(kill_after)
        finished_first = ingest.poll() is not None
        ingest.send_signal(signal.SIGKILL)  # the ingest process only: its reader must follow
        ingest.wait()
        time.sleep(SETTLE_SECONDS)
        left = self.left_behind(var)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        rerun = subprocess.run(
            self.command("ingest", "--no-progress", str(source)),
            cwd=settings.BASE_DIR,
            env=self.env(var),
            capture_output=True,
            text=True,
        )
        figures = json.loads(self.manage(var, "shell", "-c", CHECK).strip().splitlines()[-1])
        clean = self.verdict(figures, left, rerun.returncode, source)
        when = "after it had finished" if finished_first else f"at {kill_after:.1f} s"
        self.stdout.write(
            f"trial {number}: killed {when}; {len(left)} process(es) left behind; rerun exit "
            f"{rerun.returncode}; {json.dumps(figures)} → {'clean' if clean else 'FAULT'}"
        )
        shutil.rmtree(var, ignore_errors=True)
        return clean

    @staticmethod
    def verdict(figures: dict, left: list[int], returncode: int, source: Path) -> bool:
        expected = sum(1 for line in source.open(encoding="utf-8") if line.strip())
        return (
            not left
            and returncode == 0
            and figures["stored"] == expected
            and figures["indexed"] == figures["stored"]
            and not (figures["missing"] or figures["extra"] or figures["indexed_twice"])
            and not figures["actors_twice"]
        )

    @staticmethod
    def left_behind(var: Path) -> list[int]:
        """Processes still running with this trial's PENINSULA_VAR in their environment."""
        marker = f"PENINSULA_VAR={var}".encode()
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit() or int(proc.name) == os.getpid():
                continue
            try:
                if marker in (proc / "environ").read_bytes().split(b"\0"):
                    found.append(int(proc.name))
            except OSError:
                continue
        return found

    def manage(self, var: Path, *args: str) -> str:
        done = subprocess.run(
            self.command(*args),
            cwd=settings.BASE_DIR,
            env=self.env(var),
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise CommandError(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return done.stdout

    @staticmethod
    def command(*args: str) -> list[str]:
        return [sys.executable, "manage.py", *args]

    @staticmethod
    def env(var: Path) -> dict:
        env = {**os.environ, "PENINSULA_VAR": str(var)}
        for name in ("DATABASE_PATH", "WHOOSH_PATH", "DATABASE_URL"):
            env.pop(name, None)
        return env
