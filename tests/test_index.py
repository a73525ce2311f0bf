"""The index changes only through the queue: deletions, haystack's own commands, the schema."""

from io import StringIO
from unittest.mock import patch

from django.core.management import CommandError, call_command
from django.urls import reverse
from haystack import connections

from archive.models import Article, IndexQueue
from archive.search.sync import rebuild_index, sync_index
from archive.signals import queue_articles
from tests.base import IndexedTestCase, document, utc

BODY = "Pyongyang, July 14 (KCNA) -- Kim Jong Un watched a ballistic missile launch."


def indexed_count() -> int:
    search = connections["default"].get_backend()
    search.setup()
    return search.index.refresh().doc_count()


class IndexQueueTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.launch = cls.add(document("Missile launch", BODY, published=utc(2024, 7, 14)))

    def setUp(self):
        rebuild_index()  # the index is not rolled back with the database between tests

    def hits(self, q):
        return self.client.get(reverse("archive:api-search"), {"q": q}).json()["count"]

    def test_a_deleted_article_leaves_the_index_when_the_queue_is_applied(self):
        self.assertEqual(self.hits("missile"), 1)
        with self.captureOnCommitCallbacks(execute=True):
            Article.objects.get(pk=self.launch.pk).delete()
        self.assertTrue(IndexQueue.objects.filter(article_id=self.launch.pk).exists())
        self.assertEqual(self.hits("missile"), 1)  # the web side never writes the index
        self.assertEqual(sync_index(), (0, 1))
        self.assertEqual((self.hits("missile"), indexed_count()), (0, 0))
        self.assertFalse(IndexQueue.objects.exists())

    def test_haystack_update_index_applies_the_queue(self):
        Article.objects.filter(pk=self.launch.pk).update(title="Rocket launch")
        IndexQueue.objects.create(article_id=self.launch.pk)
        out = StringIO()
        call_command("update_index", stdout=out)
        self.assertIn("index: 1 articles updated, 0 removed", out.getvalue())
        self.assertFalse(IndexQueue.objects.exists())
        self.assertEqual(self.hits("rocket"), 1)

    def test_haystack_rebuild_index_rebuilds_in_one_commit(self):
        out = StringIO()
        call_command("rebuild_index", stdout=out)
        self.assertIn("index rebuilt: 1 articles", out.getvalue())
        self.assertEqual(indexed_count(), 1)

    def test_haystack_clear_index_refuses_and_points_to_sync_index(self):
        with self.assertRaisesMessage(CommandError, "sync_index --rebuild"):
            call_command("clear_index")
        self.assertEqual(indexed_count(), 1)

    def test_facet_fields_have_no_shadow_copies(self):
        search = connections["default"].get_backend()
        search.setup()
        names = set(search.index.schema.names())
        self.assertLessEqual({"countries", "persons", "organizations", "source", "month"}, names)
        self.assertEqual([n for n in names if n.endswith("_exact")], [])


class QueueSurvivesInterruptedSyncTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.launch = cls.add(document("Missile launch", BODY, published=utc(2024, 7, 14)))

    def setUp(self):
        rebuild_index()

    def test_the_queue_entry_stays_until_the_index_has_the_article(self):
        # A kill -9 can strike at any moment of indexing: the entry must still be there.
        IndexQueue.objects.create(article_id=self.launch.pk)
        backend = connections["default"].get_backend()
        original = type(backend).update
        seen = []

        def update(self_, index, objects, commit=True, merge=True):
            seen.append(IndexQueue.objects.filter(article_id=self.launch.pk).exists())
            original(self_, index, objects, commit, merge)

        with patch.object(type(backend), "update", update):
            self.assertEqual(sync_index(), (1, 0))
        self.assertEqual(seen, [True])
        self.assertFalse(IndexQueue.objects.exists())

    def test_a_change_made_while_indexing_stays_queued(self):
        IndexQueue.objects.create(article_id=self.launch.pk)
        backend = connections["default"].get_backend()
        original = type(backend).update

        def update_then_edit(self_, index, objects, commit=True, merge=True):
            original(self_, index, objects, commit, merge)
            Article.objects.filter(pk=self.launch.pk).update(title="Edited while indexing")
            queue_articles([self.launch.pk])

        with patch.object(type(backend), "update", update_then_edit):
            self.assertEqual(sync_index(), (1, 0))
        self.assertTrue(IndexQueue.objects.filter(article_id=self.launch.pk).exists())
