"""The evaluation and benchmark commands, each run on a tiny corpus built in a temporary
directory: one record per JSONL collection, one HTML page, one text dump, their gold."""

import json
import os
import re
import shutil
import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.test import SimpleTestCase

RECORDS = {
    "kcna_stiles-north-korea-news.jsonl": {
        "id": "kcna-tiny-1",
        "title": "Kim Jong Un Inspects Coal Mine",
        "text": "Pyongyang, March 3 (KCNA) -- Kim Jong Un, general secretary of the Workers' "
        "Party of Korea, inspected a coal mine in South Hamgyong Province.",
    },
    "reuters21578_korea.jsonl": {
        "id": "reuters-tiny-1",
        "title": "SOUTH KOREA AND JAPAN SIGN TRADE PACT",
        "text": "South Korea and Japan signed a trade agreement in Seoul on Tuesday, officials "
        "said. The United States welcomed the pact.",
    },
    "dailymail_finescoop_korea.jsonl": {
        "id": "dailymail-tiny-1",
        "title": "Moon Jae-in meets Donald Trump",
        "text": "South Korean President Moon Jae-in met Donald Trump at the White House to "
        "discuss North Korea's nuclear programme.",
    },
}

GOLD_ENTITIES = {
    "corpus_file": "reuters21578_korea.jsonl",
    "id": "reuters-tiny-1",
    "persons": [],
    "countries": ["JP", "KR", "US"],
    "organizations": [],
}

PARAGRAPHS = [
    "South Korea's central bank raised its benchmark interest rate on Thursday, the third "
    "increase this year, as inflation stayed well above its target.",
    "The Bank of Korea lifted the rate by a quarter of a percentage point, a move most "
    "economists polled before the meeting had expected.",
    "Officials said prices of food and energy had risen faster than forecast and that further "
    "increases could not be ruled out before the end of the year.",
]
HEADLINE = "Bank of Korea raises interest rate again as inflation stays high"

DUMP = "\n\n".join(
    ["Home", "Business", HEADLINE, "By Jane Doe", "12 May 2022", *PARAGRAPHS, "Share this"]
)

PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>{HEADLINE} | Example News</title>
<meta property="article:published_time" content="2022-05-12T09:00:00+09:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{HEADLINE}</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</article></body></html>"""


def write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def build_corpus(root: Path) -> None:
    for name, record in RECORDS.items():
        write_jsonl(root / name, [record])
    write_jsonl(root / "gold" / "entities.jsonl", [GOLD_ENTITIES])
    (root / "txt").mkdir()
    (root / "txt" / "rates.txt").write_text(DUMP, encoding="utf-8")
    write_jsonl(root / "txt" / "MANIFEST.jsonl", [{"file": "txt/rates.txt"}])
    gold_page = {
        "file": "txt/rates.txt",
        "title": HEADLINE,
        "date": "2022-05-12",
        "body_first": PARAGRAPHS[0],
        "body_last": PARAGRAPHS[-1],
        "boilerplate": ["Share this"],
    }
    write_jsonl(root / "gold" / "pages.jsonl", [gold_page])
    (root / "html").mkdir()
    (root / "html" / "rates.html").write_text(PAGE, encoding="utf-8")
    truth = {"title": HEADLINE, "date": "2022-05-12", "must_contain": [PARAGRAPHS[1]]}
    write_jsonl(
        root / "html" / "MANIFEST.jsonl", [{"file": "html/rates.html", "ground_truth": truth}]
    )
    (root / "warc").mkdir()


class TinyCorpusTestCase(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root = Path(tempfile.mkdtemp(prefix="peninsula-test-corpus-"))
        cls.corpus = cls.root / "corpus"
        cls.corpus.mkdir()
        build_corpus(cls.corpus)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root)
        super().tearDownClass()

    def run_command(self, *args) -> str:
        out = StringIO()
        call_command(*args, stdout=out)
        return out.getvalue()


class EvaluatePagesTests(TinyCorpusTestCase):
    def test_it_scores_the_text_dump_and_the_html_page_against_their_references(self):
        output = self.run_command(
            "evaluate_pages", "--corpus", str(self.corpus), "--seeds", str(self.root / "seeds")
        )
        dumps = output.split("== text dumps")[1].split("==")[0]
        self.assertRegex(dumps, r"title\s+1/1\s+100\.0 %")
        self.assertRegex(dumps, r"body_first\s+1/1 ")
        self.assertRegex(dumps, r"no_furniture\s+1/1 ")
        pages = output.split("== html pages")[1].split("==")[0]
        self.assertRegex(pages, r"must_contain\s+1/1 ")
        self.assertIn("== overall (text dumps + html pages)", output)


class ScoreEntitiesTests(TinyCorpusTestCase):
    def test_it_scores_extraction_against_the_gold_countries(self):
        output = self.run_command("score_entities", "--corpus", str(self.corpus), "--quiet")
        overall = next(
            line for line in output.splitlines() if re.match(r"overall\s+countries", line)
        )
        self.assertEqual(overall.split()[-3:], ["3", "0", "0"])  # tp, fp, fn
        self.assertNotIn("misses (-) and false hits (+)", output)

    def test_it_lists_misses_and_false_hits_unless_quiet(self):
        gold = self.root / "gold-with-a-miss.jsonl"
        write_jsonl(gold, [{**GOLD_ENTITIES, "countries": ["JP", "KR", "US", "CN"]}])
        output = self.run_command(
            "score_entities", "--corpus", str(self.corpus), "--gold", str(gold)
        )
        self.assertIn("reuters-tiny-1 countries: -CN", output)


class BenchExtractTests(TinyCorpusTestCase):
    def test_it_times_extraction_over_the_three_english_collections(self):
        output = self.run_command("bench_extract", "--corpus", str(self.corpus))
        self.assertRegex(output, r"^3 articles, mean [\d,]+ chars/article, \d+ actors\n")
        self.assertRegex(output, r"extraction [\d.]+ s = [\d,]+ articles/s")


class BenchIngestTests(TinyCorpusTestCase):
    def test_it_ingests_from_scratch_then_finds_nothing_new(self):
        var = self.root / "var"
        # The command's own subprocesses run manage.py as a user would, with the real settings
        # (the test settings would give each of them a database of its own).
        with mock.patch.dict(os.environ, {"DJANGO_SETTINGS_MODULE": "archive.settings"}):
            output = self.run_command(
                "bench_ingest", "--corpus", str(self.corpus), "--var", str(var)
            )
        self.assertIn("first run (from scratch): 4 new, 0 unchanged, 0 failed", output)
        self.assertIn("second run (everything known): 0 new, 4 unchanged, 0 failed", output)
        self.assertTrue((var / "peninsula.sqlite3").exists())
