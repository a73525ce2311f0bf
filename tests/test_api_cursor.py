"""Keyset cursors on /api/search/ and /api/articles/: walking every page gives every hit once,
in the order of the pages, with no cap; a cursor of another search or of a changed index is
refused with a JSON error; answers match the OpenAPI description."""

import base64
import json

from django.urls import reverse

from archive.search.cursor import EXPIRED, OTHER_SEARCH
from tests.base import IndexedTestCase, actor, document, utc
from tests.test_api import validate

SEARCH = reverse("archive:api-search")
ARTICLES = reverse("archive:api-articles")


def forged(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


class CursorWorld(IndexedTestCase):
    """Twenty-five articles on Kim; ten share one instant (ties), three are undated."""

    @classmethod
    def setUpTestData(cls):
        cls.articles = []
        for n in range(25):
            body = f"Report {n}. Kim Jong Un inspected a missile site." + " missile" * (n % 4)
            when = None if n >= 22 else utc(2020, 5, 1, 9) if n < 10 else utc(2021, 1, n)
            kim = [actor("person", "Kim Jong Un", body)]
            cls.articles.append(cls.add(document(f"Report {n}", body, published=when), kim))
        cls.index_all()

    def get_json(self, url, status=200, schema="SearchPage"):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:300])
        data = response.json()
        validate(data, schema if status == 200 else "Error")
        return data

    def walk(self, url, schema="SearchPage"):
        """Every id of every page, following ``next``; and how many pages there were."""
        seen, pages = [], 0
        while url:
            data = self.get_json(url, schema=schema)
            seen += [r["id"] for r in data["results"]]
            url, pages = data["next"], pages + 1
        return seen, pages


class CursorWalkTests(CursorWorld):
    def test_walking_every_order_gives_every_hit_once(self):
        everyone = sorted(a.pk for a in self.articles)
        for query in ("person=kim-jong-un", "sort=oldest", "q=missile", "q=missile&sort=newest"):
            with self.subTest(query):
                seen, pages = self.walk(f"{SEARCH}?{query}&cursor=&limit=3")
                self.assertEqual(sorted(seen), everyone)
                self.assertEqual(len(seen), len(set(seen)))
                self.assertEqual(pages, 9)

    def test_the_walk_is_the_order_of_one_long_page(self):
        for query in ("sort=newest", "sort=oldest", "q=missile"):
            with self.subTest(query):
                whole = self.get_json(f"{SEARCH}?{query}&cursor=&limit=100")
                self.assertEqual(
                    self.walk(f"{SEARCH}?{query}&cursor=&limit=4")[0],
                    [r["id"] for r in whole["results"]],
                )

    def test_ties_at_one_instant_go_by_id_and_undated_come_last(self):
        seen = self.walk(f"{SEARCH}?sort=newest&cursor=&limit=2")[0]
        tied = [a.pk for a in self.articles[:10]]
        undated = [a.pk for a in self.articles[22:]]
        self.assertEqual(seen[-3:], sorted(undated, reverse=True))
        self.assertEqual(seen[-13:-3], sorted(tied, reverse=True))

    def test_page_one_leads_into_the_cursor_walk(self):
        first = self.get_json(f"{SEARCH}?q=missile")
        self.assertEqual(first["page"], 1)
        rest, _ = self.walk(first["next"])
        self.assertEqual(
            sorted([r["id"] for r in first["results"]] + rest), sorted(a.pk for a in self.articles)
        )

    def test_cursor_pages_carry_count_and_facets_but_no_page_number(self):
        data = self.get_json(f"{SEARCH}?q=missile&cursor=&limit=5")
        self.assertEqual((data["count"], data["page"], data["pages"]), (25, None, None))
        self.assertEqual(len(data["results"]), 5)
        self.assertIn("cursor=", data["next"])
        self.assertNotIn("page=", data["next"])

    def test_the_article_list_walks_the_same_keyset(self):
        seen, pages = self.walk(f"{ARTICLES}?person=kim-jong-un&limit=10", schema="ArticlePage")
        self.assertEqual(sorted(seen), sorted(a.pk for a in self.articles))
        self.assertEqual(pages, 3)


class CursorRefusalTests(CursorWorld):
    def test_a_cursor_of_another_search_is_refused(self):
        url = self.get_json(f"{SEARCH}?q=missile&cursor=&limit=5")["next"]
        data = self.get_json(url.replace("q=missile", "q=kim"), status=400)
        self.assertEqual(data["error"], OTHER_SEARCH)

    def test_page_and_cursor_together_are_refused(self):
        self.get_json(f"{SEARCH}?page=2&cursor=", status=400)

    def test_forged_and_broken_cursors_are_a_400(self):
        good = {"v": 1, "s": "x", "o": "newest", "k": [0, 1, 2], "g": ""}
        for token in (
            "%00%ff",
            "bm90IGpzb24",  # not json
            forged([]),
            forged({**good, "k": [0, 1]}),
            forged({**good, "k": [0, True, 2]}),
            forged({**good, "o": "relevance", "k": ["NaN", 1]}),
            forged({**good, "k": [0, 1, 2**70]}),
            forged({**good, "v": 2}),
        ):
            for route in (SEARCH, ARTICLES):
                with self.subTest(token=token, route=route):
                    self.get_json(f"{route}?cursor={token}", status=400)

    def test_a_relevance_cursor_expires_when_the_index_changes(self):
        url = self.get_json(f"{SEARCH}?q=missile&cursor=&limit=5")["next"]
        body = "A new missile report."
        self.add(document("Late report", body, published=utc(2022, 1, 1)), [])
        self.index_all()
        data = self.get_json(url, status=410)
        self.assertEqual(data["error"], EXPIRED)

    def test_a_date_cursor_survives_a_changed_index(self):
        url = self.get_json(f"{SEARCH}?sort=oldest&cursor=&limit=5")["next"]
        self.add(document("Late report", "A new missile report.", published=utc(2030, 1, 1)), [])
        self.index_all()
        rest, _ = self.walk(url)
        self.assertEqual(len(rest), 21)  # 25 - 5 + the new one
