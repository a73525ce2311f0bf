"""The actor network of a search: nodes by article count, edges by co-mentions, links that
narrow the search, a deterministic SVG and GraphML for Gephi."""

import random
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from io import StringIO
from itertools import combinations
from unittest.mock import patch

from django.core.management import call_command
from django.http import QueryDict
from django.urls import reverse

from archive import network
from archive.models import Article, Entity, Mention
from archive.search.form import SearchForm
from archive.search.matching import all_ids, first_ids, request_for
from archive.search.service import backend
from tests.base import IndexedTestCase, actor, add_random_reports, document, utc

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

    def network(self, query="", top=network.TOP_NODES, top_edges=network.TOP_EDGES):
        """The network of every article, its nodes linking to the search ``query``."""
        columns, docnums = backend().first_hits(request_for(QueryDict()))
        return network.build(columns, docnums, QueryDict(query), top=top, top_edges=top_edges)


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
        net = self.network(top=2, top_edges=1)
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


PERSONS = ["Moon Jae-in", "kim Jong-un", "Kim Yo-jong", "Lloyd Austin", "de Gaulle", "Ángel Ruiz"]
PERSONS += ["Émile Zola", "ed Royce", "Ed Markey", "Yoon Suk-yeol"]
COUNTRIES = [("South Korea", "KR"), ("North Korea", "KP"), ("Japan", "JP"), ("China", "CN")]
ORGS = ["United Nations", "KCNA", "korean Central Agency", "IAEA", "Ürümqi Council"]
WORDS = ["missile", "summit", "talks"]


def sql_network(article_ids, top, top_edges):
    """The network as the page drew it before the index columns: nodes (id, articles) and
    edges (lower id, higher id, articles) counted in the mentions table."""
    held = defaultdict(set)
    for article_id, entity_id in Mention.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "entity_id"
    ):
        held[article_id].add(entity_id)
    counts = Counter(pk for entities in held.values() for pk in entities)
    chosen = sorted(counts, key=lambda pk: (-counts[pk], pk))[:top]
    names = dict(Entity.objects.filter(pk__in=chosen).values_list("pk", "name"))
    order = sorted(chosen, key=lambda pk: (-counts[pk], names[pk].lower(), pk))
    pairs = Counter(
        pair
        for entities in held.values()
        for pair in combinations(sorted(pk for pk in entities if pk in chosen), 2)
    )
    strongest = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:top_edges]
    return [(pk, counts[pk]) for pk in order], [(a, b, n) for (a, b), n in strongest]


def drawn(net):
    nodes = [(node.entity.pk, node.articles) for node in net.nodes]
    edges = [(e.source.entity.pk, e.target.entity.pk, e.weight) for e in net.edges]
    return nodes, edges


class RandomWorldTests(IndexedTestCase):
    """Counted in the index columns, the network is the one the mentions table gives: same
    nodes, sizes, edges and order, ties included (many actors share counts here)."""

    @classmethod
    def setUpTestData(cls):
        rng = random.Random(7)
        add_random_reports(cls, rng, 60, PERSONS, COUNTRIES, ORGS, max_persons=5, words=WORDS)

    SEARCHES = (
        "",
        "country=KP",
        "q=missile",
        "q=summit&person_mode=any&person=moon-jae-in&person=ed-royce&person=ed-markey",
        "from=2024-03-01",
    )

    def test_every_hit_gives_the_network_of_the_mentions_table_at_every_cut(self):
        for query in self.SEARCHES:
            params = QueryDict(query)
            ids = all_ids(request_for(params))
            for top, top_edges in ((1, 1), (3, 2), (5, 4), (8, 9), (30, 80)):
                with self.subTest(query=query, top=top, top_edges=top_edges):
                    net = network.build(
                        *backend().first_hits(request_for(params)), params, top, top_edges
                    )
                    self.assertEqual(drawn(net), sql_network(ids, top, top_edges))
                    self.assertEqual(net.articles, len(ids))

    def test_a_page_draws_the_network_of_its_newest_hits(self):
        for query in self.SEARCHES:
            params = QueryDict(query)
            count = len(all_ids(request_for(params)))
            self.assertGreater(count, 4)
            for newest in (1, 4, 17, 1000):
                with self.subTest(query=query, newest=newest):
                    with patch("archive.network.PAGE_ARTICLES", newest):
                        net = network.for_page(params, count)
                        own = network.for_page(params, count, SearchForm(params).search_request())
                    ids = first_ids(request_for(params, sort="newest"), min(count, newest))
                    expected = sql_network(ids, network.PAGE_NODES, network.PAGE_EDGES)
                    self.assertEqual(drawn(net), expected)
                    self.assertEqual(drawn(own), expected)
                    self.assertEqual(net.articles, len(ids))

    def test_the_routes_draw_the_network_of_every_hit(self):
        params = QueryDict("q=talks")
        net = network.for_search(params)
        self.assertEqual(
            drawn(net), sql_network(all_ids(request_for(params)), network.TOP_NODES, 80)
        )
        self.assertGreater(len(net.edges), 3)


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


