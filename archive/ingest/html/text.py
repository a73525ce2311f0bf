"""Saved pages: the text an extractor found, made into the article body and a clean title —
headline copies, labels and closing credit lines out, drop caps and datelines back in place."""

from __future__ import annotations

import re

from archive.ingest import metadata
from archive.ingest.furniture import is_furniture
from archive.ingest.lines import (
    DATELINE_ALONE,
    TITLE_SEPARATORS,
    is_credit_line,
    squeeze,
)
from archive.text_shapes import is_byline

CREDIT_REACH = 4  # closing paragraphs searched for credit lines
CREDIT_LINE_CHARS = 250  # a credit line is no longer
LEAD_IN_LINES = 8  # how far into the text the headline and page labels may repeat
BYLINE_REACH = 3  # opening paragraphs searched for a byline line
HEADER_LINE_CHARS = 150  # a byline line at the opening is no longer
_LIST_ITEM = re.compile(r"^[-•·*]\s")


def closing_credits(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The body without its closing credit lines ("Reporting by Jill Serjeant; Editing by
    …", "Alex Isenstadt contributed to this report.", "-- By Jane Doe"), and those lines."""
    tail = range(max(0, len(paragraphs) - CREDIT_REACH), len(paragraphs))
    credits = {
        i for i in tail if len(paragraphs[i]) <= CREDIT_LINE_CHARS and is_credit_line(paragraphs[i])
    }
    kept = [p for i, p in enumerate(paragraphs) if i not in credits]
    return kept, [paragraphs[i] for i in sorted(credits)]


# A drop cap set apart from its paragraph: <span class="dropcap">T</span><p><a …>urkey</a>, …
_DROP_CAP = re.compile(
    r"<(span|div|b|strong)\b[^>]*>\s*([A-Z])\s*</\1>\s*(<p\b[^>]*>\s*(?:<a\b[^>]*>)?)(?=[a-z])"
)


def rejoin_drop_caps(page: str) -> str:
    """The page with each drop cap put back into the word it begins, so no first sentence
    starts "urkey, Poland and …"."""
    return _DROP_CAP.sub(r"\3\2", page)


def paragraphs_of(text: str, titles: tuple[str, ...] = ()) -> str:
    """The extracted ``text`` as body paragraphs: furniture out, the ``titles`` repeated and
    the labels before the first sentence out, a dateline on its own joined to its paragraph,
    a closing list of links to other stories out."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not is_furniture(line)]
    return "\n\n".join(_drop_closing_links(_drop_lead_in(_join_datelines(lines), titles)))


def without_header_lines(body: str, title: str, author: str) -> str:
    """The body without its headline repeated at the opening, nor a byline line there
    ("Autori: Anna Ūdre (LTV …)", "By Jane Doe | 3 March 2020")."""
    paragraphs = _drop_lead_in(body.split("\n\n"), (title,))
    names = [re.compile(rf"\b{re.escape(name)}\b", re.I) for name in author.split(", ") if name]
    for k, line in enumerate(paragraphs[:BYLINE_REACH]):
        if len(line) <= HEADER_LINE_CHARS and not re.search(r"[.!?…\"”]$", line):
            if is_byline(line) or any(name.search(line) for name in names):
                del paragraphs[k]
                break
    return "\n\n".join(paragraphs)


def _drop_lead_in(lines: list[str], titles: tuple[str, ...]) -> list[str]:
    """The text without what comes before the article proper: the headline repeated (also
    after a standfirst), and, before the first sentence, labels and short list items
    ("Nordkorea", "- 5 Kommentare", "- From the section US & Canada")."""
    heads = {squeeze(t) for title in titles if title for t in (title, clean_title(title))}
    kept = [
        line for k, line in enumerate(lines) if k >= LEAD_IN_LINES or squeeze(line) not in heads
    ]
    first = 0
    while first < min(len(kept), LEAD_IN_LINES) and _is_label(kept[first]):
        first += 1
    return kept[first:]


# The heading of a box of links to other stories: "More Must-Reads From TIME", "Related".
_LINKS_HEADING = re.compile(
    r"^(?:more\b|read (?:more|next|also)\b|related\b|recommended\b|most (?:read|popular)\b|"
    r"(?:top|latest|trending|popular) (?:stories|news|articles)\b|you (?:may|might) also\b)",
    re.IGNORECASE,
)


# A closing box of links: a heading of LINKS_HEADING_WORDS words at most, LINKS_BOX_ITEMS list
# items or more, within the last LINKS_BOX_REACH lines.
LINKS_BOX_REACH, LINKS_HEADING_WORDS, LINKS_BOX_ITEMS = 30, 8, 2
LABEL_WORDS, LABEL_ITEM_WORDS = 3, 7  # lead-in labels and list items are no longer


def _drop_closing_links(lines: list[str]) -> list[str]:
    """The text without a closing box of links: a heading like "More Must-Reads From TIME"
    followed by nothing but list items ("- The Best Inventions of 2023") and credit lines."""
    for k in range(len(lines) - 1, max(0, len(lines) - LINKS_BOX_REACH), -1):
        rest = lines[k + 1 :]
        items = [line for line in rest if _LIST_ITEM.match(line)]
        if (
            _LINKS_HEADING.match(lines[k])
            and len(lines[k].split()) <= LINKS_HEADING_WORDS
            and len(items) >= LINKS_BOX_ITEMS
            and all(line in items or is_credit_line(line) for line in rest)
        ):
            return lines[:k] + [line for line in rest if line not in items]
    return lines


def _is_label(line: str) -> bool:
    words = line.split()
    if _LIST_ITEM.match(line):
        return len(words) <= LABEL_ITEM_WORDS
    return len(words) <= LABEL_WORDS and not re.search(r"[.!?:;,\"”’)]$", line)


def _join_datelines(lines: list[str]) -> list[str]:
    """A dateline left on its own ("WASHINGTON —") opens the paragraph after it."""
    out: list[str] = []
    for line in lines:
        if out and DATELINE_ALONE.match(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def clean_title(title: str, source: str = "") -> str:
    """Drop site suffixes and prefixes (" | Reuters", "BBC News - ", " l KBS WORLD")."""
    title = re.sub(r"\s+", " ", title).strip()
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) == 1:  # no separator
        return title
    keep = [p for p in parts if not _is_site_label(p, source)]
    if keep and len(keep) < len(parts):
        return " - ".join(keep) if len(keep) > 1 else keep[0]
    return title


def _is_site_label(part: str, source: str) -> bool:
    canonical = metadata.canonical_source(part)
    if source and canonical.casefold() == source.casefold():
        return True
    return canonical in metadata.known_outlets().values()
