"""Filters, facet counts and date order from per-segment columns, and the undated-last order."""

import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path
from unittest.mock import patch

import numpy as np
from django.test import SimpleTestCase
from django.urls import reverse
from haystack import connections
from whoosh.fields import DATETIME, ID, KEYWORD, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.writing import NO_MERGE

from archive.models import Article
from archive.search import backend as search_backend
from archive.search import columns
from archive.search.columns import UNDATED, generation, leaf_readers, load_columns
from archive.search.sync import sync_index
from archive.signals import queue_articles
from tests.base import IndexedTestCase, actor, document, utc

FACET_SCHEMA = Schema(
    django_id=ID(stored=True),
    published=DATETIME(stored=True, sortable=True),
    countries=KEYWORD(stored=True, lowercase=False, commas=False, scorable=False),
    persons=KEYWORD(stored=True, lowercase=False, commas=False, scorable=False),
    organizations=KEYWORD(stored=True, lowercase=False, commas=False, scorable=False),
    source=ID(stored=True),
    month=ID(stored=True),
)


def write_segment(index, docs):
    writer = index.writer()
    for doc in docs:
        writer.add_document(**doc)
    writer.commit(mergetype=NO_MERGE)


class SegmentColumnTests(SimpleTestCase):
    def setUp(self):
        self.index = RamStorage().create_index(FACET_SCHEMA)
        write_segment(
            self.index,
            [
                {
                    "django_id": "1",
                    "published": datetime(2024, 7, 14, 23, 59),
                    "countries": "KP US",
                    "source": "kcna",
                    "month": "2024-07",
                },
                {"django_id": "2", "countries": "KR", "source": "yonhap"},
            ],
        )

    def test_columns_hold_the_indexed_values(self):
        with self.index.searcher() as searcher:
            columns = generation(searcher.reader())
            self.assertEqual(columns.day[1], UNDATED)
            self.assertEqual(list(columns.day_mask(date(2024, 7, 14), date(2024, 7, 14))), [1, 0])
            self.assertEqual(list(columns.day_mask(date(2024, 7, 15), None)), [0, 0])
            self.assertEqual(list(columns.value_mask("countries", "US")), [1, 0])
            counts = columns.facet_counts(columns.live)
        self.assertEqual(counts["countries"], {"KP": 1, "US": 1, "KR": 1})
        self.assertEqual(counts["source"], {"kcna": 1, "yonhap": 1})
        self.assertEqual(counts["month"], {"2024-07": 1})

    def test_values_tied_in_count_come_in_value_order(self):
        with self.index.searcher() as searcher:
            counts = generation(searcher.reader()).facet_counts(np.ones(2, dtype=bool))
        self.assertEqual([v for v, _ in counts["countries"].most_common(2)], ["KP", "KR"])

    def test_a_value_first_seen_in_a_new_segment_takes_its_place_in_value_order(self):
        with self.index.searcher() as searcher:
            generation(searcher.reader()).facet_counts(np.ones(2, dtype=bool))
        write_segment(self.index, [{"django_id": "3", "countries": "KP0 US", "source": "kcna"}])
        with self.index.searcher() as searcher:
            after = generation(searcher.reader())
            counts = after.facet_counts(after.live)["countries"]
        self.assertEqual(list(counts), ["KP", "KP0", "KR", "US"])
        self.assertEqual([v for v, _ in counts.most_common(3)], ["US", "KP", "KP0"])

    def test_a_few_documents_values_read_one_by_one_are_those_of_their_mask(self):
        write_segment(
            self.index,
            [
                {"django_id": "3", "countries": "KP JP", "source": "kcna"},
                {"django_id": "4", "source": "yonhap"},
                {"django_id": "5", "countries": "US KP KR", "source": "kcna"},
            ],
        )
        with self.index.searcher() as searcher:
            columns = generation(searcher.reader())
        for docnums in ([], [0], [4, 1, 2], [3], [2, 4, 0, 3, 1]):
            docnums = np.array(docnums, dtype=np.int64)
            mask = np.zeros(columns.size, dtype=bool)
            mask[docnums] = True
            for name in ("countries", "source"):
                counts = columns.counts_of(name, docnums)
                self.assertEqual(counts.tolist(), columns.value_counts(name, mask).tolist())
            values = ["KP", "JP", "XX-unknown", "US"]
            expected = [columns.value_mask("countries", v)[docnums] for v in values]
            table = columns.holds("countries", docnums, values)
            self.assertEqual(table.T.tolist(), [e.tolist() for e in expected])

    def test_a_new_generation_reads_only_its_new_segments(self):
        with self.index.searcher() as searcher:
            before = generation(searcher.reader())
        write_segment(self.index, [{"django_id": "3", "countries": "KP", "source": "kcna"}])
        with self.index.searcher() as searcher:
            after = generation(searcher.reader())
        self.assertIs(after.parts[0][1], before.parts[0][1])
        self.assertEqual(len(after.parts), 2)
        self.assertEqual(after.facet_counts(after.live)["countries"], {"KP": 2, "US": 1, "KR": 1})

    def test_saved_columns_read_back_the_same(self):
        with tempfile.TemporaryDirectory() as var, self.index.searcher() as searcher:
            index_dir = f"{var}/whoosh"
            columns = generation(searcher.reader(), index_dir)
            key = searcher.reader().segment().segment_id()
            built, saved = columns.parts[0][1], load_columns(Path(f"{index_dir}-columns"), key)
        self.assertEqual(saved.django_id.tolist(), built.django_id.tolist())
        self.assertEqual(saved.day.tolist(), built.day.tolist())
        for name, pairs in built.facets.items():
            with self.subTest(field=name):
                self.assertEqual(saved.facets[name].spans, pairs.spans)
                self.assertEqual(saved.facets[name].docs.tolist(), pairs.docs.tolist())

    def test_deleted_documents_leave_the_live_mask_and_the_counts(self):
        writer = self.index.writer()
        writer.delete_by_term("django_id", "1")
        writer.commit(mergetype=NO_MERGE)
        with self.index.searcher() as searcher:
            columns = generation(searcher.reader())
        self.assertEqual(columns.facet_counts(columns.live)["countries"], {"KR": 1})


class UndatedWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        for title, published in (
            ("Undated report", None),
            ("Older report", utc(2020, 1, 1)),
            ("Newer report", utc(2024, 1, 1)),
        ):
            body = f"Kim Jong Un inspected a missile factory in Pyongyang, says the {title}."
            kim = [actor("person", "Kim Jong Un", body)]
            cls.add(document(title, body, published=published), kim)
        cls.index_all()

    def titles(self, query=""):
        response = self.client.get(reverse("archive:api-search") + query)
        return [r["title"] for r in response.json()["results"]]


class UndatedOrderTests(UndatedWorld):
    def test_undated_articles_come_after_dated_ones_newest_first(self):
        expected = ["Newer report", "Older report", "Undated report"]
        self.assertEqual(self.titles(), expected)
        self.assertEqual(self.titles("?sort=newest&q=missile"), expected)
        self.assertEqual(self.titles("?sort=newest&person=kim-jong-un"), expected)

    def test_undated_articles_come_after_dated_ones_oldest_first(self):
        expected = ["Older report", "Newer report", "Undated report"]
        self.assertEqual(self.titles("?sort=oldest"), expected)
        self.assertEqual(self.titles("?sort=oldest&q=missile"), expected)

    def test_a_date_range_leaves_undated_articles_out(self):
        self.assertEqual(self.titles("?from=2019-01-01"), ["Newer report", "Older report"])


class TextPassTests(UndatedWorld):
    def test_browse_and_filter_pages_never_match_the_text_query(self):
        with patch.object(search_backend, "match", wraps=search_backend.match) as spy:
            self.assertEqual(len(self.titles("?person=kim-jong-un&from=2020-01-01")), 2)
            self.assertEqual(len(self.titles("")), 3)
            spy.assert_not_called()
            self.assertEqual(len(self.titles("?q=factory")), 3)
            spy.assert_called_once()

    def test_a_repeated_query_is_answered_from_the_hit_cache(self):
        with patch.object(search_backend, "match", wraps=search_backend.match) as spy:
            newest = self.titles("?q=pyongyang&sort=newest")
            ranked = self.titles("?q=pyongyang")
            self.assertEqual(spy.call_count, 2)  # hits alone, then hits with scores
            self.assertEqual(self.titles("?q=pyongyang"), ranked)
            self.assertEqual(self.titles("?q=pyongyang&sort=newest"), newest)
            self.assertEqual(spy.call_count, 2)

    def test_a_phrase_under_filters_matches_as_without_them(self):
        everywhere = self.titles('?q="missile factory"&sort=oldest')
        dated = self.titles('?q="missile factory"&sort=oldest&from=2020-01-01')
        self.assertEqual(dated, [t for t in everywhere if t != "Undated report"])
        self.assertEqual(self.titles('?q="factory missile"&from=2020-01-01'), [])


class WarmGenerationTests(UndatedWorld):
    def test_the_index_writer_leaves_each_segments_columns_so_a_new_worker_only_loads(self):
        backend = connections["default"].get_backend()
        saved = Path(f"{backend.path}-columns")
        shutil.rmtree(saved, ignore_errors=True)
        queue_articles(Article.objects.values_list("pk", flat=True))
        sync_index()
        reader = backend.index.refresh().reader()
        self.addCleanup(reader.close)
        keys = [r.segment().segment_id() for r, _ in leaf_readers(reader)]
        self.assertTrue(keys)
        self.assertEqual(sorted(p.stem for p in saved.glob("*.npz")), sorted(keys))
        fresh = patch.object(columns, "SEGMENTS", columns.SegmentCache())
        unread = patch.object(columns, "segment_columns", side_effect=AssertionError("read"))
        with fresh, unread, patch.dict(columns._generations, clear=True):
            started = generation(reader, backend.path)
        self.assertEqual(sorted(started.django_id[started.live].tolist()), sorted(self.pks()))

    @staticmethod
    def pks():
        return list(Article.objects.values_list("pk", flat=True))
