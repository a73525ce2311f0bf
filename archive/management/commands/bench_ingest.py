"""python manage.py bench_ingest — end-to-end ingest throughput on the development corpus."""

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SUMMARY_RE = re.compile(r"(\d+) new, (\d+) unchanged, (\d+) failed")


def corpus_paths(corpus: Path) -> list[Path]:
    """The 1,200-article JSONL corpus plus the saved HTML pages and the WARC files."""
    paths = sorted(corpus.glob("*.jsonl")) + [corpus / "html", corpus / "warc"]
    missing = [p for p in paths if not p.exists()]
    if missing or not paths:
        raise CommandError(f"corpus not found: {missing or corpus}")
    return paths


class Command(BaseCommand):
    help = (
        "Ingest the corpus from scratch into a fresh database and index (parse, extract, "
        "store, index), report documents per second, then ingest again and check that "
        "nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=settings.CORPUS_DIR)
        parser.add_argument("--var", type=Path, help="keep the database and index here")

    def handle(self, **options):
        paths = corpus_paths(options["corpus"])
        var = options["var"] or Path(tempfile.mkdtemp(prefix="peninsula-bench-"))
        env = {**os.environ, "PENINSULA_VAR": str(var.resolve())}
        env.pop("DATABASE_PATH", None)
        env.pop("WHOOSH_PATH", None)
        env.pop("DATABASE_URL", None)  # the benchmark archive is its own SQLite file in --var
        self.run([sys.executable, "manage.py", "migrate", "-v0"], env)
        for attempt in ("first run (from scratch)", "second run (everything known)"):
            started = time.perf_counter()
            output = self.run(
                [sys.executable, "manage.py", "ingest", "--no-progress", *map(str, paths)],
                env,
                check=False,
            )
            seconds = time.perf_counter() - started
            match = SUMMARY_RE.search(output)
            if not match:
                raise CommandError(f"no summary in ingest output:\n{output}")
            new, unchanged, failed = map(int, match.groups())
            docs = new + unchanged
            self.stdout.write(
                f"{attempt}: {match.group(0)} in {seconds:.1f} s = "
                f"{docs / seconds:.1f} documents/s end to end"
            )
            for line in output.splitlines():
                if line.startswith(("FAILED", "index:")) or "skipped" in line:
                    self.stdout.write(f"  {line}")
        self.stdout.write(f"database and index kept in {var}")

    def run(self, command, env, check=True) -> str:
        done = subprocess.run(
            command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
        )
        if check and done.returncode:
            raise CommandError(done.stderr)
        return done.stdout + done.stderr
