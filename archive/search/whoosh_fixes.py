"""Fixes to Whoosh (frozen code, see STACK_NOTES.md) applied when the backend is imported.

``AndNotMatcher`` ("korea -nuclear") skips the excluded documents only from its second hit
on: when a segment's first positive document is also excluded but the exclusion's first
document comes earlier, that document was a hit. It now skips from the first hit. And a
``skip_to`` past its last positive document asked that finished matcher for its id (an
IndexError: an exclusion inside an ``And``); it now stops there.

``BufferFile`` (a file inside a compound segment file, read through its mmap) wrapped its
memoryview in a ``BytesIO``, which copies it: opening a searcher copied every segment's
postings into the process, 550 MB of anonymous memory per worker at 100,000 articles. It
now reads the memoryview in place (``ViewReader``), with a ``peek`` so that unpickling a
posting block's header is two calls, not one per pickle opcode (52,000 reads for one cold
phrase query at 100,000 articles).

``W3PerDocReader._cached_reader`` remembers a field's length column only when the column
exists: for a field without one (ids, keywords, the spelling field) every call asks the
storage whether the file exists. Writing a segment calls it once per posting, through
``doc_field_length``: 1.2 million ``stat`` calls for 2,000 articles, a tenth of the
ingest's CPU. A segment's files never change once it is written, so a missing column stays
missing: the reader remembers that too.

A posting block is pickled with protocol 2, where every posting's value (its bytes) is a
call of ``_codecs.encode`` on a latin-1 string: unpickling a block was two thirds of the
time a cold phrase spends reading its postings. Blocks, block headers and inline postings
are now written with protocol 4, where bytes are bytes: a third of the time to read and
half the size compressed. ``pickle.loads`` reads either protocol, so segments written
before stay readable, and the values inside (``Positions.encode``'s own protocol 2
pickles, which ``vector_match`` reads in numpy) do not change.
"""

import os
import pickle

from whoosh.codec import whoosh3
from whoosh.filedb.structfile import BufferFile
from whoosh.matching.binary import AndNotMatcher

_MISSING = object()
BLOCK_PICKLE_PROTOCOL = 4


def _dumps(obj, protocol=None) -> bytes:
    """``whoosh3``'s pickler for posting blocks, whatever protocol it asks for."""
    return pickle.dumps(obj, BLOCK_PICKLE_PROTOCOL)


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def _find_first(self) -> None:
    if self.a.is_active() and self.b.is_active():
        self._find_next()


def _find_next(self) -> bool:
    """The next positive document not excluded (Whoosh's loop, guarded at its start)."""
    pos, neg = self.a, self.b
    if not (pos.is_active() and neg.is_active()):
        return False
    pos_id, moved = pos.id(), False
    if neg.id() < pos_id:
        neg.skip_to(pos_id)
    while pos.is_active() and neg.is_active() and pos_id == neg.id():
        moved = pos.next() or moved
        if not pos.is_active():
            break
        pos_id = pos.id()
        neg.skip_to(pos_id)
    return moved


class ViewReader:
    """A read-only, seekable file over a memoryview that never copies the view."""

    def __init__(self, buf):
        self._view = memoryview(buf)
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view)
        if size is not None and size >= 0:
            end = min(self._pos + size, end)
        data = self._view[self._pos : end].tobytes()
        self._pos = max(self._pos, end)
        return data

    def peek(self, size: int = 1) -> bytes:
        """Bytes ahead without moving: ``pickle.load`` reads ahead through this, then
        consumes what it used in one ``read``, instead of one ``read`` per opcode."""
        return self._view[self._pos : self._pos + max(size, 1)].tobytes()

    def readline(self, size: int | None = -1) -> bytes:
        line, limit = b"", len(self._view) if size is None or size < 0 else size
        while len(line) < limit and self._pos < len(self._view):
            chunk = self._view[self._pos : self._pos + min(256, limit - len(line))].tobytes()
            cut = chunk.find(b"\n")
            chunk = chunk if cut < 0 else chunk[: cut + 1]
            line += chunk
            self._pos += len(chunk)
            if cut >= 0:
                break
        return line

    def __iter__(self):
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: len(self._view)}[whence]
        self._pos = base + offset
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        pass


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = ViewReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def apply() -> None:
    BufferFile.__init__ = _buffer_file_init
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.dumps = _dumps
    AndNotMatcher._find_first = _find_first
    AndNotMatcher._find_next = _find_next
