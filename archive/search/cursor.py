"""Opaque API cursors: a keyset position (``keyset.Position``) bound to one search.

A cursor is base64url JSON ``{"v": 1, "s": search, "o": order, "k": key, "g": generation}``.
``s`` names the search it was made for (words, filters, dates, order), so a cursor pasted
onto another search is refused instead of giving pages of something else. Clients must not
build or read cursors; only take them from a ``next`` URL.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math

from archive.search import keyset
from archive.search.request import SearchRequest

VERSION = 1
KEY_TYPES = {
    "newest": (int, int, int),
    "oldest": (int, int, int),
    "relevance": (float, int),
}
MALFORMED = "Malformed cursor: use the “next” URL of a previous answer."
OTHER_SEARCH = "This cursor belongs to another search: use the “next” URL of this search."
EXPIRED = "Cursor expired: the index has changed since; start again without a cursor."


class CursorError(ValueError):
    """A cursor that cannot be used; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def fingerprint(request: SearchRequest) -> str:
    """A short name of what ``request`` searches and how it sorts (not which page)."""
    what = (
        request.q,
        sorted((name, sorted(values)) for name, values in request.filters.items()),
        sorted((name, request.mode(name)) for name in request.filters),
        str(request.date_from),
        str(request.date_to),
        request.sort,
    )
    return hashlib.sha256(repr(what).encode()).hexdigest()[:16]


def encode(request: SearchRequest, kind: str, key: tuple, generation: str) -> str:
    data = {"v": VERSION, "s": fingerprint(request), "o": kind, "k": list(key), "g": generation}
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(text: str, request: SearchRequest) -> keyset.Position | None:
    """The position ``text`` holds for ``request``; None for "" (the start)."""
    if not text:
        return None
    data = parsed(text)
    if data["s"] != fingerprint(request):
        raise CursorError(OTHER_SEARCH)
    return keyset.Position(data["o"], tuple(data["k"]), data["g"])


def parsed(text: str) -> dict:
    try:
        padded = text + "=" * (-len(text) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, TypeError, UnicodeError, binascii.Error):
        raise CursorError(MALFORMED) from None
    if not well_formed(data):
        raise CursorError(MALFORMED)
    return data


def well_formed(data) -> bool:
    if not isinstance(data, dict) or data.get("v") != VERSION:
        return False
    if not all(isinstance(data.get(name), str) for name in ("s", "o", "g")):
        return False
    types, key = KEY_TYPES.get(data["o"]), data.get("k")
    if types is None or not isinstance(key, list) or len(key) != len(types):
        return False
    return all(fits(value, kind) for value, kind in zip(key, types, strict=True))


def fits(value, kind) -> bool:
    if isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, (int, float)) and math.isfinite(value)
    return isinstance(value, int) and -(2**63) < value < 2**63


def page_after(backend, request: SearchRequest, text: str, limit: int):
    """(the ``KeysetPage`` after cursor ``text``, the cursor of the page after it or None)."""
    position = decode(text, request)
    try:
        page = backend.execute_after(request, position, limit)
    except keyset.Expired:
        raise CursorError(EXPIRED, status=410) from None
    except keyset.WrongKind:
        raise CursorError(OTHER_SEARCH) from None
    following = encode(request, page.kind, page.last, page.generation) if page.last else None
    return page, following
