"""The actor network of a set of articles: who is mentioned together, and how often.

Nodes are the ``top`` actors by article count in the set, edges the strongest co-mentions
among them (articles naming both). The layout is a circle, most mentioned first, so the
same set always gives the same drawing. Mentions are read 1000 articles at a time.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from django.http import QueryDict

from archive.models import Entity, Mention
from archive.search.links import SearchLinks
from archive.search.matching import first_ids, request_for
from archive.search.vocabulary import FACETS

TOP_NODES = 30
TOP_EDGES = 80
BATCH = 1000
# The network drawn on a page is that of the first PAGE_ARTICLES hits (in the page's order):
# a page's cost must not grow with the archive. The SVG and GraphML routes take every hit.
PAGE_ARTICLES = 1000
PAGE_NODES = 20
PAGE_EDGES = 40
LABEL_MARGIN = 90  # room between the ring of nodes and the picture's edge, for labels
NODE_MIN_R, NODE_R_RANGE = 4, 16  # a node's radius: the least, plus up to this for the most named
LABEL_GAP = 11  # a label's baseline below its node
EDGE_MIN_WIDTH, EDGE_WIDTH_RANGE = 0.5, 5.5  # an edge's width: the least, plus up to this
PARAM_OF_KIND = {facet.kind: facet.param for facet in FACETS if facet.kind}


@dataclass
class Node:
    entity: Entity
    articles: int
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0
    label_y: float = 0.0
    url: str = ""


@dataclass
class Edge:
    source: Node
    target: Node
    weight: int
    width: float = 1.0


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    size: int = 640
    articles: int = 0  # how many articles it was drawn from


def mention_sets(article_ids: list[int]):
    """Each article's set of entity ids, a batch of articles at a time."""
    for start in range(0, len(article_ids), BATCH):
        chunk = article_ids[start : start + BATCH]
        by_article: dict[int, list[int]] = {}
        rows = Mention.objects.filter(article_id__in=chunk).values_list("article_id", "entity_id")
        for article_id, entity_id in rows:
            by_article.setdefault(article_id, []).append(entity_id)
        yield from by_article.values()


def build(article_ids: list[int], params: QueryDict, top=TOP_NODES, top_edges=TOP_EDGES):
    """The network of the articles ``article_ids``; node links narrow the search ``params``."""
    sets = [sorted(s) for s in mention_sets(article_ids)]
    counts = Counter(pk for s in sets for pk in s)
    chosen = {pk for pk, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]}
    pairs = Counter(pair for s in sets for pair in combinations([p for p in s if p in chosen], 2))
    entities = Entity.objects.in_bulk(chosen)
    order = sorted(chosen, key=lambda pk: (-counts[pk], entities[pk].name.lower(), pk))
    nodes = {pk: Node(entities[pk], counts[pk], url=narrowed(params, entities[pk])) for pk in order}
    strongest = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:top_edges]
    network = Network(
        [nodes[pk] for pk in order],
        [Edge(nodes[a], nodes[b], n) for (a, b), n in strongest],
        articles=len(article_ids),
    )
    return lay_out(network)


def for_page(params: QueryDict, count: int) -> Network | None:
    """The network drawn on a page of ``count`` hits of the search ``params`` (None for
    none): of its PAGE_ARTICLES newest hits, the PAGE_NODES most mentioned actors."""
    if not count:
        return None
    ids = first_ids(request_for(params, sort="newest"), min(count, PAGE_ARTICLES))
    return build(ids, params, top=PAGE_NODES, top_edges=PAGE_EDGES)


def narrowed(params: QueryDict, entity: Entity) -> str:
    """The search ``params`` narrowed to ``entity`` (links.py builds every search URL)."""
    links = SearchLinks(params)
    return links.search_page(links.narrowed(PARAM_OF_KIND[entity.kind], entity.facet_value))


def lay_out(network: Network) -> Network:
    """Nodes on a circle, clockwise from the top, radius by the square root of the count."""
    centre, ring = network.size / 2, network.size / 2 - LABEL_MARGIN
    most = max((n.articles for n in network.nodes), default=1)
    strongest = max((e.weight for e in network.edges), default=1)
    for i, node in enumerate(network.nodes):
        angle = 2 * math.pi * i / max(1, len(network.nodes)) - math.pi / 2
        node.x = round(centre + ring * math.cos(angle), 1)
        node.y = round(centre + ring * math.sin(angle), 1)
        node.r = round(NODE_MIN_R + NODE_R_RANGE * math.sqrt(node.articles / most), 1)
        node.label_y = round(node.y + node.r + LABEL_GAP, 1)
    for edge in network.edges:
        edge.width = round(EDGE_MIN_WIDTH + EDGE_WIDTH_RANGE * edge.weight / strongest, 2)
    return network


def graphml(network: Network) -> bytes:
    """GraphML for Gephi: node label, kind, id and article count; edge weight."""
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    keys = (
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("actor", "node", "string"),
        ("articles", "node", "int"),
        ("weight", "edge", "int"),
    )
    for name, domain, kind in keys:
        ET.SubElement(
            root, "key", id=name, attrib={"for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", edgedefault="undirected")
    for node in network.nodes:
        element = ET.SubElement(graph, "node", id=f"e{node.entity.pk}")
        values = (node.entity.name, node.entity.kind, node.entity.facet_value, node.articles)
        for (name, *_), value in zip(keys, values, strict=False):
            ET.SubElement(element, "data", key=name).text = str(value)
    for edge in network.edges:
        element = ET.SubElement(
            graph, "edge", source=f"e{edge.source.entity.pk}", target=f"e{edge.target.entity.pk}"
        )
        ET.SubElement(element, "data", key="weight").text = str(edge.weight)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
