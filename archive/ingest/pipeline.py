"""Files → parsed documents → actors → rows → index, with a tally of what happened.

A bad file or record is reported (path and reason) and the batch goes on. Each document is
stored in its own transaction, and the index learns only of committed articles.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from queue import Empty

from django.conf import settings

from archive.actors import EntityResolver, database_entries
from archive.entities import pipeline as extraction
from archive.entities.gazetteer import Gazetteer
from archive.entities.types import COUNTRY
from archive.ingest import limits
from archive.ingest.document import Failed, ParsedDocument, ReadError, Skipped
from archive.ingest.known import KnownDocuments
from archive.ingest.near_duplicates import fingerprint
from archive.ingest.readers import NotWalked, extension, iter_files, read_path
from archive.ingest.store import NEW, UNCHANGED, retrying, store

FAILED, SKIPPED, PARSED = "failed", "skipped", "parsed"
NOT_FOLLOWED = "not followed"  # a link to a directory already walked
READ = "read"  # a file has been read to its end; ``detail`` is its size in bytes
READ_AHEAD = 64  # documents the reader process may have parsed ahead of storage
QUEUE_POLL_SECONDS = 2  # how long a wait on the reader queue lasts before looking again


@dataclass
class Event:
    """One outcome: ``new``, ``duplicate``, ``unchanged``, ``skipped`` or ``failed``; or
    ``read`` once a whole file has been read (for progress)."""

    status: str
    origin: str
    detail: str = ""
    document: ParsedDocument | None = None
    shown: bool = False  # a skip worth a line of its own (a directory not walked)


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    problems: list[Event] = field(default_factory=list)

    def add(self, event: Event) -> None:
        if event.shown and event.status == SKIPPED:  # a directory, not a record
            self.counts[NOT_FOLLOWED] += 1
            return
        self.counts[event.status] += 1
        if event.status == FAILED:
            self.problems.append(event)

    def summary(self) -> str:
        c = self.counts
        if c[PARSED]:  # a dry run
            line = f"{c[PARSED]} parsed, {c[FAILED]} failed"
        else:
            line = (
                f"{c['new']} new, {c['unchanged'] + c['duplicate']} unchanged, {c[FAILED]} failed"
            )
        extras = []
        if c["duplicate"]:
            extras.append(f"{c['duplicate']} of the unchanged were copies added to an article")
        if c[SKIPPED]:
            extras.append(f"{c[SKIPPED]} records skipped as not articles")
        if c[NOT_FOLLOWED]:
            extras.append(f"{c[NOT_FOLLOWED]} links to directories already read not followed")
        return line + (f" ({'; '.join(extras)})" if extras else "")


def parse(paths: Iterable[Path]) -> Iterator[Event | ParsedDocument]:
    """Read every file under ``paths``: documents, plus events for skips and failures, and
    a ``read`` event after each file."""
    max_bytes = settings.INGEST_MAX_BYTES
    for path in iter_files(paths):
        if isinstance(path, NotWalked):
            yield Event(FAILED if path.failed else SKIPPED, str(path.path), path.reason, shown=True)
            continue
        try:
            for item in read_path(path, max_bytes=max_bytes):
                yield _checked(item)
        except ReadError as error:
            yield Event(FAILED, str(path), str(error))
        except Exception as error:  # a reader bug must not end the batch
            yield Event(FAILED, str(path), f"unexpected {type(error).__name__}: {error}")
        yield Event(READ, str(path), str(file_size(path)))


def _checked(item: ParsedDocument | Skipped) -> Event | ParsedDocument:
    """A reader's item as the pipeline passes it on; a document too long for extraction
    fails here, before anything is extracted or stored."""
    if isinstance(item, Skipped):
        return Event(FAILED if isinstance(item, Failed) else SKIPPED, item.origin, item.reason)
    reason = limits.too_long(item.body) or limits.too_long(item.title)
    return Event(FAILED, item.origin, reason) if reason else item


def is_archive(path: str) -> bool:
    """A web archive, whose records are named by their offset."""
    return extension(Path(path)) in {".warc", ".warc.gz", ".arc", ".arc.gz"}


def input_size(paths: Iterable[Path]) -> int:
    """Bytes in all the files ``parse`` will read: the total for a progress bar."""
    return sum(file_size(path) for path in iter_files(paths))


def record_total(paths: Iterable[Path]) -> int | None:
    """Records in the input when every file is a JSONL dataset (one record a non-blank
    line), counted before the work starts: the total of a progress bar in documents. None
    for other inputs (the bar then counts bytes)."""
    files = list(iter_files(paths))
    if not files or any(isinstance(f, NotWalked) or extension(f) != ".jsonl" for f in files):
        return None
    return sum(count_records(f) for f in files)


def count_records(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0  # reported when the file is read


def file_size(path: Path | NotWalked) -> int:
    if isinstance(path, NotWalked):
        return 0
    try:
        return path.stat().st_size
    except OSError:
        return 0


def ingest(
    paths: Iterable[Path], on_event: Callable[[Event], None], tally: Tally | None = None
) -> Tally:
    """Parse, extract, store. Calls ``on_event`` for every outcome; returns the tally.

    Reading and extraction may run in a second process (``read_and_extract``); storing and
    indexing happen here only: the database and the index have one writer.
    """
    tally = tally if tally is not None else Tally()
    resolver, gazetteer = EntityResolver(), Gazetteer.from_entries(database_entries())
    known = KnownDocuments()
    for item in read_and_extract(paths, gazetteer, known.hashes):
        if isinstance(item, Event):
            event = item
        else:
            doc, actors, fingerprint = item
            if actors is None:
                actors = partial(extract, doc, gazetteer)
            event = store_one(doc, resolver, actors, known, fingerprint)
        tally.add(event)
        on_event(event)
    return tally


def extract(doc: ParsedDocument, gazetteer) -> list:
    actors = extraction.extract(doc.title, doc.body, gazetteer=gazetteer)
    return actors + dateline_countries(doc, actors, gazetteer)


def dateline_countries(doc: ParsedDocument, actors: list, gazetteer) -> list:
    """Countries named by a dateline that the reader took out of the body (the place of a
    Korean lead byline, "서울 연합뉴스 강종훈 기자"): it still says where the article was written,
    as it does when the body keeps it (GUIDELINES). No span: the body no longer has it."""
    if not doc.dateline or doc.dateline.casefold() in doc.body.casefold():
        return []
    known = {a.code for a in actors if a.kind == COUNTRY}
    found = extraction.extract("", doc.dateline, gazetteer=gazetteer)
    out = [a for a in found if a.kind == COUNTRY and a.code not in known]
    for actor in out:
        actor.spans = []
    return out


def read_and_extract(paths: Iterable[Path], gazetteer, known: set[str]) -> Iterator:
    """Events and ``(document, actors, fingerprint)`` triples, in file order.

    With ``INGEST_READER_PROCESS`` a forked process reads, extracts and fingerprints ahead
    (up to ``READ_AHEAD`` documents) while this one stores. Actors and fingerprint are
    ``None`` for documents whose hash is in ``known`` (and inline, where they are computed
    only for new articles).
    """
    files = list(iter_files(paths))
    if not settings.INGEST_READER_PROCESS or "fork" not in multiprocessing.get_all_start_methods():
        for item in parse(files):
            yield item if isinstance(item, Event) else (item, None, None)
        return
    context = multiprocessing.get_context("fork")  # inherits the gazetteer, opens no database
    queue = context.Queue(maxsize=READ_AHEAD)
    reader = context.Process(
        target=_reader, args=(files, gazetteer, known, queue, os.getpid()), daemon=True
    )
    reader.start()
    try:
        yield from _items_from(reader, queue)
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()


def _reader(files, gazetteer, known, queue, parent: int) -> None:
    die_with_parent(parent)
    for item in parse(files):
        if not isinstance(item, Event):
            item = (item, *_prepared(item, gazetteer, known))
        queue.put(item)
    queue.put(None)


def _prepared(doc: ParsedDocument, gazetteer, known: set[str]) -> tuple:
    """A new document's actors and fingerprint, computed in the reader; ``None`` for one
    already stored or on failure (computed again when stored, where a failure is reported)."""
    if doc.content_hash in known:
        return None, None
    try:
        return extract(doc, gazetteer), fingerprint(doc.body)
    except Exception:
        return None, None


PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0  # how often the fallback watchdog checks that the parent is alive


def die_with_parent(parent: int) -> None:
    """End this (forked) process when ``parent`` dies, even by SIGKILL: the kernel's
    parent-death signal on Linux, and a thread polling the parent's pid as a fallback (other
    systems, or a parent that died before the signal was armed)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:  # re-parented: our parent has gone
            os._exit(1)
        threading.Event().wait(WATCH_SECONDS)


