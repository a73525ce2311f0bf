"""Hangul mentions: known names and titled persons in Korean text, by morphological analysis.

``mentions(text, gazetteer)`` returns ``(Mention, (start, end))`` with character offsets into
``text``. Korean writes particles, endings and titles onto the word (김정은동지께서, 조선중앙통신이,
미국과), so a Hangul name is a mention when it starts a word or a noun of kiwipiepy's analysis
and what follows it inside the word is only particles, endings, titles or an attached noun
(``data/korean_attached.txt``: 북한군, 한국인); 조선일보 is not 조선. Titles (``korean_titles.txt``)
are signals, never part of a name. A homonym (``homonyms.tsv``) names its actor only with
supporting context. An unknown person is a Korean surname + one or two syllables tagged as a
proper noun, directly followed by a title or after an occupation (``korean_roles.txt``); a
reporter's byline at the start or end of the text is not a mention.

Analysis runs only on text that contains Hangul; the analyser is created once per process.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from archive.entities.entries import DATA, read_table, words
from archive.entities.known import Mention
from archive.entities.types import COUNTRY, PERSON

HANGUL = re.compile(r"[\uac00-\ud7a3]")
HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]+$")
# Tags of kiwipiepy (Sejong tag set) that carry no meaning of their own after a name:
# particles (J…), endings (E…), copula, derivational suffixes, punctuation.
FUNCTIONAL = ("J", "E", "VCP", "XSN", "XSV", "XSA", "S")
# kiwipiepy gives a noun it does not know (칼리드, 주지홍) one of these morpheme ids: 2 as a
# common noun, 3 as a proper noun; words of its dictionary have ids past them.
UNKNOWN_NOUN_IDS = frozenset({2, 3})
REPORTER_TITLES = frozenset({"기자", "전문기자", "특파원"})
# A byline's reporter title follows the name within BYLINE_DESK_WORDS words.
BYLINE_DESK_WORDS = 4
# Only the COMMON_SURNAMES most frequent family names (korean_surnames_hangul.txt is in order of
# frequency) start a name found without a title: rarer ones begin too many other words (마마무).
COMMON_SURNAMES = 30
REAL_NAME = "본명"  # "키미 본명 김민지": the word before is a stage name
MAX_MEMBERS = 9  # names listed after a group's name
REPEATED = 2  # a bare name-shaped word written this often in one text is a person's name
HOMONYM_COLUMNS = 4  # homonyms.tsv: name, scope, supporting words, opposing words
BYLINE_LEAD_WORDS = 3  # words before a bare reporter title that belong to its byline
GAZETTEERS_CACHED = 8  # gazetteers whose Hangul-name alternation is kept compiled
# Syllables of a Korean person's name: surname + two (most common), surname + one, or a
# two-syllable surname + two; tried in the order of NAME_LENGTHS.
FULL_NAME = 3
SHORT_NAME = 2
LONG_NAME = 4
COMPOUND_SURNAME = 2  # syllables of the family name in a LONG_NAME
NAME_LENGTHS = (FULL_NAME, SHORT_NAME, LONG_NAME)
MIN_STEM = 2  # syllables left before a particle other than 과/와 for it to be split off
FRIENDLY_NAME = 3  # shortest word whose final 이 may be the friendly suffix (도연이)
HANGUL_FIRST = 0xAC00  # 가: the first precomposed Hangul syllable
FINALS = 28  # final-consonant slots per syllable block (0: none), in code-point order
MIN_LIST_SO_FAR = 2  # bare member names before a word the analyser knows, for it to be one
MIN_GROUP_NAME = 2  # syllables of the shortest group name after a group word
MAX_MEMBER_NAME = 3  # syllables of the longest member name in a group's list
MIN_STAGE_NAME, MAX_STAGE_NAME = 2, 3  # syllables of a stage name without a family name
MAX_FOREIGN_NAME = 6  # syllables of a foreign name written in Hangul as one word (오우양나나)
# Honorifics that never end a name, so a name-shaped word ending in one is a shorter name with
# the honorific glued on (소미씨에게 is 소미 + 씨).
GLUED_HONORIFICS = ("씨", "님")
# Copula endings that turn an occupation into a modifier of the name after it
# ("첼리스트이자 영화배우인 오우양나나"): the occupation is still a signal.
COPULA_ENDINGS = ("이자", "이며", "이고", "인")
FAMILIAR_TITLE = "씨"  # after a given name alone: the person named in full before
CHARACTER = "역"  # "허재봉 역을 맡은 차태현": the name before 역 is a fictional character
# One-syllable particles that the analyser may leave glued to a two-syllable noun (신화가).
GLUED_PARTICLES = frozenset("이가은는을를의도와과")


class Morpheme(NamedTuple):
    """One morpheme of kiwipiepy's analysis: character offsets, surface form, Sejong tag;
    ``unknown``: a noun that is not in the analyser's dictionary (a name it has not seen)."""

    start: int
    end: int
    form: str
    tag: str
    unknown: bool = False


