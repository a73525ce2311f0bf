"""python manage.py bench_extract — extraction speed over the English JSONL corpus."""

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.entities.gazetteer import Gazetteer
from archive.entities.pipeline import extract

TYPICAL_CHARS = (2500, 3500)  # the length of a typical article, timed on its own

CORPUS_FILES = (
    "kcna_stiles-north-korea-news.jsonl",
    "reuters21578_korea.jsonl",
    "dailymail_finescoop_korea.jsonl",
)


class Command(BaseCommand):
    help = "Time entity extraction alone over the 1,200 English corpus articles (one core)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            type=Path,
            default=settings.CORPUS_DIR,
        )

    def handle(self, **options):
        records = self._records(options["corpus"])
        started = time.perf_counter()
        Gazetteer.default()
        loaded = time.perf_counter()
        actors = sum(len(extract(r.get("title") or "", r.get("text") or "")) for r in records)
        done = time.perf_counter()
        chars = sum(len(r.get("title") or "") + len(r.get("text") or "") for r in records)
        seconds = done - loaded
        self.stdout.write(
            f"{len(records)} articles, mean {chars / len(records):,.0f} chars/article, "
            f"{actors} actors\n"
            f"gazetteer load {loaded - started:.2f} s; extraction {seconds:.2f} s = "
            f"{len(records) / seconds:,.0f} articles/s ({chars / seconds / 1e6:.2f} M chars/s)"
        )
        self._sized(records, *TYPICAL_CHARS)

    def _sized(self, records, low: int, high: int) -> None:
        """The same timing on the articles of about 3,000 characters only."""
        sized = [r for r in records if low <= len(r.get("text") or "") <= high]
        if not sized:
            return
        started = time.perf_counter()
        for r in sized:
            extract(r.get("title") or "", r.get("text") or "")
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"articles of {low:,}-{high:,} chars: {len(sized)} in {seconds:.2f} s = "
            f"{len(sized) / seconds:,.0f} articles/s"
        )

    def _records(self, corpus: Path) -> list[dict]:
        records = []
        for name in CORPUS_FILES:
            path = corpus / name
            if not path.exists():
                raise CommandError(f"corpus file not found: {path}")
            with path.open(encoding="utf-8") as lines:
                records += [json.loads(line) for line in lines if line.strip()]
        return records