def _items_from(reader, queue) -> Iterator:
    """The reader's items until its end mark; a failure event if it died before that."""
    while True:
        try:
            item = queue.get(timeout=QUEUE_POLL_SECONDS)
        except Empty:
            if reader.is_alive():
                continue
            try:
                item = queue.get_nowait()
            except Empty:
                yield Event(
                    FAILED,
                    "(reader process)",
                    f"died with exit code {reader.exitcode}; "
                    "files after the last one reported were not read",
                )
                return
        if item is None:
            return
        yield item


def store_one(
    doc: ParsedDocument,
    resolver: EntityResolver,
    actors,
    known: KnownDocuments | None = None,
    fingerprint: list[int] | None = None,
) -> Event:
    """Store one document with its actors (or a function extracting them), retrying when a
    concurrent writer got in the way (the retry looks up what it stored). A document
    ``known`` has never seen is stored without lookups; one it knows to be stored, capture and
    URLs included, is ``unchanged`` without a transaction."""
    if known is not None and known.surely_unchanged(doc):
        return Event(UNCHANGED, doc.origin)
    fresh = [known is not None and known.surely_new(doc)]

    def work():  # ``store`` calls ``actors`` only for a new article
        return store(doc, actors, resolver, fresh=fresh[0], fingerprint=fingerprint)

    def again():
        resolver.forget()
        fresh[0] = False

    try:
        status, _ = retrying(work, again)
        if known is not None and status == NEW:
            known.remember(doc)
        return Event(status, doc.origin)
    except Exception as error:  # one bad document never aborts the batch
        resolver.forget()  # entities it created were rolled back
        return Event(FAILED, doc.origin, f"could not store: {type(error).__name__}: {error}")


def dry_run(
    paths: Iterable[Path], on_event: Callable[[Event], None], tally: Tally | None = None
) -> Tally:
    """Parse and extract without touching the database or the index."""
    tally = tally if tally is not None else Tally()
    for item in parse(paths):
        event = item if isinstance(item, Event) else Event(PARSED, item.origin, document=item)
        tally.add(event)
        on_event(event)
    return tally


def document_json(doc: ParsedDocument) -> dict:
    """The dry-run record of a parsed document and its actors."""
    actors = extract(doc, None)

    def named(kind):
        return [{"name": a.name, "aliases": a.aliases} for a in actors if a.kind == kind]

    return {
        "path": doc.origin,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "source": doc.source,
        "url": doc.url,
        "author": doc.author,
        "language": doc.language,
        "body": doc.body,
        "persons": named("person"),
        "organizations": named("organization"),
        "countries": sorted({a.code for a in actors if a.kind == "country" and a.code}),
    }
