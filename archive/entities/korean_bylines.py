"""Reporters' bylines and photo credits in Korean text: their names are not mentions.

"서울 한빛뉴스 김하준 기자", "이서연기자", "사진 박도윤 기자": a name followed by a bare
reporter title, at the start or end of a text.
"""

from __future__ import annotations

from archive.entities.korean_analysis import Analysis
from archive.entities.korean_words import HANGUL_WORD

REPORTER_TITLES = frozenset({"기자", "전문기자", "특파원"})
# A byline's reporter title follows the name within BYLINE_DESK_WORDS words.
BYLINE_DESK_WORDS = 4
BYLINE_LEAD_WORDS = 3  # words before a bare reporter title that belong to its byline


def is_byline(analysis: Analysis, end: int, word: int) -> bool:
    """A name followed by a reporter title that carries no particle is a byline or a photo
    credit ("서울 한빛뉴스 김하준 기자 한빛마트는 …", "이서연기자 1234", "사진 박도윤 기자"); a
    reporter named in the prose takes a particle ("강 기자는", "기자에 따르면")."""
    spans, text = analysis.words, analysis.text
    word_end = spans[word][1]
    if end < word_end:  # title glued to the name: 최민재기자
        return text[end:word_end] in REPORTER_TITLES
    # the reporter title may come after the desk ("정우진 한빛닷컴 문화 이슈팀 기자")
    for s, e in spans[word + 1 : word + 1 + BYLINE_DESK_WORDS]:
        if text[s:e] in REPORTER_TITLES:
            return True
        if not HANGUL_WORD.match(text[s:e]):
            return False
    return False


def byline_words(analysis: Analysis) -> set[int]:
    """Indices of the words of a byline: the reporter's name and the 1–3 words before it
    when they end in a bare reporter title ("서울 한빛뉴스 김하준 기자")."""
    text, out = analysis.text, set()
    for i, (start, end) in enumerate(analysis.words):
        word = text[start:end]
        if any(
            word == t or (word.endswith(t) and HANGUL_WORD.match(word)) for t in REPORTER_TITLES
        ):
            out.update(range(max(0, i - BYLINE_LEAD_WORDS), i + 1))
    return out
