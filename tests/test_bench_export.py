"""``manage.py bench_export`` streams both exports through the real views and reports rows,
rows/s and memory growth."""

import re
from io import StringIO

from django.core.management import call_command

from tests.test_export import ExportWorld

LINE = re.compile(
    r"^(csv|jsonl): HTTP 200, (\d+) rows, [\d.]+ MB in [\d.]+ s \(([\d,]+) rows/s\); "
    r"RSS growth -?[\d.]+ MB \(before \d+ MB, peak \d+ MB\)$"
)


class BenchExportTests(ExportWorld):
    def bench(self, *args):
        out = StringIO()
        call_command("bench_export", *args, stdout=out)
        return [LINE.match(line) for line in out.getvalue().splitlines()]

    def test_it_streams_both_exports_of_every_article_and_reports_the_rate(self):
        found = self.bench()
        self.assertTrue(all(found), found)
        self.assertEqual([(m[1], int(m[2])) for m in found], [("csv", 7), ("jsonl", 7)])
        self.assertTrue(all(int(m[3].replace(",", "")) > 0 for m in found))

    def test_it_can_bench_one_format_of_one_search(self):
        found = self.bench("--format", "jsonl", "person=moon-jae-in")
        self.assertEqual([(m[1], int(m[2])) for m in found], [("jsonl", 3)])
