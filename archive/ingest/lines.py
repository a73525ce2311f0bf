"""Line tools shared by the readers: what a single line of an article is (prose, a byline, a
date line, a lone dateline) and the comparisons and stand-ins every reader uses."""

from __future__ import annotations

import re
from functools import lru_cache

from archive.agencies import agencies
from archive.entities.credit_words import PICTURE_LABELS, alternation
from archive.ingest import metadata
from archive.ingest.furniture import is_credit, is_furniture
from archive.text_shapes import LINE_CACHE, ends_sentence, is_byline

TERMINAL = tuple(".!?\"'”’…)")

# A wire dateline left on a line of its own: "KHAN YOUNIS, GAZA —", "WASHINGTON —".
DATELINE_ALONE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\s[—–-]{1,2}$")
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
REAL_PARAGRAPH_CHARS = 80  # a real paragraph is at least this long …
PROSE_MIN_WORDS, PROSE_MIN_CHARS = 8, 40  # a prose line is at least this long,
PROSE_MIN_LETTERS = 0.6  # mostly letters (not a list of figures or links)
LOOSE_TEXT_MIN_CHARS, LOOSE_TEXT_MIN_WORDS = 60, 10  # long enough without a full stop
DATE_LINE_MAX_CHARS, DATE_LINE_MAX_WORDS = 90, 16  # longer lines are text that names a date
ANY_YEAR = 2000  # a year for dates written without one, where only their presence matters
STAND_IN_TITLE_CHARS = 120  # a title made from the first sentence is no longer
ELLIPSIS_ROOM = 3  # characters left free at a cut for the "…" that ends it
ARTICLE_MIN_CHARS, ARTICLE_MIN_PARAGRAPHS = 250, 2  # running text is at least this long
# Between a headline and a site label in a <title>: "… | Reuters", "BBC News - …", "… l KBS WORLD".
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|l)\s+")


def is_prose(line: str) -> bool:
    """A real paragraph: several words, sentence punctuation at the end."""
    words = line.split()
    if len(words) < PROSE_MIN_WORDS or len(line) < PROSE_MIN_CHARS or is_furniture(line):
        return False
    letters = sum(c.isalpha() for c in line)
    return bool(SENTENCE_END.search(line)) and letters > PROSE_MIN_LETTERS * len(line)


def is_loose_text(line: str) -> bool:
    """Long enough to be a paragraph even without final punctuation."""
    return (
        len(line) >= LOOSE_TEXT_MIN_CHARS
        and len(line.split()) >= LOOSE_TEXT_MIN_WORDS
        and not is_furniture(line)
    )


def squeeze(text: str) -> str:
    """Letters and digits only, case-folded: for comparing headlines and repeated lines."""
    return re.sub(r"\W+", "", text).casefold()


def is_credit_line(line: str) -> bool:
    """A whole line naming the article's people rather than telling it, to cut from the body:
    a credit line (``data/credits.txt``: "Editing by …", "… contributed to this report.") or
    a byline. Its roles are shared with ``entities.credits``, which excludes a credit's names
    from the actors wherever it stands and cuts nothing (``entities.credit_words``)."""
    return is_credit(line) or is_byline(line)


# A picture credit, labelled ("Photo: AP", "Photograph: Guy Smallman/Getty Images", "Picture
# credit: …", "… Getty Images") or bare ("Credit: …", "Source: …", "(Getty/Kevork Djansezian)",
# "… REUTERS"). The line above one is a caption, not a headline.
LABELLED_PICTURE_CREDIT = re.compile(
    rf"^\(?\s*({alternation(PICTURE_LABELS)}|illustration)s?\s*(credit)?\s*:|getty images\W*$",
    re.I,
)
BARE_PICTURE_CREDIT = re.compile(
    r"^\(?\s*((credit|source)s?\s*:|[A-Z][\w.' -]{0,40}/[A-Z])|"
    rf"\b({alternation(agencies('caption'))})\W*\)?$",
    re.I,
)
PICTURE_CREDIT_CHARS = 100  # a picture credit is no longer


def is_picture_credit(line: str, bare: bool = True) -> bool:
    """A picture credit line; with ``bare=False`` only a labelled one (a body line above a
    bare agency name may be the article's own text, so captions are only cut above these)."""
    if len(line) > PICTURE_CREDIT_CHARS:
        return False
    return bool(LABELLED_PICTURE_CREDIT.search(line) or bare and BARE_PICTURE_CREDIT.search(line))


def is_hard_wrapped(
    lines: list[str],
    min_lines: int,
    open_share: float,
    open_chars: int = 0,
    min_longest: int = 0,
    max_median: float = float("inf"),
) -> bool:
    """Lines broken at a fixed width, not at the ends of paragraphs: at least ``min_lines``
    lines, at least ``open_share`` of those before the last ``open_chars`` long or more and
    stopping mid-sentence, the longest ``min_longest`` long or more and the median line
    shorter than ``max_median``. Each format passes its own widths (a text dump's blocks, a
    wire record's text)."""
    if len(lines) < min_lines:
        return False
    inner = lines[:-1]
    open_ended = [
        line for line in inner if len(line) >= open_chars and not line.rstrip().endswith(TERMINAL)
    ]
    widths = sorted(len(line) for line in lines)
    return (
        len(open_ended) >= open_share * len(inner)
        and widths[-1] >= min_longest
        and widths[len(widths) // 2] < max_median
    )


def is_read_time(line: str) -> bool:
    return bool(re.match(r"^\d+\s+min(ute)?s?\s+read$", line, re.I))


@lru_cache(maxsize=LINE_CACHE)
def is_date_line(line: str) -> bool:
    if len(line) > DATE_LINE_MAX_CHARS or len(line.split()) > DATE_LINE_MAX_WORDS:
        return False
    return metadata.find_date(line, ANY_YEAR) is not None


def first_sentence(body: str, limit: int = STAND_IN_TITLE_CHARS) -> str:
    """A stand-in title: the body's first sentence, cut at a word within ``limit``."""
    # A sentence ends after a lower-case word ("said."), not after "U.N." or "Mr."
    first = re.split(
        r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z\"“‘'])", body.strip().split("\n")[0], maxsplit=1
    )[0]
    return cut_at_word(first, limit)


def cut_at_word(text: str, limit: int = STAND_IN_TITLE_CHARS) -> str:
    """``text`` if it fits in ``limit`` characters, else cut at a word and ended with "…"."""
    return text if len(text) <= limit else text[: limit - ELLIPSIS_ROOM].rsplit(" ", 1)[0] + "…"


def is_real_paragraph(text: str, ellipsis: bool = True) -> bool:
    """Running text: ``REAL_PARAGRAPH_CHARS`` or more, ending a sentence (see ``ends_sentence``)."""
    return len(text) >= REAL_PARAGRAPH_CHARS and ends_sentence(text, ellipsis)


def article_text_problem(
    body: str, min_chars: int = ARTICLE_MIN_CHARS, min_paragraphs: int = ARTICLE_MIN_PARAGRAPHS
) -> str:
    """Why ``body`` is not an article's running text ("" if it is): too short, or fewer than
    ``min_paragraphs`` real paragraphs."""
    paragraphs = body.split("\n\n") if body else []
    real = [p for p in paragraphs if is_real_paragraph(p)]
    if len(body) < min_chars or len(real) < min_paragraphs:
        return f"too little running text ({len(body)} characters, {len(real)} paragraphs)"
    return ""
