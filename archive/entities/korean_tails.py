"""What follows a Korean name: particles and endings, a title, or an attached noun.

A name is written with particles, endings and titles glued on (김하준동지께서, 조선중앙통신이,
미국과) or with an attached noun (북한군, 한국인); 조선일보 is not 조선.
"""

from __future__ import annotations

import re

from archive.entities.korean_analysis import Analysis
from archive.entities.korean_words import attached, roles, surnames, title_teams, titles

# Tags of kiwipiepy (Sejong tag set) that carry no meaning of their own after a name:
# particles (J…), endings (E…), copula, derivational suffixes, punctuation.
FUNCTIONAL = ("J", "E", "VCP", "XSN", "XSV", "XSA", "S")
# Familiar titles: a stage name's ("그룹명 X 씨"), not a foreign title; after a family name
# alone ("김양", "이군", "김씨"), often a person the text does not name in full.
FAMILIAR_TITLES = ("씨", "님", "군", "양")


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


def glued_title(analysis: Analysis, start: int, word_end: int) -> str:
    """The title of a word that is a family name with a title glued on ("김위원장은",
    "박대통령"): the analyser reads the family name alone and a title right after it, and the
    word is no title itself (이사장, "board chairman", is not 이 + 사장); "" otherwise. A
    familiar title is none (김양, 이군, 김씨: often someone the text does not name)."""
    first = analysis.starts.get(start)
    if first is None or first.end != start + 1 or first.form not in surnames():
        return ""
    title = analysis.starts.get(start + 1)
    if title is None or title.form not in titles() or title.end > word_end:
        return ""
    if title.form in FAMILIAR_TITLES:
        return ""
    whole = analysis.text[start : title.end]
    if whole in titles() or whole in roles():
        return ""
    rest = analysis.morphemes_in(title.end, word_end)
    return title.form if all(m.tag.startswith(FUNCTIONAL) for m in rest) else ""


def next_title(analysis: Analysis, word: int) -> str:
    """The title that starts the next word ("기자", "씨는", "대통령은") or ends its nouns
    ("인구통계과장은", "스마트농업팀장이"), perhaps with its team glued on ("교수팀은",
    ``korean_title_teams.txt``): the title of a name written bare before it."""
    if word + 1 >= len(analysis.words):
        return ""
    start, end = analysis.words[word + 1]
    morphemes = analysis.morphemes_in(start, end)
    nouns = [m for m in morphemes if not m.tag.startswith(FUNCTIONAL)]
    while len(nouns) > 1 and nouns[-1].form in title_teams():
        nouns.pop()  # 교수팀: the professor's team
    if (
        nouns
        and nouns[-1].form in titles()
        and all(
            m.tag.startswith(FUNCTIONAL) or m.form in title_teams()
            for m in analysis.morphemes_in(nouns[-1].end, end)
        )
    ):
        return nouns[-1].form
    return ""


def titled_after(analysis: Analysis, word: int) -> str:
    """A title in the next word, or in the one after when the next word is bare and names
    where the person works ("김하준 한빛마트 대표는", "이서연 통계청 인구통계과장은")."""
    title = next_title(analysis, word)
    if title or word + 2 >= len(analysis.words):
        return title
    start, end = analysis.words[word + 1]
    if all(m.tag in ("NNP", "NNG") for m in analysis.morphemes_in(start, end)):
        return next_title(analysis, word + 1)
    return ""


PARENTHESIS = re.compile(r"\(([^()]{1,40})\)")
AGE = re.compile(r"^\d{1,3}세?$")


def parenthesised(text: str, end: int) -> str:
    """A parenthesis right after a name that says it is a person's: an age ("김철수(45)씨",
    "박영희(38),") or a title at its end ("김철수(서울대 교수)는"); "" otherwise."""
    found = PARENTHESIS.match(text, end)
    if not found:
        return ""
    inside = found.group(1).split()
    if len(inside) == 1 and AGE.match(inside[0]):
        return found.group()
    last = inside[-1] if inside else ""
    if last in titles() or any(last.endswith(t) for t in titles() if len(t) > 1):
        return found.group()
    return ""
