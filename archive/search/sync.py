"""Apply the index queue: the only path by which the Whoosh index changes."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from haystack import connections
from haystack.constants import DJANGO_ID
from haystack.utils import get_identifier

from archive.models import Article, IndexQueue
from archive.signals import queue_articles

BATCH = 500  # articles read from the database at a time
COMMIT = settings.INDEX_COMMIT  # articles per writer commit (one segment; see settings)


def index():
    return connections["default"].get_unified_index().get_index(Article)


def backend():
    return connections["default"].get_backend()


def sync_index(progress=None, full_groups_only=False, columns=True) -> tuple[int, int]:
    """Index queued articles that exist, remove those that are gone. Returns (updated, removed).

    Up to ``COMMIT`` articles go through one index writer and one commit (read from the
    database ``BATCH`` at a time); each commit writes a segment. A group leaves the queue
    only after the index has committed it, and only the entries queued before its articles
    were read: a process killed while indexing leaves the group queued for the next run,
    and a change made meanwhile (which re-queues the article with a later time) stays
    queued.

    ``full_groups_only``: leave a last group smaller than ``COMMIT`` queued (an ingest
    indexing while it stores, ``ingest/index_process.py``). ``columns``: leave the new
    segments' columns for the workers (``backend.leave_columns``) once done.
    """
    queued = list(IndexQueue.objects.order_by("article_id").values_list("article_id", flat=True))
    if full_groups_only:
        queued = queued[: len(queued) - len(queued) % COMMIT]
    updated = removed = 0
    for start in range(0, len(queued), COMMIT):
        group = queued[start : start + COMMIT]
        read_at = timezone.now()
        found = set()
        # A full group is a segment of its own; a smaller one lets Whoosh merge small segments.
        backend().update(index(), _existing(group, found, progress), merge=len(group) < COMMIT)
        gone = set(group) - found
        if gone:
            backend().remove_many([get_identifier(Article(pk=pk)) for pk in gone])
        with transaction.atomic():
            IndexQueue.objects.filter(article_id__in=group, queued__lte=read_at).delete()
        updated, removed = updated + len(found), removed + len(gone)
    if queued and columns:
        leave_columns()
    return updated, removed


def leave_columns() -> None:
    """The new segments' columns, for the workers that open the new generation."""
    backend().leave_columns()


def _existing(ids: list[int], found: set, progress=None) -> Iterator[Article]:
    """The articles of ``ids`` that exist, read ``BATCH`` at a time; adds their ids to
    ``found``."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for article in index().index_queryset().filter(pk__in=chunk):
            found.add(article.pk)
            yield article
        if progress:
            progress(len(chunk))


def rebuild_index() -> int:
    """Re-index every article in one writer commit (searches keep working meanwhile)."""
    IndexQueue.objects.all().delete()
    qs = index().index_queryset().order_by("pk")
    ids = list(qs.values_list("pk", flat=True))
    batches = (qs.filter(pk__in=ids[i : i + BATCH]) for i in range(0, len(ids), BATCH))
    backend().rebuild(index(), batches)
    backend().leave_columns()
    return len(ids)


def repair_index() -> int | None:
    """Rebuild the index if it does not hold as many articles as the database (a lost,
    replaced or stale index directory). Returns the number re-indexed, None if in step."""
    search = backend()
    if not search.setup_complete:
        search.setup()
    if search.index.refresh().doc_count() == Article.objects.count():
        return None
    return rebuild_index()


@dataclass
class Drift:
    """How the index differs from the database, by article id."""

    database: int
    index: int
    missing: list[int] = field(default_factory=list)  # in the database, not in the index
    extra: list[int] = field(default_factory=list)  # in the index, not in the database
    doubled: list[int] = field(default_factory=list)  # in the index more than once

    @property
    def in_step(self) -> bool:
        return not (self.missing or self.extra or self.doubled)

    def stale(self) -> list[int]:
        return self.missing + self.extra + self.doubled


def check_index() -> Drift:
    """Compare the article ids in the index with those in the database."""
    in_index = Counter(
        int(fields[DJANGO_ID]) for fields in backend().searcher().reader().all_stored_fields()
    )
    in_db = set(index().index_queryset().values_list("pk", flat=True))
    return Drift(
        database=len(in_db),
        index=sum(in_index.values()),
        missing=sorted(in_db - in_index.keys()),
        extra=sorted(in_index.keys() - in_db),
        doubled=sorted(pk for pk, n in in_index.items() if n > 1),
    )


def repair_drift(drift: Drift) -> tuple[int, int]:
    """Re-index missing and doubled articles, remove extra ones; returns sync_index's counts."""
    with transaction.atomic():
        queue_articles(drift.stale())
    return sync_index()
