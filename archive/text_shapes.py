"""Shapes of a line that both the readers (``ingest``) and the actor extractor (``entities``)
recognise, defined once here: a sentence's end and a byline.

The readers drop a byline from an article's body; the extractor finds no actor in one left
inside the text. Both ask the same question, so both call ``is_byline``.
"""

from __future__ import annotations

import re
from functools import lru_cache

LINE_CACHE = 65536  # distinct lines whose verdict is remembered (menus repeat on every page)
_CLOSING_MARKS = r"[\"'”’)]*$"  # closing quotes or brackets after a sentence's punctuation
# What opens a byline: "By", "BY", "-- By", "Written by", "by:".
BYLINE_OPENING = r"^\W*(?:written\s+)?by"
BYLINE_MAX_CHARS = 120
BYLINE_MAX_WORDS_UNSTOPPED = 6  # a longer line ending like a sentence is one


def ends_sentence(text: str, ellipsis: bool = True) -> bool:
    """Sentence punctuation at the end, closing quotes or brackets after it. With
    ``ellipsis=False`` a text trailing off in "…" (a teaser) does not end a sentence."""
    stops = "[.!?…]" if ellipsis else "[.!?]"
    return re.search(stops + _CLOSING_MARKS, text) is not None


def opens_byline(line: str) -> bool:
    """The line starts the way a byline does ("By", "— by", "Written by"), whatever follows."""
    return re.match(BYLINE_OPENING + r"\b", line, re.I) is not None


@lru_cache(maxsize=LINE_CACHE)
def is_byline(line: str) -> bool:
    """ "By Jane Doe", "BY JANE DOE, SEOUL", "by @jdoe"; not a sentence that opens with "By"
    ("By contrast, the South …", "By Tuesday, officials had agreed.")."""
    m = re.match(BYLINE_OPENING + r":?\s+(\S)", line, re.I)
    if not m or len(line) >= BYLINE_MAX_CHARS:
        return False
    if len(line.split()) > BYLINE_MAX_WORDS_UNSTOPPED and ends_sentence(line, ellipsis=False):
        return False
    return m.group(1).isupper() or m.group(1) == "@"


# A line of a text that opens like a byline, without the blanks around it.
_BYLINE_CANDIDATE = re.compile(r"(?mi)^[ \t]*(" + BYLINE_OPENING[1:] + r"\b.*?)[ \t]*$")


def byline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the lines of ``text`` that are bylines (``is_byline``)."""
    return [m.span(1) for m in _BYLINE_CANDIDATE.finditer(text) if is_byline(m.group(1))]
