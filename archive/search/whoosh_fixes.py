"""Fixes to Whoosh (frozen code, see STACK_NOTES.md) applied when the backend is imported.

``AndNotMatcher`` ("korea -nuclear") skips the excluded documents only from its second hit
on: when a segment's first positive document is also excluded but the exclusion's first
document comes earlier, that document was a hit. It now skips from the first hit. And a
``skip_to`` past its last positive document asked that finished matcher for its id (an
IndexError: an exclusion inside an ``And``); it now stops there.

``W3PerDocReader._cached_reader`` remembers a field's length column only when the column
exists: for a field without one (ids, keywords, the spelling field) every call asks the
storage whether the file exists. Writing a segment calls it once per posting, through
``doc_field_length``: 1.2 million ``stat`` calls for 2,000 articles, a tenth of the
ingest's CPU. A segment's files never change once it is written, so a missing column stays
missing: the reader remembers that too.
"""

from whoosh.codec import whoosh3
from whoosh.matching.binary import AndNotMatcher

_MISSING = object()


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


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    AndNotMatcher._find_first = _find_first
    AndNotMatcher._find_next = _find_next