def has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))


@functools.lru_cache(maxsize=1)
def kiwi():
    """The morphological analyser, loaded on first use (about a second)."""
    from kiwipiepy import Kiwi

    return Kiwi()


@functools.lru_cache(maxsize=1)
def titles() -> frozenset:
    return frozenset(words("korean_titles.txt"))


@functools.lru_cache(maxsize=1)
def roles() -> frozenset:
    return frozenset(words("korean_roles.txt"))


@functools.lru_cache(maxsize=1)
def work_words() -> frozenset:
    return frozenset(words("korean_work_words.txt"))


@functools.lru_cache(maxsize=1)
def member_stops() -> frozenset:
    return frozenset(words("korean_member_stops.txt"))


@functools.lru_cache(maxsize=1)
def org_endings() -> tuple[str, ...]:
    return tuple(words("korean_org_endings.txt"))


def is_role(word: str) -> bool:
    """An occupation written before a name: a role of ``korean_roles.txt``, also at the end
    of a compound (영화배우, 재즈가수) or with a copula ending (영화배우인, 첼리스트이자)."""
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


@dataclass(frozen=True)
class Homonym:
    window: int  # characters either side of the mention; 0: the whole article
    supporting: tuple[str, ...]
    opposing: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def homonyms() -> dict[str, Homonym]:
    table = {}
    for row in read_table(DATA / "homonyms.tsv"):
        name, scope, supporting, opposing = (row + [""] * HOMONYM_COLUMNS)[:HOMONYM_COLUMNS]
        window = 0 if scope == "article" else int(scope)
        split = lambda cell: tuple(w for w in cell.split("|") if w)  # noqa: E731
        table[name] = Homonym(window, split(supporting), split(opposing))
    return table


def sense_supported(name: str, text: str, start: int, end: int) -> bool:
    """Whether a homonym's mention at ``start:end`` names the gazetteer actor: its supporting
    words occur in its context, at least as often as the words of the other sense."""
    homonym = homonyms().get(name)
    if homonym is None:
        return True
    if homonym.window:
        context = text[max(0, start - homonym.window) : end + homonym.window]
        context = context.replace(text[start:end], " ", 1) if name in context else context
    else:
        context = text[:start] + " " + text[end:]
    support = sum(context.count(w) for w in homonym.supporting)
    against = sum(context.count(w) for w in homonym.opposing)
    return support > 0 and support >= against


@dataclass
class Analysis:
    """A text's words (whitespace-delimited spans) and morphemes ``(start, end, form, tag)``."""

    text: str
    words: list[tuple[int, int]]
    morphemes: list[Morpheme]

    @functools.cached_property
    def starts(self) -> dict[int, Morpheme]:
        out = {}
        for m in self.morphemes:
            out.setdefault(m.start, m)
        return out

    @functools.cached_property
    def works(self) -> frozenset:
        """Titles of works and fictional characters of the text (``works_and_characters``)."""
        return works_and_characters(self)

    @functools.cached_property
    def _morpheme_starts(self) -> list[int]:
        return [m.start for m in self.morphemes]

    @functools.cached_property
    def _word_starts(self) -> list[int]:
        return [s for s, _ in self.words]

    def morphemes_in(self, start: int, end: int) -> list[Morpheme]:
        """The morphemes that start inside ``start:end`` (binary search: texts run long)."""
        keys = self._morpheme_starts
        return self.morphemes[bisect.bisect_left(keys, start) : bisect.bisect_left(keys, end)]

    def word_index(self, position: int) -> int:
        i = bisect.bisect_right(self._word_starts, position) - 1
        return i if i >= 0 and position < self.words[i][1] else -1


