"""Facets that scale and time you can see: "all of"/"any of", every value on its own page,
the way back from no results, the date facet down to days, the time chart, undated articles."""

from django.urls import reverse

from archive.models import Entity
from archive.search import facets
from tests.base import IndexedTestCase, actor, document, utc

CROWD = [f"Person Number{i:02d}" for i in range(14)]
CROWD_BODY = "Delegates met: " + ", ".join(CROWD) + "."


class FacetWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.both = cls.add(
            document(
                "Kim and Moon meet",
                "Kim Jong Un and Moon Jae-in met.",
                "Wire A",
                utc(2024, 3, 5, 9),
            ),
            [actor("person", "Kim Jong Un"), actor("person", "Moon Jae-in")],
        )
        cls.kim = cls.add(
            document(
                "Kim inspects a farm",
                "Kim Jong Un inspected a farm.",
                "Wire B",
                utc(2024, 3, 20, 9),
            ),
            [actor("person", "Kim Jong Un")],
        )
        cls.moon = cls.add(
            document(
                "Moon visits Busan", "Moon Jae-in visited Busan.", "Wire B", utc(2023, 11, 2, 9)
            ),
            [actor("person", "Moon Jae-in")],
        )
        cls.crowd = cls.add(
            document("A crowded summit", CROWD_BODY, "Wire A", utc(2024, 3, 5, 15)),
            [actor("person", name, CROWD_BODY) for name in CROWD],
        )
        cls.undated = cls.add(document("An undated note", "Nobody knows when this was said."))
        cls.index_all()
        cls.kim_slug = Entity.objects.get(kind="person", name="Kim Jong Un").slug
        cls.moon_slug = Entity.objects.get(kind="person", name="Moon Jae-in").slug

    def search(self, query=""):
        response = self.client.get(reverse("archive:search") + query)
        self.assertEqual(response.status_code, 200)
        return response

    def titles(self, query=""):
        return sorted(hit.article.title for hit in self.search(query).context["page"].hits)


class FacetModeTests(FacetWorld):
    def test_people_are_all_of_by_default(self):
        query = f"?person={self.kim_slug}&person={self.moon_slug}"
        self.assertEqual(self.titles(query), ["Kim and Moon meet"])

    def test_any_of_finds_articles_mentioning_either(self):
        query = f"?person={self.kim_slug}&person={self.moon_slug}&person_mode=any"
        self.assertEqual(
            self.titles(query), ["Kim and Moon meet", "Kim inspects a farm", "Moon visits Busan"]
        )

    def test_outlets_are_any_of_by_default_since_an_article_has_one(self):
        self.assertEqual(len(self.titles("?source=wire-a&source=wire-b")), 4)

    def test_the_panel_offers_the_other_mode_keeping_the_filters(self):
        page = self.search(f"?person={self.kim_slug}")
        self.assertContains(page, '<strong aria-current="true">all of</strong>')
        self.assertContains(page, f"?person={self.kim_slug}&amp;person_mode=any")

    def test_an_unknown_mode_falls_back_to_the_default(self):
        query = f"?person={self.kim_slug}&person={self.moon_slug}&person_mode=most"
        self.assertEqual(self.titles(query), ["Kim and Moon meet"])


class ShowAllTests(FacetWorld):
    def test_a_facet_with_more_values_than_the_panel_links_to_all_of_them(self):
        page = self.search("?q=delegates")
        panel = next(p for p in page.context["page"].panels if p.name == "person")
        self.assertEqual(len(panel.values), 12)
        self.assertEqual(panel.total, 14)
        self.assertContains(page, 'href="/search/facet/person/?q=delegates">Show all 14 people')

    def test_the_facet_page_lists_every_value_with_its_count(self):
        page = self.client.get(reverse("archive:facet", args=["person"]) + "?q=delegates")
        listing = page.context["listing"]
        self.assertEqual(listing.matching, 14)
        self.assertEqual({v.count for v in listing.values}, {1})
        first = listing.values[0]
        self.assertEqual(first.url, f"/search/?q=delegates&person={first.value}")

    def test_the_filter_box_narrows_the_values_by_name(self):
        url = reverse("archive:facet", args=["person"]) + "?fq=number03"
        labels = [v.label for v in self.client.get(url).context["listing"].values]
        self.assertEqual(labels, ["Person Number03"])

    def test_counts_follow_the_search(self):
        url = reverse("archive:facet", args=["person"]) + f"?person={self.kim_slug}"
        counts = {v.label: v.count for v in self.client.get(url).context["listing"].values}
        self.assertEqual(counts["Kim Jong Un"], 2)
        self.assertEqual(counts["Moon Jae-in"], 1)
        self.assertNotIn("Person Number00", counts)

    def test_an_unknown_facet_is_a_404_and_odd_pages_are_clamped(self):
        self.assertEqual(self.client.get("/search/facet/colour/").status_code, 404)
        page = self.client.get(reverse("archive:facet", args=["person"]) + "?fpage=x9")
        self.assertEqual(page.context["listing"].page, 1)


