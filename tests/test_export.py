"""Exports of whole result sets: CSV and JSON Lines, every match, safe in a spreadsheet."""

import csv
import io
import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from archive.export import batches, records, spreadsheet_safe
from tests.base import IndexedTestCase, actor, document, utc

BODY = "Kim Jong Un and Moon Jae-in met. North Korea and the United Nations Command spoke."


class ExportWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.articles = []
        for n in range(7):
            body = f"Report {n}. {BODY}"
            actors = [actor("person", "Kim Jong Un", body)]
            if n % 2:
                actors += [
                    actor("person", "Moon Jae-in", body),
                    actor("country", "North Korea", body, code="KP"),
                    actor("organization", "United Nations Command", body),
                ]
            cls.articles.append(
                cls.add(
                    document(
                        f'=HYPERLINK("http://evil") report {n}' if n == 3 else f"Report {n}",
                        body,
                        source="@Wire" if n == 5 else "Yonhap",
                        published=utc(2020, 1, n + 1, 12),
                        url="javascript:alert(1)" if n == 1 else f"https://news.example/{n}",
                    ),
                    actors,
                )
            )
        cls.index_all()

    def csv_rows(self, query=""):
        response = self.client.get(reverse("archive:export-csv") + query)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.streaming)
        text = b"".join(response.streaming_content).decode()
        return list(csv.DictReader(io.StringIO(text)))

    def jsonl_rows(self, query=""):
        response = self.client.get(reverse("archive:export-jsonl") + query)
        self.assertEqual(response.status_code, 200)
        lines = b"".join(response.streaming_content).decode().splitlines()
        return [json.loads(line) for line in lines]


class ExportTests(ExportWorld):
    def test_every_match_is_exported_not_one_page(self):
        rows = self.jsonl_rows("?person=kim-jong-un")
        self.assertEqual(len(rows), 7)
        self.assertEqual([r["title"] for r in rows][-1], "Report 0")  # newest first

    def test_records_come_in_batches_in_the_order_of_the_ids(self):
        ids = [a.pk for a in reversed(self.articles)]
        self.assertEqual([len(b) for b in batches(ids, size=3)], [3, 3, 1])
        self.assertEqual([r["id"] for r in records(ids, size=2)], ids)

    def test_filters_narrow_the_export(self):
        rows = self.csv_rows("?country=kp")
        self.assertEqual(len(rows), 3)
        self.assertEqual({r["countries"] for r in rows}, {"KP"})

    def test_a_row_holds_ids_and_names_of_the_actors(self):
        row = self.jsonl_rows("?q=%22Report+5%22")[0]
        self.assertEqual(row["id"], self.articles[5].pk)
        self.assertEqual(row["url"], "https://news.example/5")
        self.assertEqual(row["published"], "2020-01-06T12:00:00+00:00")
        self.assertEqual(row["language"], "en")
        self.assertEqual(
            row["persons"],
            [
                {"id": "kim-jong-un", "name": "Kim Jong Un"},
                {"id": "moon-jae-in", "name": "Moon Jae-in"},
            ],
        )
        self.assertEqual(row["countries"], [{"id": "KP", "name": "North Korea"}])
        self.assertEqual(row["organizations"][0]["id"], "united-nations-command")

    def test_csv_joins_several_actors_in_one_cell(self):
        row = next(r for r in self.csv_rows() if r["id"] == str(self.articles[5].pk))
        self.assertEqual(row["persons"], "kim-jong-un; moon-jae-in")
        self.assertEqual(row["persons_names"], "Kim Jong Un; Moon Jae-in")

    def test_a_url_that_is_not_http_is_left_empty(self):
        row = next(r for r in self.jsonl_rows() if r["id"] == self.articles[1].pk)
        self.assertEqual(row["url"], "")

    def test_csv_cells_cannot_become_formulas(self):
        rows = self.csv_rows()
        titles = {r["title"] for r in rows}
        self.assertIn('\'=HYPERLINK("http://evil") report 3', titles)
        self.assertIn("'@Wire", {r["outlet"] for r in rows})

    def test_spreadsheet_safe_neutralises_every_formula_start(self):
        for start in "=+-@\t\r":
            self.assertEqual(spreadsheet_safe(start + "1"), "'" + start + "1")
        self.assertEqual(spreadsheet_safe("Kim 1+1"), "Kim 1+1")

    def test_an_empty_result_set_gives_a_header_only(self):
        self.assertEqual(self.csv_rows("?q=zzzznothing"), [])
        self.assertEqual(self.jsonl_rows("?q=zzzznothing"), [])

    def test_hostile_parameters_give_a_file_not_an_error(self):
        for query in (
            "?page=-1&sort=%00",
            "?country=%3Cscript%3E&from=notadate",
            "?q=" + "(" * 600,
        ):
            self.assertEqual(
                self.client.get(reverse("archive:export-csv") + query).status_code, 200
            )

    def test_the_command_writes_the_same_rows_offline(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "out.jsonl"
            call_command(
                "export",
                "person=moon-jae-in",
                "--format",
                "jsonl",
                "-o",
                str(path),
                stderr=io.StringIO(),
            )
            offline = [json.loads(line) for line in path.read_text().splitlines()]
        self.assertEqual(offline, self.jsonl_rows("?person=moon-jae-in"))
