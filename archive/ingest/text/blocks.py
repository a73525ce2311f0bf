"""Lines of a text dump: blank-line blocks split into lines, hard-wrapped paragraphs rejoined,
sentences broken at links made whole, bare labels joined to their values."""

from __future__ import annotations

import re

from archive.ingest import metadata
from archive.ingest.furniture import is_furniture
from archive.ingest.lines import (
    ANY_YEAR,
    DATELINE_ALONE,
    SENTENCE_END,
    TERMINAL,
    is_date_line,
    is_hard_wrapped,
    is_prose,
)
from archive.text_shapes import is_byline


def lines_of(text: str) -> list[str]:
    """Non-blank lines, whitespace collapsed, hard-wrapped paragraphs rejoined, and a bare
    label ("By", "Published:") joined to the value on the next line."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    for block in blocks:
        rows = [re.sub(r"\s+", " ", row).strip() for row in block.split("\n")]
        out.extend(_rejoin([row for row in rows if row]))
    return _join_labels(_join_split_sentences(out))


def _join_split_sentences(lines: list[str]) -> list[str]:
    """Sentences a dump broke into paragraphs at its links, whole again: "… a burial site for
    those with" / "no next-of-kin" / ", or families who …", or "… South Korean President" /
    "Yoon Suk Yeol" / "over his short-lived" / "declaration of martial law …".

    From each line, the parts that can continue a sentence are gathered and the longest run
    of them that makes a paragraph is joined; failing that, two parts join only where the
    first is long and the second plainly continues it."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        parts = _continuation(lines, i)
        whole = max((k for k in range(2, len(parts) + 1) if _whole(parts[:k])), default=0)
        if whole:
            out.append(_glue(parts[:whole]))
            i += whole
        elif len(parts) > 1 and _split_sentence(parts[0], parts[1]):
            out.append(_glue(parts[:2]))
            i += 2
        else:
            out.append(lines[i])
            i += 1
    return out


MAX_PARTS = 12  # parts one sentence may have been broken into
OPEN_END_MIN_WORDS = 4  # words before an open end ("It calls on the") a short line may continue
OPEN_END_LINE_WORDS = 6  # … and that short line ("Office for Students") is no longer
LINKED_NAME_WORDS = 5  # a name linked mid-sentence ("Yoon Suk Yeol") is no longer
SPLIT_MIN_WORDS = 4  # a part that a sentence split at a link continues is at least this long
SPLIT_LINE_CHARS = 120  # a line continuing a part that ends "… on the" is shorter
BY_LABEL_WORDS = 6  # a bare "By" label joins a name line of no more words


def _whole(parts: list[str]) -> bool:
    """The parts make a paragraph, or a line of furniture that is a whole sentence (which is
    then dropped whole)."""
    if not SENTENCE_END.search(parts[-1]):
        return False  # the cheap test first: this runs for every line of every dump
    text = _glue(parts)
    return is_prose(text) or is_furniture(text)


def _continuation(lines: list[str], i: int) -> list[str]:
    """``lines[i]`` and the lines after it that may continue its sentence."""
    parts = [lines[i]]
    for j in range(i + 1, min(len(lines), i + MAX_PARTS)):
        after = lines[j + 1] if j + 1 < len(lines) else ""
        if not _may_continue(parts, lines[j], after):
            break
        parts.append(lines[j])
    return parts


def _may_continue(parts: list[str], line: str, after: str) -> bool:
    head, last = parts[0], parts[-1]
    if last.endswith(TERMINAL + (":",)):
        return False
    if len(parts) == 1 and DATELINE_ALONE.match(head):
        return True
    if DATELINE_ALONE.match(line) or _LABEL.match(line):
        return False
    if is_furniture(line) or is_byline(line) or is_date_line(line):
        return False
    open_end = bool(_OPEN_END.search(last))
    continues = line[0] in ",.;:!?)" or line[0].islower() or bool(_POSSESSIVE.match(line))
    # Furniture may continue too ("A version of this article appears in print on … of the" /
    # "New York edition" / "with the headline: …" is one line, and furniture as a whole),
    # but a share button never takes the drop cap after it ("Share via email" / "W").
    if is_furniture(head) and not (continues or open_end):
        return False
    if (is_date_line(head) or is_byline(head)) and not open_end:
        return False  # "16 November 2017 • 2:15pm" / "Z" / "imbabwe …"
    if continues:
        return True
    if (
        open_end
        and sum(len(p.split()) for p in parts) >= OPEN_END_MIN_WORDS
        and len(line.split()) <= OPEN_END_LINE_WORDS
    ):
        return True  # "It calls on the" / "Office for Students"
    # A name linked mid-sentence: "… South Korean President" / "Yoon Suk Yeol" / "over his …"
    short = len(line.split()) <= LINKED_NAME_WORDS and not line.endswith(TERMINAL)
    return short and bool(after) and (after[0].islower() or after[0] in ",.;:)")