class NoResultsTests(FacetWorld):
    def test_each_filter_is_offered_with_the_count_found_without_it(self):
        query = f"?person={self.moon_slug}&from=2024-03-20&to=2024-03-20"
        page = self.search(query)
        options = {o.label: o.count for o in page.context["page"].relaxations}
        self.assertEqual(options, {"Moon Jae-in": 1, "from 2024-03-20": 2, "to 2024-03-20": 0})
        self.assertContains(
            page, '<a href="?from=2024-03-20&amp;to=2024-03-20">without Moon Jae-in'
        )

    def test_when_no_single_filter_helps_it_says_so(self):
        page = self.search(f"?q=zebra&person={self.moon_slug}")
        self.assertContains(page, "Dropping any one filter still finds nothing")


class DateFacetTests(FacetWorld):
    def date_facet(self, query):
        values = self.search(query).context["page"].facets["date"]
        return [(v.value, v.count, v.selected) for v in values]

    def test_a_month_shows_its_days_and_a_day_sets_from_and_to(self):
        facet = self.date_facet("?from=2024-03-01&to=2024-03-31")
        self.assertEqual(
            facet,
            [
                ("2024", 3, True),
                ("2024-03", 3, True),
                ("2024-03-05", 2, False),
                ("2024-03-20", 1, False),
            ],
        )
        page = self.search("?from=2024-03-01&to=2024-03-31")
        self.assertContains(page, 'href="?from=2024-03-05&amp;to=2024-03-05"')

    def test_a_one_day_range_shows_the_day_under_its_month_and_year(self):
        facet = self.date_facet("?from=2024-03-05&to=2024-03-05")
        self.assertEqual(facet, [("2024", 2, True), ("2024-03", 2, True), ("2024-03-05", 2, True)])

    def test_the_date_inputs_show_the_range(self):
        page = self.search("?from=2024-03-05&to=2024-03-05")
        self.assertContains(page, 'name="from" value="2024-03-05"')
        self.assertContains(page, 'name="to" value="2024-03-05"')


class TimeChartTests(FacetWorld):
    def test_the_search_chart_bars_narrow_the_search_and_keep_the_words(self):
        chart = self.search("?q=kim").context["page"].chart
        self.assertEqual(chart.unit, "day")
        self.assertEqual(chart.total, 2)
        self.assertEqual(chart.bars[0].url, "/search/?q=kim&from=2024-03-05&to=2024-03-05")

    def test_the_chart_is_an_accessible_svg_with_a_table(self):
        page = self.search()
        self.assertContains(page, 'role="img" aria-label="Articles per month, November 2023')
        self.assertContains(page, "<title>December 2023: 0 articles</title>")
        self.assertContains(page, "<summary>Counts as a table</summary>")

    def test_the_home_page_charts_the_whole_archive(self):
        chart = self.client.get(reverse("archive:home")).context["chart"]
        self.assertEqual(chart.total, 4)
        self.assertEqual([b.count for b in chart.bars], [1, 0, 0, 0, 3])

    def test_an_actor_chart_searches_within_the_actor(self):
        moon = Entity.objects.get(slug=self.moon_slug)
        chart = self.client.get(moon.get_absolute_url()).context["chart"]
        self.assertEqual(chart.total, 2)
        self.assertEqual(
            chart.bars[-1].url, f"/search/?person={self.moon_slug}&from=2024-03-01&to=2024-03-31"
        )


class UndatedTests(FacetWorld):
    def test_an_undated_article_says_date_unknown(self):
        self.assertContains(self.search("?q=undated"), "date unknown")
        self.assertContains(self.client.get(self.undated.get_absolute_url()), "date unknown")


class FacetLabelTests(FacetWorld):
    def test_the_labels_of_every_panel_come_from_one_actor_query_and_one_outlet_query(self):
        wanted = {
            "persons": [self.kim_slug, self.moon_slug, "nobody-at-all"],
            "countries": [],
            "source": ["wire-a", "wire-b"],
            "language": ["ko"],
        }
        with self.assertNumQueries(2):
            labels = facets.labels_of(wanted)
        self.assertEqual(labels, {name: facets.labels_for(name, v) for name, v in wanted.items()})
        self.assertEqual(
            labels["persons"], {self.kim_slug: "Kim Jong Un", self.moon_slug: "Moon Jae-in"}
        )
        self.assertEqual(labels["source"], {"wire-a": "Wire A", "wire-b": "Wire B"})
        self.assertEqual(labels["language"], {"ko": "Korean"})
