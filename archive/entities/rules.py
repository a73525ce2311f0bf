"""Rules that find actors the gazetteer does not know.

A *chunk* is a run of capitalised tokens on one line, possibly joined by "of"/"the"/"for"/"and"
(when an organization head follows), hyphens ("Jae-in") and the apostrophe of "Workers'". A chunk
whose words include an organization head (Ministry, Bank, Corp, Farm, ...) is an organization;
otherwise its name-like part is a person when a role title introduces it, when it starts with a
common given name or a Korean family name followed by given-name syllables, or when it is a
quoted speaker ("X said"). The word lists are reviewable files in ``data/``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archive.entities.entries import country_entries, words
from archive.entities.name_shapes import all_chinese_surnames, chinese_name, japanese_name

POSSESSIVE_PARTS = {"'", "\u2019", "'s", "\u2019s"}
KOREAN_SYLLABLE = r"(?:[bcdghjkmnprstwy]{0,3}[aeiouwy]{1,3}(?:ng|n|m|k|l|p|t)?)"
KOREAN_GIVEN = re.compile(rf"(?i){KOREAN_SYLLABLE}{{2}}")
NAME_MIN_WORDS = 2  # words of a full name: given name and family name
KOREAN_SURNAME_MIN_LETTERS = 2  # a romanized Korean family name ("Ri", "Kim") is no shorter
ARTICLE_JOIN = 2  # tokens of "of the" / "in the" taken together by a joiner
HYPHEN_JOIN = 2  # tokens of a solid hyphen and the syllable after it ("Jae-in")
KOREAN_GIVEN_SYLLABLES = 2  # a Korean given name written as separate syllables ("Chang Sik")
LOCATED_REACH = 8  # tokens before "in"/"with" searched for a body whose seat is in its name
HEAD_REACH = 6  # tokens around a connector searched for an organization head word
NAME_MAX_WORDS = 4  # words of the longest name a capitalised run is read as
KOREAN_SYLLABLE_LETTERS = 5  # a romanized syllable of a given name is no longer
ACRONYM_MIN_LETTERS = 2  # capital letters of the shortest acronym
APPOSITIVE_REACH = 4  # words after "X, a/the" searched for a role ("X, the founder of ...")


CONNECTORS = words("connectors.txt")
FINAL_SUFFIXES = words("company_suffixes.txt")
SPEECH_VERBS = words("speech_verbs_after.txt")
SPEECH_BEFORE = words("speech_verbs_before.txt")
TITLE_SURNAMES = words("title_surnames.txt")
SUFFIXES = words("name_suffixes.txt")
LOCATED_HEADS = words("located_heads.txt")
POSSESSIVE_GROUPS = words("possessive_groups.txt")


def org_heads() -> frozenset:
    return words("org_heads.txt")


def person_titles() -> frozenset:
    return words("person_titles.txt")


def occupations() -> frozenset:
    return words("occupations.txt")


def is_occupation(token) -> bool:
    """A noun for what a person does ("farmer", "economist", "wife"); capitalised, it only
    comes before a name when it opens the sentence ("Farmer Jane Roe said")."""
    return token.text.lower() in occupations()


def introduces_person(token) -> bool:
    """A role title or a lower-case occupation noun: the name after it is a person's."""
    return is_title(token) or is_occupation(token)


def given_names() -> frozenset:
    return words("given_names.txt")


def korean_surnames() -> frozenset:
    return words("korean_surnames.txt")


def stop_capitals() -> frozenset:
    return words("stop_capitals.txt")


def government_heads() -> frozenset:
    return words("government_heads.txt")


def place_words() -> frozenset:
    return words("place_words.txt")


def generic_org_words() -> frozenset:
    return words("generic_org_words.txt")


def non_name_words() -> frozenset:
    return words("non_name_words.txt")


@functools.lru_cache(maxsize=1)
def never_in_names() -> frozenset:
    return stop_capitals() | non_name_words()


@dataclass
class Chunk:
    start: int  # token indices, end exclusive
    end: int


def is_cap(token) -> bool:
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text) and not token.is_space


def chunks(doc) -> list[Chunk]:
    """Maximal capitalised runs of ``doc`` (see the module docstring)."""
    found, i, n = [], 0, len(doc)
    while i < n:
        if not is_cap(doc[i]) or (
            doc[i].text in stop_capitals() and not family_before_given(doc, i)
        ):
            i += 1
            continue
        j = extend(doc, i + 1)
        found.append(Chunk(i, j))
        i = j
    return found


