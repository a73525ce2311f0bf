"""The JSON API: cursor-paged search results, article and actor detail, the OpenAPI
description (answers validated against it), JSON errors and the rate limit."""

import jsonschema
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from archive.api_schema import SCHEMA
from tests.base import IndexedTestCase, actor, document, utc

BODY = "Kim Jong Un met Moon Jae-in at Panmunjom. North Korea and the United Nations spoke."


def validate(data, name):
    """``data`` against the component ``name`` of the served schema."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": SCHEMA["components"]}
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


class ApiWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.articles = [
            cls.add(
                document(
                    f"Meeting {n}",
                    f"Part {n}. {BODY}",
                    source="Yonhap",
                    published=utc(2019, 1 + n % 12, 1 + n, 9),
                    url=f"https://news.example/{n}" if n else "javascript:alert(1)",
                ),
                [
                    actor("person", "Kim Jong Un", BODY),
                    actor("person", "Moon Jae-in", BODY),
                    actor("country", "North Korea", BODY, code="KP"),
                ]
                + ([actor("organization", "United Nations", BODY)] if n % 2 else []),
            )
            for n in range(12)
        ]
        cls.index_all()

    def get_json(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:300])
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()


class ArticleApiTests(ApiWorld):
    def test_following_next_walks_every_match_once(self):
        url, seen = reverse("archive:api-articles") + "?person=kim-jong-un&limit=5", []
        while url:
            page = self.get_json(url)
            validate(page, "ArticlePage")
            seen += [r["id"] for r in page["results"]]
            url = page["next"]
        self.assertEqual(sorted(seen), sorted(a.pk for a in self.articles))
        self.assertEqual(len(seen), len(set(seen)))

    def test_filters_narrow_the_article_list(self):
        page = self.get_json(reverse("archive:api-articles") + "?org=united-nations")
        self.assertEqual(len(page["results"]), 6)
        self.assertIsNone(page["next"])

    def test_an_article_has_text_metadata_actors_and_versions(self):
        article = self.articles[3]
        data = self.get_json(reverse("archive:api-article", args=[article.pk]))
        validate(data, "ArticleDetail")
        self.assertEqual(data["text"], article.body)
        self.assertEqual(data["url"], "https://news.example/3")
        self.assertEqual(data["published"], "2019-04-04T09:00:00+00:00")
        self.assertEqual(
            {a["id"] for a in data["actors"]},
            {"kim-jong-un", "moon-jae-in", "KP", "united-nations"},
        )
        # The twelve near-identical bodies are grouped as versions of one another.
        versions = {v["id"] for v in data["versions"]}
        self.assertEqual(versions, {a.pk for a in self.articles} - {article.pk})

    def test_a_script_url_is_no_url(self):
        data = self.get_json(reverse("archive:api-article", args=[self.articles[0].pk]))
        self.assertIsNone(data["url"])

    def test_a_missing_article_is_a_json_404(self):
        data = self.get_json(reverse("archive:api-article", args=[999999]), status=404)
        validate(data, "Error")


class ActorApiTests(ApiWorld):
    def test_the_actor_list_pages_by_cursor_with_counts(self):
        url, seen = reverse("archive:api-actors") + "?limit=1", {}
        while url:
            page = self.get_json(url)
            validate(page, "ActorPage")
            seen.update({r["id"]: r["articles"] for r in page["results"]})
            url = page["next"]
        self.assertEqual(seen["kim-jong-un"], 12)
        self.assertEqual(seen["united-nations"], 6)

    def test_the_actor_list_can_keep_to_one_kind(self):
        page = self.get_json(reverse("archive:api-actors") + "?kind=country")
        self.assertEqual({r["kind"] for r in page["results"]}, {"country"})

    def test_an_actor_has_aliases_counts_co_mentions_and_months(self):
        data = self.get_json(reverse("archive:api-actor", args=["person", "kim-jong-un"]))
        validate(data, "ActorDetail")
        self.assertEqual(data["articles"], 12)
        self.assertIn("Kim Jong Un", data["aliases"])
        self.assertEqual(data["co_mentioned"][0]["articles"], 12)
        self.assertEqual(len(data["per_month"]), 12)
        self.assertEqual(sum(m["articles"] for m in data["per_month"]), 12)

    def test_an_unknown_actor_is_a_json_404(self):
        url = reverse("archive:api-actor", args=["person", "nobody"])
        validate(self.get_json(url, status=404), "Error")


class ApiErrorTests(ApiWorld):
    def test_bad_parameters_get_a_400_with_an_error(self):
        for url in (
            reverse("archive:api-articles") + "?cursor=%00garbage",
            reverse("archive:api-articles") + "?cursor=eyJrIjogLTF9",  # {"k": -1}
            reverse("archive:api-articles") + "?limit=0",
            reverse("archive:api-articles") + "?limit=10000",
            reverse("archive:api-actors") + "?kind=%3Cscript%3E",
            reverse("archive:api-actors") + "?cursor=W10",  # []
        ):
            validate(self.get_json(url, status=400), "Error")

    def test_hostile_search_parameters_never_give_a_server_error(self):
        for query in (
            "q=%00%ff(((",
            "country=%3Cx%3E&from=9999-99-99",
            "sort=x&page=-5",
            "q=" + "a" * 5000,
        ):
            response = self.client.get(reverse("archive:api-articles") + "?" + query)
            self.assertIn(response.status_code, (200, 400), query)
            validate(response.json(), "ArticlePage" if response.status_code == 200 else "Error")

    def test_invalid_search_parameters_are_refused_as_on_the_search_api(self):
        data = self.get_json(reverse("archive:api-articles") + "?from=2020-13-45", status=400)
        self.assertTrue(data["error"].startswith("Invalid parameters: “from”"))

    @override_settings(API_RATE_LIMIT="3/m")
    def test_a_client_over_the_rate_limit_gets_a_429(self):
        caches["ratelimit"].clear()
        url = reverse("archive:api-actors")
        statuses = [self.client.get(url).status_code for _ in range(4)]
        self.assertEqual(statuses, [200, 200, 200, 429])
        response = self.client.get(url)
        self.assertEqual(response.json(), {"error": "Too many requests: slow down."})
        self.assertGreater(int(response["Retry-After"]), 0)
        other = self.client.get(url, REMOTE_ADDR="10.0.0.9")
        self.assertEqual(other.status_code, 200)
        caches["ratelimit"].clear()


class ApiDescriptionTests(ApiWorld):
    def test_the_schema_is_served_and_is_valid_json_schema(self):
        data = self.get_json(reverse("archive:api-schema"))
        self.assertEqual(data["openapi"], "3.1.0")
        for component in data["components"]["schemas"].values():
            jsonschema.Draft202012Validator.check_schema(component)
        for path in (
            "/api/search/",
            "/api/articles/",
            "/api/articles/{id}/",
            "/api/actors/",
            "/api/actors/{kind}/{slug}/",
        ):
            self.assertIn(path, data["paths"])

    def test_the_docs_page_renders_every_operation_without_scripts(self):
        response = self.client.get(reverse("archive:api-docs"))
        self.assertEqual(response.status_code, 200)
        for path in SCHEMA["paths"]:
            self.assertContains(response, f"GET {path}")
        self.assertNotContains(response, "<script")