class NetworkOnPagesTests(NetworkWorld):
    """The network is drawn inline on search and actor pages, under the strict CSP."""

    def svg_of(self, response) -> ET.Element:
        html = response.content.decode()
        start = html.index("<svg", html.index('<section class="network"'))
        return ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])

    def test_a_search_page_draws_its_network_with_links_that_narrow_the_search(self):
        response = self.client.get(reverse("archive:search"), {"q": "story"})
        svg = self.svg_of(response)
        links = [a.get("href") for a in svg.iter(f"{SVG}a")]
        self.assertEqual(len(links), 4)
        self.assertIn("/search/?q=story&person=kim-jong-un", links)
        self.assertEqual(len(svg.findall(f".//{SVG}line")), 3)

    def test_an_actor_page_draws_the_network_of_its_articles(self):
        response = self.client.get(reverse("archive:actor", args=["person", "kim-jong-un"]))
        svg = self.svg_of(response)
        labels = [t.text for t in svg.iter(f"{SVG}text")]
        self.assertEqual(labels[0], "Kim Jong Un")
        self.assertEqual(sorted(labels[1:]), ["Donald Trump", "Moon Jae-in"])

    def test_the_drawing_is_the_same_every_time_and_has_no_script_or_style(self):
        first, second = (
            self.client.get(reverse("archive:search"), {"q": "story"}) for _ in range(2)
        )
        self.assertEqual(ET.tostring(self.svg_of(first)), ET.tostring(self.svg_of(second)))
        html = first.content.decode()
        self.assertNotIn("<script", html)
        self.assertNotIn(" style=", html)
        self.assertNotIn("<style", html)

    def test_a_hostile_name_stays_text(self):
        response = self.client.get(reverse("archive:search"), {"q": "evil"})
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt; Evil")
        labels = [t.text for t in self.svg_of(response).iter(f"{SVG}text")]
        self.assertIn("<script>alert(1)</script> E…", labels)  # cut to 28 characters

    def test_no_results_draw_no_network(self):
        response = self.client.get(reverse("archive:search"), {"q": "zzzznothing"})
        self.assertNotContains(response, '<section class="network"')

    def test_a_large_result_set_is_drawn_from_its_newest_articles(self):
        with patch("archive.network.PAGE_ARTICLES", 1):
            response = self.client.get(reverse("archive:search"), {"q": "story"})
        self.assertContains(response, "the 1 newest of these 4 articles")
        labels = {t.text for t in self.svg_of(response).iter(f"{SVG}text")}
        self.assertEqual(labels, {"<script>alert(1)</script> E…", "Moon Jae-in"})  # story 3


class BenchNetworkTests(NetworkWorld):
    def test_it_times_the_svg_route_and_the_page_of_a_search(self):
        out = StringIO()
        call_command("bench_network", "person=kim-jong-un", "--repeat", "2", stdout=out)
        lines = out.getvalue().splitlines()
        self.assertEqual([line.split(" (")[0] for line in lines], ["network.svg", "search page"])
        for line in lines:
            self.assertRegex(line, r"median \d+ ms, worst \d+ ms over 2 requests$")


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
