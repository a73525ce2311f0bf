"""Index while storing: a forked process applies the index queue as the ingest fills it.

Storing and indexing used to run one after the other in the ingest process; on two cores
the index phase (about a third of an ingest's CPU) can run beside storing and extraction.
The indexer process indexes only full groups of ``sync.COMMIT`` committed articles, through
``sync_index`` (so a group leaves the queue only once its index commit is done: killing
the ingest leaves unindexed articles queued), and only while it holds the index-writer lock
without waiting for it (another ingest's writer is never contended). When storing ends,
it finishes the group it is on and stops; the ingest process then indexes what is left
and leaves the columns, as before.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, connections

from archive.ingest.index_writer import index_writer_if_free
from archive.ingest.pipeline import die_with_parent
from archive.search.sync import sync_index

POLL_SECONDS = 1.0  # how often the indexer looks for a full group in the queue


class Alongside:
    """What the indexer process did: articles updated and removed."""

    def __init__(self, counts=None, process=None):
        self.counts, self.process = counts, process

    @property
    def ran(self) -> bool:
        return self.process is not None

    @property
    def updated(self) -> int:
        return self.counts[0] if self.counts is not None else 0

    @property
    def removed(self) -> int:
        return self.counts[1] if self.counts is not None else 0


@contextmanager
def indexing_alongside() -> Iterator[Alongside]:
    """Run an indexer process while the body stores articles (``INGEST_INDEX_PROCESS``).

    Where ``can_fork_an_indexer`` says no, nothing runs and the ingest indexes everything
    afterwards.
    """
    if not can_fork_an_indexer():
        yield Alongside()
        return
    connections.close_all()  # the child opens its own; this process reopens on first use
    context = multiprocessing.get_context("fork")
    stop, counts = context.Event(), context.Array("q", 2)
    process = context.Process(target=_index_until, args=(stop, counts, os.getpid()), daemon=True)
    process.start()
    done = False
    try:
        yield Alongside(counts, process)
        done = True
    finally:
        stop.set()
        if not done:  # interrupted: do not wait for a commit; the queue keeps what is left
            process.terminate()
        process.join()


def can_fork_an_indexer() -> bool:
    """Not inside a transaction (its rows would be invisible to the indexer, and the
    connection cannot be closed before the fork), not on an in-memory database (the test
    database: a child would share its connection), not where fork is missing."""
    return (
        settings.INGEST_INDEX_PROCESS
        and not connection.in_atomic_block
        and not (connection.vendor == "sqlite" and connection.is_in_memory_db())
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _index_until(stop, counts, parent: int) -> None:
    die_with_parent(parent)
    try:
        while not stop.wait(POLL_SECONDS):
            with index_writer_if_free() as free:
                if not free:
                    continue
                updated, removed = sync_index(full_groups_only=True, columns=False)
            counts[0] += updated
            counts[1] += removed
    except Exception:  # a damaged index: the ingest's own index phase meets it and says so
        pass
    finally:
        connections.close_all()
