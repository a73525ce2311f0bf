"""Persons in a headline digest, in Korean text.

A digest ("오늘의 주요 기사") is a run of headlines, each a short item set apart by a line
break or a bullet (▲, ■); this corpus writes a line break as a run of spaces. A headline
has no particles where it can do without them and no sentence ending: "항만 물동량 석
달째 감소", "규제 완화 약속한 김철수 첫 현장 방문". Where the breaks are lost (a reader
joins the lines of a paragraph), the digest is still told by its telegraphic style: most of
its words end in a noun, with no particle or ending (TELEGRAPHIC_SHARE of at least
MIN_TELEGRAPHIC words; prose runs near half). The analyser, reading the item as a sentence,
may break a bare name into words (X/NNG Y/NNB); read alone, it is one proper noun. In a
digest (at least MIN_ITEMS items, DIGEST_SHARE of them headlines: short and with no final
ending, so that short sentences between line breaks make none), or a telegraphic text, a
bare word of a common surname and two syllables of a given name that the analyser reads
alone as one proper noun is a person, unless it ends like a place or an institution.
"""

from __future__ import annotations

import re

from archive.entities.known import Mention
from archive.entities.korean_analysis import Analysis, alone, institution_named
from archive.entities.korean_persons import COMMON_SURNAMES, FULL_NAME, given_name_like
from archive.entities.korean_words import HANGUL_WORD, ordered_surnames, roles, titles
from archive.entities.types import PERSON

# Between the items of a digest: a line break, a bullet, or a run of spaces (how this corpus
# writes a line break; a sentence ending tells prose so broken from headlines).
ITEM_BREAK = re.compile(r"\s{2,}|\n|[▲△■□◆◇●○•]")
FINAL_ENDING = "EF"  # 했다, 연다: a sentence's, no headline's
PUNCTUATION = ("SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW")  # after the last word of an item
MAX_ITEM_WORDS = 12  # words of a headline
MIN_ITEMS = 10  # items of a digest
DIGEST_SHARE = 2 / 3  # of the items that are headlines
MIN_TELEGRAPHIC = 100  # words of a telegraphic text
TELEGRAPHIC_SHARE = 0.7  # of its words that end in a noun (prose: 0.2 to 0.6)
BARE_TAGS = ("NNG", "NNP", "NNB", "NR", "SN", "SL", "XSN")  # a word's last morpheme, bare


def digest_mentions(analysis: Analysis, taken: set, byline: set[int]) -> list:
    """The bare names of a headline digest (module docstring), as ``(Mention, span)``; the
    words of a byline (``byline``: word indices) are not."""
    if not (is_digest(analysis) or telegraphic(analysis)):
        return []
    out = []
    for i, (start, end) in enumerate(analysis.words):
        name = analysis.text[start:end]
        if start not in taken and i not in byline and bare_name(analysis, name):
            out.append((Mention(PERSON, name, start, end), (start, end)))
    return out


def is_digest(analysis: Analysis) -> bool:
    """Whether the text is MIN_ITEMS items or more, DIGEST_SHARE of them headlines."""
    items, headlines = 0, 0
    position = 0
    for piece in ITEM_BREAK.split(analysis.text):
        start = analysis.text.index(piece, position)
        position = start + len(piece)
        if piece.strip():
            items += 1
            headlines += headline(analysis, piece, start)
    return items >= MIN_ITEMS and headlines >= DIGEST_SHARE * items


def headline(analysis: Analysis, item: str, start: int) -> bool:
    """An item of at most MAX_ITEM_WORDS words that ends in no final ending."""
    if len(item.split()) > MAX_ITEM_WORDS:
        return False
    inside = analysis.morphemes_in(start, start + len(item))
    words = [m for m in inside if m.tag not in PUNCTUATION]
    return not words or words[-1].tag != FINAL_ENDING


def telegraphic(analysis: Analysis) -> bool:
    """Whether most words of a long text end in a noun: a run of headlines."""
    if len(analysis.words) < MIN_TELEGRAPHIC:
        return False
    bare = 0
    for start, end in analysis.words:
        inside = analysis.morphemes_in(start, end)
        bare += bool(inside) and inside[-1].tag in BARE_TAGS
    return bare >= TELEGRAPHIC_SHARE * len(analysis.words)


def bare_name(analysis: Analysis, name: str) -> bool:
    """A whole word of a common surname + two syllables of a given name, one proper noun when
    read alone, and no title, occupation, work, place or institution."""
    if len(name) != FULL_NAME or not HANGUL_WORD.match(name):
        return False
    if name[0] not in ordered_surnames()[:COMMON_SURNAMES]:
        return False
    if not given_name_like(name, analysis.works) or name in titles() or name in roles():
        return False
    if institution_named(name):
        return False
    reading = alone(name)
    return len(reading) == 1 and reading[0].tag == "NNP" and reading[0].end == FULL_NAME