def is_stop(doc, j: int) -> bool:
    """A sentence-opener word, unless it is a syllable of a hyphenated name ("Chung In-yong")."""
    tok = doc[j]
    hyphenated = not tok.whitespace_ and j + 1 < len(doc) and doc[j + 1].text == "-"
    return (
        tok.text.rstrip(".") in stop_capitals()
        and not hyphenated
        and not family_before_given(doc, j)
        and not (j > 0 and chinese_pair(doc, j - 1))
        and not family_after_given(doc, j)
    )


def family_after_given(doc, j: int) -> bool:
    """ "Eddie Jun", "Grace Yong Su Oh": a Korean family name spelt like an English word ends
    a name written given name first, after a common given name (not a month's "Jun 5")."""
    if doc[j].text not in korean_surnames() or j < 1:
        return False
    if j + 1 < len(doc) and (doc[j + 1].is_digit or doc[j + 1].text == "."):
        return False
    for m in range(j - 1, max(-1, j - NAME_MAX_WORDS), -1):
        if not (is_cap(doc[m]) and doc[m].is_alpha and doc[m].whitespace_):
            return False
        if doc[m].text in given_names():
            return True
    return False


def family_before_given(doc, i: int) -> bool:
    """ "Oh Se-hoon", "Jun Ji-hyun", "He Lifeng": a Korean or Chinese family name spelt like
    an English word that never opens a name ("Oh", "Jun", "He") does open one before a
    hyphenated Korean given name or a pinyin given name."""
    if chinese_pair(doc, i):
        return True
    if doc[i].text not in korean_surnames() or not doc[i].whitespace_ or i + 3 >= len(doc):
        return False
    first, hyphen, second = doc[i + 1], doc[i + 2], doc[i + 3]
    return (
        is_cap(first)
        and hyphen.text == "-"
        and not first.whitespace_
        and not hyphen.whitespace_
        and second.text.islower()
        and bool(KOREAN_GIVEN.fullmatch(first.text + second.text))
    )


def located_in(doc, j: int) -> bool:
    """ "Embassy of Russia in the DPRK", "Union of Democratic Korean Women in Japan": where the
    body sits is part of its name."""
    if doc[j].text not in {"in", "with"} or j + ARTICLE_JOIN >= len(doc):
        return False
    k = j + ARTICLE_JOIN if doc[j + 1].lower_ == "the" else j + 1
    window = doc[max(0, j - LOCATED_REACH) : j]
    if k >= len(doc) or not is_cap(doc[k]):
        return False
    return any(t.text in LOCATED_HEADS for t in window) or cause_in_country(doc, j, k)


def cause_in_country(doc, j: int, k: int) -> bool:
    """ "Committee for Human Rights in North Korea": a cause a body is for, in a country
    named by its name (not a city: "Center for Policy Studies in Washington" sits there)."""
    purpose = any(
        doc[i].text == "for" and doc[i - 1].text in org_heads()
        for i in range(max(1, j - LOCATED_REACH), j)
    )
    if not purpose:
        return False
    return any(doc[k : k + n].text in country_names() for n in (1, 2, 3) if k + n <= len(doc))


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset:
    return frozenset({e.name for e in country_entries()} | {"Korea"})


def extend(doc, j: int) -> int:
    """The end (exclusive) of the chunk whose tokens so far end just before ``j``."""
    n = len(doc)
    while j < n:
        step = name_step(doc, j)
        if not step:
            break
        j += step
    while doc[j - 1].text in CONNECTORS | {"in", "with"} and not hyphen_syllable(doc, j - 1):
        j -= 1  # "Michael S. Schmidt of The New York Times": "The" starts a new name
    return j


def hyphen_syllable(doc, j: int) -> bool:
    """ "Sung Nak-in", "Lee Dong-in": a syllable after a solid hyphen is part of a name,
    even when it is spelt like "in" or "and"."""
    return (
        j >= 2
        and doc[j - 1].text == "-"
        and not doc[j - 1].whitespace_
        and not doc[j - 2].whitespace_
    )


