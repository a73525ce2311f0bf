"""Bulk ingest: new documents stored without lookups, the index written in large commits."""

from unittest.mock import patch

from django.test import TestCase
from haystack import connections
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from archive.actors import EntityResolver
from archive.ingest.known import KnownDocuments
from archive.ingest.pipeline import store_one
from archive.ingest.store import store
from archive.models import Article, ArticleURL, Fingerprint, IndexQueue
from archive.search import sync
from archive.search.sync import rebuild_index, sync_index
from tests.base import IndexedTestCase, document

BODY = "Pyongyang, July 14 (KCNA) -- Kim Jong Un watched a ballistic missile launch."


class KnownDocumentTests(TestCase):
    def test_a_new_document_is_stored_with_its_urls_and_fingerprint_and_remembered(self):
        known = KnownDocuments()
        doc = document("Launch", BODY, url="https://ex.test/launch")
        self.assertTrue(known.surely_new(doc))
        event = store_one(doc, EntityResolver(), [], known)
        self.assertEqual(event.status, "new")
        self.assertEqual(list(ArticleURL.objects.values_list("url", flat=True)), [doc.url])
        self.assertEqual(Fingerprint.objects.count(), 20)
        self.assertFalse(known.surely_new(doc))

    def test_text_stored_by_another_process_meanwhile_is_found_not_doubled(self):
        known = KnownDocuments()
        doc = document("Launch", BODY, url="https://ex.test/launch")
        store(doc, [], EntityResolver())  # another ingest, after this one started
        event = store_one(doc, EntityResolver(), [], known)
        self.assertEqual(event.status, "unchanged")
        self.assertEqual(Article.objects.count(), 1)

    def test_a_url_stored_by_another_process_meanwhile_is_one_article(self):
        known = KnownDocuments()
        store(document("Launch", BODY, url="https://ex.test/launch"), [], EntityResolver())
        edited = document("Launch", BODY + " Updated.", url="https://ex.test/launch")
        event = store_one(edited, EntityResolver(), [], known)
        self.assertEqual(event.status, "duplicate")  # its capture added to the article
        self.assertEqual(Article.objects.count(), 1)
        self.assertEqual(ArticleURL.objects.count(), 1)


class CommitGroupTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        for n in range(5):
            cls.add(document(f"Launch {n}", f"{BODY} Report number {n}."))

    def test_queued_articles_are_indexed_in_groups_of_one_commit_each(self):
        rebuild_index()
        Article.objects.filter(title="Launch 4").delete()
        sync.queue_articles(Article.objects.values_list("pk", flat=True))
        commits = []
        backend = connections["default"].get_backend()
        with (
            patch.object(sync, "COMMIT", 2),
            patch.object(
                type(backend), "update", autospec=True, side_effect=record_commit(commits)
            ),
        ):
            self.assertEqual(sync_index(), (4, 1))
        self.assertEqual(commits, [2, 2, 0])  # three groups of at most two articles
        self.assertFalse(IndexQueue.objects.exists())
        self.assertEqual(backend.index.refresh().doc_count(), 4)


def record_commit(commits):
    original = connections["default"].get_backend().__class__.update

    def update(self, index, iterable, commit=True):
        objects = list(iterable)
        commits.append(len(objects))
        return original(self, index, objects)

    return update


class WhooshFixTests(TestCase):
    def test_a_missing_length_column_is_looked_up_once_per_segment(self):
        storage = RamStorage()
        index = storage.create_index(Schema(id=ID(stored=True), text=TEXT))
        with index.writer() as writer:
            for n in range(3):
                writer.add_document(id=str(n), text="kim jong un")
        perdoc = index.reader()._perdoc  # one segment: the reader is its own
        with patch.object(storage, "file_exists", wraps=storage.file_exists) as exists:
            for n in range(3):
                perdoc.doc_field_length(n, "id")
        self.assertEqual(exists.call_count, 1)
