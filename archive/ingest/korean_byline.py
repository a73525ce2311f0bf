"""The lead byline of a Korean article: place, outlet and reporter before the first sentence.

Korean wire and newspaper copy opens with "(서울=연합뉴스) 홍길동 기자 =", "[서울=뉴시스] 홍길동
기자 =", or, once punctuation is stripped, "서울 연합뉴스 강종훈 기자"; a desk may stand for the
reporter ("매일경제 스타투데이 이슈팀"). That is metadata, not the title and not the first
sentence: ``apply`` moves it into the document's dateline, source and author fields.

A byline is recognised only at the very start of the text, only with an outlet among its first
words (a known Korean outlet or a name ending like one: 뉴스, 일보, 신문, 통신, 방송, 경제 …),
and only when it ends in a bare reporter title (기자, 특파원; no particle, so "기자가 밝혔다" is
prose) or a desk word ending in 팀.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from archive.ingest.document import ParsedDocument
from archive.ingest.korean_outlets import english_name
from archive.ingest.metadata import canonical_source

HEAD_WORDS = 9  # a byline is within the first words of the text
MAX_NAMES = 3  # "홍길동 김철수 기자": co-authors share one title
MAX_DESK_WORDS = 3  # between outlet and name: "스타투데이 이슈팀", "세종", a rank ("선임")
REPORTER = re.compile(r"^(?:선임|수석|전문|객원)?(?:기자|특파원)$")
RANK = re.compile(r"^(?:선임|수석|전문|객원|편집위원|논설위원)$")
DESK = re.compile(r"^[가-힣]{1,8}팀$")
NAME = re.compile(r"^[가-힣]{2,4}$")
PLACE = re.compile(r"^[가-힣]{1,6}$")
OUTLET_ENDING = re.compile(r"(?:뉴스|일보|신문|통신|방송|경제|데일리|투데이|TV|뉴스1|미디어|닷컴)$")
# Brackets and "=" separate the parts: "(서울=연합뉴스) 홍길동 기자 =" reads as its words.
SEPARATORS = re.compile(r"[()\[\]【】<>〈〉=:]")
WORD = re.compile(r"[^\s()\[\]【】<>〈〉=:]+")


@dataclass
class Byline:
    place: str
    outlet: str
    reporters: list[str]
    end: int  # offset in the text where the article proper starts


def is_outlet(word: str) -> bool:
    return bool(english_name(word) or OUTLET_ENDING.search(word))


def find(text: str) -> Byline | None:
    """The lead byline of ``text``, or None."""
    words = [(m.group(), m.end()) for m in WORD.finditer(text[:200])][:HEAD_WORDS]
    outlet_at = next((i for i, (w, _) in enumerate(words[:2]) if is_outlet(w)), None)
    if outlet_at is None:
        return None
    place = words[0][0] if outlet_at == 1 else ""
    if place and not PLACE.match(place):
        return None
    outlet = canonical_source(words[outlet_at][0])
    rest = range(outlet_at + 1, len(words))
    title_at = next((i for i in rest if REPORTER.match(words[i][0])), None)
    if title_at is not None:
        names = reporter_names(words, outlet_at + 1, title_at)
        between = title_at - outlet_at - 1 - len(names)  # desk, place or rank words
        if not names or between > MAX_DESK_WORDS:
            return None
        return Byline(place, outlet, names, byline_end(text, words[title_at][1]))
    # no reporter: a desk signs ("매일경제 스타투데이 이슈팀"), right after the outlet
    desk_at = next((i for i in rest[:2] if DESK.match(words[i][0])), None)
    if desk_at is not None:
        return Byline(place, outlet, [], byline_end(text, words[desk_at][1]))
    return None


def reporter_names(words: list[tuple[str, int]], start: int, title_at: int) -> list[str]:
    """The names just before the reporter title (a rank word such as 선임 may sit between).
    A co-author's name is the common three syllables; a shorter word before the name is a
    desk or a place ("머니투데이 세종 정현수 기자")."""
    stop = (
        title_at - 1 if title_at - 1 >= start and RANK.match(words[title_at - 1][0]) else title_at
    )
    names: list[str] = []
    for i in range(stop - 1, max(start, stop - MAX_NAMES) - 1, -1):
        word = words[i][0]
        if not NAME.match(word) or DESK.match(word) or names and len(word) != 3:
            break
        names.insert(0, word)
    return names


def byline_end(text: str, end: int) -> int:
    """After the title: the "=" or closing bracket that ends the byline, and spaces."""
    rest = re.match(r"[\s=:\])】>〉]*", text[end:])
    return end + rest.end()


def strip(text: str) -> str:
    """``text`` without its lead byline."""
    byline = find(text)
    return text[byline.end :] if byline else text


def apply(doc: ParsedDocument) -> ParsedDocument:
    """A Korean document with its lead byline moved from the body (and a title cut from the
    body) into the dateline, source and author fields; other documents unchanged."""
    if doc.language != "ko":
        return doc
    byline = find(doc.body)
    if byline is None or not doc.body[byline.end :].strip():
        return doc
    return replace(
        doc,
        title=strip(doc.title) or doc.title,
        body=doc.body[byline.end :],
        dateline=doc.dateline or byline.place,
        source=doc.source or byline.outlet,
        author=doc.author or ", ".join(byline.reporters),
    )
