"""The scale benchmark's FTS5 reference agrees with the archive it is compared against."""

import tempfile
from pathlib import Path

from django.core.management.base import CommandError
from django.test import SimpleTestCase

from archive.bench import fts5
from archive.bench.synth import synthetic_corpus
from archive.management.commands.bench_scale import reference_request
from tests.test_search import SearchWorld


class FTS5ReferenceTests(SearchWorld):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = fts5.build(Path(self.tmp.name) / "reference.sqlite3")

    def tearDown(self):
        self.db.close()
        self.tmp.cleanup()

    def count(self, query: str) -> int:
        request = reference_request([tuple(p.split("=", 1)) for p in query.split("&") if p])
        return fts5.search(self.db, request)[0]

    def test_the_reference_counts_what_the_archive_counts(self):
        for query in (
            "",
            "q=missile",
            "country=US",
            "country=KP&q=missile",
            "source=kcna",
            "from=2024-01-01&to=2024-12-31",
            "person=moon-jae-in",
        ):
            with self.subTest(query=query):
                self.assertEqual(self.count(query), self.api("?" + query)["count"])

    def test_a_phrase_is_matched_as_a_phrase(self):
        self.assertEqual(self.count('q="ballistic missile"'), 1)
        self.assertEqual(self.count('q="missile ballistic"'), 0)

    def test_input_syntax_is_quoted_not_interpreted(self):
        self.assertEqual(
            fts5.match_expression('kim NOT "jong un" OR('),
            '"kim" AND "NOT" AND "jong un" AND "OR("',
        )

    def test_facets_count_actors_of_the_hits(self):
        facets = fts5.search(self.db, reference_request([("q", "missile")]))[2]
        self.assertIn((1, "KP"), facets["countries"])


class SyntheticCorpusTests(SimpleTestCase):
    def test_it_builds_n_articles_once_and_the_same_each_time(self):
        from django.conf import settings

        with tempfile.TemporaryDirectory() as tmp:
            first = synthetic_corpus(settings.CORPUS_DIR, 5, Path(tmp) / "a.jsonl", seed=3)
            second = synthetic_corpus(settings.CORPUS_DIR, 5, Path(tmp) / "b.jsonl", seed=3)
            self.assertEqual(len(first.read_text().splitlines()), 5)
            self.assertEqual(first.read_text(), second.read_text())

    def test_a_missing_tool_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesMessage(CommandError, "make_synth.py not found"):
                synthetic_corpus(Path(tmp) / "corpus", 5, Path(tmp) / "a.jsonl")
