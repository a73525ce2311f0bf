"""Per-segment columns: filters, facet counts and date sorting without touching text postings.

A Whoosh segment never changes once written (only its deleted set grows), so the values a
page filters, counts and sorts on are read from each segment once, into numpy arrays, and
cached per process by segment id. A new index generation reuses the columns of the segments
it shares with the previous one and reads only its new segments.

- ``stamp``: the ``published`` column as Whoosh sorts it (microseconds since year 1, naive
  UTC); ``day``: its day number, ``UNDATED`` for articles without a date;
- ``django_id``: the article id of each docnum (no stored-field read per shown hit);
- for every facet field (see ``vocabulary.py``): the (docnum, value id) pairs of the stored
  values, the very values the field's terms were indexed from; value ids are process-wide
  (``VALUES``), so counts of several segments add up.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from whoosh.reading import SegmentReader

from archive.search.vocabulary import FACET_FIELDS, MULTI_FACETS

DATE_FIELD = "published"
DJANGO_ID = "django_id"  # haystack.constants.DJANGO_ID
USECS_PER_DAY = 86_400_000_000
UNDATED = np.iinfo(np.int32).max
HIT_CACHE_SIZE = 64


class Values:
    """Facet values ↔ small integer ids, one numbering per field for the whole process."""

    def __init__(self):
        self._ids: dict[str, dict[str, int]] = {name: {} for name in FACET_FIELDS}
        self._names: dict[str, list[str]] = {name: [] for name in FACET_FIELDS}
        self._by_name: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()

    def id(self, field_name: str, value: str) -> int:
        found = self._ids[field_name].get(value)
        if found is None:
            with self._lock:
                names = self._names[field_name]
                found = self._ids[field_name].setdefault(value, len(names))
                if found == len(names):
                    names.append(value)
        return found

    def ids(self, field_name: str) -> dict[str, int]:
        """The field's value → id map as it stands (read-only; ``id`` adds values)."""
        return self._ids[field_name]

    def lookup(self, field_name: str, value: str) -> int | None:
        return self._ids.get(field_name, {}).get(value)

    def name(self, field_name: str, value_id: int) -> str:
        return self._names[field_name][value_id]

    def count(self, field_name: str) -> int:
        return len(self._names[field_name])

    def by_name(self, field_name: str) -> tuple[np.ndarray, np.ndarray]:
        """(the field's value ids in name order, its names by id as an object array), as
        they stand; sorted again only once values were added."""
        found = self._by_name.get(field_name)
        if found is None or len(found[1]) != self.count(field_name):
            names = np.array(self._names[field_name][:], dtype=object)
            order = np.array(sorted(range(len(names)), key=names.__getitem__), dtype=np.int64)
            found = self._by_name[field_name] = (order, names)
        return found


VALUES = Values()


def day_number(day: date) -> int:
    """The day number of a date in the ``day`` column (days since 0001-01-01)."""
    return day.toordinal() - 1


@dataclass
class FacetPairs:
    """One facet field of one segment: ``docs[i]`` holds value ``ids[i]``; ``spans`` maps a
    value id to its slice of ``docs`` (postings are read value by value)."""

    docs: np.ndarray
    ids: np.ndarray
    spans: dict[int, tuple[int, int]]
    by_doc: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    def doc_major(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        """(starts, ids): document ``d`` holds the value ids ``ids[starts[d]:starts[d + 1]]``
        (built on first use, for reading a few documents' values)."""
        if self.by_doc is None:
            starts = np.zeros(size + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.docs, minlength=size), out=starts[1:])
            self.by_doc = (starts, self.ids[np.argsort(self.docs, kind="stable")])
        return self.by_doc


@dataclass
class SegmentColumns:
    size: int
    stamp: np.ndarray
    day: np.ndarray
    django_id: np.ndarray
    facets: dict[str, FacetPairs]


