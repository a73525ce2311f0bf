"""Searches from many threads at once get the same answers as one thread alone."""

import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from haystack import connections

from archive.search.request import SearchRequest
from tests.base import IndexedTestCase, actor, document, utc

THREADS = 8
ROUNDS = 6
WORDS = ("missile", "talks", "summit", "nuclear", "envoy", "sanctions")


def backend():
    return connections["default"].get_backend()


def answer(request: SearchRequest):
    response = backend().execute(request)
    return response.count, response.ids, response.facets


class ThreadedSearchTests(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        for i in range(60):
            words = " ".join(WORDS[j] for j in range(len(WORDS)) if (i >> j) & 1)
            body = f"Kim Jong Un and {words} in report {i}. Seoul answered on day {i}."
            persons = [actor("person", "Kim Jong Un", body)] if i % 3 else []
            published = utc(2000 + i % 25, 1 + i % 12, 1 + i % 28) if i % 7 else None
            cls.add(document(f"Report {i}", body, published=published), persons)
        cls.index_all()

    def requests(self):
        mix = [SearchRequest(), SearchRequest(sort="oldest", page=2, per_page=7)]
        for word in WORDS:
            mix.append(SearchRequest(q=word))
            mix.append(SearchRequest(q=f'"kim jong un" {word}', sort="newest"))
            mix.append(
                SearchRequest(
                    q=word,
                    filters={"persons": ["kim-jong-un"]},
                    date_from=date(2005, 1, 1),
                    per_page=5,
                )
            )
        return mix

    def test_eight_threads_get_the_single_threaded_answers(self):
        mix = self.requests()
        expected = [answer(request) for request in mix]
        self.assertTrue(any(count for count, _, _ in expected))
        jobs = [i for _ in range(ROUNDS) for i in range(len(mix))]
        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)  # threads switch often, as on a loaded machine
        try:
            with ThreadPoolExecutor(THREADS) as pool:
                got = list(pool.map(lambda i: (i, answer(mix[i])), jobs))
        finally:
            sys.setswitchinterval(interval)
        for i, result in got:
            with self.subTest(request=mix[i]):
                self.assertEqual(result, expected[i])
