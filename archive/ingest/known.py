"""What an ingest knows is stored: the content hashes and URLs of all articles, and which
captures each content hash already has.

Read once when the ingest starts and kept up to date with what it stores, so that a new
document (the common case of a bulk load) is stored without looking anything up. Another
process storing the same document meanwhile is caught by the unique columns
(``store(..., fresh=True)``), and the retry looks the document up. A capture stored before
(the same bytes, for an article of the same text, every URL known) is known to change nothing
and is not looked up either: a second ingest of the same files touches no row.
"""

from __future__ import annotations

from archive.ingest.document import ParsedDocument
from archive.ingest.store import capture_sha, urls_of
from archive.models import Article, ArticleURL, Capture


class KnownDocuments:
    def __init__(self) -> None:
        self.hashes = set(Article.objects.values_list("content_hash", flat=True))
        self.urls = set(ArticleURL.objects.values_list("url", flat=True))
        self.captures = set(Capture.objects.values_list("article__content_hash", "sha256"))

    def surely_new(self, doc: ParsedDocument) -> bool:
        """Neither the text nor any URL of ``doc`` was stored when this ingest started or
        by this ingest since."""
        if doc.content_hash in self.hashes:
            return False
        return not any(url in self.urls for url in urls_of(doc))

    def surely_unchanged(self, doc: ParsedDocument) -> bool:
        """Storing ``doc`` would change nothing: its article (by text) already holds this very
        capture, and every URL of ``doc`` is stored."""
        if (doc.content_hash, capture_sha(doc)) not in self.captures:
            return False
        return all(url in self.urls for url in urls_of(doc))

    def remember(self, doc: ParsedDocument) -> None:
        self.hashes.add(doc.content_hash)
        self.urls.update(urls_of(doc))
        self.captures.add((doc.content_hash, capture_sha(doc)))
