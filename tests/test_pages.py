"""Pages: home, article, original capture, actors; hostile article text stays inert."""

import re
from unittest import mock

from django.contrib.auth.models import User
from django.urls import reverse

from archive.curation import merge_into
from archive.models import Article, Entity, IndexQueue, Mention
from archive.search.sync import sync_index
from tests.base import IndexedTestCase, actor, document, utc

HOSTILE_TITLE = 'Moon <script>alert("t")</script> and <img src=x onerror=alert(1)//'
HOSTILE_BODY = (
    'Moon Jae-in said <script>alert("b")</script> peace.\n\n'
    "Results <img src=x onerror=alert(1)// from Seoul & Pyongyang \"quoted\" 'single'."
)
PLAIN_BODY = "Lloyd Austin met Moon Jae-in in Seoul.\n\nAustin praised Moon."
RAW_HTML = b"<html><body><script>alert('capture')</script><p>Hello</p></body></html>"


class PageWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hostile = cls.add(
            document(
                HOSTILE_TITLE, HOSTILE_BODY, source="Evil <b>News</b>", published=utc(2024, 8, 1)
            ),
            [
                actor("person", "Moon Jae-in", HOSTILE_BODY),
                actor("country", "South Korea", HOSTILE_BODY, "Seoul", "KR"),
                actor("organization", "<script>alert(2)</script> Org", HOSTILE_BODY, "Results"),
            ],
        )
        doc = document(
            "Austin visits Seoul", PLAIN_BODY, source="Asian Lite News", published=utc(2021, 12, 3)
        )
        doc.raw, doc.content_type = RAW_HTML, "text/html"
        cls.plain = cls.add(
            doc,
            [
                actor("person", "Lloyd Austin", PLAIN_BODY),
                actor("person", "Moon Jae-in", PLAIN_BODY, "Moon Jae-in"),
                actor("country", "South Korea", PLAIN_BODY, "Seoul", "KR"),
            ],
        )
        cls.index_all()
        cls.moon = Entity.objects.get(name="Moon Jae-in")
        cls.austin = Entity.objects.get(name="Lloyd Austin")


class HostileContentTests(PageWorld):
    def pages(self):
        article = self.hostile
        org = Entity.objects.get(kind="organization")
        return [
            reverse("archive:home"),
            reverse("archive:search"),
            reverse("archive:search") + "?q=results",
            reverse("archive:search") + "?q=moon+script+img+onerror",
            reverse("archive:api-search") + "?q=results+onerror",
            article.get_absolute_url(),
            reverse("archive:captures", args=[article.pk]),
            reverse("archive:actors"),
            reverse("archive:actors") + "?q=%3Cscript%3E",
            reverse("archive:actors") + "?kind=organization",
            self.moon.get_absolute_url(),
            org.get_absolute_url(),
        ]

    def test_script_and_img_render_inert_on_every_page(self):
        for url in self.pages()[:4] + self.pages()[5:]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertNotIn("<script>alert", html)
                self.assertNotIn("<img src=x", html)
                self.assertNotIn("<b>News</b>", html)

    def test_the_escaped_text_is_still_shown(self):
        response = self.client.get(self.hostile.get_absolute_url())
        self.assertContains(response, "&lt;script&gt;alert(&quot;b&quot;)&lt;/script&gt;")
        self.assertContains(response, "&lt;img src=x onerror=alert(1)//")

    def test_the_api_returns_data_as_json_and_snippets_escaped(self):
        response = self.client.get(reverse("archive:api-search") + "?q=onerror+results")
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(data["results"][0]["title"], HOSTILE_TITLE)  # data, not markup
        snippet = data["results"][0]["snippet"]
        self.assertIn("<mark>Results</mark> &lt;img src=x <mark>onerror</mark>", snippet)
        self.assertNotIn("<img", snippet)


