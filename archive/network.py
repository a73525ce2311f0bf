"""The actor network of a set of articles: who is mentioned together, and how often.

Nodes are the ``top`` actors by article count in the set, edges the strongest co-mentions
among them (articles naming both). The layout is a circle, most mentioned first, so the
same set always gives the same drawing. Articles per actor and co-mentions are counted in
the index columns (``search/columns.py``), as the actor pages count theirs.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace

import numpy as np
from django.http import QueryDict

from archive.models import Entity
from archive.search.aggregates import ENTITY_FACETS, top_actors
from archive.search.columns import Generation
from archive.search.links import SearchLinks
from archive.search.matching import request_for
from archive.search.request import SearchRequest
from archive.search.service import backend
from archive.search.vocabulary import FACETS

TOP_NODES = 30
TOP_EDGES = 80
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


def build(
    columns: Generation, docnums: np.ndarray, params: QueryDict, top=TOP_NODES, top_edges=TOP_EDGES
) -> Network:
    """The network of the documents ``docnums`` of the index generation ``columns``; node
    links narrow the search ``params``.

    Counted in the index columns (an actor's articles are the documents holding its facet
    value), not in the mentions table: the nodes are the ``top`` actors by articles (ties by
    id), drawn by articles, then name, then id; the edges the ``top_edges`` pairs of them
    named in most of the same articles (ties by the pair's ids). Only the nodes' entities
    are read from the database."""
    totals = {kind: columns.counts_of(f.field, docnums) for kind, f in ENTITY_FACETS.items()}
    chosen = top_actors(totals, top, lambda e: (-e.n, e.pk))
    order = sorted(chosen, key=lambda e: (-e.n, e.name.lower(), e.pk))
    links = SearchLinks(params)
    nodes = {e.pk: Node(e, e.n, url=narrowed(links, e)) for e in order}
    strongest = sorted(co_mentions(columns, docnums, order).items(), key=lambda kv: (-kv[1], kv[0]))
    network = Network(
        list(nodes.values()),
        [Edge(nodes[a], nodes[b], n) for (a, b), n in strongest[:top_edges]],
        articles=len(docnums),
    )
    return lay_out(network)


def co_mentions(columns: Generation, docnums: np.ndarray, entities: list[Entity]) -> dict:
    """(lower id, higher id) → documents of ``docnums`` holding both, for every pair of
    ``entities`` held together at least once."""
    held = np.zeros((len(docnums), len(entities)))
    for kind, facet in ENTITY_FACETS.items():
        mine = [j for j, e in enumerate(entities) if e.kind == kind]
        if mine:
            values = [entities[j].facet_value for j in mine]
            held[:, mine] = columns.holds(facet.field, docnums, values)
    together = np.rint(held.T @ held).astype(np.int64)  # exact: counts far below 2**53
    pairs = {}
    for i, j in zip(*np.nonzero(np.triu(together, k=1)), strict=True):
        a, b = sorted((entities[i].pk, entities[j].pk))
        pairs[(a, b)] = int(together[i, j])
    return pairs


def for_page(params: QueryDict, count: int, request: SearchRequest | None = None) -> Network | None:
    """The network drawn on a page of ``count`` hits of the search ``params`` (None for
    none): of its PAGE_ARTICLES newest hits, the PAGE_NODES most mentioned actors.
    ``request``: the page's own request for ``params``, when it has one (not parsed again)."""
    if not count:
        return None
    newest = replace(request, sort="newest", page=1) if request else None
    newest = newest or request_for(params, sort="newest")
    columns, docnums = backend().first_hits(newest, PAGE_ARTICLES)
    return build(columns, docnums, params, top=PAGE_NODES, top_edges=PAGE_EDGES)


def for_search(params: QueryDict) -> Network:
    """The network of every hit of the search ``params`` (the SVG and GraphML routes)."""
    columns, docnums = backend().first_hits(request_for(params))
    return build(columns, docnums, params)


def narrowed(links: SearchLinks, entity: Entity) -> str:
    """The search of ``links`` narrowed to ``entity`` (links.py builds every search URL)."""
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