def analyse(text: str) -> Analysis:
    word_spans = [m.span() for m in re.finditer(r"\S+", text)]
    morphemes = [
        Morpheme(t.start, t.start + t.len, t.form, t.tag, t.id in UNKNOWN_NOUN_IDS)
        for t in kiwi().tokenize(text)
    ]
    morphemes = [m for m in morphemes if m.end > m.start]
    morphemes.sort()
    return Analysis(text, word_spans, morphemes)


def tail(analysis: Analysis, end: int, word_end: int) -> str | None:
    """What follows a name inside its word: "" (nothing or only particles and endings),
    the title that follows it, "+" for an attached noun, or None if another word is glued on."""
    if end == word_end:
        return ""
    if end not in analysis.starts:
        return glued_tail(analysis, end, word_end)
    rest = analysis.morphemes_in(end, word_end)
    first = rest[0].form if rest else ""
    if first in titles():
        rest = rest[1:]
    elif first in attached():
        first, rest = "+", rest[1:]
    else:
        first = ""
    if all(m.tag.startswith(FUNCTIONAL) or m.form in titles() for m in rest):
        return first
    return None


def glued_tail(analysis: Analysis, end: int, word_end: int) -> str | None:
    """The analyser took a name and what follows as one noun (북한군/NNG): accepted when the
    rest starts with an attached noun or a title and then has only particles and endings."""
    rest = analysis.text[end:word_end]
    for noun in sorted(attached() | titles(), key=len, reverse=True):
        after = end + len(noun)
        if rest.startswith(noun) and (after == word_end or after in analysis.starts):
            if tail(analysis, after, word_end) == "":
                return "+" if noun in attached() else noun
    return None


def next_title(analysis: Analysis, word: int) -> str:
    """The title that starts the next word ("기자", "씨는", "대통령은") or ends its nouns
    ("고용통계과장은", "과학영농팀장이"): the title of a name written bare before it."""
    if word + 1 >= len(analysis.words):
        return ""
    start, end = analysis.words[word + 1]
    morphemes = analysis.morphemes_in(start, end)
    nouns = [m for m in morphemes if not m.tag.startswith(FUNCTIONAL)]
    if nouns and nouns[-1].form in titles() and tail(analysis, nouns[-1].end, end) is not None:
        return nouns[-1].form
    return ""


def titled_after(analysis: Analysis, word: int) -> str:
    """A title in the next word, or in the one after when the next word is bare and names
    where the person works ("장선욱 롯데면세점 대표는", "심원보 통계청 고용통계과장은")."""
    title = next_title(analysis, word)
    if title or word + 2 >= len(analysis.words):
        return title
    start, end = analysis.words[word + 1]
    if all(m.tag in ("NNP", "NNG") for m in analysis.morphemes_in(start, end)):
        return next_title(analysis, word + 1)
    return ""


def is_byline(analysis: Analysis, end: int, word: int) -> bool:
    """A name followed by a reporter title that carries no particle is a byline or a photo
    credit ("서울 연합뉴스 강종훈 기자 롯데면세점은 …", "김유태기자 3835", "사진 강영국 기자"); a
    reporter named in the prose takes a particle ("강 기자는", "기자에 따르면")."""
    spans, text = analysis.words, analysis.text
    word_end = spans[word][1]
    if end < word_end:  # title glued to the name: 김상민기자
        return text[end:word_end] in REPORTER_TITLES
    # the reporter title may come after the desk ("곽경민 한경닷컴 연예 이슈팀 기자")
    for s, e in spans[word + 1 : word + 1 + BYLINE_DESK_WORDS]:
        if text[s:e] in REPORTER_TITLES:
            return True
        if not HANGUL_WORD.match(text[s:e]):
            return False
    return False


def byline_words(analysis: Analysis) -> set[int]:
    """Indices of the words of a byline: the reporter's name and the 1–3 words before it
    when they end in a bare reporter title ("서울 연합뉴스 강종훈 기자")."""
    text, out = analysis.text, set()
    for i, (start, end) in enumerate(analysis.words):
        word = text[start:end]
        if any(
            word == t or (word.endswith(t) and HANGUL_WORD.match(word)) for t in REPORTER_TITLES
        ):
            out.update(range(max(0, i - BYLINE_LEAD_WORDS), i + 1))
    return out


