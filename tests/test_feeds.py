"""Atom feeds of searches and actors: valid Atom that feedparser reads without complaint,
newest first, hostile titles kept as text."""

import feedparser
from django.urls import reverse

from archive.models import Entity
from tests.base import IndexedTestCase, actor, document, utc

MISSILE = "Kim Jong Un watched a missile launch near Pyongyang. The United States objected."
TALKS = "Moon Jae-in met Kim Jong Un in Panmunjom. The United Nations Command was told."
HOSTILE_TITLE = "<script>alert(1)</script> ]]> &amp; \x01\x0bbell\x07 <b>bold</b>"
HOSTILE_BODY = "Kim Jong Un <img src=x onerror=alert(1)> spoke \x00 of ]]> and <script>x</script>."


class FeedWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        kim = lambda body: actor("person", "Kim Jong Un", body)  # noqa: E731
        cls.missile = cls.add(
            document("Missile launch", MISSILE, source="KCNA", published=utc(2024, 7, 14, 3)),
            [kim(MISSILE), actor("country", "United States", MISSILE, code="US")],
        )
        cls.talks = cls.add(
            document("Summit talks", TALKS, source="Yonhap", published=utc(2018, 4, 27, 2)),
            [
                kim(TALKS),
                actor("person", "Moon Jae-in", TALKS),
                actor("organization", "United Nations Command", TALKS),
            ],
        )
        cls.hostile = cls.add(
            document(
                HOSTILE_TITLE, HOSTILE_BODY, source="Evil <i>Wire</i>", published=utc(2025, 1, 1, 0)
            ),
            [kim(HOSTILE_BODY)],
        )
        cls.undated = cls.add(
            document("Undated note on Kim Jong Un", "Kim Jong Un, no date."),
            [kim("Kim Jong Un, no date.")],
        )
        cls.index_all()

    def parsed(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, f"{url}: {feed.get('bozo_exception')}")
        return feed


class SearchFeedTests(FeedWorld):
    def test_ten_searches_and_actors_give_valid_atom(self):
        search = reverse("archive:search-feed")
        urls = [
            search,
            f"{search}?q=missile",
            f"{search}?person=kim-jong-un",
            f"{search}?country=us",
            f"{search}?q=nothing-matches-this",
            f"{search}?from=2020-01-01&to=2024-12-31",
            f"{search}?q=%3Cscript%3E&person=kim-jong-un&sort=oldest&page=3",
            f"{search}?q=%00%01]]%3E&country=%3Cx%3E",
        ]
        urls += [
            reverse("archive:actor-feed", args=[e.kind, e.slug])
            for e in Entity.objects.filter(mentions__isnull=False).distinct()
        ]
        self.assertGreaterEqual(len(urls), 10)
        for url in urls:
            self.parsed(url)

    def test_a_search_feed_lists_the_dated_matches_newest_first(self):
        feed = self.parsed(reverse("archive:search-feed") + "?person=kim-jong-un&sort=oldest")
        titles = [e.title for e in feed.entries]
        self.assertEqual(len(titles), 3)
        self.assertEqual(titles[1:], ["Missile launch", "Summit talks"])

    def test_filters_narrow_the_feed_as_they_narrow_the_page(self):
        feed = self.parsed(reverse("archive:search-feed") + "?org=united-nations-command")
        self.assertEqual([e.title for e in feed.entries], ["Summit talks"])

    def test_an_entry_has_an_absolute_link_outlet_utc_times_and_actors(self):
        feed = self.parsed(reverse("archive:search-feed") + "?q=missile")
        entry = feed.entries[0]
        self.assertEqual(entry.link, f"http://testserver/articles/{self.missile.pk}/")
        self.assertEqual(entry.author, "KCNA")
        self.assertEqual(entry.published, "2024-07-14T03:00:00+00:00")
        self.assertEqual(entry.updated, "2024-07-14T03:00:00+00:00")
        self.assertEqual({t.term for t in entry.tags}, {"kim-jong-un", "US"})
        self.assertIn("Kim Jong Un", {t.label for t in entry.tags})
        self.assertEqual(entry.summary, MISSILE)
        self.assertEqual(entry.summary_detail.type, "text/plain")

    def test_hostile_titles_and_bodies_stay_text(self):
        response = self.client.get(reverse("archive:search-feed") + "?from=2025-01-01")
        self.assertNotIn(b"<script>", response.content)
        self.assertNotIn(b"<img", response.content)
        entry = feedparser.parse(response.content).entries[0]
        self.assertEqual(entry.title_detail.type, "text/plain")
        self.assertEqual(entry.title, "<script>alert(1)</script> ]]> &amp; bell <b>bold</b>")
        self.assertIn("<img src=x onerror=alert(1)>", entry.summary)
        self.assertEqual(entry.author, "Evil <i>Wire</i>")


class ActorFeedTests(FeedWorld):
    def test_an_actor_feed_lists_their_dated_articles_newest_first(self):
        feed = self.parsed(reverse("archive:actor-feed", args=["person", "kim-jong-un"]))
        self.assertEqual(
            [e.link.rsplit("/", 2)[-2] for e in feed.entries],
            [str(a.pk) for a in (self.hostile, self.missile, self.talks)],
        )
        self.assertEqual(feed.feed.title, "Peninsula: Kim Jong Un")

    def test_an_unknown_actor_has_no_feed(self):
        url = reverse("archive:actor-feed", args=["person", "nobody-at-all"])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_pages_link_to_their_feeds(self):
        page = self.client.get(reverse("archive:search") + "?q=missile").content.decode()
        self.assertIn('<link rel="alternate" type="application/atom+xml"', page)
        self.assertIn(f'href="{reverse("archive:search-feed")}?q=missile"', page)
        actor_page = self.client.get(reverse("archive:actor", args=["person", "kim-jong-un"]))
        feed = reverse("archive:actor-feed", args=["person", "kim-jong-un"])
        self.assertContains(actor_page, '<link rel="alternate" type="application/atom+xml"')
        self.assertContains(actor_page, f'href="{feed}"', count=2)
