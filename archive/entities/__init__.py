"""Entity extraction: article text → mentions of canonical actors.

Public API (import each from its module; this package imports nothing, so importing
``archive.entities.types`` does not load spaCy)::

    pipeline.extract(title: str, body: str, gazetteer: Gazetteer | None = None) -> list[Actor]
    gazetteer.Gazetteer.default() -> Gazetteer   # the data files, built once per process
    gazetteer.Gazetteer.from_entries(entries) -> Gazetteer
    gazetteer.Gazetteer.entries() -> Iterator[GazetteerEntry]
    entries.GazetteerEntry(kind, name, aliases=(), code="")
    types.Actor
"""
