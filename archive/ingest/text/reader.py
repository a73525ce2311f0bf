"""Plain-text page dumps (`.txt`): a saved page's visible text, furniture and all.

The body is the headline's article: the densest run of prose paragraphs (sentences of
ordinary length that end in sentence punctuation), starting after the byline and date
lines that open it and ending at its last real paragraph. Short lines inside the run
(captions, "Advertisement", related-story links) and known furniture phrases
(``data/furniture.txt``) are dropped; credit lines (``data/credits.txt``) go to the author.
The headline is the nearest headline-shaped line above the body; the date is the first
date line around the headline; the outlet comes from a wire dateline, a "…reports X"
standfirst, a "By … For X" byline, or the known outlet named most often around the page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from archive.ingest import limits, metadata
from archive.ingest.authors import authors_from_byline, closing_wire_credit, join_authors
from archive.ingest.document import ParsedDocument, ReadError, Skipped
from archive.ingest.encoding import decode
from archive.ingest.furniture import is_credit, is_furniture
from archive.ingest.lines import (
    REAL_PARAGRAPH_CHARS,
    first_sentence,
    is_credit_line,
    is_date_line,
    is_loose_text,
    is_picture_credit,
    is_prose,
    is_read_time,
)
from archive.ingest.text.blocks import lines_of
from archive.ingest.text.header import (
    Page,
    document_year,
    find_published,
    find_source,
    find_title,
    is_headline,
)
from archive.text_shapes import is_byline

GAP = 8  # non-prose lines tolerated inside one article body
WIDGET_LINES = 4  # lines of a section box compared to find the same box repeated
HEADER_REACH = 15  # lines into a body run where an article header may still sit
HEADER_BLURBS = 3  # prose-shaped lines that may come before such a header
SECTION_HEADING_WORDS = 6  # a heading inside the body this long is another story's headline
JOINED_RUN_LINES, JOINED_RUN_CHARS = 2, 300  # a run this big may join the densest one
LABEL_CHARS = 60  # a section label ("Most read", "Related") is shorter
OPENER_REACH = 40  # lines into the body searched for an opening wire dateline
HEADER_LINES = 6  # lines into the body where its byline or date line may sit
BYLINE_ABOVE_TITLE, NAME_ABOVE_TITLE = 3, 4  # lines above the headline searched for the author
EMBEDDED_AFTER = 3  # body lines before which a byline is this article's, not a boxed story's
BIO_MAX_CHARS = 400  # a closing note about the journalist is no longer
CREDITS_AFTER_BODY = 3  # lines after the body searched for credit lines


def find_body(lines: list[str]) -> list[tuple[int, int]]:
    """The article's runs of prose lines as (first, last) index pairs, in page order.

    The densest run wins; runs of at least two paragraphs on either side join it when no
    end-of-article furniture ("Most read", "Next story") lies between (an inserted photo
    gallery or related-links box splits a body without ending it).
    """
    runs = _prose_runs(lines)
    if not runs:
        return []
    size = [sum(len(lines[i]) for i in run) for run in runs]
    best = max(range(len(runs)), key=size.__getitem__)
    widgets = _repeated_boxes(lines)
    chosen = [best]
    for step in (-1, 1):
        current = best
        for k in range(best + step, -1 if step < 0 else len(runs), step):
            if len(runs[k]) < JOINED_RUN_LINES or size[k] < JOINED_RUN_CHARS:
                continue
            low, high = sorted(
                (runs[current][-1 if step > 0 else 0], runs[k][0 if step > 0 else -1])
            )
            # A related-links box before the densest run sits inside the article (none can
            # follow an article's end and precede its body); after it, it may end the article.
            if _hard_break(lines, low, high, strict=step < 0, widgets=widgets):
                break
            chosen.append(k)
            current = k
    return [(runs[k][0], runs[k][-1]) for k in sorted(chosen)]


def _prose_runs(lines: list[str]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if not is_prose(line):
            continue
        gap = (
            sum(1 for j in range(runs[-1][-1] + 1, i) if not is_loose_text(lines[j]))
            if runs
            else GAP + 1
        )
        if gap <= GAP and not _hard_break(lines, runs[-1][-1] + 1, i):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


_END_MARKERS = re.compile(
    r"(previous|next) (story|article|post)$|latest from\b|don'?t miss\b", re.I
)
_SECTION_MARKERS = re.compile(
    r"(most (read|viewed|popular|shared)|more (from|stories|on)|related|recommended|you (may|might) also like|"
    r"top stories|trending|also read|read more|editor'?s picks?|further reading|share or comment|"
    r"comments|latest (news|stories))\b",
    re.I,
)


def _hard_break(
    lines: list[str], start: int, stop: int, strict: bool = True, widgets: frozenset = frozenset()
) -> bool:
    """End-of-article furniture between two lines ("Next Story", "Latest from"); with
    ``strict=False`` also any related/most-read section label, unless it opens a box the
    page repeats (``widgets``: Wired inserts the same "Most Popular" box three times into
    its articles)."""
    for j in range(start, stop):
        if _END_MARKERS.match(lines[j]):
            return True
        if not strict and len(lines[j]) < LABEL_CHARS and _SECTION_MARKERS.match(lines[j]):
            if j not in widgets:
                return True
    return False


def _repeated_boxes(lines: list[str]) -> frozenset[int]:
    """Indexes of section labels that open a box repeated line for line elsewhere on the
    page: a widget inserted into the article, not its end."""
    labels = [
        i
        for i, line in enumerate(lines)
        if len(line) < LABEL_CHARS and _SECTION_MARKERS.match(line)
    ]
    boxes = Counter(tuple(lines[i : i + WIDGET_LINES]) for i in labels)
    return frozenset(i for i in labels if boxes[tuple(lines[i : i + WIDGET_LINES])] > 1)


_DATELINE_START = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(\([^)]{2,30}\))?\s*(—|–|--|-)\s+\S")


def _skip_header(lines: list[str], start: int, end: int) -> int:
    """Move the body start past header lines: byline/date lines in its first few lines, or
    captions and galleries before an opening paragraph with a wire dateline ("CAIRO — ")."""
    openers = [
        i
        for i in range(start, min(end, start + OPENER_REACH) + 1)
        if _DATELINE_START.match(lines[i]) and is_prose(lines[i])
    ]
    if openers:
        return openers[0]
    for i in range(min(end, start + HEADER_LINES), start - 1, -1):
        if is_byline(lines[i]) or is_date_line(lines[i]) or is_read_time(lines[i]):
            return _first_prose(lines, i + 1, end) or start
    # A headline and its date or byline deeper in the run, after no more than a few lines
    # that only looked like prose (sign-in blurbs, a consent banner); more prose than that
    # is the article, and the header a boxed story inside it.
    for i in range(start + 1, min(end, start + HEADER_REACH) + 1):
        if sum(is_prose(lines[j]) for j in range(start, i - 1)) > HEADER_BLURBS:
            break
        if (is_byline(lines[i]) or is_date_line(lines[i])) and is_headline(lines[i - 1]):
            return _first_prose(lines, i + 1, end) or start
    return start


def _first_prose(lines: list[str], start: int, end: int) -> int | None:
    return next((j for j in range(start, end + 1) if is_prose(lines[j])), None)


# --- reader --------------------------------------------------------------------------


def read(path: Path, data: bytes) -> list[ParsedDocument | Skipped]:
    """One page dump → one document, or ``Skipped`` when it holds no article text.

    A dump longer than entity extraction can take is refused before it is parsed."""
    limits.check_text_bytes(len(data))
    text = decode(data)
    limits.check_text(text)
    return [parse_dump(text, str(path), data)]


def parse_dump(text: str, origin: str, raw: bytes) -> ParsedDocument | Skipped:
    lines = lines_of(text)
    if not lines:
        raise ReadError("file holds no text")
    runs = find_body(lines)
    if not runs:
        return Skipped(origin, "not an article: no running text (no paragraph of prose)")
    first, end = runs[0][0], runs[-1][1]
    start = _skip_header(lines, first, runs[0][1])
    runs[0] = (start, runs[0][1])
    page = Page(lines, start, end)
    title, title_at = find_title(lines, first, start)
    body_lines, author, bylines = _body_and_author(lines, runs, title_at, start)
    if not body_lines:
        return Skipped(origin, "not an article: no running text besides author notes")
    year = document_year(lines)
    published = find_published(lines, title_at, start, year)
    wire = metadata.parse_wire_dateline(body_lines[0], year) if body_lines else None
    if published is None and wire:
        published = wire.get("published")
    return ParsedDocument(
        origin=origin,
        title=title or first_sentence(body_lines[0]),
        body="\n\n".join(body_lines),
        raw=raw,
        content_type="text/plain",
        published=published,
        source=find_source(page, body_lines, bylines),
        author=author,
        language=metadata.detect_language("\n".join(body_lines) or text),
        dateline=(wire or {}).get("place", ""),
    )


def _body_and_author(
    lines: list[str], runs: list[tuple[int, int]], title_at: int, start: int
) -> tuple[list[str], str, list[str]]:
    """The body's paragraphs, the author, and the byline lines of the header. Credit lines,
    closing notes about the journalist and a closing wire credit leave the body and name the
    author; bare name lines near the headline do when they recur on the page."""
    body_lines, credits = _body_and_credits(lines, runs)
    header = lines[max(0, title_at - BYLINE_ABOVE_TITLE) : start + 1]
    bylines = [line for line in header if is_byline(line)]
    credited = [n for line in bylines + credits for n in authors_from_byline(line)]
    named = credited or _name_lines(lines, title_at, start)
    described = bio_subject(body_lines[-1]) if body_lines else ""
    body_lines = _drop_author_bios(body_lines, named)
    body_lines, wire_credit = closing_wire_credit(body_lines)
    if not body_lines:
        body_lines = _standfirst(lines, title_at, start)
    recurring = [n for n in named if lines.count(n) > 1]
    names = credited or recurring or ([described] if described else [])
    return body_lines, join_authors(names) or wire_credit, bylines


def _embedded_stories(lines: list[str], runs: list[tuple[int, int]]) -> set[int]:
    """Indexes of other stories boxed inside the body: a headline and its own byline after
    the body has begun, running to the next non-paragraph line ("Advertisement"). A short
    heading over the byline ("A city upended" / "By Nada Tawfik, BBC News") opens a
    correspondent's section of this article, not another story."""
    inside = [i for start, end in runs for i in range(start, end + 1)]
    dropped: set[int] = set()
    for pos, i in enumerate(inside):
        if pos < EMBEDDED_AFTER or not is_byline(lines[i]) or i in dropped:
            continue
        heading = lines[inside[pos - 1]]
        if is_prose(heading):
            block = []
        elif len(heading.split()) >= SECTION_HEADING_WORDS:
            block = [inside[pos - 1]]
        else:
            continue
        for j in inside[pos:]:
            if j != i and not is_prose(lines[j]):
                break
            block.append(j)
        if block[-1] != inside[-1]:  # the article itself resumes after the box
            dropped.update(block)
    return dropped


