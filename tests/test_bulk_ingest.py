"""Bulk ingest: new documents stored without lookups, the index written in large commits,
datasets over the size cap read a line at a time, a progress bar counting documents."""

import io
import json
import pickle
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from unittest.mock import patch

from django.conf import settings
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, TransactionTestCase
from haystack import connections
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from archive.actors import EntityResolver
from archive.ingest.document import Failed, ParsedDocument, content_hash
from archive.ingest.index_process import indexing_alongside
from archive.ingest.known import KnownDocuments
from archive.ingest.pipeline import store_one
from archive.ingest.readers import read_path
from archive.ingest.store import store
from archive.models import Article, ArticleURL, Fingerprint, IndexQueue
from archive.search import backend, sync
from archive.search.sync import rebuild_index, sync_index
from tests.base import IndexedTestCase, clear_index, document

BODY = "Pyongyang, July 14 (KCNA) -- Kim Jong Un watched a ballistic missile launch."


class ContentHashTests(SimpleTestCase):
    def test_a_documents_hash_is_computed_once_per_body_and_survives_pickling(self):
        doc = document("Launch", BODY)
        with patch("archive.ingest.document.content_hash", wraps=content_hash) as compute:
            first = doc.content_hash
            self.assertEqual(doc.content_hash, first)
            self.assertEqual(pickle.loads(pickle.dumps(doc)).content_hash, first)
            self.assertEqual(compute.call_count, 1)
        self.assertEqual(first, content_hash(BODY))

    def test_a_new_body_is_hashed_anew(self):
        doc = document("Launch", BODY)
        before = doc.content_hash
        doc.body = BODY + " Updated."
        self.assertNotEqual(doc.content_hash, before)
        self.assertEqual(doc.content_hash, content_hash(BODY + " Updated."))


class KnownDocumentTests(TestCase):
    def test_a_stored_capture_is_unchanged_without_a_query(self):
        doc = document("Launch", BODY, url="https://ex.test/launch")
        store(doc, [], EntityResolver())
        known = KnownDocuments()
        self.assertTrue(known.surely_unchanged(doc))
        with self.assertNumQueries(0):
            event = store_one(doc, EntityResolver(), [], known)
        self.assertEqual(event.status, "unchanged")

    def test_the_same_text_in_other_bytes_or_with_a_new_url_is_still_looked_up(self):
        doc = document("Launch", BODY, url="https://ex.test/launch")
        store(doc, [], EntityResolver())
        known = KnownDocuments()
        other_bytes = replace(doc, raw=doc.raw + b" ")
        new_url = document("Launch", BODY, url="https://ex.test/launch-2")
        self.assertFalse(known.surely_unchanged(other_bytes))
        self.assertFalse(known.surely_unchanged(new_url))
        self.assertEqual(store_one(other_bytes, EntityResolver(), [], known).status, "duplicate")
        self.assertEqual(store_one(new_url, EntityResolver(), [], known).status, "duplicate")
        self.assertEqual(Article.objects.count(), 1)
        self.assertEqual(ArticleURL.objects.count(), 2)

    def test_a_document_stored_by_this_ingest_is_then_known_unchanged(self):
        known = KnownDocuments()
        doc = document("Launch", BODY, url="https://ex.test/launch")
        store_one(doc, EntityResolver(), [], known)
        self.assertTrue(known.surely_unchanged(doc))

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

    def test_full_groups_are_segments_of_their_own_where_whoosh_would_merge_them(self):
        for n in range(5, 7):  # Whoosh merges small segments once it holds five of them
            self.add(document(f"Launch {n}", f"{BODY} Report number {n}."))

        def segment_sizes(merge):
            clear_index()
            sync.queue_articles(Article.objects.values_list("pk", flat=True))
            # merge: the groups are committed under Whoosh's own policy, as they were before
            policy = None if merge else backend.NO_MERGE
            with patch.object(sync, "COMMIT", 1), patch.object(backend, "NO_MERGE", policy):
                sync_index()
            index = connections["default"].get_backend().index.refresh()
            self.assertEqual(index.doc_count(), 7)
            return sorted(s.doc_count_all() for s in index._segments())

        self.assertEqual(segment_sizes(merge=False), [1] * 7)  # seven full groups
        self.assertLess(len(segment_sizes(merge=True)), 7)  # the small segments merged

    def test_an_indexer_alongside_storing_indexes_full_groups_and_leaves_the_rest_queued(self):
        rebuild_index()
        sync.queue_articles(Article.objects.values_list("pk", flat=True))
        with patch.object(sync, "COMMIT", 2):
            self.assertEqual(sync_index(full_groups_only=True, columns=False), (4, 0))
        self.assertEqual(IndexQueue.objects.count(), 1)  # the last, incomplete group
        self.assertEqual(sync_index(), (1, 0))
        self.assertEqual(connections["default"].get_backend().index.refresh().doc_count(), 5)

    def test_a_process_that_has_not_opened_the_index_can_leave_its_columns(self):
        rebuild_index()
        fresh = type(backend := connections["default"].get_backend())(
            "default", **settings.HAYSTACK_CONNECTIONS["default"]
        )
        self.assertFalse(fresh.setup_complete)
        fresh.leave_columns()  # an ingest whose indexer process did all the indexing
        self.assertEqual(fresh.index.doc_count(), backend.index.refresh().doc_count())

    def test_no_indexer_process_is_forked_inside_a_transaction(self):
        with indexing_alongside() as alongside:  # a TestCase runs in a transaction
            self.assertFalse(alongside.ran)


