"""What the later stages can take, checked before the work starts.

Entity extraction tokenizes a document's text with spaCy, which refuses texts longer than
its ``nlp.max_length`` characters. A text that long is refused when it is read, with that
reason, instead of failing after minutes of parsing.
"""

from __future__ import annotations

from archive.entities.gazetteer import tokenizer
from archive.ingest.document import ReadError

MAX_BYTES_PER_CHAR = 4  # UTF-32: no encoding spends more bytes on one character


def max_text_chars() -> int:
    """The longest title or body entity extraction can tokenize (spaCy's max_length)."""
    return tokenizer().max_length


def too_long(text: str) -> str:
    """Why ``text`` is too long for extraction, or ``""``."""
    limit = max_text_chars()
    if len(text) <= limit:
        return ""
    return (
        f"text too long for entity extraction: {len(text):,} characters, "
        f"the limit is {limit:,} (spaCy's max_length)"
    )


def check_text_bytes(size: int) -> None:
    """Refuse, before decoding, a one-document file that must hold too many characters."""
    limit = max_text_chars()
    if size > MAX_BYTES_PER_CHAR * limit:
        raise ReadError(
            f"file too large for entity extraction: {size:,} bytes hold more than "
            f"{limit:,} characters (spaCy's max_length)"
        )


def check_text(text: str) -> None:
    if reason := too_long(text):
        raise ReadError(reason)
