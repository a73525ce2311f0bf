"""Placeholder reader (being written)."""

from archive.ingest.document import ReadError


def read(path, data):
    raise ReadError("reader not available yet")
