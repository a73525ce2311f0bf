"""Name shapes of Chinese and Japanese persons, for names no gazetteer lists.

- Chinese: a family name of ``data/chinese_surnames.txt`` first, then a given name of one or
  two pinyin syllables written as one word ("Wang Yi", "Hua Chunying", "Li Keqiang").
- Chinese of Hong Kong and Taiwan: a family name of either list (``data/chinese_surnames.txt``,
  ``data/chinese_surnames_romanized.txt``), then a given name of two syllables joined by a
  hyphen ("Chan Ka-keung", "Lin Chung-jung").
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
PINYIN_GIVEN = re.compile(rf"(?i)(?:{PINYIN_SYLLABLE}){{1,2}}")
# An English word with a silent final e ("Life", "Time", "Gate") also splits into two pinyin
# syllables; a given name of that shape is no evidence ("Long Life" is a song's words).
SILENT_E_WORD = re.compile(r"[A-Z][a-z]?[aeiouy][bcdfgklmnprstvz]e")
# A Cantonese or Wade-Giles syllable: up to three consonants, a vowel group, a final.
ROMANIZED_SYLLABLE = r"[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|h|k|p|t)?"
HYPHENATED_GIVEN = re.compile(rf"[A-Z]{ROMANIZED_SYLLABLE}-{ROMANIZED_SYLLABLE}")
MORA = r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwjf])?[aiueo]{1,2}n?|n)"
JAPANESE_WORD = re.compile(rf"(?i)(?:{MORA}){{2,5}}")
# A hyphen between two vowels of a Japanese name ("Kore-eda"); one before a consonant
# ("Susan-ri", a Korean village) is no Japanese spelling.
VOWEL_HYPHEN = re.compile(r"([aeiou])-([aeiou])")
JAPANESE_MIN_LETTERS = 4  # each word of a Japanese name; shorter ones ("Abe", "Son") need a list
JAPANESE_MIN_TOTAL = 10  # letters of given + family name together
NAME_WORDS = 2  # a Chinese or Japanese name recognised by its shape: exactly two words


@functools.cache
def chinese_surnames() -> frozenset:
    return frozenset(words("chinese_surnames.txt"))


@functools.cache
def all_chinese_surnames() -> frozenset:
    """Family names of both lists: pinyin and Hong Kong / Taiwan spellings."""
    return chinese_surnames() | words("chinese_surnames_romanized.txt")


def chinese_name(parts: list[str]) -> bool:
    """Family name + a pinyin given name in one word ("Wang Yi"; not "Wang Street"), or a
    hyphenated two-syllable given name ("Chan Ka-keung"; not "Chan Well-being")."""
    if len(parts) != NAME_WORDS:
        return False
    family, given = parts
    if family in all_chinese_surnames() and HYPHENATED_GIVEN.fullmatch(given):
        return True
    if family not in chinese_surnames():
        return False
    return (
        given[:1].isupper()
        and given[1:].islower()
        and bool(PINYIN_GIVEN.fullmatch(given))
        and not SILENT_E_WORD.fullmatch(given)
    )


def japanese_name(parts: list[str]) -> bool:
    """Two words, each spelt in Hepburn morae, together long ("Yoshihide Suga")."""
    if len(parts) != NAME_WORDS or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    if min(map(len, parts)) < JAPANESE_MIN_LETTERS or sum(map(len, parts)) < JAPANESE_MIN_TOTAL:
        return False
    return all(JAPANESE_WORD.fullmatch(VOWEL_HYPHEN.sub(r"\1\2", p)) for p in parts)