class ArticlePageTests(PageWorld):
    def test_it_shows_metadata_and_the_full_body_with_linked_actors(self):
        response = self.client.get(self.plain.get_absolute_url())
        self.assertContains(response, '<h1 lang="en">Austin visits Seoul</h1>', html=True)
        self.assertContains(response, "Asian Lite News")
        self.assertContains(response, "3 December 2021")
        link = f'<a class="mention" href="{self.austin.get_absolute_url()}" title="Lloyd Austin">Lloyd Austin</a>'
        self.assertContains(response, link)
        self.assertContains(response, f'href="{self.moon.get_absolute_url()}"')
        self.assertContains(response, reverse("archive:captures", args=[self.plain.pk]))

    def test_the_actor_list_has_one_group_per_kind(self):
        body = "Seoul, Seoul and Seoul. Moon Jae-in and Moon Jae-in. Tokyo."
        article = self.add(
            document("Counts that interleave kinds", body),
            [
                actor("country", "South Korea", body, "Seoul", "KR"),
                actor("person", "Moon Jae-in", body),
                actor("country", "Japan", body, "Tokyo", "JP"),
            ],
        )
        response = self.client.get(article.get_absolute_url())
        headings = re.findall(r"<h3>(\w+)</h3>", response.content.decode())
        self.assertEqual(sorted(headings), ["Countries", "People"])

    def test_a_missing_article_is_a_404(self):
        self.assertEqual(self.client.get("/articles/999999/").status_code, 404)

    def test_the_original_capture_is_served_so_nothing_can_run(self):
        capture = self.plain.captures.get()
        listing = self.client.get(reverse("archive:captures", args=[self.plain.pk]))
        self.assertContains(listing, "&lt;script&gt;alert(&#x27;capture&#x27;)")
        raw = self.client.get(capture.get_absolute_url())
        self.assertEqual(raw["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("sandbox", raw["Content-Security-Policy"])
        self.assertEqual(raw["X-Content-Type-Options"], "nosniff")
        self.assertEqual(raw.content, RAW_HTML)


class ActorPageTests(PageWorld):
    def test_actors_are_listed_by_kind_with_article_counts(self):
        response = self.client.get(reverse("archive:actors"))
        for heading in ("People", "Countries", "Organizations"):
            self.assertContains(response, heading)
        html = response.content.decode()
        moon_row = html[html.index(">Moon Jae-in<") :]
        self.assertIn('<span class="count" title="articles">2</span>', moon_row[:80])
        self.assertLess(html.index(">Moon Jae-in<"), html.index(">Lloyd Austin<"))  # most first
        self.assertContains(response, '<a href="?kind=person">All 2 people, A–Z →</a>', html=True)

    def names_listed(self, query):
        response = self.client.get(reverse("archive:actors") + query)
        self.assertEqual(response.status_code, 200)
        return [e.name for e in response.context["page"]]

    def test_one_kind_is_listed_in_full_by_name_page_by_page(self):
        self.assertEqual(self.names_listed("?kind=person"), ["Lloyd Austin", "Moon Jae-in"])
        self.assertEqual(
            self.names_listed("?kind=person&sort=articles"), ["Moon Jae-in", "Lloyd Austin"]
        )
        with mock.patch("archive.views.ACTORS_PER_PAGE", 1):
            self.assertEqual(self.names_listed("?kind=person&page=2"), ["Moon Jae-in"])
            response = self.client.get(reverse("archive:actors") + "?kind=person&page=1")
        self.assertContains(response, 'href="?kind=person&amp;page=2"')
        self.assertContains(response, "2 people · page 1 of 2")

    def test_actors_are_found_by_the_start_of_a_word_or_a_whole_alias(self):
        self.assertEqual(self.names_listed("?q=jae"), ["Moon Jae-in"])
        self.assertEqual(self.names_listed("?q=oon"), [])  # not inside a word
        self.assertEqual(self.names_listed("?q=MOON+jae+in."), ["Moon Jae-in"])  # alias key
        self.moon.add_alias("Mun Jae-in")
        self.assertEqual(self.names_listed("?q=mun&kind=person"), ["Moon Jae-in"])  # alias
        self.assertEqual(self.names_listed("?q=mun&kind=country"), [])

    def test_odd_actor_parameters_fall_back_to_defaults(self):
        query = "?kind=bogus&sort=evil&page=zz&q=%00moon%25_" + "x" * 300
        self.assertEqual(self.names_listed(query), [])
        self.assertEqual(self.names_listed("?kind=bogus&sort=evil&page=-3&q=moon"), ["Moon Jae-in"])
        response = self.client.get(reverse("archive:actors") + "?q=%3Cb%3Ex")
        self.assertContains(response, "named like “&lt;b&gt;x”")

    def test_an_actor_page_lists_articles_newest_first_and_co_mentions(self):
        response = self.client.get(self.moon.get_absolute_url())
        html = response.content.decode()
        self.assertLess(
            html.index(f"/articles/{self.hostile.pk}/"), html.index(f"/articles/{self.plain.pk}/")
        )
        co = response.context["co_mentioned"]
        self.assertEqual({e.name: e.n for e in co}["South Korea"], 2)
        self.assertEqual({e.name: e.n for e in co}["Lloyd Austin"], 1)
        self.assertEqual(response.context["chart"].total, 2)

    def test_a_country_code_leads_to_the_country_page(self):
        korea = Entity.objects.get(kind="country", code="KR")
        response = self.client.get("/actors/country/kr/")
        self.assertRedirects(response, korea.get_absolute_url())
        self.assertEqual(self.client.get("/actors/country/zz/").status_code, 404)

    def test_an_unknown_actor_is_a_404(self):
        self.assertEqual(self.client.get("/actors/person/nobody/").status_code, 404)

    def test_the_home_page_shows_latest_articles_and_top_actors(self):
        response = self.client.get(reverse("archive:home"))
        self.assertContains(response, "Austin visits Seoul")
        self.assertContains(response, "Most-mentioned actors")
        self.assertContains(response, "Moon Jae-in")


class CurationTests(PageWorld):
    def test_merging_entities_moves_mentions_and_aliases_and_updates_search(self):
        duplicate = Entity.objects.create(kind="person", name="Moon Jae In", slug="moon-jae-in-2")
        article = Article.objects.get(pk=self.plain.pk)
        with self.captureOnCommitCallbacks(execute=True):
            Mention.objects.create(article=article, entity=duplicate, count=1, spans=[])
        sync_index()
        with self.captureOnCommitCallbacks(execute=True):
            merge_into(self.moon, duplicate)
        self.assertTrue(IndexQueue.objects.filter(article_id=article.pk).exists())
        self.assertFalse(Entity.objects.filter(pk=duplicate.pk).exists())
        self.assertTrue(self.moon.aliases.filter(key="moonjaein").exists())
        self.assertEqual(Mention.objects.get(article=article, entity=self.moon).count, 2)
        sync_index()
        data = self.client.get(reverse("archive:api-search") + "?person=moon-jae-in-2").json()
        self.assertEqual(data["count"], 0)

    def test_changing_a_kind_and_adding_an_alias_in_the_admin(self):
        self.client.force_login(User.objects.create_superuser("curator", "c@example.org", "pw"))
        austin = self.austin
        aliases = list(austin.aliases.order_by("pk"))
        data = {
            "name": austin.name,
            "kind": "organization",
            "slug": austin.slug,
            "code": "",
            "origin": austin.origin,
            "aliases-TOTAL_FORMS": len(aliases) + 1,
            "aliases-INITIAL_FORMS": len(aliases),
            "aliases-MIN_NUM_FORMS": 0,
            "aliases-MAX_NUM_FORMS": 1000,
        }
        for i, alias in enumerate(aliases):
            data |= {f"aliases-{i}-id": alias.pk, f"aliases-{i}-name": alias.name}
        data[f"aliases-{len(aliases)}-name"] = "Secretary Austin"
        url = reverse("admin:archive_entity_change", args=[austin.pk])
        self.assertEqual(self.client.post(url, data).status_code, 302)
        austin.refresh_from_db()
        self.assertEqual((austin.kind, austin.origin), ("organization", "curated"))
        self.assertTrue(austin.aliases.filter(name="Secretary Austin").exists())
        sync_index()
        api = reverse("archive:api-search")
        self.assertEqual(self.client.get(api, {"org": austin.slug}).json()["count"], 1)
        self.assertEqual(self.client.get(api, {"person": austin.slug}).json()["count"], 0)

    def test_the_admin_lists_every_model(self):
        admin = User.objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        for model in (
            "source",
            "article",
            "articleurl",
            "capture",
            "entity",
            "alias",
            "mention",
            "fingerprint",
            "indexqueue",
        ):
            with self.subTest(model=model):
                response = self.client.get(f"/admin/archive/{model}/")
                self.assertEqual(response.status_code, 200)
