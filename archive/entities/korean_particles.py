"""Korean particles written on a word: the word without them, and a name's friendly 이.

Korean writes particles onto the word (다온과, 루미나의, 역을); a name ending in a consonant
also takes a friendly 이 before them (수빈이와).
"""

from __future__ import annotations

MIN_STEM = 2  # syllables left before a particle other than 과/와 for it to be split off
FRIENDLY_NAME = 3  # shortest word whose final 이 may be the friendly suffix (수빈이)
HANGUL_FIRST = 0xAC00  # 가: the first precomposed Hangul syllable
FINALS = 28  # final-consonant slots per syllable block (0: none), in code-point order
# Particles that end a member's name in a list; only 과/와 (and) let the list go on.
MEMBER_PARTICLES = ("과", "와", "이", "가", "은", "는", "을", "를", "의", "도", "로", "으로")
LIST_PARTICLES = ("과", "와")


def split_particle(word: str) -> tuple[str, str]:
    """("다온", "과") for 다온과: the word and the particle written on it, if any."""
    for particle in sorted(MEMBER_PARTICLES, key=len, reverse=True):
        if word.endswith(particle) and len(word) - len(particle) >= 1:
            stem = word[: -len(particle)]
            if len(stem) >= MIN_STEM or particle in LIST_PARTICLES:
                return name_stem(stem), particle
    return name_stem(word), ""


def name_stem(word: str) -> str:
    """A name ending in a consonant takes a friendly 이 before particles (수빈이와 → 수빈)."""
    if (
        len(word) >= FRIENDLY_NAME
        and word.endswith("이")
        and (ord(word[-2]) - HANGUL_FIRST) % FINALS
    ):
        return word[:-1]
    return word


def without_particle(word: str) -> str:
    """The word without a particle written on it, however short what is left (역을 → 역)."""
    for particle in sorted(MEMBER_PARTICLES, key=len, reverse=True):
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word