def chinese_pair(doc, i: int) -> bool:
    """ "He Lifeng", "Zhang Jun": a Chinese family name at ``i`` and a pinyin given name after
    it, not a number's month ("Jun 5")."""
    if i + 1 >= len(doc) or not doc[i].whitespace_ or not is_cap(doc[i + 1]):
        return False
    if i + 2 < len(doc) and (doc[i + 2].is_digit or doc[i + 2].text == "."):
        return False
    return chinese_name([doc[i].text, doc[i + 1].text])


def name_step(doc, j: int) -> int:
    """How many tokens from ``j`` on continue the name before it; 0 when it ends there."""
    prev, tok = doc[j - 1], doc[j]
    if "\n" in prev.whitespace_ or tok.is_space or is_stop(doc, j):
        return 0
    if prev.text.rstrip(".") in FINAL_SUFFIXES and tok.text.rstrip(".") not in FINAL_SUFFIXES:
        return 0  # "... Corp. Managers said", "... Ltd and Cho Heung Bank": a name ends here
    if capital_continues(prev, tok):
        return 1
    return joiner_step(doc, j)


def capital_continues(prev, tok) -> bool:
    """A capitalised word that continues the name: after a word, after a hyphen, apostrophe
    or dot written solid, or after a possessive ("Workers' Party")."""
    attached = not prev.whitespace_
    return is_cap(tok) and (
        not prev.is_punct
        or (attached and prev.text in {"-", "'", "\u2019", "."})
        or (prev.text in POSSESSIVE_PARTS and tok.text not in stop_capitals())
    )


def joiner_step(doc, j: int) -> int:
    """Tokens taken by a joiner at ``j`` that keeps the name going, else 0: a solid hyphen
    ("Jae-in"), the possessive of "Workers'", a connector or "of the" with an organization
    head near (see ``has_head_near``), "in"/"with" of a located body (see ``located_in``)."""
    n = len(doc)
    prev, tok = doc[j - 1], doc[j]
    attached = not prev.whitespace_
    if tok.text == "-" and attached and not tok.whitespace_ and j + 1 < n and doc[j + 1].is_alpha:
        return HYPHEN_JOIN
    if tok.text in POSSESSIVE_PARTS and attached and plural_possessive(doc, j):
        return 1
    if (
        tok.text in CONNECTORS
        and j + 1 < n
        and is_cap(doc[j + 1])
        and (tok.text == "&" or has_head_near(doc, j + 1, tok.text))
    ):
        # "Procter & Gamble": an ampersand between capitals joins one name, and takes the
        # capital after it (a punctuation token does not let a capital continue on its own)
        return ARTICLE_JOIN if tok.text == "&" else 1
    if (
        tok.text in {"of", "for"}
        and j + ARTICLE_JOIN < n
        and doc[j + 1].lower_ == "the"
        and is_cap(doc[j + ARTICLE_JOIN])
        and has_head_near(doc, j + ARTICLE_JOIN, tok.text)
    ):
        return ARTICLE_JOIN
    if located_in(doc, j):
        return ARTICLE_JOIN if doc[j + 1].lower_ == "the" else 1
    return 0


def plural_possessive(doc, j: int) -> bool:
    """ "Workers' Party", "Korea Shipowners' Association": the apostrophe of a plural noun
    stays inside a name when a capital follows and an organization head is near."""
    prev = doc[j - 1]
    if prev.text in POSSESSIVE_GROUPS:
        return True
    return (
        doc[j].text in {"'", "\u2019"}
        and prev.text.endswith("s")
        and is_cap(prev)
        and j + 1 < len(doc)
        and is_cap(doc[j + 1])
        and has_head_near(doc, j + 1, "'")
    )


def has_head_near(doc, j: int, connector: str) -> bool:
    """Joining over "of"/"the"/"and" is for organization names: a head word must be near;
    after "and" it must follow, so two names in a row stay apart ("... Committee and Pang Tu Sop")."""
    before = 0 if connector in {"and", "&"} else HEAD_REACH
    after = 0 if connector == "for" else HEAD_REACH  # "Society for the Study of ...": a head before
    if connector == "and" and and_since_head(doc, j - 1):
        return False  # "Korea Institute of Science and Technology and Harvard University"
    if connector == "and" and purpose_before(doc, j):
        return doc[j].text not in given_names() | korean_surnames()
    ahead = doc[j : min(len(doc), j + after)]
    behind = doc[max(0, j - before) : j]
    return any(t.text in org_heads() for t in behind) or any(
        t.text in org_heads() for t in within_clause(ahead)
    )


