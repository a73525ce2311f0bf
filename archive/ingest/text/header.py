"""Plain-text page dumps: the header around the article — headline, publication date and
outlet — found from the lines of the page and where its body starts (see ``reader.py``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from archive.ingest import metadata
from archive.ingest.furniture import is_credit, is_furniture
from archive.ingest.lines import (
    is_date_line,
    is_picture_credit,
    is_read_time,
    squeeze,
)
from archive.text_shapes import is_byline

HEAD_WINDOW = 14  # lines above the body searched for a standfirst and byline
TITLE_REACH = 30  # lines above the body searched for the header's date or byline
SUBSTANTIAL_WORDS = 6  # a headline candidate this long beats shorter ones (section labels)
DATE_ABOVE_TITLE, DATE_INTO_BODY = 6, 2  # the window around the headline searched for its date
HEAD_WEIGHT = 3  # an outlet named just above the body counts this many times
SHORT_OUTLET_CHARS = 3  # outlet names this short ("AP", "FT") count only as a whole line
TITLE_CANDIDATES = 6  # lines above the header's date or byline considered for the headline


# --- the page ------------------------------------------------------------------------


@dataclass
class Page:
    lines: list[str]
    start: int
    end: int  # inclusive

    @property
    def head(self) -> list[str]:
        return self.lines[max(0, self.start - HEAD_WINDOW) : self.start]


# --- headline, date, outlet, author -------------------------------------------------


def find_title(lines: list[str], first: int, start: int) -> tuple[str, int]:
    """The headline above the body, and its index.

    Headlines sit just above the article header's date or byline line (the one nearest the
    body, looking up to ``TITLE_REACH`` lines above the body's first run). Walking up from
    it past furniture, up to six lines are considered: a line repeated elsewhere on the page
    (share widgets, breadcrumbs) wins, else the first of at least six words (section labels
    are shorter), else the first. With the date above the headline, the first
    headline-shaped line between the date and the body is taken.
    """
    low = _reach_up(lines, min(first, start), TITLE_REACH)
    anchors = [i for i in range(low, start) if is_byline(lines[i]) or is_date_line(lines[i])]
    anchor = anchors[-1] if anchors else min(first, start)
    above = _lines_above(lines, anchor)
    heads = [i for i in above if is_headline(lines[i]) and not is_picture_credit(lines[i + 1])]
    if heads:
        counts = Counter(squeeze(line) for line in lines)
        substantial = [i for i in heads if len(lines[i].split()) >= SUBSTANTIAL_WORDS]
        # Repeated short lines are navigation (menus repeat in footers); headlines are longer.
        repeated = [i for i in substantial if counts[squeeze(lines[i])] > 1]
        best = (repeated or substantial or heads)[0]
        return lines[best], best
    below = [i for i in range(anchor, start) if is_headline(lines[i])]
    if below:
        return lines[below[0]], below[0]
    return "", start


def _reach_up(lines: list[str], index: int, count: int) -> int:
    """The index ``count`` lines above ``index``, not counting furniture (a share panel of
    forty "Share this with …" lines sits between many headlines and their articles)."""
    seen = 0
    for i in range(index - 1, -1, -1):
        if not is_furniture(lines[i]):
            seen += 1
            if seen == count:
                return i
    return 0


def _lines_above(lines: list[str], anchor: int, wanted: int = TITLE_CANDIDATES) -> list[int]:
    """Up to ``wanted`` indexes above ``anchor`` that are not furniture, dates or bylines,
    in page order."""
    found = []
    for i in range(anchor - 1, -1, -1):
        line = lines[i]
        if is_furniture(line) or is_date_line(line) or is_byline(line) or is_read_time(line):
            continue
        found.append(i)
        if len(found) == wanted:
            break
    return sorted(found)


# A headline has HEADLINE_MIN_WORDS words or HEADLINE_MIN_CHARS characters, and at most
# HEADLINE_MAX_WORDS words and HEADLINE_MAX_CHARS characters.
HEADLINE_MIN_WORDS, HEADLINE_MIN_CHARS, HEADLINE_MAX_WORDS, HEADLINE_MAX_CHARS = 4, 20, 40, 250


def is_headline(line: str) -> bool:
    words = line.split()
    if (
        len(words) < HEADLINE_MIN_WORDS
        and len(line) < HEADLINE_MIN_CHARS
        or len(words) > HEADLINE_MAX_WORDS
        or len(line) > HEADLINE_MAX_CHARS
        or is_furniture(line)
        or is_credit(line)
    ):
        return False
    if is_byline(line) or is_date_line(line) or is_read_time(line):
        return False
    if re.search(r"…|\.\.\.|\breports\s+[A-Z]|https?://|www\.", line):
        return False
    if line.endswith(":"):
        return False  # a label ("Update vom 03. Mai 2020, 16:05 Uhr:"), not a headline
    if line.endswith(".") and not re.search(r"\b[A-Z][a-z]{0,4}\.$|\b([A-Z]\.){2,}$", line):
        return False
    # Two sentences ("... in 2019. Coal has ...") are not a headline; "St. Louis" and
    # "U.S. city" are.
    if (
        not line[:1].isupper()
        and line[:1] not in "'\"‘“„«"
        or re.search(r"[a-z]{3}\.\s+[A-Z]", line)
    ):
        return False
    return metadata.canonical_source(line) not in metadata.known_outlets().values()


def find_published(
    lines: list[str], title_at: int, start: int, year: int | None
) -> datetime | None:
    """First date line near the headline (published, not updated), else a date labelled as
    the publication date anywhere on the page ("Date 19.01.2020" under the article), else
    none."""
    window = range(max(0, title_at - DATE_ABOVE_TITLE), min(len(lines), start + DATE_INTO_BODY))
    for i in window:
        line = lines[i]
        if not is_date_line(line) or re.match(r"^\W*(updated|modified|last)", line, re.I):
            continue
        line = re.split(r"\b(updated|modified)\b", line, flags=re.I)[0]
        if value := metadata.parse_date(line, year):
            return value
    for line in lines:
        if _PUBLISHED_LABEL.match(line) and is_date_line(line):
            if value := metadata.parse_date(_PUBLISHED_LABEL.sub("", line), year):
                return value
    return None


_PUBLISHED_LABEL = re.compile(
    r"^\W*(date|published|posted|first published)\b\s*(on)?\s*:?\s*", re.I
)


def document_year(lines: list[str]) -> int | None:
    """The year for dates written without one ("Jun 13, 4:03 PM EDT"): the latest year of
    the page's copyright notices ("© 2016"), the year the page was made, else the most
    frequent plausible year written on the page."""
    notices = [int(y) for line in lines for y in _COPYRIGHT_YEAR.findall(line)]
    if notices:
        return max(notices)
    years = Counter(int(y) for line in lines for y in re.findall(r"\b(19[89]\d|20[0-4]\d)\b", line))
    return years.most_common(1)[0][0] if years else None


_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(19[89]\d|20[0-4]\d)\b", re.I
)


def find_source(page: Page, body_lines: list[str], bylines: list[str]) -> str:
    """The outlet: wire dateline, "…reports X", "By … For X", else the most-named known outlet."""
    wire = metadata.parse_wire_dateline(body_lines[0]) if body_lines else None
    if wire and wire.get("source"):
        return metadata.canonical_source(wire["source"])
    for line in page.head:
        if m := re.search(r"(?:…|\.\.\.|\s)reports\s+([A-Z][\w.&' -]{2,40})$", line):
            return metadata.canonical_source(m.group(1))
    for line in bylines:
        if m := re.search(r"\bfor\s+((?:the\s+)?[A-Z][\w.&' -]{2,40})$", line, re.I):
            return metadata.canonical_source(m.group(1))
    return _most_named_outlet(page)


def _most_named_outlet(page: Page) -> str:
    counts: Counter[str] = Counter()
    for i, line in enumerate(page.lines):
        if page.start <= i <= page.end:
            continue
        weight = HEAD_WEIGHT if page.start - HEAD_WINDOW <= i < page.start else 1
        key = re.sub(r"\s+", " ", line.casefold()).strip()
        for phrase, name, pattern in _outlet_patterns():
            # Short variants ("AP", "FT") only count as a whole line, never inside text.
            if len(phrase) > SHORT_OUTLET_CHARS and phrase in key and pattern.search(key):
                counts[name] += weight
            elif phrase == key:
                counts[name] += weight
    return counts.most_common(1)[0][0] if counts else ""


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    return tuple(
        (phrase, name, re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)"))
        for phrase, name in metadata.outlet_phrases()
    )
