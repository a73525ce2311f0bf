"""Saved HTML pages: the publication date the page states.

In order: a published-time meta or JSON-LD field (the earliest, since sites put update times
in "published" fields too), a ``<time>`` marked as publication or creation, a "Published:"
label opening a line of the page, ``sailthru.date``; else the extractor's guess, unless that
guess is a bare year (1 January) or later than the update the page states.
"""

from __future__ import annotations

import re
from datetime import datetime

from archive.ingest import metadata

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "sailthru.date",
)
# A label opening a line of the page (or after a separator), then the date itself: "Published:
# 12 March 2020", "| Posted on March 3, 2020", never prose ("… posted while in Las Vegas on …").
_LABELLED_DATE = re.compile(
    r"(?:^|[|·•])\s*(?:first published|published|written|posted|(?:date )?created|erschienen"
    r"|veröffentlicht|(?:기사\s*)?입력|등록|발행)"
    r"\s*(?:on|am|:)?\s*:?\s*(?=\d|[^\W\d]+\.?,?\s+\d)([^<>|/]{6,60})",
    re.I,
)


MARKED_TIMES = 3  # <time> elements marked as the publication time that are tried
TEXT_NODES = 3000  # text nodes searched for a labelled date


def published_date(tree) -> datetime | None:
    """The publication time the page states: a published-time meta or JSON-LD field, else a
    "Published:/Written:" label in the visible text. Modified/updated times are ignored, and
    ``sailthru.date`` (often the last update) only counts when nothing else is found."""
    if tree is None:
        return None
    found = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content") and key not in found:
            found[key] = meta.get("content")
    claims = [metadata.parse_date(found[key]) for key in _PUBLISHED_META[:-1] if key in found]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        if m := re.search(r'"datePublished"\s*:\s*"([^"]+)"', script):
            claims.append(metadata.parse_date(m.group(1)))
            break  # later JSON-LD blocks describe related items
    claims = [c for c in claims if c]
    if claims:
        # Sites sometimes put the update time in a "published" field; publication comes first.
        return min(claims)
    return (
        _marked_time(tree)
        or _labelled_date(tree)
        or metadata.parse_date(found.get("sailthru.date"))
    )


def _marked_time(tree) -> datetime | None:
    """A <time> the page marks as the publication or creation time (itemprop, pubdate, or a
    class naming it: <time class="field-node-create-date">31.03.2020</time>)."""
    marked = tree.xpath(
        '//time[@itemprop="datePublished" or @pubdate or contains(@class, "publish")'
        ' or contains(@class, "create") or contains(@class, "posted")]'
    )
    for node in marked[:MARKED_TIMES]:
        if value := metadata.parse_date(node.get("datetime") or node.text_content().strip()):
            return value
    return None


def _labelled_date(tree) -> datetime | None:
    for node in tree.xpath("//body//text()[string-length(normalize-space()) > 4]")[:TEXT_NODES]:
        if m := _LABELLED_DATE.search(node):
            if value := metadata.parse_date(m.group(1)):
                return value
    return None


def guessed_date(value: str | None, page: str, tree=None) -> datetime | None:
    """The extractor's date guess, unless it is a bare year (htmldate dates a page whose only
    date is "© 2013" to 1 January 2013, which the page never states) or falls after the
    last update the page states (France 24: "Latest update : 2015-05-12", guessed 05-13)."""
    guess = metadata.parse_date(value)
    if (
        guess
        and (guess.month, guess.day) == (1, 1)
        and not _new_year_pattern(guess.year).search(page)
    ):
        return None
    updated = updated_date(tree) if guess and tree is not None else None
    if guess and updated and guess.date() > updated.date():
        return None
    return guess


_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_LABELLED_UPDATE = re.compile(
    r"^\s*(?:last |latest )?(?:updated?|modified)\s*(?:on|:)?\s*:?\s*(?=\d|[^\W\d]+\.?,?\s+\d)"
    r"([^<>|/]{6,60})",
    re.I,
)


def updated_date(tree) -> datetime | None:
    """The last update the page states: a modified-time meta, JSON-LD ``dateModified`` or an
    "Updated:" / "Latest update :" line."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _UPDATED_META and (value := metadata.parse_date(meta.get("content"))):
            return value
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        if m := re.search(r'"dateModified"\s*:\s*"([^"]+)"', script):
            if value := metadata.parse_date(m.group(1)):
                return value
    for node in tree.xpath("//body//text()[string-length(normalize-space()) > 8]")[:TEXT_NODES]:
        if (m := _LABELLED_UPDATE.match(node)) and (value := metadata.parse_date(m.group(1))):
            return value
    return None


def _new_year_pattern(year: int) -> re.Pattern:
    """1 January of ``year`` written as a date: 2013-01-01, 01.01.2013, 1 Jan 2013, January
    1, 2013, 1. Januar 2013, 2013년 1월 1일."""
    return re.compile(
        rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}|\b1(?:st|\.)?\s+j[aä]n\w*\.?,?\s+{year}"
        rf"|\bjan\w*\.?\s+1(?:st)?,?\s+{year}|{year}년\s*1월\s*1일",
        re.IGNORECASE,
    )
