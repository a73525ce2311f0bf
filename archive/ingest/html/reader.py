"""Saved HTML pages (`.html`, `.htm`): trafilatura for the main text and metadata.

The page's bytes are decoded by BOM, then its declared charset (HTTP header when given,
else ``<meta charset>``), then UTF-8, then charset detection. Pages without a real body
(front pages, section indexes, link lists) are ``Skipped``.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from lxml import html as lxml_html

from archive.ingest import metadata
from archive.ingest.authors import (
    authors_from_byline,
    closing_wire_credit,
    join_authors,
    split_names,
    without_opening,
)
from archive.ingest.document import ParsedDocument, Skipped
from archive.ingest.encoding import decode
from archive.ingest.html.dates import guessed_date, published_date
from archive.ingest.html.headline import (
    first_heading,
    headline,
    og_title,
    page_title,
    title_candidates,
)
from archive.ingest.html.text import (
    clean_title,
    closing_credits,
    paragraphs_of,
    rejoin_drop_caps,
    without_header_lines,
)
from archive.ingest.lines import (
    ARTICLE_MIN_CHARS,
    TITLE_SEPARATORS,
    article_text_problem,
    first_sentence,
    is_real_paragraph,
    squeeze,
)
from archive.text_shapes import is_byline, opens_byline

# trafilatura and htmldate log warnings and errors ("empty HTML tree", "discarding data") for
# every page they cannot use; the reader reports those pages itself, as Skipped with the reason.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

CHARSET_REACH = 8192  # bytes of the page searched for a <meta charset>
VISIBLE_BYLINE_MIN_CHARS, VISIBLE_BYLINE_CHARS = 3, 80  # a visible byline is this long
BYLINE_ELEMENTS, TEXT_NODES = 20, 1500  # elements and text nodes searched for a visible byline
FRONT_PAGE_TEXT_SHARE = 0.3  # an undated "website" page with fewer real paragraphs is an index
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
DATE_PARAMS = {"extensive_search": True, "original_date": True}


def read(path: Path, data: bytes) -> list[ParsedDocument | Skipped]:
    return [parse_html(data, str(path))]


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset named by a Content-Type header value or the page's first <meta>."""
    if header and (m := re.search(r"charset\s*=\s*[\"']?([\w:.-]+)", header, re.I)):
        return m.group(1)
    if m := _META_CHARSET.search(data[:CHARSET_REACH]):
        return m.group(1).decode("ascii", "replace")
    return None


def parse_html(
    data: bytes,
    origin: str,
    url: str = "",
    content_type_header: str | None = None,
    captured: datetime | None = None,
    raw: bytes | None = None,
) -> ParsedDocument | Skipped:
    """One HTML page → a document, or ``Skipped`` when it holds no article."""
    page = rejoin_drop_caps(decode(data, declared_charset(data, content_type_header)))
    result = _extract(page, url)
    if result is None:
        return Skipped(origin, "not an article: no main text found")
    tree = _tree(page)
    body, reason = _article_body(result, tree)
    if reason:
        return Skipped(origin, f"not an article: {reason}")
    page_url = metadata.canonical_url(url or result.url or "")
    if _is_front_page(result, page_url, tree):
        return Skipped(origin, "not an article: a front page or section index")
    source = _source(result, page_url) or _label_source(page_title(tree) or result.title or "")
    published = published_date(tree) or guessed_date(result.date, page, tree)
    body, credited = _without_credits(body)
    title = (
        headline(tree, clean_title(og_title(tree) or result.title or "", source), body)
        or first_heading(tree)
        or first_sentence(body)
    )
    author = (
        _authors(result.author, _house_names(tree, source)) or _visible_byline(tree) or credited
    )
    return ParsedDocument(
        origin=origin,
        title=title,
        body=without_header_lines(body, title, author),
        raw=raw if raw is not None else data,
        content_type="text/html",
        published=published,
        source=source,
        url=page_url,
        author=author,
        language=metadata.detect_language(body, result.language),
        captured=captured,
    )


def _without_credits(body: str) -> tuple[str, str]:
    """The body without its closing credit lines, and the authors they name ("Reporting by
    Jill Serjeant; Editing by …" → "Jill Serjeant", "(FR mit dpa)" → "FR mit dpa")."""
    paragraphs, credits = closing_credits(body.split("\n\n"))
    paragraphs, wire_credit = closing_wire_credit(paragraphs)
    names = [name for line in credits for name in authors_from_byline(line)]
    return "\n\n".join(paragraphs), join_authors(names) or wire_credit


def _extract(page: str, url: str):
    """trafilatura's main text and metadata for the page, or ``None`` when it finds none."""
    return trafilatura.bare_extraction(
        page,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )


def _article_body(result, tree) -> tuple[str, str]:
    """The article text and, when it is not an article, the reason (else ``""``)."""
    titles = title_candidates(result, tree)
    body = paragraphs_of(result.text or "", titles)
    reason = _not_an_article(body, result)
    if reason and (stated := _json_ld_body(tree, titles)) and not _not_an_article(stated, result):
        # Script-rendered pages carry the text only in their schema.org data.
        body, reason = stated, ""
    return body, reason