def _glue(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        drop_cap = len(text) == 1 and text.isupper() and part[0].islower()  # "Z" / "imbabwe"
        tight = drop_cap or part[0] in ",.;:!?)" or _POSSESSIVE.match(part)
        text += part if tight else " " + part
    return text


_POSSESSIVE = re.compile(r"^[’']s\b")
_OPEN_END = re.compile(
    r"\b(the|a|an|of|for|to|in|on|at|by|with|from|and|or|as|that|than|its|their|his|her)$",
    re.I,
)


def _split_sentence(previous: str, line: str) -> bool:
    """Two parts that join even without making a paragraph: the first is long and stops
    mid-sentence, the second continues it (or the first is a dateline on its own)."""
    if previous.endswith(TERMINAL + (":",)) or is_furniture(previous):
        return False
    if DATELINE_ALONE.match(previous):
        return True  # "KHAN YOUNIS, GAZA —" / "The Israeli assault …"
    if _LABEL.match(line) or is_byline(line) or is_furniture(line) or is_date_line(line):
        return False  # "by:", "by Jane Doe", a date under a headline
    if len(previous.split()) < SPLIT_MIN_WORDS or is_date_line(previous) or is_byline(previous):
        return False
    if _OPEN_END.search(previous) and len(line) < SPLIT_LINE_CHARS:
        return True  # "It calls on the" / "Office for Students"
    return line[0] in ",.;:!?)" or line[0].islower()


_LABEL = re.compile(
    r"^[|•·\s]*(by|published|updated|posted|written|date|first published|last updated)"
    r"\s*:?$",
    re.I,
)


def _join_labels(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        label = _LABEL.match(joined[-1]) if joined else None
        is_by = label and label.group(1).lower() == "by"
        if label and (
            len(line.split()) <= BY_LABEL_WORDS if is_by else metadata.find_date(line, ANY_YEAR)
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


# A block is hard-wrapped when it has WRAP_MIN_ROWS lines or more, WRAP_OPEN_SHARE of them
# WRAP_OPEN_CHARS long or more and ending mid-sentence, and its longest is WRAP_WIDTH or more.
WRAP_MIN_ROWS, WRAP_OPEN_CHARS, WRAP_OPEN_SHARE, WRAP_WIDTH = 3, 30, 0.6, 60
# A line continues the one before when that one is WRAPPED_LINE_CHARS long and stops
# mid-sentence, and either the line starts in lower case or the one before is
# WRAPPED_LONG_LINE_CHARS long.
WRAPPED_LINE_CHARS, WRAPPED_LONG_LINE_CHARS = 35, 55


def _rejoin(rows: list[str]) -> list[str]:
    joined: list[str] = []
    wrapped = _is_wrapped(rows)
    for row in rows:
        if joined and (
            _continues(joined[-1], row) or wrapped and not joined[-1].endswith(TERMINAL)
        ):
            joined[-1] += " " + row
        else:
            joined.append(row)
    return joined


def _is_wrapped(rows: list[str]) -> bool:
    """A block hard-wrapped at a fixed width: most of its lines are long and end mid-sentence."""
    return is_hard_wrapped(rows, WRAP_MIN_ROWS, WRAP_OPEN_SHARE, WRAP_OPEN_CHARS, WRAP_WIDTH)


def _continues(previous: str, row: str) -> bool:
    """A hard-wrapped line: the previous one is long and stops mid-sentence."""
    if len(previous) < WRAPPED_LINE_CHARS or previous.endswith(TERMINAL + (":",)):
        return False
    return row[:1].islower() or len(previous) >= WRAPPED_LONG_LINE_CHARS and not is_furniture(row)
