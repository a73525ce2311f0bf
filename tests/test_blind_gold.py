"""The blind development sets (archive/entities/gold/blind/ and blind2/articles.jsonl) are
well-formed gold: every line parses as a scorable record with its text, provenance and
annotations."""

import json
import re
from pathlib import Path

from django.test import SimpleTestCase

from archive.entities.evaluation import TYPES, read_records

GOLD = Path(__file__).resolve().parent.parent / "archive" / "entities" / "gold"
BLIND = GOLD / "blind"
ARTICLES = BLIND / "articles.jsonl"
BLIND2_ARTICLES = GOLD / "blind2" / "articles.jsonl"


def records(path=ARTICLES):
    with path.open(encoding="utf-8") as lines:
        return list(read_records(lines))


class BlindGoldFileTests(SimpleTestCase):
    articles = ARTICLES
    minimum = 60

    def records(self):
        return records(self.articles)

    def test_every_line_is_a_scorable_record(self):
        errors = [item for _, item in self.records() if isinstance(item, str)]
        self.assertEqual(errors, [])

    def test_the_set_has_its_minimum_of_articles_with_unique_ids(self):
        ids = [record["id"] for _, record in self.records()]
        self.assertGreaterEqual(len(ids), self.minimum)
        self.assertEqual(len(ids), len(set(ids)))

    def test_every_record_has_text_title_and_provenance(self):
        for _, record in self.records():
            with self.subTest(record["id"]):
                self.assertTrue(record["text"].strip())
                self.assertTrue(record["title"].strip())
                self.assertTrue(record["origin_repo"] and record["origin_path"])
                self.assertRegex(record["origin_commit"], r"^[0-9a-f]{40}$")

    def test_every_record_points_at_this_file_so_the_scorer_finds_its_text(self):
        for _, record in self.records():
            self.assertEqual(record["corpus_file"], self.articles.name)

    def test_every_record_has_annotations_of_the_three_types(self):
        for _, record in self.records():
            with self.subTest(record["id"]):
                self.assertEqual(set(TYPES) - set(record), set())
                for country in record["countries"]:
                    self.assertRegex(country, r"^[A-Z]{2}$")
                for kind in ("persons", "organizations"):
                    for actor in record[kind]:
                        self.assertTrue(actor["name"])
                        self.assertIn(actor["name"], actor["aliases"])

    def test_annotated_actors_occur_in_their_article(self):
        squash = lambda s: re.sub(r"[\s\-.'’]", "", s.lower())  # noqa: E731
        for _, record in self.records():
            text = squash(record["title"] + " " + record["text"])
            for kind in ("persons", "organizations"):
                for actor in record[kind]:
                    with self.subTest(record["id"], actor=actor["name"]):
                        self.assertTrue(any(squash(a) in text for a in actor["aliases"]))


class Blind2GoldFileTests(BlindGoldFileTests):
    """The second blind set: other outlets and years (2002-2024), annotated the same way."""

    articles = BLIND2_ARTICLES
    minimum = 40

    def test_its_ids_and_origins_differ_from_the_first_blind_set(self):
        first = {record["id"] for _, record in records(ARTICLES)}
        first_origins = {record["origin_repo"] for _, record in records(ARTICLES)}
        for _, record in self.records():
            with self.subTest(record["id"]):
                self.assertNotIn(record["id"], first)
                self.assertNotIn(record["origin_repo"], first_origins)


class BlindGoldValidationTests(SimpleTestCase):
    def test_a_record_without_text_is_reported_not_accepted(self):
        line = json.dumps({"id": "x", "title": "t"})
        [(_, item)] = list(read_records([line]))
        self.assertIsInstance(item, str)
        self.assertIn("missing text", item)
