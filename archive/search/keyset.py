"""Keyset order of search hits: the one order of every results page and API cursor.

Every hit has a sort key; "after a position" means after its key in that order, so a cursor
holds the key of the last hit it returned, not an offset, and pages never skip or repeat a
hit however far a client walks. Ties are broken by article id, never by Whoosh docnum
(docnums change with every index generation, article ids never do):

- newest: dated before undated, then publication time descending, then id descending;
- oldest: dated before undated, then publication time ascending, then id ascending;
- relevance (with words): score descending, then id ascending. Scores depend on the whole
  index, so a relevance position is valid only in the generation it was taken from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from archive.search.columns import UNDATED

# Components of a key: (name, ascending)
DATE_KEYS = {
    "newest": (("undated", True), ("stamp", False), ("id", False)),
    "oldest": (("undated", True), ("stamp", True), ("id", True)),
}
SCORE_KEYS = (("score", False), ("id", True))


KINDS = ("newest", "oldest", "relevance")


@dataclass(frozen=True)
class Position:
    """Where a walk stopped: the key family, the last key, the generation it was read in."""

    kind: str
    key: tuple
    generation: str


class WrongKind(ValueError):
    """The position was taken in another order than the request's."""


class Expired(ValueError):
    """A relevance position of an index generation that is gone (scores have changed)."""


def check(position: Position, kind: str, generation: str) -> None:
    if position.kind != kind:
        raise WrongKind(f"{position.kind} position for a {kind} order")
    if kind == "relevance" and position.generation != generation:
        raise Expired(f"generation {position.generation} is gone")


def kind_of(sort: str, ranked: bool) -> str:
    """The key family of a request: "relevance" only when hits are ranked by score."""
    return "relevance" if ranked else ("oldest" if sort == "oldest" else "newest")


def key_arrays(columns, docnums: np.ndarray, scores, kind: str) -> list[tuple[np.ndarray, bool]]:
    """(values, ascending) of each key component for the hits ``docnums``."""
    if kind == "relevance":
        values = {"score": scores, "id": columns.django_id[docnums]}
        return [(values[name], asc) for name, asc in SCORE_KEYS]
    values = {
        "undated": (columns.day[docnums] == UNDATED).astype(np.int64),
        "stamp": columns.stamp[docnums],
        "id": columns.django_id[docnums],
    }
    return [(values[name], asc) for name, asc in DATE_KEYS[kind]]


def order(keys: list[tuple[np.ndarray, bool]]) -> np.ndarray:
    """The permutation that puts hits in key order (first component most significant)."""
    if not keys or not len(keys[0][0]):
        return np.zeros(0, dtype=np.int64)
    return np.lexsort([values if asc else -values for values, asc in reversed(keys)])


def after(keys: list[tuple[np.ndarray, bool]], position: tuple) -> np.ndarray:
    """Hits strictly after ``position`` (one value per key component) in key order."""
    later = np.zeros(len(keys[0][0]), dtype=bool)
    equal = np.ones(len(keys[0][0]), dtype=bool)
    for (values, asc), at in zip(keys, position, strict=True):
        later |= equal & ((values > at) if asc else (values < at))
        equal &= values == at
    return later


def position_of(keys: list[tuple[np.ndarray, bool]], index: int) -> tuple:
    """The key of hit ``index`` as plain JSON-able numbers."""
    return tuple(values[index].item() for values, _ in keys)


def generation_id(columns) -> str:
    """A short stable name of the index generation ``columns`` were read from."""
    return hashlib.sha256(repr(columns.key).encode()).hexdigest()[:16]
