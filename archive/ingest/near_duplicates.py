"""Near-duplicate grouping with MinHash over word shingles and banded LSH.

Two articles whose 8-word shingle sets have an estimated Jaccard similarity of 0.6 or more are
versions of one story (wire copies, lightly edited updates, the same story under several
URLs). The first-ingested article of a group is the root; later ones point at it.
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
_rng = np.random.default_rng(20211203)
_A = _rng.integers(1, 1 << 31, BANDS * ROWS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, BANDS * ROWS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return np.array([zlib.crc32(g.encode()) for g in grams if g], dtype=np.uint64)


def minhash(text: str) -> np.ndarray:
    values = shingles(text)
    if values.size == 0:
        return np.zeros(BANDS * ROWS, dtype=np.uint64)
    # (a*x + b) mod p for every permutation and shingle; 32-bit inputs keep it in range.
    hashed = (_A[:, None] * values[None, :] + _B[:, None]) % _PRIME
    return hashed.min(axis=1)


def bands(signature: np.ndarray) -> list[int]:
    rows = signature.reshape(BANDS, ROWS)
    return [zlib.crc32(row.tobytes()) for row in rows]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def link_near_duplicates(article: Article) -> Article | None:
    """Fingerprint ``article`` and attach it to the group of its closest earlier version."""
    signature = minhash(article.body)
    values = bands(signature)
    Fingerprint.objects.bulk_create(
        [Fingerprint(article=article, band=i, value=v) for i, v in enumerate(values)]
    )
    wanted = set(enumerate(values))
    found = Fingerprint.objects.filter(value__in=values).exclude(article=article)
    candidates = {
        article_id
        for article_id, band, value in found.values_list("article_id", "band", "value")
        if (band, value) in wanted
    }
    best, best_score = None, THRESHOLD
    for other in (
        Article.objects.filter(pk__in=candidates).only("body", "version_of").order_by("pk")
    ):
        score = similarity(signature, minhash(other.body))
        if score >= best_score:
            best, best_score = other, score
    if best is not None:
        article.version_of_id = best.version_of_id or best.pk
        article.save(update_fields=["version_of"])
    return best
