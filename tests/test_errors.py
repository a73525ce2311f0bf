"""No path, no traceback, no 500 for a bad parameter; a damaged index answers 503; the API
answers every error as JSON; ``sync_index --check`` finds and repairs drift."""

import shutil
from io import StringIO
from pathlib import Path
from unittest.mock import patch

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from haystack import connections

from archive.models import Article, IndexQueue
from archive.search import backend as search_backend
from archive.search.backend import respell
from tests.base import IndexedTestCase, document, utc

INDEX_DIR = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
SEARCH = reverse("archive:search")
API = reverse("archive:api-search")


class ErrorWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.missile = cls.add(
            document(
                "North Korea fires ballistic missile",
                "Kim Jong Un watched a missile launch. Counterrevolutionaries were blamed.",
                published=utc(2024, 7, 14, 3),
            )
        )
        cls.talks = cls.add(
            document("Seoul hosts talks", "Envoys met in Seoul.", published=utc(2021, 12, 3))
        )
        cls.index_all()

    def page(self, params, url=SEARCH, status=200):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, status)
        return response


class BadParameterTests(ErrorWorld):
    def test_dates_outside_1900_to_2100_or_impossible_are_ignored_with_a_note(self):
        for params in (
            {"to": "9999-12-31"},
            {"from": "0999-01-01", "to": "0999-12-31"},
            {"from": "2021-02-30"},
            {"from": "0001-01-01"},
        ):
            with self.subTest(params=params):
                response = self.page(params)
                self.assertContains(response, "Ignored")
                self.assertEqual(response.context["page"].count, 2)

    def test_from_after_to_is_swapped_with_a_note(self):
        response = self.page({"from": "2024-12-31", "to": "2024-01-01"})
        self.assertContains(response, "was after")
        self.assertEqual([h.article for h in response.context["page"].hits], [self.missile])

    def test_any_page_number_is_answered(self):
        for page in ("-1", "0", "1e3", "abc", str(10**30), "9" * 5000, "3.5"):
            with self.subTest(page=page[:20]):
                response = self.page({"page": page})
                self.assertEqual(response.context["page"].request.page, 1)
                self.assertContains(response, "Ignored")

    def test_a_page_past_the_last_is_empty_with_a_note_and_a_way_back(self):
        response = self.page({"page": "7"})
        self.assertEqual(response.context["page"].hits, [])
        self.assertContains(response, "Page 7 is past the last page, 1.")
        self.assertEqual(response.context["page"].prev_url, "?page=1")

    def test_the_api_refuses_a_bad_parameter_with_the_reason(self):
        for params, named in (({"to": "9999-12-31"}, "to"), ({"page": "-2"}, "page")):
            with self.subTest(params=params):
                response = self.page(params, url=API, status=400)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertIn(f"“{named}”", response.json()["error"])

    def test_the_api_answers_a_page_past_the_last_with_no_results(self):
        data = self.page({"page": "9"}, url=API).json()
        self.assertEqual((data["count"], data["results"]), (2, []))


class SpellingBudgetTests(ErrorWorld):
    def test_a_misspelling_is_still_corrected(self):
        self.assertEqual(self.page({"q": "misile"}).context["page"].suggestion, "missile")

    def test_words_longer_than_twenty_letters_are_not_respelled(self):
        # Two letters swapped in an indexed 22-letter word, but too long to be worth the automaton.
        response = self.page({"q": "counterrevolutoinaries"})
        self.assertEqual(response.context["page"].suggestion, "")

    def test_no_word_is_respelled_once_the_time_is_up(self):
        searcher = connections["default"].get_backend().searcher()
        field = "text_spell" if "text_spell" in searcher.schema else "text"
        self.assertEqual(respell(searcher.reader(), field, "misile"), "missile")
        self.assertEqual(respell(searcher.reader(), field, "misile", deadline=0), "misile")

    def test_many_long_made_up_words_are_answered(self):
        words = " ".join("qzxv" * 8 for _ in range(8))
        self.assertEqual(self.page({"q": words}).context["page"].count, 0)


