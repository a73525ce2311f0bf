"""The actor network of a search: nodes by article count, edges by co-mentions, links that
narrow the search, a deterministic SVG and GraphML for Gephi."""

import xml.etree.ElementTree as ET

from django.http import QueryDict
from django.urls import reverse

from archive.models import Article
from archive.network import build
from tests.base import IndexedTestCase, actor, document, utc

SVG = "{http://www.w3.org/2000/svg}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


class NetworkWorld(IndexedTestCase):
    @classmethod
    def setUpTestData(cls):
        casts = [
            ["Kim Jong Un", "Moon Jae-in"],
            ["Kim Jong Un", "Moon Jae-in"],
            ["Kim Jong Un", "Donald Trump"],
            ["Moon Jae-in", "<script>alert(1)</script> Evil"],
        ]
        for n, names in enumerate(casts):
            body = f"Story {n}: " + " and ".join(names) + " spoke."
            cls.add(
                document(f"Story {n}", body, published=utc(2020, 1, n + 1)),
                [actor("person", name, body) for name in names],
            )
        cls.index_all()

    def network(self, query=""):
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        return build(ids, QueryDict(query))


class NetworkTests(NetworkWorld):
    def test_nodes_are_sized_by_articles_and_edges_weighed_by_co_mentions(self):
        net = self.network()
        self.assertEqual(
            [(n.entity.name, n.articles) for n in net.nodes][:2],
            [("Kim Jong Un", 3), ("Moon Jae-in", 3)],
        )
        weights = {(e.source.entity.slug, e.target.entity.slug): e.weight for e in net.edges}
        self.assertEqual(weights[("kim-jong-un", "moon-jae-in")], 2)
        self.assertEqual(
            weights.get(
                ("kim-jong-un", "donald-trump"), weights.get(("donald-trump", "kim-jong-un"))
            ),
            1,
        )
        self.assertGreater(net.nodes[0].r, net.nodes[-1].r)

    def test_only_the_strongest_are_kept(self):
        net = build(
            list(Article.objects.values_list("pk", flat=True)), QueryDict(""), top=2, top_edges=1
        )
        self.assertEqual(len(net.nodes), 2)
        self.assertEqual([e.weight for e in net.edges], [2])

    def test_a_node_links_to_the_narrowed_search(self):
        net = self.network("q=story&person=kim-jong-un&page=4")
        urls = {n.entity.slug: n.url for n in net.nodes}
        self.assertEqual(
            urls["moon-jae-in"], "/search/?q=story&person=kim-jong-un&person=moon-jae-in"
        )
        self.assertEqual(urls["kim-jong-un"], "/search/?q=story&person=kim-jong-un")

    def test_the_layout_is_the_same_every_time(self):
        first, second = self.network(), self.network()
        self.assertEqual(
            [(n.x, n.y, n.r) for n in first.nodes], [(n.x, n.y, n.r) for n in second.nodes]
        )


class NetworkRouteTests(NetworkWorld):
    def test_the_svg_of_a_search_is_well_formed_and_keeps_names_as_text(self):
        response = self.client.get(reverse("archive:network-svg") + "?q=story")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("image/svg+xml"))
        root = ET.fromstring(response.content)
        self.assertEqual(len(root.findall(f".//{SVG}circle")), 4)
        self.assertEqual(root.findall(f".//{SVG}script"), [])
        self.assertIn(b"&lt;script&gt;", response.content)
        links = [a.get("href") for a in root.iter(f"{SVG}a")]
        self.assertIn("/search/?q=story&amp;person=kim-jong-un".replace("&amp;", "&"), links)

    def test_the_graphml_has_nodes_and_weighted_edges(self):
        response = self.client.get(reverse("archive:network-graphml") + "?person=kim-jong-un")
        root = ET.fromstring(response.content)
        nodes = root.findall(f".//{GRAPHML}node")
        self.assertEqual(len(nodes), 3)
        weights = [d.text for d in root.findall(f".//{GRAPHML}edge/{GRAPHML}data")]
        self.assertEqual(sorted(weights), ["1", "2"])

    def test_an_empty_or_hostile_search_draws_an_empty_network(self):
        for query in ("?q=zzzznothing", "?country=%3Cx%3E&from=bad&q=%00((("):
            response = self.client.get(reverse("archive:network-svg") + query)
            self.assertEqual(response.status_code, 200)
            ET.fromstring(response.content)


class HostileParameterTests(NetworkWorld):
    """Every route this feature set adds, with hostile parameters: never a server error."""

    HOSTILE = (
        "q=%00%01%ff(((&sort=%3Cscript%3E",
        "country=%3Cx%3E&person=..%2F..&org=-&source=%E2%80%AE",
        "from=9999-99-99&to=0000-00-00&page=-1",
        "q=" + "%22" * 700,
        "cursor=%FF%FE&limit=abc",
        "person=kim-jong-un&person=kim-jong-un&q=-kim",
    )

    def test_no_new_route_answers_a_hostile_query_with_a_5xx(self):
        routes = [
            reverse(name)
            for name in (
                "archive:search-feed",
                "archive:export-csv",
                "archive:export-jsonl",
                "archive:network-svg",
                "archive:network-graphml",
                "archive:api-articles",
                "archive:api-actors",
                "archive:api-schema",
                "archive:api-docs",
            )
        ]
        routes += [
            reverse("archive:actor-feed", args=["person", "kim-jong-un"]),
            reverse("archive:api-actor", args=["person", "kim-jong-un"]),
            reverse("archive:api-article", args=[Article.objects.first().pk]),
        ]
        for route in routes:
            for query in self.HOSTILE:
                response = self.client.get(f"{route}?{query}")
                self.assertLess(response.status_code, 500, f"{route}?{query}")