def place_after(doc, i: int) -> bool:
    """A country's name or word starts at ``i`` (after an optional "the")."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    return i < len(doc) and (doc[i].text in country_words() or doc[i].text == "Korea")


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset:
    """The first words of the countries' names and demonyms ("Mexico", "North", "Czech")."""
    return frozenset(n.split()[0] for e in country_entries() for n in (e.name, *e.aliases) if n)


CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "(", ")"})


def within_clause(tokens):
    """The leading tokens of ``tokens`` up to a clause's end: a head word after a full stop
    or a comma belongs to another name ("Workers' Party of Mexico and North Korea. The ...")."""
    for k, tok in enumerate(tokens):
        if tok.text in CLAUSE_ENDS or "\n" in tok.whitespace_:
            return (
                tokens[: k + 1]
                if "\n" in tok.whitespace_ and tok.text not in CLAUSE_ENDS
                else tokens[:k]
            )
    return tokens


def and_since_head(doc, k: int) -> bool:
    """An "and" already joins the words since the last head word before ``k``: a second
    "and" lists another name."""
    for i in range(k - 1, max(-1, k - HEAD_REACH - 1), -1):
        if doc[i].text in org_heads():
            return False
        if doc[i].lower_ == "and":
            return True
    return False


def purpose_before(doc, j: int) -> bool:
    """ "Association for Friendship and Cultural Cooperation", "Ministry of Natural Resources
    and Ecology": an "and" inside what a name states after "<head> for/of" joins, like "and"
    before a head does."""
    for k in range(max(1, j - HEAD_REACH), j - 1):
        if doc[k].text in {"for", "of"} and doc[k - 1].text in org_heads():
            if doc[k].text == "of" and place_after(doc, k + 1):
                return False  # "Workers' Party of Mexico and North Korea": where, then a list
            return all(is_cap(t) or t.lower_ in {"the", "and"} for t in doc[k + 1 : j - 1])
    return False


def org_head_index(tokens, skip=lambda k: False) -> int:
    """Index of the last organization head word in ``tokens`` (not ``skip``-ped), or -1."""
    for k in range(len(tokens) - 1, -1, -1):
        if is_org_head(tokens[k]) and not skip(k):
            return k
    return -1


# Head words that are also English prefixes: "Co-Prosperity", "Co-operative" are no company.
PREFIX_HEADS = frozenset({"Co"})


def is_org_head(token) -> bool:
    """An organization head word, unless it is a prefix glued to a hyphen."""
    if token.text not in org_heads():
        return False
    if token.text not in PREFIX_HEADS or token.whitespace_ or token.i + 1 >= len(token.doc):
        return True
    return token.doc[token.i + 1].text != "-"


@functools.lru_cache(maxsize=1)
def folded_titles() -> frozenset:
    return frozenset(t.lower().rstrip(".") for t in person_titles())


def is_title(token) -> bool:
    return is_title_word(token.text)


def is_title_word(word: str) -> bool:
    """A role title, also in the plural ("Vice-Premiers Pak Jong Gun and Kim Tok Hun")."""
    folded = word.lower().rstrip(".")
    titles = folded_titles()
    if folded in titles:
        return True
    if folded.endswith("ies"):
        return folded[: -len("ies")] + "y" in titles  # secretaries
    return folded.endswith("s") and not folded.endswith("ss") and folded[:-1] in titles


def title_index(tokens) -> int:
    """Index of the last role title ("Minister", "Gen.", "spokesperson") in ``tokens`` that
    a name follows ("Gayle King" ends with a name, not a title), or -1."""
    for k in range(len(tokens) - 2, -1, -1):
        if title_in_chunk(tokens, k):
            return k
    return -1


def first_title_index(tokens) -> int:
    for k in range(len(tokens) - 1):
        if title_in_chunk(tokens, k):
            return k
    return -1


def title_in_chunk(tokens, k: int) -> bool:
    """A role title at ``k``, or a capitalised occupation noun that a name of two words or
    more follows ("Army Veteran Jane Q. Roe", "Nobel Laureate Jane Roe"; a family name such
    as Farmer ends a name: "Maren Farmer")."""
    if is_title(tokens[k]):
        return True
    return (
        is_occupation(tokens[k])
        and bool(tokens[k].whitespace_)  # "Ri Son-kwon": a syllable of a hyphenated name
        and len(tokens) - k - 1 >= NAME_MIN_WORDS
        and not family_name_first(tokens[k:])
    )


