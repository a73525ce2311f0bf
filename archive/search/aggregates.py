"""Figures about actors and the whole archive, from the index columns instead of SQL.

The home page, the actor pages and the actor directory count articles per actor, actors
mentioned together and articles per day. Every one of those figures is in the columns of
the current index generation (``columns.py``): the facet (docnum, value) pairs of the
country, person and organization fields and the day column. Counting there costs the same
whatever the number of mentions; figures about the whole index are computed once per
generation. Only the shown rows are read from the database (the entities of a top list,
the articles of one page), and they are ordered exactly as the SQL the pages used did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

import numpy as np
from django.db.models import Q
from django.db.models.functions import Lower

from archive.models import Article, Entity
from archive.search.analysis import kiwi
from archive.search.columns import VALUES, Generation
from archive.search.expansion import known_actors
from archive.search.service import current_columns
from archive.search.vocabulary import FACETS

ENTITY_FACETS = {facet.kind: facet for facet in FACETS if facet.kind}

# (kind, facet value) → a count; an Entity key function for the order of a top list.
Counts = dict[tuple[str, str], int]
OrderKey = Callable[[Entity], tuple]


def by_count_then_name(entity: Entity) -> tuple:
    """``order_by("-n", "name")`` (names are unique within a kind; pk breaks cross-kind ties)."""
    return (-entity.n, entity.name, entity.pk)


def by_count_then_lower_name(entity: Entity) -> tuple:
    """``EntityQuerySet.by_articles()``: ``order_by("-n_articles", Lower("name"), "pk")``."""
    return (-entity.n, entity.lower_name, entity.pk)


class ArticlePages(Sequence):
    """Articles of some documents, newest first as ``Article.objects.latest_first()`` orders
    them (undated last, ties by id, highest first); a slice reads only its own rows, so a
    ``Paginator`` over it sorts only up to the page it shows."""

    def __init__(self, columns: Generation, docnums: np.ndarray):
        self.columns, self.docnums = columns, docnums

    def __len__(self) -> int:
        return len(self.docnums)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        ordered = self.columns.by_date(
            self.docnums, True, limit=stop, ties=self.columns.django_id[self.docnums]
        )
        ids = self.columns.django_id[ordered[start:stop]].tolist()
        articles = Article.objects.select_related("source").in_bulk(ids)
        return [articles[i] for i in ids if i in articles]  # not yet removed from the index


@dataclass
class ActorFigures:
    articles: ArticlePages
    days: dict[date, int]
    co_mentioned: list[Entity]


def latest_articles(limit: int) -> list[Article]:
    columns = current_columns()
    return ArticlePages(columns, np.flatnonzero(columns.live))[:limit]


def per_generation(key, compute: Callable[[], object]):
    """``compute()`` once per index generation (for what depends on the index alone)."""
    return current_columns().memo(("page", key), compute)


def days_of_all() -> dict[date, int]:
    """Articles per UTC day over the whole index."""
    columns = current_columns()
    return columns.memo("days", lambda: columns.day_counts(columns.live))


def article_counts(kind: str, columns: Generation | None = None) -> dict[str, int]:
    """Facet value → articles that mention it, for the actors of ``kind`` (per generation)."""
    columns = columns or current_columns()
    name = ENTITY_FACETS[kind].field
    return columns.memo(("articles", kind), lambda: value_counts(columns, name, columns.live))


def value_counts(
    columns: Generation, field_name: str, mask: np.ndarray, least: int = 1
) -> dict[str, int]:
    """Value → documents of ``mask`` holding it, for the values held at least ``least`` times."""
    totals = columns.value_counts(field_name, mask)
    chosen = np.flatnonzero(totals >= max(1, least))
    return {VALUES.name(field_name, int(i)): int(totals[i]) for i in chosen}


def most_mentioned(kind: str, limit: int, key: OrderKey = by_count_then_name) -> list[Entity]:
    """The actors of ``kind`` in most articles, each with ``n_articles``."""
    counts = {(kind, value): n for value, n in article_counts(kind).items()}
    top = top_entities(counts, limit, key)
    for entity in top:
        entity.n_articles = entity.n
    return top


def listed_count(kind: str) -> int:
    """How many actors of ``kind`` at least one article mentions."""
    return len(article_counts(kind))


def actor_figures(entity: Entity, co_limit: int = 15) -> ActorFigures:
    """The articles of ``entity``, their days, and the actors most often mentioned with it
    (each with ``n``, the articles both are in)."""
    columns = current_columns()
    mask = columns.live & columns.value_mask(ENTITY_FACETS[entity.kind].field, entity.facet_value)
    return ActorFigures(
        articles=ArticlePages(columns, np.flatnonzero(mask)),
        days=columns.day_counts(mask),
        co_mentioned=top_actors(
            actor_totals(columns, mask), co_limit, by_count_then_name, without=entity
        ),
    )


def actor_totals(columns: Generation, mask: np.ndarray) -> dict[str, np.ndarray]:
    """Kind → documents of ``mask`` holding each value id of the kind's facet field."""
    return {kind: columns.value_counts(f.field, mask) for kind, f in ENTITY_FACETS.items()}


