"""The usual English names of Korean-language outlets (``data/korean_outlets.tsv``).

A Korean outlet is filed under the name its own English editions and the foreign press use
(연합뉴스 → Yonhap, 조선중앙통신 → KCNA), so its Korean and English articles share one
source. Outlets not listed keep their Hangul name; their slugs are romanized (models).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "korean_outlets.tsv"


def _key(name: str) -> str:
    # Spaces and case do not tell outlets apart ("조선의 소리", "조선의소리", "뉴스1").
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


@lru_cache(maxsize=1)
def english_names() -> dict[str, str]:
    """Hangul name key → English name, from the data file (its first line is a header)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()[1:]
    rows = (line.split("\t") for line in lines if line.strip())
    return {_key(hangul): english.strip() for hangul, english in rows}


def english_name(name: str) -> str:
    """The usual English name of the Korean outlet ``name``, or ``""`` if none is known."""
    return english_names().get(_key(name), "") if name else ""