def record_commit(commits):
    original = connections["default"].get_backend().__class__.update

    def update(self, index, iterable, commit=True, merge=True):
        objects = list(iterable)
        commits.append(len(objects))
        return original(self, index, objects, merge=merge)

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


def record(n: int, **changes) -> str:
    fields = {"title": f"Launch number {n}", "text": f"{BODY} Report number {n}.", **changes}
    return json.dumps(fields)


class LargeDatasetTests(TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="peninsula-bulk-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def test_a_dataset_over_the_size_cap_is_read_a_line_at_a_time(self):
        lines = [record(1), "{not json", "", record(3, text="x " * 400), record(4)]
        path = self.dir / "big.jsonl"
        path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode())
        items = list(read_path(path, max_bytes=500))
        docs = [i for i in items if isinstance(i, ParsedDocument)]
        failed = {i.origin.rpartition("#")[2]: i.reason for i in items if isinstance(i, Failed)}
        self.assertEqual([d.title for d in docs], ["Launch number 1", "Launch number 4"])
        self.assertIn("invalid JSON", failed["line2"])
        self.assertIn("the limit is 500", failed["line4"])

    def test_the_same_dataset_under_the_cap_gives_the_same_documents(self):
        path = self.dir / "small.jsonl"
        path.write_text("\n".join(record(n) for n in range(3)))
        whole = list(read_path(path, max_bytes=10_000))
        streamed = list(read_path(path, max_bytes=300))
        self.assertEqual(whole, streamed)


class ProgressTests(TransactionTestCase):
    def setUp(self):
        clear_index()
        self.dir = Path(tempfile.mkdtemp(prefix="peninsula-bulk-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def test_a_jsonl_input_on_a_terminal_counts_documents_to_a_total_with_an_eta(self):
        class Terminal(io.StringIO):
            def isatty(self):
                return True

        path = self.dir / "three.jsonl"
        path.write_text("\n".join(record(n) for n in range(3)) + "\n\n")
        terminal, out = Terminal(), io.StringIO()
        with patch("sys.stderr", terminal):
            call_command("ingest", str(path), stdout=out, stderr=terminal)
        bar = terminal.getvalue()
        self.assertIn("3/3", bar)  # blank lines are not records
        self.assertIn("doc/s", bar)
        self.assertIn("<00:00", bar)  # the ETA
        self.assertIn("index: 100%", bar)
        self.assertIn("3 new, 0 unchanged, 0 failed", out.getvalue())