def segment_columns(reader) -> SegmentColumns:
    """Read the columns of one segment reader (done once per segment and process)."""
    size = reader.doc_count_all()
    stamp = date_column(reader, size)
    dated = stamp != np.iinfo(np.uint64).max
    day = np.full(size, UNDATED, dtype=np.int32)
    day[dated] = (stamp[dated] // USECS_PER_DAY).astype(np.int32)
    stamp = np.where(dated, stamp, 0).astype(np.int64)
    django_id, facets = stored_columns(reader, size)
    return SegmentColumns(size, stamp, day, django_id, facets)


def date_column(reader, size: int) -> np.ndarray:
    """The raw ``published`` sort values; undated documents hold Whoosh's default (2^64-1)."""
    if DATE_FIELD not in reader.schema:
        return np.full(size, np.iinfo(np.uint64).max, dtype=np.uint64)
    column = reader.column_reader(DATE_FIELD, translate=False)
    return np.fromiter(column, dtype=np.uint64, count=size)


def stored_columns(reader, size: int) -> tuple[np.ndarray, dict[str, FacetPairs]]:
    """Article ids and facet (docnum, value) pairs from the stored fields, one pass over the
    segment's live documents (far cheaper than one postings read per facet value).

    The stored values are the indexed ones: a multi-valued facet field is indexed by
    splitting its stored text on spaces, a single-valued one as the whole text."""
    django_id = np.full(size, -1, dtype=np.int64)
    texts: dict[str, list] = {name: [] for name in FACET_FIELDS}
    docnums = []
    for docnum, stored in reader.iter_docs():
        docnums.append(docnum)
        django_id[docnum] = int(stored.get(DJANGO_ID) or -1)
        for name, column in texts.items():
            column.append(stored.get(name) or "")
    return django_id, {name: facet_pairs(name, docnums, texts[name]) for name in FACET_FIELDS}


def facet_pairs(field_name: str, docnums: list[int], texts: list[str]) -> FacetPairs:
    """The (docnum, value id) pairs of one field, grouped by value, docnums ascending."""
    if field_name in MULTI_FACETS:
        values = [text.split() for text in texts]
    else:
        values = [[text] if text else [] for text in texts]
    docs = np.repeat(np.array(docnums, dtype=np.int64), [len(v) for v in values])
    known = VALUES.ids(field_name)
    ids = np.array(
        [known.get(v) or VALUES.id(field_name, v) for vs in values for v in vs], dtype=np.int64
    )
    return grouped(docs, ids)


def grouped(docs: np.ndarray, ids: np.ndarray) -> FacetPairs:
    """Pairs grouped by value, docnums ascending, a value repeated in a document once."""
    stride = int(docs.max()) + 1 if len(docs) else 1
    keys = np.unique(ids * stride + docs)
    ids, docs = keys // stride, keys % stride
    found, starts, counts = np.unique(ids, return_index=True, return_counts=True)
    spans = {int(v): (int(s), int(s + n)) for v, s, n in zip(found, starts, counts, strict=True)}
    return FacetPairs(docs, ids, spans)


class SegmentCache:
    """Columns by segment id, shared by every thread of the process."""

    def __init__(self):
        self._columns: dict[str, SegmentColumns] = {}
        self._lock = threading.Lock()

    def get(self, reader, saved: Path | None = None) -> SegmentColumns:
        """The segment's columns: from memory, else from ``saved`` (a directory where any
        worker that read them left them), else read from the segment (and left there)."""
        key = reader.segment().segment_id()
        found = self._columns.get(key)
        if found is None:
            # outside the lock: other segments stay available meanwhile
            found = load_columns(saved, key) if saved else None
            if found is None:
                found = segment_columns(reader)
                if saved:
                    save_columns(saved, key, found)
            with self._lock:
                found = self._columns.setdefault(key, found)
        return found

    def keep_only(self, keys) -> None:
        """Forget segments that no open generation uses any more (merged away)."""
        with self._lock:
            for key in set(self._columns) - set(keys):
                del self._columns[key]


SEGMENTS = SegmentCache()


def save_columns(directory: Path, key: str, columns: SegmentColumns) -> None:
    """Leave a segment's columns on disk for other workers and restarts (segments never
    change, so a file named by the segment id never goes stale). Atomic: write, then rename."""
    arrays = {"stamp": columns.stamp, "day": columns.day, "django_id": columns.django_id}
    for name, pairs in columns.facets.items():
        names, local = np.unique(pairs.ids, return_inverse=True)
        arrays[f"{name}.docs"] = pairs.docs
        arrays[f"{name}.local"] = local.astype(np.int64)
        arrays[f"{name}.names"] = np.array([VALUES.name(name, int(i)) for i in names], dtype=str)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, suffix=".tmp", delete=False) as out:
            np.savez(out, **arrays)
        os.replace(out.name, directory / f"{key}.npz")
    except OSError:
        pass  # a read-only or full disk only costs the next worker the same reading


def load_columns(directory: Path, key: str) -> SegmentColumns | None:
    try:
        with np.load(directory / f"{key}.npz") as saved:
            facets = {}
            for name in FACET_FIELDS:
                ids = np.array([VALUES.id(name, v) for v in saved[f"{name}.names"].tolist()])
                ids = ids.astype(np.int64)[saved[f"{name}.local"]]
                facets[name] = grouped(saved[f"{name}.docs"], ids)
            return SegmentColumns(
                len(saved["day"]), saved["stamp"], saved["day"], saved["django_id"], facets
            )
    except (OSError, KeyError, ValueError):
        return None


