"""Name shapes of Chinese and Japanese persons, for names no gazetteer lists.

- Chinese: a family name of ``data/chinese_surnames.txt`` first, then a given name of one or
  two pinyin syllables written as one word ("Wang Yi", "Hua Chunying", "Li Keqiang").
- Japanese: given name first, both words spelt wholly in Hepburn syllables (morae) and long
  enough not to be an English word ("Shinzo Abe" is too short in its family name and is a
  gazetteer name; "Yoshihide Suga", "Fumio Kishida" have the shape).
"""

from __future__ import annotations

import functools
import re

from archive.entities.entries import words

PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ui|ue|er|a|o|e|i|u)"
)
PINYIN_GIVEN = re.compile(rf"(?i){PINYIN_SYLLABLE}{{1,2}}")
MORA = r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwjf])?[aiueo]{1,2}n?|n)"
JAPANESE_WORD = re.compile(rf"(?i)(?:{MORA}){{2,5}}")
JAPANESE_MIN_LETTERS = 4  # each word of a Japanese name; shorter ones ("Abe", "Son") need a list
JAPANESE_MIN_TOTAL = 10  # letters of given + family name together
NAME_WORDS = 2  # a Chinese or Japanese name recognised by its shape: exactly two words


@functools.cache
def chinese_surnames() -> frozenset:
    return frozenset(words("chinese_surnames.txt"))


def chinese_name(parts: list[str]) -> bool:
    """Family name + a pinyin given name in one word ("Wang Yi"; not "Wang Street")."""
    if len(parts) != NAME_WORDS or parts[0] not in chinese_surnames():
        return False
    given = parts[1]
    return given[:1].isupper() and given[1:].islower() and bool(PINYIN_GIVEN.fullmatch(given))


def japanese_name(parts: list[str]) -> bool:
    """Two words, each spelt in Hepburn morae, together long ("Yoshihide Suga")."""
    if len(parts) != NAME_WORDS or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    if min(map(len, parts)) < JAPANESE_MIN_LETTERS or sum(map(len, parts)) < JAPANESE_MIN_TOTAL:
        return False
    return all(JAPANESE_WORD.fullmatch(p) for p in parts)
