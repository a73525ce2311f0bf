"""Lines of a text dump: blank-line blocks split into lines, hard-wrapped paragraphs rejoined,
bare labels joined to their values; and what a single line is (prose, a byline, a date line)."""

from __future__ import annotations

import re

from archive.ingest import metadata
from archive.ingest.furniture import is_furniture

TERMINAL = tuple(".!?\"'”’…)")


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
        joins = range(2, len(parts) + 1)
        whole = max((k for k in joins if _whole_sentence(_glue(parts[:k]))), default=0)
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


def _whole_sentence(text: str) -> bool:
    """A paragraph, or a line of furniture that is a whole sentence (and is dropped whole)."""
    return is_prose(text) or is_furniture(text) and bool(_SENTENCE_END.search(text))


def _continuation(lines: list[str], i: int) -> list[str]:
    """``lines[i]`` and the lines after it that may continue its sentence."""
    parts = [lines[i]]
    for j in range(i + 1, min(len(lines), i + MAX_PARTS)):
        after = lines[j + 1] if j + 1 < len(lines) else ""
        if not _may_continue(_glue(parts), lines[j], after):
            break
        parts.append(lines[j])
    return parts


def _may_continue(text: str, line: str, after: str) -> bool:
    # Furniture may continue too: "A version of this article appears in print on … of the" /
    # "New York edition with the headline: …" is one line, and furniture as a whole.
    if text.endswith(TERMINAL + (":",)):
        return False
    if is_furniture(text) and not (
        line[0].islower() or line[0] in ",.;:)" or _OPEN_END.search(text)
    ):
        return False  # "Share via email" / "W" / "hale whisperer …" (a drop cap)
    if _DATELINE_ALONE.match(text):
        return True
    if (is_date_line(text) or is_byline(text)) and not _OPEN_END.search(text):
        return False  # "16 November 2017 • 2:15pm" / "Z" / "imbabwe …"
    if _DATELINE_ALONE.match(line):
        return False
    if _LABEL.match(line) or is_byline(line) or is_furniture(line) or is_date_line(line):
        return False
    if line[0] in ",.;:!?)" or line[0].islower() or _POSSESSIVE.match(line):
        return True
    if _OPEN_END.search(text) and len(text.split()) >= 4 and len(line.split()) <= 6:
        return True  # "It calls on the" / "Office for Students"
    # A name linked mid-sentence: "… South Korean President" / "Yoon Suk Yeol" / "over his …"
    short = len(line.split()) <= 5 and not line.endswith(TERMINAL)
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
_DATELINE_ALONE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\s[—–-]{1,2}$")


def _split_sentence(previous: str, line: str) -> bool:
    """Two parts that join even without making a paragraph: the first is long and stops
    mid-sentence, the second continues it (or the first is a dateline on its own)."""
    if previous.endswith(TERMINAL + (":",)) or is_furniture(previous):
        return False
    if _DATELINE_ALONE.match(previous):
        return True  # "KHAN YOUNIS, GAZA —" / "The Israeli assault …"
    if _LABEL.match(line) or is_byline(line) or is_furniture(line) or is_date_line(line):
        return False  # "by:", "by Jane Doe", a date under a headline
    if len(previous.split()) < 4 or is_date_line(previous) or is_byline(previous):
        return False
    if _OPEN_END.search(previous) and len(line) < 120:
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
        if label and (len(line.split()) <= 6 if is_by else metadata.find_date(line, 2000)):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


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
    if len(rows) < 3:
        return False
    inner = rows[:-1]
    open_ended = [r for r in inner if len(r) >= 30 and not r.endswith(TERMINAL)]
    return len(open_ended) >= 0.6 * len(inner) and max(map(len, rows)) >= 60


def _continues(previous: str, row: str) -> bool:
    """A hard-wrapped line: the previous one is long and stops mid-sentence."""
    if len(previous) < 35 or previous.endswith(TERMINAL + (":",)):
        return False
    return row[:1].islower() or len(previous) >= 55 and not is_furniture(row)


_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def is_prose(line: str) -> bool:
    """A real paragraph: several words, sentence punctuation at the end."""
    words = line.split()
    if len(words) < 8 or len(line) < 40 or is_furniture(line):
        return False
    letters = sum(c.isalpha() for c in line)
    return bool(_SENTENCE_END.search(line)) and letters > 0.6 * len(line)


def is_loose_text(line: str) -> bool:
    """Long enough to be a paragraph even without final punctuation."""
    return len(line) >= 60 and len(line.split()) >= 10 and not is_furniture(line)


def is_byline(line: str) -> bool:
    return bool(re.match(r"^\W*(written\s+)?by:?\s+\S", line, re.I)) and len(line) < 120


def is_read_time(line: str) -> bool:
    return bool(re.match(r"^\d+\s+min(ute)?s?\s+read$", line, re.I))


def is_date_line(line: str) -> bool:
    return (
        len(line) <= 90 and metadata.find_date(line, 2000) is not None and len(line.split()) <= 16
    )