def _captions(lines: list[str], runs: list[tuple[int, int]]) -> set[int]:
    """Picture captions in the body: a line right above its picture credit
    ("Striking members of the union." / "Photograph: Guy Smallman/Getty Images")."""
    return {
        i
        for start, end in runs
        for i in range(start, end + 1)
        if i + 1 < len(lines) and is_picture_credit(lines[i + 1], bare=False)
    }


def _name_lines(lines: list[str], title_at: int, start: int) -> list[str]:
    """Bare "Jane Doe" lines around the headline: author labels without a "By"."""
    names = []
    for line in lines[max(0, title_at - NAME_ABOVE_TITLE) : start]:
        if re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}", line) and not is_furniture(line):
            if metadata.canonical_source(line) not in metadata.known_outlets().values():
                if not SECTION_WORDS & set(line.split()):
                    names.append(line)
    return names


# Words of section and edition labels that look like names ("UK Politics", "Axios Local").
SECTION_WORDS = frozenset(
    "Politics News Premium Local Sport Sports World Business Opinion Culture Edition Live "
    "Video Videos Podcast Podcasts Magazine Weekly Daily Newsletter Newsletters Home Latest "
    "Section Sections Topics UK US".split()
)


def _drop_author_bios(body: list[str], names: list[str]) -> list[str]:
    """Closing paragraphs about the author ("Stella Kim is an NBC News producer ...")."""
    body = list(body)
    while body and (
        names
        and any(body[-1].startswith(name + " ") for name in names)
        and re.search(r"\b(he|she|they|his|her|is an?|has been|was an?)\b", body[-1])
        or bio_subject(body[-1])
    ):
        body.pop()
    return body


