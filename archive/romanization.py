"""Hangul → Latin letters by the Revised Romanization of Korean (2000): with the sound changes
between syllables for slugs and labels (``romanize``), syllable by syllable for comparison keys
(``romanize_syllables``).

Syllables are split into their jamo arithmetically (U+AC00 + (initial × 21 + vowel) × 28 +
final). The common sound changes between syllables are applied, as the official rules ask:
a final consonant moves onto a following silent ㅇ (연합이 → yeonhabi), ㄱ/ㄷ/ㅂ become
ng/n/m before ㄴ/ㅁ (연합뉴스 → yeonhamnyuseu), ㄴ+ㄹ and ㄹ+ㄴ read ll, and ㄹ after any other
consonant reads n. Characters other than Hangul syllables are kept as they are.
"""

from __future__ import annotations

FIRST, LAST = 0xAC00, 0xD7A3
INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()  # "-": silent ㅇ
VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
# The final's sound at the end of a word, and (for a single consonant) its letters before a
# silent ㅇ; clusters keep their first consonant and move the second.
FINALS = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)
LIAISON = {1: "g", 2: "kk", 7: "d", 8: "r", 16: "m", 17: "b", 19: "s", 20: "ss", 22: "j"}
LIAISON.update({23: "ch", 24: "k", 25: "t", 26: "p", 4: "n", 27: ""})
NASAL = {"k": "ng", "t": "n", "p": "m"}
N, M, R = 2, 6, 5  # initial indices of ㄴ, ㅁ, ㄹ


def jamo(char: str) -> tuple[int, int, int] | None:
    """(initial, vowel, final) indices of a Hangul syllable, or None."""
    code = ord(char)
    if not FIRST <= code <= LAST:
        return None
    code -= FIRST
    return code // 588, (code % 588) // 28, code % 28


def romanize(text: str) -> str:
    """``text`` with every run of Hangul syllables romanized ("조선중앙통신" → "joseonjungangtongsin")."""
    out = []
    syllables = [jamo(c) for c in text]
    for i, char in enumerate(text):
        here = syllables[i]
        if here is None:
            out.append(char)
            continue
        after = syllables[i + 1] if i + 1 < len(text) else None
        before = syllables[i - 1] if i else None
        out.append(initial(here[0], before) + VOWELS[here[1]] + final(here[2], after))
    return "".join(out)


def romanize_syllables(text: str) -> str:
    """The Hangul syllables of ``text`` romanized one by one, without sound changes across
    them; everything else is dropped ("김정은" → "gimjeongeun")."""
    out = []
    for here in filter(None, map(jamo, text)):
        out.append(INITIALS[here[0]].strip("-") + VOWELS[here[1]] + FINALS[here[2]])
    return "".join(out)


def initial(index: int, before: tuple[int, int, int] | None) -> str:
    if index == 11:  # silent ㅇ: the previous final has moved here, or nothing sounds
        return ""
    if index == R and before and before[2]:
        return "l" if FINALS[before[2]] in ("l", "n") else "n"
    return INITIALS[index]


def final(index: int, after: tuple[int, int, int] | None) -> str:
    sound = FINALS[index]
    if not index or after is None:
        return sound
    if after[0] == 11:  # a silent ㅇ follows
        return LIAISON.get(index, sound)
    if after[0] in (N, M, R) and sound in NASAL:
        return NASAL[sound]
    if after[0] == N and sound == "l":
        return "l"
    if after[0] == R and sound == "n":
        return "l"
    return sound