@functools.lru_cache(maxsize=GAZETTEERS_CACHED)
def _hangul_names(gazetteer_id: int, gazetteer):
    names: dict[str, list] = {}
    for entry in gazetteer.entries():
        for name in (entry.name, *entry.aliases):
            if has_hangul(name):
                targets = names.setdefault(name, [])
                if entry not in targets:
                    targets.append(entry)
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, re.compile(pattern) if names else None


def hangul_names(gazetteer):
    """``(name → entries, compiled alternation, longest first)`` of the Hangul names."""
    return _hangul_names(id(gazetteer), gazetteer)


def candidate_starts(analysis: Analysis) -> list[int]:
    """Word starts and noun starts: where a name may begin (사회주의조국 has a noun 조국)."""
    starts = {s for s, _ in analysis.words}
    starts |= {m.start for m in analysis.morphemes if m.tag.startswith("NN")}
    return sorted(starts)


def known_mentions(analysis: Analysis, gazetteer, byline: set[int]):
    names, pattern = hangul_names(gazetteer)
    out, taken = [], set()
    if pattern is None:
        return out, taken
    for start in candidate_starts(analysis):
        if start in taken:
            continue
        found = pattern.match(analysis.text, start)
        if not found:
            continue
        word = analysis.word_index(start)
        end, word_end = found.end(), analysis.words[word][1]
        word_end = max(word_end, analysis.words[analysis.word_index(end - 1)][1])
        if tail(analysis, end, word_end) is None:
            continue
        name, entries = found.group(), names[found.group()]
        if not sense_supported(name, analysis.text, start, end):
            continue
        if word in byline and entries[0].kind != COUNTRY:
            continue
        taken.update(range(start, end))
        out.append((Mention(entries[0].kind, name, start, end, tuple(entries)), (start, end)))
    return out, taken


def name_shaped(analysis: Analysis, start: int, word_end: int):
    """``(end, title)`` of a Korean name at ``start``: surname + one or two syllables, a proper
    noun by the analysis, ending where particles or a title begin; None otherwise."""
    first = analysis.starts.get(start)
    if first is None or first.tag != "NNP":
        return None
    text = analysis.text
    for length in NAME_LENGTHS:
        end = start + length
        name = text[start:end]
        if end > word_end or not HANGUL_WORD.match(name):
            continue
        family = name[:COMPOUND_SURNAME] if length == LONG_NAME else name[:1]
        if family not in surnames() or (length == LONG_NAME and len(family) != COMPOUND_SURNAME):
            continue
        if name in titles() or name in roles() or honorific_or_particle_glued(analysis, name):
            continue
        inside = analysis.morphemes_in(start, end)
        if any(m.tag not in ("NNP", "NNG", "NNB", "XR") for m in inside):
            continue  # 이적과 is 이적 + a particle, not a three-syllable name
        rest = tail(analysis, end, word_end)
        if rest is not None and rest != "+":
            return end, rest
    return None


def honorific_or_particle_glued(analysis: Analysis, name: str) -> bool:
    """A three-syllable "name" that is a shorter name with an honorific glued on (소미씨), or a
    two-syllable word with its particle, which the text also writes without it or with
    another particle (신화가 … 신화는)."""
    if len(name) != FULL_NAME:
        return False
    if name[-1] in GLUED_HONORIFICS:
        return True
    if name[-1] not in GLUED_PARTICLES:
        return False
    stem = name[:-1]
    return any(
        split_particle(w)[0] == stem and w != name
        for w in (analysis.text[s:e] for s, e in analysis.words)
    )


@functools.lru_cache(maxsize=1)
def place_suffixes() -> frozenset:
    return frozenset(words("korean_place_suffixes.txt"))


def institution_like(name: str) -> bool:
    """A name ending like a place, an institution or a company (강남구, 서울대, 전경련)."""
    return name[-1] in place_suffixes() or name.endswith(org_endings())