def family_name_first(tokens) -> bool:
    """ "Son Heung-min", "Ma Zhaoxu": the word is a family name that opens a Korean or Chinese
    name, not an occupation noun ("son") before one."""
    parts = name_words(tokens[:NAME_MAX_WORDS])
    return korean_name(parts) or chinese_name(parts[:NAME_MIN_WORDS])


def name_words(tokens) -> list[str]:
    """Words of a name, hyphenated parts rejoined ("Jae", "-", "in" → "Jae-in")."""
    out: list[str] = []
    glue = False
    for tok in tokens:
        if tok.text == "-":
            glue = True
            continue
        if glue and out:
            out[-1] += "-" + tok.text
        else:
            out.append(tok.text)
        glue = False
    return out


def looks_like_name(parts: list[str]) -> bool:
    if not 1 <= len(parts) <= NAME_MAX_WORDS:
        return False
    parts = family_in_capitals(parts)
    bare = [p for p in parts if p not in SUFFIXES]
    if len(parts) == NAME_MIN_WORDS and "-" in parts[1] and korean_name(parts):
        bare = bare[1:]  # "Oh Se-hoon": a family name spelt like an English word
    elif chinese_name(parts):
        bare = []  # "He Lifeng", "Zhang Jun": a Chinese name's shape is its own evidence
    elif (
        len(parts) >= NAME_MIN_WORDS
        and parts[0] in given_names()
        and parts[-1] in korean_surnames()
    ):
        bare = bare[:-1]  # "Eddie Jun": a family name spelt like an English word
    if parts[0] in person_titles() or is_title_word(parts[0]):
        return False
    if any(is_title_word(p) and p not in TITLE_SURNAMES for p in parts[1:]):
        return False  # "National Security Advisor"
    if len(parts) > 1 and any(acronym(p) and not initials(p, parts) for p in bare):
        return False  # "California ISO": an acronym is no part of a person's name
    return all(
        p[:1].isupper()
        and p.replace("-", "").replace("'", "").replace(".", "").isalpha()
        and not {p, p.capitalize()} & never_in_names()  # "HIM" as well as "Him"
        and p not in org_heads()
        for p in bare
    )


# Initials written with dots: "J.", "J.R.", "T.J.R." (a letter and a dot, up to three times).
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
UNDOTTED_INITIALS = re.compile(r"[A-Z]{2}")


def initials(word: str, parts: list[str]) -> bool:
    """ "J.R. Whitcombe", "SK Kim": initials that open a name in place of a given name. With
    dots they are initials wherever they open the name; two capitals without dots only before
    a Korean or Chinese family name (English-language Korean news writes "SK Kim", "JY Lee";
    "SK Hynix", "LG Chem" end in no family name)."""
    if not parts or word != parts[0] or len(parts) < NAME_MIN_WORDS:
        return False
    if DOTTED_INITIALS.fullmatch(word):
        return True
    return (
        len(parts) == NAME_MIN_WORDS
        and bool(UNDOTTED_INITIALS.fullmatch(word))
        and (parts[1] in korean_surnames() or parts[1] in all_chinese_surnames())
    )


def family_in_capitals(parts: list[str]) -> list[str]:
    """ "KATO Katsunobu", "Jae SOH": a two-word name with one word in capitals (the family
    name, as Japanese official and some academic English write it), written in title case
    when the result is shaped like a Japanese, Korean or Chinese name; else ``parts``."""
    capitals = [p for p in parts if p.isupper() and p.isalpha() and len(p) > 1]
    if len(parts) != NAME_MIN_WORDS or len(capitals) != 1:
        return parts
    if not any(c.islower() for p in parts if p not in capitals for c in p):
        return parts  # "LEE JAE-LIM": a whole name in capitals is a byline's
    written = [p.capitalize() if p in capitals else p for p in parts]
    shaped = japanese_name(written) or korean_name(written) or chinese_name(written)
    return written if shaped or korean_name(written[::-1]) else parts


