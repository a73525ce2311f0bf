"""One index writer at a time across processes.

Whoosh allows a single writer and makes a second one wait on its lock for a limited time,
silently. Ingests take this lock around their whole index phase instead: a second ingest
says that it is waiting, then waits as long as the first one needs. The lock is an
``flock`` on a file beside the index directory, so the kernel releases it when its holder
dies, even by SIGKILL.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

WAITING = "waiting for the index writer (another ingest holds it)…"


def lock_path() -> Path:
    index = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    return index.parent / f"{index.name}.writer.lock"


@contextmanager
def index_writer(on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the index-writer lock; ``on_wait(WAITING)`` first if another process has it."""
    with _lock_file() as handle:
        if not _take(handle):
            on_wait(WAITING)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def index_writer_if_free() -> Iterator[bool]:
    """Hold the index-writer lock if no other process has it: yields True, or False at once
    (without waiting) when another process holds it."""
    with _lock_file() as handle:
        if not _take(handle):
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _lock_file() -> Iterator:
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        yield handle


def _take(handle) -> bool:
    """Take the lock if it is free; False at once if another process holds it."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
