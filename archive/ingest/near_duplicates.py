"""Near-duplicate grouping with MinHash over word shingles and banded LSH.

Two articles whose 8-word shingle sets have a Jaccard similarity of 0.6 or more are versions
of one story (wire copies, lightly edited updates, the same story under several URLs).
MinHash bands find the candidates without comparing every pair; the exact similarity decides.
The first-ingested article of a group is the root; later ones point at it.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from archive.models import Article, Fingerprint

SHINGLE = 8
BANDS, ROWS = 20, 3
THRESHOLD = 0.6
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64((1 << 32) - 1)
_rng = np.random.default_rng(20211203)
_A = _rng.integers(1, (1 << 61) - 1, BANDS * ROWS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, BANDS * ROWS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return np.array([zlib.crc32(g.encode()) for g in grams if g], dtype=np.uint64)


def minhash(text: str) -> np.ndarray:
    values = shingles(text)
    if values.size == 0:
        return np.zeros(BANDS * ROWS, dtype=np.uint64)
    # ((a*x + b) mod p) for every permutation and shingle, a and b up to 2^61: the product
    # wraps modulo 2^64, which mixes the bits. (With small a it never wrapped, every hash was
    # monotonic in x, and all "permutations" picked the same smallest shingle.)
    with np.errstate(over="ignore"):
        hashed = ((_A[:, None] * values[None, :] + _B[:, None]) % _PRIME) & _MASK
    return hashed.min(axis=1)


def bands(signature: np.ndarray) -> list[int]:
    rows = signature.reshape(BANDS, ROWS)
    return [zlib.crc32(row.tobytes()) for row in rows]


def fingerprint(text: str) -> list[int]:
    """The LSH band values of ``text``: what ``link_near_duplicates`` stores and looks up."""
    return bands(minhash(text))


def link_near_duplicates(
    article: Article, models=(Article, Fingerprint), values: list[int] | None = None
) -> Article | None:
    """Fingerprint ``article`` and attach it to the group of its closest earlier version.

    ``models``: the Article and Fingerprint classes (a migration passes its historical ones).
    ``values``: the body's ``fingerprint`` if already computed (by the reader process).

    LSH bands only propose candidates; a candidate counts when the exact Jaccard similarity
    of the shingle sets reaches the threshold, with the candidate and with its group's
    first version, so that groups never drift by chaining (formulaic news such as
    "Delegation arrives" / "Delegation leaves" shares a template, not a story).
    """
    articles, fingerprints = models
    values = fingerprint(article.body) if values is None else values
    fingerprints.objects.bulk_create(
        [fingerprints(article=article, band=i, value=v) for i, v in enumerate(values)]
    )
    wanted = set(enumerate(values))
    found = fingerprints.objects.filter(value__in=values).exclude(article=article)
    candidates = {
        article_id
        for article_id, band, value in found.values_list("article_id", "band", "value")
        if (band, value) in wanted
    }
    if not candidates:
        return None
    own = shingle_set(article.body)
    best, best_score = None, THRESHOLD
    for other in (
        articles.objects.filter(pk__in=candidates).only("body", "version_of").order_by("pk")
    ):
        score = jaccard(own, shingle_set(other.body))
        if score >= best_score and same_group(own, other):
            best, best_score = other, score
    if best is not None:
        article.version_of_id = best.version_of_id or best.pk
        article.save(update_fields=["version_of"])
    return best


def shingle_set(text: str) -> set[int]:
    return set(shingles(text).tolist())


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_group(own: set, other) -> bool:
    """True if ``own`` is also close enough to the first version of ``other``'s group."""
    if other.version_of_id is None:
        return True
    root = type(other).objects.only("body").get(pk=other.version_of_id)
    return jaccard(own, shingle_set(root.body)) >= THRESHOLD