def prune_saved(directory: Path, index_dir: Path, keep) -> None:
    """Remove saved columns of segments that are no longer in the index directory."""
    try:
        present = {path.name for path in index_dir.iterdir()}
        for path in directory.glob("*.npz"):
            if path.stem not in keep and not any(n.startswith(path.stem) for n in present):
                path.unlink(missing_ok=True)
    except OSError:
        pass


def save_new_segments(index, index_dir: str) -> None:
    """Leave beside the index (``<index_dir>-columns``) the columns of every segment of the
    Whoosh ``index`` that has none there yet: the index writer calls this after each commit,
    so a worker opening the new generation only loads files. Only the new segments are
    opened (opening a reader copies its segment files into memory)."""
    saved = Path(f"{index_dir}-columns")
    toc = index._read_toc()  # the segments of the latest generation (Whoosh is frozen code)
    keys = []
    for segment in toc.segments:
        key = segment.segment_id()
        keys.append(key)
        if not (saved / f"{key}.npz").exists():
            reader = SegmentReader(index.storage, toc.schema, segment, generation=toc.generation)
            try:
                save_columns(saved, key, segment_columns(reader))
            finally:
                reader.close()
    prune_saved(saved, Path(index_dir), set(keys))


def leaf_readers(reader):
    """(segment reader, docnum offset) pairs of a searcher's reader (none for an empty index)."""
    pairs = (
        [(reader, 0)]
        if reader.is_atomic()
        else zip(reader.readers, reader.doc_offsets, strict=True)
    )
    return [(r, offset) for r, offset in pairs if r.segment() is not None]


