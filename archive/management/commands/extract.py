"""python manage.py extract --input F.jsonl --output OUT.jsonl — the evaluation contract.

Reads ``{"id","title","text"}`` records and writes, one line per record in the same order,
``{"id","persons":[{"name","aliases"}],"countries":[ISO2…],"organizations":[{"name","aliases"}]}``.
A bad line is reported on stderr with its line number and skipped.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.entities.evaluation import predict, read_records


class Command(BaseCommand):
    help = (
        "Extract persons, countries and organizations from a JSONL file of {id,title,text} records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="JSONL records, or - for stdin")
        parser.add_argument("--output", required=True, help="JSONL predictions, or - for stdout")

    def handle(self, **options):
        source = sys.stdin if options["input"] == "-" else self._open(options["input"])
        out = (
            self.stdout
            if options["output"] == "-"
            else open(options["output"], "w", encoding="utf-8")
        )
        written = failed = 0
        try:
            for _, record in read_records(source):
                if isinstance(record, str):
                    self.stderr.write(record)
                    failed += 1
                    continue
                out.write(json.dumps(predict(record), ensure_ascii=False) + "\n")
                written += 1
        finally:
            if out is not self.stdout:
                out.close()
        self.stderr.write(f"{written} records extracted, {failed} bad records skipped")

    def _open(self, path):
        try:
            return Path(path).open(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
