"""Korean word lists (``data/korean_*.txt``) and the spelling tests built on them.

Titles (``korean_titles.txt``) are signals after a name, never part of it; occupations
(``korean_roles.txt``) are signals before it; attached nouns (``korean_attached.txt``: 북한군,
한국인) may follow a known name inside its word. Each list is read once per process.
"""

from __future__ import annotations

import functools
import re

from archive.entities.entries import ALIASES_COLUMN, DATA, read_table, words
from archive.entities.korean_particles import FINALS, HANGUL_FIRST, MIN_STEM

HANGUL = re.compile(r"[\uac00-\ud7a3]")
HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]+$")
LIST_END = "등"  # "A B C 등": and others, closing a list
PLURAL = "들"  # the plural suffix (가수들이, 선수들)
REPEATED = 2  # a bare name-shaped word written this often in one text is a person's name
# Copula endings that turn an occupation into a modifier of the name after it
# ("피아니스트이자 영화배우인 루시아나"): the occupation is still a signal.
COPULA_ENDINGS = ("이자", "이며", "이고", "인")


def has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))


@functools.lru_cache(maxsize=1)
def titles() -> frozenset:
    return frozenset(words("korean_titles.txt"))


@functools.lru_cache(maxsize=1)
def roles() -> frozenset:
    return frozenset(words("korean_roles.txt"))


@functools.lru_cache(maxsize=1)
def title_modifiers() -> frozenset:
    return frozenset(words("korean_title_modifiers.txt"))


@functools.lru_cache(maxsize=1)
def institution_suffixes() -> frozenset:
    return frozenset(words("korean_institution_suffixes.txt"))


@functools.lru_cache(maxsize=1)
def title_teams() -> frozenset:
    return frozenset(words("korean_title_teams.txt"))


@functools.lru_cache(maxsize=1)
def fan_club_words() -> frozenset:
    return frozenset(words("korean_fan_club_words.txt"))


@functools.lru_cache(maxsize=1)
def country_initials() -> frozenset:
    """First syllables of the Hangul country names of ``countries.tsv``: how Korean writes a
    country in one syllable (미 for 미국, 러 for 러시아)."""
    initials = set()
    for row in read_table(DATA / "countries.tsv"):
        names = row[ALIASES_COLUMN].split("|") if len(row) > ALIASES_COLUMN else []
        initials |= {name[0] for name in names if HANGUL_WORD.match(name)}
    return frozenset(initials)


@functools.lru_cache(maxsize=1)
def group_names() -> frozenset:
    return frozenset(words("korean_group_names.txt"))


@functools.lru_cache(maxsize=1)
def work_words() -> frozenset:
    return frozenset(words("korean_work_words.txt"))


@functools.lru_cache(maxsize=1)
def kinship_words() -> frozenset:
    return frozenset(words("korean_kinship.txt"))


@functools.lru_cache(maxsize=1)
def event_words() -> frozenset:
    return frozenset(words("korean_event_words.txt"))


@functools.lru_cache(maxsize=1)
def member_stops() -> frozenset:
    return frozenset(words("korean_member_stops.txt"))


@functools.lru_cache(maxsize=1)
def org_endings() -> tuple[str, ...]:
    return tuple(words("korean_org_endings.txt"))


def is_role(word: str) -> bool:
    """An occupation written before a name: a role of ``korean_roles.txt``, also at the end
    of a compound (영화배우, 재즈가수) or with a copula ending (영화배우인, 피아니스트이자)."""
    if word in roles():
        return True
    for ending in COPULA_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            word = word[: -len(ending)]
            break
    return any(word.endswith(role) for role in roles() if len(role) >= MIN_STEM)


@functools.lru_cache(maxsize=1)
def attached() -> frozenset:
    return frozenset(words("korean_attached.txt"))


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset:
    return frozenset(ordered_surnames())


@functools.lru_cache(maxsize=1)
def ordered_surnames() -> tuple[str, ...]:
    lines = (DATA / "korean_surnames_hangul.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@functools.lru_cache(maxsize=1)
def place_suffixes() -> frozenset:
    return frozenset(words("korean_place_suffixes.txt"))


def institution_like(name: str) -> bool:
    """A name ending like a place, an institution or a company (강남구, 서울대, 전경련)."""
    return name[-1] in place_suffixes() or name.endswith(org_endings())


@functools.lru_cache(maxsize=1)
def group_words() -> frozenset:
    return frozenset(words("korean_group_words.txt"))


# Sino-Korean syllables, which Korean given names are made of, end in no consonant or in one of
# ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ (final slots 1, 4, 8, 16, 17, 21); never start with ㅋ or a tense ㄲ ㄸ ㅃ ㅉ
# (initials 15, 1, 4, 8, 13); have ㅔ (vowel 5) only after ㄱ ㅅ ㅈ ㅊ (initials 0, 9, 12, 14)
# (게 세 제 체); and ㅡ (vowel 18) only with a final (극, 은). Loanwords break these: 시크릿
# (크, 릿), 오렌지 (렌).
VOWELS = 21
SINO_FINALS = frozenset({0, 1, 4, 8, 16, 17, 21})
NON_SINO_INITIALS = frozenset({1, 4, 8, 13, 15})
E_VOWEL, E_INITIALS = 5, frozenset({0, 9, 12, 14})
EU_VOWEL = 18


def sino_korean(syllables: str) -> bool:
    """Whether every syllable could be Sino-Korean (a Korean given name's); False for a
    loanword's syllables (시크릿, 오렌지)."""
    for syllable in syllables:
        code = ord(syllable) - HANGUL_FIRST
        initial, vowel, final = code // (VOWELS * FINALS), code // FINALS % VOWELS, code % FINALS
        if final not in SINO_FINALS or initial in NON_SINO_INITIALS:
            return False
        if (vowel == E_VOWEL and initial not in E_INITIALS) or (vowel == EU_VOWEL and not final):
            return False
    return True