@dataclass
class Generation:
    """The columns of one index generation, indexed by the searcher's global docnums."""

    key: tuple
    parts: list[tuple[int, SegmentColumns]]
    live: np.ndarray
    stamp: np.ndarray
    day: np.ndarray
    django_id: np.ndarray
    hits: OrderedDict = field(default_factory=OrderedDict)
    memos: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def size(self) -> int:
        return len(self.live)

    def value_mask(self, field_name: str, value: str) -> np.ndarray:
        """Documents holding ``value`` in ``field_name``."""
        mask = np.zeros(self.size, dtype=bool)
        value_id = VALUES.lookup(field_name, value)
        if value_id is None:
            return mask
        for offset, part in self.parts:
            pairs = part.facets[field_name]
            span = pairs.spans.get(value_id)
            if span:
                mask[offset + pairs.docs[span[0] : span[1]]] = True
        return mask

    def day_mask(self, first: date | None, last: date | None) -> np.ndarray:
        """Dated documents published (UTC) from day ``first`` to day ``last`` included."""
        mask = self.day != UNDATED
        if first:
            mask &= self.day >= day_number(first)
        if last:
            mask &= self.day <= day_number(last)
        return mask

    def facet_counts(self, mask: np.ndarray) -> dict[str, Counter]:
        """For every facet field, how many documents of ``mask`` hold each value."""
        counts = {}
        for name in FACET_FIELDS:
            total = self.value_counts(name, mask)
            # in value order, so that values tied at a panel's cut are chosen by value, the
            # same in every worker (Counter.most_common keeps insertion order among ties)
            order, names = VALUES.by_name(name)
            held = order[order < len(total)]
            held = held[total[held] > 0]
            values = zip(names[held].tolist(), total[held].tolist(), strict=True)
            counts[name] = Counter(dict(values))
        return counts

    def by_date(
        self,
        docnums: np.ndarray,
        newest: bool,
        limit: int | None = None,
        ties: np.ndarray | None = None,
    ) -> np.ndarray:
        """``docnums`` by publication time, undated last in both directions; ties (same
        instant, or undated) by ``ties`` (default the docnums: as Whoosh), newest: higher
        first, oldest: lower first. With ``limit``, only the first ``limit`` are ordered
        and returned (a partition, not a sort, of the rest)."""
        ties = docnums if ties is None else ties
        stamp, undated = self.stamp[docnums], self.day[docnums] == UNDATED
        primary = np.where(undated, np.iinfo(np.int64).max, -stamp if newest else stamp)
        if limit is not None and limit < len(docnums):
            if limit <= 0:
                return docnums[:0]
            cut = np.partition(primary, limit - 1)[limit - 1]
            near = primary <= cut  # the first ``limit`` and whatever ties with the last
            docnums, ties, primary = docnums[near], ties[near], primary[near]
        order = np.lexsort((-ties if newest else ties, primary))
        return docnums[order[:limit]]

    def day_counts(self, mask: np.ndarray) -> dict[date, int]:
        """Dated documents of ``mask`` per UTC day."""
        days, counts = np.unique(self.day[mask & (self.day != UNDATED)], return_counts=True)
        return {date.fromordinal(int(d) + 1): int(n) for d, n in zip(days, counts, strict=True)}

    def value_counts(self, field_name: str, mask: np.ndarray) -> np.ndarray:
        """How many documents of ``mask`` hold each value id of ``field_name``."""
        total = np.zeros(VALUES.count(field_name), dtype=np.int64)
        for offset, part in self.parts:
            pairs = part.facets[field_name]
            found = np.bincount(pairs.ids[mask[offset + pairs.docs]], minlength=len(total))
            total[: len(found)] += found[: len(total)]
        return total

    def held_values(self, field_name: str, docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(rows, value ids) of every value the documents ``docnums`` hold in ``field_name``:
        ``rows`` gives each one's document as a position in ``docnums``. Read document by
        document: the cost follows the documents, not the pairs of the whole field."""
        rows, values = [], []
        for offset, part in self.parts:
            inside = np.flatnonzero((docnums >= offset) & (docnums < offset + part.size))
            if not len(inside):
                continue
            starts, ids = part.facets[field_name].doc_major(part.size)
            local = docnums[inside] - offset
            first, held = starts[local], starts[local + 1] - starts[local]
            at = np.repeat(first - np.cumsum(held) + held, held) + np.arange(int(held.sum()))
            rows.append(np.repeat(inside, held))
            values.append(ids[at])
        return concat(rows, np.int64), concat(values, np.int64)

    def counts_of(self, field_name: str, docnums: np.ndarray) -> np.ndarray:
        """``value_counts`` of the distinct documents ``docnums``, read document by document
        (cheaper than a mask over every pair of the field when they are few)."""
        _, values = self.held_values(field_name, docnums)
        total = np.zeros(VALUES.count(field_name), dtype=np.int64)
        found = np.bincount(values, minlength=len(total))
        total[: len(found)] += found[: len(total)]
        return total

    def holds(self, field_name: str, docnums: np.ndarray, values: list[str]) -> np.ndarray:
        """Whether each document of ``docnums`` holds each of ``values`` in ``field_name``:
        a (documents, values) table."""
        table = np.zeros((len(docnums), len(values)), dtype=bool)
        wanted = {VALUES.lookup(field_name, value): j for j, value in enumerate(values)}
        wanted.pop(None, None)
        if not wanted:
            return table
        rows, ids = self.held_values(field_name, docnums)
        column = np.full(max(VALUES.count(field_name), int(ids.max(initial=-1)) + 1), -1)
        column[list(wanted)] = list(wanted.values())
        at = column[ids]
        table[rows[at >= 0], at[at >= 0]] = True
        return table

    def memo(self, key, compute):
        """``compute()``, once per generation (for figures about the whole index)."""
        with self.lock:
            found = self.memos.get(key)
        if found is None:
            found = compute()
            with self.lock:
                found = self.memos.setdefault(key, found)
        return found

    def cached_hits(self, key):
        with self.lock:
            found = self.hits.get(key)
            if found is not None:
                self.hits.move_to_end(key)
            return found

    def cache_hits(self, key, value) -> None:
        with self.lock:
            self.hits[key] = value
            while len(self.hits) > HIT_CACHE_SIZE:
                self.hits.popitem(last=False)


_generations: dict[tuple, Generation] = {}
_generations_lock = threading.Lock()


def generation_key(reader) -> tuple:
    return tuple(
        (r.segment().segment_id(), r.doc_count_all() - r.doc_count())
        for r, _ in leaf_readers(reader)
    )


def generation(reader, index_dir: str | None = None) -> Generation:
    """The columns of the generation ``reader`` reads, built from cached segments; with
    ``index_dir``, segment columns are also saved beside it (``<index_dir>-columns``)."""
    key = generation_key(reader)
    found = _generations.get(key)
    if found is not None:
        return found
    saved = Path(f"{index_dir}-columns") if index_dir else None
    parts, live = [], []
    for segment_reader, offset in leaf_readers(reader):
        parts.append((offset, SEGMENTS.get(segment_reader, saved)))
        alive = np.ones(segment_reader.doc_count_all(), dtype=bool)
        if segment_reader.has_deletions():
            alive[list(segment_reader.deleted_docs_set)] = False
        live.append(alive)
    found = Generation(
        key=key,
        parts=parts,
        live=concat(live, bool),
        stamp=concat([p.stamp for _, p in parts], np.int64),
        day=concat([p.day for _, p in parts], np.int32),
        django_id=concat([p.django_id for _, p in parts], np.int64),
    )
    with _generations_lock:
        found = _generations.setdefault(key, found)
        for old in [k for k in _generations if k != key][:-1]:
            del _generations[old]  # keep the previous generation for threads still on it
        kept = {seg for k in _generations for seg, _ in k}
        SEGMENTS.keep_only(kept)
    if saved:
        prune_saved(saved, Path(index_dir), kept)
    return found


def concat(arrays, dtype) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)
