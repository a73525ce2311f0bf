"""ParsedDocument + actors → database rows, atomically and idempotently.

One document is one transaction (article, URLs, capture, mentions, version group, index
queue entry). The same text (content hash) or the same URL is one
article: a second copy adds its capture and URLs to the existing article and changes
nothing else. Storing the same capture twice changes nothing at all.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable

from django.db import IntegrityError, OperationalError, transaction

from archive.actors import EntityResolver, save_mentions
from archive.entities.types import Actor
from archive.ingest.document import ParsedDocument
from archive.ingest.near_duplicates import link_near_duplicates
from archive.models import Article, ArticleURL, Capture, Source

NEW, UNCHANGED, DUPLICATE = "new", "unchanged", "duplicate"
ATTEMPTS = 6  # tries of one transaction that clashes with a concurrent writer
BACKOFF = 0.05  # seconds before the first retry, doubled each time (plus jitter)
# Errors a concurrent writer causes and a retry clears: SQLite's busy database, PostgreSQL's
# deadlock and serialization failures. (Unique clashes are IntegrityError: always retried.)
CONTENTION = ("locked", "busy", "deadlock", "could not serialize")
BACKOFF_FACTOR = 2  # each retry waits this many times longer than the one before
# Text longer than its column is cut to the column's max_length.
TITLE_CHARS = Article._meta.get_field("title").max_length
AUTHOR_CHARS = Article._meta.get_field("author").max_length
DATELINE_CHARS = Article._meta.get_field("dateline").max_length
URL_CHARS = ArticleURL._meta.get_field("url").max_length
ORIGIN_CHARS = Capture._meta.get_field("origin").max_length


def retrying(work: Callable, on_retry: Callable[[], None] = lambda: None):
    """``work()``, run again (after ``on_retry()`` and a short wait) when it fails because
    another process wrote at the same time: a unique row it was about to insert is now
    there (the retry finds it), or the database was busy. Other errors are raised at once."""
    for attempt in range(ATTEMPTS):
        try:
            return work()
        except (IntegrityError, OperationalError) as error:
            if attempt == ATTEMPTS - 1 or not is_contention(error):
                raise
            on_retry()
            time.sleep(BACKOFF * BACKOFF_FACTOR**attempt * (1 + random.random()))


def is_contention(error: Exception) -> bool:
    if isinstance(error, IntegrityError):
        return True
    return any(word in str(error).lower() for word in CONTENTION)


def store(
    doc: ParsedDocument,
    actors: Iterable[Actor] | Callable[[], Iterable[Actor]],
    resolver: EntityResolver,
    fresh: bool = False,
    fingerprint: list[int] | None = None,
) -> tuple[str, Article]:
    """Store one parsed document. Returns (``new`` | ``duplicate`` | ``unchanged``, article).

    ``actors`` may be a function computing them, called only for a new article.
    ``fresh``: the caller knows that neither the text nor a URL was stored when it started
    (``KnownDocuments``), so nothing is looked up: a row another writer stored since then
    clashes on a unique column (IntegrityError) and ``retrying`` stores again, not fresh.
    ``fingerprint``: the body's near-duplicate bands, if already computed.
    """
    with transaction.atomic():
        existing = None if fresh else find_existing(doc)
        if existing:
            added = add_capture(existing, doc) | add_urls(existing, doc)
            return (DUPLICATE if added else UNCHANGED), existing
        article = Article.objects.create(
            title=doc.title[:TITLE_CHARS],
            body=doc.body,
            published=doc.published,
            source=Source.for_name(doc.source),
            url=doc.url,
            author=doc.author[:AUTHOR_CHARS],
            language=doc.language,
            dateline=doc.dateline[:DATELINE_CHARS],
            content_hash=doc.content_hash,
        )
        if fresh:  # an existing URL raises IntegrityError instead of being shared
            ArticleURL.objects.bulk_create(
                [ArticleURL(article=article, url=url) for url in urls_of(doc)]
            )
        else:
            add_urls(article, doc)
        Capture.objects.create(article=article, **capture_fields(doc))  # its first capture
        save_mentions(article, actors() if callable(actors) else actors, resolver, fresh=True)
        link_near_duplicates(article, values=fingerprint)
        return NEW, article


def find_existing(doc: ParsedDocument) -> Article | None:
    article = Article.objects.filter(content_hash=doc.content_hash).first()
    if article is None and doc.url:
        link = ArticleURL.objects.filter(url=doc.url).select_related("article").first()
        article = link.article if link else None
    return article


def add_urls(article: Article, doc: ParsedDocument) -> bool:
    added = False
    for url in urls_of(doc):
        _, created = ArticleURL.objects.get_or_create(url=url, defaults={"article": article})
        added |= created
    return added


def urls_of(doc: ParsedDocument) -> list[str]:
    """The document's URLs as stored (cut to the column's length), each once."""
    return list(dict.fromkeys(u[:URL_CHARS] for u in [doc.url, *doc.other_urls] if u))


def add_capture(article: Article, doc: ParsedDocument) -> bool:
    fields = capture_fields(doc)
    sha = fields.pop("sha256")
    _, created = Capture.objects.get_or_create(article=article, sha256=sha, defaults=fields)
    return created


def capture_fields(doc: ParsedDocument) -> dict:
    return {
        "sha256": capture_sha(doc),
        "content": doc.raw,
        "content_type": doc.content_type,
        "origin": doc.origin[:ORIGIN_CHARS],
        "captured": doc.captured,
    }


def capture_sha(doc: ParsedDocument) -> str:
    """The capture's identity: the SHA-256 of its bytes as read."""
    return hashlib.sha256(doc.raw).hexdigest()