def acronym(word: str) -> bool:
    """An all-capital word ("ISO", "CEO"), not an initial ("J.") or a Roman numeral."""
    letters = word.replace(".", "")
    return (
        len(letters) >= ACRONYM_MIN_LETTERS
        and letters.isupper()
        and letters.isalpha()
        and word not in SUFFIXES
        and not set(letters) <= set("IVX")
    )


def korean_name(parts: list[str]) -> bool:
    """Family name + given name as one hyphenated word or two syllables ("Ri Chang Sik")."""
    if (
        len(parts) < NAME_MIN_WORDS
        or parts[0] not in korean_surnames()
        or len(parts[0]) < KOREAN_SURNAME_MIN_LETTERS
    ):
        return False
    given = parts[1:]
    if len(given) == 1:  # "In-yong", "Changwook": two romanized syllables
        return bool(KOREAN_GIVEN.fullmatch(given[0].replace("-", "")))
    return len(given) == KOREAN_GIVEN_SYLLABLES and all(
        len(g) <= KOREAN_SYLLABLE_LETTERS and g.isalpha() for g in given
    )


def person_evidence(doc, start: int, end: int, parts: list[str], titled: bool) -> bool:
    """Is the name-like span ``doc[start:end]`` a person?"""
    if titled or (start > 0 and introduces_person(doc[start - 1])):
        return True
    if len(parts) < NAME_MIN_WORDS:
        return False
    parts = family_in_capitals(parts)
    if parts[0] in given_names() or korean_name(parts):
        return True
    if chinese_name(parts) or japanese_name(parts):
        return True
    return speaker(doc, start, end)


def bare_name_cued(doc, start: int, end: int) -> bool:
    """A one-word name cued as a person's by the words around it ("farmer Roe", "Roe said",
    "Roe, 45,")."""
    return (start > 0 and introduces_person(doc[start - 1])) or speaker(doc, start, end)


def speaker(doc, start: int, end: int) -> bool:
    """ "X said", "said X", "X, a professor ..." with X of two or three words."""
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    if after in SPEECH_VERBS or before in SPEECH_BEFORE:
        return True
    if pictured(doc, end) or role_before_comma(doc, start, end) or coordinated_speaker(doc, end):
        return True
    if after != "," or end + 1 >= len(doc):
        return False
    return (
        doc[end + 1].lower_ == "who"
        or appositive_title(doc, end + 1)
        or appositive_age(doc, end + 1)
        or bare_appositive_role(doc, end + 1)
    )


# "Jane Roe (pictured)", "(pictured left)": a caption's pointer at a person in the picture
# ("(left)" alone also points at places on a map).
PICTURE_POINTERS = frozenset({"pictured"})


