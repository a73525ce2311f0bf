"""The evaluation of the actor filters on Korean text (evaluate_korean_actors): for each gold
person and country, the share of the articles naming it that its filter returns."""

import io
import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase

from archive.entities.pipeline import extract
from archive.ingest.pipeline import dateline_countries
from tests.base import IndexedTestCase, document

RECORDS = {
    "ko-1": "김정은동지께서 평양의 공장을 현지지도하시였다. 조선중앙통신이 전했다.",
    "ko-2": "배우 김수현과 가수 황치열이 무대에 올랐다. 가수 딘 도 함께했다. 서울에서 열린 공연이다.",
    "ko-3": "미국과 일본이 회담했다. 김정은동지의 담화가 발표되였다.",
}
GOLD = [
    {
        "id": "ko-1",
        "persons": [{"name": "Kim Jong Un", "aliases": ["김정은"]}],
        "countries": ["KP"],
    },
    {
        "id": "ko-2",
        # 딘, a one-syllable stage name, is not found: the filter cannot return its article
        "persons": [{"name": "김수현", "aliases": []}, {"name": "딘", "aliases": ["딘"]}],
        "countries": ["KR"],
    },
    {
        "id": "ko-3",
        "persons": [{"name": "Kim Jong Un", "aliases": ["김정은"]}],
        "countries": ["JP", "US"],
    },
]


class KoreanActorFilterEvaluationTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        for record_id, body in RECORDS.items():
            doc = document(f"기사 {record_id}", body, origin=f"ko/tiny.jsonl#{record_id}")
            cls.add(doc, extract(doc.title, doc.body))
        cls.index_all()

    def evaluate(self, gold, *options):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gold.jsonl"
            path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in gold) + "\n")
            out = io.StringIO()
            call_command(
                "evaluate_korean_actors", "--archive-ready", "--gold", path, *options, stdout=out
            )
        return out.getvalue()

    def test_it_counts_the_articles_each_filter_returns_per_type_and_overall(self):
        output = self.evaluate(GOLD)
        self.assertIn(
            "person=    coverage 0.750 (3/4 article mentions); 2/3 actors complete", output
        )
        self.assertIn(
            "country=   coverage 1.000 (4/4 article mentions); 4/4 actors complete", output
        )
        self.assertIn(
            "overall    coverage 0.875 (7/8 article mentions); 6/7 actors complete", output
        )

    def test_it_lists_a_gold_actor_that_no_entity_stands_for(self):
        self.assertIn("persons    딘: 0/1 (no entity)", self.evaluate(GOLD))

    def test_quiet_prints_figures_only(self):
        self.assertNotIn("딘", self.evaluate(GOLD, "--quiet"))

    def test_a_gold_record_missing_from_the_archive_is_reported_not_counted(self):
        gold = GOLD + [{"id": "ko-9", "persons": [], "countries": ["KR"]}]
        output = self.evaluate(gold)
        self.assertIn("not in the archive (1): ko-9", output)
        self.assertIn("country=   coverage 1.000 (4/4 article mentions)", output)

    def test_a_gold_file_that_is_not_json_lines_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gold.jsonl"
            path.write_text("{not json\n")
            with self.assertRaisesMessage(CommandError, "not JSON lines"):
                call_command("evaluate_korean_actors", "--archive-ready", "--gold", path)


class DatelineCountryTests(SimpleTestCase):
    def test_the_place_of_a_korean_lead_byline_taken_out_of_the_body_gives_its_country(self):
        doc = document("", "롯데면세점은 콘서트를 개최한다고 밝혔다.")
        doc.dateline = "서울"
        self.assertEqual(
            [(a.code, a.spans) for a in dateline_countries(doc, [], None)], [("KR", [])]
        )

    def test_a_dateline_the_body_still_holds_adds_nothing(self):
        doc = document("", "SEOUL (Reuters) - Talks resumed.")
        doc.dateline = "Seoul"
        self.assertEqual(dateline_countries(doc, [], None), [])

    def test_a_country_the_body_names_already_is_not_added_twice(self):
        doc = document("", "한국 정부는 발표했다.")
        doc.dateline = "서울"
        self.assertEqual(dateline_countries(doc, extract("", doc.body), None), [])