def analysed_name(analysis: Analysis, start: int, end: int, word_end: int) -> bool:
    """Without a title: a surname + two syllables that the analyser reads as one proper noun,
    followed by particles only, and not ending like a place or institution (강남구, 서울대)."""
    first = analysis.starts.get(start)
    return (
        first is not None
        and first.end == end
        and first.tag == "NNP"
        and end - start == FULL_NAME
        and analysis.text[start] in ordered_surnames()[:COMMON_SURNAMES]
        and not institution_like(analysis.text[start:end])
        and tail(analysis, end, word_end) == ""
    )


def person_mentions(analysis: Analysis, taken: set, byline: set[int]):
    """Unknown Korean persons: a name-shaped word with a title after it, or after an
    occupation ("배우 김수현과"), or continuing such a list ("배우 이민호 김수현 지창욱"), or
    named twice in the text; and every name-shaped word of a list one of them is in
    ("전지현 박보영 등이")."""
    shapes = name_shapes(analysis, taken)
    twice = repeated(analysis, shapes)
    found: dict[int, tuple[int, int, str]] = {}
    listing = False
    for i, (start, word_end) in enumerate(analysis.words):
        shaped = shapes.get(i)
        previous = analysis.text[analysis.words[i - 1][0] : analysis.words[i - 1][1]] if i else ""
        if shaped is None:
            listing = is_role(previous) and analysis.text[start:word_end] in roles()
            continue
        end, title = shaped
        if is_byline(analysis, end, i):
            listing = False
            continue
        title = title or (titled_after(analysis, i) if end == word_end else "")
        after_role = is_role(previous) or listing
        named = analysed_name(analysis, start, end, word_end) or analysis.text[start:end] in twice
        if not (title or after_role or named):
            listing = False
            continue
        if (end - start) == SHORT_NAME and not (title or is_role(previous)):
            continue
        if (end - start) == SHORT_NAME and institution_like(analysis.text[start:end]):
            continue  # 이대총장: the president of a university (이대), not a person 이대
        found[i] = (start, end, title)
        # a list goes on while its words carry no particle ("이민호 김수현 지창욱 박해진과")
        listing = after_role and end == word_end and not title
    found.update(list_fellows(analysis, shapes, found))
    return [
        (Mention(PERSON, analysis.text[s:e], s, e, titled=bool(t)), (s, e))
        for s, e, t in (found[i] for i in sorted(found))
    ]


def name_shapes(analysis: Analysis, taken: set) -> dict[int, tuple[int, str]]:
    """Word index → ``(end, title)`` of the words that start with a name-shaped noun."""
    shapes, works = {}, analysis.works
    for i, (start, word_end) in enumerate(analysis.words):
        if start in taken:
            continue
        shaped = name_shaped(analysis, start, word_end) or role_shaped(analysis, i)
        if shaped and analysis.text[start : shaped[0]] not in works:
            shapes[i] = shaped
    return shapes


def role_shaped(analysis: Analysis, i: int):
    """``(end, "")`` of a surname + two syllables right after an occupation ("감독 주지홍
    제작", "배우 남태현이"), however the analyser splits it, unless it reads those syllables as
    one common noun (배우 이야기를); None otherwise."""
    if not is_role(word_at(analysis, i - 1)):
        return None
    start, word_end = analysis.words[i]
    name = without_particle(analysis.text[start:word_end])
    end = start + len(name)
    if len(name) != FULL_NAME or not HANGUL_WORD.match(name) or name[0] not in surnames():
        return None
    inside = analysis.morphemes_in(start, end)
    if dictionary_noun(inside, end):
        return None
    if not inside or not inside[-1].tag.startswith("NN") or verb_made(inside):
        return None  # 인정한, 성공한: a verb's adnominal form
    if name in titles() or name in roles() or institution_like(name):
        return None
    return end, ""


def verb_made(morphemes: list[Morpheme]) -> bool:
    """Whether a verb or adjective suffix or an adnominal ending is among ``morphemes``."""
    return any(m.tag in ("XSV", "XSA", "ETM", "ETN", "EP") for m in morphemes)


def word_at(analysis: Analysis, i: int) -> str:
    """The text of word ``i``; "" before the first and after the last."""
    if 0 <= i < len(analysis.words):
        start, end = analysis.words[i]
        return analysis.text[start:end]
    return ""


def without_particle(word: str) -> str:
    """The word without a particle written on it, however short what is left (역을 → 역)."""
    for particle in sorted(MEMBER_PARTICLES, key=len, reverse=True):
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


