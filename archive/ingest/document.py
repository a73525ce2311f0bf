"""The one contract between format readers and storage.

Every reader (``text``, ``html``, ``warc``, ``jsonl``) turns a file into a stream of
``ParsedDocument`` (an article candidate) and ``Skipped`` (a record that is not an article,
with the reason) or ``Failed`` (a broken record, with the reason). A reader raises ``ReadError`` when the whole file cannot be read; the
ingest command reports it with the path and carries on with the next file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime


class ReadError(Exception):
    """The file as a whole cannot be read (bad bytes, truncated archive, ...)."""


@dataclass
class Skipped:
    """A record that was read but is not an article (front page, request record, ...)."""

    origin: str
    reason: str


@dataclass
class Failed(Skipped):
    """A record that should have been an article but is broken (invalid JSON, a field of the
    wrong type, text too long): a failure of that record only; the rest of the file is read."""


@dataclass
class ParsedDocument:
    """A clean article candidate, ready to be stored.

    - ``origin``: where it came from, unique per document: the file path, plus
      ``#<record>`` for a record inside an archive or dataset file.
    - ``title``, ``body``: clean text; ``body`` has page furniture removed and paragraphs
      separated by blank lines.
    - ``published``: publication time, time-zone aware in UTC, or ``None`` if unknown.
    - ``source``: the outlet's display name ("Reuters"); ``""`` if unknown.
    - ``url``: canonical URL with tracking parameters removed; ``""`` if unknown.
      ``other_urls`` holds further URLs of the same article.
    - ``author``: bylines joined with ", "; ``""`` if none.
    - ``language``: ISO 639-1 code ("en", "ko").
    - ``raw``/``content_type``: the original capture exactly as read (for a WARC record, the
      HTTP headers followed by the payload), and its MIME type.
    - ``captured``: when the capture was made (WARC-Date), aware UTC, or ``None``.
    - ``dateline``: the place of a wire dateline ("Pyongyang"), ``""`` if none.

    Text fields never hold a NUL character (dropped on creation).
    """

    origin: str
    title: str
    body: str
    raw: bytes
    content_type: str = "text/plain"
    published: datetime | None = None
    source: str = ""
    url: str = ""
    other_urls: list[str] = field(default_factory=list)
    author: str = ""
    language: str = "en"
    captured: datetime | None = None
    dateline: str = ""

    def __post_init__(self):
        # A NUL character carries no text and PostgreSQL refuses it in text columns: it is
        # dropped from every text field here, so every reader's documents store anywhere.
        for name in ("origin", "title", "body", "source", "url", "author", "dateline"):
            setattr(self, name, getattr(self, name).replace("\x00", ""))
        self.other_urls = [u.replace("\x00", "") for u in self.other_urls]

    @property
    def content_hash(self) -> str:
        """``content_hash(self.body)``, computed once per body: the reader, the duplicate checks
        and the store all ask for it, and the reader's answer travels with the document to the
        storing process. A new body (a field set after reading) is hashed anew."""
        body, digest = self.__dict__.get("_hashed", (None, ""))
        if body is not self.body:
            digest = content_hash(self.body)
            self.__dict__["_hashed"] = (self.body, digest)
        return digest


def normalise_text(text: str) -> str:
    """NFKC, lower-cased, whitespace collapsed: the form used for exact-duplicate hashing."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", " ", text).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
