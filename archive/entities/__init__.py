"""Entity extraction: article text → mentions of canonical actors.

Public API::

    extract(title: str, body: str, gazetteer: Gazetteer | None = None) -> list[Actor]
    Gazetteer.default() -> Gazetteer            # the data files, built once per process
    Gazetteer.from_entries(entries) -> Gazetteer
    Gazetteer.entries() -> Iterator[GazetteerEntry]
    GazetteerEntry(kind, name, aliases=(), code="")
"""

from archive.entities.gazetteer import Gazetteer, GazetteerEntry
from archive.entities.pipeline import extract
from archive.entities.types import Actor

__all__ = ["Actor", "Gazetteer", "GazetteerEntry", "extract"]