_BIO = re.compile(
    r"^((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+) (?:is|was) (?:an?|the) [^.]{0,80}?\b"
    r"(?:correspondent|reporter|editor|writer|columnist|journalist|producer|contributor|"
    r"bureau chief|photographer)\b"
)


def bio_subject(paragraph: str) -> str:
    """The journalist a closing note is about ("Erin Cunningham is an Egypt-based
    correspondent for The Post. She previously …"), else ``""``."""
    if len(paragraph) > BIO_MAX_CHARS or not (match := _BIO.match(paragraph)):
        return ""
    return match.group(1)


def _standfirst(lines: list[str], title_at: int, start: int) -> list[str]:
    """When a page holds no article text (paywall, script-only page), the standfirst under
    the headline stands in for the body."""
    for line in lines[title_at + 1 : start]:
        if is_loose_text(line) and not is_credit_line(line):
            return [line]
    return []


def _body_and_credits(lines: list[str], runs: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    body, credits = [], []
    left_out = _embedded_stories(lines, runs) | _captions(lines, runs)
    indexes = [i for start, end in runs for i in range(start, end + 1) if i not in left_out]
    for line in (lines[i] for i in indexes):
        if is_credit_line(line):
            credits.append(line)
        elif is_prose(line) or is_loose_text(line) and len(line) >= REAL_PARAGRAPH_CHARS:
            body.append(line)
    end = runs[-1][1]
    # Credit lines right after the body ("Editing by …") belong to the article too.
    for line in lines[end + 1 : end + 1 + CREDITS_AFTER_BODY]:
        if is_credit(line):
            credits.append(line)
    return body, credits
