"""Search links are the query strings QueryDict itself would write, whatever the parameters."""

import random
from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict
from django.test import SimpleTestCase

from archive.search.links import SearchLinks

KEYS = ["q", "page", "person", "country", "from", "to", "sort", "org", "x y", "ü"]
VALUES = ["kim", "", "a&b=c", "+ %20", "김정은", "moon-jae-in", "KP", "1", "<x>", "é/é?"]


def first_page(params: QueryDict) -> QueryDict:
    query = params.copy()
    query.pop("page", None)
    return query


def reference(params: QueryDict, action: str, key: str, value: str) -> str:
    """What each link was when built on QueryDict copies."""
    query = first_page(params)
    if action == "toggled":
        current = query.getlist(key)
        query.setlist(
            key, [v for v in current if v != value] if value in current else current + [value]
        )
    elif action == "narrowed":
        if value not in query.getlist(key):
            query.appendlist(key, value)
    elif action == "dates":
        for name, day in (("from", date(2024, 2, 29)), ("to", None)):
            query.pop(name, None)
            if day:
                query[name] = day.isoformat()
    elif action == "without":
        query.pop(key, None)
    elif action == "with_value":
        query.pop(key, None)
        if value:
            query[key] = value
    elif action == "with_query":
        query["q"] = value
    elif action == "page":
        query = params.copy()
        query["page"] = "7"
    return "?" + query.urlencode()


def built(links: SearchLinks, action: str, key: str, value: str) -> str:
    calls = {
        "toggled": lambda: links.toggled(key, value),
        "narrowed": lambda: links.narrowed(key, value),
        "dates": lambda: links.dates(date(2024, 2, 29), None),
        "without": lambda: links.without(key),
        "with_value": lambda: links.with_value(key, value),
        "with_query": lambda: links.with_query(value),
        "page": lambda: links.page(7),
    }
    return calls[action]()


class SearchLinkTests(SimpleTestCase):
    def test_every_link_is_the_query_string_of_a_querydict_copy(self):
        rng = random.Random(5)
        for _ in range(300):
            pairs = [(rng.choice(KEYS), rng.choice(VALUES)) for _ in range(rng.randrange(6))]
            params = QueryDict(urlencode(pairs))
            links = SearchLinks(params)
            for action in ("toggled", "narrowed", "dates", "without", "with_value"):
                key, value = rng.choice(KEYS), rng.choice(VALUES)
                with self.subTest(params=params.urlencode(), action=action, key=key, value=value):
                    self.assertEqual(
                        built(links, action, key, value), reference(params, action, key, value)
                    )
            for action in ("with_query", "page"):
                value = rng.choice(VALUES)
                self.assertEqual(
                    built(links, action, "", value), reference(params, action, "", value)
                )

    def test_the_facet_page_keeps_the_search_but_its_page(self):
        links = SearchLinks(QueryDict("page=3&q=a%26b&person=kim"))
        self.assertEqual(links.facet_page("person"), "/search/facet/person/?q=a%26b&person=kim")