def works_and_characters(analysis: Analysis) -> frozenset:
    """Words that a text writes as the title of a work, right after a kind of work ("웹툰
    복학왕", "드라마 해바라기"), or as a fictional character, before 역, the part played
    ("허재봉 역을 맡은 차태현"): anywhere in that text they name no person."""
    found = set()
    for i in range(len(analysis.words)):
        word = without_particle(word_at(analysis, i))
        if word_at(analysis, i - 1) in work_words() or (
            without_particle(word_at(analysis, i + 1)) == CHARACTER
        ):
            found.add(word)
    return frozenset(found)


def repeated(analysis: Analysis, shapes: dict) -> set[str]:
    """Three-syllable names written bare (particles only) at least twice: a text repeats the
    name of the person it is about ("차태현을 … 차태현과")."""
    counts: dict[str, int] = {}
    for i, (end, title) in shapes.items():
        start = analysis.words[i][0]
        if (
            end - start == FULL_NAME
            and not title
            and not institution_like(analysis.text[start:end])
        ):
            name = analysis.text[start:end]
            counts[name] = counts.get(name, 0) + 1
    return {name for name, n in counts.items() if n >= REPEATED}


def list_fellows(analysis: Analysis, shapes: dict, found: dict) -> dict:
    """The other names of a list that holds a found person: consecutive name-shaped words, all
    bare but the last ("홍현희 이은형 맹승지 등", "전지현 박보영 등이")."""
    fellows = {}
    for run in name_runs(analysis, shapes):
        if len(run) > 1 and any(i in found for i in run):
            for i in run:
                start = analysis.words[i][0]
                end, title = shapes[i]
                if i not in found and end - start == FULL_NAME:
                    fellows[i] = (start, end, title)
    return fellows


def name_runs(analysis: Analysis, shapes: dict) -> list[list[int]]:
    runs, current = [], []
    for i in range(len(analysis.words)):
        if i in shapes:
            current.append(i)
            if shapes[i][0] != analysis.words[i][1]:  # a particle or title ends the list
                runs.append(current)
                current = []
        else:
            runs.append(current)
            current = []
    return [run for run in runs + [current] if run]


@functools.lru_cache(maxsize=1)
def group_words() -> frozenset:
    return frozenset(words("korean_group_words.txt"))


# Particles that end a member's name in a list; only 과/와 (and) let the list go on.
MEMBER_PARTICLES = ("과", "와", "이", "가", "은", "는", "을", "를", "의", "도", "로", "으로")
LIST_PARTICLES = ("과", "와")


def split_particle(word: str) -> tuple[str, str]:
    """("나연", "과") for 나연과: the word and the particle written on it, if any."""
    for particle in sorted(MEMBER_PARTICLES, key=len, reverse=True):
        if word.endswith(particle) and len(word) - len(particle) >= 1:
            stem = word[: -len(particle)]
            if len(stem) >= MIN_STEM or particle in LIST_PARTICLES:
                return name_stem(stem), particle
    return name_stem(word), ""


def name_stem(word: str) -> str:
    """A name ending in a consonant takes a friendly 이 before particles (도연이와 → 도연)."""
    if (
        len(word) >= FRIENDLY_NAME
        and word.endswith("이")
        and (ord(word[-2]) - HANGUL_FIRST) % FINALS
    ):
        return word[:-1]
    return word


def groups_named(analysis: Analysis) -> set[str]:
    """The group names of a text: the word right after a group word ("걸그룹 트와이스가")."""
    text, found = analysis.text, set()
    for i, (start, end) in enumerate(analysis.words[:-1]):
        if text[start:end] in group_words():
            s, e = analysis.words[i + 1]
            name, _ = split_particle(text[s:e])
            if (
                HANGUL_WORD.match(name)
                and len(name) >= MIN_GROUP_NAME
                and name not in group_words()
            ):
                found.add(name)
    return found


def unknown_or_proper(analysis: Analysis, start: int, end: int) -> bool:
    """The analyser reads ``start:end`` as a proper noun, or knows no word there (a noun out
    of its dictionary, or a stage name broken into syllables: 온/NNG 유/NNG); a common word
    (완전체, 멤버) is neither."""
    inside = analysis.morphemes_in(start, end)
    if not inside:
        return False
    if inside[0].tag == "NNP" or inside[0].unknown:
        return True
    return len(inside) > 1 and all(m.tag in ("NNG", "NNB") and m.end - m.start == 1 for m in inside)


