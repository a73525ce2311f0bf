"""A small named world for search and page tests, stored and indexed for real."""

from datetime import UTC, datetime, timedelta

from django.test import TestCase
from haystack import connections

from archive.actors import EntityResolver
from archive.entities.types import Actor
from archive.ingest.document import ParsedDocument
from archive.ingest.store import store
from archive.search.sync import sync_index

# The people the seed on the trilateral talks (seeds/003_…) names.
TRILATERAL_TALKS_PERSONS = (
    "Chung Eui-yong",
    "Toshimitsu Motegi",
    "Antony Blinken",
    "Ned Price",
    "Donald Trump",
    "Sung Kim",
    "John Kirby",
    "Moon Jae-in",
)


def clear_index():
    """Empty the search index: the one way tests start from a clean index."""
    connections["default"].get_backend().clear()


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def document(title, body, source="Test Wire", published=None, origin=None, url=""):
    return ParsedDocument(
        origin=origin or f"test/{title[:20]}.txt",
        title=title,
        body=body,
        raw=f"{title}\n\n{body}".encode(),
        published=published,
        source=source,
        url=url,
    )


def actor(kind, name, body="", surface=None, code="", aliases=()):
    """An Actor whose spans are every occurrence of ``surface`` (default ``name``) in ``body``."""
    surface = surface or name
    spans, start = [], body.find(surface)
    while start >= 0:
        spans.append((start, start + len(surface)))
        start = body.find(surface, start + len(surface))
    return Actor(kind, name, list(aliases), code, spans, max(1, len(spans)))


class IndexedTestCase(TestCase):
    """Stores documents through the real pipeline and indexes them in a real Whoosh index."""

    @classmethod
    def setUpClass(cls):
        clear_index()
        super().setUpClass()  # runs setUpTestData, which stores and indexes the world

    @classmethod
    def add(cls, doc, actors=()):
        resolver = EntityResolver()
        with cls.captureOnCommitCallbacks(execute=True):
            status, article = store(doc, actors, resolver)
        return article

    @classmethod
    def index_all(cls):
        sync_index()


# Instants shared by several reports, two of them on the same UTC day near midnight.
SHARED_INSTANTS = [utc(2024, 3, 1, 9), utc(2024, 3, 1, 23, 30), utc(2024, 2, 27, 1), None]


def add_random_reports(world, rng, count, persons, countries, orgs, max_persons, words=None):
    """``count`` reports with random actors: ties in counts, shared instants and undated
    reports, for comparing figures from the index with the SQL answers. ``words`` (optional)
    vary the bodies; the same ``rng`` seed always builds the same reports."""
    for n in range(count):
        published = rng.choice(SHARED_INSTANTS)
        if published and rng.random() < 0.5:
            published += timedelta(days=rng.randrange(40))
        body = f"Report number {n} on the {rng.choice(words) if words else 'peninsula'}."
        actors = [actor("person", p, body) for p in rng.sample(persons, rng.randrange(max_persons))]
        actors += [
            actor("country", name, body, code=code)
            for name, code in rng.sample(countries, rng.randrange(3))
        ]
        actors += [actor("organization", o, body) for o in rng.sample(orgs, rng.randrange(3))]
        world.add(document(f"Report {n}", body, published=published), actors)
    world.index_all()