class DamagedIndexTests(ErrorWorld):
    """Each test damages the real temporary index, then puts the intact copy back."""

    def setUp(self):
        self.backup = INDEX_DIR.with_name("whoosh-backup")
        shutil.copytree(INDEX_DIR, self.backup)

    def tearDown(self):
        shutil.rmtree(INDEX_DIR) if INDEX_DIR.is_dir() else INDEX_DIR.unlink()
        self.backup.rename(INDEX_DIR)
        self.reopen()

    @staticmethod
    def reopen():
        """Forget the process's searcher, as a newly started worker would have none."""
        search_backend.forget_searchers()

    def assert_needs_repair(self):
        html = self.page({"q": "missile"}, status=503)
        self.assertContains(html, "sync_index --rebuild", status_code=503)
        api = self.page({"q": "missile"}, url=API, status=503)
        self.assertIn("sync_index --rebuild", api.json()["error"])
        for response in (html, api):
            self.assertNotIn("Traceback", response.content.decode())
            self.assertNotIn(str(INDEX_DIR), response.content.decode())

    def test_a_truncated_segment_gives_503(self):
        segment = max(INDEX_DIR.glob("*.seg"), key=lambda p: p.stat().st_size)
        with segment.open("r+b") as f:
            f.truncate(segment.stat().st_size // 2)
        self.reopen()
        self.assert_needs_repair()

    def test_a_deleted_table_of_contents_gives_503(self):
        self.page({"q": "missile"})  # the process has a searcher open
        for toc in INDEX_DIR.glob("*.toc"):
            toc.unlink()
        self.assert_needs_repair()

    def test_a_table_of_contents_lost_before_the_worker_starts_gives_503(self):
        for toc in INDEX_DIR.glob("*.toc"):
            toc.unlink()
        self.reopen()
        connections["default"].get_backend().setup_complete = False  # a worker starting
        self.assert_needs_repair()
        self.assertEqual(self.client.get(reverse("archive:home")).status_code, 503)
        self.assertFalse(list(INDEX_DIR.glob("*.toc")))  # no empty index written over it

    def test_an_unreadable_index_directory_gives_503(self):
        shutil.rmtree(INDEX_DIR)
        INDEX_DIR.write_text("not a directory")
        self.reopen()
        self.assert_needs_repair()

    def test_search_recovers_once_the_index_is_repaired(self):
        self.page({"q": "missile"})
        toc = next(INDEX_DIR.glob("*.toc"))
        kept = toc.read_bytes()
        toc.unlink()
        self.assert_needs_repair()
        toc.write_bytes(kept)
        self.assertEqual(self.page({"q": "missile"}).context["page"].count, 1)


class SyncCheckTests(ErrorWorld):
    def check(self, **options):
        out = StringIO()
        call_command("sync_index", check=True, stdout=out, **options)
        return out.getvalue()

    def test_check_reports_missing_and_extra_ids_and_repairs_them(self):
        backend = connections["default"].get_backend()
        backend.remove(self.talks)  # in the database, lost from the index
        gone = self.missile.pk
        Article.objects.filter(pk=gone).delete()  # in the index, gone from the database
        IndexQueue.objects.all().delete()  # ... and the queue entry lost too
        report = self.check(dry_run=True)
        self.assertIn("database: 1 articles; index: 1 documents", report)
        self.assertIn(f"1 missing from the index: {self.talks.pk}", report)
        self.assertIn(f"1 in the index only: {gone}", report)
        self.assertNotIn("repaired", report)
        self.assertIn("repaired: 1 articles indexed, 1 removed", self.check())
        self.assertIn("index and database agree", self.check())
        data = self.client.get(API).json()
        self.assertEqual([r["id"] for r in data["results"]], [self.talks.pk])

    def test_check_on_an_unreadable_index_says_to_rebuild(self):
        backup = INDEX_DIR.with_name("whoosh-backup")
        INDEX_DIR.rename(backup)
        INDEX_DIR.write_text("not a directory")
        search_backend.forget_searchers()
        try:
            with self.assertRaisesMessage(Exception, "run `python manage.py sync_index --rebuild`"):
                self.check()
        finally:
            INDEX_DIR.unlink()
            backup.rename(INDEX_DIR)
            search_backend.forget_searchers()


class JsonErrorTests(ErrorWorld):
    def test_an_unknown_api_address_is_a_json_404(self):
        response = self.client.get("/api/nothing/")
        self.assertEqual(response.status_code, 404)
        self.assertIn("error", response.json())

    def test_a_post_to_the_api_is_a_json_405(self):
        response = self.client.post(API, {"q": "missile"})
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response["Allow"], "GET, HEAD")
        self.assertIn("error", response.json())

    def test_a_server_error_is_json_under_the_api_and_html_elsewhere_without_details(self):
        client = Client(raise_request_exception=False)
        failure = RuntimeError(f"boom in {INDEX_DIR}")
        with (
            patch("archive.views.run_search", side_effect=failure, autospec=True),
            patch("archive.api.run_search", side_effect=failure, autospec=True),
        ):
            api = client.get(API)
            html = client.get(SEARCH)
        self.assertEqual((api.status_code, html.status_code), (500, 500))
        self.assertEqual(set(api.json()), {"error"})
        self.assertIn("text/html", html["Content-Type"])
        for response in (api, html):
            self.assertNotIn("boom", response.content.decode())
            self.assertNotIn(str(INDEX_DIR), response.content.decode())

    def test_an_unknown_page_is_an_html_404(self):
        response = self.client.get("/nothing/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Not found", status_code=404)
