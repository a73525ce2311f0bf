"""A throw-away index with the project's schema and query parser, for evaluation commands.

Built by the project's backend class in a directory of the caller's choosing (a temporary
one), from plain (title, text) pairs: no database, no haystack connection state. Queries go
through the backend's own ``parse_user_query``, so they are analysed as on the search page.
"""

from __future__ import annotations

from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from archive.search.backend import PeninsulaWhooshBackend


class ScratchIndex:
    """Documents numbered 0.. in the order given; ``search`` returns those numbers."""

    def __init__(self, path: str, documents: list[tuple[str, str]]):
        self.backend = PeninsulaWhooshBackend("default", PATH=path)
        self.backend.setup()
        writer = self.backend.index.writer()
        for number, (title, text) in enumerate(documents):
            writer.add_document(
                **{
                    ID: f"archive.article.{number}",
                    DJANGO_CT: "archive.article",
                    DJANGO_ID: str(number),
                    self.backend.content_field_name: text,
                    "title": title,
                }
            )
        writer.commit()
        self.searcher = self.backend.index.searcher()

    def search(self, q: str) -> set[int]:
        query = self.backend.parse_user_query(q)
        return {int(hit[DJANGO_ID]) for hit in self.searcher.search(query, limit=None)}