def one_proper_noun(analysis: Analysis, start: int, end: int) -> bool:
    inside = analysis.morphemes_in(start, end)
    return len(inside) == 1 and inside[0].tag == "NNP" and inside[0].end == end


def member_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Members listed after their group's name ("트와이스의 나연과 모모가", "샤이니 온유 종현
    민호 태민"), where the group is named after a group word somewhere in the text."""
    groups, text, out = groups_named(analysis), analysis.text, []
    for i, (start, end) in enumerate(analysis.words):
        name, particle = split_particle(text[start:end])
        if name not in groups or particle not in ("", "의"):
            continue
        out.extend(members_after(analysis, member_list_start(analysis, i + 1), taken))
    return out


MEMBER_COUNT = re.compile(r"^(총|모두|\d+명)$")  # "멤버는 총 6명": how many members follow


def member_list_start(analysis: Analysis, first: int) -> int:
    """The first word of a members' list that opens with the word for member and their number
    ("트와이스의 멤버는 총 6명 쯔위와 나연", "트와이스 멤버 나연과 모모")."""
    i = first
    if without_particle(word_at(analysis, i)) in roles():
        i += 1
        while i < first + MAX_MEMBERS and MEMBER_COUNT.match(word_at(analysis, i)):
            i += 1
    return i


def members_after(analysis: Analysis, first: int, taken: set) -> list:
    """The members listed from word ``first`` on; after "과/와", a word in the genitive is
    the next group of the list ("효정 유아 비니와 여자친구의 예린 유주 신비가"). A member's name
    is one the analyser does not know as a common word, or any short word that goes on a
    list of MIN_LIST_SO_FAR bare names (신비, "mystery", after 예린 유주); a common noun said of
    the group (완전체, 멤버들: ``korean_member_stops.txt``) ends the list."""
    text, out, joined, bare = analysis.text, [], False, 0
    for s, e in analysis.words[first : first + MAX_MEMBERS]:
        member, particle = split_particle(text[s:e])
        stop = s + len(member)
        if joined and particle == "의" and HANGUL_WORD.match(member):
            joined = False
            continue
        if not (HANGUL_WORD.match(member) and len(member) <= MAX_MEMBER_NAME) or s in taken:
            break
        if member in group_words() or member in roles() or member in titles():
            break
        if member in member_stops() or member in analysis.works:
            break
        going_on = bare >= MIN_LIST_SO_FAR and len(member) >= MIN_STAGE_NAME
        if not (unknown_or_proper(analysis, s, stop) or going_on):
            break
        out.append((Mention(PERSON, member, s, stop), (s, stop)))
        if particle and particle not in LIST_PARTICLES:
            break
        joined = particle in LIST_PARTICLES
        bare = 0 if particle else bare + 1
    return out


def stage_name_mentions(analysis: Analysis, taken: set) -> list[tuple[Mention, tuple[int, int]]]:
    """Names with no family name, from two signals: right after an occupation ("멤버 키미는",
    "디바 소찬휘와", "영화배우인 오우양나나") or right before 본명, the real name ("키미 본명
    김민지"). A name longer than a stage name is a foreign name written in Hangul: the
    analyser must read it as one proper noun."""
    text, out, spans = analysis.text, [], analysis.words
    for i, (start, end) in enumerate(spans):
        if start in taken:
            continue
        previous = text[spans[i - 1][0] : spans[i - 1][1]] if i else ""
        following = text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
        if not is_role(previous) and following != REAL_NAME:
            continue
        name, _ = split_particle(text[start:end])
        stop = start + len(name)
        if not (HANGUL_WORD.match(name) and MIN_STAGE_NAME <= len(name) <= MAX_FOREIGN_NAME):
            continue
        if len(name) > MAX_STAGE_NAME and not one_proper_noun(analysis, start, stop):
            continue
        if name in roles() or name in titles() or name in group_words() or name in analysis.works:
            continue
        if following == REAL_NAME or unknown_or_proper(analysis, start, stop):
            out.append((Mention(PERSON, name, start, stop), (start, stop)))
    return out