def pictured(doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ in PICTURE_POINTERS


def role_before_comma(doc, start: int, end: int) -> bool:
    """ "the firm's founder, Jane Roe, said", "one of its co-founders, Jane Roe,": a singular
    lower-case role (or a plural one after "one of"), a comma, then the name closed by a comma
    or a full stop ("Among officials, Jane Roe" is no apposition)."""
    if start < ARTICLE_JOIN or doc[start - 1].text != "," or end >= len(doc):
        return False
    role = doc[start - ARTICLE_JOIN]
    singular = not plural(role.text) or one_of_before(doc, role.i)
    return (
        role.text.islower() and singular and introduces_person(role) and doc[end].text in {",", "."}
    )


# Tokens before a plural role searched for "one of" ("one of the firm's co-founders").
ONE_OF_REACH = 8


def one_of_before(doc, i: int) -> bool:
    """ "one of" opens the noun phrase that ends at token ``i``."""
    for k in range(i - 1, max(0, i - ONE_OF_REACH), -1):
        if doc[k].lower_ == "of" and doc[k - 1].lower_ == "one":
            return True
        if doc[k].is_punct and doc[k].text not in {"-", "'s", "\u2019s"}:
            return False
    return False


def coordinated_speaker(doc, end: int) -> bool:
    """ "Jane Roe and John Roe said": a name joined by "and" to a speaking name speaks too."""
    if end + 1 >= len(doc) or doc[end].lower_ != "and" or not is_cap(doc[end + 1]):
        return False
    j = end + 1
    while j < len(doc) and j - end <= NAME_MAX_WORDS and is_cap(doc[j]) and not doc[j].is_punct:
        j += 1
    after = doc[j].lower_ if j < len(doc) else ""
    return after in SPEECH_VERBS


AGE_MAX_DIGITS = 2  # "Jane Roe, 45, said": an age has one or two digits


def appositive_age(doc, i: int) -> bool:
    """ "Jane Roe, 45, a farmer", "Jane Roe, 45-year-old farmer": an age in apposition."""
    if i + 1 >= len(doc) or not doc[i].is_digit or len(doc[i].text) > AGE_MAX_DIGITS:
        return False
    return doc[i + 1].text in {",", "-", ")"}


def bare_appositive_role(doc, i: int) -> bool:
    """ "Jane Roe, chief economist at the bank", "Jane Roe, spokeswoman for the ministry",
    "Jane Roe, EC spokesperson for competition": lower-case role words without an article,
    after up to three capitalised words saying whose role it is, then what they serve ("of",
    "at", "for", ...). A plural ("In New York, officials at the ministry said") names others."""
    k = i
    while k < min(len(doc), i + ROLE_OWNER_WORDS) and is_cap(doc[k]) and not doc[k].is_punct:
        k += 1  # "Jane Roe, EC spokesperson for competition": whose role it is
    start = k
    while k < len(doc) and doc[k].text.islower() and introduces_person(doc[k]):
        if plural(doc[k].text):
            return False
        k += 1
    return k > start and k < len(doc) and doc[k].lower_ in ROLE_OBJECT_WORDS


def plural(word: str) -> bool:
    """A plural noun's ending ("officials"; not "boss")."""
    return word.endswith("s") and not word.endswith("ss")


ROLE_OWNER_WORDS = 3  # capitalised words before a role in apposition ("EC", "Samsung Electronics")
# Words after a role in apposition that say whom the role serves ("chief economist at ...").
ROLE_OBJECT_WORDS = frozenset({"of", "at", "for", "in", "with", "to", "and", ","})


def appositive_title(doc, i: int) -> bool:
    """ "X, a spokeswoman for ...", "X, the chief executive", "X, Japan's foreign minister",
    "X, the agency's second-ranking negotiator": a determiner (an article or a capitalised
    possessive) and a lower-case role follow the comma; a hyphen inside a modifier written
    solid ("second-ranking") does not end the search."""
    start = determiner_end(doc, i)
    if start < 0:
        return False
    k, words = start, 0
    while k < len(doc) and words < APPOSITIVE_REACH:
        tok = doc[k]
        glued_hyphen = tok.text == "-" and not tok.whitespace_ and not doc[k - 1].whitespace_
        if (glued_hyphen and k > start) or tok.lower_ in {"'s", "\u2019s"}:
            k += 1  # "the agency's second-ranking negotiator": one word each
            continue
        if tok.is_punct:
            return False
        if not tok.text[:1].isupper() and introduces_person(tok):
            return not plural(tok.text)  # "In Roe Falls, the residents said": others
        k, words = k + 1, words + 1
    return False


def determiner_end(doc, i: int) -> int:
    """The index after a determiner at ``i``: "a", "an", "the", or a capitalised name's
    possessive ("Japan's", "DPRK's"); -1 when none is there."""
    if doc[i].lower_ in {"a", "an", "the"}:
        return i + 1
    if i + 1 < len(doc) and is_cap(doc[i]) and not doc[i].is_punct and not doc[i].whitespace_:
        if doc[i + 1].text in POSSESSIVE_PARTS - {"'", "\u2019"}:
            return i + ARTICLE_JOIN
    return -1


def strip_leading(tokens, k: int = 0) -> int:
    """Skip sentence-initial function words and "The" at the start of a chunk."""
    while k < len(tokens) and (
        (tokens[k].text in stop_capitals() and not family_before_given(tokens.doc, tokens[k].i))
        or tokens[k].lower_ == "the"
    ):
        k += 1
    return k


# A hyphenated descriptor before a name says what or where the body is, it is not its name:
# "English-language South China Morning Post", "Seoul-based Asan Institute".
DESCRIPTOR = re.compile(
    r"^[A-Z][\w.]*-(?:based|language|run|owned|led|backed|controlled|funded|affiliated|cap"
    r"|listed|linked|registered|headquartered|operated|sponsored|supported|aligned)\s+"
)


def clean_org_name(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = DESCRIPTOR.sub("", text)
    return re.sub(r"\s+", " ", text).strip(" .,'\u2019")
