"""python manage.py ingest PATH… — files and directories into the archive."""

import json
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.actors import sync_gazetteer
from archive.ingest import pipeline
from archive.ingest.index_process import indexing_alongside
from archive.ingest.index_writer import index_writer
from archive.ingest.store import retrying
from archive.management.commands.sync_index import report_repair
from archive.models import IndexQueue
from archive.search.sync import leave_columns, repair_index, sync_index


def lower_priority(niceness: int) -> None:
    """Lower this process's CPU priority (its reader child inherits it) by ``niceness``."""
    if niceness > 0 and hasattr(os, "nice"):
        os.nice(niceness)


class Command(BaseCommand):
    help = (
        "Ingest saved pages (.html), web archives (.warc/.warc.gz/.arc), dataset files "
        "(.jsonl/.json) and text dumps (.txt). Re-running changes nothing. Bad files are "
        "reported with their path and reason; the exit status is 1 if any failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="parse only; no database, no index"
        )
        parser.add_argument(
            "--json", action="store_true", help="with --dry-run: one JSON object per document"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--report",
            type=Path,
            metavar="FILE",
            help="write one JSON line per skipped or failed record (file, record, status, reason)",
        )

    def handle(self, *paths, **options):
        paths = options["paths"]
        if options["json"] and not options["dry_run"]:
            raise CommandError("--json is only available with --dry-run")
        self.options, self.records = options, None
        lower_priority(settings.INGEST_NICENESS)
        progress = self.progress_bar(options, paths)
        self.tally = pipeline.Tally()  # counted by the pipeline, read by the progress bar
        self.report_file = self.open_report(options["report"])
        try:
            tally = self.run(paths, options, progress)
        finally:
            if self.report_file is not None:
                self.report_file.close()
        if tally.counts[pipeline.FAILED]:
            sys.exit(1)

    def run(self, paths, options, progress):
        if options["dry_run"]:
            tally = pipeline.dry_run(
                paths, lambda e: self.report_dry(e, options["json"], progress), self.tally
            )
        else:
            retrying(sync_gazetteer)
            with indexing_alongside() as alongside:
                tally = pipeline.ingest(paths, lambda e: self.report(e, progress), self.tally)
            if progress is not None:
                progress.close()
                progress = None
            self.update_index(alongside)
        if progress is not None:
            progress.close()
        self.stderr.write(tally.summary()) if options["json"] else self.stdout.write(
            tally.summary()
        )
        return tally

    def update_index(self, alongside):
        """Apply the rest of the index queue (and repair a lost index), one ingest at a
        time; ``alongside``: what the indexer process did while articles were stored."""
        with index_writer(self.stderr.write):
            with self.index_bar() as bar:
                updated, removed = sync_index(progress=bar.update if bar else None)
            if alongside.updated + alongside.removed and not updated + removed:
                leave_columns()  # the indexer process left the new segments' columns to us
            updated, removed = updated + alongside.updated, removed + alongside.removed
            self.stdout.write(f"index: {updated} articles updated, {removed} removed")
            report_repair(self.stdout, repair_index())

    @contextmanager
    def index_bar(self):
        """The index phase's bar (queued articles), on a terminal that shows progress."""
        if self.quiet(self.options) or not IndexQueue.objects.exists():
            yield None
            return
        from tqdm import tqdm

        bar = tqdm(total=IndexQueue.objects.count(), desc="index", unit="doc", file=sys.stderr)
        try:
            yield bar
        finally:
            bar.close()

    def progress_bar(self, options, paths):
        """Documents of a JSONL input (lines counted first), else bytes of input read; with
        a total, so with an ETA. None when quiet."""
        if self.quiet(options):
            return None
        from tqdm import tqdm

        self.records = pipeline.record_total(paths)
        if self.records is not None:
            return tqdm(total=self.records, unit="doc", file=sys.stderr, dynamic_ncols=True)
        return tqdm(
            total=pipeline.input_size(paths),
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=sys.stderr,
            dynamic_ncols=True,
        )

    @staticmethod
    def quiet(options) -> bool:
        return options["no_progress"] or not sys.stderr.isatty()

    @staticmethod
    def open_report(path):
        if path is None:
            return None
        try:
            return path.open("w", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write the report {path}: {error.strerror}") from None

    def report(self, event, progress):
        if progress is not None:
            self.show_progress(event, progress)
        if self.report_file is not None and event.status in (pipeline.SKIPPED, pipeline.FAILED):
            line = json.dumps(report_line(event), ensure_ascii=False)
            self.report_file.write(line + "\n")
        if event.status == pipeline.FAILED or event.shown:
            label = "FAILED" if event.status == pipeline.FAILED else "SKIPPED"
            line = self.style.ERROR(f"{label} {event.origin}: {event.detail}")
            (
                progress.write(line, file=sys.stderr)
                if progress is not None
                else self.stderr.write(line)
            )

    def show_progress(self, event, progress):
        if event.status == pipeline.READ:
            if self.records is None:
                progress.update(int(event.detail))
            return
        if self.records is not None and not event.shown:
            progress.update(1)
        counts = self.tally.counts
        docs = counts.total() - counts[pipeline.READ] - counts[pipeline.SKIPPED]
        docs -= counts[pipeline.FAILED]
        progress.set_postfix_str(f"{docs} docs, {counts[pipeline.FAILED]} failed", refresh=False)

    def report_dry(self, event, as_json, progress):
        self.report(event, progress)
        if event.document is None:
            return
        if as_json:
            self.stdout.write(
                json.dumps(pipeline.document_json(event.document), ensure_ascii=False)
            )
        else:
            doc = event.document
            self.stdout.write(
                f"{doc.origin}: {doc.title!r} ({doc.source or '?'}, {doc.published or '?'})"
            )


def report_line(event) -> dict:
    """A skipped or failed record as a line of ``--report``: its file, the record within
    the file when there is one (``line N`` of a dataset, ``offset N`` of a web archive, or
    the record's id), status and reason."""
    file, record = event.origin, None
    head, mark, tail = event.origin.rpartition("#")
    if mark and Path(head).exists():
        file, record = head, tail
        if re.fullmatch(r"line\d+", tail):
            record = f"line {tail[4:]}"
        elif tail.isdigit() and pipeline.is_archive(head):
            record = f"offset {tail}"
    return {"file": file, "record": record, "status": event.status, "reason": event.detail}