def mentions(text: str, gazetteer) -> list[tuple[Mention, tuple[int, int]]]:
    """Known-name and titled-person mentions of a text that contains Hangul, in text order."""
    analysis = analyse(text)
    byline = byline_words(analysis)
    known, taken = known_mentions(analysis, gazetteer, byline)
    persons = person_mentions(analysis, taken, byline)
    taken |= {i for _, (s, e) in persons for i in range(s, e)}
    members = member_mentions(analysis, taken)
    taken |= {i for _, (s, e) in members for i in range(s, e)}
    staged = stage_name_mentions(analysis, taken)
    taken |= {i for _, (s, e) in staged for i in range(s, e)}
    countries = {span for m, span in known if m.kind == COUNTRY}
    foreign = foreign_mentions(analysis, taken, countries)
    found = sorted(known + persons + members + staged + foreign, key=lambda pair: pair[1])
    return one_name_per_person(analysis, found)


def foreign_mentions(analysis: Analysis, taken: set, countries: set) -> list:
    """Foreign persons named the Korean way, name + country + title ("마크롱 프랑스 대통령은",
    "칼리드 사우디 왕자"): the name is any word of two to six syllables, however the analyser
    splits it, but not a common noun (올해 프랑스 대통령 선거), a verb form or a determiner."""
    out = []
    for i in range(len(analysis.words) - 2):
        start, end = analysis.words[i]
        if start in taken or analysis.words[i + 1] not in countries:
            continue
        if not next_title(analysis, i + 1) or not foreign_name(analysis, start, end):
            continue
        out.append(
            (Mention(PERSON, analysis.text[start:end], start, end, titled=True), (start, end))
        )
    return out


def foreign_name(analysis: Analysis, start: int, end: int) -> bool:
    name = analysis.text[start:end]
    if not (HANGUL_WORD.match(name) and MIN_STAGE_NAME <= len(name) <= MAX_FOREIGN_NAME):
        return False
    inside = analysis.morphemes_in(start, end)
    if not inside or any(not m.tag.startswith("NN") for m in inside):
        return False
    return not dictionary_noun(inside, end)


def dictionary_noun(inside: list[Morpheme], end: int) -> bool:
    """Whether ``inside`` is one common noun of the analyser's dictionary ending at ``end``
    (올해, 이야기): a word, not a name."""
    return (
        len(inside) == 1
        and inside[0].tag == "NNG"
        and inside[0].end == end
        and not inside[0].unknown
    )


def one_name_per_person(analysis: Analysis, found: list) -> list:
    """Rule-found persons written under a second name take their first one: the real name
    after 본명 is the stage name's person ("세이 본명 박세희"), and a given name alone is the
    one person of the text whose full name ends with it ("전소미가 … 소미씨에게")."""
    persons = [m for m, _ in found if m.kind == PERSON and not m.entries]
    by_word = {analysis.word_index(m.start): m.text for m in persons}
    stage = {m.text: stage_name(analysis, m, by_word) for m in persons}
    full = {name for name, first in stage.items() if len(name) == FULL_NAME and not first}
    out = []
    for mention, span in found:
        if mention.kind == PERSON and not mention.entries:
            owners = {n for n in full if n.endswith(mention.text)}
            if stage[mention.text]:
                mention = dataclasses.replace(mention, text=stage[mention.text])
            elif addressed(analysis, mention) and len(owners) == 1:
                mention = dataclasses.replace(mention, text=owners.pop())
        out.append((mention, span))
    return out


def addressed(analysis: Analysis, mention: Mention) -> bool:
    """A two-syllable given name with 씨 after it: how a text calls a person it has named in
    full ("전소미가 … 소미씨에게"); 님 after a short name is a stage name's ("진영 님")."""
    after = analysis.text[mention.end :].lstrip(" ")
    return len(mention.text) == SHORT_NAME and after.startswith(FAMILIAR_TITLE)


def stage_name(analysis: Analysis, mention: Mention, by_word: dict) -> str:
    """The stage name written before 본명 and the real name ``mention``; "" if there is none."""
    word = analysis.word_index(mention.start)
    if word_at(analysis, word - 1) == REAL_NAME:
        return by_word.get(word - 2, "")
    return ""