def _tree(page: str):
    try:
        return lxml_html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", page))
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


def _json_ld_body(tree, titles: tuple[str, ...] = ()) -> str:
    """The ``articleBody`` a page states in its JSON-LD, split into paragraphs."""
    if tree is None:
        return ""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            text = item.get("articleBody") if isinstance(item, dict) else None
            if isinstance(text, str) and len(text) > ARTICLE_MIN_CHARS:
                return paragraphs_of(
                    re.sub(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", "\n", text)
                    if "\n" not in text
                    else text,
                    titles,
                )
    return ""


def _is_front_page(result, url: str, tree) -> bool:
    """A site's home or section page: typed "website", at most one path segment, no
    publication date of its own."""
    if (result.pagetype or "").lower() not in {"website", "homepage"}:
        return False
    segments = [part for part in urlsplit(url).path.split("/") if part]
    return len(segments) <= 1 and published_date(tree) is None


def _label_source(title: str) -> str:
    """A known outlet named as a label in the <title> ("… - Breitbart")."""
    for part in TITLE_SEPARATORS.split(title)[1:]:
        if (name := metadata.canonical_source(part)) in metadata.known_outlets().values():
            return name
    return ""


def _visible_byline(tree) -> str:
    """A byline element or a short "By Jane Doe" text near the top of the page, when the
    metadata names nobody."""
    if tree is None:
        return ""
    marked = tree.xpath(
        '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
        ' or contains(@class, "author-name")'
        ' or (contains(concat(" ", normalize-space(@class), " "), " credit ")'
        " and not(ancestor-or-self::figure or ancestor-or-self::figcaption))]"
    )
    for node in marked[:BYLINE_ELEMENTS]:
        line = re.sub(r"\s+", " ", node.text_content()).strip()
        if VISIBLE_BYLINE_MIN_CHARS <= len(line) <= VISIBLE_BYLINE_CHARS:
            names = authors_from_byline(line if opens_byline(line) else f"By {line}")
            names = [n for n in names if n.casefold() not in NOT_AUTHORS]
            if names:
                return join_authors(names)
    for node in tree.xpath("//body//text()[string-length(normalize-space()) > 4]")[:TEXT_NODES]:
        line = re.sub(r"\s+", " ", node).strip()
        if len(line) <= VISIBLE_BYLINE_CHARS and is_byline(line):
            if names := authors_from_byline(line):
                return join_authors(names)
    return ""


def _not_an_article(body: str, result) -> str:
    if problem := article_text_problem(body):
        return problem
    paragraphs = body.split("\n\n")
    long_ones = [p for p in paragraphs if is_real_paragraph(p, ellipsis=False)]  # no teasers
    if (result.pagetype or "").lower() in {"website", "homepage", "home"} and not result.date:
        if len(long_ones) < FRONT_PAGE_TEXT_SHARE * len(paragraphs):
            return "a front page or section index (mostly links and teasers, no date)"
    return ""


def _source(result, url: str) -> str:
    """The outlet: known by its URL, else the site name without its tagline ("Aktuálně.cz -
    Víte, co se právě děje" → "Aktuálně.cz"), else the host name."""
    return (
        metadata.outlet_for_url(url)
        or metadata.canonical_source(TITLE_SEPARATORS.split(result.sitename or "")[0])
        or metadata.canonical_source(result.hostname)
    )


NOT_AUTHORS = {
    "username",
    "no author",
    "admin",
    "administrator",
    "redaktion",
    "editor",
    "author",
    "unknown",
    "anonymous",
    "null",
    "none",
}


def _authors(author: str | None, house: set[str] = frozenset()) -> str:
    """The names in the metadata's author field; the outlet or the company that owns the page
    (``house``) only when it is the only name ("Tom Watkins; CNN" → "Tom Watkins")."""
    if not author:
        return ""
    names = split_names(without_opening(author), any_case=False)
    names = [_trimmed(n) for n in names if n.strip() and n.strip().casefold() not in NOT_AUTHORS]
    people = [n for n in names if n.casefold() not in house and squeeze(n) not in house]
    return join_authors(people or names)


def _trimmed(name: str) -> str:
    """A name without the lower-case words a page put after it ("Aleš Vávra před", the start
    of "před 3 hodinami", 3 hours ago)."""
    words = name.split()
    while len(words) > 1 and words[-1][0].islower() and any(w[0].isupper() for w in words):
        words.pop()
    return " ".join(words)


def _house_names(tree, source: str) -> set[str]:
    """The page's outlet and the rights holder its copyright meta names ("Copyright (c) Condé
    Nast 2023" → "condé nast"), case-folded and squeezed, as names that are not authors."""
    house = {source.casefold(), squeeze(source)} if source else set()
    for value in tree.xpath('//meta[@name="copyright"]/@content') if tree is not None else []:
        holder = re.sub(r"copyright|\(c\)|©|\d{4}|all rights reserved\.?", " ", value, flags=re.I)
        holder = re.sub(r"\s+", " ", holder).strip(" .,")
        if holder:
            house |= {holder.casefold(), squeeze(holder)}
    return house