def top_actors(
    totals: dict[str, np.ndarray], limit: int, key: OrderKey, without: Entity | None = None
) -> list[Entity]:
    """The first ``limit`` actors in the order ``key``, each with ``n`` (its count in
    ``totals``, as ``actor_totals`` gives them), leaving out ``without``.

    Only the values counted as often as the ``limit``-th most counted one (counting
    ``without``) are looked at: no value counted less can be among the first ``limit``."""
    least = count_cut(list(totals.values()), limit + (without is not None))
    found = top_entities(actor_counts(totals, least, without), limit, key)
    if least > 1 and len(found) < limit:  # values with no entity (yet) were cut
        found = top_entities(actor_counts(totals, 1, without), limit, key)
    return found


def count_cut(totals: list[np.ndarray], rank: int) -> int:
    """The ``rank``-th largest count of ``totals`` (1 when fewer are above zero)."""
    held = np.concatenate(totals)
    held = held[held > 0]
    if len(held) <= rank:
        return 1
    return int(np.partition(held, len(held) - rank)[len(held) - rank])


def actor_counts(
    totals: dict[str, np.ndarray], least: int, without: Entity | None = None
) -> Counts:
    """(kind, value) → count, from each kind's counts by value id, for the values counted
    at least ``least`` times, but ``without``'s."""
    counts = {
        (kind, VALUES.name(ENTITY_FACETS[kind].field, int(i))): int(found[i])
        for kind, found in totals.items()
        for i in np.flatnonzero(found >= max(1, least))
    }
    if without is not None:
        counts.pop((without.kind, without.facet_value), None)
    return counts


def top_entities(counts: Counts, limit: int, key: OrderKey) -> list[Entity]:
    """The first ``limit`` entities in the order ``key``, each with ``n`` (its count).

    Only the entities that can be among them are read: those of the largest counts, down to
    ``limit`` found and every value tied with the last one (a value with no entity, not yet
    removed from the index, makes the next counts be read).
    """
    items = sorted(counts.items(), key=lambda item: -item[1])
    found: list[Entity] = []
    start = 0
    while start < len(items) and len(found) < limit:
        end = min(len(items), start + limit - len(found))
        while end < len(items) and items[end][1] == items[end - 1][1]:
            end += 1
        found += entities_with_counts(dict(items[start:end]))
        start = end
    return sorted(found, key=key)[:limit]


# Longer lists of facet values are not sent as an IN list: reading every entity of the kind
# costs less than Django's handling of hundreds of query parameters.
IN_LIST_MAX = 200
ENTITY_FIELDS = ("pk", "kind", "name", "slug", "code", "lower_name")


def entities_with_counts(counts: Counts) -> list[Entity]:
    """The entities of the (kind, facet value) keys, each with ``n`` and ``lower_name``;
    a value held by two entities (a shared country code) goes to the lowest id."""
    wanted = []
    for kind in sorted({kind for kind, _ in counts}):
        values = [value for k, value in counts if k == kind]
        if len(values) > IN_LIST_MAX:
            wanted.append(Q(kind=kind))
            continue
        named = Q(slug__in=values)
        if kind == Entity.Kind.COUNTRY:
            named |= Q(code__in=values)
        wanted.append(Q(kind=kind) & named)
    if not wanted:
        return []
    rows = (  # one query for every kind
        Entity.objects.filter(reduce(or_, wanted))
        .annotate(lower_name=Lower("name"))
        .order_by()
        .values_list(*ENTITY_FIELDS)
    )
    found: dict[tuple[str, str], Entity] = {}
    for pk, kind, name, slug, code, lower_name in sorted(rows):
        entity = Entity(pk=pk, kind=kind, name=name, slug=slug, code=code)
        entity.lower_name = lower_name
        found.setdefault((kind, entity.facet_value), entity)
    for key, entity in found.items():
        entity.n = counts.get(key, 0)
    return [entity for entity in found.values() if entity.n]


def by_lower_name(entity: Entity) -> tuple:
    """``EntityQuerySet.by_name()``: ``order_by(Lower("name"), "pk")``."""
    return (entity.lower_name, entity.pk)


def listed_entities(entities, by_articles: bool) -> list[Entity]:
    """The entities of the queryset ``entities`` that at least one article mentions, each
    with ``n_articles``, by name or by articles (as ``listed().by_name()`` and
    ``listed().by_articles()``); the counts come from the index, the rows from one query."""
    rows = entities.annotate(lower_name=Lower("name")).order_by().values_list(*ENTITY_FIELDS)
    counts = {kind: article_counts(kind) for kind in ENTITY_FACETS}
    found: dict[tuple[str, str], Entity] = {}
    for pk, kind, name, slug, code, lower_name in sorted(rows):
        entity = Entity(pk=pk, kind=kind, name=name, slug=slug, code=code)
        entity.lower_name = lower_name
        entity.n = entity.n_articles = counts[kind].get(entity.facet_value, 0)
        if entity.n:
            found.setdefault((kind, entity.facet_value), entity)
    return sorted(found.values(), key=by_count_then_lower_name if by_articles else by_lower_name)


def warm_up() -> None:
    """Open this thread's searcher and compute the generation's figures before the first
    request needs them (a starting worker calls this; see ``gunicorn_conf.py``), and the
    table of actor names the first text query looks its words up in; and the Korean analyser
    (about 1 s and 300 MB to load), which the first Hangul query would otherwise wait for, in
    an English archive too (김정은 finds the English articles on Kim Jong Un). Under gunicorn
    the master has loaded it before forking: every worker shares that one copy."""
    for kind in ENTITY_FACETS:
        article_counts(kind)
    days_of_all()
    known_actors()
    kiwi()
