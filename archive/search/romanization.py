"""Korean personal names in any script → one comparison key, by rule.

The same name is written many ways: 김정은, Kim Jong-un, Kim Jong Un, Kim Jongun (popular),
Kim Chŏng-ŭn (McCune–Reischauer), Gim Jeong-eun (Revised Romanization). ``name_key`` folds
the differences between those schools, never listing names:

- spacing and hyphens inside the given name go (Jong-un, Jong Un, Jongun); diacritics and
  aspiration marks go (Chŏng → chong, P'yŏng / Phyong → pyong);
- voiced and voiceless initials are one (g/k, d/t, b/p, j/ch), r and l are one, double
  consonants are single, sh is s;
- the vowels that popular spellings confuse are one: ŏ eo o and ŭ eu u oo (Jong-un, Jeong-eun
  and Jung-un are all 정은; Il-sung, Il-sŏng and Il-seong are all 일성), ee is i, oi is oe;
- an h that ends a syllable and an r before a consonant are English spellings (Ahn, Roh, Park);
- the surname's initial r, l or n is dropped before i or y and read as n before other vowels,
  as the two Koreas differ (Ri, Rhee, Lee, Yi, I; Rim, Lim, Im; Ryu, Yu, Yoo; Ro, Roh, Noh);
  Pak/Park/Bak and Choe/Choi/Chwe fall out of the rules above.

A Hangul name is romanized syllable by syllable (Revised Romanization) and keyed the same way,
so 김정은 and Kim Jong-un have one key. The first word (or, written solid in Hangul, the first
syllable) is the surname. Names of one word only have no key ("").
"""

from __future__ import annotations

import re
import unicodedata

from archive.romanization import romanize_syllables

HANGUL_NAME_RE = re.compile(r"^[\uac00-\ud7a3\s]+$")
LATIN_NAME_RE = re.compile(r"^[a-z\s\-'\u2018\u2019\u02bc`]+$")
SEPARATORS_RE = re.compile(r"[\s\-\u2010\u2011]+")


# Applied in order to one syllable group (lower case, no marks, no apostrophes).
SYLLABLE_RULES = (
    (re.compile(r"rh"), "r"),  # Rhee
    (re.compile(r"oi(?![aeiou])"), "oe"),  # Choi
    (re.compile(r"we"), "oe"),  # Chwe
    (re.compile(r"tch|ch|j"), "c"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"(?<=[ktp])h"), ""),  # aspiration written th, ph, kh (DPRK usage)
    (re.compile(r"h(?![aeiouwy])"), ""),  # Ahn, Roh, Oh
    (re.compile(r"(?:eu|u)i|ee"), "i"),  # 희: hui, hŭi, heui, hee
    (re.compile(r"eo|eu|oo|u"), "o"),
    (re.compile(r"r(?![aeiouwy])"), ""),  # Park
    (re.compile(r"ng"), "N"),  # keep ng whole through the voicing rules
    (re.compile(r"g"), "k"),
    (re.compile(r"d"), "t"),
    (re.compile(r"b"), "p"),
    (re.compile(r"r"), "l"),
    (re.compile(r"([a-z])\1"), r"\1"),  # kk, tt, pp, ss, ll
)
SURNAME_RULES = (
    (re.compile(r"^[ln](?=[iy])"), ""),  # Ri, Lee, Rhee, Lim, Ryu, Ryang
    (re.compile(r"^y(?=i)"), ""),  # Yi
    (re.compile(r"^l"), "n"),  # Ro, Roh, Noh
)


def name_key(name: str) -> str:
    """The comparison key of a Korean personal name in Hangul or in romanization, or ""
    (one word only, or other scripts). Equal keys: the same name as far as spelling goes."""
    words = name_words(name)
    if len(words) < 2:
        return ""
    surname = syllable_key(words[0])
    for pattern, replacement in SURNAME_RULES:
        surname = pattern.sub(replacement, surname)
    given = "".join(syllable_key(word) for word in words[1:])
    return f"{surname} {given}" if surname and given else ""


def name_words(name: str) -> list[str]:
    """The surname and the given name's syllable groups, romanized (lower case, no marks)."""
    name = unicodedata.normalize("NFC", name.strip())
    if HANGUL_NAME_RE.match(name):
        parts = name.split()
        if len(parts) == 1 and len(name) in (2, 3, 4):
            parts = [name[0], name[1:]]
        return [romanize_syllables(part) for part in parts]
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c)
    )
    if not LATIN_NAME_RE.match(folded):
        return []
    folded = re.sub(r"['\u2018\u2019\u02bc`]", "", folded)
    return [word for word in SEPARATORS_RE.split(folded) if word]


def syllable_key(group: str) -> str:
    for pattern, replacement in SYLLABLE_RULES:
        group = pattern.sub(replacement, group)
    return group.replace("N", "ng")
