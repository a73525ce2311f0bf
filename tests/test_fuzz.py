"""Seeded hostile GET parameters on every route answer without a 5xx (the suite's size; the
full 10,000 run is ``make fuzz``)."""

from io import StringIO

from django.core.management import call_command

from archive.management.commands.fuzz import Fuzzer
from tests.test_search import SearchWorld


class FuzzTests(SearchWorld):
    def test_three_hundred_hostile_requests_answer_without_a_5xx(self):
        out = StringIO()
        call_command("fuzz", requests=300, seed=7, stdout=out)
        self.assertIn("0 × 5xx in 300 requests (seed 7)", out.getvalue())

    def test_the_same_seed_gives_the_same_requests(self):
        first, second = Fuzzer(3), Fuzzer(3)
        self.assertEqual([first.url() for _ in range(50)], [second.url() for _ in range(50)])

    def test_every_route_and_parameter_is_visited(self):
        fuzzer = Fuzzer(5)
        urls = [fuzzer.url() for _ in range(300)]
        routes = ("/?", "/search/?", "/api/search/?", "/actors/?", "/articles/", "/api/articles/")
        routes += ("/api/actors/", "/search/export.", "/search/network.", "/search/feed/")
        for route in routes:
            self.assertTrue(any(url.startswith(route) for url in urls), route)
        self.assertTrue(any("/actors/person/" in url for url in urls))
        names = ("q", "country", "person", "org", "source", "from", "to", "sort", "page")
        for name in (*names, "cursor", "limit"):
            self.assertTrue(any(f"{name}=" in url for url in urls), name)
