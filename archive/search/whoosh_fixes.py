"""A fix to Whoosh (frozen code, see STACK_NOTES.md) applied when the backend is imported.

``W3PerDocReader._cached_reader`` remembers a field's length column only when the column
exists: for a field without one (ids, keywords, the spelling field) every call asks the
storage whether the file exists. Writing a segment calls it once per posting, through
``doc_field_length``: 1.2 million ``stat`` calls for 2,000 articles, a tenth of the
ingest's CPU. A segment's files never change once it is written, so a missing column stays
missing: the reader remembers that too.
"""

from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
